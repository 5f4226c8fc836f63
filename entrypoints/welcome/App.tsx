/**
 * The first-run page, opened once when Citecheck is installed: what it fetches and when, in plain
 * words, and the reader's choice of when it may fetch. The choice is saved as soon as it is made.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { CheckModeChoice, CHECK_MODE_WORDS } from '../../components/CheckModeChoice';
import type { CheckMode } from '../../utils/settings';
import type { WelcomeApi } from './api';

type Status = { kind: 'info' | 'error'; text: string } | null;

export function WelcomeApp({ api }: { api: WelcomeApi }) {
  const [mode, setMode] = useState<CheckMode | null>(null);
  const [status, setStatus] = useState<Status>(null);

  useEffect(() => {
    api.mode().then(setMode, () => setMode('auto'));
  }, [api]);

  // Arrow keys choose as they move, so saves overlap: only the latest choice's outcome is shown.
  const latestChoice = useRef(0);
  const choose = (next: CheckMode) => {
    setMode(next);
    const choice = ++latestChoice.current;
    const show = (value: Status) => {
      if (choice === latestChoice.current) setStatus(value);
    };
    api.setMode(next).then(
      () => show({ kind: 'info', text: `Saved: “${CHECK_MODE_WORDS[next].label}”.` }),
      (error: unknown) => show({ kind: 'error', text: `Could not save: ${String(error)}` }),
    );
  };

  return (
    <div class="welcome cc-theme" data-testid="welcome" data-state={mode ? 'ready' : 'loading'}>
      <main class="welcome-inner">
        <h1>
          <img src="/icon/48.png" alt="" width={32} height={32} />
          Welcome to Citecheck
        </h1>
        <p class="lead">
          Citecheck puts a small badge after each citation in an article, such as [1] or [Source 2], and tells you
          whether the page it cites says what the article claims.
        </p>

        <section aria-labelledby="fetches">
          <h2 id="fetches">What Citecheck fetches</h2>
          <ul class="facts">
            <li>
              <strong>Only the pages an article cites.</strong> To check a claim, Citecheck opens the cited link in the
              background, as your own click on it would, and compares the claim with what that page says.
            </li>
            <li>
              <strong>Without your logins.</strong> Cited pages are fetched without your cookies, unless you turn that on
              in the options.
            </li>
            <li>
              <strong>Nothing leaves your browser.</strong> The article’s text, the verdicts and the cited pages stay on
              this computer. Citecheck sends nothing to us or to anyone else.
            </li>
            <li>
              <strong>The cited sites see a visit.</strong> Like any visit, it tells a cited site that someone is reading
              a page that links to it. If that matters to you, choose when Citecheck may fetch below.
            </li>
          </ul>
        </section>

        <section aria-labelledby="when">
          <h2 id="when">When Citecheck fetches</h2>
          {mode ? (
            <CheckModeChoice legend="Check the sources an article cites" value={mode} onChange={choose} />
          ) : (
            <p role="status">Loading…</p>
          )}
          <p class="muted">You can change this at any time in the toolbar popup or in the options.</p>
        </section>

        <p class="status-line" data-testid="status" data-kind={status?.kind ?? 'info'} role="status">
          {status?.text ?? ''}
        </p>
        <p class="actions">
          <button type="button" class="cc-button" data-testid="open-options" onClick={() => void api.openOptions()}>
            More options
          </button>
          <button type="button" class="cc-button primary" data-testid="done" onClick={() => window.close()}>
            Done
          </button>
        </p>
      </main>
    </div>
  );
}
