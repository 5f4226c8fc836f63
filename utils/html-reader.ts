/**
 * One way to turn fetched HTML into readable text, whatever the browser.
 *
 * Firefox's background page has a DOM, so it reads in place. Chrome's MV3 service worker has no
 * DOMParser: it hands the HTML to an offscreen document (entrypoints/offscreen) and waits for the
 * text. Only the text, title, byline and date come back; raw HTML never leaves the reader.
 */
import { browser } from 'wxt/browser';
import * as z from 'zod/mini';
import type { ReadHtmlRequestSchema } from './messages';
import { readText } from './sources';
import type { HtmlReader, ReadSource } from './sources/types';

const ReadResultSchema = z.union([
  z.object({
    ok: z.literal(true),
    value: z.object({
      text: z.string(),
      title: z.optional(z.string()),
      byline: z.optional(z.string()),
      published: z.optional(z.string()),
      paywall: z.optional(z.boolean()),
    }),
  }),
  z.object({ ok: z.literal(false), error: z.string() }),
]);

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
  const request: z.infer<typeof ReadHtmlRequestSchema> = { type: 'read-html', html, url };
  const answer = ReadResultSchema.parse(await browser.runtime.sendMessage(request));
  if (!answer.ok) throw new Error(answer.error);
  return answer.value;
}

export function createHtmlReader(): HtmlReader {
  if (typeof DOMParser !== 'undefined') {
    return async (html, url) => readHtmlHere(html, url);
  }
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
