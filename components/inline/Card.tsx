import type { Claim } from '../../utils/report/schema';
import { claimKind } from '../../utils/report/verdicts';
import { ClaimDetails, type SourceLookup } from '../ClaimDetails';
import { hasScore, ScoreBar } from '../ScoreBar';
import { VerdictChip } from '../VerdictChip';

export interface CardProps {
  claim: Claim;
  sources: SourceLookup;
  theme: 'light' | 'dark';
  /** The card's accessible name, the badge's own ("Citecheck: partly supported by Source 2"). */
  label: string;
  onClose: () => void;
  /** Set when an on-device judge is on: asks it about this claim again. */
  onAskJudge?: (claimId: string) => void;
  onShowSource?: (claimId: string, sourceId: string) => void;
}

/** The hover card's content for one claim. Positioning is the layer's job. */
export function Card({ claim, sources, theme, label, onClose, onAskJudge, onShowSource }: CardProps) {
  const kind = claimKind(claim, sources);
  return (
    <div
      class="cc-card cc-theme"
      data-theme={theme}
      data-citecheck-card=""
      data-claim-id={claim.id}
      data-verdict={kind}
      role="dialog"
      aria-labelledby="cc-card-title"
      tabIndex={-1}
    >
      <h2 class="cc-visually-hidden" id="cc-card-title">
        {label}
      </h2>
      <div class="cc-card-head">
        <VerdictChip verdict={kind} />
        {hasScore(kind) ? <ScoreBar score={claim.score} verdict={kind} /> : null}
        <span class="cc-brand">Citecheck</span>
        <button type="button" class="cc-close" aria-label="Close" onClick={onClose} data-testid="card-close">
          ×
        </button>
      </div>
      <ClaimDetails claim={claim} sources={sources} onAskJudge={onAskJudge} onShowSource={onShowSource} />
    </div>
  );
}
