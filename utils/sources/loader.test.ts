// @vitest-environment node
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { openSourceCache, type OpenedSourceCache, type SourceCache } from './cache';
import { createSourceLoader, type LoaderSettings, type SourceLoaderOptions } from './loader';
import { MAX_REQUESTS_TOTAL } from './limits';
import { PrivateAddressRefused, type RequestGuard } from './request-guard';
import type { HtmlReader, SourceOutcome } from './types';
import { readHtmlWithJsdom as readHtml } from '../../tests/helpers/jsdom-reader';
import { useSourceServer } from '../../tests/helpers/use-source-server';

const TTL = 24 * 3_600_000;


const server = useSourceServer();

interface Harness {
  load: (path: string, opts?: { bypassCache?: boolean; pageUrl?: string }) => Promise<SourceOutcome>;
  cache: OpenedSourceCache;
  factory: IDBFactory;
  settings: LoaderSettings;
  advance: (ms: number) => void;
  restart: () => Promise<void>;
  /** Waits for the loader's cache writes (a load answers before its write is done). */
  flushed: () => Promise<void>;
}

/** A loader on the fixture server with its own fresh IndexedDB and a controllable clock. */
async function harness(extra: Partial<SourceLoaderOptions> = {}): Promise<Harness> {
  const factory = new IDBFactory();
  let clock = Date.parse('2026-01-01T00:00:00Z');
  const settings: LoaderSettings = { useLogins: false, allowPrivate: false, ttlMs: TTL };
  const make = async () => {
    const cache = await openSourceCache({ name: 'loader-test', indexedDB: factory, now: () => clock });
    const loader = createSourceLoader({ readHtml, cache, settings: () => settings, now: () => clock, timeoutMs: 2000, ...extra });
    return { cache, loader };
  };
  let current = await make();
  const h: Harness = {
    load: (path, opts = {}) =>
      current.loader.load(path.startsWith('/') ? `${server.url}${path}` : path, {
        pageUrl: opts.pageUrl ?? `${server.url}/index.html`,
        bypassCache: opts.bypassCache,
      }),
    get cache() {
      return current.cache;
    },
    factory,
    settings,
    advance: (ms) => {
      clock += ms;
    },
    restart: async () => {
      current.cache.close();
      current = await make();
    },
    flushed: () => current.loader.flushed(),
  };
  return h;
}

const brief = (o: SourceOutcome) => (o.ok ? { ok: true, truncated: o.truncated } : { ok: false, reason: o.reason, httpStatus: o.httpStatus });

describe('source loader: every case names its outcome', () => {
  const cases: Array<[string, string, ReturnType<typeof brief>]> = [
    ['/article.html', 'a UTF-8 article', { ok: true, truncated: false }],
    ['/charset/latin1-header', 'Latin-1 by header', { ok: true, truncated: false }],
    ['/charset/latin1-meta', 'Latin-1 by <meta>', { ok: true, truncated: false }],
    ['/charset/shift-jis', 'Shift_JIS by <meta>', { ok: true, truncated: false }],
    ['/xhtml', 'XHTML', { ok: true, truncated: false }],
    ['/plain.txt', 'text/plain', { ok: true, truncated: false }],
    ['/doc.pdf', 'a PDF', { ok: true, truncated: false }],
    ['/octet.pdf', 'a PDF served as application/octet-stream', { ok: true, truncated: false }],
    ['/pdf/scanned.pdf', 'a scanned PDF', { ok: false, reason: 'pdf_no_text', httpStatus: undefined }],
    ['/pdf/encrypted.pdf', 'a password-protected PDF', { ok: false, reason: 'pdf_encrypted', httpStatus: undefined }],
    ['/pdf/broken.pdf', 'a broken PDF', { ok: false, reason: 'pdf_broken', httpStatus: undefined }],
    ['/image.png', 'an image', { ok: false, reason: 'not_text', httpStatus: undefined }],
    ['/redirect/a', 'a 301 → 302 chain', { ok: true, truncated: false }],
    ['/redirect/loop-a', 'a redirect loop', { ok: false, reason: 'network', httpStatus: undefined }],
    ['/redirect/private', 'a redirect to a private address', { ok: false, reason: 'blocked_private', httpStatus: undefined }],
    ['/status/404', 'a 404', { ok: false, reason: 'http_error', httpStatus: 404 }],
    ['/status/500', 'a 500', { ok: false, reason: 'http_error', httpStatus: 500 }],
    ['/slow/headers?ms=3000', 'a response past the timeout', { ok: false, reason: 'timeout', httpStatus: undefined }],
    ['/big?kb=256', 'a body past the byte cap (64 kB here)', { ok: true, truncated: true }],
    ['/big-script?kb=256', 'a cap that keeps only script', { ok: false, reason: 'too_large', httpStatus: undefined }],
    ['/empty', 'an empty page', { ok: false, reason: 'empty', httpStatus: undefined }],
    ['/empty-body', 'an empty body', { ok: false, reason: 'empty', httpStatus: undefined }],
    ['/js-app', 'a script-only app shell', { ok: false, reason: 'js_required', httpStatus: undefined }],
    ['/app-shell', 'an empty app root without <noscript>', { ok: false, reason: 'js_required', httpStatus: undefined }],
    ['/paywall', 'a paywall', { ok: false, reason: 'paywall', httpStatus: undefined }],
    ['/login', 'a login wall', { ok: false, reason: 'paywall', httpStatus: undefined }],
    ['/cookie-wall', 'a cookie wall', { ok: false, reason: 'paywall', httpStatus: undefined }],
    ['/references', 'a page that is mostly a reference list', { ok: true, truncated: false }],
    ['not a url', 'an invalid URL', { ok: false, reason: 'invalid_url', httpStatus: undefined }],
    ['javascript:alert(1)', 'a javascript: URL', { ok: false, reason: 'blocked_scheme', httpStatus: undefined }],
  ];
  it.each(cases)('%s (%s)', async (path, _name, expected) => {
    // A small cap keeps jsdom fast; the 5 MB default is asserted on the fetcher alone.
    const h = await harness({ timeoutMs: path.startsWith('/slow') ? 200 : 5000, maxBytes: 64 * 1024 });
    const outcome = await h.load(path);
    expect(brief(outcome)).toEqual(expected);
  });

  it('returns the text, title, date and final URL of a readable source', async () => {
    const h = await harness();
    const outcome = await h.load('/redirect/a');
    if (!outcome.ok) throw new Error(outcome.reason);
    expect(outcome).toMatchObject({
      url: `${server.url}/redirect/a`,
      finalUrl: `${server.url}/article.html`,
      title: 'Harbour town doubles its tidal turbine output',
      published: '2024-03-18T09:30:00.000Z',
      fromCache: false,
      fetchedAt: '2026-01-01T00:00:00.000Z',
    });
    expect(outcome.text).toContain('41 gigawatt hours');
  });

  it('reads a reference-list page without its references', async () => {
    const h = await harness();
    const outcome = await h.load('/references');
    expect(outcome.ok && outcome.text).toContain('library roof');
    expect(outcome.ok && outcome.text).not.toContain('Rooftop colonies');
  });

  it('decodes legacy charsets before reading', async () => {
    const h = await harness();
    const latin = await h.load('/charset/latin1-meta');
    expect(latin.ok && latin.text).toContain('Hélène Marçeau');
    const sjis = await h.load('/charset/shift-jis');
    expect(sjis.ok && sjis.title).toBe('日本語の記事');
  });

  it('refuses a public article’s loopback source without a request', async () => {
    const h = await harness();
    const outcome = await h.load('/article.html', { pageUrl: 'https://news.example.com/story' });
    expect(brief(outcome)).toEqual({ ok: false, reason: 'blocked_private', httpStatus: undefined });
    expect(server.total()).toBe(0);
  });

  it('maps a reader that throws to not_text', async () => {
    const h = await harness({
      readHtml: async () => {
        throw new Error('offscreen document gone');
      },
    });
    expect(brief(await h.load('/article.html'))).toEqual({ ok: false, reason: 'not_text', httpStatus: undefined });
  });

  it('still catches a paywall when the reader drops the flag', async () => {
    const h = await harness({ readHtml: async (html, url) => ({ ...(await readHtml(html, url)), paywall: undefined }) });
    expect(brief(await h.load('/paywall'))).toEqual({ ok: false, reason: 'paywall', httpStatus: undefined });
  });

  it('sends the reader’s cookies only when "use my logins" is on', async () => {
    const seen: Array<RequestCredentials | undefined> = [];
    const spy: typeof fetch = (input, init) => {
      seen.push(init?.credentials);
      return fetch(input, init);
    };
    const h = await harness({ fetchImpl: spy });
    await h.load('/article.html');
    h.settings.useLogins = true;
    await h.load('/plain.txt');
    expect(seen).toEqual(['omit', 'include']);
  });
});

describe('source loader: cache', () => {
  it('serves a second load from the cache without a request', async () => {
    const h = await harness();
    const first = await h.load('/article.html');
    const second = await h.load('/article.html#section-2');
    expect(first.fromCache).toBe(false);
    expect(second.fromCache).toBe(true);
    expect(second.ok && first.ok && second.text === first.text).toBe(true);
    expect(server.count('/article.html')).toBe(1);
  });

  it('stores the extracted text, never the raw HTML', async () => {
    const h = await harness();
    const outcome = await h.load('/article.html');
    await h.flushed();
    const stored = await h.cache.get(`${server.url}/article.html`);
    expect(stored?.text).toBe(outcome.ok ? outcome.text : 'no text');
    expect(stored?.text).not.toMatch(/<\/?[a-z]/i);
    expect(stored).toMatchObject({ status: 'ok', finalUrl: `${server.url}/article.html`, title: 'Harbour town doubles its tidal turbine output' });
  });

  it('keeps the reader view’s HTML its reader gives with the text, and serves it from the cache', async () => {
    const withHtml: HtmlReader = async (html, url) => ({ ...(await readHtml(html, url)), html: '<p><em>Sanitised</em> reader HTML.</p>' });
    const h = await harness({ readHtml: withHtml });
    const first = await h.load('/article.html');
    expect(first.ok && first.html).toBe('<p><em>Sanitised</em> reader HTML.</p>');
    await h.flushed();
    expect((await h.cache.get(`${server.url}/article.html`))?.html).toBe('<p><em>Sanitised</em> reader HTML.</p>');
    const again = await h.load('/article.html');
    expect(again.ok && again.fromCache && again.html).toBe('<p><em>Sanitised</em> reader HTML.</p>');
    // The default reader of this harness asks for no HTML: none is stored.
    const plain = await harness();
    await plain.load('/article.html');
    await plain.flushed();
    expect(await plain.cache.get(`${server.url}/article.html`)).not.toBeNull();
    expect(await plain.cache.get(`${server.url}/article.html`)).not.toHaveProperty('html');
  });

  it('still has it after a restart (new loader, cache reopened)', async () => {
    const h = await harness();
    await h.load('/article.html');
    await h.flushed();
    await h.restart();
    const again = await h.load('/article.html');
    expect(again.ok && again.fromCache).toBe(true);
    expect(server.count('/article.html')).toBe(1);
  });

  it('answers before its cache write is done; a second load waits for the write and makes no request', async () => {
    const h = await harness();
    let release = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    let written = 0;
    const slow: SourceCache = {
      get: (key) => h.cache.get(key),
      put: async (entry) => {
        await gate;
        await h.cache.put(entry);
        written++;
      },
      delete: (key) => h.cache.delete(key),
      clear: () => h.cache.clear(),
      stats: () => h.cache.stats(),
    };
    const loader = createSourceLoader({ readHtml, cache: slow, settings: () => h.settings, timeoutMs: 2000 });
    const options = { pageUrl: `${server.url}/index.html` };
    const first = await loader.load(`${server.url}/article.html`, options);
    expect(first.ok && !first.fromCache).toBe(true);
    expect(written).toBe(0);
    const second = loader.load(`${server.url}/article.html`, options);
    release();
    expect((await second).fromCache).toBe(true);
    expect(written).toBe(1);
    expect(server.count('/article.html')).toBe(1);
  });

  it('fetches again once the time to live has passed', async () => {
    const h = await harness();
    await h.load('/article.html');
    h.advance(TTL - 1);
    expect((await h.load('/article.html')).fromCache).toBe(true);
    h.advance(2);
    const expired = await h.load('/article.html');
    expect(expired.fromCache).toBe(false);
    expect(server.count('/article.html')).toBe(2);
  });

  it('follows the reader’s time to live setting', async () => {
    const h = await harness();
    await h.load('/article.html');
    h.settings.ttlMs = 60_000;
    h.advance(61_000);
    expect((await h.load('/article.html')).fromCache).toBe(false);
  });

  it.each([
    ['/etag', 'an ETag'],
    ['/last-modified', 'a Last-Modified date'],
  ])('revalidates a stale entry with %s and a 304 (%s)', async (path) => {
    const h = await harness();
    const first = await h.load(path);
    h.advance(TTL + 1);
    const revalidated = await h.load(path);
    expect(server.count(path)).toBe(2);
    expect(revalidated.fromCache).toBe(true);
    expect(revalidated.fetchedAt).toBe(new Date(Date.parse('2026-01-01T00:00:00Z') + TTL + 1).toISOString());
    expect(revalidated.ok && first.ok && revalidated.text === first.text).toBe(true);
    // The 304 renewed the entry: the next load is fresh again, with no request.
    h.advance(1000);
    expect((await h.load(path)).fromCache).toBe(true);
    expect(server.count(path)).toBe(2);
  });

  it('bypasses a fresh entry on re-check, and stores the fresh result', async () => {
    const h = await harness();
    await h.load('/etag');
    const recheck = await h.load('/etag', { bypassCache: true });
    expect(recheck.fromCache).toBe(false);
    expect(server.count('/etag')).toBe(2);
    expect((await h.load('/etag')).fromCache).toBe(true);
    expect(server.count('/etag')).toBe(2);
  });

  it('recovers from a corrupt entry by fetching again', async () => {
    const h = await harness();
    await h.load('/article.html');
    await h.flushed();
    const key = `${server.url}/article.html`;
    await new Promise<void>((resolve, reject) => {
      const open = h.factory.open('loader-test', 1);
      open.onsuccess = () => {
        const db = open.result;
        const tx = db.transaction('meta', 'readwrite');
        tx.objectStore('meta').put({ key, v: 1, status: 'ok', text: 12 });
        tx.oncomplete = () => {
          db.close();
          resolve();
        };
        tx.onerror = () => reject(tx.error);
      };
    });
    const again = await h.load('/article.html');
    expect(brief(again)).toEqual({ ok: true, truncated: false });
    expect(again.fromCache).toBe(false);
    expect(server.count('/article.html')).toBe(2);
  });

  it('remembers a lasting failure (404) but retries a passing one (500)', async () => {
    const h = await harness();
    await h.load('/status/404');
    const again404 = await h.load('/status/404');
    expect(brief(again404)).toEqual({ ok: false, reason: 'http_error', httpStatus: 404 });
    expect(again404.fromCache).toBe(true);
    await h.load('/status/500');
    await h.load('/status/500');
    expect(server.count('/status/404')).toBe(1);
    expect(server.count('/status/500')).toBe(2);
  });

  it('retries a remembered paywall once the reader turns on their logins', async () => {
    const h = await harness();
    await h.load('/paywall');
    expect((await h.load('/paywall')).fromCache).toBe(true);
    expect(server.count('/paywall')).toBe(1);
    h.settings.useLogins = true;
    expect((await h.load('/paywall')).fromCache).toBe(false);
    expect(server.count('/paywall')).toBe(2);
  });

  it('falls back to the strict guard when the settings cannot be read', async () => {
    const loader = createSourceLoader({
      readHtml,
      settings: async () => {
        throw new Error('storage unavailable');
      },
    });
    const outcome = await loader.load('http://192.168.1.1/', { pageUrl: 'https://news.example.com/' });
    expect(brief(outcome)).toEqual({ ok: false, reason: 'blocked_private', httpStatus: undefined });
  });

  it('does not serve a cached redirect into loopback to a page that may not reach loopback', async () => {
    const routed: typeof fetch = (input, init) => fetch(String(input).replace('http://mirror.example', server.url), init);
    const h = await harness({ fetchImpl: routed });
    h.settings.allowPrivate = true;
    const allowed = await h.load('http://mirror.example/redirect/loopback', { pageUrl: 'https://news.example.com/' });
    expect(allowed.ok && allowed.finalUrl).toMatch(/^http:\/\/localhost:\d+\/article\.html$/);
    h.settings.allowPrivate = false;
    const refused = await h.load('http://mirror.example/redirect/loopback', { pageUrl: 'https://news.example.com/' });
    expect(brief(refused)).toEqual({ ok: false, reason: 'blocked_private', httpStatus: undefined });
    expect(server.count('/redirect/loopback')).toBe(1);
  });

  it('works without a cache', async () => {
    const settingsFn = createSourceLoader({ readHtml, cache: null, settings: () => ({ useLogins: false, allowPrivate: false, ttlMs: TTL }) });
    const pageUrl = `${server.url}/index.html`;
    expect((await settingsFn.load(`${server.url}/article.html`, { pageUrl })).ok).toBe(true);
    expect((await settingsFn.load(`${server.url}/article.html`, { pageUrl })).fromCache).toBe(false);
    expect(server.count('/article.html')).toBe(2);
  });
});

describe('source loader: concurrency', () => {
  it('shares one request between concurrent loads of one URL', async () => {
    const h = await harness();
    const outcomes = await Promise.all(Array.from({ length: 5 }, (_, i) => h.load(`/hold/shared?ms=100#claim-${i}`)));
    expect(outcomes.every((o) => o.ok)).toBe(true);
    expect(server.count('/hold/shared')).toBe(1);
    // Each caller gets its own URL back.
    expect(outcomes.map((o) => o.url.split('#')[1])).toEqual(['claim-0', 'claim-1', 'claim-2', 'claim-3', 'claim-4']);
  });

  it('does not let a public page join a load that a loopback page may make', async () => {
    // A loopback page's load of a URL that redirects into loopback must not answer a public page.
    const routed: typeof fetch = (input, init) => fetch(String(input).replace('http://mirror.example', server.url), init);
    const h = await harness({ fetchImpl: routed });
    const url = 'http://mirror.example/redirect/loopback';
    const [fromLoopbackPage, fromPublicPage] = await Promise.all([
      h.load(url, { pageUrl: `${server.url}/index.html` }),
      h.load(url, { pageUrl: 'https://news.example.com/' }),
    ]);
    expect(brief(fromLoopbackPage)).toEqual({ ok: true, truncated: false });
    expect(brief(fromPublicPage)).toEqual({ ok: false, reason: 'blocked_private', httpStatus: undefined });
  });

  it('runs at most 2 requests per host at once', async () => {
    const h = await harness();
    const outcomes = await Promise.all(Array.from({ length: 6 }, (_, i) => h.load(`/hold/${i}?ms=80`)));
    expect(outcomes.every((o) => o.ok)).toBe(true);
    expect(server.maxConcurrent()).toBe(2);
  });

  it('runs at most MAX_REQUESTS_TOTAL (16) requests in all at once', async () => {
    // Twenty public hosts, all routed to the fixture server.
    const routed: typeof fetch = (input, init) =>
      fetch(String(input).replace(/^http:\/\/host\d+\.example/, server.url), init);
    // The server answers none until sixteen are in progress at once, then each 200 ms later: a
    // loader that let more through would be seen above sixteen in that time. The last four wait
    // for a slot; no timeout may cut them short on a busy machine, this test is about the limit.
    const h = await harness({ fetchImpl: routed, timeoutMs: 30_000 });
    const outcomes = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        h.load(`http://host${i}.example/hold/${i}?ms=200&until=${MAX_REQUESTS_TOTAL}`, { pageUrl: 'https://news.example.com/' }),
      ),
    );
    expect(outcomes.every((o) => o.ok)).toBe(true);
    expect(MAX_REQUESTS_TOTAL).toBe(16);
    expect(server.maxConcurrent()).toBe(MAX_REQUESTS_TOTAL);
  });
});

describe('loader: requests pass the browser guard in their page’s mode', () => {
  /** A guard that records each request's URL and mode, and lets it through. */
  function recordingGuard() {
    const seen: string[] = [];
    const requestGuard: RequestGuard = {
      send: (url, mode, request) => {
        seen.push(`${mode} ${new URL(url).pathname}`);
        return request();
      },
      open: (request) => request(),
    };
    return { seen, requestGuard };
  }

  it('a loopback page’s sources are sent in loopback mode, a public page’s guarded, all open with private addresses allowed', async () => {
    const { seen, requestGuard } = recordingGuard();
    // Public names routed to the fixture server, as a browser with a host rule would.
    const routed: typeof fetch = (input, init) => fetch(String(input).replace('http://public.example', server.url), init);
    const h = await harness({ requestGuard, fetchImpl: routed });
    expect(await h.load('/article.html')).toMatchObject({ ok: true });
    expect(await h.load('http://public.example/plain.txt', { pageUrl: 'https://news.example.com/a' })).toMatchObject({ ok: true });
    h.settings.allowPrivate = true;
    expect(await h.load('http://public.example/no-type', { pageUrl: 'https://news.example.com/a' })).toMatchObject({ ok: true });
    expect(seen).toEqual(['loopback /article.html', 'guarded /plain.txt', 'open /no-type']);
  });

  it('a copy fetched for a loopback page, or with private addresses allowed, is fetched anew for a public page; a public page’s copy serves all', async () => {
    const { seen, requestGuard } = recordingGuard();
    const routed: typeof fetch = (input, init) => fetch(String(input).replace('http://public.example', server.url), init);
    const h = await harness({ requestGuard, fetchImpl: routed });
    const publicPage = { pageUrl: 'https://news.example.com/a' };
    // Read for a loopback page first (its name could have pointed at 127.0.0.1 then).
    expect(await h.load('http://public.example/plain.txt')).toMatchObject({ ok: true, fromCache: false });
    expect(await h.load('http://public.example/plain.txt')).toMatchObject({ ok: true, fromCache: true });
    expect(await h.load('http://public.example/plain.txt', publicPage)).toMatchObject({ ok: true, fromCache: false });
    // Now fetched in guarded mode: it serves the public page and the loopback page.
    expect(await h.load('http://public.example/plain.txt', publicPage)).toMatchObject({ ok: true, fromCache: true });
    expect(await h.load('http://public.example/plain.txt')).toMatchObject({ ok: true, fromCache: true });
    h.settings.allowPrivate = true;
    expect(await h.load('http://public.example/no-type', publicPage)).toMatchObject({ ok: true, fromCache: false });
    h.settings.allowPrivate = false;
    expect(await h.load('http://public.example/no-type', publicPage)).toMatchObject({ ok: true, fromCache: false });
    // An intranet page's copy does not serve a loopback page either (each reaches a kind the other may not).
    const intranetPage = { pageUrl: 'http://wiki.corp.internal/Page' };
    expect(await h.load('http://public.example/article.html', intranetPage)).toMatchObject({ ok: true, fromCache: false });
    expect(await h.load('http://public.example/article.html')).toMatchObject({ ok: true, fromCache: false });
    expect(seen).toEqual(['loopback /plain.txt', 'guarded /plain.txt', 'open /no-type', 'guarded /no-type', 'private /article.html', 'loopback /article.html']);
  });

  it('asks the guard to get ready for the page’s mode before the cache is read, so the request need not wait for it', async () => {
    const order: string[] = [];
    const requestGuard: RequestGuard = {
      send: (url, mode, request) => {
        order.push(`send ${mode}`);
        return request();
      },
      open: (request) => request(),
      prepare: (mode) => void order.push(`prepare ${mode}`),
    };
    const h = await harness({ requestGuard });
    const cache: SourceCache = {
      get: async (key) => {
        order.push('cache read');
        return h.cache.get(key);
      },
      put: (entry) => h.cache.put(entry),
      delete: (key) => h.cache.delete(key),
      clear: () => h.cache.clear(),
      stats: () => h.cache.stats(),
    };
    const loader = createSourceLoader({ readHtml, cache, requestGuard, settings: () => h.settings, timeoutMs: 2000 });
    expect(await loader.load(`${server.url}/article.html`, { pageUrl: 'https://news.example.com/a' })).toMatchObject({ ok: false, reason: 'blocked_private' });
    expect(order).toEqual([]);
    expect(await loader.load(`${server.url}/article.html`, { pageUrl: `${server.url}/index.html` })).toMatchObject({ ok: true });
    expect(order).toEqual(['prepare loopback', 'cache read', 'send loopback']);
  });

  it('a refusal by the guard is blocked_private, and is not cached', async () => {
    const requestGuard: RequestGuard = {
      send: async () => {
        throw new PrivateAddressRefused('http://10.0.0.1/');
      },
      open: (request) => request(),
    };
    const routed: typeof fetch = (input, init) => fetch(String(input).replace('http://public.example', server.url), init);
    const h = await harness({ requestGuard, fetchImpl: routed });
    expect(await h.load('http://public.example/article.html', { pageUrl: 'https://news.example.com/a' })).toMatchObject({ ok: false, reason: 'blocked_private' });
    await h.flushed();
    expect((await h.cache.stats()).entries).toBe(0);
  });
});
