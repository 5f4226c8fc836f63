/**
 * Between the report and the judge: what a claim shows the judge, and what the judge's outcome
 * does to the claim. The word-match verdict is the default; only an answer that passed the gate
 * replaces it, and the claim then says who decided, with the quote and the reason.
 */
import type { Claim, Source } from '../report/schema';
import type { JudgeOutcome } from './judge';
import type { JudgeInput } from './prompt';

export const WORDS = 'words';
/** Passages a judge sees: the matcher's best few. */
export const MAX_JUDGED_PASSAGES = 3;

const JUDGEABLE = new Set(['supported', 'partial', 'unsupported', 'contradicted']);

/** The judge's view of a claim, or null when there is nothing to judge (no verdict, no passage). */
export function judgeInputOf(claim: Claim, sources: readonly Source[], sentence?: string): JudgeInput | null {
  if (!JUDGEABLE.has(claim.verdict) || claim.evidence.length === 0) return null;
  const labels = new Map(sources.map((s) => [s.id, s.label]));
  return {
    claimId: claim.id,
    claim: claim.text,
    ...(sentence ? { sentence } : {}),
    passages: claim.evidence.slice(0, MAX_JUDGED_PASSAGES).map((e) => ({
      sourceId: e.sourceId,
      ...(labels.has(e.sourceId) ? { label: labels.get(e.sourceId) } : {}),
      text: e.text,
    })),
  };
}

/** The claim after the judge's outcome: judged when the answer passed the gate, unchanged otherwise. */
export function withJudgement(claim: Claim, outcome: JudgeOutcome, judgeName: string): Claim {
  if (!outcome.ok) return claim;
  const { quote: _q, judgeReason: _r, ...rest } = claim;
  return {
    ...rest,
    verdict: outcome.verdict,
    judgedBy: judgeName,
    ...(outcome.quote ? { quote: outcome.quote } : {}),
    ...(outcome.reason ? { judgeReason: outcome.reason } : {}),
  };
}

/** True when an on-device judge, not the word matcher, gave the claim's verdict. */
export function judgedByModel(claim: Pick<Claim, 'judgedBy'>): boolean {
  return claim.judgedBy !== undefined && claim.judgedBy !== WORDS;
}
