import { describe, expect, it } from 'vitest';
import { analyse, indexSource } from '../../utils/match/index';
import { stem } from '../../utils/match/text';
import { generalIdf, generalWeights, looseWindows, namesLoose, namesNotOrdinary, numbersRounded, ordinaryWord, samePrefix } from './general';

const source = indexSource(
  's',
  [
    'The Ocean Research Council said the Canadian programme reached 2,987 schools.',
    'The producers will review the programme in spring.',
    'Each kit cost 1,995 dollars.',
  ].join('\n\n'),
);
const retrieval = (claim: string) => analyse(claim, [source]).retrieval!;

describe('general-English weights', () => {
  it('gives a rare word more weight than a common one, and an unknown word the most', () => {
    expect(generalIdf(stem('vaccination'))).toBeGreaterThan(generalIdf(stem('house')));
    expect(generalIdf('zzqxv')).toBeGreaterThan(generalIdf(stem('vaccination')));
  });

  it('mix 0 keeps the shipped weights and mix 1 is the general IDF alone', () => {
    const r = retrieval('The programme reached many schools.');
    expect(generalWeights(r, 0)).toEqual(r.termWeights.map((w) => expect.closeTo(w, 9)));
    const general = generalWeights(r, 1);
    r.analysis.terms.forEach((t, i) => t.kind === 'word' && expect(general[i]).toBeCloseTo(generalIdf(t.stem), 9));
  });

  it('tells ordinary words from names by how general English writes them', () => {
    expect(ordinaryWord(stem('health'))).toBe(true);
    expect(ordinaryWord(stem('canada'))).toBe(false);
  });
});

describe('looser presence shares', () => {
  it('leaves a capitalised ordinary word out of the names share', () => {
    const r = retrieval('In the Spring Budget the programme reached schools.');
    expect(namesNotOrdinary(r)).toBe(1);
  });

  it('finds a demonym by its first letters and an acronym by the initials of a name', () => {
    const r = retrieval('Officials in Canada said the ORC praised the programme.');
    expect(r.analysis.terms.filter((t) => t.kind === 'name').length).toBe(2);
    // Shipped retrieval finds the acronym written out (round 14), not a place named by its people's name.
    expect(r.analysis.terms.filter((t, i) => t.kind === 'name' && r.anywhere[i]).map((t) => t.surface)).toEqual(['ORC']);
    expect(namesLoose(r)).toBe(1);
    expect(namesLoose(retrieval('Officials in Mexico said the ORC praised the programme.'))).toBe(0.5);
  });

  it('counts a round number near a precise one, never a year', () => {
    expect(numbersRounded(retrieval('The programme reached about 3,000 schools.'))).toBe(1);
    expect(numbersRounded(retrieval('The programme reached about 4,000 schools.'))).toBe(0);
    // 1994 is read as a year, and years are never rounded (1,995 dollars is within 2 %).
    expect(numbersRounded(retrieval('The programme began in 1994.'))).toBe(0);
  });
});

describe('spelling-tolerant coverage', () => {
  it('matches a word sharing its first letters inside the window, not a number', () => {
    expect(samePrefix('producer', 'production')).toBe(true);
    expect(samePrefix('product', 'protein')).toBe(false);
    const r = retrieval('The production team will review the programme.');
    const i = r.analysis.terms.findIndex((t) => t.surface === 'production');
    const plain = r.windows.find((w) => w.from === 1 && w.to === 1)!;
    const loose = looseWindows(r).find((w) => w.from === 1 && w.to === 1)!;
    expect(plain.matched[i]).toBe(false);
    expect(loose.matched[i]).toBe(true);
  });
});
