import { isJudgement, type ClaimKind } from '../utils/report/verdicts';

/** The match score as a short bar and a percentage. Verdicts that are not judgements have none. */
export function ScoreBar({ score, verdict }: { score: number; verdict: ClaimKind }) {
  const percent = Math.round(Math.min(1, Math.max(0, score)) * 100);
  return (
    <span
      class="cc-score"
      data-verdict={verdict}
      data-testid="score"
      role="img"
      aria-label={`Match score ${percent}%`}
      title="How closely the source's best passage matches the claim"
    >
      <span class="cc-score-track">
        <span class="cc-score-fill" style={{ width: `${percent}%` }} />
      </span>
      <span class="cc-score-num">{percent}%</span>
    </span>
  );
}

/** Whether a verdict carries a meaningful score (never for a source that could not be read). */
export function hasScore(verdict: ClaimKind): boolean {
  return isJudgement(verdict);
}
