/**
 * The report: the contract between the core, the extension's UI, the command line and the tests.
 *
 * Every report that crosses a boundary (a message, session storage, an export, the CLI's --json)
 * is parsed with these schemas; the TypeScript types are inferred from them, never hand-copied.
 * A report's claims and sources are extraction's (`utils/extract/types.ts`) with what checking
 * adds: the report's schemas spread those schemas' shapes into their own (a plain z.object, not
 * z.extend or z.omit, which the content script would carry for these two schemas alone), so a
 * field is written once. Every field added since the first reports is optional, so a stored or
 * exported report of an older version still parses.
 *
 * One deliberate addition to the design's contract: while sources are still loading, a claim may
 * carry the verdict `pending` and a report `state: "running"`. A finished report (`state: "done"`)
 * never holds a pending claim, nor a pending source that a checked claim cites;
 * `FinishedReportSchema` checks exactly that.
 */
import * as z from 'zod/mini';
import { CitedClaimSchema, CitedSourceSchema, LimitsSchema } from '../extract/types';
import { UnavailableReasonSchema } from '../sources/types';
import { VERDICTS } from './verdicts';

export { VERDICTS, type Verdict } from './verdicts';
export const VerdictSchema = z.enum(VERDICTS);

/**
 * A whole number: what z.int() accepts (a safe integer), with z.int()'s issue for a number that is
 * not one. z.int()'s own check knows every number format and its range: 400 bytes gzipped of the
 * content script, which parses every report it is sent, for a test this one line makes.
 */
export const wholeNumber = () =>
  z.number().check(
    z.check((payload) => {
      if (!Number.isSafeInteger(payload.value)) payload.issues.push({ code: 'invalid_type', expected: 'int', input: payload.value });
    }),
  );

export const SourceStatusSchema = z.enum(['ok', 'unavailable', 'pending']);
export type SourceStatus = z.infer<typeof SourceStatusSchema>;

export const SourceSchema = z.object({
  ...CitedSourceSchema.shape,
  finalUrl: z.optional(z.string()),
  status: SourceStatusSchema,
  reason: z.optional(UnavailableReasonSchema),
  httpStatus: z.optional(wholeNumber()),
  fetchedAt: z.optional(z.string()),
  fromCache: z.optional(z.boolean()),
  truncated: z.optional(z.boolean()),
  selfCitation: z.optional(z.boolean()),
  published: z.optional(z.string()),
  byline: z.optional(z.string()),
  /** False for a listed source that no claim cites: it is shown but never fetched. */
  cited: z.optional(z.boolean()),
  /** Where the text was read: the cited URL itself, or the page's archived copy of a dead link. */
  readFrom: z.optional(z.enum(['original', 'archive'])),
  /** When the archived copy that was read was taken (ISO date), with `readFrom: "archive"`. */
  archivedAt: z.optional(z.string()),
  /** PDFs: the document's number of pages. */
  pageCount: z.optional(wholeNumber().check(z.positive())),
});
export type Source = z.infer<typeof SourceSchema>;

export const EvidenceSchema = z.object({
  sourceId: z.string(),
  /** The passage, as plain text (never markup). */
  text: z.string(),
  /** Character offsets of the passage in the source's extracted text. */
  start: wholeNumber().check(z.nonnegative()),
  end: wholeNumber().check(z.nonnegative()),
  score: z.number().check(z.gte(0), z.lte(1)),
  matched: z.array(z.string()),
  missing: z.array(z.string()),
  conflicts: z.array(z.string()),
  /** The PDF page the passage is on (1-based), for PDF sources. */
  page: z.optional(wholeNumber().check(z.positive())),
});
export type Evidence = z.infer<typeof EvidenceSchema>;

/** One part of a claim ("X did A", "and B in 2021"): stated by a source or not, with its passage. */
export const ClaimPartSchema = z.object({
  text: z.string(),
  stated: z.boolean(),
  /** The passage that states the part; only when `stated`. */
  evidence: z.optional(EvidenceSchema),
});
export type ClaimPart = z.infer<typeof ClaimPartSchema>;

/**
 * A number, year, date or name of the claim that no cited source holds anywhere (what the
 * presence factors of the score miss): "12,000", "2021", "5 March 2020", "Harlow".
 */
export const AbsentTermSchema = z.object({
  kind: z.enum(['number', 'year', 'date', 'name']),
  /** As the claim writes it (text, never markup). */
  text: z.string().check(z.minLength(1)),
  /** The claim part it is in (an index into `Claim.parts`), when the claim has parts. */
  part: z.optional(wholeNumber().check(z.nonnegative())),
});
export type AbsentTerm = z.infer<typeof AbsentTermSchema>;

// The claim's fields as extraction gives them, without the labels of markers that link nowhere.
const { unlinkedLabels: _unlinked, ...claimShape } = CitedClaimSchema.shape;

export const ClaimSchema = z.object({
  ...claimShape,
  verdict: VerdictSchema,
  score: z.number().check(z.gte(0), z.lte(1)),
  evidence: z.array(EvidenceSchema),
  /** Each part of the claim, stated or not. */
  parts: z.optional(z.array(ClaimPartSchema)),
  /** The claim's numbers, years, dates and names that no cited source holds, in claim order. */
  absent: z.optional(z.array(AbsentTermSchema)),
  /** Who gave the verdict: `words` (the word matcher) or the name of the on-device judge. */
  judgedBy: z.optional(z.string().check(z.minLength(1))),
  /** The judge's quote, copied from the passages it was shown. */
  quote: z.optional(z.string()),
  /** The judge's one-sentence reason. */
  judgeReason: z.optional(z.string()),
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
  limits: z.optional(LimitsSchema),
});
export type Report = z.infer<typeof ReportSchema>;

/**
 * A finished report: no claim left pending, no pending source that a checked claim cites.
 * (Marked pure: a bundle that never reads it, the content script's, drops it and its refinement.)
 */
export const FinishedReportSchema = /* @__PURE__ */ ReportSchema.check(
  z.superRefine((report, ctx) => {
    if (report.state !== 'done') ctx.addIssue({ code: 'custom', message: 'report is still running' });
    // Sources cited only by claims not asked for yet (`unchecked`) are rightly never fetched.
    const awaited = new Set<string>();
    for (const claim of report.claims) {
      if (claim.verdict === 'pending') ctx.addIssue({ code: 'custom', message: `claim ${claim.id} is pending` });
      if (claim.verdict !== 'unchecked') for (const id of claim.sourceIds) awaited.add(id);
    }
    for (const source of report.sources) {
      if (source.status === 'pending' && source.cited !== false && awaited.has(source.id)) {
        ctx.addIssue({ code: 'custom', message: `source ${source.id} is pending` });
      }
      if (source.status === 'unavailable' && !source.reason) {
        ctx.addIssue({ code: 'custom', message: `source ${source.id} is unavailable without a reason` });
      }
    }
  }),
);
