/**
 * Wikipedia's two markups of an archived reference both give the source its original `url` and its
 * copy as `archiveUrl`: a live link (the title links to the original, "Archived" to the copy) and a
 * dead one (the title links to the copy, "the original" to the original). A Wayback-style address
 * on any host (`/web/<timestamp>/<original URL>`) is a copy too, as served by local archives.
 */
import { describe, expect, it } from 'vitest';
import { extractCitations } from '@/utils/extract';
import { parseHtml } from '../../tests/helpers/extract';

function page(reference: string, url = 'https://en.wikipedia.org/wiki/Ferry') {
  const html = `<html><head><title>Ferry</title><link rel="canonical" href="${url}"></head><body>
    <div class="mw-parser-output"><p>The night ferry carried 18,400 passengers in its first year.<sup id="cite_ref-1" class="reference"><a href="#cite_note-1">[1]</a></sup></p>
    <h2>References</h2><ol class="references"><li id="cite_note-1"><span class="mw-cite-backlink"><a href="#cite_ref-1">^</a></span>
    <span class="reference-text">${reference}</span></li></ol></div></body></html>`;
  return extractCitations(parseHtml(html), url);
}

const ORIGINAL = 'https://harbour.example.org/reports/ferry-2020.html';
const COPY = `https://web.archive.org/web/20210602101500/${ORIGINAL}`;

describe('archived references', () => {
  it('reads the live-link markup: title to the original, "Archived" to the copy', () => {
    const cites = page(
      `<cite class="citation web cs1"><a class="external text" href="${ORIGINAL}">"Night ferry figures"</a>. Harbour Authority. 2020. <a class="external text" href="${COPY}">Archived</a> from the original on 2 June 2021.</cite>`,
    );
    expect(cites.sources).toHaveLength(1);
    expect(cites.sources[0]).toMatchObject({ url: ORIGINAL, archiveUrl: COPY, title: 'Night ferry figures' });
  });

  it('reads the dead-link markup: title to the copy, "the original" to the original', () => {
    const cites = page(
      `<cite class="citation web cs1"><a class="external text" href="${COPY}">"Night ferry figures"</a>. Harbour Authority. 2020. Archived from <a class="external text" href="${ORIGINAL}">the original</a> on 2 June 2021.</cite>`,
    );
    expect(cites.sources[0]).toMatchObject({ url: ORIGINAL, archiveUrl: COPY, title: 'Night ferry figures' });
  });

  it('takes the original from the copy’s address when only the copy is linked', () => {
    const cites = page(`<cite class="citation web cs1"><a class="external text" href="${COPY}">"Night ferry figures"</a>. Harbour Authority.</cite>`);
    expect(cites.sources[0]).toMatchObject({ url: ORIGINAL, archiveUrl: COPY });
  });

  it('gives a reference without a copy no archiveUrl', () => {
    const cites = page(`<cite class="citation web cs1"><a class="external text" href="${ORIGINAL}">"Night ferry figures"</a>.</cite>`);
    expect(cites.sources[0].url).toBe(ORIGINAL);
    expect(cites.sources[0].archiveUrl).toBeUndefined();
  });

  it('recognises a Wayback-style copy on another host (a local or national archive)', () => {
    const base = 'http://127.0.0.1:8080';
    const copy = `${base}/web/20210602101500/${base}/sources/ferry.html`;
    const cites = page(
      `<cite class="citation web cs1"><a class="external text" href="${base}/sources/ferry.html">"Night ferry figures"</a>. <a class="external text" href="${copy}">Archived</a> from the original on 2 June 2021.</cite>`,
      `${base}/article.html`,
    );
    expect(cites.sources[0]).toMatchObject({ url: `${base}/sources/ferry.html`, archiveUrl: copy });
  });
});
