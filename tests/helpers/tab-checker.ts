/**
 * Set-ups shared by the tab checker's tests: a one-claim page whose source says what the claim
 * says, a loader that answers every source with that text, and an in-memory tab store.
 */
import type { TabEntry, TabStore } from '../../utils/checker';
import type { PageCitations } from '../../utils/extract/types';
import type { Report } from '../../utils/report/schema';
import type { SourceLoader } from '../../utils/sources/types';

export const TEXT = 'The city planted 12,000 new street trees in 2022 along the eastern bus corridors.';

export const PAGE: PageCitations = {
  url: 'http://127.0.0.1:8000/a.html',
  title: 'A',
  claims: [{ id: 'c1', text: TEXT, markers: ['[Source 1]'], sourceIds: ['s1'], unlinkedLabels: [] }],
  sources: [{ id: 's1', label: 'Source 1', url: 'http://127.0.0.1:8000/s1.html', domain: '127.0.0.1' }],
  limits: { markersCapped: false, sourcesCapped: false },
};

/** A loader that reads every source as TEXT; `calls` records whether each load bypassed the cache. */
export function countingLoader(): { loader: SourceLoader; calls: boolean[] } {
  const calls: boolean[] = [];
  const loader: SourceLoader = {
    async load(url, options) {
      calls.push(!!options.bypassCache);
      return { ok: true, url, finalUrl: url, fetchedAt: new Date().toISOString(), fromCache: false, truncated: false, text: TEXT };
    },
  };
  return { loader, calls };
}

export function memoryStore(): TabStore & { data: Map<number, unknown> } {
  const data = new Map<number, unknown>();
  return {
    data,
    get: async (tabId) => data.get(tabId),
    set: async (tabId, entry: TabEntry) => void data.set(tabId, structuredClone(entry)),
    remove: async (tabId) => void data.delete(tabId),
  };
}

/** An in-memory store that also records each report written to it, in order. */
export function recordingStore(): { store: TabStore; writes: Report[] } {
  const writes: Report[] = [];
  const inner = memoryStore();
  const store: TabStore = {
    ...inner,
    set: async (tabId, entry) => {
      writes.push(entry.report);
      await inner.set(tabId, entry);
    },
  };
  return { store, writes };
}
