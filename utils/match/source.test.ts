import { describe, expect, it } from 'vitest';
import { analyse, matchClaim } from './index';
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

describe('indexSource: stop words', () => {
  // Stop words are left out by the word as written, as the claim's terms are. Several of them have
  // stems that are not in the list ("several" → "sever", "according" → "accord", "this" → "thi").
  it('indexes no stop word, whatever its stem, and still indexes a content word with the same stem', () => {
    const src = indexSource('s', 'Several roads were closed, according to this report.\nThe flooding was severe near the bridge.');
    expect(src.postings.get('sever')).toEqual([1]);
    expect(src.postings.has('accord')).toBe(false);
    expect(src.postings.has('thi')).toBe(false);
    expect(src.postings.has('wa')).toBe(false);
    expect(src.postings.get('road')).toEqual([0]);
  });

  it('does not find a claim\'s "severe" in a source that only says "several"', () => {
    const src = indexSource('s', 'Several roads closed after the flooding near the old bridge.');
    const a = analyse('Severe flooding closed the old bridge.', [src]);
    const severe = a.analysis.terms.findIndex((t) => t.surface === 'Severe');
    expect(severe).toBeGreaterThanOrEqual(0);
    expect(a.retrieval!.windows.length).toBeGreaterThan(0);
    for (const w of a.retrieval!.windows) expect(w.matched[severe]).toBe(false);
    expect(a.match.evidence[0].missing).toContain('Severe');
    expect(a.match.evidence[0].matched).not.toContain('Severe');
  });

  it('a stop word never makes a window or coverage', () => {
    // Every claim word here shares its stem only with a stop word of the source.
    const src = indexSource('s', 'Several others agreed, according to this.\nMany were there.');
    const a = analyse('Severity accords with mania.', [src]);
    expect(a.analysis.terms.map((t) => t.stem)).toEqual(['sever', 'accord', 'mania']);
    expect(a.retrieval!.windows).toEqual([]);
    expect(a.factors!.coverage).toBe(0);
    expect(a.match.verdict).toBe('unsupported');
    expect(a.match.evidence).toEqual([]);
  });
});

describe('indexSource: glued words', () => {
  it('indexes each part of a word glued at a change of case, besides the whole word', () => {
    const src = indexSource('s', 'Haberton, DevonshireCitation needed.\nForbes MagazineForbes staff.\nNewsOPINIONApril 11 2019.\nThe McDonald family bought an iPhone.');
    expect(src.postings.get('devonshir')).toEqual([0]);
    expect(src.postings.get('citat')).toEqual([0]);
    expect(src.postings.get('devonshirecit')).toEqual([0]);
    expect(src.postings.get('magazin')).toEqual([1]);
    expect(src.postings.get('forb')).toEqual([1]);
    expect(src.postings.get('april')).toEqual([2]);
    expect(src.postings.get('opinion')).toEqual([2]);
    // Camel-case names stay found as written; their parts are found too.
    expect(src.postings.get('mcdonald')).toEqual([3]);
    expect(src.postings.get('donald')).toEqual([3]);
    expect(src.postings.get('iphon')).toEqual([3]);
    // No part of a single letter, and no stop word.
    expect(src.postings.has('i')).toBe(false);
  });
});
