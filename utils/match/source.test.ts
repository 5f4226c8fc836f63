import { describe, expect, it } from 'vitest';
import { analyse, matchClaim } from './index';
import { caseChanges, indexSource } from './source';

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

  it('finds the changes of case inside words as the pattern over the text does, beyond ASCII too', () => {
    const pattern = /\p{Ll}\p{Lu}|\p{Lu}\p{Lu}\p{Ll}/gu;
    const texts = [
      'Haberton, DevonshireCitation needed; NewsOPINIONApril 11',
      'aBCd', 'ABCd', 'AB', 'aB', 'Ab', 'x', '',
      'ZürichBahnhof, ÉCOLENormale, московскийКремль, ΑθήναΕλλάς',
      'a\u{1D400}\u{1D401}\u{1D41A} and \u{1D41A}\u{1D400}', // mathematical bold capitals and small letters
      'odd \ud835 surrogate \ud835B and aß ßA ǅa aǅ',
    ];
    for (const text of texts) expect(caseChanges(text), text).toEqual([...text.matchAll(pattern)].map((m) => m.index + 1));
    expect(caseChanges('aBCd')).toEqual([1]);
    expect(caseChanges('ZürichBahnhof')).toEqual([6]);
    expect(indexSource('s', 'The ZürichBahnhof hall.').postings.get('bahnhof')).toEqual([0]);
  });

  it('reads the date after a glued word that ends in a month\'s name, and no date where the glued word ends otherwise', () => {
    const src = indexSource('s', 'NewsOPINIONApril 11 2019 by a staff writer.\nPublishedMarch 5, 2020.\nScotlandDied: 12 September 1875.\nNewsOPINIONMayor 11 2019.');
    const dates = src.sentences.map((s) => s.numbers.map((n) => ({ date: n.date, text: src.text.slice(n.start, n.end) })));
    expect(dates[0]).toEqual([{ date: [{ year: 2019, month: 4, day: 11 }], text: 'April 11 2019' }]);
    expect(dates[1]).toEqual([{ date: [{ year: 2020, month: 3, day: 5 }], text: 'March 5, 2020' }]);
    expect(dates[2]).toEqual([{ date: [{ year: 1875, month: 9, day: 12 }], text: '12 September 1875' }]);
    // "Mayor" is no month: the 11 and the year stay as they were read.
    expect(dates[3].map((d) => d.text)).toEqual(['11', '2019']);
    // The tokens and the postings are the page's own.
    expect(src.tokens[0].word).toBe('newsopinionapril');
    expect(src.postings.get('april')).toEqual([0]);
  });
});

describe('indexSource: prefixes written apart', () => {
  it('posts a bound prefix set apart by a space as one word with the next ("co operation" as "cooperation")', () => {
    const src = indexSource('s', 'The co operation of the pre war years.\nThe go operation failed.\nA co-op opened.\nThe co Operation Desert team.');
    expect(src.postings.get('cooper')).toEqual([0]);
    expect(src.postings.get('prewar')).toEqual([0]);
    // Not every pair: "go" is not a prefix; a capital after the prefix is a name's.
    expect(src.postings.has('gooper')).toBe(false);
    expect(src.postings.get('cooper')).not.toContain(3);
  });
});

describe('indexSource: acronyms', () => {
  it('posts a word written in capitals even when its lower-case form is a stop word, and a dotted initialism also as its letters', () => {
    const src = indexSource('s', 'The WHO said the US would help us.\nA J.D. from the U.S. law school.\nWho knows.');
    expect(src.postings.get('who')).toEqual([0]);
    expect(src.postings.get('us')).toEqual([0, 1]);
    expect(src.postings.get('u.s')).toEqual([1]);
    expect(src.postings.get('jd')).toEqual([1]);
    // Lower-case and capitalised stop words stay out ("us", "Who").
    expect(src.postings.get('who')).not.toContain(2);
  });
});
