/**
 * The source loader's contract: a cited URL in, readable text or a precise reason out.
 * Implemented under `utils/sources/`; wired to browser APIs by the background and to Node by the CLI.
 */
import type { UnavailableReason } from '../report/schema';

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
}

export type SourceOutcome =
  | ({
      ok: true;
      url: string;
      finalUrl: string;
      fetchedAt: string;
      fromCache: boolean;
      truncated: boolean;
    } & ReadSource)
  | {
      ok: false;
      url: string;
      finalUrl?: string;
      reason: UnavailableReason;
      httpStatus?: number;
      fetchedAt: string;
      fromCache: boolean;
    };

export interface LoadOptions {
  /** The article's own URL: decides whether loopback/private sources are allowed. */
  pageUrl: string;
  /** Re-check: skip the cache for this load (the fresh result is stored). */
  bypassCache?: boolean;
}

export interface SourceLoader {
  load(url: string, options: LoadOptions): Promise<SourceOutcome>;
}

/** Turns fetched HTML into readable text. Chrome MV3 runs it in an offscreen document. */
export type HtmlReader = (html: string, url: string) => Promise<ReadSource>;
