import { describe, expect, it } from 'vitest';
import { analyseClaim } from './claim';
import { analyse, matchClaim } from './index';
import { placeStems } from './passages';
import { indexSource } from './source';

const termOf = (claim: string, word: string) => analyseClaim(claim).terms.find((t) => t.surface === word)!;

describe('placeStems', () => {
  it('reads the place a people or a language is named from', () => {
    expect(placeStems(termOf('The talks were held with Ukrainian officials.', 'Ukrainian'))).toContain('ukrain');
    expect(placeStems(termOf('The talks were held with Libyan officials.', 'Libyan'))).toContain('libya');
    expect(placeStems(termOf('The talks were held with Chinese officials.', 'Chinese'))).toContain('china');
    expect(placeStems(termOf('The talks were held with Mexican officials.', 'Mexican'))).toContain('mexico');
  });

  it('reads nothing from a short name, a lower-case word or a word with no such ending', () => {
    expect(placeStems(termOf('The talks were held by Brian and Megan.', 'Brian'))).toEqual([]);
    expect(placeStems(termOf('The talks were held by Brian and Megan.', 'Megan'))).toEqual([]);
    expect(placeStems(termOf('The republican officials met.', 'republican'))).toEqual([]);
    expect(placeStems(termOf('The talks were held in Oslo.', 'Oslo'))).toEqual([]);
  });
});

describe('a claim naming a people where the source names the place', () => {
  const source = indexSource('s', 'Officials from Libya met the mayor on Tuesday.\nThe weather was mild all week.');

  it('finds the name in the place the source writes, so nothing is absent', () => {
    const m = matchClaim('Libyan officials met the mayor on Tuesday.', [source]);
    expect(m.absent ?? []).toEqual([]);
    expect(m.evidence[0].text).toBe('Officials from Libya met the mayor on Tuesday.');
    expect(m.evidence[0].missing).toEqual([]);
  });

  it('does not take a lower-case word for the place', () => {
    const a = analyse('German officials met the mayor.', [indexSource('s', 'A germ was found near the mayor.')]);
    const german = a.analysis.terms.findIndex((t) => t.surface === 'German');
    expect(a.retrieval!.anywhere[german]).toBe(false);
  });

  it('leaves a claim word the source writes as it is', () => {
    const a = analyse('Libyan officials met the mayor.', [indexSource('s', 'Libyan officials met the mayor.\nLibya is far away.')]);
    const libyan = a.analysis.terms.findIndex((t) => t.surface === 'Libyan');
    const holding = a.retrieval!.windows.filter((w) => w.from === w.to && w.matched[libyan]).map((w) => w.from);
    expect(holding).toEqual([0]);
  });
});
