import type { ClaimKind } from '../utils/report/verdicts';
import { kindWord } from './verdicts';
import { VerdictIcon } from './VerdictIcon';

/** The verdict as an icon and a word; the same in the card and the popup. */
export function VerdictChip({ verdict }: { verdict: ClaimKind }) {
  return (
    <span class="cc-chip" data-verdict={verdict} data-testid="verdict-chip">
      <VerdictIcon verdict={verdict} />
      {kindWord(verdict)}
    </span>
  );
}
