/**
 * The popup: the report of the active tab as a summary, progress, a filterable list and exports.
 * All state lives in `state.ts`; this file wires it to the extension through `PopupApi`.
 */
import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'preact/hooks';
import { Controls } from '../../components/popup/Controls';
import { CheckModeControl } from '../../components/popup/CheckModeControl';
import { CheckPanel } from '../../components/popup/CheckPanel';
import { ClaimRow } from '../../components/popup/ClaimRow';
import { EmptyState } from '../../components/popup/EmptyState';
import { Summary } from '../../components/popup/Summary';
import { reportToJson } from '../../utils/report/export';
import { reportToMarkdown } from '../../components/report-markdown';
import type { Source } from '../../utils/report/schema';
import type { PopupApi, SiteState } from './api';
import { downloadText, exportBaseName } from './download';
import { FIRST_ROWS, filterOptions, initialState, reducer, visibleRows } from './state';
import { useCheckMode } from './useCheckMode';
import { useReport } from './useReport';
export { REQUESTED_MARK } from './useReport';

export { FIRST_ROWS };
/** Performance marks read by the UI benchmark: the first report asked for, the first report on screen. */
export const RENDERED_MARK = 'citecheck:report-rendered';
export const ALL_ROWS_MARK = 'citecheck:all-rows-rendered';

export function App({ api }: { api: PopupApi }) {
  const [state, dispatch] = useReducer(reducer, initialState);
  const [tabId, setTabId] = useState<number | null | undefined>(undefined);
  const [rowLimit, setRowLimit] = useState(FIRST_ROWS);
  const [site, setSite] = useState<SiteState | null>(null);
  /** Set once the reader switched the site in this popup: the page needs a reload to follow. */
  const [siteSwitched, setSiteSwitched] = useState(false);
  const marked = useRef(false);
  const siteOnButton = useRef<HTMLButtonElement>(null);
  const siteOffButton = useRef<HTMLButtonElement>(null);

  const { reload } = useReport(api, tabId, dispatch);
  const checkMode = useCheckMode(api);

  useEffect(() => {
    let live = true;
    api
      .tab()
      .then((tab) => {
        if (!live) return;
        setTabId(tab?.id ?? null);
        if (tab) api.site(tab.url).then((state) => live && setSite(state), () => undefined);
        else dispatch({ type: 'report-loaded', report: null });
      })
      .catch((error: unknown) => live && dispatch({ type: 'load-failed', error: String(error) }));
    return () => {
      live = false;
    };
  }, [api]);

  useEffect(() => {
    if (marked.current || state.status !== 'ready') return;
    marked.current = true;
    requestAnimationFrame(() => performance.mark(RENDERED_MARK));
  }, [state.status]);

  const sources = useMemo(
    () => new Map<string, Source>((state.report?.sources ?? []).map((s) => [s.id, s])),
    [state.report],
  );
  const rows = useMemo(() => visibleRows(state), [state.report, state.filter, state.sort]);
  const rowsCut = rows.length > rowLimit;

  useEffect(() => {
    if (state.status !== 'ready') return;
    let timer = 0;
    const frame = requestAnimationFrame(() => {
      timer = window.setTimeout(() => {
        if (rowsCut) setRowLimit(Infinity);
        else if (performance.getEntriesByName(ALL_ROWS_MARK).length === 0) performance.mark(ALL_ROWS_MARK);
      }, 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [rowsCut, state.status]);

  const onActivate = useCallback(
    (claimId: string) => {
      dispatch({ type: 'toggle-claim', claimId });
      if (typeof tabId === 'number') void api.scrollToClaim(tabId, claimId).catch(() => undefined);
    },
    [api, tabId],
  );

  const recheck = () => {
    // Already checking: the button stays focusable (aria-disabled), so a second press lands here.
    if (typeof tabId !== 'number' || state.recheckFrom !== null) return;
    dispatch({ type: 'recheck-started' });
    api.recheck(tabId).then(
      () => reload(),
      (error: unknown) => dispatch({ type: 'load-failed', error: String(error) }),
    );
  };

  const exportAs = (kind: 'md' | 'json') => {
    const report = state.report;
    if (!report) return;
    const name = exportBaseName(report.url, report.checkedAt);
    if (kind === 'md') downloadText(document, `${name}.md`, reportToMarkdown(report), 'text/markdown');
    else downloadText(document, `${name}.json`, reportToJson(report), 'application/json');
  };

  const switchSite = (enabled: boolean) => {
    if (!site) return;
    api.setSiteEnabled(site.host, enabled).then(
      () => {
        setSite({ ...site, enabled, globallyOff: false });
        setSiteSwitched(true);
      },
      (error: unknown) => dispatch({ type: 'load-failed', error: String(error) }),
    );
  };

  const rechecking = state.recheckFrom !== null;
  const siteOff = site !== null && !site.enabled;
  const report = state.report;

  // The site switch pressed is replaced by its opposite; keep keyboard focus on the switch
  // rather than letting it fall to the page's start.
  useEffect(() => {
    if (!siteSwitched || (document.activeElement && document.activeElement !== document.body)) return;
    (siteOff ? siteOnButton : siteOffButton).current?.focus();
  }, [site, siteSwitched]);

  return (
    <div class="app cc-theme" data-state={state.status} data-report-state={report?.state ?? 'none'}>
      <header class="head">
        <h1 class="brand">
          <img src="/icon/32.png" alt="" width={18} height={18} />
          Citecheck
        </h1>
        {typeof tabId === 'number' && state.status !== 'loading' && !siteOff ? (
          <button
            type="button"
            class="cc-button"
            data-testid="recheck"
            onClick={recheck}
            // Not `disabled`: a disabled button drops keyboard focus to the page's start.
            aria-disabled={rechecking ? 'true' : undefined}
          >
            {rechecking ? 'Checking…' : 'Re-check'}
          </button>
        ) : null}
      </header>

      {state.status === 'loading' ? (
        <p class="status" data-testid="loading" role="status">
          Reading the report…
        </p>
      ) : null}

      {state.status === 'error' ? (
        <div class="status error" data-testid="error" role="alert">
          <p>Citecheck could not get this page’s report.</p>
          <p class="detail">{state.error}</p>
          <p class="detail">Reload the page and open Citecheck again. Pages such as the browser’s own settings cannot be checked.</p>
        </div>
      ) : null}

      {siteOff ? (
        <section class="site-off" data-testid="site-off">
          <p>
            {site.globallyOff ? 'Citecheck is switched off.' : `Citecheck is off on ${site.host}.`}
            {siteSwitched ? ' Reload the page to remove its badges.' : ''}
          </p>
          <button type="button" class="cc-button" data-testid="site-on" ref={siteOnButton} onClick={() => switchSite(true)}>
            Turn on for {site.host}
          </button>
        </section>
      ) : null}
      {site && !siteOff && siteSwitched ? (
        <p class="note" data-testid="site-changed" role="status">
          Citecheck is on for {site.host}. Reload the page to check it.
        </p>
      ) : null}

      {state.status === 'empty' && !siteOff ? (
        <EmptyState>{rechecking ? <p class="detail">Checking the page again…</p> : null}</EmptyState>
      ) : null}

      {state.status === 'ready' && report && state.summary ? (
        <main class="main">
          <Summary summary={state.summary} running={report.state === 'running'} rechecking={rechecking} />
          {typeof tabId === 'number' ? (
            <CheckPanel summary={state.summary} running={report.state === 'running'} onCheckPage={() => api.checkPage(tabId)} />
          ) : null}
          {state.error ? (
            <p class="note" role="alert" data-testid="refresh-error">
              Could not refresh the report: {state.error}
            </p>
          ) : null}
          {report.limits?.markersCapped || report.limits?.sourcesCapped ? (
            <p class="note" data-testid="limits">
              This page has more citations than Citecheck checks at once; only the first ones are listed.
            </p>
          ) : null}
          {report.claims.length === 0 ? (
            <EmptyState />
          ) : (
            <>
              <Controls
                shown={rows.length}
                options={filterOptions(state.summary)}
                filter={state.filter}
                sort={state.sort}
                onFilter={(filter) => dispatch({ type: 'set-filter', filter })}
                onSort={(sort) => dispatch({ type: 'set-sort', sort })}
              />
              {rows.length === 0 ? (
                <p class="note" data-testid="no-rows">
                  No claim has this verdict.{' '}
                  <button type="button" class="linklike" onClick={() => dispatch({ type: 'set-filter', filter: 'all' })}>
                    Show all
                  </button>
                </p>
              ) : (
                <ol class="rows" data-testid="claims" aria-label="Claims" aria-busy={rowsCut ? 'true' : 'false'}>
                  {(rowsCut ? rows.slice(0, rowLimit) : rows).map((row) => (
                    <ClaimRow
                      key={row.claim.id}
                      claim={row.claim}
                      position={row.position}
                      sources={sources}
                      expanded={state.expanded.has(row.claim.id)}
                      onActivate={onActivate}
                      onShowSource={
                        typeof tabId === 'number' && api.showSource
                          ? (claimId, sourceId) => void api.showSource!(tabId, claimId, sourceId).catch(() => undefined)
                          : undefined
                      }
                    />
                  ))}
                </ol>
              )}
            </>
          )}
        </main>
      ) : null}

      {checkMode.state && !siteOff ? (
        <CheckModeControl
          mode={checkMode.state.mode}
          host={checkMode.state.host}
          allowed={checkMode.state.allowed}
          onMode={checkMode.setMode}
          onAllow={checkMode.allow}
        />
      ) : null}
      {checkMode.error ? (
        <p class="note" role="alert" data-testid="mode-error">
          {checkMode.error}
        </p>
      ) : null}

      <footer class="foot">
        {state.status === 'ready' && report && report.claims.length > 0 ? (
          <span class="exports">
            <span class="foot-label">Export</span>
            <button type="button" class="cc-button" data-testid="export-markdown" onClick={() => exportAs('md')}>
              Markdown
            </button>
            <button type="button" class="cc-button" data-testid="export-json" onClick={() => exportAs('json')}>
              JSON
            </button>
          </span>
        ) : (
          <span />
        )}
        <span class="foot-links">
          {site && !siteOff ? (
            <button
              type="button"
              class="linklike"
              data-testid="site-off-button"
              ref={siteOffButton}
              title={`Turn Citecheck off on ${site.host}`}
              aria-label={`Turn off here (${site.host})`}
              onClick={() => switchSite(false)}
            >
              Turn off here
            </button>
          ) : null}
          <button type="button" class="linklike" data-testid="open-options" onClick={() => void api.openOptions()}>
            Options
          </button>
        </span>
      </footer>
    </div>
  );
}
