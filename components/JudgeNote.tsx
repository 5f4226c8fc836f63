/**
 * Who gave a claim its verdict: the on-device model (by name, with its reason) or the word
 * matcher; and, when the reader turned a judge on, a button to ask the model again.
 * The model's words are shown as text, like everything that comes from a page or a source.
 */
import { useState } from 'preact/hooks';
import type { Claim } from '../utils/report/schema';
import { judgedByModel } from '../utils/judge/claims';

export function JudgeNote({ claim, onAskJudge }: { claim: Claim; onAskJudge?: (claimId: string) => void }) {
  const [asked, setAsked] = useState(false);
  const byModel = judgedByModel(claim);
  return (
    <div class="cc-judge" data-testid="judged-by" data-judged-by={byModel ? 'model' : 'words'}>
      <p class="cc-note">{byModel ? `Judged by the on-device model (${claim.judgedBy})` : 'Judged by word match'}</p>
      {byModel && claim.judgeReason ? (
        <p class="cc-judge-reason" data-testid="judge-reason">
          <span class="cc-label">The model’s reason: </span>
          {claim.judgeReason}
        </p>
      ) : null}
      {onAskJudge ? (
        <button
          type="button"
          class="cc-button cc-ask-judge"
          data-testid="ask-judge"
          disabled={asked}
          onClick={() => {
            setAsked(true);
            onAskJudge(claim.id);
          }}
        >
          {asked ? 'Asked the on-device model…' : 'Ask the on-device model again'}
        </button>
      ) : null}
    </div>
  );
}
