/**
 * The matcher's contract: plain strings in, plain data out. No browser API, no DOM.
 * Implemented in `utils/match/index.ts`; used by the background, the CLI and the eval script.
 */
import type { Evidence } from '../report/schema';

/** The verdicts the matcher can give; `unavailable`/`unlinked` are decided before matching. */
export type MatchVerdict = 'supported' | 'partial' | 'unsupported' | 'contradicted';

export interface Match {
  verdict: MatchVerdict;
  /** 0..1: orders claims by how well they are backed. */
  score: number;
  /** Best passages first; offsets index into the source's text. */
  evidence: Evidence[];
}

export interface MatchOptions {
  /** How many evidence passages to return (default 3). */
  maxEvidence?: number;
}
