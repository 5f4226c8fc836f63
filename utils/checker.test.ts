import { describe, expect, it } from 'vitest';
import { createTabChecker, type TabEntry, type TabStore } from './checker';
import type { PageCitations } from './extract/types';
import type { Report } from './report/schema';
import type { SourceLoader } from './sources/types';

const TEXT = 'The city planted 12,000 new street trees in 2022 along the eastern bus corridors.';

const PAGE: PageCitations = {
  url: 'http://127.0.0.1:8000/a.html',
  title: 'A',
  claims: [{ id: 'c1', text: TEXT, markers: ['[Source 1]'], sourceIds: ['s1'], unlinkedLabels: [] }],
  sources: [{ id: 's1', label: 'Source 1', url: 'http://127.0.0.1:8000/s1.html', domain: '127.0.0.1' }],
  limits: { markersCapped: false, sourcesCapped: false },
};

function memoryStore(): TabStore & { data: Map<number, unknown> } {
  const data = new Map<number, unknown>();
  return {
    data,
    get: async (tabId) => data.get(tabId),
    set: async (tabId, entry: TabEntry) => void data.set(tabId, structuredClone(entry)),
    remove: async (tabId) => void data.delete(tabId),
  };
}

function countingLoader() {
  const calls: boolean[] = [];
  const loader: SourceLoader = {
    async load(url, options) {
      calls.push(!!options.bypassCache);
      return { ok: true, url, finalUrl: url, fetchedAt: new Date().toISOString(), fromCache: false, truncated: false, text: TEXT };
    },
  };
  return { loader, calls };
}

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
    const checker = createTabChecker({ loader: countingLoader().loader, store: memoryStore(), notify: (_, r) => notified.push(r) });
    await checker.verify(9, many);
    await settle(checker, 9);
    expect(notified[0].state).toBe('running');
    expect(notified.at(-1)!.state).toBe('done');
    expect(notified.at(-1)!.claims.every((c) => c.verdict === 'supported')).toBe(true);
    // 8 sources settled: without coalescing there would be 10 notifications.
    expect(notified.length).toBeLessThan(10);
  });
});
