// @vitest-environment node
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import {
  CACHE_SCHEMA_VERSION,
  isFresh,
  openSourceCache,
  type CacheEntryInput,
  type SourceCacheOptions,
} from './cache';
import { READER_HTML_MAX_CHARS } from '../reader/limits';

const NAME = 'test-sources';

function entry(key: string, text = `Text of ${key}. `.repeat(20), extra: Partial<CacheEntryInput> = {}): CacheEntryInput {
  return { key, url: key, finalUrl: key, status: 'ok', truncated: false, fetchedAt: 1_000, text, title: `Title ${key}`, ...extra };
}

function setup(options: Partial<SourceCacheOptions> = {}) {
  const factory = new IDBFactory();
  let clock = 10_000;
  const open = (more: Partial<SourceCacheOptions> = {}) =>
    openSourceCache({ name: NAME, indexedDB: factory, now: () => clock, ...options, ...more });
  return { factory, open, tick: (ms = 1) => (clock += ms) };
}

/** Runs a raw IndexedDB request on the cache's database, bypassing the cache's own checks. */
async function raw<T>(factory: IDBFactory, store: 'meta' | 'bodies', action: (s: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = factory.open(NAME, 1);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  try {
    return await new Promise<T>((resolve, reject) => {
      const request = action(db.transaction(store, 'readwrite').objectStore(store));
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
  } finally {
    db.close();
  }
}

describe('source cache', () => {
  it('returns what was stored, with a hash and a size', async () => {
    const { open } = setup();
    const cache = await open();
    await cache.put(entry('https://a.example/', 'Some text é', { byline: 'A. Writer', etag: '"x"' }));
    const got = await cache.get('https://a.example/');
    expect(got).toMatchObject({ key: 'https://a.example/', text: 'Some text é', title: 'Title https://a.example/', byline: 'A. Writer', etag: '"x"', status: 'ok' });
    expect(got?.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(await cache.get('https://missing.example/')).toBeNull();
    const stats = await cache.stats();
    expect(stats.entries).toBe(1);
    expect(stats.bytes).toBeGreaterThan('Some text é'.length);
  });

  it('stores failures with their reason', async () => {
    const { open } = setup();
    const cache = await open();
    await cache.put({ key: 'k', url: 'k', status: 'unavailable', reason: 'http_error', httpStatus: 404, truncated: false, fetchedAt: 5, text: '' });
    expect(await cache.get('k')).toMatchObject({ status: 'unavailable', reason: 'http_error', httpStatus: 404 });
  });

  it('refuses to store an entry that breaks the schema', async () => {
    const { open } = setup();
    const cache = await open();
    await expect(cache.put({ ...entry('k'), status: 'unavailable' })).rejects.toThrow();
    expect(await cache.get('k')).toBeNull();
  });

  it('survives a restart (a new connection to the same database)', async () => {
    const { open } = setup();
    const first = await open();
    await first.put(entry('https://a.example/'));
    first.close();
    const second = await open();
    expect((await second.get('https://a.example/'))?.title).toBe('Title https://a.example/');
  });

  it('evicts the least recently used entries once over its byte bound', async () => {
    const { open, tick } = setup();
    const probe = await open({ name: 'probe' });
    await probe.put(entry('k9')); // same size as k1…k4
    const oneEntry = (await probe.stats()).bytes;
    const cache = await open({ maxBytes: Math.floor(oneEntry * 3.5) });
    for (const key of ['k1', 'k2', 'k3']) {
      await cache.put(entry(key));
      tick();
    }
    await cache.get('k1'); // k1 is now more recent than k2
    tick();
    await cache.put(entry('k4'));
    expect(await cache.get('k2')).toBeNull();
    for (const key of ['k1', 'k3', 'k4']) expect(await cache.get(key), key).not.toBeNull();
    const stats = await cache.stats();
    expect(stats.entries).toBe(3);
    expect(stats.bytes).toBeLessThanOrEqual(cache.maxBytes);
  });

  it('does not store an entry larger than the whole bound', async () => {
    const { open } = setup();
    const cache = await open({ maxBytes: 1_000 });
    await cache.put(entry('small', 'short'));
    await cache.put(entry('huge', 'x'.repeat(5_000)));
    expect(await cache.get('huge')).toBeNull();
    expect(await cache.get('small')).not.toBeNull();
  });

  it.each([
    ['metadata that is not an object', (key: string) => ({ key, v: CACHE_SCHEMA_VERSION, status: 42 })],
    ['metadata with a wrong field type', (key: string) => ({ ...validMeta(key), fetchedAt: 'yesterday' })],
    ['a record of another schema version', (key: string) => ({ ...validMeta(key), v: CACHE_SCHEMA_VERSION + 1 })],
    ['a record of an older schema version', (key: string) => ({ ...validMeta(key), v: 0 })],
  ])('drops %s and reports a miss', async (_name, make) => {
    const { open, factory } = setup();
    const cache = await open();
    await cache.put(entry('k'));
    const stored = await raw(factory, 'meta', (s) => s.get('k'));
    validMetaTemplate = stored as Record<string, unknown>;
    await raw(factory, 'meta', (s) => s.put(make('k')));
    expect(await cache.get('k')).toBeNull();
    expect(await raw(factory, 'meta', (s) => s.get('k'))).toBeUndefined();
    expect(await raw(factory, 'bodies', (s) => s.get('k'))).toBeUndefined();
    // And the key works again afterwards.
    await cache.put(entry('k'));
    expect(await cache.get('k')).not.toBeNull();
  });

  it('drops an entry whose text no longer matches its hash', async () => {
    const { open, factory } = setup();
    const cache = await open();
    await cache.put(entry('k', 'The original text.'));
    await raw(factory, 'bodies', (s) => s.put({ v: CACHE_SCHEMA_VERSION, key: 'k', text: 'A tampered text.' }));
    expect(await cache.get('k')).toBeNull();
  });

  it('keeps an HTML source’s reader HTML with its text, hashed and counted in the size', async () => {
    const { open, factory } = setup();
    const cache = await open();
    const text = 'The survey counted trees. '.repeat(20);
    await cache.put(entry('plain', text));
    await cache.put(entry('k', text, { html: `<p>${'<em>The survey</em> counted trees. '.repeat(20)}</p>` }));
    const got = await cache.get('k');
    expect(got?.html).toContain('<em>The survey</em>');
    expect(got).not.toHaveProperty('htmlHash');
    const plain = await cache.get('plain');
    expect(plain).not.toHaveProperty('html');
    expect(got!.bytes - plain!.bytes).toBeGreaterThan(got!.html!.length);
    // A changed HTML is a corrupt entry like a changed text: dropped, and fetched again.
    await raw(factory, 'bodies', (s) => s.put({ v: CACHE_SCHEMA_VERSION, key: 'k', text, html: '<p onclick="x()">Other words</p>' }));
    expect(await cache.get('k')).toBeNull();
    expect(await raw(factory, 'meta', (s) => s.get('k'))).toBeUndefined();
  });

  it('drops an entry whose reader HTML vanished, and one that gained HTML it was stored without', async () => {
    const { open, factory } = setup();
    const cache = await open();
    const text = 'The survey counted trees. '.repeat(20);
    await cache.put(entry('a', text, { html: '<p>The survey counted trees.</p>' }));
    await raw(factory, 'bodies', (s) => s.put({ v: CACHE_SCHEMA_VERSION, key: 'a', text }));
    expect(await cache.get('a')).toBeNull();
    await cache.put(entry('b', text));
    await raw(factory, 'bodies', (s) => s.put({ v: CACHE_SCHEMA_VERSION, key: 'b', text, html: '<p>Added later.</p>' }));
    expect(await cache.get('b')).toBeNull();
  });

  it('stores the text without the HTML when the HTML is past the reader view’s bound', async () => {
    const { open } = setup();
    const cache = await open();
    await cache.put(entry('k', 'Short text of a long page. '.repeat(10), { html: 'x'.repeat(READER_HTML_MAX_CHARS + 1) }));
    const got = await cache.get('k');
    expect(got?.text).toContain('Short text of a long page.');
    expect(got).not.toHaveProperty('html');
    expect(got!.bytes).toBeLessThan(10_000);
  });

  it('drops an entry whose text is missing', async () => {
    const { open, factory } = setup();
    const cache = await open();
    await cache.put(entry('k'));
    await raw(factory, 'bodies', (s) => s.delete('k'));
    expect(await cache.get('k')).toBeNull();
    expect(await raw(factory, 'meta', (s) => s.get('k'))).toBeUndefined();
  });

  it('sweeps unreadable records out while evicting', async () => {
    const { open, factory } = setup();
    const cache = await open();
    await raw(factory, 'meta', (s) => s.put({ key: 'junk', v: 0 }));
    await cache.put(entry('k'));
    expect(await raw(factory, 'meta', (s) => s.get('junk'))).toBeUndefined();
  });

  it('clears everything', async () => {
    const { open } = setup();
    const cache = await open();
    await cache.put(entry('a'));
    await cache.put(entry('b'));
    await cache.clear();
    expect(await cache.stats()).toEqual({ entries: 0, bytes: 0 });
    expect(await cache.get('a')).toBeNull();
  });
});

let validMetaTemplate: Record<string, unknown> = {};
function validMeta(key: string) {
  return { ...validMetaTemplate, key };
}

describe('isFresh', () => {
  it.each([
    [1_000, 1_500, 1_000, true],
    [1_000, 1_999, 1_000, true],
    [1_000, 2_000, 1_000, false],
    [1_000, 10_000, 1_000, false],
    [1_000_000, 0, 1_000, false], // fetched "in the future": a broken clock never pins an entry
  ])('fetched at %i, now %i, ttl %i → %s', (fetchedAt, now, ttl, expected) => {
    expect(isFresh({ fetchedAt }, now, ttl)).toBe(expected);
  });
});

describe('source cache: other connections', () => {
  it('lets another context upgrade the database: the open cache closes instead of blocking it', async () => {
    const factory = new IDBFactory();
    const cache = await openSourceCache({ name: 'upgrade-test', indexedDB: factory });
    const upgraded = await new Promise<string>((resolve) => {
      const request = factory.open('upgrade-test', 2);
      request.onblocked = () => resolve('blocked');
      request.onsuccess = () => {
        request.result.close();
        resolve('opened');
      };
      request.onerror = () => resolve('error');
    });
    expect(upgraded).toBe('opened');
    cache.close();
  });
});
