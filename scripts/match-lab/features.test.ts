import { describe, expect, it } from 'vitest';
import { indexSource } from '../../utils/match/index';
import { absoluteUnstated, featuresOf, type LabFeatures } from './features';
import { logisticDecide } from './logistic';

const text = [
  'The council approved the new library plans after a long debate.',
  'Heavy rain may delay the opening of the harbour bridge.',
  'Ferry fares rose sharply in the spring.',
  'The museum does not lend its oldest maps.',
].join('\n\n');
const source = indexSource('s', text);
const features = (claim: string, src = source) => featuresOf(claim, [src])!;

describe('content-word pairs', () => {
  it.each([
    ['pairs kept with other small words around them', 'Council approved new library plans.', 1],
    ['the same words in another order', 'Plans for a library, new, were approved by a council.', 0],
    ['three pairs of four found', 'The council approved the new library budget.', 0.75],
    ['a single content word', 'Council.', 0],
  ])('%s: share %s', (_label, claim, share) => {
    expect(features(claim).contentPairs).toBeCloseTo(share, 5);
  });

  it('does not join words across sentences of the source', () => {
    // "debate" ends one sentence and "heavy" starts the next: not a pair the source states.
    expect(features('Debate heavy.').contentPairs).toBe(0);
  });
});

describe('negation the sources never make', () => {
  it.each([
    ['the claim negates words the source states plainly', 'The council did not approve the library plans.', 1],
    ['the source negates the same words', 'The museum does not lend its oldest maps to anyone.', 0],
    ['the negated words are nowhere in the source', 'The zoo does not close on holidays.', 0],
    ['no negation in the claim', 'The council approved the library plans.', 0],
  ])('%s: %s', (_label, claim, flag) => {
    expect(features(claim).negationUnmatched).toBe(flag);
  });
});

describe('hedges and intensifiers', () => {
  it.each([
    ['claim hedges, passage does not', 'Ferry fares may have risen in the spring.', { claimHedge: 1, sourceHedge: 0 }],
    ['passage hedges, claim does not', 'Heavy rain will delay the opening of the harbour bridge.', { claimHedge: 0, sourceHedge: 1 }],
    ['both hedge', 'Heavy rain may delay the opening of the harbour bridge.', { claimHedge: 0, sourceHedge: 0 }],
  ])('%s', (_label, claim, expected) => {
    const f = features(claim);
    expect({ claimHedge: f.claimHedge, sourceHedge: f.sourceHedge }).toEqual(expected);
  });

  it.each([
    ['an intensifier the passage lacks', 'The council greatly approved the new library plans.', 1],
    ['an intensifier the passage has', 'Ferry fares rose sharply in the spring.', 0],
    ['no intensifier', 'Ferry fares rose in the spring.', 0],
  ])('%s: %s', (_label, claim, flag) => {
    expect(features(claim).intensifier).toBe(flag);
  });
});

describe('share of the passage the claim uses', () => {
  it('is higher for a claim that restates the whole passage than for one that takes a sliver of it', () => {
    const whole = features('The council approved the new library plans after a long debate.').passageInClaim;
    const sliver = features('The council approved plans.').passageInClaim;
    expect(whole).toBeCloseTo(1, 5);
    expect(sliver).toBeLessThan(0.6);
  });
});

describe('edit veto', () => {
  const base = features('The council approved the new library plans after a long debate.');
  const edited: LabFeatures = { ...base, edited: 1, conflict: 0, copied: 0.8, weakestPart: 1 };
  const earlier = { supported: 0.55, partial: 0.45, partCovered: 0.4 };
  it.each([
    ['off by default', undefined, edited, 'supported'],
    ['a near-copy that disagrees', 0.5, edited, 'partial'],
    ['too little copied to veto', 0.9, edited, 'supported'],
    ['a near-copy that agrees', 0.5, { ...edited, edited: 0 }, 'supported'],
  ] as const)('%s → %s', (_label, editCopied, f, verdict) => {
    expect(logisticDecide({ ...earlier, editCopied }, f, 0.99)).toBe(verdict);
  });

  it('marks a copy whose negation was dropped, not a claim that only adds to the passage', () => {
    expect(features('Ferry fares rose sharply in 2019 and the council approved the new library plans after a long debate.').edited).toBe(0);
    expect(features('The museum lends its oldest maps.').edited).toBe(1);
  });
});

describe('copied phrasing', () => {
  const report = indexSource('r', 'The council approved the new library plans after a long debate.\n\nBus fares increased by ten percent.');
  it.each([
    ['a copied phrase', 'The council approved the new library plans after a long debate.', 1],
    ['the same words reordered', 'Plans for the library were approved by the council.', 0],
  ])('%s: share of words in a copied run of three is %s', (_label, claim, share) => {
    expect(featuresOf(claim, [report])!.copied).toBeCloseTo(share, 5);
  });
});

describe('absolute words', () => {
  it.each([
    ['"only" the passage does not say', 'The virus spreads only after symptoms begin.', 'The virus spreads after symptoms begin.', true],
    ['"only" the passage says too', 'The virus spreads only after symptoms begin.', 'The virus spreads only after symptoms begin.', false],
    ['no absolute word', 'The virus spreads after symptoms begin.', 'The virus spreads after symptoms begin.', false],
  ])('%s → absolute: %s', (_label, claim, passage, absolute) => {
    expect(absoluteUnstated(claim, passage)).toBe(absolute);
  });
});
