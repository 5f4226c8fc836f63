/**
 * The fetch limits, one place for all of them: how long, how large, how many at once. Each module
 * that applies one imports it from here; the loader's options can lower them (tests do).
 * utils/sources/README.md says what each does when it is reached.
 */

/** A request's time for headers and body. */
export const DEFAULT_TIMEOUT_MS = 15_000;
/** Bytes read from a page's stream; the text before the cap is kept and marked truncated. */
export const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;
export const DEFAULT_MAX_REDIRECTS = 10;

/** PDFs are larger than pages: reports and papers of 5–20 MB are common. A cut PDF cannot be parsed. */
export const PDF_MAX_BYTES = 20 * 1024 * 1024;
export const PDF_MAX_PAGES = 300;
/** The whole PDF read; the pages read by then are kept. */
export const PDF_TIME_MS = 20_000;

/** The opt-in Wayback availability lookup. */
export const WAYBACK_LOOKUP_TIMEOUT_MS = 10_000;

/** Requests in flight at once: per host (a page citing forty articles of one site), and in all. */
export const MAX_REQUESTS_PER_HOST = 2;
export const MAX_REQUESTS_TOTAL = 16;
