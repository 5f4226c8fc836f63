import { describe, expect, it } from 'vitest';
import { analyse, indexSource } from '../../utils/match/index';
import { chunkCoverages, partCoverage, shareAnywhere } from '../../utils/match/features';
import { contextFigures, givenStems, givenWeights, heldTogether, nameRuns, wholeNamesAnywhere } from './context';

const source = indexSource(
  's',
  [
    'The Harlow Valley Choir toured the coast in spring.',
    'Its founder, Ruth Okonjo, retired after the tour.',
    'A new hall was opened by the Valley Trust, and the choir sang at Harlow station.',
  ].join('\n\n'),
);
const retrieval = (claim: string) => analyse(claim, [source]).retrieval!;

describe('given words (round 11)', () => {
  it('halves the weight of words and names the article used before the claim, never numbers', () => {
    const r = retrieval('In 2019 the Harlow Valley Choir toured the coast with 40 singers.');
    const given = givenStems('The choir was founded in Harlow. It sings every year.', 'Harlow Valley Choir');
    const w = givenWeights(r, given);
    r.analysis.terms.forEach((t, i) => {
      const isGiven = t.kind !== 'number' && given.has(t.stem);
      expect(w[i]).toBeCloseTo(isGiven ? r.termWeights[i] / 2 : r.termWeights[i]);
    });
    expect(r.analysis.terms.filter((t, i) => w[i] < r.termWeights[i]).map((t) => t.surface)).toEqual(['Harlow', 'Valley', 'Choir']);
  });

  it('lowers the coverage of a claim whose new words the source lacks, and leaves the presence factors alone', () => {
    // Weights count inside a chunk: the first chunk (Harlow, choir, recorded) mixes given and new words.
    const r = retrieval('The Harlow choir recorded an album in a cathedral.');
    const given = givenStems('The Harlow Valley Choir is a choir.', '');
    const off = contextFigures(r, null, false);
    const on = contextFigures(r, given, false);
    expect(on.cov).toBeLessThan(off.cov);
    expect(on.names).toBe(off.names);
  });

  it('rebuilds the shipped coverage, names and parts when off', () => {
    const r = retrieval('Ruth Okonjo founded the Harlow Valley Choir and retired after the tour.');
    const best = chunkCoverages(r);
    const off = contextFigures(r, null, false);
    expect(off.cov).toBeCloseTo(best.reduce((a, b) => a + b, 0) / best.length);
    expect(off.names).toBe(shareAnywhere(r, 'name'));
    expect(off.parts).toEqual(partCoverage(r).best);
  });
});

describe('names found whole (round 11)', () => {
  it('groups adjacent name words, and words joined by a joint or initials, as one name', () => {
    const r = retrieval('Singer Ruth B. Okonjo led the Bank of Harlow choir with Valley Trust.');
    const runs = nameRuns(r).map((run) => run.map((i) => r.analysis.terms[i].surface));
    expect(runs).toEqual([['Ruth', 'Okonjo'], ['Bank', 'Harlow'], ['Valley', 'Trust']]);
    const list = retrieval('The tour took Ruth Okonjo, Harlow Valley and Valley Trust singers.');
    expect(nameRuns(list).map((run) => run.map((i) => list.analysis.terms[i].surface))).toEqual([['Ruth', 'Okonjo'], ['Harlow', 'Valley'], ['Trust']]);
  });

  it('finds a name whose words stand together, and not one whose words stand apart', () => {
    expect(heldTogether(source, ['harlow', 'vallei', 'choir'])).toBe(true);
    expect(heldTogether(source, ['ruth', 'okonjo'])).toBe(true);
    // "Harlow" and "Trust" are both in the source, but never within three tokens of each other.
    expect(heldTogether(source, ['harlow', 'trust'])).toBe(false);
  });

  it('marks every word of a name held only apart as absent, and keeps single names as found', () => {
    const r = retrieval('The Harlow Trust opened a new hall near Valley station.');
    const whole = wholeNamesAnywhere(r);
    const surfaces = r.analysis.terms.map((t) => t.surface);
    expect(r.anywhere[surfaces.indexOf('Harlow')]).toBe(true);
    expect(whole[surfaces.indexOf('Harlow')]).toBe(false);
    expect(whole[surfaces.indexOf('Trust')]).toBe(false);
    expect(whole[surfaces.indexOf('Valley')]).toBe(true);
    expect(contextFigures(r, null, true).names).toBeLessThan(contextFigures(r, null, false).names);
  });
});
