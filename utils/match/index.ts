/**
 * The matcher: for a claim and the sources it cites, find the passages that best back it, say how
 * well it is backed, and show why. `indexSource(id, text)` once per source text, then
 * `matchClaim(claim, sources)` per claim.
 *
 * - `passages.ts`: windows of one to three sentences and the claim terms each holds;
 * - `features.ts`: chunked coverage, numbers and names found, each part's coverage;
 * - `model.ts`: the score, its calibration and the verdict (parameters in `weights.json`);
 * - `conflicts.ts`: disagreements, and which of them are reliable;
 * - `evidence.ts`: the passages shown, and the claim part by part.
 *
 * The claim text is the one extraction produced: its attribution already taken off. Nothing is
 * stripped here but citation markers.
 */
import { analyseClaim, type ClaimAnalysis } from './claim';
import { findConflicts, type Conflicts } from './conflicts';
import { chooseEvidence, explainParts, toEvidence } from './evidence';
import { absentTerms, partCoverage, scoreFactors, type ScoreFactors } from './features';
import { calibrated, decide, DEFAULT_PARAMS, rawScore, type MatchParams, type PartsStated } from './model';
import { coverageExcept, retrieve, type Retrieval, type Window } from './passages';
import { indexSource, type SourceIndex } from './source';
import type { Match, MatchOptions, MatchPart, MatchVerdict } from './types';

export { indexSource, DEFAULT_PARAMS };
export type { SourceIndex, Match, MatchOptions, MatchPart, MatchVerdict, MatchParams };

/**
 * A passage aligns tightly with a claim when one sentence, or two adjacent ones, hold this share
 * of the claim's weighted key words other than those it disagrees on. Only then can a
 * disagreement make the claim contradicted.
 */
export const ALIGNED = 0.75;
/** How many of the best one- and two-sentence windows are checked for a disagreement. */
const ALIGN_CANDIDATES = 5;

export interface Aligned {
  window: Window;
  conflicts: Conflicts;
  /** Coverage of the claim's other terms (those not in a conflict). */
  other: number;
  contradicted: boolean;
}

export interface Analysis {
  match: Match;
  analysis: ClaimAnalysis;
  retrieval: Retrieval | null;
  factors: ScoreFactors | null;
  raw: number;
  aligned: Aligned | null;
  stated: PartsStated | null;
}

export function matchClaim(claim: string, sources: SourceIndex[], options: MatchOptions & { params?: MatchParams } = {}): Match {
  return analyse(claim, sources, options).match;
}

/** The match plus what it was computed from (for the fitting script and the eval). */
export function analyse(claim: string, sources: SourceIndex[], options: MatchOptions & { params?: MatchParams } = {}): Analysis {
  const params = options.params ?? DEFAULT_PARAMS;
  const maxEvidence = options.maxEvidence ?? 3;
  const analysis = analyseClaim(claim ?? '');
  const usable = sources.filter((s) => s && s.bodyEnd > 0);
  if (analysis.terms.length === 0 || usable.length === 0) {
    return { match: { verdict: 'unsupported', score: 0, evidence: [] }, analysis, retrieval: null, factors: null, raw: 0, aligned: null, stated: null };
  }
  const retrieval = retrieve(analysis, usable, params.retrieval);
  const factors = scoreFactors(retrieval);
  const raw = rawScore(params.score, factors);
  const aligned = alignedPassage(retrieval);
  const parts = partCoverage(retrieval);
  const stated = { best: parts.best, stated: params.partStated };
  const verdict = decide(params.thresholds, raw, aligned?.contradicted ?? false, stated, factors.coverage);

  const messages = aligned ? shownConflicts(aligned) : [];
  const shown = chooseEvidence(retrieval.windows, parts, aligned?.contradicted ? aligned.window : undefined, messages.length ? aligned?.window : undefined, maxEvidence);
  const evidence = shown.map((w) => toEvidence(w, analysis, w === aligned?.window ? messages : []));
  const match: Match = { verdict, score: calibrated(params, raw), evidence };
  if (analysis.parts > 1) match.parts = explainParts(analysis, parts, params.partStated);
  const absent = absentTerms(retrieval);
  if (absent.length) match.absent = absent;
  return { match, analysis, retrieval, factors, raw, aligned, stated };
}

/**
 * The best-aligned short passage and its disagreements: among the best one- and two-sentence
 * windows, the one that holds most of the claim's other words (a passage without a reliable
 * conflict wins a tie). Contradicted only when that passage aligns tightly and disagrees reliably.
 */
export function alignedPassage(r: Retrieval): Aligned | null {
  let best: Aligned | null = null;
  let seen = 0;
  for (const w of r.windows) {
    if (w.to - w.from > 1) continue;
    if (seen++ >= ALIGN_CANDIDATES) break;
    const conflicts = findConflicts(r.analysis, w.source, w.from, w.to, w.matched);
    const other = coverageExcept(w, r.termWeights, conflicts.terms);
    const better = !best || other > best.other + 1e-9 || (Math.abs(other - best.other) <= 1e-9 && best.conflicts.reliable && !conflicts.reliable);
    if (better) best = { window: w, conflicts, other, contradicted: conflicts.reliable && other >= ALIGNED };
  }
  return best;
}

/** Reliable disagreements of a contradicted claim as they are; every other one as "differs: …". */
function shownConflicts(a: Aligned): string[] {
  return a.conflicts.list.map((c) => (a.contradicted && c.reliable ? c.message : `differs: ${c.message}`));
}
