/**
 * What reading a PDF yields, as a schema: the offscreen document's answer to `read-pdf` is parsed
 * with it. Kept apart from pdf.ts so that importing the message protocol never pulls in pdf.js.
 */
import * as z from 'zod/mini';

export const PDF_FAILURES = ['pdf_no_text', 'pdf_encrypted', 'pdf_broken', 'timeout'] as const;
export type PdfFailure = (typeof PDF_FAILURES)[number];

const offset = z.int().check(z.nonnegative());

export const PdfReadSchema = z.union([
  z.object({
    ok: z.literal(true),
    text: z.string(),
    /** Where each page starts in `text`. */
    pages: z.array(offset),
    pageCount: offset,
    /** Pages were skipped (the page cap, or the time ran out). */
    truncated: z.boolean(),
    title: z.optional(z.string()),
    published: z.optional(z.string()),
  }),
  z.object({ ok: z.literal(false), reason: z.enum(PDF_FAILURES) }),
]);
export type PdfRead = z.infer<typeof PdfReadSchema>;
