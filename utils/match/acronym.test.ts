import { describe, expect, it } from 'vitest';
import { analyseClaim } from './claim';
import { analyse, matchClaim } from './index';
import { acronymLetters, initialsSentences } from './passages';
import { indexSource } from './source';

const termOf = (claim: string, word: string) => analyseClaim(claim).terms.find((t) => t.surface === word)!;

describe('acronymLetters', () => {
  it('reads the letters of a word written as an acronym', () => {
    expect(acronymLetters(termOf('The plan came from the RVTA in spring.', 'RVTA'))).toBe('rvta');
    expect(acronymLetters(termOf('The plan came from the RvTA in spring.', 'RvTA'))).toBe('rvta');
  });

  it('reads none from a name, a word with one capital, or a number', () => {
    expect(acronymLetters(termOf('The plan came from Harlow in spring.', 'Harlow'))).toBeNull();
    expect(acronymLetters(termOf('The plan came from McDonald in spring.', 'McDonald'))).toBeNull();
    expect(acronymLetters(termOf('The plan came from the A4 office.', 'A4'))).toBeNull();
  });
});

describe('a claim acronym the source writes out', () => {
  const text = 'The plan was drawn up by the Riverside Valley Transit Authority last year.\nA map was shown.\nThe Office of Rail Review agreed.';
  const source = indexSource('s', text);

  it('finds it where capitalised words spell its letters, a joining word counted or not', () => {
    expect(initialsSentences(source, termOf('The RVTA drew up the plan.', 'RVTA'))).toEqual([0]);
    expect(initialsSentences(source, termOf('The ORR agreed.', 'ORR'))).toEqual([2]);
    expect(initialsSentences(source, termOf('The OoRR agreed.', 'OoRR'))).toEqual([2]);
  });

  it('finds nothing where the letters are spelt out of order, with a gap, or only in part', () => {
    expect(initialsSentences(source, termOf('The VRTA drew up the plan.', 'VRTA'))).toEqual([]);
    expect(initialsSentences(source, termOf('The RVT drew up the plan.', 'RVT'))).toEqual([]);
    expect(initialsSentences(source, termOf('The RVTAL drew up the plan.', 'RVTAL'))).toEqual([]);
    expect(initialsSentences(indexSource('t', 'Riverside, Valley Transit Authority met.'), termOf('The RVTA met.', 'RVTA'))).toEqual([]);
  });

  it('leaves the claim nothing absent, and shows the sentence that writes it out', () => {
    const m = matchClaim('The RVTA drew up the plan last year.', [source]);
    expect(m.absent ?? []).toEqual([]);
    expect(m.evidence[0].text).toBe('The plan was drawn up by the Riverside Valley Transit Authority last year.');
    expect(m.evidence[0].missing).toEqual([]);
  });

  it('reads only the claim word itself where the source writes it', () => {
    const a = analyse('The RVTA drew up the plan.', [indexSource('s', 'The RVTA drew up the plan.\nThe Riverside Valley Transit Authority is old.')]);
    const rvta = a.analysis.terms.findIndex((t) => t.surface === 'RVTA');
    const holding = a.retrieval!.windows.filter((w) => w.from === w.to && w.matched[rvta]).map((w) => w.from);
    expect(holding).toEqual([0]);
  });
});
