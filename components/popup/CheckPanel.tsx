/**
 * The popup's way to check what is left of the page: "Check this page" while claims wait for the
 * reader (they say "Not checked"), "Check the rest now" while sources load (the ones on screen
 * first, the rest later). The progress line itself is the summary's.
 */
import { useEffect, useState } from 'preact/hooks';
import type { ReportSummary } from '../../utils/report/summary';

export interface CheckPanelProps {
  summary: ReportSummary;
  running: boolean;
  /** Asks the background to check every claim not yet checked; rejects with why not. */
  onCheckPage: () => Promise<void>;
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** "23 of 400 sources read; the ones on screen first". */
export function progressText(done: number, total: number): string {
  return `${done} of ${plural(total, 'source', 'sources')} read; the ones on screen first`;
}

export function CheckPanel({ summary, running, onCheckPage }: CheckPanelProps) {
  /** Asked in this popup; cleared when the report shows the page no longer waits. */
  const [asked, setAsked] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const unchecked = summary.counts.unchecked;
  const { done, total } = summary.progress;
  const rest = running && done < total;

  useEffect(() => {
    if (!unchecked && !rest) setAsked(false);
  }, [unchecked, rest]);

  const check = () => {
    // Not `disabled` while asked: a disabled button drops keyboard focus to the page's start.
    if (asked) return;
    setAsked(true);
    setError(null);
    onCheckPage().catch((e: unknown) => {
      setAsked(false);
      setError(e instanceof Error ? e.message : String(e));
    });
  };

  if (!unchecked && !rest) return null;
  return (
    <div class="check-panel" data-testid="check-panel">
      {running ? null : (
        <p class="check-note" data-testid="not-checked">
          {plural(unchecked, 'claim is', 'claims are')} not checked yet: nothing is fetched from their sources until you ask.
        </p>
      )}
      <button
        type="button"
        class="cc-button"
        data-testid={running ? 'check-rest' : 'check-page'}
        aria-disabled={asked ? 'true' : undefined}
        onClick={check}
      >
        {asked ? 'Checking…' : running ? 'Check the rest now' : 'Check this page'}
      </button>
      {error ? (
        <p class="note" role="alert" data-testid="check-error">
          Could not start the check: {error}
        </p>
      ) : null}
    </div>
  );
}
