/**
 * The reader view: a cited source as Citecheck read and cached it, scrolled to the claim's
 * passage with the passage (and, for a partly supported claim, each stated part) marked. An HTML
 * source is shown as its readable HTML, sanitised again here with DOMPurify; a PDF or a text
 * source, or a page whose passage cannot be found in its HTML, as text nodes only. Everything
 * comes from the cache, so it works offline.
 */
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { ResponseOf } from '../../utils/messages';
import type { Report } from '../../utils/report/schema';
import { safeHttpUrl } from '../../utils/report/links';
import { markPassages } from '../../utils/reader/html-highlight';
import { pageAt, splitRuns, type Highlight } from '../../utils/reader/passages';
import { sanitizedFragment } from '../../utils/reader/sanitize';
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
  | { status: 'ready'; view: SourceView; highlights: Highlight[]; claimText: string; body: Body };

/** How the source is shown: its sanitised HTML with the passages marked, or its text. */
type Body = { kind: 'html'; fragment: DocumentFragment } | { kind: 'text'; htmlWithoutPassage: boolean };

/** The HTML view when the source has HTML and every passage is found in it; else the text view. */
export function bodyFor(view: Pick<SourceView, 'html' | 'text'>, highlights: readonly Highlight[]): Body {
  if (view.html === undefined) return { kind: 'text', htmlWithoutPassage: false };
  const fragment = sanitizedFragment(view.html);
  if (highlights.length > 0 && !markPassages(fragment, view.text, highlights)) return { kind: 'text', htmlWithoutPassage: true };
  return { kind: 'html', fragment };
}

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
  const article = useRef<HTMLElement>(null);
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
        const highlights = highlightsFor(report, target.claimId, target.sourceId);
        setState({ status: 'ready', view, highlights, claimText: claim?.text ?? '', body: bodyFor(view, highlights) });
      } catch (error) {
        setState({ status: 'error', message: `Could not read the source: ${error instanceof Error ? error.message : String(error)}` });
      }
    })();
  }, []);
  useLayoutEffect(() => {
    if (state.status !== 'ready' || !article.current) return;
    if (state.body.kind === 'html') article.current.replaceChildren(state.body.fragment);
    const passage = article.current.querySelector('mark[data-kind="evidence"]') ?? article.current.querySelector('mark');
    passage?.scrollIntoView({ block: 'center' });
  }, [state.status]);

  if (state.status === 'loading') return <main class="cc-reader"><p>Reading the source from the cache…</p></main>;
  if (state.status === 'error') return <main class="cc-reader"><p role="alert" data-testid="reader-error">{state.message}</p></main>;

  const { view, highlights, claimText, body } = state;
  const href = safeHttpUrl(view.finalUrl ?? view.url);
  const archiveHref = view.archiveUrl ? safeHttpUrl(view.archiveUrl) : null;
  const best = highlights.find((h) => h.kind === 'evidence') ?? highlights[0];
  const page = best ? pageAt(view.pages, best.start) : undefined;
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
        {body.kind === 'text' && body.htmlWithoutPassage ? (
          <p class="cc-note" data-testid="reader-fallback">
            Shown as plain text: the passage could not be found in the page’s formatting.
          </p>
        ) : null}
      </header>
      {body.kind === 'html' ? (
        // Filled with the sanitised fragment after rendering: Preact never manages its children.
        <article class="cc-reader-html" data-testid="reader-html" ref={article} />
      ) : (
        <article class="cc-reader-text" data-testid="reader-text" ref={article}>
          {splitRuns(view.text, highlights).map((run, i) =>
            run.mark ? (
              <mark key={i} data-kind={run.mark} data-testid={run.mark === 'evidence' ? 'reader-passage' : 'reader-part'}>
                {run.text}
              </mark>
            ) : (
              run.text
            ),
          )}
        </article>
      )}
    </main>
  );
}
