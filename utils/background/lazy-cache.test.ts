import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { lazyCache } from './lazy-cache';
import { openSourceCache } from '../sources';

const ENTRY = { key: 'https://a.example/x', url: 'https://a.example/x', status: 'ok' as const, truncated: false, fetchedAt: 1, text: 'Text.' };

describe('lazy cache', () => {
  it('waits for the cache to open and then uses it', async () => {
    const cache = lazyCache(openSourceCache({ name: `lazy-${Math.random()}` }));
    await cache.put(ENTRY);
    expect(await cache.get(ENTRY.key)).toMatchObject({ text: 'Text.' });
    expect((await cache.stats()).entries).toBe(1);
    await cache.clear();
    expect(await cache.get(ENTRY.key)).toBeNull();
  });

  it('behaves as an empty cache when it never opens', async () => {
    const cache = lazyCache(Promise.reject(new Error('IndexedDB unavailable')));
    await cache.put(ENTRY);
    expect(await cache.get(ENTRY.key)).toBeNull();
    expect(await cache.stats()).toEqual({ entries: 0, bytes: 0 });
    await expect(cache.clear()).resolves.toBeUndefined();
  });
});
