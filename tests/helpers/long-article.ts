/**
 * A generated long article in the Wikipedia style: `references` numbered footnotes, one per
 * paragraph, whose sources spread round-robin over `hosts` loopback host names
 * (h0.localhost … h9.localhost, one server on 127.0.0.1) and answer after `latencyMs`.
 *
 * Each source states its claim word for word, so every claim that is checked ends `supported`; a
 * claim still pending or `unchecked` shows what was not fetched. The server logs every source
 * request with its time, host and path, so tests and the bench can count requests, see their
 * order and find any source fetched twice.
 *
 * Used by the end-to-end tests (tests/e2e/long-article.test.ts) and `npm run bench` (scheduling).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface LongArticleOptions {
  references: number;
  hosts: number;
  latencyMs: number;
}

export interface SourceRequest {
  /** ms since the server started. */
  at: number;
  host: string;
  /** The reference number (1-based). */
  ref: number;
}

export interface LongArticleServer {
  /** http://127.0.0.1:PORT/article.html */
  articleUrl: string;
  port: number;
  requests: SourceRequest[];
  /** Source requests since `since` (ms from start). */
  countSince(since: number): number;
  /** References fetched more than once (since `since` ms from start). */
  fetchedTwice(since?: number): number[];
  /** ms since the server started. */
  now(): number;
  /** When the server started, in epoch ms (`performance.timeOrigin` units), to put its times on another clock. */
  startedAt: number;
  close(): Promise<void>;
}

const PLACES = ['Arden', 'Belmont', 'Corrin', 'Dunmore', 'Elswick', 'Farley', 'Glenby', 'Harwell', 'Ivers', 'Jarrow', 'Kelso', 'Lydney'];
const THINGS = ['library', 'bridge', 'orchard', 'ferry', 'market', 'clinic', 'canal', 'museum', 'bakery', 'quarry', 'station', 'garden'];
const VERBS = ['reopened', 'was rebuilt', 'doubled its visitors', 'closed for repairs', 'won a regional prize', 'hired new staff'];

/** The claim of reference `n`: distinct words and a distinct number and year per reference. */
export function claimText(n: number): string {
  const place = PLACES[n % PLACES.length];
  const thing = THINGS[Math.floor(n / PLACES.length) % THINGS.length];
  const verb = VERBS[n % VERBS.length];
  return `In ${1900 + (n % 120)} the ${place} ${thing} ${verb} after ${n + 3} council votes`;
}

export function sourceHost(n: number, hosts: number): string {
  return `h${n % hosts}.localhost`;
}

export function longArticleHtml(options: LongArticleOptions & { port: number }): string {
  const paragraphs: string[] = [];
  const refs: string[] = [];
  for (let n = 1; n <= options.references; n++) {
    paragraphs.push(`<p>${claimText(n)}.<sup id="cite_ref-${n}" class="reference"><a href="#cite_note-${n}">[${n}]</a></sup></p>`);
    const url = `http://${sourceHost(n, options.hosts)}:${options.port}/source/${n}`;
    refs.push(`<li id="cite_note-${n}"><a class="external text" href="${url}">Report ${n} on local works</a></li>`);
  }
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Local works: a long list</title>
<style>body{font:16px/1.5 serif;max-width:46em;margin:1em auto}p{margin:0 0 .4em}</style></head>
<body><main><h1>Local works: a long list</h1>
${paragraphs.join('\n')}
<h2 id="References">References</h2>
<ol class="references">
${refs.join('\n')}
</ol></main></body></html>`;
}

export function sourceHtml(n: number): string {
  const filler = `The council published its yearly summary of works across the district, with notes on budgets and schedules.`;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Report ${n} on local works</title></head>
<body><article><h1>Report ${n} on local works</h1>
<p>${filler}</p>
<p>${claimText(n)}, the report says. Residents had asked for this for years.</p>
<p>${filler} Further figures follow in the appendix of the report.</p>
</article></body></html>`;
}

export async function startLongArticleServer(options: LongArticleOptions): Promise<LongArticleServer> {
  const started = performance.now();
  const now = () => performance.now() - started;
  const requests: SourceRequest[] = [];
  const timers = new Set<NodeJS.Timeout>();
  let port = 0;
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const host = (req.headers.host ?? '').replace(/:\d+$/, '');
    const source = /^\/source\/(\d+)$/.exec(url.pathname);
    if (url.pathname === '/article.html' && host === '127.0.0.1') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(longArticleHtml({ ...options, port }));
      return;
    }
    if (source) {
      const ref = Number(source[1]);
      requests.push({ at: now(), host, ref });
      if (ref < 1 || ref > options.references || host !== sourceHost(ref, options.hosts)) {
        res.writeHead(404, { 'content-type': 'text/plain' });
        res.end('no such source');
        return;
      }
      const timer = setTimeout(() => {
        timers.delete(timer);
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
        res.end(sourceHtml(ref));
      }, options.latencyMs);
      timers.add(timer);
      return;
    }
    res.writeHead(404, { 'content-type': 'text/plain' });
    res.end('not found');
  });
  server.keepAliveTimeout = 1_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
  return {
    articleUrl: `http://127.0.0.1:${port}/article.html`,
    port,
    requests,
    countSince: (since) => requests.filter((r) => r.at >= since).length,
    fetchedTwice: (since = 0) => {
      const seen = new Map<number, number>();
      for (const r of requests) if (r.at >= since) seen.set(r.ref, (seen.get(r.ref) ?? 0) + 1);
      return [...seen].filter(([, n]) => n > 1).map(([ref]) => ref);
    },
    now,
    startedAt: performance.timeOrigin + started,
    close: async () => {
      for (const timer of timers) clearTimeout(timer);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
