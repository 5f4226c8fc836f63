import { describe, expect, it } from 'vitest';
import { claimStems, contextNames, PRONOUN_LED, titleWords } from './subject';

describe('the subject a claim leaves unnamed', () => {
  it('reads a pronoun or possessive first word as a claim led by a pronoun, and nothing else', () => {
    for (const claim of ['It was her stage debut.', 'He joined in 1990.', 'Their album sold well.', ' she left.']) expect(PRONOUN_LED.test(claim)).toBe(true);
    for (const claim of ['Items were sold.', 'Heath joined in 1990.', 'The couple married.', 'In 2012 it closed.']) expect(PRONOUN_LED.test(claim)).toBe(false);
  });

  it("takes a title's disambiguation and a leading 'List of' off, and its stop words out", () => {
    expect(titleWords('Marlow Fenwick (painter)').map((w) => w.stem)).toEqual(['marlow', 'fenwick']);
    expect(titleWords('List of Ada Quill performances').map((w) => [w.stem, w.capital])).toEqual([
      ['ada', true],
      ['quill', true],
      ['perform', false],
    ]);
    expect(titleWords('History of the Brisk Valley Railway').map((w) => w.stem)).toEqual(['histori', 'brisk', 'vallei', 'railwai']);
  });

  it("keeps only the names of the context's last sentence, after its first word", () => {
    const context = 'Fenwick studied in Leeds. The following year, Fenwick showed his work at the Harbour Gallery in Hull.';
    expect(contextNames(context).map((w) => w.stem)).toEqual(['fenwick', 'harbour', 'galleri', 'hull']);
    expect(contextNames('')).toEqual([]);
  });

  it("gives the claim's stems without its stop words", () => {
    expect([...claimStems('It was her first show in Hull.')].sort()).toEqual(['first', 'hull', 'show']);
  });
});
