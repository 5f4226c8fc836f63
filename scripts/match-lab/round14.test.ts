import { describe, expect, it } from 'vitest';
import { analyse } from '../../utils/match/index';
import { indexSource } from '../../utils/match/source';
import { commaClauses, presencePower } from './round14';

describe('round 14 candidates', () => {
  it('presence at a power: 1 is the shipped share, higher powers weigh one absent name more, Infinity is all or nothing', () => {
    expect(presencePower(0.8, 1)).toBeCloseTo(0.8, 9);
    expect(presencePower(0.8, 2)).toBeCloseTo(0.64, 9);
    expect(presencePower(0.8, 4)).toBeCloseTo(0.4096, 9);
    expect(presencePower(0.8, Infinity)).toBe(0);
    expect(presencePower(0, 2)).toBe(0);
    for (const k of [1, 2, 4, Infinity]) expect(presencePower(1, k)).toBe(1);
  });

  it('parts at commas: a comma before a word is a part boundary, one before a digit is not', () => {
    const claim = 'After eleven seasons in the league, the harbour club won the county cup on March 5, 2020, beating Kirkwall 1,000 to nil.';
    expect(commaClauses(claim)).toBe('After eleven seasons in the league; the harbour club won the county cup on March 5, 2020; beating Kirkwall 1,000 to nil.');
    expect(commaClauses(claim)).toHaveLength(claim.length);
    const src = indexSource('s', 'The harbour club won the county cup on March 5, 2020, beating Kirkwall.');
    const shipped = analyse(claim, [src]);
    const commas = analyse(commaClauses(claim), [src]);
    expect(shipped.stated?.best).toHaveLength(1);
    // Three parts: the seasons, unstated; the cup, stated; the match, stated.
    expect(commas.stated?.best).toHaveLength(3);
    expect(commas.stated!.best[0]).toBe(0);
    expect(commas.stated!.best[1]).toBe(1);
    // The score's inputs do not change.
    expect(commas.factors?.coverage).toBeCloseTo(shipped.factors!.coverage, 9);
  });
});
