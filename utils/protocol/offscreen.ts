/** The calls Chrome's offscreen document serves (the MV3 worker has no DOMParser and no pdf.js). */
import * as z from 'zod/mini';
import { call } from '../messages';
import { ReaderHtmlSchema } from '../reader/limits';
import { PdfReadSchema } from '../sources/pdf-schema';

/** What the offscreen document's reader gives back: text, and the readable part's sanitised HTML; never the page's HTML. */
export const ReadSourceSchema = z.object({
  text: z.string(),
  html: ReaderHtmlSchema,
  title: z.optional(z.string()),
  byline: z.optional(z.string()),
  published: z.optional(z.string()),
  paywall: z.optional(z.boolean()),
  jsRequired: z.optional(z.boolean()),
});

/** Reads fetched HTML into plain text and sanitised reader HTML (its address makes the links absolute). */
export const readHtml = call('read-html', 'offscreen', z.object({ html: z.string(), url: z.string() }), ReadSourceSchema);
/** Reads a fetched PDF (base64: extension messages are JSON) into page-aware text with pdf.js. */
export const readPdf = call('read-pdf', 'offscreen', z.object({ data: z.string() }), PdfReadSchema);

export const OFFSCREEN = { 'read-html': readHtml, 'read-pdf': readPdf } as const;
