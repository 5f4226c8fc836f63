/**
 * A small in-memory layer in front of the persistent source cache.
 *
 * A warm check of a page reads every cited source back from IndexedDB and verifies its hash; while
 * the worker lives, the last few dozen sources it used are kept in memory instead. Writes go to
 * both layers, so the memory never holds what the persistent cache does not; a cleared or deleted
 * entry leaves both. Bounded by entries and by characters of text. (A memory hit does not refresh
 * the persistent layer's use time, so its eviction order may lag while the worker lives.)
 */
import type { CachedSource, CacheEntryInput, SourceCache } from './cache';

export interface MemoryLayerOptions {
  maxEntries?: number;
  /** Characters of source text (and reader HTML) held in memory at most. */
  maxChars?: number;
}

/** Characters an entry holds in memory: its text and its reader HTML. */
const sizeOf = (entry: CachedSource) => entry.text.length + (entry.html?.length ?? 0);

export function withMemoryLayer(inner: SourceCache, options: MemoryLayerOptions = {}): SourceCache {
  const maxEntries = options.maxEntries ?? 64;
  const maxChars = options.maxChars ?? 8_000_000;
  /** Insertion order is recency order: a hit moves its entry to the end. */
  const recent = new Map<string, CachedSource>();
  let chars = 0;

  const forget = (key: string) => {
    const old = recent.get(key);
    if (old) chars -= sizeOf(old);
    recent.delete(key);
  };
  const remember = (key: string, entry: CachedSource) => {
    forget(key);
    if (sizeOf(entry) > maxChars) return;
    recent.set(key, entry);
    chars += sizeOf(entry);
    for (const oldest of recent.keys()) {
      if (recent.size <= maxEntries && chars <= maxChars) break;
      forget(oldest);
    }
  };

  return {
    async get(key) {
      const hit = recent.get(key);
      if (hit) {
        remember(key, hit);
        return hit;
      }
      const entry = await inner.get(key);
      if (entry) remember(key, entry);
      return entry;
    },
    async put(entry: CacheEntryInput) {
      forget(entry.key);
      await inner.put(entry);
      // Read back what the persistent layer kept (with its hash and size), so both agree.
      const stored = await inner.get(entry.key);
      if (stored) remember(entry.key, stored);
    },
    async delete(key) {
      forget(key);
      await inner.delete(key);
    },
    async clear() {
      recent.clear();
      chars = 0;
      await inner.clear();
    },
    stats: () => inner.stats(),
  };
}
