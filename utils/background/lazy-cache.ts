import type { SourceCache } from '../sources';

/**
 * A source cache usable at once while IndexedDB opens: calls wait for it, and if it never opens
 * (a private window, a broken profile) the cache behaves as empty, so sources are still checked,
 * only uncached.
 */
export function lazyCache(opening: Promise<SourceCache | null>): SourceCache {
  const ready = opening.catch(() => null);
  return {
    get: async (key) => (await ready)?.get(key) ?? null,
    put: async (entry) => (await ready)?.put(entry),
    delete: async (key) => (await ready)?.delete(key),
    clear: async () => (await ready)?.clear(),
    stats: async () => (await ready)?.stats() ?? { entries: 0, bytes: 0 },
  };
}
