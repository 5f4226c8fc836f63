/**
 * A fetched PDF into page-aware text, with pdf.js. The same code runs in Chrome's offscreen
 * document, Firefox's background page and Node (the CLI, the eval, tests).
 *
 * Judgement calls:
 * - pdf.js and its worker are bundled and imported only when a PDF source is met (`loadPdfjs`):
 *   MV3 forbids remote code, and most checks never see a PDF. The worker's handler runs in the
 *   importing context (pdf.js's "main-thread worker"): a Chrome service worker cannot start
 *   Workers, and the contexts that read PDFs have no UI to keep responsive.
 * - Text is assembled from pdf.js's text items: one line per item run ending in `hasEOL`, lines
 *   joined into a paragraph until a vertical gap wider than a line and a half, a word hyphenated
 *   at a line end joined again. Pages are joined like paragraphs; `pages[i]` is where page i + 1
 *   starts in the text, so a passage's offset gives its page.
 * - Limits suited to PDFs: at most `PDF_MAX_PAGES` pages (the rest skipped, `truncated`), and
 *   `PDF_TIME_MS` for the whole read: pages read before the time ran out are kept (`truncated`);
 *   with none read the reason is `timeout`. The byte cap is the fetcher's (`PDF_MAX_BYTES`).
 * - A PDF whose pages give no text is a scan (`pdf_no_text`); one that needs a password is
 *   `pdf_encrypted` (an owner password alone does not stop pdf.js reading the text); one pdf.js
 *   cannot parse is `pdf_broken`.
 */
import { PDF_MAX_PAGES, PDF_TIME_MS } from './limits';
import type { PdfFailure, PdfRead } from './pdf-schema';

export type { PdfFailure, PdfRead } from './pdf-schema';



export interface PdfLimits {
  maxPages?: number;
  timeMs?: number;
  now?: () => number;
}

/** The part of pdf.js used here (its own types are large and differ between builds). */
export interface PdfTextItem {
  str?: string;
  hasEOL?: boolean;
  transform?: number[];
  height?: number;
}
interface PdfPage {
  getTextContent(): Promise<{ items: PdfTextItem[] }>;
  cleanup?(): unknown;
}
interface PdfDocument {
  numPages: number;
  getPage(n: number): Promise<PdfPage>;
  getMetadata(): Promise<{ info?: unknown }>;
}
export interface PdfJs {
  getDocument(params: Record<string, unknown>): { promise: Promise<PdfDocument>; destroy(): Promise<void> };
}

let pdfjsLoading: Promise<PdfJs> | null = null;

/** pdf.js, imported once on first use; its worker's handler is registered for the same context. */
export function loadPdfjs(): Promise<PdfJs> {
  pdfjsLoading ??= (async () => {
    const [pdfjs, worker] = await Promise.all([
      import('pdfjs-dist/legacy/build/pdf.mjs'),
      import('pdfjs-dist/legacy/build/pdf.worker.mjs'),
    ]);
    const scope = globalThis as { pdfjsWorker?: unknown };
    scope.pdfjsWorker ??= worker;
    return pdfjs as unknown as PdfJs;
  })().catch((error: unknown) => {
    pdfjsLoading = null;
    throw error;
  });
  return pdfjsLoading;
}

/** The page (1-based) of a text offset, given where each page starts. */
export function pageAt(pages: readonly number[], offset: number): number {
  let lo = 0;
  let hi = pages.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (pages[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

/** One page's text items into paragraphs. */
export function pageParagraphs(items: readonly PdfTextItem[]): string[] {
  const paragraphs: string[] = [];
  let paragraph = '';
  let line = '';
  let lineY: number | undefined;
  let lastY: number | undefined;
  let lastHeight = 0;
  const endLine = () => {
    const text = line.replace(/\s+/g, ' ').trim();
    line = '';
    if (!text) return;
    if (!paragraph) paragraph = text;
    else if (/[\p{L}]-$/u.test(paragraph) && /^\p{Ll}/u.test(text)) paragraph = paragraph.slice(0, -1) + text;
    else if (/[\p{L}]-$/u.test(paragraph)) paragraph += text; // "North-" + "East": a compound
    else paragraph += ' ' + text;
  };
  const endParagraph = () => {
    endLine();
    if (paragraph) paragraphs.push(paragraph);
    paragraph = '';
  };
  for (const item of items) {
    const str = item.str ?? '';
    const y = item.transform?.[5];
    if (str && y !== undefined) {
      // A vertical jump wider than a line and a half starts a new paragraph.
      const gapFrom = lineY ?? lastY;
      if (gapFrom !== undefined && lastHeight > 0 && Math.abs(gapFrom - y) > lastHeight * 1.5 + 2) endParagraph();
      else if (lineY !== undefined && Math.abs(lineY - y) > 1 && line) endLine();
      lineY = y;
      lastY = y;
      if (item.height) lastHeight = item.height;
    }
    line += str;
    if (item.hasEOL) {
      endLine();
      lineY = undefined;
    }
  }
  endParagraph();
  return paragraphs;
}

function pdfDate(value: unknown): string | undefined {
  // "D:20220614090000Z" or "D:20220614"
  if (typeof value !== 'string') return undefined;
  const m = /^D:(\d{4})(\d{2})?(\d{2})?/.exec(value);
  if (!m) return undefined;
  const [year, month = '01', day = '01'] = [m[1], m[2], m[3]];
  const iso = `${year}-${month}-${day}`;
  return Number.isNaN(Date.parse(iso)) ? undefined : iso;
}

function failureOf(error: unknown): PdfFailure {
  const name = (error as { name?: string } | null)?.name;
  return name === 'PasswordException' ? 'pdf_encrypted' : 'pdf_broken';
}

class PdfTimeout extends Error {}

/** Reads a PDF's text, page by page, within the limits. */
export async function readPdf(data: Uint8Array, pdfjs: PdfJs, limits: PdfLimits = {}): Promise<PdfRead> {
  const maxPages = limits.maxPages ?? PDF_MAX_PAGES;
  const timeMs = limits.timeMs ?? PDF_TIME_MS;
  const now = limits.now ?? Date.now;
  const deadline = now() + timeMs;
  // pdf.js takes ownership of the buffer it is given: hand it a copy.
  const task = pdfjs.getDocument({
    data: data.slice(),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    stopAtErrors: false,
    verbosity: 0,
  });
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new PdfTimeout()), Math.max(0, timeMs));
  });
  const texts: string[] = [];
  const pages: number[] = [];
  let length = 0;
  let pageCount = 0;
  let timedOut = false;
  let title: string | undefined;
  let published: string | undefined;
  try {
    const doc = await Promise.race([task.promise, timeout]);
    pageCount = doc.numPages;
    try {
      const { info } = await Promise.race([doc.getMetadata(), timeout]);
      const fields = (info ?? {}) as Record<string, unknown>;
      if (typeof fields.Title === 'string' && fields.Title.trim()) title = fields.Title.replace(/\s+/g, ' ').trim().slice(0, 500);
      published = pdfDate(fields.CreationDate);
    } catch (error) {
      if (error instanceof PdfTimeout) throw error;
      // Metadata is optional; the text is what counts.
    }
    const last = Math.min(pageCount, maxPages);
    for (let n = 1; n <= last; n++) {
      if (now() > deadline) {
        timedOut = true;
        break;
      }
      const page = await Promise.race([doc.getPage(n), timeout]);
      const content = await Promise.race([page.getTextContent(), timeout]);
      page.cleanup?.();
      const text = pageParagraphs(content.items).join('\n\n');
      if (texts.length) length += 2; // the "\n\n" joining pages
      pages.push(length);
      texts.push(text);
      length += text.length;
    }
  } catch (error) {
    if (!(error instanceof PdfTimeout)) return { ok: false, reason: failureOf(error) };
    timedOut = true;
  } finally {
    clearTimeout(timer);
    task.destroy().catch(() => undefined);
  }
  const text = texts.join('\n\n');
  if (!/[\p{L}\p{N}]/u.test(text)) {
    if (timedOut) return { ok: false, reason: 'timeout' };
    return { ok: false, reason: 'pdf_no_text' };
  }
  return {
    ok: true,
    text,
    pages,
    pageCount,
    truncated: timedOut || pages.length < pageCount,
    ...(title ? { title } : {}),
    ...(published ? { published } : {}),
  };
}

/** Reads a PDF where this code runs (Node, Firefox's background page, the offscreen document). */
export async function readPdfHere(data: Uint8Array, limits?: PdfLimits): Promise<PdfRead> {
  // A reader that cannot load throws: the loader reports that as `not_text`, as for HTML readers.
  return readPdf(data, await loadPdfjs(), limits);
}
