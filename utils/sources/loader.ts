/**
 * The source loader: a cited URL in, a `SourceOutcome` out (text, or a precise reason).
 * Guard → cache → fetch → read → cache, with concurrency limits and shared in-flight loads.
 *
 * Judgement calls:
 * - At most 2 requests per host and 16 in all at once: a page citing forty articles of one site
 *   must not look like an attack on it, and the reader's own browsing keeps its connections; a
 *   long page whose sources spread over many hosts still gets its visible claims in two rounds.
 *   Only the network part holds a slot; reading happens after the slot is released.
 * - Concurrent loads of one URL share one request, whichever claims cite it.
 * - Successes and lasting failures (4xx, PDF, not text, empty, paywall, too large) are cached;
 *   passing ones (network, timeout, 5xx) are not, so the next check tries again. Guard refusals
 *   cost nothing to recompute and are never cached.
 * - A stale entry with an ETag or Last-Modified is revalidated with a conditional request; a 304
 *   refreshes it without reading the page again.
 * - A paywall remembered from a load without the reader's logins is retried once they turn
 *   "use my logins" on.
 * - A cached entry's final URL passes the guard again for the page asking: a redirect that was
 *   fine for a loopback test page is not served to a public page.
 * - A reader (the offscreen document) that fails cannot say why; that is reported as `not_text`,
 *   the closest reason of the closed set ("the page could not be turned into text").
 */
import type { UnavailableReason } from './types';
import { DEFAULT_CACHE_TTL_MS, isFresh, type CachedSource, type CacheEntryInput, type SourceCache } from './cache';
import { fetchSource, type FetchResult } from './fetch';
import { looksLikePaywall, readPlainText, unreadableReason } from './read';
import type { HtmlReader, LoadOptions, ReadSource, SourceLoader, SourceOutcome } from './types';
import { checkSourceUrl, classifyHost, normalizeUrl } from './url';

export const MAX_REQUESTS_PER_HOST = 2;
export const MAX_REQUESTS_TOTAL = 16;
/** Sources taken from one page (the extractor caps its list at the same number). */
export const MAX_SOURCES_PER_PAGE = 200;

export interface LoaderSettings {
  /** Send the reader's cookies with source requests. */
  useLogins: boolean;
  /** Allow loopback and private-network sources from any page. */
  allowPrivate: boolean;
  /** Cache time to live. */
  ttlMs: number;
}

export interface SourceLoaderOptions {
  fetchImpl?: typeof fetch;
  readHtml: HtmlReader;
  cache?: SourceCache | null;
  settings: () => Promise<LoaderSettings> | LoaderSettings;
  now?: () => number;
  timeoutMs?: number;
  maxBytes?: number;
  perHost?: number;
  total?: number;
}

/** Failures worth remembering for the time to live: asking again would give the same answer. */
function isLasting(reason: UnavailableReason, httpStatus?: number): boolean {
  if (reason === 'http_error') return httpStatus !== undefined && httpStatus >= 400 && httpStatus < 500 && httpStatus !== 408 && httpStatus !== 429;
  return reason === 'pdf' || reason === 'not_text' || reason === 'empty' || reason === 'paywall' || reason === 'too_large';
}

/** A FIFO of waiters with a per-host and a global limit. */
export function createLimiter(perHost: number, total: number) {
  const active = new Map<string, number>();
  let running = 0;
  const queue: Array<{ host: string; start: () => void }> = [];
  const pump = () => {
    for (let i = 0; i < queue.length && running < total; ) {
      const waiter = queue[i];
      if ((active.get(waiter.host) ?? 0) < perHost) {
        queue.splice(i, 1);
        running++;
        active.set(waiter.host, (active.get(waiter.host) ?? 0) + 1);
        waiter.start();
      } else {
        i++;
      }
    }
  };
  const release = (host: string) => {
    running--;
    const left = (active.get(host) ?? 1) - 1;
    if (left > 0) active.set(host, left);
    else active.delete(host);
    pump();
  };
  return {
    async run<T>(host: string, task: () => Promise<T>): Promise<T> {
      await new Promise<void>((resolve) => {
        queue.push({ host, start: resolve });
        pump();
      });
      try {
        return await task();
      } finally {
        release(host);
      }
    },
    get running() {
      return running;
    },
  };
}

export function createSourceLoader(options: SourceLoaderOptions): SourceLoader {
  const now = options.now ?? Date.now;
  const cache = options.cache ?? null;
  const limiter = createLimiter(options.perHost ?? MAX_REQUESTS_PER_HOST, options.total ?? MAX_REQUESTS_TOTAL);
  const inFlight = new Map<string, Promise<SourceOutcome>>();

  const iso = (ms: number) => new Date(ms).toISOString();

  const failed = (
    url: string,
    reason: UnavailableReason,
    extra: { finalUrl?: string; httpStatus?: number; fetchedAt?: number; fromCache?: boolean } = {},
  ): SourceOutcome => ({
    ok: false,
    url,
    ...(extra.finalUrl ? { finalUrl: extra.finalUrl } : {}),
    reason,
    ...(extra.httpStatus !== undefined ? { httpStatus: extra.httpStatus } : {}),
    fetchedAt: iso(extra.fetchedAt ?? now()),
    fromCache: extra.fromCache ?? false,
  });

  const fromEntry = (url: string, entry: CachedSource): SourceOutcome => {
    if (entry.status === 'unavailable') {
      return failed(url, entry.reason ?? 'network', {
        finalUrl: entry.finalUrl,
        httpStatus: entry.httpStatus,
        fetchedAt: entry.fetchedAt,
        fromCache: true,
      });
    }
    return {
      ok: true,
      url,
      finalUrl: entry.finalUrl ?? url,
      fetchedAt: iso(entry.fetchedAt),
      fromCache: true,
      truncated: entry.truncated,
      text: entry.text,
      ...(entry.title ? { title: entry.title } : {}),
      ...(entry.byline ? { byline: entry.byline } : {}),
      ...(entry.published ? { published: entry.published } : {}),
    };
  };

  const store = async (entry: CacheEntryInput) => {
    try {
      await cache?.put(entry);
    } catch {
      // A full or broken cache only costs a refetch next time.
    }
  };

  const read = async (result: Extract<FetchResult, { ok: true; notModified: false }>): Promise<ReadSource | null> => {
    try {
      if (result.kind === 'text') return readPlainText(result.body);
      const doc = await options.readHtml(result.body, result.finalUrl);
      // A reader across a message boundary may drop the paywall flag: judge the text here too.
      return doc.paywall || looksLikePaywall({ text: doc.text }) ? { ...doc, paywall: true } : doc;
    } catch {
      return null;
    }
  };

  async function loadFresh(
    url: string,
    key: string,
    target: URL,
    pageUrl: string,
    settings: LoaderSettings,
    stale: CachedSource | null,
  ): Promise<SourceOutcome> {
    const conditional =
      stale && stale.status === 'ok' && (stale.etag || stale.lastModified)
        ? { ...(stale.etag ? { etag: stale.etag } : {}), ...(stale.lastModified ? { lastModified: stale.lastModified } : {}) }
        : undefined;
    const result = await limiter.run(target.hostname, () =>
      fetchSource(target.href, {
        pageUrl,
        fetchImpl: options.fetchImpl,
        timeoutMs: options.timeoutMs,
        maxBytes: options.maxBytes,
        credentials: settings.useLogins ? 'include' : 'omit',
        allowPrivate: settings.allowPrivate,
        conditional,
      }),
    );
    const fetchedAt = now();
    const base = { key, url };

    if (!result.ok) {
      if (cache && isLasting(result.reason, result.httpStatus)) {
        await store({
          ...base,
          finalUrl: result.finalUrl,
          status: 'unavailable',
          reason: result.reason,
          httpStatus: result.httpStatus,
          truncated: false,
          fetchedAt,
          text: '',
        });
      }
      return failed(url, result.reason, { finalUrl: result.finalUrl, httpStatus: result.httpStatus, fetchedAt });
    }

    if (result.notModified) {
      if (!stale) return failed(url, 'http_error', { finalUrl: result.finalUrl, httpStatus: 304, fetchedAt });
      const { hash: _hash, bytes: _bytes, lastUsed: _lastUsed, ...kept } = stale;
      const refreshed: CacheEntryInput = {
        ...kept,
        fetchedAt,
        ...(result.etag ? { etag: result.etag } : {}),
        ...(result.lastModified ? { lastModified: result.lastModified } : {}),
      };
      await store(refreshed);
      // The text is the cached one: the reader sees it as served from the cache.
      return fromEntry(url, { ...stale, fetchedAt });
    }

    const doc = await read(result);
    const reason: UnavailableReason | null = doc ? unreadableReason(doc, result.truncated) : 'not_text';
    const validators = {
      ...(result.etag ? { etag: result.etag } : {}),
      ...(result.lastModified ? { lastModified: result.lastModified } : {}),
    };
    if (reason || !doc) {
      const failure = reason ?? 'not_text';
      if (cache && isLasting(failure)) {
        await store({ ...base, finalUrl: result.finalUrl, status: 'unavailable', reason: failure, truncated: result.truncated, fetchedAt, text: '' });
      }
      return failed(url, failure, { finalUrl: result.finalUrl, fetchedAt });
    }
    const entry: CacheEntryInput = {
      ...base,
      finalUrl: result.finalUrl,
      status: 'ok',
      truncated: result.truncated,
      fetchedAt,
      text: doc.text,
      ...(doc.title ? { title: doc.title } : {}),
      ...(doc.byline ? { byline: doc.byline } : {}),
      ...(doc.published ? { published: doc.published } : {}),
      ...validators,
    };
    if (cache) await store(entry);
    return {
      ok: true,
      url,
      finalUrl: result.finalUrl,
      fetchedAt: iso(fetchedAt),
      fromCache: false,
      truncated: result.truncated,
      text: doc.text,
      ...(doc.title ? { title: doc.title } : {}),
      ...(doc.byline ? { byline: doc.byline } : {}),
      ...(doc.published ? { published: doc.published } : {}),
    };
  }

  async function loadOnce(
    url: string,
    key: string,
    target: URL,
    pageUrl: string,
    settings: LoaderSettings,
    bypassCache: boolean,
  ): Promise<SourceOutcome> {
    let stale: CachedSource | null = null;
    if (cache) {
      let entry: CachedSource | null = null;
      try {
        entry = (await cache.get(key)) ?? null;
      } catch {
        entry = null;
      }
      if (entry) {
        // The cached redirect target must be allowed for this page too.
        if (entry.finalUrl) {
          const check = checkSourceUrl(entry.finalUrl, pageUrl, { allowPrivate: settings.allowPrivate });
          if (!check.ok) return failed(url, check.reason, { finalUrl: entry.finalUrl });
        }
        // A wall met without the reader's logins may open with them: retry it once they are on.
        const retryWithLogins = entry.reason === 'paywall' && settings.useLogins;
        if (!bypassCache && !retryWithLogins && isFresh(entry, now(), settings.ttlMs)) return fromEntry(url, entry);
        stale = entry;
      }
    }
    // Re-check re-reads the page: no conditional request, the stale copy only serves as a fallback key.
    return loadFresh(url, key, target, pageUrl, settings, bypassCache ? null : stale);
  }

  return {
    async load(url: string, loadOptions: LoadOptions): Promise<SourceOutcome> {
      let settings: LoaderSettings;
      try {
        settings = await options.settings();
      } catch {
        // Unreadable settings fall back to the strict defaults, never to a wider guard.
        settings = { useLogins: false, allowPrivate: false, ttlMs: DEFAULT_CACHE_TTL_MS };
      }
      const check = checkSourceUrl(url, loadOptions.pageUrl, { allowPrivate: settings.allowPrivate });
      if (!check.ok) return failed(url, check.reason);
      const key = normalizeUrl(check.url) ?? check.url.href;
      // Loads are shared only between pages the guard treats alike, and a re-check never joins a
      // load that may be answered from the cache.
      const scope = settings.allowPrivate ? 'any' : classifyPageScope(loadOptions.pageUrl);
      const bypass = loadOptions.bypassCache ?? false;
      const sharedKey = `${scope} ${settings.useLogins ? 'cred' : 'anon'} ${key}`;
      const joinable = inFlight.get(`${sharedKey} fresh`) ?? (bypass ? undefined : inFlight.get(`${sharedKey} any`));
      if (joinable) return withUrl(await joinable, url);
      const flightKey = `${sharedKey} ${bypass ? 'fresh' : 'any'}`;
      const promise = loadOnce(url, key, check.url, loadOptions.pageUrl, settings, bypass).finally(() => {
        inFlight.delete(flightKey);
      });
      inFlight.set(flightKey, promise);
      return promise;
    },
  };
}

function classifyPageScope(pageUrl: string): string {
  try {
    const page = new URL(pageUrl);
    return page.protocol === 'http:' || page.protocol === 'https:' ? classifyHost(page.hostname) : 'public';
  } catch {
    return 'public';
  }
}

/** A shared outcome answers in the words of each caller's own URL. */
function withUrl(outcome: SourceOutcome, url: string): SourceOutcome {
  return outcome.url === url ? outcome : { ...outcome, url };
}
