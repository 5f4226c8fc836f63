/**
 * Per-tab verification state for the background worker.
 *
 * An MV3 service worker can be stopped at any moment, so every tab's citations and latest report
 * live in a store (session storage in the extension) as well as in memory. When the popup or the
 * content script asks about a tab whose report is still `running` but whose job this worker does
 * not hold (it was restarted), the job is resumed from the stored citations; sources already
 * fetched come back from the source cache, so a resume costs little.
 *
 * What is fetched, and when, follows the page's check mode (`automatic`) and the reader: the
 * content script's viewport reports, a click on one badge (`checkClaim`), "Check this page"
 * (`checkPage`). The claims asked for are stored with the report, so a resumed check keeps them.
 *
 * No browser API is touched here: the entry point hands in the store, the loader and `notify`.
 */
import * as z from 'zod/mini';
import { PageCitationsSchema, type PageCitations } from './extract/types';
import { ReportSchema, type Claim, type Report, type Source } from './report/schema';
import type { SourceLoader } from './sources/types';
import { citationsKey } from './extract/key';
import { initialReport, startVerification, type Verification } from './verify';

export const TabEntrySchema = z.object({
  key: z.string(),
  page: PageCitationsSchema,
  report: ReportSchema,
  /** The reader asked for every claim ("Check this page"). */
  everything: z.optional(z.boolean()),
});
export type TabEntry = z.infer<typeof TabEntrySchema>;

export interface TabStore {
  get(tabId: number): Promise<unknown>;
  set(tabId: number, entry: TabEntry): Promise<void>;
  remove(tabId: number): Promise<void>;
}

export interface Viewport {
  inView: readonly string[];
  nearView: readonly string[];
}

export interface NotifyOptions {
  /** The page has this report already (it was the answer to its request): only the toolbar needs it. */
  pageHasIt?: boolean;
}

export interface CheckerDeps {
  loader: SourceLoader;
  store: TabStore;
  /** Tells the tab's page and toolbar that its report changed. */
  notify: (tabId: number, report: Report, options?: NotifyOptions) => void;
  isSelfCitation?: (sourceUrl: string, pageUrl: string) => boolean;
  /** Whether a page at this URL is checked as soon as it loads (the check mode); true when absent. */
  automatic?: (pageUrl: string) => Promise<boolean> | boolean;
  /** Sources fetched ahead of what the reader has seen (the scheduler's budget otherwise). */
  lookAhead?: number;
  /** The on-device judge (utils/judge/service.ts); its signal aborts when the tab's job ends. */
  judgeClaim?: (claim: Claim, sources: readonly Source[], signal: AbortSignal) => Promise<Claim | null>;
}

/** How often, at most, progress reaches the page and the toolbar while sources load. */
export const PROGRESS_INTERVAL_MS = 50;
/**
 * How often progress reaches the stored entry (and the popup, which follows it) while sources
 * load. Each write serialises the whole page and report, and every extension context listening
 * to storage changes reads it back: on a 400-claim page, writing at the page's pace took a good
 * part of the worker's time. The first report is stored in the task after the page's answer (the
 * first loads go first), the final report and the reader's requests at once; a worker stopped
 * between two writes resumes from the sources cache.
 */
export const STORE_INTERVAL_MS = 500;

interface Job {
  /** Stores and sends the report now, whatever the intervals. */
  publish: () => void;
  key: string;
  generation: number;
  page: PageCitations;
  report: Report;
  verification: Verification;
  everything: boolean;
  /** Aborted when the job ends: its questions to the judge are withdrawn. */
  judging: AbortController;
  /** Claims the reader had the judge asked about again, kept over the pipeline's later copies. */
  rejudged: Map<string, Claim>;
}

export function createTabChecker(deps: CheckerDeps) {
  /** This worker's jobs by tab, running or done; a newer job for a tab supersedes an older one. */
  const jobs = new Map<number, Job>();
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

  const isAutomatic = async (pageUrl: string) => {
    try {
      return deps.automatic ? await deps.automatic(pageUrl) : true;
    } catch {
      // Unreadable settings: fetch nothing unasked, the side that leaks nothing.
      return false;
    }
  };

  interface StartOptions {
    force: boolean;
    /** The page asked (verify) and gets the first report as its answer. */
    answered?: boolean;
    viewport?: Viewport;
    requested?: readonly string[];
    everything?: boolean;
  }

  async function start(tabId: number, page: PageCitations, key: string, options: StartOptions): Promise<Report> {
    const gen = ++generation;
    const automatic = await isAutomatic(page.url);
    // A newer check of this tab began while the mode was read: it owns the tab.
    if (gen !== generation) return jobs.get(tabId)?.report ?? initialReport(page, new Date(), automatic);
    const isCurrent = () => jobs.get(tabId)?.generation === gen;
    let published = false;
    /** The page's answer is not out yet: what the page would be sent goes in the answer instead. */
    let answering = false;
    /** The report last written to the store. */
    let stored: Report | null = null;
    /** When the page was last sent a report (its answer included). */
    let sentAt = -Infinity;
    let flushTimer: ReturnType<typeof setTimeout> | null = null;
    let storeTimer: ReturnType<typeof setTimeout> | null = null;
    let job: Job | null = null;
    let first: Report | null = null;
    const judging = new AbortController();
    const rejudged = new Map<string, Claim>();
    const judgeClaim = deps.judgeClaim;
    function persist() {
      if (storeTimer) clearTimeout(storeTimer);
      storeTimer = null;
      if (!job || !isCurrent()) return;
      stored = job.report;
      void deps.store.set(tabId, { key, page, report: job.report, ...(job.everything ? { everything: true } : {}) });
    }
    /** Sends the report to the page and the toolbar; stores it now or within STORE_INTERVAL_MS. */
    function publish(storeNow = true) {
      if (flushTimer) clearTimeout(flushTimer);
      flushTimer = null;
      if (!job || !isCurrent()) return;
      published = true;
      // The page first: serialising a long page's entry for storage takes a while.
      deps.notify(tabId, job.report, answering ? { pageHasIt: true } : {});
      if (!answering) sentAt = Date.now();
      if (storeNow || job.report.state === 'done') persist();
      else storeTimer ??= setTimeout(persist, STORE_INTERVAL_MS);
    }
    const verification = startVerification(page, {
      loader: deps.loader,
      force: options.force,
      isSelfCitation: deps.isSelfCitation,
      automatic,
      requested: options.requested,
      everything: options.everything,
      viewport: options.viewport,
      lookAhead: deps.lookAhead,
      judge: judgeClaim && ((claim, sources) => judgeClaim(claim, sources, judging.signal)),
      onUpdate: (report) => {
        if (!job) {
          // The first report arrives synchronously, before the job exists.
          first = report;
          return;
        }
        if (!isCurrent()) return;
        job.report = rejudged.size ? { ...report, claims: report.claims.map((c) => rejudged.get(c.id) ?? c) } : report;
        // Sources answered from the cache settle within milliseconds of each other: progress is
        // written and sent at most once per PROGRESS_INTERVAL_MS, the first and the final report at
        // once. Progress after a quiet spell goes at once too; within the interval, at its end.
        if (report.state === 'done' || !published) publish();
        else if (!flushTimer) {
          const wait = sentAt + PROGRESS_INTERVAL_MS - Date.now();
          if (wait <= 0 && !answering) publish(false);
          else flushTimer = setTimeout(() => publish(false), Math.max(wait, 0));
        }
      },
    });
    jobs.get(tabId)?.verification.stop();
    jobs.get(tabId)?.judging.abort();
    job = { publish: () => publish(), key, generation: gen, page, report: first!, verification, everything: options.everything ?? false, judging, rejudged };
    jobs.set(tabId, job);
    if (!published && options.answered) {
      // The page gets the report as its answer, in the next task: a check answered from the cache
      // is done by then, and the page has its final report in one message (one parse, one pass
      // over the badges). Until then the page is sent nothing; the first loads' cache reads go
      // before the store's write of a long page's entry.
      published = true;
      answering = true;
      await new Promise((resolve) => setTimeout(resolve, 0));
      answering = false;
      const current = jobs.get(tabId);
      if (current !== job) return current?.report ?? job.report;
      // The answer carries every update so far: a progress flush of the same report would repeat it.
      if (flushTimer) clearTimeout(flushTimer);
      flushTimer = null;
      deps.notify(tabId, job.report, { pageHasIt: true });
      sentAt = Date.now();
      if (stored !== job.report) persist();
      return job.report;
    }
    if (!published) publish();
    return job.report;
  }

  /** The tab's job in this worker, resumed from storage after a restart; null when it has none. */
  async function jobOf(tabId: number): Promise<Job | null> {
    const running = jobs.get(tabId);
    if (running) return running;
    const stored = await readEntry(tabId);
    if (!stored) return null;
    await start(tabId, stored.page, stored.key, { force: false, requested: requestedIn(stored.report), everything: stored.everything });
    return jobs.get(tabId) ?? null;
  }

  return {
    /** Starts (or joins) the check of a tab's citations; answers with the report so far. */
    async verify(tabId: number, page: PageCitations, force = false, viewport?: Viewport): Promise<Report> {
      const key = citationsKey(page);
      if (!force) {
        const running = jobs.get(tabId);
        if (running && running.key === key) {
          if (viewport) running.verification.viewport(viewport.inView, viewport.nearView);
          return running.report;
        }
        const stored = await readEntry(tabId);
        if (stored && stored.key === key && stored.report.state === 'done' && !stored.report.claims.some((c) => c.verdict === 'unchecked')) {
          deps.notify(tabId, stored.report);
          return stored.report;
        }
        if (stored && stored.key === key) {
          // The same page again (a reload, a restarted worker): claims asked for stay asked for.
          return start(tabId, page, key, { force, viewport, answered: true, requested: requestedIn(stored.report), everything: stored.everything });
        }
      }
      return start(tabId, page, key, { force, viewport, answered: true });
    },

    /** The claims in and near the reader's view now: their sources go first. */
    async viewport(tabId: number, view: Viewport): Promise<void> {
      (await jobOf(tabId))?.verification.viewport(view.inView, view.nearView);
    },

    /** Checks one claim now, whatever the check mode; null when the tab has no check. */
    async checkClaim(tabId: number, claimId: string): Promise<Report | null> {
      const job = await jobOf(tabId);
      if (!job) return null;
      if (!job.report.claims.some((c) => c.id === claimId)) throw new Error(`no claim ${claimId} on this page`);
      job.verification.requestClaim(claimId);
      // The request is stored at once: a worker stopped right after the click still knows it.
      job.publish();
      return job.report;
    },

    /** Checks every claim of the tab's page not checked yet; null when the tab has no check. */
    async checkPage(tabId: number): Promise<Report | null> {
      const job = await jobOf(tabId);
      if (!job) return null;
      job.everything = true;
      job.verification.requestAll();
      job.publish();
      return job.report;
    },

    /** The check mode changed: pages that became automatic start checking (nothing stops a running fetch). */
    async refreshModes(): Promise<void> {
      for (const job of jobs.values()) {
        if (!(await isAutomatic(job.page.url))) continue;
        job.verification.setAutomatic(true);
        job.publish();
      }
    },

    /** The tab's latest report, resuming an interrupted check; null when the tab has none. */
    async getReport(tabId: number): Promise<Report | null> {
      const running = jobs.get(tabId);
      if (running) return running.report;
      const stored = await readEntry(tabId);
      if (!stored) return null;
      if (stored.report.state === 'running') return (await jobOf(tabId))?.report ?? null;
      return stored.report;
    },

    /** Checks the tab's last citations again, bypassing the source cache; the same claims as before. */
    async recheck(tabId: number): Promise<Report | null> {
      const stored = await readEntry(tabId);
      if (!stored) return null;
      const job = jobs.get(tabId);
      return start(tabId, stored.page, stored.key, {
        force: true,
        requested: requestedIn(stored.report),
        everything: job?.everything ?? stored.everything,
      });
    },

    /** Asks the on-device judge about one claim again ("Ask the on-device model again"). */
    async rejudge(tabId: number, claimId: string): Promise<Report | null> {
      const job = jobs.get(tabId);
      const claim = job?.report.claims.find((c) => c.id === claimId);
      if (!job || !claim || !deps.judgeClaim) return job?.report ?? null;
      const judged = await deps.judgeClaim(structuredClone(claim), job.report.sources, job.judging.signal);
      if (!judged || jobs.get(tabId) !== job) return job.report;
      job.rejudged.set(claimId, judged);
      job.report = { ...job.report, claims: job.report.claims.map((c) => (c.id === claimId ? judged : c)) };
      job.publish();
      return job.report;
    },

    /** Drops a tab's state (closed, or navigated elsewhere); its questions to the judge are withdrawn. */
    async forget(tabId: number): Promise<void> {
      jobs.get(tabId)?.judging.abort();
      jobs.get(tabId)?.verification.stop();
      jobs.delete(tabId);
      await deps.store.remove(tabId);
    },
  };
}
export type TabChecker = ReturnType<typeof createTabChecker>;

/** Claims that were asked for (or checked) in a report: all but the unchecked and the unlinked. */
function requestedIn(report: Report): string[] {
  return report.claims.filter((c) => c.verdict !== 'unchecked' && c.verdict !== 'unlinked').map((c) => c.id);
}
