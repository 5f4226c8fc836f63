import { describe, expect, it } from 'vitest';
import { matchClaim } from './index';
import { indexSource } from './source';

describe('indexSource: numbers', () => {
  it('reads a number written only in words in a sentence without digits', () => {
    const src = indexSource('s', 'The council met on Monday.\nEleven new teachers were hired by the district last year.\nTwelve buses and a million leaflets.\nHalf of them left.');
    expect(src.sentences.map((s) => s.numbers.map((n) => n.value))).toEqual([[], [11], [12, 1e6], [0.5]]);
  });

  it('finds the claim\'s number when the source spells it out', () => {
    const src = indexSource('s', 'The council met on Monday.\nEleven new teachers were hired by the district last year.');
    const match = matchClaim('The district hired 11 new teachers last year.', [src]);
    expect(match.evidence[0].missing).toEqual([]);
    expect(match.evidence[0].matched).toContain('11');
    expect(match.verdict).toBe('supported');
  });
});
