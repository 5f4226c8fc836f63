/**
 * What extraction finds on an article page: the cited claims and the page's sources.
 * It crosses from the content script to the background, so it is a zod schema.
 */
import * as z from 'zod/mini';

/**
 * Bounds for hostile pages only: far above any real article (a long Wikipedia page has about
 * 1,000 markers). What is fetched, and when, is the scheduler's choice, not extraction's.
 */
export const MAX_MARKERS = 5000;
export const MAX_SOURCES = 5000;

export const CitedClaimSchema = z.object({
  /** Stable within one page scan, in page order: "c1", "c2", … */
  id: z.string().check(z.minLength(1)),
  /** The claim as it must be matched: attribution phrase and markers stripped. */
  text: z.string(),
  /** The markers as the page shows them: "[Source 2]", "[12]". */
  markers: z.array(z.string()),
  /** Ids of the sources the markers point at; empty when they name no listed source. */
  sourceIds: z.array(z.string()),
  /** The marker labels that named no listed source ("7" for a dangling "[7]"). */
  unlinkedLabels: z._default(z.array(z.string()), []),
  /** "nature.com" in "According to nature.com, …". */
  attribution: z.optional(z.string()),
  attributionMatches: z.optional(z.boolean()),
});
export type CitedClaim = z.infer<typeof CitedClaimSchema>;

export const CitedSourceSchema = z.object({
  /** "s1", "s2", … in list order. */
  id: z.string().check(z.minLength(1)),
  /** How the page names it: "Source 2", "12". */
  label: z.string(),
  /** Absolute http(s) URL of the cited work (as written; the fetcher validates it); "" when it has none. */
  url: z.string(),
  /** An archive copy, kept as a fallback. */
  archiveUrl: z.optional(z.string()),
  title: z.optional(z.string()),
  domain: z.string(),
  /**
   * Set when extraction already knows the work cannot be fetched: a reference without a link
   * (`no_url`: a book, a print report) or with only a link of another scheme (`blocked_scheme`:
   * `javascript:`, `data:`, `file:`). The pipeline passes these through without fetching.
   */
  status: z.optional(z.literal('unavailable')),
  reason: z.optional(z.enum(['no_url', 'blocked_scheme'])),
});
export type CitedSource = z.infer<typeof CitedSourceSchema>;

/** Caps hit on a hostile or very large page (markers or sources beyond them were skipped). */
export const LimitsSchema = z.object({ markersCapped: z.boolean(), sourcesCapped: z.boolean() });
export type Limits = z.infer<typeof LimitsSchema>;

export const PageCitationsSchema = z.object({
  url: z.string(),
  title: z.string(),
  claims: z.array(CitedClaimSchema).check(z.maxLength(MAX_MARKERS)),
  sources: z.array(CitedSourceSchema).check(z.maxLength(MAX_SOURCES)),
  limits: LimitsSchema,
});
export type PageCitations = z.infer<typeof PageCitationsSchema>;
