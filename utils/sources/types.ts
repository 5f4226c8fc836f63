/**
 * The source loader's contract: a cited URL in, readable text or a precise reason out.
 * Implemented under `utils/sources/`; wired to browser APIs by the background and to Node by the CLI.
 */
import * as z from 'zod/mini';

/**
 * Why a source could not be checked. A closed set: every failure has exactly one, and each has its
 * plain words in `utils/report/reasons.ts`.
 */
export const UNAVAILABLE_REASONS = [
  'http_error',
  'network',
  'timeout',
  'too_large',
  'not_text',
  'pdf',
  'pdf_no_text',
  'pdf_encrypted',
  'pdf_broken',
  'js_required',
  'no_url',
  'blocked_scheme',
  'blocked_private',
  'empty',
  'paywall',
  'invalid_url',
] as const;
export const UnavailableReasonSchema = z.enum(UNAVAILABLE_REASONS);
export type UnavailableReason = z.infer<typeof UnavailableReasonSchema>;

/**
 * Reasons that say the cited work cannot be checked by anyone following the link (there is no web
 * link to follow), as opposed to a link that failed this time.
 */
export const UNCHECKABLE_REASONS: readonly UnavailableReason[] = ['no_url', 'blocked_scheme'];
import type { PdfRead } from './pdf-schema';

/** What reading a fetched page yields (Readability over a Document, or plain text as is). */
export interface ReadSource {
  /** The readable text: paragraphs separated by "\n\n"; no bibliography, navigation or comments. */
  text: string;
  title?: string;
  byline?: string;
  /** ISO date when the page states one. */
  published?: string;
  /** The page is a subscription, login or cookie wall, not the cited content (`paywall`). */
  paywall?: boolean;
  /** The page is an app shell whose text only its scripts write (`js_required`). */
  jsRequired?: boolean;
  /**
   * HTML pages, where the reader asked for it: the HTML of the part `text` was read from. Raw
   * until `utils/reader/sanitize.ts` has been over it; only sanitised HTML is cached.
   */
  html?: string;
  /** PDFs: where each page starts in `text` (`pages[0]` is page 1, at 0). */
  pages?: number[];
  /** PDFs: how many pages the document has (more than `pages.length` when some were skipped). */
  pageCount?: number;
}

/** A source that could not be read, with its precise reason: the fetcher's failure and the loader's. */
export interface SourceFailure {
  ok: false;
  url: string;
  finalUrl?: string;
  reason: UnavailableReason;
  httpStatus?: number;
}

export type SourceOutcome =
  | ({
      ok: true;
      url: string;
      finalUrl: string;
      fetchedAt: string;
      fromCache: boolean;
      truncated: boolean;
      /** Set when the original was dead and its archived copy was read instead. */
      readFrom?: 'archive';
      /** The copy read (the page's own archive link, or the Wayback lookup's answer). */
      archiveUrl?: string;
      archivedAt?: string;
    } & ReadSource)
  | (SourceFailure & { fetchedAt: string; fromCache: boolean });

export interface LoadOptions {
  /** The article's own URL: decides whether loopback/private sources are allowed. */
  pageUrl: string;
  /** Re-check: skip the cache for this load (the fresh result is stored). */
  bypassCache?: boolean;
  /** An archived copy the citing page gives, read only when the original is dead. */
  archiveUrl?: string;
}

export interface SourceLoader {
  load(url: string, options: LoadOptions): Promise<SourceOutcome>;
}

/** Turns fetched HTML into readable text. Chrome MV3 runs it in an offscreen document. */
export type HtmlReader = (html: string, url: string) => Promise<ReadSource>;

/** Turns fetched PDF bytes into page-aware text. Chrome MV3 runs it in the offscreen document. */
export type PdfReader = (data: Uint8Array, url: string) => Promise<PdfRead>;
