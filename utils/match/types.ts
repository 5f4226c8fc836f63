/**
 * The matcher's contract: plain strings in, plain data out. No browser API, no DOM.
 * Implemented in `utils/match/index.ts`; used by the pipeline, the CLI and the eval script.
 */
import type { AbsentTerm, ClaimPart, Evidence } from '../report/schema';

/** The verdicts the matcher can give; `unavailable`/`unlinked` are decided before matching. */
export type MatchVerdict = 'supported' | 'partial' | 'unsupported' | 'contradicted';

/** One part of a claim ("X did A" / "and B in 2021"): stated by the sources or not, and where (`Claim.parts`). */
export type MatchPart = ClaimPart;

export interface Match {
  verdict: MatchVerdict;
  /** 0..1, calibrated: the estimated chance that the sources support the claim. */
  score: number;
  /** Best passages first; offsets index into the source's text. */
  evidence: Evidence[];
  /** The claim part by part, when it has more than one part. */
  parts?: MatchPart[];
  /** The claim's numbers, years, dates and names that no source holds anywhere, when there are any. */
  absent?: AbsentTerm[];
}

export interface MatchOptions {
  /** How many evidence passages to return (default 3). */
  maxEvidence?: number;
}
