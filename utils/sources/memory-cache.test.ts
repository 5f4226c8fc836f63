import { describe, expect, it } from 'vitest';
import type { CachedSource, CacheEntryInput, SourceCache } from './cache';
import { withMemoryLayer } from './memory-cache';

/** A persistent cache stand-in that counts its reads. */
function countingCache() {
  const entries = new Map<string, CachedSource>();
  const reads: string[] = [];
  const cache: SourceCache = {
    get: async (key) => {
      reads.push(key);
      return entries.get(key) ?? null;
    },
    put: async (entry: CacheEntryInput) => {
      entries.set(entry.key, { ...entry, hash: 'h', bytes: entry.text.length, lastUsed: 0 } as CachedSource);
    },
    delete: async (key) => void entries.delete(key),
    clear: async () => entries.clear(),
    stats: async () => ({ entries: entries.size, bytes: 0 }),
  };
  return { cache, reads, entries };
}

const entry = (key: string, text = 'Some readable text of the source.'): CacheEntryInput =>
  ({ key, url: key, status: 'ok', truncated: false, fetchedAt: 1, text }) as CacheEntryInput;

describe('memory layer over the source cache', () => {
  it('answers a repeated read from memory, without reading the persistent cache again', async () => {
    const { cache, reads } = countingCache();
    const layered = withMemoryLayer(cache);
    await layered.put(entry('https://a.example/'));
    const readsAfterPut = reads.length;
    expect((await layered.get('https://a.example/'))?.text).toContain('readable text');
    expect((await layered.get('https://a.example/'))?.text).toContain('readable text');
    expect(reads.length).toBe(readsAfterPut);
  });

  it('forgets what is deleted or cleared, in both layers', async () => {
    const { cache } = countingCache();
    const layered = withMemoryLayer(cache);
    await layered.put(entry('https://a.example/'));
    await layered.put(entry('https://b.example/'));
    await layered.delete('https://a.example/');
    expect(await layered.get('https://a.example/')).toBeNull();
    await layered.clear();
    expect(await layered.get('https://b.example/')).toBeNull();
  });

  it('keeps at most maxEntries, dropping the least recently used', async () => {
    const { cache, reads } = countingCache();
    const layered = withMemoryLayer(cache, { maxEntries: 2 });
    await layered.put(entry('https://a.example/'));
    await layered.put(entry('https://b.example/'));
    await layered.get('https://a.example/'); // a is now the most recent
    await layered.put(entry('https://c.example/')); // b is dropped from memory
    reads.length = 0;
    await layered.get('https://a.example/');
    await layered.get('https://b.example/');
    expect(reads).toEqual(['https://b.example/']);
  });

  it('never holds more text than maxChars', async () => {
    const { cache, reads } = countingCache();
    const layered = withMemoryLayer(cache, { maxChars: 50 });
    await layered.put(entry('https://big.example/', 'x'.repeat(80)));
    reads.length = 0;
    expect((await layered.get('https://big.example/'))?.text.length).toBe(80);
    expect(reads).toEqual(['https://big.example/']);
  });
});
