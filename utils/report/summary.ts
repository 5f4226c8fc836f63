/**
 * What a report says at a glance, as numbers: counts per kind of claim, the worst verdict, the
 * claims that need a look, and progress. The words for them (the summary line, the toolbar's
 * tooltip) are the components' (`components/summary-words.ts`).
 *
 * Judgement call: "Needs a look" is every claim that is settled and not `supported`: a partly
 * supported claim, an unavailable source or a dangling marker all deserve the reader's eye. Claims
 * still loading or not asked for yet are not counted, so the toolbar number only grows as verdicts
 * arrive and never counts guesses.
 */
import type { Report, Source } from './schema';
import { claimKind, emptyCounts, isSettled, severity, type ClaimKind } from './verdicts';

export interface ReportSummary {
  total: number;
  /** Claims per kind (`uncheckable` counted apart from `unavailable`). */
  counts: Record<ClaimKind, number>;
  /** Claims that are settled and not supported. */
  needsLook: number;
  /** The most severe kind among settled claims; null when none is settled. */
  worst: ClaimKind | null;
  /** Cited sources loaded (ok or unavailable) out of all cited sources. */
  progress: { done: number; total: number };
}

/** A source counts for progress when some claim cites it (uncited ones are never fetched). */
export function isCitedSource(source: Source): boolean {
  return source.cited !== false;
}

export function summarizeReport(report: Report): ReportSummary {
  const counts = emptyCounts();
  const sources = new Map(report.sources.map((s) => [s.id, s]));
  let worst: ClaimKind | null = null;
  let needsLook = 0;
  for (const claim of report.claims) {
    const kind = claimKind(claim, sources);
    counts[kind] += 1;
    if (!isSettled(kind)) continue;
    if (kind !== 'supported') needsLook += 1;
    if (worst === null || severity(kind) > severity(worst)) worst = kind;
  }
  const cited = report.sources.filter(isCitedSource);
  const progress = { done: cited.filter((s) => s.status !== 'pending').length, total: cited.length };
  return { total: report.claims.length, counts, needsLook, worst, progress };
}
