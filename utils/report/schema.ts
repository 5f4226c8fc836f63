/**
 * The report: the contract between the core, the extension's UI, the command line and the tests.
 *
 * Every report that crosses a boundary (a message, session storage, an export, the CLI's --json)
 * is parsed with these schemas; the TypeScript types are inferred from them, never hand-copied.
 *
 * One deliberate addition to the design's contract: while sources are still loading, a claim may
 * carry the verdict `pending` and a report `state: "running"`. A finished report (`state: "done"`)
 * never holds a pending claim or source; `FinishedReportSchema` checks exactly that.
 */
import * as z from 'zod/mini';

export const FINAL_VERDICTS = [
  'supported',
  'partial',
  'unsupported',
  'contradicted',
  'unavailable',
  'unlinked',
] as const;
export const VERDICTS = [...FINAL_VERDICTS, 'pending'] as const;
export const VerdictSchema = z.enum(VERDICTS);
export type Verdict = z.infer<typeof VerdictSchema>;
export type FinalVerdict = (typeof FINAL_VERDICTS)[number];

/** Why a source could not be checked. A closed set: every failure has exactly one. */
export const UNAVAILABLE_REASONS = [
  'http_error',
  'network',
  'timeout',
  'too_large',
  'not_text',
  'pdf',
  'blocked_scheme',
  'blocked_private',
  'empty',
  'paywall',
  'invalid_url',
] as const;
export const UnavailableReasonSchema = z.enum(UNAVAILABLE_REASONS);
export type UnavailableReason = z.infer<typeof UnavailableReasonSchema>;

export const SourceStatusSchema = z.enum(['ok', 'unavailable', 'pending']);
export type SourceStatus = z.infer<typeof SourceStatusSchema>;

export const SourceSchema = z.object({
  id: z.string().check(z.minLength(1)),
  /** How the page names it: "Source 2", "12". */
  label: z.string(),
  url: z.string(),
  finalUrl: z.optional(z.string()),
  archiveUrl: z.optional(z.string()),
  title: z.optional(z.string()),
  domain: z.string(),
  status: SourceStatusSchema,
  reason: z.optional(UnavailableReasonSchema),
  httpStatus: z.optional(z.int()),
  fetchedAt: z.optional(z.string()),
  fromCache: z.optional(z.boolean()),
  truncated: z.optional(z.boolean()),
  selfCitation: z.optional(z.boolean()),
  published: z.optional(z.string()),
  byline: z.optional(z.string()),
  /** False for a listed source that no claim cites: it is shown but never fetched. */
  cited: z.optional(z.boolean()),
});
export type Source = z.infer<typeof SourceSchema>;

export const EvidenceSchema = z.object({
  sourceId: z.string(),
  /** The passage, as plain text (never markup). */
  text: z.string(),
  /** Character offsets of the passage in the source's extracted text. */
  start: z.int().check(z.nonnegative()),
  end: z.int().check(z.nonnegative()),
  score: z.number().check(z.gte(0), z.lte(1)),
  matched: z.array(z.string()),
  missing: z.array(z.string()),
  conflicts: z.array(z.string()),
});
export type Evidence = z.infer<typeof EvidenceSchema>;

export const ClaimSchema = z.object({
  id: z.string().check(z.minLength(1)),
  text: z.string(),
  markers: z.array(z.string()),
  sourceIds: z.array(z.string()),
  /** The attribution the claim names ("nature.com" in "According to nature.com, …"). */
  attribution: z.optional(z.string()),
  /** Does the named attribution fit the cited source's domain or title? */
  attributionMatches: z.optional(z.boolean()),
  verdict: VerdictSchema,
  score: z.number().check(z.gte(0), z.lte(1)),
  evidence: z.array(EvidenceSchema),
});
export type Claim = z.infer<typeof ClaimSchema>;

export const ReportSchema = z.object({
  url: z.string(),
  title: z.string(),
  checkedAt: z.string(),
  claims: z.array(ClaimSchema),
  sources: z.array(SourceSchema),
  /** `running` while sources load; `done` once every claim has its verdict. */
  state: z._default(z.enum(['running', 'done']), 'done'),
  /** Caps hit on a hostile or very large page (markers or sources beyond them were skipped). */
  limits: z.optional(z.object({ markersCapped: z.boolean(), sourcesCapped: z.boolean() })),
});
export type Report = z.infer<typeof ReportSchema>;
export type ReportInput = z.input<typeof ReportSchema>;

/** A finished report: no claim or source is left pending. */
export const FinishedReportSchema = ReportSchema.check(
  z.superRefine((report, ctx) => {
  if (report.state !== 'done') ctx.addIssue({ code: 'custom', message: 'report is still running' });
  for (const claim of report.claims) {
    if (claim.verdict === 'pending') ctx.addIssue({ code: 'custom', message: `claim ${claim.id} is pending` });
  }
  for (const source of report.sources) {
    if (source.status === 'pending' && source.cited !== false) ctx.addIssue({ code: 'custom', message: `source ${source.id} is pending` });
    if (source.status === 'unavailable' && !source.reason) {
      ctx.addIssue({ code: 'custom', message: `source ${source.id} is unavailable without a reason` });
    }
  }
  }),
);

