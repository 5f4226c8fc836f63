/**
 * What a report says at a glance: counts per verdict, the summary line, progress, and the toolbar
 * badge. Also the one vocabulary of verdict words, shared by the badges, the card, the popup and
 * the exports, so a verdict is called the same thing everywhere.
 *
 * Judgement calls:
 * - "Needs a look" is every claim that is finished and not `supported`: a partly supported claim,
 *   an unavailable source or a dangling marker all deserve the reader's eye. Pending claims are not
 *   counted, so the toolbar number only grows as verdicts arrive and never counts guesses.
 * - Severity ranks judgements of the article above failures to check it: a contradiction is worse
 *   than a claim not found, which is worse than a partial match; an unavailable source or an
 *   unlinked marker says nothing against the article, so it ranks below a partial match and its
 *   colour is a neutral grey.
 */
import type { Report, Source, Verdict } from './schema';

/** The word a badge shows next to its icon. */
export const VERDICT_WORD: Record<Verdict, string> = {
  supported: 'Supported',
  partial: 'Partly',
  unsupported: 'Not found',
  contradicted: 'Contradicted',
  unavailable: 'Unavailable',
  unlinked: 'Unlinked',
  pending: 'Checking',
};

/** The phrase the summary line and the filters use ("5 supported, 2 partly, 1 not found"). */
export const VERDICT_PHRASE: Record<Verdict, string> = {
  supported: 'supported',
  partial: 'partly',
  unsupported: 'not found',
  contradicted: 'contradicted',
  unavailable: 'source unavailable',
  unlinked: 'unlinked',
  pending: 'checking',
};

/** One sentence per verdict, for the card and the exports. */
export const VERDICT_MEANING: Record<Verdict, string> = {
  supported: 'The cited source states what the claim says.',
  partial: 'The cited source backs part of the claim; other key parts are missing.',
  unsupported: 'The cited source does not state the claim’s key content.',
  contradicted: 'A passage of the source matches the claim but disagrees on a detail.',
  unavailable: 'The cited source could not be read, so the claim could not be checked.',
  unlinked: 'The marker points at no source in the page’s list.',
  pending: 'The cited source is still loading.',
};

/** Summary order: best to worst, then the states that are not judgements. */
export const VERDICT_ORDER: readonly Verdict[] = [
  'supported',
  'partial',
  'unsupported',
  'contradicted',
  'unavailable',
  'unlinked',
  'pending',
];

/** Higher is worse; see the module comment for why failures rank below judgements. */
export const VERDICT_SEVERITY: Record<Verdict, number> = {
  pending: 0,
  supported: 1,
  unlinked: 2,
  unavailable: 3,
  partial: 4,
  unsupported: 5,
  contradicted: 6,
};

/** Toolbar badge colours (also the light-theme accent of each verdict). */
export const VERDICT_COLOR: Record<Verdict, string> = {
  supported: '#1a7f37',
  partial: '#9a6700',
  unsupported: '#bc4c00',
  contradicted: '#c8102e',
  unavailable: '#57606a',
  unlinked: '#57606a',
  pending: '#3b6ea8',
};

export interface ReportSummary {
  total: number;
  counts: Record<Verdict, number>;
  /** Claims that are finished and not supported. */
  needsLook: number;
  /** The most severe verdict among finished claims; null when none is finished. */
  worst: Verdict | null;
  line: string;
  /** Cited sources loaded (ok or unavailable) out of all cited sources. */
  progress: { done: number; total: number };
}

function emptyCounts(): Record<Verdict, number> {
  return { supported: 0, partial: 0, unsupported: 0, contradicted: 0, unavailable: 0, unlinked: 0, pending: 0 };
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** A source counts for progress when some claim cites it (uncited ones are never fetched). */
export function isCitedSource(source: Source): boolean {
  return source.cited !== false;
}

export function summarizeReport(report: Report): ReportSummary {
  const counts = emptyCounts();
  let worst: Verdict | null = null;
  for (const claim of report.claims) {
    counts[claim.verdict] += 1;
    if (claim.verdict === 'pending') continue;
    if (worst === null || VERDICT_SEVERITY[claim.verdict] > VERDICT_SEVERITY[worst]) worst = claim.verdict;
  }
  const total = report.claims.length;
  const needsLook = total - counts.supported - counts.pending;
  const cited = report.sources.filter(isCitedSource);
  const progress = { done: cited.filter((s) => s.status !== 'pending').length, total: cited.length };
  const parts = VERDICT_ORDER.filter((v) => counts[v] > 0).map((v) => `${counts[v]} ${VERDICT_PHRASE[v]}`);
  const line = total === 0 ? 'No cited claims found' : `${plural(total, 'claim', 'claims')}: ${parts.join(', ')}`;
  return { total, counts, needsLook, worst, line, progress };
}

export interface ToolbarBadge {
  /** The number of claims that need a look; '' when there are none. */
  text: string;
  color: string;
  /** The action's tooltip: says what the number means. */
  title: string;
}

export function toolbarBadge(report: Report | null): ToolbarBadge {
  if (!report) return { text: '', color: VERDICT_COLOR.pending, title: 'Citecheck: no cited claims on this page' };
  const s = summarizeReport(report);
  const running = report.state === 'running';
  const loading = running ? ` (checking sources: ${s.progress.done} of ${s.progress.total} loaded)` : '';
  if (s.total === 0) return { text: '', color: VERDICT_COLOR.pending, title: 'Citecheck: no cited claims on this page' };
  const text = s.needsLook > 0 ? String(s.needsLook) : '';
  const color = VERDICT_COLOR[s.worst ?? 'pending'];
  let title: string;
  if (s.needsLook === 0) {
    title = running
      ? `Citecheck: ${plural(s.total, 'cited claim', 'cited claims')}${loading}`
      : `Citecheck: all ${plural(s.total, 'cited claim', 'cited claims')} supported by their sources`;
  } else {
    const detail = VERDICT_ORDER.filter((v) => v !== 'supported' && v !== 'pending' && s.counts[v] > 0)
      .map((v) => `${s.counts[v]} ${VERDICT_PHRASE[v]}`)
      .join(', ');
    const needs = s.needsLook === 1 ? '1 of ' + s.total + ' claims needs a look' : `${s.needsLook} of ${s.total} claims need a look`;
    title = `Citecheck: ${needs} (${detail})${loading}`;
  }
  return { text, color, title };
}
