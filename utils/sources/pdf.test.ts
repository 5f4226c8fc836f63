import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPdfjs, pageAt, pageParagraphs, readPdf, readPdfHere } from './pdf';

const FIXTURES = path.resolve(import.meta.dirname, '../../tests/fixtures/sources/pdf');
const bytes = (name: string) => new Uint8Array(readFileSync(path.join(FIXTURES, name)));

describe('readPdf', () => {
  it('reads a two-page PDF into paragraphs that keep their page', async () => {
    const read = await readPdfHere(bytes('two-pages.pdf'));
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.pageCount).toBe(2);
    expect(read.pages).toHaveLength(2);
    expect(read.truncated).toBe(false);
    expect(read.title).toBe('Harbour District Tree Survey 2022');
    expect(read.published).toBe('2022-06-14');
    const at = read.text.indexOf('The survey counted 4,210 street trees in the harbour district, up from 3,650 in the previous survey of 2017.');
    expect(at).toBeGreaterThan(0);
    expect(pageAt(read.pages, at)).toBe(2);
    expect(pageAt(read.pages, read.text.indexOf('Volunteers walked'))).toBe(1);
    // Lines of one paragraph are joined; paragraphs are blocks of their own.
    expect(read.text.split('\n\n')).toContain('Findings');
  });

  it('finds the sentence of page 7 of the 30-page PDF on page 7', async () => {
    const read = await readPdfHere(bytes('thirty-pages.pdf'));
    if (!read.ok) throw new Error(read.reason);
    expect(read.pageCount).toBe(30);
    expect(pageAt(read.pages, read.text.indexOf('the night ferry carried 18,400 passengers'))).toBe(7);
    expect(pageAt(read.pages, read.text.indexOf('Committee review, part 30'))).toBe(30);
  });

  it('stops at the page cap and says it skipped pages', async () => {
    const read = await readPdfHere(bytes('thirty-pages.pdf'), { maxPages: 5 });
    if (!read.ok) throw new Error(read.reason);
    expect(read.pages).toHaveLength(5);
    expect(read.truncated).toBe(true);
    expect(read.text).toContain('Committee review, part 5');
    expect(read.text).not.toContain('Committee review, part 6');
  });

  it('keeps the pages read when the time runs out, and says so', async () => {
    let clock = 0;
    // Each look at the clock moves it on by a second: the time cap of 3 s ends the read early.
    const read = await readPdfHere(bytes('thirty-pages.pdf'), { timeMs: 3_000, now: () => (clock += 1_000) });
    if (!read.ok) throw new Error(read.reason);
    expect(read.pages.length).toBeGreaterThan(0);
    expect(read.pages.length).toBeLessThan(30);
    expect(read.truncated).toBe(true);
  });

  it('is a timeout when no page could be read in time', async () => {
    const pdfjs = await loadPdfjs();
    const slow = { getDocument: () => ({ promise: new Promise<never>(() => undefined), destroy: async () => undefined }) };
    expect(await readPdf(bytes('two-pages.pdf'), slow, { timeMs: 20 })).toEqual({ ok: false, reason: 'timeout' });
    // The real library is untouched by the stand-in.
    expect(typeof pdfjs.getDocument).toBe('function');
  });

  it('names a scan, an encrypted file and a broken one', async () => {
    expect(await readPdfHere(bytes('scanned.pdf'))).toEqual({ ok: false, reason: 'pdf_no_text' });
    expect(await readPdfHere(bytes('encrypted.pdf'))).toEqual({ ok: false, reason: 'pdf_encrypted' });
    expect(await readPdfHere(bytes('broken.pdf'))).toEqual({ ok: false, reason: 'pdf_broken' });
    expect(await readPdfHere(new Uint8Array(0))).toEqual({ ok: false, reason: 'pdf_broken' });
  });

  it('leaves the caller its buffer', async () => {
    const data = bytes('two-pages.pdf');
    await readPdfHere(data);
    expect(data.byteLength).toBeGreaterThan(1000);
    expect(String.fromCharCode(...data.subarray(0, 5))).toBe('%PDF-');
  });
});

describe('pageParagraphs', () => {
  const item = (str: string, y: number, hasEOL = true) => ({ str, hasEOL, transform: [11, 0, 0, 11, 72, y], height: 11 });
  it('joins lines, splits at gaps and mends a hyphenated word', () => {
    expect(
      pageParagraphs([item('The first para-', 700), item('graph goes on', 686), item('here.', 672), item('A second one.', 644)]),
    ).toEqual(['The first paragraph goes on here.', 'A second one.']);
  });
  it('keeps a hyphen before a capital (a compound, not a break)', () => {
    expect(pageParagraphs([item('North-', 700), item('East line', 686)])).toEqual(['North-East line']);
  });
  it('pageAt finds the page of an offset', () => {
    expect(pageAt([0, 10, 25], 0)).toBe(1);
    expect(pageAt([0, 10, 25], 9)).toBe(1);
    expect(pageAt([0, 10, 25], 10)).toBe(2);
    expect(pageAt([0, 10, 25], 400)).toBe(3);
  });
});
