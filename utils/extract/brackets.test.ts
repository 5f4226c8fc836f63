/**
 * The quotation and parenthesis rules of the claim boundary, on clean text and sentence starts
 * (brackets.ts); the same rules through whole pages are in reading.test.ts and real-rules.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { balancedText, bracketPositions, endPastQuotation, quotationOpening, withoutParentheses } from '@/utils/extract/brackets';

/** Sentence starts of our own test text: after a full stop, a closing quote maybe, and a space. */
function startsOf(text: string): number[] {
  return [0, ...[...text.matchAll(/\.”?\s+/g)].map((m) => m.index + m[0].length)];
}

describe('quotations', () => {
  const text = 'Trade was slow. “Our harbour has been quiet. It is time to open the gates,” the mayor said. Nothing else.';
  const starts = startsOf(text);

  it('a sentence that closes a quotation opened earlier starts where the quotation opens', () => {
    const end = text.indexOf(' Nothing');
    expect(text.slice(quotationOpening(text, starts, 2, end, -1), end)).toBe('“Our harbour has been quiet. It is time to open the gates,” the mayor said.');
  });

  it('never past an earlier group inside the quotation, and not at all when the sentence closes no quotation', () => {
    const end = text.indexOf(' Nothing');
    const inside = text.indexOf(' It is');
    expect(quotationOpening(text, starts, 2, end, inside)).toBe(starts[2]);
    expect(quotationOpening(text, starts, 3, text.length, -1)).toBe(starts[3]);
  });

  it('a group before the quotation opens, in the sentence that opens it, is no limit: the claim starts with that sentence', () => {
    const end = text.indexOf(' Nothing');
    expect(quotationOpening(text, starts, 2, end, starts[1])).toBe(starts[1]);
    const joined = 'The mill shut in May and the owner wrote: “We waited too long. We are sorry.” Nothing else.';
    const s = startsOf(joined);
    expect(quotationOpening(joined, s, 1, joined.indexOf(' Nothing'), joined.indexOf(' and the owner'))).toBe(0);
  });

  it('straight quotes: one after a word or a stop closes, one after a space opens', () => {
    const straight = 'Trade was slow. "Our harbour has been quiet. It is time to open the gates," the mayor said. The pier is "new" now.';
    const s = [0, ...[...straight.matchAll(/\.\s+/g)].map((m) => m.index + m[0].length)];
    expect(straight.slice(quotationOpening(straight, s, 2, s[3], -1), s[3])).toBe('"Our harbour has been quiet. It is time to open the gates," the mayor said. ');
    expect(quotationOpening(straight, s, 3, straight.length, -1)).toBe(s[3]);
  });

  it('a sentence that opens a quotation is read on to the sentence that closes it', () => {
    const open = 'The board said: “We moved too slowly. We are sorry.” Then it left.';
    const s = startsOf(open);
    expect(open.slice(s[0], endPastQuotation(open, s, 0))).toBe('The board said: “We moved too slowly. We are sorry.” ');
    expect(endPastQuotation(open, s, 2)).toBe(open.length);
  });
});

describe('parentheses', () => {
  it('a claim ending inside a parenthesis runs on to its closing bracket', () => {
    const text = 'The line serves 166 stations (402 million riders in 2013), and a tram network.';
    const end = text.indexOf(' in 2013') + ' in 2013'.length;
    expect(balancedText(text, bracketPositions(text), [end], 0, end, 0, text.length, '', end)).toBe('The line serves 166 stations (402 million riders in 2013)');
  });

  it('closes the bracket itself when another group comes before the closing one', () => {
    const text = 'It eats small prey (mice, birds) at night.';
    const mice = text.indexOf(',');
    const birds = text.indexOf(')');
    expect(balancedText(text, bracketPositions(text), [mice, birds], 0, mice, 0, text.length, '', mice)).toBe('It eats small prey (mice)');
  });

  it('a claim starting inside a parenthesis starts where it opens, and leaves out an aside before its own words (tidyClaim then mends the spaces)', () => {
    const text = 'Kernow (the old name) is the county.';
    const from = text.indexOf('name');
    expect(balancedText(text, bracketPositions(text), [], from, text.length, 0, text.length, '', text.length)).toBe('Kernow  is the county.');
  });

  it('withoutParentheses leaves asides out, and gives undefined when brackets do not pair', () => {
    expect(withoutParentheses('The Realm (one of 16) of the Crown')).toBe('The Realm  of the Crown');
    expect(withoutParentheses('a) b')).toBeUndefined();
    expect(withoutParentheses('(a b')).toBeUndefined();
  });
});
