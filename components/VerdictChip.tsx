import type { Verdict } from '../utils/report/schema';
import { VERDICT_WORD } from '../utils/report/summary';
import { VerdictIcon } from './VerdictIcon';

/** The verdict as an icon and a word; the same in the card and the popup. */
export function VerdictChip({ verdict }: { verdict: Verdict }) {
  return (
    <span class="cc-chip" data-verdict={verdict} data-testid="verdict-chip">
      <VerdictIcon verdict={verdict} />
      {VERDICT_WORD[verdict]}
    </span>
  );
}
