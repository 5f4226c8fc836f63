/**
 * The reader view: a cited source as Citecheck read and cached it, scrolled to the claim's
 * passage with the passage (and, for a partly supported claim, each stated part) marked. The
 * source's text is rendered as text nodes only; it comes from the cache, so it works offline.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ResponseOf } from '../../utils/messages';
import type { Report } from '../../utils/report/schema';
import { safeHttpUrl } from '../../utils/report/links';
import { pageAt, splitRuns, type Highlight } from '../../utils/reader/passages';
import type { ReaderTarget } from '../../utils/reader/view';
import { formatDate } from '../../components/ClaimDetails';

type SourceView = NonNullable<ResponseOf<'read-source'>>;

export interface ReaderApi {
  getReport(tabId: number): Promise<Report | null>;
  readSource(url: string): Promise<SourceView | null>;
}

type State =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'ready'; view: SourceView; highlights: Highlight[]; claimText: string };

/** The claim's passages in this source: its best evidence first, then each stated part's. */
export function highlightsFor(report: Report, claimId: string, sourceId: string): Highlight[] {
  const claim = report.claims.find((c) => c.id === claimId);
  if (!claim) return [];
  const best = claim.evidence.find((e) => e.sourceId === sourceId);
  const parts = (claim.parts ?? []).flatMap((p) => (p.stated && p.evidence?.sourceId === sourceId ? [p.evidence] : []));
  return [
    ...(best ? [{ start: best.start, end: best.end, kind: 'evidence' as const }] : []),
    ...parts.map((e) => ({ start: e.start, end: e.end, kind: 'part' as const })),
  ];
}

export function App({ target, api }: { target: ReaderTarget | null; api: ReaderApi }) {
  const [state, setState] = useState<State>({ status: 'loading' });
  const first = useRef<HTMLElement>(null);
  useEffect(() => {
    if (!target) {
      setState({ status: 'error', message: 'This address names no claim and source to show.' });
      return;
    }
    void (async () => {
      try {
        const report = await api.getReport(target.tabId);
        const source = report?.sources.find((s) => s.id === target.sourceId);
        if (!report || !source) {
          setState({ status: 'error', message: 'The tab’s report is gone (the tab was closed or its page changed).' });
          return;
        }
        const view = await api.readSource(source.url);
        if (!view) {
          setState({ status: 'error', message: 'This source is not in Citecheck’s cache any more. Check the page again to read it.' });
          return;
        }
        const claim = report.claims.find((c) => c.id === target.claimId);
        setState({ status: 'ready', view, highlights: highlightsFor(report, target.claimId, target.sourceId), claimText: claim?.text ?? '' });
      } catch (error) {
        setState({ status: 'error', message: `Could not read the source: ${error instanceof Error ? error.message : String(error)}` });
      }
    })();
  }, []);
  useEffect(() => {
    if (state.status === 'ready') first.current?.scrollIntoView({ block: 'center' });
  }, [state.status]);

  if (state.status === 'loading') return <main class="cc-reader"><p>Reading the source from the cache…</p></main>;
  if (state.status === 'error') return <main class="cc-reader"><p role="alert" data-testid="reader-error">{state.message}</p></main>;

  const { view, highlights, claimText } = state;
  const href = safeHttpUrl(view.finalUrl ?? view.url);
  const archiveHref = view.archiveUrl ? safeHttpUrl(view.archiveUrl) : null;
  const best = highlights.find((h) => h.kind === 'evidence') ?? highlights[0];
  const page = best ? pageAt(view.pages, best.start) : undefined;
  const runs = splitRuns(view.text, highlights);
  let firstMarked = false;
  return (
    <main class="cc-reader">
      <header>
        <h1 data-testid="reader-title">{view.title || view.url}</h1>
        <p class="cc-reader-meta">
          {href ? (
            <a class="cc-link" href={href} target="_blank" rel="noopener noreferrer" data-testid="reader-url">
              {view.url}
            </a>
          ) : (
            view.url
          )}
        </p>
        <p class="cc-reader-meta" data-testid="reader-date">
          Read {formatDate(new Date(view.fetchedAt).toISOString())}
          {view.readFrom === 'archive' ? (
            <span data-testid="reader-archived">
              {' '}from{' '}
              {archiveHref ? (
                <a class="cc-link" href={archiveHref} target="_blank" rel="noopener noreferrer">
                  an archived copy{view.archivedAt ? ` of ${formatDate(view.archivedAt)}` : ''}
                </a>
              ) : (
                `an archived copy${view.archivedAt ? ` of ${formatDate(view.archivedAt)}` : ''}`
              )}
              : the original link is dead
            </span>
          ) : null}
          {page !== undefined ? <span data-testid="reader-page">{` · the passage is on page ${page}`}</span> : null}
        </p>
        {claimText ? (
          <p class="cc-reader-meta">
            The claim: <q data-testid="reader-claim">{claimText}</q>
          </p>
        ) : null}
        {highlights.length === 0 ? <p class="cc-note">No passage of this source was matched to the claim.</p> : null}
        {view.truncated ? <p class="cc-note">Only the first part of this source was read.</p> : null}
      </header>
      <article class="cc-reader-text" data-testid="reader-text">
        {runs.map((run, i) => {
          if (!run.mark) return run.text;
          const isFirst = !firstMarked;
          firstMarked = true;
          return (
            <mark key={i} data-kind={run.mark} data-testid={run.mark === 'evidence' ? 'reader-passage' : 'reader-part'} ref={isFirst ? first : undefined}>
              {run.text}
            </mark>
          );
        })}
      </article>
    </main>
  );
}
