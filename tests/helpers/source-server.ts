/**
 * A fixture HTTP server for cited pages: every case the source loader must name, on 127.0.0.1 at a
 * random port. It counts requests per path so tests can assert "served from the cache, no request".
 *
 * Reusable outside unit tests (benchmarks, end-to-end runs): `startSourceServer()` then `close()`.
 * Bounded: a cap on connections, short keep-alive, every pending timer cleared on close.
 */
import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/sources');

export interface SourceServer {
  /** http://127.0.0.1:PORT */
  url: string;
  port: number;
  /** Requests seen per path (pathname + search). */
  requests: Map<string, number>;
  /** Requests seen for one path (with or without its query). */
  count(path: string): number;
  /** Total requests since start (or the last reset). */
  total(): number;
  /** Most requests in progress at once on `/hold/*` since start (or the last reset). */
  maxConcurrent(): number;
  reset(): void;
  close(): Promise<void>;
}

export function fixture(name: string): string {
  return readFileSync(path.join(FIXTURES, name), 'utf8');
}

/** A fixture's bytes (the PDFs of tests/fixtures/sources/pdf, made by scripts/make-pdf-fixtures.ts). */
export function fixtureBytes(name: string): Buffer {
  return readFileSync(path.join(FIXTURES, name));
}

/** The stand-in archive's copy of a dead page: its path is `/web/<timestamp>[id_]/<original URL>`. */
const ARCHIVE_PATH = /^\/web\/(\d{14})(id_)?\/(.+)$/;

/** Encodes text whose characters all fit in one byte (Latin-1). */
function latin1(text: string): Buffer {
  return Buffer.from(text, 'latin1');
}

/** 日本語の記事 ("Japanese article") and 東京 ("Tokyo") in Shift_JIS. */
const SJIS_TITLE = Buffer.from([0x93, 0xfa, 0x96, 0x7b, 0x8c, 0xea, 0x82, 0xcc, 0x8b, 0x4c, 0x8e, 0x96]);
const SJIS_TOKYO = Buffer.from([0x93, 0x8c, 0x8b, 0x9e]);

const WORDS =
  'river harbour council budget turbine school library orchard bridge ferry market engineer survey winter summer tide current village grain railway station museum garden festival workshop clinic bakery timber quarry canal meadow'.split(
    ' ',
  );

/** A generated article page, distinct per `n`, about `paragraphs` paragraphs long. */
export function generatedPage(n: number, paragraphs = 40): string {
  let seed = n * 7919 + 17;
  const next = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed;
  };
  const body: string[] = [];
  for (let p = 0; p < paragraphs; p++) {
    const sentences: string[] = [];
    for (let s = 0; s < 4; s++) {
      const words = Array.from({ length: 12 }, () => WORDS[next() % WORDS.length]);
      sentences.push(`In ${1950 + (next() % 70)} the ${words.join(' ')} reached ${next() % 1000} units.`);
    }
    body.push(`<p>${sentences.join(' ')}</p>`);
  }
  // Markup around the text in the proportions of a news page: styles, a script, a long menu.
  const style = `<style>${'.story p{margin:0 0 1em;line-height:1.5}.nav a{padding:4px 8px}'.repeat(60)}</style>`;
  const script = `<script>window.__state=${JSON.stringify({ ads: Array.from({ length: 150 }, (_, i) => ({ slot: `slot-${i}`, sizes: [[300, 250], [728, 90]] })) })};</script>`;
  const menu = `<nav class="nav"><ul>${Array.from({ length: 60 }, (_, i) => `<li class="nav-item"><a class="nav-link" href="/section/${i}">Section ${i}</a></li>`).join('')}</ul></nav>`;
  const paragraphsHtml = body.map((p) => `<div class="story-block" data-block="text">${p}</div>`).join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Generated source ${n}</title>${style}${script}</head><body>${menu}<article class="story"><h1>Generated source ${n}</h1>${paragraphsHtml}</article><footer>Footer text</footer></body></html>`;
}

const ETAG = '"fixture-v1"';
const LAST_MODIFIED = 'Mon, 04 Mar 2024 10:00:00 GMT';

export async function startSourceServer(): Promise<SourceServer> {
  const requests = new Map<string, number>();
  const timers = new Set<NodeJS.Timeout>();
  let total = 0;
  let active = 0;
  let maxActive = 0;
  /** Held `/hold/*?until=N` requests, answered once N are in progress at once. */
  const waiting: (() => void)[] = [];
  /** The `until` values already reached since the last reset: later requests are not held. */
  const reached = new Set<number>();
  let base = '';

  const later = (ms: number, fn: () => void) => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      fn();
    }, ms);
    timers.add(timer);
  };

  const html = (res: http.ServerResponse, body: string | Buffer, type = 'text/html; charset=utf-8', extra: http.OutgoingHttpHeaders = {}) => {
    res.writeHead(200, { 'Content-Type': type, ...extra });
    res.end(body);
  };
  const redirect = (res: http.ServerResponse, status: number, location: string | null) => {
    res.writeHead(status, location === null ? {} : { Location: location });
    res.end();
  };

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://fixture');
    const key = url.pathname + url.search;
    requests.set(key, (requests.get(key) ?? 0) + 1);
    total++;
    const ms = Number(url.searchParams.get('ms') ?? 2000);
    const latinPage = fixture('latin1.html');

    switch (url.pathname) {
      case '/article.html':
        return html(res, fixture('article.html'));
      case '/charset/latin1-header':
        return html(res, latin1(latinPage.replace('__META__', '')), 'text/html; charset=ISO-8859-1');
      case '/charset/latin1-meta':
        return html(res, latin1(latinPage.replace('__META__', '<meta charset="windows-1252">')), 'text/html');
      case '/charset/http-equiv':
        return html(
          res,
          latin1(latinPage.replace('__META__', '<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">')),
          'text/html',
        );
      case '/charset/latin1-unlabelled':
        return html(res, latin1(latinPage.replace('__META__', '')), 'text/html');
      case '/charset/utf8-unlabelled':
        return html(res, Buffer.from(latinPage.replace('__META__', ''), 'utf8'), 'text/html');
      case '/charset/header-wins':
        // The header says UTF-8; a contradicting <meta> must not win.
        return html(res, Buffer.from(latinPage.replace('__META__', '<meta charset="windows-1252">'), 'utf8'), 'text/html; charset=utf-8');
      case '/charset/shift-jis': {
        const paragraph = 'The correspondent filed this report from the capital after the summit ended late on Friday evening with a joint statement.';
        return html(
          res,
          Buffer.concat([
            Buffer.from('<!doctype html><html><head><meta charset="shift_jis"><title>'),
            SJIS_TITLE,
            Buffer.from('</title></head><body><article><h1>'),
            SJIS_TITLE,
            Buffer.from('</h1><p>'),
            SJIS_TOKYO,
            Buffer.from(`: ${paragraph}</p><p>${paragraph}</p></article></body></html>`),
          ]),
          'text/html',
        );
      }
      case '/xhtml':
        return html(
          res,
          fixture('article.html').replace('<html lang="en">', '<html xmlns="http://www.w3.org/1999/xhtml" lang="en">').replace('<!doctype html>', '<?xml version="1.0" encoding="utf-8"?>'),
          'application/xhtml+xml',
        );
      case '/plain.txt':
        return html(res, fixture('plain.txt'), 'text/plain; charset=utf-8');
      case '/doc.pdf':
        return html(res, fixtureBytes('pdf/two-pages.pdf'), 'application/pdf');
      case '/octet.pdf':
        return html(res, fixtureBytes('pdf/two-pages.pdf'), 'application/octet-stream');
      case '/mislabelled.pdf':
        return html(res, fixtureBytes('pdf/two-pages.pdf'), 'text/html');
      case '/pdf/thirty-pages.pdf':
      case '/pdf/scanned.pdf':
      case '/pdf/encrypted.pdf':
      case '/pdf/broken.pdf':
        return html(res, fixtureBytes(url.pathname.slice(1)), 'application/pdf');
      case '/pdf/no-pdf':
        // Labelled PDF, but an error page.
        return html(res, '<html><body><p>Document moved.</p></body></html>', 'application/pdf');
      case '/app-shell':
        return html(res, fixture('app-shell.html'));
      case '/wayback/available': {
        // A stand-in for the Internet Archive's availability API: copies exist of /gone/* only.
        const asked = url.searchParams.get('url') ?? '';
        const known = /\/gone\//.test(asked);
        const closest = { available: true, url: `${base}/web/20190305081500/${asked}`, timestamp: '20190305081500', status: '200' };
        return html(res, JSON.stringify({ url: asked, archived_snapshots: known ? { closest } : {} }), 'application/json');
      }
      case '/image.png':
        return html(res, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), 'image/png');
      case '/binary':
        return html(res, Buffer.from([0x1f, 0x8b, 0x08, 0, 0, 0, 0, 0, 0, 3]), 'application/octet-stream');
      case '/no-type':
        res.writeHead(200, {});
        return res.end(fixture('article.html'));
      case '/redirect/a':
        return redirect(res, 301, '/redirect/b');
      case '/redirect/b':
        return redirect(res, 302, `${base}/article.html`);
      case '/redirect/303':
        return redirect(res, 303, '/plain.txt');
      case '/redirect/loop-a':
        return redirect(res, 302, '/redirect/loop-b');
      case '/redirect/loop-b':
        return redirect(res, 302, '/redirect/loop-a');
      case '/redirect/private':
        return redirect(res, 302, 'http://192.168.1.1/admin');
      case '/redirect/metadata':
        return redirect(res, 301, 'http://169.254.169.254/latest/meta-data/');
      case '/redirect/loopback':
        return redirect(res, 302, `http://localhost:${(server.address() as AddressInfo).port}/article.html`);
      case '/redirect/ftp':
        return redirect(res, 302, 'ftp://files.example.org/report.txt');
      case '/redirect/no-location':
        return redirect(res, 302, null);
      case '/status/404':
      case '/status/410':
      case '/status/500':
      case '/status/503': {
        const status = Number(url.pathname.slice('/status/'.length));
        res.writeHead(status, { 'Content-Type': 'text/html' });
        return res.end(`<html><body><h1>Error ${status}</h1><p>${fixture('article.html').slice(0, 400)}</p></body></html>`);
      }
      case '/slow/headers':
        return later(ms, () => html(res, fixture('article.html')));
      case '/slow/body': {
        res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
        const page = fixture('article.html');
        res.write(page.slice(0, 300));
        return later(ms, () => res.end(page.slice(300)));
      }
      case '/big': {
        // Real paragraphs, far past any small cap: the head of the page is kept.
        const kb = Number(url.searchParams.get('kb') ?? 512);
        const paragraph = '<p>The ferry timetable for the winter season lists two crossings a day, one at dawn and one at dusk, weather permitting. Ça va.</p>\n';
        const count = Math.ceil((kb * 1024) / Buffer.byteLength(paragraph));
        return html(res, `<!doctype html><html><head><meta charset="utf-8"><title>Long timetable</title></head><body><article><h1>Long timetable</h1>${paragraph.repeat(count)}</article></body></html>`);
      }
      case '/big-script': {
        // A page whose first megabytes are script: the kept prefix holds no text at all.
        const kb = Number(url.searchParams.get('kb') ?? 512);
        return html(res, `<!doctype html><html><head><title>App</title><script>var data = "${'x'.repeat(kb * 1024)}";</script></head><body><p>The real content comes after the script.</p></body></html>`);
      }
      case '/empty':
        return html(res, fixture('empty.html'));
      case '/empty-body':
        return html(res, '');
      case '/js-app':
        return html(res, fixture('js-app.html'));
      case '/paywall':
        return html(res, fixture('paywall.html'));
      case '/login':
        return html(res, fixture('login.html'));
      case '/cookie-wall':
        return html(res, fixture('cookie-wall.html'));
      case '/references':
        return html(res, fixture('references.html'));
      case '/wiki-refs':
        return html(res, fixture('wiki-refs.html'));
      case '/etag':
        if (req.headers['if-none-match'] === ETAG) {
          res.writeHead(304, { ETag: ETAG });
          return res.end();
        }
        return html(res, fixture('article.html'), 'text/html; charset=utf-8', { ETag: ETAG });
      case '/last-modified':
        if (req.headers['if-modified-since'] === LAST_MODIFIED) {
          res.writeHead(304, { 'Last-Modified': LAST_MODIFIED });
          return res.end();
        }
        return html(res, fixture('article.html'), 'text/html; charset=utf-8', { 'Last-Modified': LAST_MODIFIED });
      case '/echo-headers':
        return html(res, JSON.stringify(req.headers), 'text/plain; charset=utf-8');
      default:
        break;
    }
    if (url.pathname.startsWith('/gone/')) {
      res.writeHead(410, { 'Content-Type': 'text/html' });
      return res.end('<html><body><h1>Gone</h1></body></html>');
    }
    const archived = ARCHIVE_PATH.exec(url.pathname);
    if (archived) {
      // The copy's toolbar is served only without `id_`: a reader must ask for the bare copy.
      const toolbar = archived[2] ? '' : '<div id="wm-ipp-base"><p>The Wayback Machine toolbar: the night ferry carried twelve passengers.</p></div>';
      const original = archived[3];
      const page = original.endsWith('.pdf') ? null : fixture('archived.html').replace('__TOOLBAR__', toolbar);
      return page === null ? html(res, fixtureBytes('pdf/two-pages.pdf'), 'application/pdf') : html(res, page);
    }
    const page = /^\/page\/(\d+)$/.exec(url.pathname);
    if (page) return html(res, generatedPage(Number(page[1]), Number(url.searchParams.get('paragraphs') ?? 40)));
    if (url.pathname.startsWith('/hold/')) {
      active++;
      maxActive = Math.max(maxActive, active);
      const answer = () =>
        later(Number(url.searchParams.get('ms') ?? 80), () => {
          active--;
          html(res, fixture('article.html'));
        });
      // `until=N`: no answer until N held requests are in progress at once (or 10 s have passed),
      // so a test of a concurrency limit does not depend on how fast a busy machine starts them.
      // Once N have been in progress together, the requests that follow (those a limit kept
      // waiting for a slot) are answered as they come, not held for the 10 s.
      const until = Number(url.searchParams.get('until') ?? 0);
      if (active >= until || reached.has(until)) {
        if (until > 0) reached.add(until);
        for (const release of waiting.splice(0)) release();
        return answer();
      }
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        answer();
      };
      waiting.push(release);
      return later(10_000, release);
    }
    res.writeHead(404, { 'Content-Type': 'text/plain' });
    res.end('not found');
  });
  server.maxConnections = 128;
  server.keepAliveTimeout = 1000;
  server.headersTimeout = 5000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  base = `http://127.0.0.1:${port}`;

  return {
    url: base,
    port,
    requests,
    count(p: string) {
      let n = 0;
      for (const [key, value] of requests) if (key === p || key.split('?')[0] === p) n += value;
      return n;
    },
    total: () => total,
    maxConcurrent: () => maxActive,
    reset() {
      requests.clear();
      total = 0;
      maxActive = 0;
      reached.clear();
    },
    async close() {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
