/**
 * One way to turn fetched HTML and PDFs into readable text, whatever the browser.
 *
 * Firefox's background page has a DOM, so it reads in place. Chrome's MV3 service worker has no
 * DOMParser and cannot import pdf.js: it hands the HTML, or the PDF's bytes (base64: extension
 * messages are JSON), to an offscreen document (entrypoints/offscreen) and waits for the text.
 * Only the text, its metadata and the readable part's HTML sanitised with DOMPurify come back,
 * validated by the message protocol; the page's raw HTML never leaves the reader.
 */
import { browser } from 'wxt/browser';
import { send } from './messages';
import { readHtml, readPdf } from './protocol/offscreen';
import { readPdfHere, type PdfRead } from './sources/pdf';
import type { HtmlReader, PdfReader, ReadSource } from './sources/types';

const OFFSCREEN_PATH = '/offscreen.html';

/** The two Chrome-only calls this module needs (not in webextension-polyfill's types). */
interface ChromeOffscreenApi {
  runtime: { getContexts(filter: { contextTypes: string[] }): Promise<unknown[]> };
  offscreen: { createDocument(params: { url: string; reasons: string[]; justification: string }): Promise<void> };
}

/** Resolves once this worker knows an offscreen document exists; shared by concurrent reads. */
let offscreenReady: Promise<void> | null = null;

function ensureOffscreenDocument(): Promise<void> {
  offscreenReady ??= (async () => {
    const chromeApi = (globalThis as unknown as { chrome: ChromeOffscreenApi }).chrome;
    const contexts = await chromeApi.runtime.getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT'] });
    if (contexts.length > 0) return;
    await chromeApi.offscreen.createDocument({
      url: OFFSCREEN_PATH,
      reasons: ['DOM_PARSER'],
      justification: 'Read cited pages into plain text with Readability, and cited PDFs with pdf.js.',
    });
  })().catch((error: unknown) => {
    offscreenReady = null;
    throw error;
  });
  return offscreenReady;
}

async function readOffscreen(html: string, url: string): Promise<ReadSource> {
  await ensureOffscreenDocument();
  return send(browser, readHtml, { html, url });
}

/** Bytes as base64, in slices small enough for `String.fromCharCode`. */
export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export function base64ToBytes(base64: string): Uint8Array {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

async function readPdfOffscreen(data: Uint8Array): Promise<PdfRead> {
  await ensureOffscreenDocument();
  return send(browser, readPdf, { data: bytesToBase64(data) });
}

/** Where pdf.js can be imported (a page with a DOM), it reads here; else in the offscreen document. */
export function createPdfReader(): PdfReader {
  if (typeof DOMParser !== 'undefined') return async (data) => readPdfHere(data);
  return async (data) => {
    try {
      return await readPdfOffscreen(data);
    } catch {
      offscreenReady = null;
      return readPdfOffscreen(data);
    }
  };
}

export function createHtmlReader(): HtmlReader {
  if (typeof DOMParser !== 'undefined') {
    // Imported on the first page read: Readability and DOMPurify stay out of the code every
    // background start loads (and out of Chrome's worker, which never takes this branch).
    return async (html, url) => (await import('./html-read-here')).readHtmlHere(html, url);
  }
  // The offscreen document takes a while to start: start it now, not when the first source arrives.
  ensureOffscreenDocument().catch(() => undefined);
  return async (html, url) => {
    try {
      return await readOffscreen(html, url);
    } catch {
      // The document may have been closed under us: make sure it exists, and try once more.
      offscreenReady = null;
      return readOffscreen(html, url);
    }
  };
}
