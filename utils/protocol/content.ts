/** The calls a tab's content script serves (sent with the tab's id: `send(…, { tabId })`). */
import * as z from 'zod/mini';
import { call } from '../messages';
import { ReportSchema } from '../report/schema';

// ── background → content script ──
/** The tab's report changed (progress, a verdict, or a finished check). */
export const reportUpdate = call('report-update', 'content', z.object({ report: ReportSchema }), z.null());
/** Scan the page again and verify it (a re-check of a page the background no longer holds). */
export const rescan = call('rescan', 'content', z.object({ force: z.boolean() }), z.null());

// ── popup → content script ──
/** Scrolls to a claim's marker and flashes it. */
export const scrollToClaim = call('scroll-to-claim', 'content', z.object({ claimId: z.string() }), z.null());

export const CONTENT = { 'report-update': reportUpdate, rescan, 'scroll-to-claim': scrollToClaim } as const;
