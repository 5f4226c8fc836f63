import { describe, expect, it } from 'vitest';
import { createTabChecker, type TabEntry, type TabStore } from './checker';
import type { PageCitations } from './extract/types';
import type { Claim, Report } from './report/schema';
import type { SourceLoader } from './sources/types';

const TEXT = 'The city planted 12,000 new street trees in 2022 along the eastern bus corridors.';
const PAGE: PageCitations = {
  url: 'http://127.0.0.1:8000/a.html',
  title: 'A',
  claims: [{ id: 'c1', text: TEXT, markers: ['[Source 1]'], sourceIds: ['s1'], unlinkedLabels: [] }],
  sources: [{ id: 's1', label: 'Source 1', url: 'http://127.0.0.1:8000/s1.html', domain: '127.0.0.1' }],
  limits: { markersCapped: false, sourcesCapped: false },
};
const loader: SourceLoader = {
  async load(url) {
    return { ok: true, url, finalUrl: url, fetchedAt: new Date().toISOString(), fromCache: false, truncated: false, text: TEXT };
  },
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
const tick = (ms = 0) => new Promise((r) => setTimeout(r, ms));

describe('tab checker with an on-device judge', () => {
  it('withdraws the questions of a tab that closed', async () => {
    const signals: AbortSignal[] = [];
    const checker = createTabChecker({
      loader,
      store: memoryStore(),
      notify: () => undefined,
      judgeClaim: (_claim, _sources, signal) => {
        signals.push(signal);
        return new Promise(() => undefined);
      },
    });
    await checker.verify(1, PAGE);
    for (let i = 0; i < 50 && signals.length === 0; i++) await tick(5);
    expect(signals).toHaveLength(1);
    expect(signals[0].aborted).toBe(false);
    await checker.forget(1);
    expect(signals[0].aborted).toBe(true);
  });

  it('withdraws the questions of a check that a re-check replaced', async () => {
    const signals: AbortSignal[] = [];
    const store = memoryStore();
    const checker = createTabChecker({
      loader,
      store,
      notify: () => undefined,
      judgeClaim: (_c, _s, signal) => {
        signals.push(signal);
        return new Promise(() => undefined);
      },
    });
    await checker.verify(1, PAGE);
    for (let i = 0; i < 50 && signals.length === 0; i++) await tick(5);
    await checker.recheck(1);
    expect(signals[0].aborted).toBe(true);
  });

  it('publishes the judged claim to the store and the tab, and asks again on request', async () => {
    const store = memoryStore();
    const notified: Report[] = [];
    let answers = 0;
    const checker = createTabChecker({
      loader,
      store,
      notify: (_tab, report) => notified.push(report),
      judgeClaim: async (claim): Promise<Claim> => {
        answers++;
        return { ...claim, verdict: answers === 1 ? 'partial' : 'supported', judgedBy: 'fake model', quote: 'planted 12,000 new street trees' };
      },
    });
    await checker.verify(1, PAGE);
    for (let i = 0; i < 50 && notified.at(-1)?.claims[0].judgedBy !== 'fake model'; i++) await tick(5);
    expect(notified.at(-1)!.claims[0]).toMatchObject({ verdict: 'partial', judgedBy: 'fake model' });
    expect((store.data.get(1) as TabEntry).report.claims[0]).toMatchObject({ verdict: 'partial', judgedBy: 'fake model' });
    const again = await checker.rejudge(1, 'c1');
    expect(again!.claims[0]).toMatchObject({ verdict: 'supported', judgedBy: 'fake model' });
    expect((store.data.get(1) as TabEntry).report.claims[0].verdict).toBe('supported');
    expect(await checker.rejudge(2, 'c1')).toBeNull();
  });
});
