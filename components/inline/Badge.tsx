import type { ClaimKind } from '../../utils/report/verdicts';
import { kindWord } from '../verdicts';
import { VerdictIcon } from '../VerdictIcon';

export interface BadgeProps {
  claimId: string;
  verdict: ClaimKind;
  label: string;
  expanded: boolean;
  theme: 'light' | 'dark';
}

/** The in-page badge: a real button with an icon, one word, and a full accessible name. */
export function Badge({ claimId, verdict, label, expanded, theme }: BadgeProps) {
  return (
    <button
      type="button"
      class="cc-badge"
      data-verdict={verdict}
      data-theme={theme}
      data-claim-id={claimId}
      aria-label={label}
      aria-haspopup="dialog"
      aria-expanded={expanded ? 'true' : 'false'}
    >
      <VerdictIcon verdict={verdict} />
      <span class="cc-word" aria-hidden="true">
        {kindWord(verdict)}
      </span>
    </button>
  );
}
