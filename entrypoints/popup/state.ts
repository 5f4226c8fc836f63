/**
 * The popup's state, in one place: a reducer with named actions and selectors. Components read
 * from it and dispatch to it; none of them keeps a copy of the report.
 *
 * Re-check is a small protocol of its own: the background may still answer with the old report
 * for a moment after it was asked to check again, so the popup stays in "re-checking" until it
 * sees a report that is running or was checked at a different time (or MAX_RECHECK_ANSWERS
 * reports came without one). Reports arrive as answers and as the tab's stored entry changes
 * (useReport.ts); nothing polls.
 */
import type { Claim, Report } from '../../utils/report/schema';
import { summarizeReport, type ReportSummary } from '../../utils/report/summary';
import { claimKind, isJudgement, KIND_ORDER, type ClaimKind } from '../../utils/report/verdicts';

export type SortOrder = 'page' | 'weakest' | 'strongest';
export type Filter = 'all' | ClaimKind;
export type Status = 'loading' | 'ready' | 'empty' | 'error';

export interface PopupState {
  status: Status;
  report: Report | null;
  summary: ReportSummary | null;
  error: string | null;
  filter: Filter;
  sort: SortOrder;
  expanded: ReadonlySet<string>;
  /** `checkedAt` of the report shown when re-check was asked for; null when not re-checking. */
  recheckFrom: string | null;
  /** Reports received since re-check was asked for; re-checking is given up after MAX_RECHECK_ANSWERS. */
  recheckPolls: number;
}

/** Reports that may still be the old one before "re-checking" is given up. */
export const MAX_RECHECK_ANSWERS = 40;

/**
 * Rows in the first frame: more than a popup shows, few enough that the first frame is quick. The
 * rest follow in the next task, so a 200-claim report paints at once and never blocks a frame long.
 */
export const FIRST_ROWS = 20;

export type Action =
  | { type: 'report-loaded'; report: Report | null }
  | { type: 'load-failed'; error: string }
  | { type: 'set-filter'; filter: Filter }
  | { type: 'set-sort'; sort: SortOrder }
  | { type: 'toggle-claim'; claimId: string }
  | { type: 'recheck-started' };

export const initialState: PopupState = {
  status: 'loading',
  report: null,
  summary: null,
  error: null,
  filter: 'all',
  sort: 'page',
  expanded: new Set(),
  recheckFrom: null,
  recheckPolls: 0,
};

function stillRechecking(state: PopupState, report: Report | null): string | null {
  if (state.recheckFrom === null || report === null) return null;
  if (report.state === 'running' || report.checkedAt !== state.recheckFrom) return null;
  return state.recheckFrom;
}

export function reducer(state: PopupState, action: Action): PopupState {
  switch (action.type) {
    case 'report-loaded': {
      const { report } = action;
      const recheckPolls = state.recheckFrom === null ? 0 : state.recheckPolls + 1;
      let recheckFrom = stillRechecking(state, report);
      if (recheckPolls >= MAX_RECHECK_ANSWERS) recheckFrom = null;
      // While re-checking, an answer of "no report yet" keeps what is on screen and keeps polling.
      if (report === null && state.recheckFrom !== null) {
        const recheck = recheckPolls >= MAX_RECHECK_ANSWERS ? null : state.recheckFrom;
        const status = state.report ? state.status : 'empty';
        return { ...state, status, recheckPolls, recheckFrom: recheck };
      }
      if (report === null) {
        return { ...state, status: 'empty', report: null, summary: null, error: null, recheckFrom: null, recheckPolls: 0 };
      }
      // A new check of the page may bring new claims: keep only expansions that still exist.
      const ids = new Set(report.claims.map((c) => c.id));
      const expanded = [...state.expanded].every((id) => ids.has(id))
        ? state.expanded
        : new Set([...state.expanded].filter((id) => ids.has(id)));
      const summary = summarizeReport(report);
      return { ...state, status: 'ready', report, summary, error: null, expanded, recheckFrom, recheckPolls };
    }
    case 'load-failed':
      return {
        ...state,
        status: state.report ? state.status : 'error',
        error: action.error,
        recheckFrom: null,
        recheckPolls: 0,
      };
    case 'set-filter':
      return { ...state, filter: action.filter };
    case 'set-sort':
      return { ...state, sort: action.sort };
    case 'toggle-claim': {
      const expanded = new Set(state.expanded);
      if (expanded.has(action.claimId)) expanded.delete(action.claimId);
      else expanded.add(action.claimId);
      return { ...state, expanded };
    }
    case 'recheck-started':
      return { ...state, recheckFrom: state.report?.checkedAt ?? '', recheckPolls: 0, error: null };
  }
}

export interface Row {
  claim: Claim;
  /** How the claim is shown: its verdict, or `uncheckable`. */
  kind: ClaimKind;
  /** 1-based position in the page. */
  position: number;
}

/** The claims to list, filtered and sorted; ties keep page order. */
export function visibleRows(state: Pick<PopupState, 'report' | 'filter' | 'sort'>): Row[] {
  const claims = state.report?.claims ?? [];
  const sources = new Map((state.report?.sources ?? []).map((s) => [s.id, s]));
  const rows = claims.map((claim, i) => ({ claim, kind: claimKind(claim, sources), position: i + 1 }));
  const filtered = state.filter === 'all' ? rows : rows.filter((r) => r.kind === state.filter);
  if (state.sort === 'page') return filtered;
  // Claims without a judged score (unavailable, unlinked, pending…) go last in either direction.
  const judged = (r: Row) => isJudgement(r.kind);
  const sign = state.sort === 'weakest' ? 1 : -1;
  return [...filtered].sort((a, b) => {
    const ja = judged(a);
    const jb = judged(b);
    if (ja !== jb) return ja ? -1 : 1;
    if (ja && a.claim.score !== b.claim.score) return sign * (a.claim.score - b.claim.score);
    return a.position - b.position;
  });
}

/** The filters worth offering: "all" and each verdict present, with counts. */
export function filterOptions(summary: ReportSummary | null): { filter: Filter; count: number }[] {
  if (!summary) return [];
  return [
    { filter: 'all' as Filter, count: summary.total },
    ...KIND_ORDER.filter((v) => summary.counts[v] > 0).map((v) => ({ filter: v as Filter, count: summary.counts[v] })),
  ];
}
