import { describe, expect, it, vi } from 'vitest';
import { createTabChecker, PROGRESS_INTERVAL_MS, STORE_INTERVAL_MS, type TabEntry, type TabStore } from './checker';
import type { PageCitations } from './extract/types';
import type { Report } from './report/schema';
import type { SourceLoader } from './sources/types';
import { countingLoader, memoryStore, PAGE, recordingStore, TEXT } from '../tests/helpers/tab-checker';

async function settle(checker: ReturnType<typeof createTabChecker>, tabId: number): Promise<Report> {
  for (let i = 0; i < 100; i++) {
    const report = await checker.getReport(tabId);
    if (report?.state === 'done') return report;
    await new Promise((r) => setTimeout(r, 5));
  }
  throw new Error('the check never finished');
}

describe('tab checker', () => {
  it('answers the same citations again from the finished report, without loading sources again', async () => {
    const store = memoryStore();
    const { loader, calls } = countingLoader();
    const notified: Report[] = [];
    const checker = createTabChecker({ loader, store, notify: (_, r) => notified.push(r) });
    await checker.verify(1, PAGE);
    const first = await settle(checker, 1);
    expect(first.claims[0].verdict).toBe('supported');
    const again = await checker.verify(1, PAGE);
    expect(again.state).toBe('done');
    expect(calls).toHaveLength(1);
    expect(notified.at(-1)?.state).toBe('done');
  });

  it('resumes a check a restarted worker left running, from the stored citations', async () => {
    const store = memoryStore();
    const running: TabEntry = {
      key: 'stale',
      page: PAGE,
      report: {
        url: PAGE.url, title: 'A', checkedAt: new Date().toISOString(), state: 'running',
        claims: [{ id: 'c1', text: TEXT, markers: ['[Source 1]'], sourceIds: ['s1'], verdict: 'pending', score: 0, evidence: [] }],
        sources: [{ id: 's1', label: 'Source 1', url: PAGE.sources[0].url, domain: '127.0.0.1', status: 'pending' }],
      },
    };
    await store.set(7, running);
    const { loader, calls } = countingLoader();
    const fresh = createTabChecker({ loader, store, notify: () => undefined });
    const report = await settle(fresh, 7);
    expect(report.claims[0].verdict).toBe('supported');
    expect(calls).toEqual([false]);
  });

  it('re-check bypasses the source cache', async () => {
    const store = memoryStore();
    const { loader, calls } = countingLoader();
    const checker = createTabChecker({ loader, store, notify: () => undefined });
    await checker.verify(3, PAGE);
    await settle(checker, 3);
    await checker.recheck(3);
    await settle(checker, 3);
    expect(calls).toEqual([false, true]);
  });

  it('drops a corrupt stored entry instead of trusting it', async () => {
    const store = memoryStore();
    store.data.set(4, { key: 1, page: 'nonsense' });
    const checker = createTabChecker({ loader: countingLoader().loader, store, notify: () => undefined });
    expect(await checker.getReport(4)).toBeNull();
    expect(store.data.has(4)).toBe(false);
  });

  it('forgets a closed tab', async () => {
    const store = memoryStore();
    const checker = createTabChecker({ loader: countingLoader().loader, store, notify: () => undefined });
    await checker.verify(5, PAGE);
    await settle(checker, 5);
    await checker.forget(5);
    expect(await checker.getReport(5)).toBeNull();
  });

  it('sends progress at most once per interval while cached sources settle together, and the final report at once', async () => {
    const many: PageCitations = {
      ...PAGE,
      claims: Array.from({ length: 8 }, (_, i) => ({ id: `c${i + 1}`, text: TEXT, markers: [`[Source ${i + 1}]`], sourceIds: [`s${i + 1}`], unlinkedLabels: [] })),
      sources: Array.from({ length: 8 }, (_, i) => ({ id: `s${i + 1}`, label: `Source ${i + 1}`, url: `http://127.0.0.1:8000/s${i + 1}.html`, domain: '127.0.0.1' })),
    };
    const notified: Report[] = [];
    // Each source answers in a task of its own, after the page's answer, within a few milliseconds.
    const { loader: inner } = countingLoader();
    let order = 0;
    const loader: SourceLoader = { load: (url, o) => new Promise((r) => setTimeout(r, 1 + order++)).then(() => inner.load(url, o)) };
    const checker = createTabChecker({ loader, store: memoryStore(), notify: (_, r, o) => void (o?.pageHasIt || notified.push(r)) });
    expect((await checker.verify(9, many)).state).toBe('running');
    await settle(checker, 9);
    expect(notified.at(-1)!.state).toBe('done');
    expect(notified.at(-1)!.claims.every((c) => c.verdict === 'supported')).toBe(true);
    // 8 sources settled: without coalescing the page would have been sent 8 reports.
    expect(notified.length).toBeLessThan(8);
  });

  it('answers a check that the cache settles within the task with its final report, and sends the page nothing more', async () => {
    const toPage: Report[] = [];
    const toolbar: Report[] = [];
    const checker = createTabChecker({
      loader: countingLoader().loader,
      store: memoryStore(),
      notify: (_, r, o) => void (o?.pageHasIt ? toolbar : toPage).push(r),
    });
    const answer = await checker.verify(10, longPage(4), false, { inView: ['c1', 'c2', 'c3', 'c4'], nearView: [] });
    expect(answer.state).toBe('done');
    expect(answer.claims.map((c) => c.verdict)).toEqual(Array(4).fill('supported'));
    await tick();
    await new Promise((r) => setTimeout(r, PROGRESS_INTERVAL_MS + 10));
    expect(toPage).toEqual([]);
    expect(toolbar.at(-1)).toEqual(answer);
  });

  it('stores progress at most once per store interval, the first report in the task after the answer, the reader\'s request and the final report at once', async () => {
    vi.useFakeTimers();
    try {
      const { loader, waiting } = heldLoader();
      const { store: recording, writes } = recordingStore();
      const notified: Report[] = [];
      const checker = createTabChecker({ loader, store: recording, notify: (_, r) => notified.push(r), automatic: () => false });
      const answered = checker.verify(2, longPage(6));
      await vi.advanceTimersByTimeAsync(0);
      await answered;
      expect(writes.map((r) => r.state)).toEqual(['done']);
      // A request is stored at once: a worker stopped right after it still knows the claims were asked for.
      await checker.checkPage(2);
      expect(writes).toHaveLength(2);
      expect(writes[1].claims.every((c) => c.verdict === 'pending')).toBe(true);
      // Six sources, one every 70 ms: each reaches the page; storage waits for the interval or the end.
      await vi.advanceTimersByTimeAsync(0);
      for (let i = 0; i < 5; i++) {
        waiting.shift()!();
        await vi.advanceTimersByTimeAsync(70);
      }
      expect(5 * 70).toBeLessThan(STORE_INTERVAL_MS);
      expect(writes).toHaveLength(2);
      expect(notified.filter((r) => r.state === 'running').length).toBeGreaterThanOrEqual(6);
      waiting.shift()!();
      await vi.advanceTimersByTimeAsync(0);
      expect(writes).toHaveLength(3);
      expect(writes[2].state).toBe('done');
      expect(writes[2].claims.every((c) => c.verdict === 'supported')).toBe(true);
      // Nothing more is written after the final report.
      await vi.advanceTimersByTimeAsync(STORE_INTERVAL_MS * 2);
      expect(writes).toHaveLength(3);
    } finally {
      vi.useRealTimers();
    }
  });

  it('the first report of a check the page asked for goes to the toolbar only: the page has it as its answer', async () => {
    const { loader, releaseAll } = heldLoader();
    const notified: Array<{ report: Report; pageHasIt: boolean }> = [];
    const checker = createTabChecker({ loader, store: memoryStore(), notify: (_, report, o) => notified.push({ report, pageHasIt: o?.pageHasIt ?? false }) });
    const answer = await checker.verify(4, longPage(3), false, { inView: ['c1', 'c2', 'c3'], nearView: [] });
    await tick();
    expect(notified).toEqual([{ report: answer, pageHasIt: true }]);
    await releaseAll();
    const final = await settle(checker, 4);
    expect(notified.at(-1)).toEqual({ report: final, pageHasIt: false });
    expect(notified.slice(1).every((n) => !n.pageHasIt)).toBe(true);
    // A re-check the popup asked for has no page waiting for an answer: the page hears of it.
    await checker.recheck(4);
    expect(notified.filter((n) => !n.pageHasIt).at(-1)!.report.state).toBe('running');
  });

  it('stores the first report after the first loads have gone on to their cache reads, not before', async () => {
    const order: string[] = [];
    const loader: SourceLoader = {
      async load(url) {
        // A loader's first await (the settings), then its cache read.
        await Promise.resolve();
        order.push(`read ${new URL(url).pathname}`);
        return new Promise(() => undefined);
      },
    };
    const inner = memoryStore();
    const store: TabStore = { ...inner, set: async (tabId, entry) => void (order.push(`store ${entry.report.state}`), await inner.set(tabId, entry)) };
    const checker = createTabChecker({ loader, store, notify: () => undefined });
    await checker.verify(6, longPage(2), false, { inView: ['c1', 'c2'], nearView: [] });
    await tick();
    expect(order).toEqual(['read /s1.html', 'read /s2.html', 'store running']);
    expect(((await store.get(6)) as TabEntry).report.state).toBe('running');
  });

  it('sends progress after a quiet spell at once, and progress within the interval at its end', async () => {
    vi.useFakeTimers();
    try {
      const { loader, waiting } = heldLoader();
      const toPage: Report[] = [];
      const checker = createTabChecker({ loader, store: memoryStore(), notify: (_, r, o) => void (o?.pageHasIt || toPage.push(r)) });
      const answered = checker.verify(8, longPage(3), false, { inView: ['c1', 'c2', 'c3'], nearView: [] });
      await vi.advanceTimersByTimeAsync(0);
      await answered;
      await vi.advanceTimersByTimeAsync(PROGRESS_INTERVAL_MS * 4);
      waiting.shift()!();
      await vi.advanceTimersByTimeAsync(0);
      expect(toPage.map((r) => r.claims.map((c) => c.verdict))).toEqual([['supported', 'pending', 'pending']]);
      waiting.shift()!();
      await vi.advanceTimersByTimeAsync(PROGRESS_INTERVAL_MS - 1);
      expect(toPage).toHaveLength(1);
      await vi.advanceTimersByTimeAsync(1);
      expect(toPage).toHaveLength(2);
      expect(toPage[1].claims.map((c) => c.verdict)).toEqual(['supported', 'supported', 'pending']);
    } finally {
      vi.useRealTimers();
    }
  });

  it('stores a long check\'s progress once the store interval has passed', async () => {
    vi.useFakeTimers();
    try {
      const { loader, waiting } = heldLoader();
      const { store: recording, writes } = recordingStore();
      const checker = createTabChecker({ loader, store: recording, notify: () => undefined });
      const answered = checker.verify(3, longPage(2), false, { inView: ['c1', 'c2'], nearView: [] });
      await vi.advanceTimersByTimeAsync(0);
      await answered;
      expect(writes).toHaveLength(1);
      waiting.shift()!();
      // The page hears of it after the progress interval; storage the store interval after that.
      await vi.advanceTimersByTimeAsync(PROGRESS_INTERVAL_MS + STORE_INTERVAL_MS - 1);
      expect(writes).toHaveLength(1);
      await vi.advanceTimersByTimeAsync(1);
      expect(writes).toHaveLength(2);
      expect(writes[1].claims.map((c) => c.verdict)).toEqual(['supported', 'pending']);
    } finally {
      vi.useRealTimers();
    }
  });
});

/** A page of `n` claims, claim i citing source i, all on one host. */
function longPage(n: number): PageCitations {
  return {
    ...PAGE,
    claims: Array.from({ length: n }, (_, i) => ({ id: `c${i + 1}`, text: TEXT, markers: [`[${i + 1}]`], sourceIds: [`s${i + 1}`], unlinkedLabels: [] })),
    sources: Array.from({ length: n }, (_, i) => ({ id: `s${i + 1}`, label: `${i + 1}`, url: `http://127.0.0.1:8000/s${i + 1}.html`, domain: '127.0.0.1' })),
  };
}

/** A loader that records URLs in order and answers when the test says so. */
function heldLoader() {
  const urls: string[] = [];
  const waiting: Array<() => void> = [];
  const loader: SourceLoader = {
    load(url) {
      urls.push(url);
      return new Promise((resolve) =>
        waiting.push(() => resolve({ ok: true, url, finalUrl: url, fetchedAt: new Date().toISOString(), fromCache: false, truncated: false, text: TEXT })),
      );
    },
  };
  const releaseAll = async () => {
    while (waiting.length) {
      for (const answer of waiting.splice(0)) answer();
      await new Promise((r) => setTimeout(r, 0));
    }
  };
  return { loader, urls, waiting, releaseAll, ref: (url: string) => Number(/s(\d+)\.html/.exec(url)![1]) };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('tab checker: check modes and the viewport', () => {
  it('where pages are not checked automatically, claims are unchecked and nothing is fetched', async () => {
    const { loader, urls } = heldLoader();
    const checker = createTabChecker({ loader, store: memoryStore(), notify: () => undefined, automatic: () => false });
    const report = await checker.verify(1, longPage(5), false, { inView: ['c1', 'c2'], nearView: ['c3'] });
    expect(report.claims.map((c) => c.verdict)).toEqual(Array(5).fill('unchecked'));
    expect(report.state).toBe('done');
    await tick();
    expect(urls).toEqual([]);
  });

  it('a click on one claim checks that claim alone', async () => {
    const { loader, urls, releaseAll } = heldLoader();
    const checker = createTabChecker({ loader, store: memoryStore(), notify: () => undefined, automatic: () => false });
    await checker.verify(1, longPage(5));
    const asked = await checker.checkClaim(1, 'c4');
    expect(asked?.claims[3].verdict).toBe('pending');
    await releaseAll();
    const report = (await checker.getReport(1))!;
    expect(urls).toEqual(['http://127.0.0.1:8000/s4.html']);
    expect(report.claims.map((c) => c.verdict)).toEqual(['unchecked', 'unchecked', 'unchecked', 'supported', 'unchecked']);
    await expect(checker.checkClaim(1, 'c99')).rejects.toThrow(/no claim c99/);
  });

  it('"Check this page" checks every claim left, each source once', async () => {
    const { loader, urls, releaseAll } = heldLoader();
    const checker = createTabChecker({ loader, store: memoryStore(), notify: () => undefined, automatic: () => false });
    await checker.verify(1, longPage(30));
    await checker.checkClaim(1, 'c2');
    await checker.checkPage(1);
    await releaseAll();
    const report = (await checker.getReport(1))!;
    expect(report.claims.every((c) => c.verdict === 'supported')).toBe(true);
    expect(report.state).toBe('done');
    expect(new Set(urls).size).toBe(30);
    expect(urls).toHaveLength(30);
    expect(urls[0]).toBe('http://127.0.0.1:8000/s2.html');
  });

  it('fetches the claims in view first, then a look-ahead within its budget, then re-prioritises on a scroll', async () => {
    const { loader, urls, releaseAll, ref } = heldLoader();
    const checker = createTabChecker({ loader, store: memoryStore(), notify: () => undefined, lookAhead: 5 });
    await checker.verify(1, longPage(100), false, { inView: ['c40', 'c41'], nearView: [] });
    expect(urls.slice(0, 2).map(ref)).toEqual([40, 41]);
    await releaseAll();
    expect(urls.map(ref)).toEqual([40, 41, 42, 43, 44, 45, 46]);
    await checker.viewport(1, { inView: ['c90'], nearView: ['c91'] });
    await releaseAll();
    // c42–c46 were scrolled past unseen: the budget of 5 goes to c91 (near) and c92–c95.
    expect(urls.slice(7).map(ref)).toEqual([90, 91, 92, 93, 94, 95]);
    const report = (await checker.getReport(1))!;
    expect(report.state).toBe('running');
    expect(report.claims[89].verdict).toBe('supported');
    expect(report.claims[0].verdict).toBe('pending');
  });

  it('turning a page automatic (a new mode or allowed site) starts checking it', async () => {
    const { loader, urls, releaseAll } = heldLoader();
    let automatic = false;
    const checker = createTabChecker({ loader, store: memoryStore(), notify: () => undefined, automatic: () => automatic });
    await checker.verify(1, longPage(3));
    await checker.refreshModes();
    expect(urls).toHaveLength(0);
    automatic = true;
    await checker.refreshModes();
    await releaseAll();
    expect(urls).toHaveLength(3);
    expect((await checker.getReport(1))!.claims.every((c) => c.verdict === 'supported')).toBe(true);
  });

  it('a restarted worker keeps the claims the reader asked for, and only those', async () => {
    const store = memoryStore();
    const first = heldLoader();
    const before = createTabChecker({ loader: first.loader, store, notify: () => undefined, automatic: () => false });
    await before.verify(2, longPage(4));
    await before.checkClaim(2, 'c3');
    // The worker stops before the source answers.
    const second = heldLoader();
    const after = createTabChecker({ loader: second.loader, store, notify: () => undefined, automatic: () => false });
    const resumed = await after.getReport(2);
    expect(resumed?.claims.map((c) => c.verdict)).toEqual(['unchecked', 'unchecked', 'pending', 'unchecked']);
    await second.releaseAll();
    expect(second.urls).toEqual(['http://127.0.0.1:8000/s3.html']);
    expect((await after.getReport(2))!.claims[2].verdict).toBe('supported');
  });

  it('settings that cannot be read fetch nothing unasked', async () => {
    const { loader, urls } = heldLoader();
    const checker = createTabChecker({
      loader,
      store: memoryStore(),
      notify: () => undefined,
      automatic: () => {
        throw new Error('storage unavailable');
      },
    });
    const report = await checker.verify(1, longPage(2));
    await tick();
    expect(report.claims.map((c) => c.verdict)).toEqual(['unchecked', 'unchecked']);
    expect(urls).toEqual([]);
  });
});
