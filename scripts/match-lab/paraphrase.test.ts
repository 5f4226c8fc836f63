import { describe, expect, it } from 'vitest';
import { analyse, DEFAULT_PARAMS, indexSource } from '../../utils/match/index';
import { chunkCoverages, partCoverage, shareAnywhere } from '../../utils/match/features';
import { stem } from '../../utils/match/text';
import { derivations, loosened } from './paraphrase';

const source = indexSource(
  's',
  [
    '# Harbour plan',
    'The council announced its decision on the harbour in March.',
    'Denmark sent two ships, and the harbour saw rapid growth afterwards.',
    'The council talked about the harbour plan at length.',
    'Ukraine sent a third ship to the harbour in May.',
  ].join('\n\n'),
);
const retrieval = (claim: string) => analyse(claim, [source]).retrieval!;
const penalty = DEFAULT_PARAMS.retrieval.windowPenalty;
const same = { derivations: false, synonymsInWindow: false };

describe('WordNet derivations (first sense)', () => {
  it('joins a verb and its nominalisation, and a demonym and its country, both ways', () => {
    const d = derivations();
    expect(d.get(stem('decide'))).toContain(stem('decision'));
    expect(d.get(stem('decision'))).toContain(stem('decide'));
    expect(d.get(stem('ukrainian'))).toContain(stem('ukraine'));
    expect(d.get(stem('grow'))).toContain(stem('growth'));
    expect(d.get(stem('harbour')) ?? []).not.toContain(stem('decision'));
  });

  it('keeps a smaller table of tagged lemmas only, without the untagged names', () => {
    const tagged = derivations(1);
    expect(tagged.get(stem('decide'))).toContain(stem('decision'));
    expect(tagged.get(stem('ukrainian'))).toBeUndefined();
    expect(tagged.size).toBeLessThan(derivations().size);
  });
});

describe('loosened retrieval', () => {
  it('rebuilds the shipped windows, coverage, parts and presence when nothing is loosened', () => {
    for (const claim of ['The council decided on the harbour, and Danish ships came.', 'The harbour grew quickly after two ships came.', 'A Ukrainian ship came to the harbour in May.']) {
      const r = retrieval(claim);
      const l = loosened(r, same, penalty);
      expect(l.windows.map((w) => [w.from, w.to, w.coverage])).toEqual(r.windows.map((w) => [w.from, w.to, w.coverage]));
      expect(chunkCoverages(l)).toEqual(chunkCoverages(r));
      expect(partCoverage(l).best).toEqual(partCoverage(r).best);
      expect(shareAnywhere(l, 'name')).toBe(shareAnywhere(r, 'name'));
    }
  });

  it('finds a derived form in the window and a name by its country', () => {
    // "Danish"/"Denmark": a pair the shipped reading of a people's name at its place's does not make.
    const r = retrieval('The council decided on the harbour after Danish ships came.');
    const l = loosened(r, { derivations: true, synonymsInWindow: false }, penalty);
    const decided = r.analysis.terms.findIndex((t) => t.surface === 'decided');
    expect(r.anywhere[decided]).toBe(false);
    expect(l.anywhere[decided]).toBe(true);
    expect(shareAnywhere(r, 'name')).toBeLessThan(1);
    expect(shareAnywhere(l, 'name')).toBe(1);
    expect(l.windows[0].coverage).toBeGreaterThan(r.windows[0].coverage);
  });

  it('counts a synonym in its window even where the source uses the word itself elsewhere', () => {
    // The source says "purchased" beside the ships and "buy" only in a sentence about something else.
    const src = indexSource('b', ['The port purchased two ships from Norway in May.', 'Residents can buy tickets at the harbour office.'].join('\n\n'));
    const r = analyse('The port bought two ships from Norway.', [src]).retrieval!;
    const term = r.analysis.terms.findIndex((t) => t.surface === 'bought');
    const first = (l: ReturnType<typeof loosened>) => l.windows.find((w) => w.from === 0 && w.to === 0)!;
    expect(first(loosened(r, same, penalty)).matched[term]).toBe(false);
    expect(first(loosened(r, { derivations: false, synonymsInWindow: true }, penalty)).matched[term]).toBe(true);
  });
});
