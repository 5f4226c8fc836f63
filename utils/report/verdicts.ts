/**
 * The verdicts, as the core needs them: the closed set, how bad each is, and whether it is a
 * judgement of the claim. Their words, meanings and colours live in `components/verdicts.ts`; both
 * tables are keyed by `ClaimKind`, so adding a verdict here makes the type checker ask for its words.
 *
 * Judgement calls:
 * - Severity ranks judgements of the article above failures to check it: a contradiction is worse
 *   than a claim not found, which is worse than a partial match; an unavailable source or an
 *   unlinked marker says nothing against the article, so it ranks below a partial match.
 * - `pending` (still loading) and `unchecked` (not asked for yet, in the on-click modes) are not
 *   settled: they rank lowest, never count as needing a look, and carry no score.
 * - `uncheckable` is not a verdict but a kind of display: an `unavailable` claim whose every source
 *   has no web link to follow (`no_url`, `blocked_scheme`). Nothing failed and nothing will
 *   change on a re-check, so it gets its own word and is counted apart.
 */
import { UNCHECKABLE_REASONS } from '../sources/types';
import type { Claim, Source } from './schema';

/** The verdicts a claim can carry, in summary order: best to worst, then the states that are not judgements. */
export const VERDICTS = [
  'supported',
  'partial',
  'unsupported',
  'contradicted',
  'unavailable',
  'unlinked',
  'unchecked',
  'pending',
] as const;
export type Verdict = (typeof VERDICTS)[number];

/** What the reader is shown for a claim: its verdict, or `uncheckable` (see the module comment). */
export type ClaimKind = Verdict | 'uncheckable';

interface KindFacts {
  /** Higher is worse. */
  severity: number;
  /** A judgement of the claim against its source: it has a score and passages. */
  judgement: boolean;
  /** The claim's check has ended (it may count as needing a look). */
  settled: boolean;
}

/** One row per kind, in summary order. */
export const KIND_FACTS = {
  supported: { severity: 1, judgement: true, settled: true },
  partial: { severity: 5, judgement: true, settled: true },
  unsupported: { severity: 6, judgement: true, settled: true },
  contradicted: { severity: 7, judgement: true, settled: true },
  unavailable: { severity: 4, judgement: false, settled: true },
  uncheckable: { severity: 2, judgement: false, settled: true },
  unlinked: { severity: 3, judgement: false, settled: true },
  unchecked: { severity: 0, judgement: false, settled: false },
  pending: { severity: 0, judgement: false, settled: false },
} as const satisfies Record<ClaimKind, KindFacts>;

/** Summary order: best to worst, then the states that are not judgements. */
export const KIND_ORDER = Object.keys(KIND_FACTS) as ClaimKind[];

/** Whether a verdict judges the claim (and so carries a meaningful score and passages). */
export function isJudgement(kind: ClaimKind): boolean {
  return KIND_FACTS[kind].judgement;
}

export function isSettled(kind: ClaimKind): boolean {
  return KIND_FACTS[kind].settled;
}

export function severity(kind: ClaimKind): number {
  return KIND_FACTS[kind].severity;
}

/** A count of zero for every kind. */
export function emptyCounts(): Record<ClaimKind, number> {
  return Object.fromEntries(KIND_ORDER.map((k) => [k, 0])) as Record<ClaimKind, number>;
}

type SourceFacts = Pick<Source, 'status' | 'reason'>;

/** The kind a claim is shown as, from its verdict and what became of its sources. */
export function claimKind(claim: Pick<Claim, 'verdict' | 'sourceIds'>, sources: ReadonlyMap<string, SourceFacts>): ClaimKind {
  if (claim.verdict !== 'unavailable' || claim.sourceIds.length === 0) return claim.verdict;
  const uncheckable = claim.sourceIds.every((id) => {
    const source = sources.get(id);
    return source?.status === 'unavailable' && source.reason !== undefined && UNCHECKABLE_REASONS.includes(source.reason);
  });
  return uncheckable ? 'uncheckable' : 'unavailable';
}
