import type { ReportSummary } from '../../utils/report/summary';
import { summaryLine } from '../summary-words';
import { progressText } from './CheckPanel';

export interface SummaryProps {
  summary: ReportSummary;
  running: boolean;
  rechecking: boolean;
}

/** The summary line and, while sources load, a progress bar. */
export function Summary({ summary, running, rechecking }: SummaryProps) {
  const { done, total } = summary.progress;
  const showProgress = running || rechecking;
  return (
    <div class="summary-block">
      <p class="summary" data-testid="summary" aria-live="polite">
        {summaryLine(summary)}
      </p>
      {showProgress ? (
        <div class="progress" data-testid="progress">
          <progress
            max={Math.max(total, 1)}
            value={rechecking && !running ? 0 : done}
            aria-label="Sources read"
          />
          <span class="progress-text">{rechecking && !running ? 'Checking again…' : progressText(done, total)}</span>
        </div>
      ) : null}
    </div>
  );
}
