// @vitest-environment node
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { archivedAtOf, fetchableArchiveUrl, isDeadLink, lookupWayback } from './archive';
import { openSourceCache } from './cache';
import { createSourceLoader, type LoaderSettings } from './loader';
import { pageAt } from './pdf';
import { readHtmlWithJsdom as readHtml } from '../../tests/helpers/jsdom-reader';
import { useSourceServer } from '../../tests/helpers/use-source-server';


const server = useSourceServer();

describe('archive addresses', () => {
  it.each([
    ['https://web.archive.org/web/20210602101500/https://example.org/a', '2021-06-02T10:15:00.000Z'],
    ['https://web.archive.org/web/20210602/https://example.org/a', '2021-06-02T00:00:00.000Z'],
    ['https://web.archive.org/web/20210602101500id_/https://example.org/a', '2021-06-02T10:15:00.000Z'],
    ['https://archive.ph/2020.01.05-093000/https://example.com/', '2020-01-05T09:30:00.000Z'],
    ['https://web.archive.org/web/20211340000000/https://example.org/a', undefined],
    ['https://example.org/2021/06/02/story', undefined],
    ['not a url', undefined],
  ])('%s was archived at %s', (url, at) => {
    expect(archivedAtOf(url)).toBe(at);
  });

  it('fetches a Wayback copy without its toolbar, and leaves other copies alone', () => {
    expect(fetchableArchiveUrl('https://web.archive.org/web/20210602101500/https://example.org/a?b=1')).toBe(
      'https://web.archive.org/web/20210602101500id_/https://example.org/a?b=1',
    );
    expect(fetchableArchiveUrl('https://web.archive.org/web/20210602101500id_/https://example.org/a')).toBe(
      'https://web.archive.org/web/20210602101500id_/https://example.org/a',
    );
    expect(fetchableArchiveUrl('https://archive.ph/2020.01.05-093000/https://example.com/')).toBe('https://archive.ph/2020.01.05-093000/https://example.com/');
  });

  it('counts only failures that say the original is gone or unreachable as dead', () => {
    expect(isDeadLink('http_error', 404, undefined, 'https://a.example/')).toBe(true);
    expect(isDeadLink('http_error', 410, undefined, 'https://a.example/')).toBe(true);
    expect(isDeadLink('network', undefined, undefined, 'https://a.example/')).toBe(true);
    expect(isDeadLink('timeout', undefined, undefined, 'https://a.example/')).toBe(true);
    expect(isDeadLink('blocked_private', undefined, 'http://192.168.1.1/', 'https://a.example/')).toBe(true);
    expect(isDeadLink('blocked_private', undefined, undefined, 'http://192.168.1.1/')).toBe(false);
    expect(isDeadLink('http_error', 403, undefined, 'https://a.example/')).toBe(false);
    expect(isDeadLink('http_error', 500, undefined, 'https://a.example/')).toBe(false);
    expect(isDeadLink('paywall', undefined, undefined, 'https://a.example/')).toBe(false);
  });

  it('asks the Wayback stand-in and validates its answer', async () => {
    const endpoint = `${server.url}/wayback/available`;
    expect(await lookupWayback('https://gone.example/gone/a', { endpoint })).toBe(`${server.url}/web/20190305081500/https://gone.example/gone/a`);
    expect(await lookupWayback('https://alive.example/b', { endpoint })).toBeNull();
    // An answer of the wrong shape is no copy.
    expect(await lookupWayback('https://gone.example/gone/a', { endpoint: `${server.url}/echo-headers` })).toBeNull();
    expect(server.count('/wayback/available')).toBe(2);
  });
});

describe('source loader: dead links through their archived copies', () => {
  const settings: LoaderSettings = { useLogins: false, allowPrivate: false, ttlMs: 3_600_000 };
  const make = async (extra: Partial<LoaderSettings> = {}) => {
    const cache = await openSourceCache({ name: 'archive-test', indexedDB: new IDBFactory() });
    const loader = createSourceLoader({
      readHtml,
      cache,
      settings: () => ({ ...settings, ...extra }),
      timeoutMs: 2000,
      waybackEndpoint: `${server.url}/wayback/available`,
    });
    const pageUrl = `${server.url}/index.html`;
    return {
      cache,
      load: (path: string, archive?: string, bypassCache = false) =>
        loader.load(path.startsWith('/') ? `${server.url}${path}` : path, {
          pageUrl,
          bypassCache,
          ...(archive ? { archiveUrl: archive } : {}),
        }),
    };
  };
  const copyOf = (path: string) => `${server.url}/web/20210602101500/${server.url}${path}`;
  const archiveRequests = () => [...server.requests.keys()].filter((k) => k.startsWith('/web/'));

  it('reads the page’s archived copy of a 410, keeps the original URL and dates the copy', async () => {
    const { load } = await make();
    const outcome = await load('/gone/ferry', copyOf('/gone/ferry'));
    if (!outcome.ok) throw new Error(outcome.reason);
    expect(outcome.url).toBe(`${server.url}/gone/ferry`);
    expect(outcome.readFrom).toBe('archive');
    expect(outcome.archivedAt).toBe('2021-06-02T10:15:00.000Z');
    expect(outcome.archiveUrl).toBe(copyOf('/gone/ferry'));
    expect(outcome.text).toContain('The night ferry carried 18,400 passengers');
    // The bare copy (`id_`), not the archive's toolbar.
    expect(outcome.text).not.toContain('twelve passengers');
    expect(server.count('/gone/ferry')).toBe(1);
    expect(archiveRequests()).toEqual([`/web/20210602101500id_/${server.url}/gone/ferry`]);
  });

  it('sends the reader’s logins to a dead original, never to its archived copy', async () => {
    const seen: Array<[string, RequestCredentials | undefined]> = [];
    const spy: typeof fetch = (input, init) => {
      seen.push([new URL(String(input instanceof Request ? input.url : input)).pathname, init?.credentials]);
      return fetch(input, init);
    };
    const cache = await openSourceCache({ name: 'archive-logins', indexedDB: new IDBFactory() });
    const loader = createSourceLoader({ readHtml, cache, settings: () => ({ ...settings, useLogins: true }), timeoutMs: 2000, fetchImpl: spy });
    const outcome = await loader.load(`${server.url}/gone/ferry`, { pageUrl: `${server.url}/index.html`, archiveUrl: copyOf('/gone/ferry') });
    expect(outcome.ok && outcome.readFrom).toBe('archive');
    expect(seen).toEqual([
      ['/gone/ferry', 'include'],
      [`/web/20210602101500id_/${server.url}/gone/ferry`, 'omit'],
    ]);
  });

  it('never asks the archive when the original reads', async () => {
    const { load } = await make();
    const outcome = await load('/article.html', copyOf('/article.html'));
    expect(outcome.ok && outcome.readFrom).toBe(undefined);
    expect(outcome.ok).toBe(true);
    expect(archiveRequests()).toEqual([]);
  });

  it('reads the copy of a 404 and of an original that does not answer', async () => {
    const { load } = await make();
    const notFound = await load('/status/404', copyOf('/status/404'));
    expect(notFound.ok && notFound.readFrom).toBe('archive');
    const closed = `http://127.0.0.1:9/gone-server`;
    const refused = await load(closed, `${server.url}/web/20200101000000/${closed}`);
    expect(refused.ok && [refused.readFrom, refused.archivedAt]).toEqual(['archive', '2020-01-01T00:00:00.000Z']);
  });

  it('does not ask the archive for a server error or a forbidden page', async () => {
    const { load } = await make();
    const outcome = await load('/status/500', copyOf('/status/500'));
    expect(outcome.ok ? 'read' : [outcome.reason, outcome.httpStatus]).toEqual(['http_error', 500]);
    expect(archiveRequests()).toEqual([]);
  });

  it('says the original’s reason when there is no copy, or the copy fails too', async () => {
    const { load } = await make();
    const none = await load('/gone/a');
    expect(none.ok ? 'read' : [none.reason, none.httpStatus]).toEqual(['http_error', 410]);
    const badCopy = await load('/gone/b', `${server.url}/status/404`);
    expect(badCopy.ok ? 'read' : [badCopy.reason, badCopy.httpStatus]).toEqual(['http_error', 410]);
  });

  it('serves a warm check from the cache: neither the original nor the copy is asked again', async () => {
    const { load } = await make();
    await load('/gone/ferry', copyOf('/gone/ferry'));
    server.reset();
    const warm = await load('/gone/ferry', copyOf('/gone/ferry'));
    expect(warm.ok && [warm.fromCache, warm.readFrom, warm.archivedAt]).toEqual([true, 'archive', '2021-06-02T10:15:00.000Z']);
    expect(server.total()).toBe(0);
  });

  it('reads the copy of a remembered dead link without asking the original again', async () => {
    const { load } = await make();
    expect((await load('/gone/late')).ok).toBe(false);
    server.reset();
    const outcome = await load('/gone/late', copyOf('/gone/late'));
    expect(outcome.ok && outcome.readFrom).toBe('archive');
    expect(server.count('/gone/late')).toBe(0);
  });

  it('asks the Wayback Machine only when the reader turned the lookup on', async () => {
    const off = await make();
    expect((await off.load('/gone/unlisted')).ok).toBe(false);
    expect(server.count('/wayback/available')).toBe(0);

    const on = await make({ waybackLookup: true });
    const outcome = await on.load('/gone/unlisted');
    if (!outcome.ok) throw new Error(outcome.reason);
    expect([outcome.readFrom, outcome.archivedAt]).toEqual(['archive', '2019-03-05T08:15:00.000Z']);
    expect(outcome.archiveUrl).toBe(`${server.url}/web/20190305081500/${server.url}/gone/unlisted`);
    expect(server.count('/wayback/available')).toBe(1);
    // A live link is never looked up.
    await on.load('/article.html');
    expect(server.count('/wayback/available')).toBe(1);
  });

  it('asks an endpoint made from the citing page’s address when given one that way', async () => {
    const cache = await openSourceCache({ name: 'archive-endpoint-fn', indexedDB: new IDBFactory() });
    const asked: string[] = [];
    const loader = createSourceLoader({
      readHtml,
      cache,
      settings: () => ({ ...settings, waybackLookup: true }),
      timeoutMs: 2000,
      waybackEndpoint: (pageUrl) => {
        asked.push(pageUrl);
        return new URL('/wayback/available', pageUrl).href;
      },
    });
    const outcome = await loader.load(`${server.url}/gone/unlisted`, { pageUrl: `${server.url}/index.html` });
    expect(outcome.ok && outcome.readFrom).toBe('archive');
    expect(asked).toEqual([`${server.url}/index.html`]);
    expect(server.count('/wayback/available')).toBe(1);
  });

  it('refuses a copy the guard refuses (a public page citing a private archive address)', async () => {
    const cache = await openSourceCache({ name: 'archive-guard', indexedDB: new IDBFactory() });
    const loader = createSourceLoader({ readHtml, cache, settings: () => settings, timeoutMs: 500 });
    const outcome = await loader.load('https://gone.invalid/x', { pageUrl: 'https://news.example/a', archiveUrl: 'http://192.168.1.1/web/20210602101500/https://gone.invalid/x' });
    expect(outcome.ok).toBe(false);
  });

  it('reads an archived PDF with its pages', async () => {
    const { load } = await make();
    const outcome = await load('/gone/report.pdf', copyOf('/gone/report.pdf'));
    if (!outcome.ok) throw new Error(outcome.reason);
    expect(outcome.readFrom).toBe('archive');
    expect(outcome.pages).toHaveLength(2);
    expect(pageAt(outcome.pages!, outcome.text.indexOf('The survey counted 4,210'))).toBe(2);
  });
});
