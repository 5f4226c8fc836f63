/**
 * Typed messages between the extension's contexts. Each has a zod schema; a message that fails
 * its schema, or comes from outside the extension, is dropped by the receiver.
 *
 * Requests get a `Result`: `{ ok: true, value }` or `{ ok: false, error }`, never a thrown string.
 */
import * as z from 'zod/mini';
import { PageCitationsSchema } from './extract/types';
import { ReportSchema } from './report/schema';

/** Content script → background: check these citations (answers with the report so far). */
export const VerifyRequestSchema = z.object({
  type: z.literal('verify'),
  page: PageCitationsSchema,
  /** Bypass the source cache (re-check). */
  force: z.optional(z.boolean()),
});

/** Popup → background: the report of a tab (answers with the report, or null when none yet). */
export const GetReportRequestSchema = z.object({
  type: z.literal('get-report'),
  tabId: z.int(),
});

/** Popup → background: check a tab's page again, bypassing the source cache. */
export const RecheckRequestSchema = z.object({
  type: z.literal('recheck'),
  tabId: z.int(),
});

/** Background → offscreen document (Chrome MV3): read this HTML into text. */
export const ReadHtmlRequestSchema = z.object({
  type: z.literal('read-html'),
  html: z.string(),
  url: z.string(),
});

/** Options page → background: empty the source cache (answers `{ ok: true, value: null }`). */
export const ClearCacheRequestSchema = z.object({
  type: z.literal('clear-cache'),
});

export const BackgroundRequestSchema = z.discriminatedUnion('type', [
  VerifyRequestSchema,
  GetReportRequestSchema,
  RecheckRequestSchema,
  ClearCacheRequestSchema,
]);
export type BackgroundRequest = z.infer<typeof BackgroundRequestSchema>;

/** Background → content script: the report changed (progress or finished). */
export const ReportUpdateSchema = z.object({
  type: z.literal('report-update'),
  report: ReportSchema,
});

/** Background → content script: scan the page again and re-verify (popup's re-check). */
export const RescanRequestSchema = z.object({
  type: z.literal('rescan'),
  force: z.boolean(),
});

/** Popup → content script: scroll to a claim's marker and flash it. */
export const ScrollToClaimSchema = z.object({
  type: z.literal('scroll-to-claim'),
  claimId: z.string(),
});

export const ContentRequestSchema = z.discriminatedUnion('type', [
  ReportUpdateSchema,
  RescanRequestSchema,
  ScrollToClaimSchema,
]);
export type ContentRequest = z.infer<typeof ContentRequestSchema>;

export type Result<T> = { ok: true; value: T } | { ok: false; error: string };

export const ReportResultSchema = z.union([
  z.object({ ok: z.literal(true), value: z.nullable(ReportSchema) }),
  z.object({ ok: z.literal(false), error: z.string() }),
]);
export type ReportResult = z.infer<typeof ReportResultSchema>;
