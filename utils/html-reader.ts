/**
 * One way to turn fetched HTML into readable text, whatever the browser.
 *
 * Firefox's background page has a DOM, so it reads in place. Chrome's MV3 service worker has no
 * DOMParser: it hands the HTML to an offscreen document (entrypoints/offscreen) and waits for the
 * text. Only the text, title, byline and date come back; raw HTML never leaves the reader.
 */
import { browser } from 'wxt/browser';
import { send } from './messages';
import { readText } from './sources';
import type { HtmlReader, ReadSource } from './sources/types';

const OFFSCREEN_PATH = '/offscreen.html';

/** Reads HTML with the DOMParser of the current context. */
export function readHtmlHere(html: string, url: string): ReadSource {
  return readText(html, 'text/html', url, (markup) => new DOMParser().parseFromString(markup, 'text/html'));
}

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
      justification: 'Read cited pages into plain text with Readability.',
    });
  })().catch((error: unknown) => {
    offscreenReady = null;
    throw error;
  });
  return offscreenReady;
}

async function readOffscreen(html: string, url: string): Promise<ReadSource> {
  await ensureOffscreenDocument();
  return send(browser, 'read-html', { html, url });
}

export function createHtmlReader(): HtmlReader {
  if (typeof DOMParser !== 'undefined') {
    return async (html, url) => readHtmlHere(html, url);
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
