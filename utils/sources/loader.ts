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
 *   fine for a loopback test page is not served to a public page. And an entry serves only pages
 *   whose guard mode refuses no less than the one it was fetched in (`fetchedIn`): a public name
 *   read for a loopback page may have pointed at 127.0.0.1, so a public page fetches it anew.
 * - A reader (the offscreen document) that fails cannot say why; that is reported as `not_text`,
 *   the closest reason of the closed set ("the page could not be turned into text").
 * - A dead original (archive.ts says which failures count) is read through the archived copy the
 *   citing page gives, or, when the reader turned the lookup on, the Wayback Machine's closest
 *   copy. The original is always asked first; when it reads, no archive is asked. The outcome
 *   keeps the original's URL and says `readFrom: "archive"`; it is cached under the original's
 *   key, so a warm check asks neither.
 */
import type { UnavailableReason } from './types';
import { DEFAULT_CACHE_TTL_MS, isFresh, type CachedSource, type CacheEntryInput, type SourceCache } from './cache';
import { archivedAtOf, fetchableArchiveUrl, isDeadLink, lookupWayback } from './archive';
import { fetchSource, type FetchResult } from './fetch';
import { readPdfHere } from './pdf';
import { readPlainText } from './read';
import { looksLikePaywall, unreadableReason } from './walls';
import type { HtmlReader, LoadOptions, PdfReader, ReadSource, SourceLoader, SourceOutcome } from './types';
import { createLimiter } from './limiter';
import { MAX_REQUESTS_PER_HOST, MAX_REQUESTS_TOTAL } from './limits';
import { checkSourceUrl, classifyHost, normalizeUrl } from './url';
import { guardModeOf, mayServe, type RequestGuard } from './request-guard';


export interface LoaderSettings {
  /** Send the reader's cookies with source requests. */
  useLogins: boolean;
  /** Allow loopback and private-network sources from any page. */
  allowPrivate: boolean;
  /** Cache time to live. */
  ttlMs: number;
  /** Ask the Wayback Machine for a copy of a dead link that the page gives none for (opt-in). */
  waybackLookup?: boolean;
}

export interface SourceLoaderOptions {
  fetchImpl?: typeof fetch;
  /** The browser's private-address rules for the requests (request-guard.ts); none in Node. */
  requestGuard?: RequestGuard;
  readHtml: HtmlReader;
  /** Reads PDFs; pdf.js where the loader runs by default (Chrome's worker hands them to the offscreen document). */
  readPdf?: PdfReader;
  cache?: SourceCache | null;
  settings: () => Promise<LoaderSettings> | LoaderSettings;
  now?: () => number;
  timeoutMs?: number;
  maxBytes?: number;
  maxPdfBytes?: number;
  /**
   * The Wayback availability endpoint (tests point it at a local stand-in): an address, or one
   * made from the citing page's (a stand-in on the test page's own server, whatever its port).
   */
  waybackEndpoint?: string | ((pageUrl: string) => string);
  perHost?: number;
  total?: number;
}

const LASTING = new Set<UnavailableReason>(['pdf', 'not_text', 'empty', 'paywall', 'too_large', 'js_required', 'pdf_no_text', 'pdf_encrypted', 'pdf_broken']);

/** Failures worth remembering for the time to live: asking again would give the same answer. */
function isLasting(reason: UnavailableReason, httpStatus?: number): boolean {
  if (reason === 'http_error') return httpStatus !== undefined && httpStatus >= 400 && httpStatus < 500 && httpStatus !== 408 && httpStatus !== 429;
  return LASTING.has(reason);
}

/** What fetching and reading one address gave. */
type Fetched =
  | { kind: 'failed'; reason: UnavailableReason; httpStatus?: number; finalUrl?: string }
  | { kind: 'not-modified'; finalUrl: string; etag?: string; lastModified?: string }
  | { kind: 'read'; doc: ReadSource; truncated: boolean; finalUrl: string; etag?: string; lastModified?: string };

/** The fields of a read source that an outcome and a cache entry share. */
function readFields(doc: ReadSource) {
  return {
    text: doc.text,
    ...(doc.html !== undefined ? { html: doc.html } : {}),
    ...(doc.title ? { title: doc.title } : {}),
    ...(doc.byline ? { byline: doc.byline } : {}),
    ...(doc.published ? { published: doc.published } : {}),
    ...(doc.pages ? { pages: doc.pages } : {}),
    ...(doc.pageCount ? { pageCount: doc.pageCount } : {}),
  };
}

function archiveFields(entry: Pick<CachedSource, 'readFrom' | 'archiveUrl' | 'archivedAt'>) {
  return entry.readFrom === 'archive'
    ? {
        readFrom: 'archive' as const,
        ...(entry.archiveUrl ? { archiveUrl: entry.archiveUrl } : {}),
        ...(entry.archivedAt ? { archivedAt: entry.archivedAt } : {}),
      }
    : {};
}

export function createSourceLoader(options: SourceLoaderOptions): SourceLoader & { flushed(): Promise<void> } {
  const now = options.now ?? Date.now;
  const cache = options.cache ?? null;
  const limiter = createLimiter(options.perHost ?? MAX_REQUESTS_PER_HOST, options.total ?? MAX_REQUESTS_TOTAL);
  const inFlight = new Map<string, Promise<SourceOutcome>>();
  const readPdf: PdfReader = options.readPdf ?? ((data) => readPdfHere(data));

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
      ...readFields(entry),
      ...archiveFields(entry),
    };
  };

  /**
   * Cache writes still running, by key. The outcome does not wait for its write (a write hashes
   * the text and takes IndexedDB transactions: on a long page they queued up behind each other
   * and held every verdict back); a later load of the same key waits for it before reading.
   */
  const writing = new Map<string, Promise<void>>();
  const store = (entry: CacheEntryInput): void => {
    if (!cache) return;
    const before = writing.get(entry.key) ?? Promise.resolve();
    const done: Promise<void> = before
      .then(() => cache.put(entry))
      // A full or broken cache only costs a refetch next time.
      .catch(() => undefined)
      .then(() => {
        if (writing.get(entry.key) === done) writing.delete(entry.key);
      });
    writing.set(entry.key, done);
  };

  /** The read page, or the reason it could not be read. */
  const read = async (result: Extract<FetchResult, { ok: true; notModified: false }>): Promise<ReadSource | UnavailableReason> => {
    try {
      if (result.kind === 'pdf') {
        const pdf = await readPdf(result.data, result.finalUrl);
        if (!pdf.ok) return pdf.reason;
        const { ok: _ok, truncated: _truncated, ...doc } = pdf;
        return doc;
      }
      const doc = result.kind === 'text' ? readPlainText(result.body) : await options.readHtml(result.body, result.finalUrl);
      // A reader across a message boundary may drop the paywall flag: judge the text here too.
      const checked = doc.paywall || looksLikePaywall({ text: doc.text }) ? { ...doc, paywall: true } : doc;
      return unreadableReason(checked, result.truncated) ?? checked;
    } catch {
      return 'not_text';
    }
  };

  /** How a page's requests pass the browser's private-address rules. */
  const guardFor = (pageUrl: string, settings: LoaderSettings) => {
    const guard = options.requestGuard;
    if (!guard) return undefined;
    const mode = guardModeOf(pageUrl, settings.allowPrivate);
    return (href: string, request: () => Promise<Response>) => guard.send(href, mode, request);
  };

  /** Fetches one address (held to the host limits) and reads what it answers. */
  async function fetchAndRead(
    href: string,
    pageUrl: string,
    settings: LoaderSettings,
    conditional?: { etag?: string; lastModified?: string },
  ): Promise<Fetched> {
    const result = await limiter.run(new URL(href).hostname, () =>
      fetchSource(href, {
        pageUrl,
        fetchImpl: options.fetchImpl,
        timeoutMs: options.timeoutMs,
        maxBytes: options.maxBytes,
        maxPdfBytes: options.maxPdfBytes,
        credentials: settings.useLogins ? 'include' : 'omit',
        allowPrivate: settings.allowPrivate,
        conditional,
        guard: guardFor(pageUrl, settings),
      }),
    );
    if (!result.ok) return { kind: 'failed', reason: result.reason, httpStatus: result.httpStatus, finalUrl: result.finalUrl };
    const validators = {
      ...(result.etag ? { etag: result.etag } : {}),
      ...(result.lastModified ? { lastModified: result.lastModified } : {}),
    };
    if (result.notModified) return { kind: 'not-modified', finalUrl: result.finalUrl, ...validators };
    const doc = await read(result);
    if (typeof doc === 'string') return { kind: 'failed', reason: doc, finalUrl: result.finalUrl };
    const pdfSkipped = result.kind === 'pdf' && (doc.pageCount ?? 0) > (doc.pages?.length ?? 0);
    return { kind: 'read', doc, truncated: result.truncated || pdfSkipped, finalUrl: result.finalUrl, ...validators };
  }

  /** The archived copy of a dead original, when the page gives one or the lookup finds one. */
  async function loadArchive(
    url: string,
    key: string,
    archiveUrl: string | undefined,
    pageUrl: string,
    settings: LoaderSettings,
  ): Promise<SourceOutcome | null> {
    let copy = archiveUrl;
    if (!copy && settings.waybackLookup) {
      const endpoint = typeof options.waybackEndpoint === 'function' ? options.waybackEndpoint(pageUrl) : options.waybackEndpoint;
      if (endpoint && !checkSourceUrl(endpoint, pageUrl, { allowPrivate: settings.allowPrivate }).ok) return null;
      const guard = guardFor(pageUrl, settings);
      const fetchImpl = options.fetchImpl ?? globalThis.fetch.bind(globalThis);
      const guarded: typeof fetch | undefined = guard ? (input, init) => guard(String(input), () => fetchImpl(input, init)) : options.fetchImpl;
      copy = (await lookupWayback(url, { endpoint, fetchImpl: guarded })) ?? undefined;
    }
    if (!copy) return null;
    const check = checkSourceUrl(copy, pageUrl, { allowPrivate: settings.allowPrivate });
    if (!check.ok) return null;
    // The reader's logins are for the sites they cite, never for an archive's copy of one.
    const got = await fetchAndRead(fetchableArchiveUrl(check.url.href), pageUrl, { ...settings, useLogins: false });
    if (got.kind !== 'read') return null;
    const fetchedAt = now();
    const archivedAt = archivedAtOf(copy);
    const archive = { readFrom: 'archive' as const, archiveUrl: copy, ...(archivedAt ? { archivedAt } : {}) };
    store({ key, url, status: 'ok', truncated: got.truncated, fetchedAt, fetchedIn: guardModeOf(pageUrl, settings.allowPrivate), ...readFields(got.doc), ...archive });
    return { ok: true, url, finalUrl: url, fetchedAt: iso(fetchedAt), fromCache: false, truncated: got.truncated, ...readFields(got.doc), ...archive };
  }

  async function loadFresh(
    url: string,
    key: string,
    target: URL,
    pageUrl: string,
    settings: LoaderSettings,
    stale: CachedSource | null,
    archiveUrl: string | undefined,
  ): Promise<SourceOutcome> {
    const conditional =
      stale && stale.status === 'ok' && stale.readFrom !== 'archive' && (stale.etag || stale.lastModified)
        ? { ...(stale.etag ? { etag: stale.etag } : {}), ...(stale.lastModified ? { lastModified: stale.lastModified } : {}) }
        : undefined;
    const got = await fetchAndRead(target.href, pageUrl, settings, conditional);
    const fetchedAt = now();
    const base = { key, url, fetchedIn: guardModeOf(pageUrl, settings.allowPrivate) };

    if (got.kind === 'failed') {
      if (isDeadLink(got.reason, got.httpStatus, got.finalUrl, target.href)) {
        const copy = await loadArchive(url, key, archiveUrl, pageUrl, settings);
        if (copy) return copy;
      }
      if (cache && isLasting(got.reason, got.httpStatus)) {
        store({
          ...base,
          finalUrl: got.finalUrl,
          status: 'unavailable',
          reason: got.reason,
          httpStatus: got.httpStatus,
          truncated: false,
          fetchedAt,
          text: '',
        });
      }
      return failed(url, got.reason, { finalUrl: got.finalUrl, httpStatus: got.httpStatus, fetchedAt });
    }

    if (got.kind === 'not-modified') {
      if (!stale) return failed(url, 'http_error', { finalUrl: got.finalUrl, httpStatus: 304, fetchedAt });
      const { hash: _hash, bytes: _bytes, lastUsed: _lastUsed, ...kept } = stale;
      const refreshed: CacheEntryInput = {
        ...kept,
        fetchedAt,
        ...(got.etag ? { etag: got.etag } : {}),
        ...(got.lastModified ? { lastModified: got.lastModified } : {}),
      };
      store(refreshed);
      // The text is the cached one: the reader sees it as served from the cache.
      return fromEntry(url, { ...stale, fetchedAt });
    }

    const entry: CacheEntryInput = {
      ...base,
      finalUrl: got.finalUrl,
      status: 'ok',
      truncated: got.truncated,
      fetchedAt,
      ...readFields(got.doc),
      ...(got.etag ? { etag: got.etag } : {}),
      ...(got.lastModified ? { lastModified: got.lastModified } : {}),
    };
    store(entry);
    return {
      ok: true,
      url,
      finalUrl: got.finalUrl,
      fetchedAt: iso(fetchedAt),
      fromCache: false,
      truncated: got.truncated,
      ...readFields(got.doc),
    };
  }

  async function loadOnce(
    url: string,
    key: string,
    target: URL,
    pageUrl: string,
    settings: LoaderSettings,
    bypassCache: boolean,
    archiveUrl: string | undefined,
  ): Promise<SourceOutcome> {
    let stale: CachedSource | null = null;
    // The request may follow the cache read: the browser's rules for this page get ready meanwhile.
    options.requestGuard?.prepare?.(guardModeOf(pageUrl, settings.allowPrivate));
    if (cache) {
      let entry: CachedSource | null = null;
      await writing.get(key);
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
      }
      // A copy fetched with a wider reach than this page's is not this page's to read, nor to revalidate.
      if (entry && !mayServe(entry.fetchedIn ?? 'open', guardModeOf(pageUrl, settings.allowPrivate))) entry = null;
      if (entry) {
        // A wall met without the reader's logins may open with them: retry it once they are on.
        const retryWithLogins = entry.reason === 'paywall' && settings.useLogins;
        if (!bypassCache && !retryWithLogins && isFresh(entry, now(), settings.ttlMs)) {
          // A remembered dead link that this page gives a copy of: read the copy, not the original again.
          if (entry.status === 'unavailable' && archiveUrl && entry.reason && isDeadLink(entry.reason, entry.httpStatus, undefined, url)) {
            const copy = await loadArchive(url, key, archiveUrl, pageUrl, settings);
            if (copy) return copy;
          }
          return fromEntry(url, entry);
        }
        stale = entry;
      }
    }
    // Re-check re-reads the page: no conditional request, the stale copy only serves as a fallback key.
    return loadFresh(url, key, target, pageUrl, settings, bypassCache ? null : stale, archiveUrl);
  }

  return {
    /** Resolves once every cache write started so far has finished. */
    async flushed(): Promise<void> {
      while (writing.size) await Promise.all(writing.values());
    },
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
      const archiveUrl = loadOptions.archiveUrl;
      const sharedKey = `${scope} ${settings.useLogins ? 'cred' : 'anon'} ${key} ${archiveUrl ?? ''}`;
      const joinable = inFlight.get(`${sharedKey} fresh`) ?? (bypass ? undefined : inFlight.get(`${sharedKey} any`));
      if (joinable) return withUrl(await joinable, url);
      const flightKey = `${sharedKey} ${bypass ? 'fresh' : 'any'}`;
      const promise = loadOnce(url, key, check.url, loadOptions.pageUrl, settings, bypass, archiveUrl).finally(() => {
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
