/**
 * The tab's report in the popup: asked for once (which also resumes a check an idle worker
 * dropped), then followed through the background's writes to `storage.session`, so the popup
 * never polls. Every answer is dispatched to the popup's reducer.
 */
import { useCallback, useEffect } from 'preact/hooks';
import type { PopupApi } from './api';
import type { Action } from './state';

export const REQUESTED_MARK = 'citecheck:report-requested';

export function useReport(api: PopupApi, tabId: number | null | undefined, dispatch: (action: Action) => void): { reload: () => Promise<void> } {
  const load = useCallback(
    async (id: number) => {
      if (performance.getEntriesByName(REQUESTED_MARK).length === 0) performance.mark(REQUESTED_MARK);
      const result = await api.getReport(id);
      if (result.ok) dispatch({ type: 'report-loaded', report: result.value });
      else dispatch({ type: 'load-failed', error: result.error });
    },
    [api, dispatch],
  );

  useEffect(() => {
    if (typeof tabId !== 'number') return;
    let live = true;
    const stop = api.watchReport(tabId, (result) => {
      if (!live) return;
      if (result.ok) dispatch({ type: 'report-loaded', report: result.value });
      else dispatch({ type: 'load-failed', error: result.error });
    });
    void load(tabId);
    return () => {
      live = false;
      stop();
    };
  }, [api, tabId, load, dispatch]);

  const reload = useCallback(async () => {
    if (typeof tabId === 'number') await load(tabId);
  }, [tabId, load]);
  return { reload };
}
