// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { fetchSource, type FetchResult, type FetchSourceOptions } from './fetch';
import { PrivateAddressRefused } from './request-guard';
import { startSourceServer } from '../../tests/helpers/source-server';
import { useSourceServer } from '../../tests/helpers/use-source-server';

const server = useSourceServer({ resetEach: false });

/** The article under test is served from loopback too, so loopback sources are allowed. */
const get = (path: string, opts: Partial<FetchSourceOptions> = {}) =>
  fetchSource(`${server.url}${path}`, { pageUrl: `${server.url}/index.html`, timeoutMs: 2000, ...opts });

function summary(result: FetchResult) {
  if (!result.ok) return { ok: false, reason: result.reason, httpStatus: result.httpStatus };
  if (result.notModified) return { ok: true, notModified: true };
  return { ok: true, kind: result.kind, truncated: result.truncated };
}

describe('fetchSource: each case has one exact outcome', () => {
  const cases: Array<[string, string, Partial<FetchSourceOptions>, ReturnType<typeof summary>]> = [
    ['a UTF-8 HTML page', '/article.html', {}, { ok: true, kind: 'html', truncated: false }],
    ['XHTML', '/xhtml', {}, { ok: true, kind: 'html', truncated: false }],
    ['text/plain', '/plain.txt', {}, { ok: true, kind: 'text', truncated: false }],
    ['HTML without a content type (sniffed)', '/no-type', {}, { ok: true, kind: 'html', truncated: false }],
    ['a PDF', '/doc.pdf', {}, { ok: true, kind: 'pdf', truncated: false }],
    ['a PDF labelled octet-stream', '/octet.pdf', {}, { ok: true, kind: 'pdf', truncated: false }],
    ['a PDF labelled text/html', '/mislabelled.pdf', {}, { ok: true, kind: 'pdf', truncated: false }],
    ['a PDF longer than the PDF cap (by its length)', '/doc.pdf', { maxPdfBytes: 1000 }, { ok: false, reason: 'too_large', httpStatus: undefined }],
    ['an octet-stream PDF cut by the PDF cap', '/octet.pdf', { maxPdfBytes: 1000 }, { ok: false, reason: 'too_large', httpStatus: undefined }],
    ['a PDF label on an HTML page', '/pdf/no-pdf', {}, { ok: false, reason: 'not_text', httpStatus: undefined }],
    ['an image', '/image.png', {}, { ok: false, reason: 'not_text', httpStatus: undefined }],
    ['binary bytes labelled octet-stream', '/binary', {}, { ok: false, reason: 'not_text', httpStatus: undefined }],
    ['a 301 → 302 chain', '/redirect/a', {}, { ok: true, kind: 'html', truncated: false }],
    ['a 303 to text', '/redirect/303', {}, { ok: true, kind: 'text', truncated: false }],
    ['a redirect loop', '/redirect/loop-a', {}, { ok: false, reason: 'network', httpStatus: undefined }],
    ['a chain longer than the hop limit', '/redirect/a', { maxRedirects: 1 }, { ok: false, reason: 'network', httpStatus: undefined }],
    ['a redirect to a private address', '/redirect/private', {}, { ok: false, reason: 'blocked_private', httpStatus: undefined }],
    ['a redirect to the metadata address', '/redirect/metadata', {}, { ok: false, reason: 'blocked_private', httpStatus: undefined }],
    ['a redirect to ftp', '/redirect/ftp', {}, { ok: false, reason: 'blocked_scheme', httpStatus: undefined }],
    ['a redirect without a Location', '/redirect/no-location', {}, { ok: false, reason: 'http_error', httpStatus: 302 }],
    ['404', '/status/404', {}, { ok: false, reason: 'http_error', httpStatus: 404 }],
    ['410', '/status/410', {}, { ok: false, reason: 'http_error', httpStatus: 410 }],
    ['500', '/status/500', {}, { ok: false, reason: 'http_error', httpStatus: 500 }],
    ['headers later than the timeout', '/slow/headers?ms=3000', { timeoutMs: 200 }, { ok: false, reason: 'timeout', httpStatus: undefined }],
    ['a body that stalls past the timeout', '/slow/body?ms=3000', { timeoutMs: 200 }, { ok: false, reason: 'timeout', httpStatus: undefined }],
    ['a body past the byte cap', '/big?kb=256', { maxBytes: 32 * 1024 }, { ok: true, kind: 'html', truncated: true }],
    ['a body just under the byte cap', '/article.html', { maxBytes: 64 * 1024 }, { ok: true, kind: 'html', truncated: false }],
  ];
  it.each(cases)('%s', async (_name, path, opts, expected) => {
    expect(summary(await get(path, opts))).toEqual(expected);
  });

  it('refuses a public article’s loopback source before any request', async () => {
    server.reset();
    const result = await fetchSource(`${server.url}/article.html`, { pageUrl: 'https://news.example.com/' });
    expect(summary(result)).toEqual({ ok: false, reason: 'blocked_private', httpStatus: undefined });
    expect(server.total()).toBe(0);
  });

  it('maps a refused connection to network', async () => {
    const closed = await startSourceServer();
    const url = `${closed.url}/article.html`;
    await closed.close();
    const result = await fetchSource(url, { pageUrl: url });
    expect(summary(result)).toEqual({ ok: false, reason: 'network', httpStatus: undefined });
  });
});

describe('fetchSource: what a success carries', () => {
  it('records the final URL of a redirect chain', async () => {
    const result = await get('/redirect/a');
    expect(result.ok && result.finalUrl).toBe(`${server.url}/article.html`);
  });

  it('hands a PDF over whole, as bytes, under its own cap (larger than the page cap)', async () => {
    const result = await get('/octet.pdf', { maxBytes: 1000 });
    if (!result.ok || result.notModified || result.kind !== 'pdf') throw new Error('expected a PDF');
    expect(result.contentType).toBe('application/pdf');
    expect(result.data.byteLength).toBe(result.bytes);
    expect(result.bytes).toBeGreaterThan(1000);
    expect(String.fromCharCode(...result.data.subarray(0, 5))).toBe('%PDF-');
  });

  it('asks for PDFs in its Accept header', async () => {
    const result = await get('/echo-headers');
    if (!result.ok || result.notModified || result.kind === 'pdf') throw new Error('expected a body');
    expect((JSON.parse(result.body) as Record<string, string>).accept).toContain('application/pdf');
  });

  it('ends a request on the caller\'s signal as a network failure, not a timeout', async () => {
    const controller = new AbortController();
    const pending = get('/slow/headers?ms=3000', { signal: controller.signal, timeoutMs: 2000 });
    setTimeout(() => controller.abort(), 50);
    expect(summary(await pending)).toEqual({ ok: false, reason: 'network', httpStatus: undefined });
  });

  it('caps a body at 5 MB by default', async () => {
    const result = await get('/big?kb=6000');
    expect(result.ok && !result.notModified && [result.bytes, result.truncated]).toEqual([5 * 1024 * 1024, true]);
  });

  it('keeps the text before the byte cap, whole characters only', async () => {
    const result = await get('/big?kb=256', { maxBytes: 10_000 });
    if (!result.ok || result.notModified || result.kind === 'pdf') throw new Error('expected a body');
    expect(result.bytes).toBe(10_000);
    expect(result.body.length).toBeGreaterThan(9_000);
    expect(result.body).toContain('The ferry timetable');
    expect(result.body).not.toMatch(/\uFFFD$/);
  });

  it.each([
    ['/charset/latin1-header', 'header charset'],
    ['/charset/latin1-meta', '<meta charset>'],
    ['/charset/http-equiv', '<meta http-equiv>'],
    ['/charset/latin1-unlabelled', 'no label, not UTF-8: windows-1252'],
    ['/charset/utf8-unlabelled', 'no label, valid UTF-8'],
    ['/charset/header-wins', 'the header over a contradicting <meta>'],
  ])('decodes %s (%s)', async (path) => {
    const result = await get(path);
    if (!result.ok || result.notModified || result.kind === 'pdf') throw new Error('expected a body');
    expect(result.body).toContain('Café de la Gare rouvre après travaux');
    expect(result.body).toContain('Hélène Marçeau');
    expect(result.body).not.toContain('\uFFFD');
  });

  it('decodes Shift_JIS declared in a <meta>', async () => {
    const result = await get('/charset/shift-jis');
    if (!result.ok || result.notModified || result.kind === 'pdf') throw new Error('expected a body');
    expect(result.body).toContain('日本語の記事');
    expect(result.body).toContain('東京');
  });

  it('sends no cookies, no referrer, a GET, and conditional headers when asked', async () => {
    const result = await get('/echo-headers', { conditional: { etag: '"abc"', lastModified: 'Mon, 04 Mar 2024 10:00:00 GMT' } });
    if (!result.ok || result.notModified || result.kind === 'pdf') throw new Error('expected a body');
    const headers = JSON.parse(result.body) as Record<string, string>;
    expect(headers.cookie).toBeUndefined();
    expect(headers.referer).toBeUndefined();
    expect(headers['if-none-match']).toBe('"abc"');
    expect(headers['if-modified-since']).toBe('Mon, 04 Mar 2024 10:00:00 GMT');
  });

  it('answers notModified to a matching conditional request, with the validators', async () => {
    const first = await get('/etag');
    if (!first.ok || first.notModified) throw new Error('expected a body');
    expect(first.etag).toBe('"fixture-v1"');
    const second = await get('/etag', { conditional: { etag: first.etag } });
    expect(second).toMatchObject({ ok: true, notModified: true, status: 304, etag: '"fixture-v1"' });
    const third = await get('/last-modified', { conditional: { lastModified: 'Mon, 04 Mar 2024 10:00:00 GMT' } });
    expect(third).toMatchObject({ ok: true, notModified: true });
  });

  it('passes credentials: "include" only when asked', async () => {
    const seen: RequestInit[] = [];
    const spy: typeof fetch = (input, init) => {
      seen.push(init ?? {});
      return fetch(input, init);
    };
    await get('/article.html', { fetchImpl: spy });
    await get('/article.html', { fetchImpl: spy, credentials: 'include' });
    expect(seen.map((init) => [init.method, init.credentials])).toEqual([
      ['GET', 'omit'],
      ['GET', 'include'],
    ]);
  });
});

describe('fetchSource: redirects a browser hides (opaque redirects)', () => {
  /** Mimics an extension's fetch: a manual redirect is opaque, `follow` lands on `landing`. */
  function browserLikeFetch(landing: string, calls: string[]): typeof fetch {
    return async (input, init) => {
      calls.push(`${init?.redirect} ${String(input)}`);
      if (init?.redirect === 'manual') {
        const opaque = new Response(null, { status: 200 });
        Object.defineProperty(opaque, 'type', { value: 'opaqueredirect' });
        Object.defineProperty(opaque, 'status', { value: 0 });
        return opaque;
      }
      const landed = new Response('<html><body><p>The landing page says something long enough.</p></body></html>', {
        headers: { 'content-type': 'text/html' },
      });
      Object.defineProperty(landed, 'url', { value: landing });
      Object.defineProperty(landed, 'redirected', { value: true });
      return landed;
    };
  }

  it('follows, then records the final URL when it is allowed', async () => {
    const calls: string[] = [];
    const result = await fetchSource('https://short.example/x', {
      pageUrl: 'https://news.example.com/',
      fetchImpl: browserLikeFetch('https://long.example/article', calls),
    });
    expect(summary(result)).toEqual({ ok: true, kind: 'html', truncated: false });
    expect(result.ok && result.finalUrl).toBe('https://long.example/article');
    expect(calls).toEqual(['manual https://short.example/x', 'follow https://short.example/x']);
  });

  it('goes straight to follow once the fetch function has shown it hides redirects', async () => {
    const calls: string[] = [];
    const browserFetch = browserLikeFetch('https://long.example/article', calls);
    const pageUrl = 'https://news.example.com/';
    await fetchSource('https://short.example/1', { pageUrl, fetchImpl: browserFetch });
    const second = await fetchSource('https://short.example/2', { pageUrl, fetchImpl: browserFetch });
    expect(second.ok && second.finalUrl).toBe('https://long.example/article');
    expect(calls).toEqual(['manual https://short.example/1', 'follow https://short.example/1', 'follow https://short.example/2']);
  });

  it('refuses the result when the browser landed on a private address', async () => {
    const result = await fetchSource('https://short.example/x', {
      pageUrl: 'https://news.example.com/',
      fetchImpl: browserLikeFetch('http://192.168.0.1/admin', []),
    });
    expect(summary(result)).toEqual({ ok: false, reason: 'blocked_private', httpStatus: undefined });
    expect(result.ok ? '' : result.finalUrl).toBe('http://192.168.0.1/admin');
  });

  it('sends each request through the guard, and a hop the guard refused is blocked_private', async () => {
    const calls: string[] = [];
    const guarded: string[] = [];
    const result = await fetchSource('https://short.example/refused', {
      pageUrl: 'https://news.example.com/',
      fetchImpl: browserLikeFetch('https://long.example/article', calls),
      guard: async (url, request) => {
        guarded.push(url);
        const response = await request();
        // The browser's rule refused the follow's private hop.
        if (response.redirected) throw new PrivateAddressRefused('http://10.0.0.1/');
        return response;
      },
    });
    expect(summary(result)).toEqual({ ok: false, reason: 'blocked_private', httpStatus: undefined });
    expect(result.ok ? '' : result.finalUrl).toBe('http://10.0.0.1/');
    expect(guarded).toEqual(['https://short.example/refused', 'https://short.example/refused']);
    expect(calls).toEqual(['manual https://short.example/refused', 'follow https://short.example/refused']);
  });

  it('a guard refusal without the refused address names the cited URL', async () => {
    const result = await fetchSource('https://short.example/quiet', {
      pageUrl: 'https://news.example.com/',
      fetchImpl: browserLikeFetch('https://long.example/article', []),
      guard: async () => {
        throw new PrivateAddressRefused();
      },
    });
    expect(result).toMatchObject({ ok: false, reason: 'blocked_private', finalUrl: 'https://short.example/quiet' });
  });
});

describe('fetchSource: a public article cannot reach loopback through a redirect', () => {
  it('checks each hop (Node exposes Location)', async () => {
    // Public names are routed to the fixture server; its redirect then points at loopback.
    const routed: typeof fetch = (input, init) =>
      fetch(String(input).replace('http://public.example', server.url), init);
    server.reset();
    const result = await fetchSource('http://public.example/redirect/loopback', {
      pageUrl: 'https://news.example.com/',
      fetchImpl: routed,
    });
    expect(summary(result)).toEqual({ ok: false, reason: 'blocked_private', httpStatus: undefined });
    expect(server.count('/redirect/loopback')).toBe(1);
    expect(server.count('/article.html')).toBe(0);
  });
});
