/**
 * The extension's core, run in Node: jsdom stands in for the browser's DOM, Node's fetch for the
 * background's. Used by the command-line checker, the demo's fallback and the benchmarks.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { JSDOM, VirtualConsole } from 'jsdom';
import { extractCitations } from '../../utils/extract';
import type { PageCitations } from '../../utils/extract/types';
import type { Report } from '../../utils/report/schema';
import { createSourceLoader, isSelfCitation, readText } from '../../utils/sources';
import { verifyCitations } from '../../utils/verify';

export class InputError extends Error {}

/** Parses HTML into a Document without running its scripts or loading its resources. */
export function parseHtml(html: string, url: string): Document {
  const virtualConsole = new VirtualConsole();
  return new JSDOM(html, { url, virtualConsole }).window.document;
}

/** Loads the article: an http(s) URL or a local HTML file. */
export async function loadArticle(input: string): Promise<{ html: string; url: string }> {
  if (/^https?:\/\//i.test(input)) {
    let response: Response;
    try {
      response = await fetch(input, { redirect: 'follow', signal: AbortSignal.timeout(20_000) });
    } catch (error) {
      throw new InputError(`Could not reach ${input}: ${(error as Error).cause ?? (error as Error).message}`);
    }
    if (!response.ok) throw new InputError(`${input} answered ${response.status} ${response.statusText}`);
    const type = response.headers.get('content-type') ?? '';
    if (!/html|xml/i.test(type)) throw new InputError(`${input} is not an HTML page (content type "${type}")`);
    return { html: await response.text(), url: response.url || input };
  }
  if (/^[a-z][a-z0-9+.-]*:/i.test(input) && !/^file:/i.test(input) && !/^[a-z]:\\/i.test(input)) {
    throw new InputError(`Only http(s) URLs and local HTML files can be checked, not "${input}"`);
  }
  const file = path.resolve(input.replace(/^file:\/\//i, ''));
  const info = await stat(file).catch(() => null);
  if (!info || !info.isFile()) throw new InputError(`No such file: ${file}`);
  const html = await readFile(file, 'utf8');
  if (!/<[a-z!]/i.test(html.slice(0, 4096))) throw new InputError(`${file} does not look like HTML`);
  return { html, url: pathToFileURL(file).href };
}

export interface CheckOptions {
  /** Allow sources on loopback/private addresses (the CLI allows them for local files). */
  allowPrivate?: boolean;
  onUpdate?: (report: Report) => void;
}

export function extractFromHtml(html: string, url: string): PageCitations {
  return extractCitations(parseHtml(html, url), url);
}

/** Extracts, fetches, matches: the whole check of one article, as the extension runs it. */
export async function checkArticle(html: string, url: string, options: CheckOptions = {}): Promise<Report> {
  const page = extractFromHtml(html, url);
  const allowPrivate = options.allowPrivate ?? url.startsWith('file:');
  const loader = createSourceLoader({
    readHtml: async (body, sourceUrl) => readText(body, 'text/html', (markup) => parseHtml(markup, sourceUrl)),
    cache: null,
    settings: () => ({ useLogins: false, allowPrivate, ttlMs: 0 }),
  });
  return verifyCitations(page, { loader, isSelfCitation, onUpdate: options.onUpdate });
}
