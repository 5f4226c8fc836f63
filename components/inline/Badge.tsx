import type { Verdict } from '../../utils/report/schema';
import { VERDICT_WORD } from '../../utils/report/summary';
import { VerdictIcon } from '../VerdictIcon';

export interface BadgeProps {
  claimId: string;
  verdict: Verdict;
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
        {VERDICT_WORD[verdict]}
      </span>
    </button>
  );
}
