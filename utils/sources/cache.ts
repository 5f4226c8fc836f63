/**
 * The source cache: extracted text of cited pages in IndexedDB, so a re-check after a service
 * worker or browser restart makes no request.
 *
 * Judgement calls:
 * - Only extracted text is stored, never a page's raw HTML: it is smaller, and it is what is
 *   matched. For the reader view, HTML sources also keep their readable part's HTML as DOMPurify
 *   left it (bounded, counted in the size, and hashed like the text).
 * - Two object stores: small metadata records (`meta`) and the texts (`bodies`), written in one
 *   transaction. Eviction reads only the metadata, so it stays cheap with 50 MB of text stored.
 * - Every record is parsed with zod on read, and the text's SHA-256 must match the one recorded
 *   with it. Anything that fails (corruption, a record of another schema version, a hand edit) is
 *   deleted and reported as a miss, so the source is fetched again; a bad record never throws.
 * - Size is bounded in bytes (UTF-8 text plus metadata), least recently used first out. An entry
 *   larger than the whole bound is not stored.
 * - The cache does not decide freshness; it records `fetchedAt` and the validators (ETag,
 *   Last-Modified) and the loader applies the reader's time to live.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import * as z from 'zod/mini';
import { READER_HTML_MAX_CHARS } from '../reader/limits';
import { UnavailableReasonSchema } from './types';

/** Bump when the shape of a record changes: records of any other version are dropped on sight. */
export const CACHE_SCHEMA_VERSION = 2;
export const DEFAULT_CACHE_NAME = 'citecheck-sources';
export const DEFAULT_CACHE_MAX_BYTES = 50 * 1024 * 1024;
export const DEFAULT_CACHE_TTL_MS = 24 * 60 * 60 * 1000;

const optionalText = z.optional(z.string().check(z.maxLength(100_000)));

export const CacheMetaSchema = z
  .object({
    v: z.literal(CACHE_SCHEMA_VERSION),
    key: z.string().check(z.minLength(1)),
    url: z.string(),
    finalUrl: z.optional(z.string()),
    status: z.enum(['ok', 'unavailable']),
    reason: z.optional(UnavailableReasonSchema),
    httpStatus: z.optional(z.int()),
    title: optionalText,
    byline: optionalText,
    published: optionalText,
    truncated: z.boolean(),
    /** SHA-256 (hex) of the text. */
    hash: z.string().check(z.regex(/^[0-9a-f]{64}$/)),
    /** SHA-256 (hex) of the reader view's HTML, when there is one. */
    htmlHash: z.optional(z.string().check(z.regex(/^[0-9a-f]{64}$/))),
    /** Epoch milliseconds (zod 4 numbers are finite). */
    fetchedAt: z.number(),
    lastUsed: z.number(),
    etag: optionalText,
    lastModified: optionalText,
    bytes: z.int().check(z.nonnegative()),
    /** PDFs: where each page starts in the text, and the document's page count. */
    pages: z.optional(z.array(z.int().check(z.nonnegative())).check(z.maxLength(10_000))),
    pageCount: z.optional(z.int().check(z.positive())),
    /** The text came from an archived copy of a dead original. */
    readFrom: z.optional(z.literal('archive')),
    /**
     * The guard mode it was fetched in (request-guard.ts): it serves only pages whose mode refuses
     * no more (a copy read for a loopback page, or with private addresses allowed, may hold what a
     * public name pointed at 127.0.0.1 answered). Missing: as `open`.
     */
    fetchedIn: z.optional(z.enum(['guarded', 'loopback', 'private', 'open'])),
    archiveUrl: optionalText,
    archivedAt: optionalText,
  })
  .check(z.refine((m) => (m.status === 'ok') === (m.reason === undefined), 'a failure has a reason, a success none'));
export type CacheMeta = z.infer<typeof CacheMetaSchema>;

const CacheBodySchema = z.object({
  v: z.literal(CACHE_SCHEMA_VERSION),
  key: z.string(),
  text: z.string(),
  /** HTML sources: the readable part's sanitised HTML, for the reader view. */
  html: z.optional(z.string().check(z.maxLength(READER_HTML_MAX_CHARS))),
});

/** One cached source, as `get` returns it. */
export type CachedSource = Omit<CacheMeta, 'v' | 'htmlHash'> & { text: string; html?: string };

/** What the loader stores; the cache adds the hashes, the size and the use time. */
export type CacheEntryInput = Omit<CachedSource, 'hash' | 'bytes' | 'lastUsed'>;

export interface CacheStats {
  entries: number;
  bytes: number;
}

/** The cache as the loader uses it (the background may wrap it). */
export interface SourceCache {
  /** The entry under a normalized URL, or null (missing, corrupt, other schema version). */
  get(key: string): Promise<CachedSource | null>;
  put(entry: CacheEntryInput): Promise<void>;
  delete(key: string): Promise<void>;
  clear(): Promise<void>;
  stats(): Promise<CacheStats>;
}

export interface OpenedSourceCache extends SourceCache {
  readonly maxBytes: number;
  /** The default time to live, for callers without their own setting. */
  readonly ttlMs: number;
  close(): void;
}

export interface SourceCacheOptions {
  /** IndexedDB database name. */
  name?: string;
  maxBytes?: number;
  ttlMs?: number;
  /** The IndexedDB factory; the global one by default (tests pass fake-indexeddb's). */
  indexedDB?: IDBFactory;
  now?: () => number;
}

interface CacheDB extends DBSchema {
  meta: { key: string; value: unknown };
  bodies: { key: string; value: unknown };
}

const encoder = new TextEncoder();

export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', encoder.encode(text));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Is a stored entry still within its time to live? */
export function isFresh(entry: Pick<CachedSource, 'fetchedAt'>, now: number, ttlMs: number): boolean {
  return now - entry.fetchedAt < ttlMs && entry.fetchedAt <= now + 60_000;
}

/** Runs `open` with `factory` as the global `indexedDB` (idb's `openDB` uses the global). */
async function withFactory<T>(factory: IDBFactory, open: () => Promise<T>): Promise<T> {
  const scope = globalThis as { indexedDB?: IDBFactory };
  const previous = scope.indexedDB;
  if (previous === factory) return open();
  scope.indexedDB = factory;
  try {
    // openDB calls indexedDB.open synchronously, so the swap only has to last until it returns.
    const opening = open();
    scope.indexedDB = previous;
    return await opening;
  } finally {
    scope.indexedDB = previous;
  }
}

export async function openSourceCache(options: SourceCacheOptions = {}): Promise<OpenedSourceCache> {
  const name = options.name ?? DEFAULT_CACHE_NAME;
  const maxBytes = options.maxBytes ?? DEFAULT_CACHE_MAX_BYTES;
  const ttlMs = options.ttlMs ?? DEFAULT_CACHE_TTL_MS;
  const now = options.now ?? Date.now;
  const factory = options.indexedDB ?? globalThis.indexedDB;
  if (!factory) throw new Error('IndexedDB is not available');

  // A connection elsewhere that does not let go (an old worker) must not stall every check: the
  // open fails, and sources are checked uncached, as before idb.
  let refuse: (error: Error) => void = () => undefined;
  const blockedOpen = new Promise<never>((_, reject) => (refuse = reject));
  // idb opens with the given factory when it is the global one; a test's own factory is swapped in.
  const opening = withFactory(factory, () =>
    openDB<CacheDB>(name, 1, {
      upgrade(database) {
        if (!database.objectStoreNames.contains('meta')) database.createObjectStore('meta', { keyPath: 'key' });
        if (!database.objectStoreNames.contains('bodies')) database.createObjectStore('bodies', { keyPath: 'key' });
      },
      blocked() {
        refuse(new Error('IndexedDB open blocked'));
        opening.then((late) => late.close(), () => undefined);
      },
      blocking(_current, _next, event) {
        // Another context upgrading the database must not wait on this one forever.
        (event.target as IDBDatabase).close();
      },
    }),
  );
  const db: IDBPDatabase<CacheDB> = await Promise.race([opening, blockedOpen]);

  const drop = async (key: string) => {
    const tx = db.transaction(['meta', 'bodies'], 'readwrite');
    await Promise.all([tx.objectStore('meta').delete(key), tx.objectStore('bodies').delete(key), tx.done]);
  };

  return {
    maxBytes,
    ttlMs,

    async get(key) {
      const tx = db.transaction(['meta', 'bodies'], 'readonly');
      const [rawMeta, rawBody] = await Promise.all([
        tx.objectStore('meta').get(key),
        tx.objectStore('bodies').get(key),
        tx.done,
      ]);
      if (rawMeta === undefined && rawBody === undefined) return null;
      const meta = CacheMetaSchema.safeParse(rawMeta);
      const body = CacheBodySchema.safeParse(rawBody);
      if (!meta.success || !body.success || meta.data.key !== key || body.data.key !== key) {
        await drop(key);
        return null;
      }
      const { html } = body.data;
      const htmlIntact = html === undefined ? meta.data.htmlHash === undefined : (await sha256Hex(html)) === meta.data.htmlHash;
      if ((await sha256Hex(body.data.text)) !== meta.data.hash || !htmlIntact) {
        await drop(key);
        return null;
      }
      const touched: CacheMeta = { ...meta.data, lastUsed: now() };
      await db.put('meta', touched).catch(() => undefined);
      const { v: _version, htmlHash: _htmlHash, ...rest } = touched;
      return { ...rest, text: body.data.text, ...(html !== undefined ? { html } : {}) };
    },

    async put(input) {
      const { text, html: givenHtml, ...fields } = input;
      // Past its bound the HTML is left out (the reader view shows the text), not the whole entry.
      const html = givenHtml !== undefined && givenHtml.length <= READER_HTML_MAX_CHARS ? givenHtml : undefined;
      const draft = {
        ...fields,
        v: CACHE_SCHEMA_VERSION,
        hash: await sha256Hex(text),
        ...(html !== undefined ? { htmlHash: await sha256Hex(html) } : {}),
        lastUsed: now(),
        bytes: 0,
      };
      draft.bytes =
        encoder.encode(text).byteLength +
        (html !== undefined ? encoder.encode(html).byteLength : 0) +
        encoder.encode(JSON.stringify(draft)).byteLength;
      const meta = CacheMetaSchema.parse(draft);
      if (meta.bytes > maxBytes) return;
      const tx = db.transaction(['meta', 'bodies'], 'readwrite');
      const metas = tx.objectStore('meta');
      const bodies = tx.objectStore('bodies');
      const body = CacheBodySchema.parse({ v: CACHE_SCHEMA_VERSION, key: meta.key, text, ...(html !== undefined ? { html } : {}) });
      await Promise.all([metas.put(meta), bodies.put(body)]);
      // Evict least recently used entries (and any unreadable record) until the bound holds.
      const all = await metas.getAll();
      let total = 0;
      const live: Array<{ key: string; bytes: number; lastUsed: number }> = [];
      for (const raw of all) {
        const parsed = CacheMetaSchema.safeParse(raw);
        if (!parsed.success) {
          const rawKey = (raw as { key?: unknown })?.key;
          if (typeof rawKey === 'string') {
            metas.delete(rawKey);
            bodies.delete(rawKey);
          }
          continue;
        }
        total += parsed.data.bytes;
        live.push(parsed.data);
      }
      live.sort((a, b) => a.lastUsed - b.lastUsed);
      for (const entry of live) {
        if (total <= maxBytes) break;
        if (entry.key === meta.key) continue;
        metas.delete(entry.key);
        bodies.delete(entry.key);
        total -= entry.bytes;
      }
      await tx.done;
    },

    delete: drop,

    async clear() {
      const tx = db.transaction(['meta', 'bodies'], 'readwrite');
      await Promise.all([tx.objectStore('meta').clear(), tx.objectStore('bodies').clear(), tx.done]);
    },

    async stats() {
      const all = await db.getAll('meta');
      let bytes = 0;
      let entries = 0;
      for (const raw of all) {
        const parsed = CacheMetaSchema.safeParse(raw);
        if (!parsed.success) continue;
        entries++;
        bytes += parsed.data.bytes;
      }
      return { entries, bytes };
    },

    close() {
      db.close();
    },
  };
}
