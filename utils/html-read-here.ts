/**
 * Reading fetched HTML where a DOMParser exists (Firefox's background page, Chrome's offscreen
 * document): Readability's text, and its content's HTML sanitised for the reader view. Apart from
 * html-reader.ts so that the background imports Readability and DOMPurify only when it reads.
 */
import { READER_HTML_MAX_CHARS, sanitizeSourceHtml } from './reader/sanitize';
import { readText } from './sources/read';
import type { ReadSource } from './sources/types';

/**
 * Reads HTML with the DOMParser of the current context, with the readable part's HTML sanitised
 * for the reader view (dropped past its bound: the view then shows the text).
 */
export function readHtmlHere(html: string, url: string): ReadSource {
  const read = readText(html, 'text/html', (markup) => parseAt(markup, url), { html: true });
  if (read.html === undefined) return read;
  const { html: raw, ...rest } = read;
  const safe = sanitizeSourceHtml(raw);
  return safe.length <= READER_HTML_MAX_CHARS ? { ...rest, html: safe } : rest;
}

/**
 * Parses a page and makes its links absolute against the source's address (or the page's own
 * `<base href>`, resolved against it). A parsed document's own address is this extension page's,
 * and the extension pages' CSP (`base-uri 'none'`) makes an inserted `<base>` count for nothing, so
 * Readability alone would point relative links into the extension; the sanitiser then drops them.
 */
function parseAt(markup: string, url: string): Document {
  const doc = new DOMParser().parseFromString(markup, 'text/html');
  let base: URL;
  try {
    const own = doc.querySelector('base[href]')?.getAttribute('href');
    base = new URL(own ?? url, url);
  } catch {
    return doc;
  }
  for (const link of Array.from(doc.querySelectorAll('a[href]'))) {
    try {
      link.setAttribute('href', new URL(link.getAttribute('href')!.trim(), base).href);
    } catch {
      link.removeAttribute('href');
    }
  }
  return doc;
}
