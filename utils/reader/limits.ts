/**
 * The reader view's bound on a source's sanitised HTML, apart from sanitize.ts so that the message
 * schemas and the cache can state it without bundling DOMPurify.
 */
import * as z from 'zod/mini';

/** Sanitised HTML past this many characters is not kept: the reader view shows the plain text. */
export const READER_HTML_MAX_CHARS = 2_000_000;

/** Sanitised readable HTML (utils/reader/sanitize.ts) within its bound, as messages carry it. */
export const ReaderHtmlSchema = z.optional(/* @__PURE__ */ z.string().check(z.maxLength(READER_HTML_MAX_CHARS)));
