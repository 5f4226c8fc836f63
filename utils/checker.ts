/**
 * Per-tab verification state for the background worker.
 *
 * An MV3 service worker can be stopped at any moment, so every tab's citations and latest report
 * live in a store (session storage in the extension) as well as in memory. When the popup or the
 * content script asks about a tab whose report is still `running` but whose job this worker does
 * not hold (it was restarted), the job is resumed from the stored citations; sources already
 * fetched come back from the source cache, so a resume costs little.
 *
 * No browser API is touched here: the entry point hands in the store, the loader and `notify`.
 */
import * as z from 'zod/mini';
import { PageCitationsSchema, type PageCitations } from './extract/types';
import { ReportSchema, type Report } from './report/schema';
import type { SourceLoader } from './sources/types';
import { citationsKey } from './extract/key';
import { initialReport, verifyCitations } from './verify';

export const TabEntrySchema = z.object({
  key: z.string(),
  page: PageCitationsSchema,
  report: ReportSchema,
});
export type TabEntry = z.infer<typeof TabEntrySchema>;

export interface TabStore {
  get(tabId: number): Promise<unknown>;
  set(tabId: number, entry: TabEntry): Promise<void>;
  remove(tabId: number): Promise<void>;
}

export interface CheckerDeps {
  loader: SourceLoader;
  store: TabStore;
  /** Tells the tab's page and toolbar that its report changed. */
  notify: (tabId: number, report: Report) => void;
  isSelfCitation?: (sourceUrl: string, pageUrl: string) => boolean;
}

/** How often progress reaches storage, the page and the toolbar while sources load. */
export const PROGRESS_INTERVAL_MS = 50;

export function createTabChecker(deps: CheckerDeps) {
  /** This worker's jobs by tab, running or done; a newer job for a tab supersedes an older one. */
  const jobs = new Map<number, { key: string; generation: number; report: Report }>();
  let generation = 0;

  async function readEntry(tabId: number): Promise<TabEntry | null> {
    const raw = await deps.store.get(tabId);
    if (raw == null) return null;
    const parsed = TabEntrySchema.safeParse(raw);
    if (!parsed.success) {
      // A corrupt or outdated entry is dropped, never trusted.
      await deps.store.remove(tabId);
      return null;
    }
    return parsed.data;
  }

  function start(tabId: number, page: PageCitations, key: string, force: boolean): Report {
    const gen = ++generation;
    const job = { key, generation: gen, report: initialReport(page) };
    jobs.set(tabId, job);
    const isCurrent = () => jobs.get(tabId)?.generation === gen;
    let published = false;
    let flushTimer: ReturnType<typeof setTimeout> | null = null;
    const done = verifyCitations(page, {
      loader: deps.loader,
      force,
      isSelfCitation: deps.isSelfCitation,
      onUpdate: (report) => {
        if (!isCurrent()) return;
        job.report = report;
        // Sources answered from the cache settle within milliseconds of each other: progress is
        // written and sent at most once per PROGRESS_INTERVAL_MS, the first and the final report at once.
        if (report.state === 'done' || !published) publish();
        else flushTimer ??= setTimeout(publish, PROGRESS_INTERVAL_MS);
      },
    });
    function publish() {
      if (flushTimer) clearTimeout(flushTimer);
      flushTimer = null;
      if (!isCurrent()) return;
      published = true;
      void deps.store.set(tabId, { key, page, report: job.report });
      deps.notify(tabId, job.report);
    }
    // The job stays in memory once done: it is this worker's latest word on the tab.
    done.catch(() => undefined);
    // onUpdate ran synchronously with verifyCitations' own first report, which replaced ours.
    return job.report;
  }

  return {
    /** Starts (or joins) the check of a tab's citations; answers with the report so far. */
    async verify(tabId: number, page: PageCitations, force = false): Promise<Report> {
      const key = citationsKey(page);
      if (!force) {
        const running = jobs.get(tabId);
        if (running && running.key === key) return running.report;
        const stored = await readEntry(tabId);
        if (stored && stored.key === key && stored.report.state === 'done') {
          deps.notify(tabId, stored.report);
          return stored.report;
        }
      }
      return start(tabId, page, key, force);
    },

    /** The tab's latest report, resuming an interrupted check; null when the tab has none. */
    async getReport(tabId: number): Promise<Report | null> {
      const running = jobs.get(tabId);
      if (running) return running.report;
      const stored = await readEntry(tabId);
      if (!stored) return null;
      if (stored.report.state === 'running') return start(tabId, stored.page, stored.key, false);
      return stored.report;
    },

    /** Checks the tab's last citations again, bypassing the source cache. */
    async recheck(tabId: number): Promise<Report | null> {
      const stored = await readEntry(tabId);
      if (!stored) return null;
      return start(tabId, stored.page, stored.key, true);
    },

    /** Drops a tab's state (closed, or navigated elsewhere). */
    async forget(tabId: number): Promise<void> {
      jobs.delete(tabId);
      await deps.store.remove(tabId);
    },
  };
}
export type TabChecker = ReturnType<typeof createTabChecker>;
