/**
 * The calls the background worker serves, one export each so that a context bundles only the
 * calls it makes (the content script carries none of the popup's or the reader view's schemas).
 * A call from a tab gets the tab from the browser's sender, never from the message; a call from
 * an extension page (the popup) names its tab.
 */
import * as z from 'zod/mini';
import { call } from '../messages';
import { PageCitationsSchema } from '../extract/types';
import { ReaderHtmlSchema } from '../reader/limits';
import { ReportSchema, wholeNumber } from '../report/schema';
import { CheckModeSchema } from '../settings-core';
import { LAZY_SCRIPT_NAMES } from '../lazy-scripts';

// Each check is built once and shared: a schema that a bundle never uses is dropped with its
// object, but a `.check()` call in it would stay (the bundler keeps a method call it cannot prove pure).
const NonNegative = wholeNumber().check(z.nonnegative());
const NonEmpty = z.string().check(z.minLength(1));
const TabId = NonNegative;
const ClaimId = NonEmpty;
const ClaimIds = z.array(ClaimId);
const MaybeReport = z.nullable(ReportSchema);

/** A cached source as the reader view shows it: its text with where it came from. */
export const CachedSourceViewSchema = z.object({
  url: z.string(),
  finalUrl: z.optional(z.string()),
  title: z.optional(z.string()),
  fetchedAt: z.number(),
  readFrom: z.optional(z.literal('archive')),
  archiveUrl: z.optional(z.string()),
  archivedAt: z.optional(z.string()),
  text: z.string(),
  /** HTML sources: the readable part's sanitised HTML (sanitised again before it is shown). */
  html: ReaderHtmlSchema,
  pages: z.optional(z.array(NonNegative)),
  truncated: z.boolean(),
});

// ── content script → background (the tab is the sender's) ──
/** Checks these citations as the tab's check mode says (claims in view first); answers with the report so far. */
export const verify = call(
  'verify',
  'background',
  z.object({
    page: PageCitationsSchema,
    force: z.optional(z.boolean()),
    viewport: z.optional(z.object({ inView: ClaimIds, nearView: ClaimIds })),
  }),
  ReportSchema,
);
/** Claims on or near the reader's screen now; the scheduler fetches theirs first. */
export const viewport = call('viewport', 'background', z.object({ inView: ClaimIds, nearView: ClaimIds }), z.null());
/** Runs one of the content script's lazy scripts in the sender's frame (`utils/lazy-scripts.ts`). */
export const loadScript = call('load-script', 'background', z.object({ script: z.enum(LAZY_SCRIPT_NAMES) }), z.null());

// ── content script, popup → background (the popup names the tab) ──
/** Checks one claim now, whatever the check mode (a click on its badge); answers with the report. */
export const checkClaim = call('check-claim', 'background', z.object({ tabId: z.optional(TabId), claimId: ClaimId }), MaybeReport);
/** Checks every claim of the page not yet checked ("Check this page", "Check the rest now"). */
export const checkPage = call('check-page', 'background', z.object({ tabId: z.optional(TabId) }), MaybeReport);
/** Asks the on-device judge about one claim again (the card's button); answers with the report. */
export const judgeClaim = call('judge-claim', 'background', z.object({ tabId: z.optional(TabId), claimId: ClaimId }), MaybeReport);
/** Opens the reader view of one claim's source in a new tab ("Show in Citecheck"). */
export const openReader = call(
  'open-reader',
  'background',
  z.object({ tabId: z.optional(TabId), claimId: ClaimId, sourceId: NonEmpty }),
  z.null(),
);

// ── popup → background ──
/** The tab's report, resuming an interrupted check; null when the tab has none. */
export const getReport = call('get-report', 'background', z.object({ tabId: TabId }), MaybeReport);
/** Checks the tab's page again, bypassing the source cache; null when the page must be rescanned. */
export const recheck = call('recheck', 'background', z.object({ tabId: TabId }), MaybeReport);

// ── popup, options, first-run page → background ──
/** Sets when pages are checked; open tabs that become automatic start checking. */
export const setCheckMode = call('set-check-mode', 'background', z.object({ mode: CheckModeSchema }), z.null());
/** Adds a site to (or removes it from) the sites checked automatically in the allowed-sites mode. */
export const allowSite = call('allow-site', 'background', z.object({ host: NonEmpty, allowed: z.boolean() }), z.null());

// ── reader view → background ──
/** The source's text as cached (no request is made); null when it is not cached or not readable. */
export const readSource = call('read-source', 'background', z.object({ url: NonEmpty }), z.nullable(CachedSourceViewSchema));

// ── options → background ──
/** Empties the source cache. */
export const clearCache = call('clear-cache', 'background', z.object({}), z.null());

/** Every call the background serves, by wire name (what `serve()` dispatches on). */
export const BACKGROUND = {
  verify,
  viewport,
  'load-script': loadScript,
  'check-claim': checkClaim,
  'check-page': checkPage,
  'judge-claim': judgeClaim,
  'open-reader': openReader,
  'get-report': getReport,
  recheck,
  'set-check-mode': setCheckMode,
  'allow-site': allowSite,
  'read-source': readSource,
  'clear-cache': clearCache,
} as const;
