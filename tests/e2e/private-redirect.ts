/**
 * Set-up shared by private-redirect.test.ts (Chromium) and private-redirect-firefox.test.ts: a
 * public-looking article whose sources redirect to private addresses, and the private server they
 * point at, which must never be asked anything.
 *
 * Both servers listen on 127.0.0.1 only. The article is reached as `http://news.example:PORT/`,
 * a public name, so the extension treats it as a public page: Chromium is told to resolve it to
 * 127.0.0.1 (`--host-resolver-rules`); Firefox, which checks where a name points, reaches it
 * through the site's server as its HTTP proxy (`firefoxPublicSitePrefs`). Its sources redirect to
 * `127.0.0.1`, `localhost` and `[::1]` on the private server's port, directly or after a public
 * hop. A second article (`/public/rebound.html`, Firefox) cites `rebind.example`, a public-looking
 * name that resolves to loopback, directly and behind a redirect. The private server answers every
 * path with the words each claim needs, so a request that got through would also turn a claim
 * supported.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { expect } from 'vitest';
import type { Route } from '../../scripts/lib/static-server';
import type { Report } from '../../utils/report/schema';

export const PUBLIC_NAME = 'news.example';
/** A public-looking name that resolves to loopback (Firefox: `network.dns.localDomains`). */
export const REBOUND_NAME = 'rebind.example';

/** The claims' sources as the article cites them, and where each one redirects. */
export const CITED = {
  c1: '/public/sources/bridge-traffic.html',
  c2: '/public/sources/moved-to-router.html',
  c3: '/public/sources/moved-to-localhost.html',
  c4: '/public/sources/moved-twice.html',
  c5: '/public/sources/moved-to-ipv6-loopback.html',
} as const;

const FACT = {
  c1: 'the harbour bridge carried 52,000 vehicles a day in 2023',
  c2: 'the ferry terminal handled 3.1 million passengers in 2023',
  c3: 'the night bus network grew to 14 routes in 2023',
  c4: 'the tram line extension opened with 9 new stops in 2023',
  c5: 'the cycle lanes grew by 40 kilometres in 2023',
};

const page = (title: string, body: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head><body><article><h1>${title}</h1>${body}</article></body></html>`;

const ARTICLE = page(
  'Harbour City transport in 2023',
  `<p>A look at how people moved around Harbour City last year, from the bridge to the night buses.</p>
  <ul>
    <li>According to the Port Office, ${FACT.c1}. [1]</li>
    <li>According to the Ferry Company, ${FACT.c2}. [2]</li>
    <li>According to the Bus Authority, ${FACT.c3}. [3]</li>
    <li>According to the Tram Office, ${FACT.c4}. [4]</li>
    <li>According to the Roads Office, ${FACT.c5}. [5]</li>
  </ul>
  <h2>Sources</h2>
  <ol>
    <li><a href="${CITED.c1}">Port Office: Bridge traffic 2023</a></li>
    <li><a href="${CITED.c2}">Ferry Company: Passengers 2023</a></li>
    <li><a href="${CITED.c3}">Bus Authority: Night network 2023</a></li>
    <li><a href="${CITED.c4}">Tram Office: Extension opening</a></li>
    <li><a href="${CITED.c5}">Roads Office: Cycle lanes 2023</a></li>
  </ol>`,
);

const sourcePage = (fact: string) =>
  page('Figures for 2023', `<p>Our yearly figures are out. In short, ${fact}, as counted by our own staff over the whole year.</p><p>The full tables follow in the annual report, with each month and each district listed apart.</p>`);

export interface PrivateServer {
  port: number;
  /** Every path the private server was asked for, in order. */
  asked: string[];
  close(): Promise<void>;
}

/** The private-network target: answers anything, and remembers it. */
export async function startPrivateServer(): Promise<PrivateServer> {
  const asked: string[] = [];
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    asked.push(req.url ?? '');
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(sourcePage(Object.values(FACT).join('; and ')));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  return { port, asked, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

const redirect = (location: () => string): Route => (_req, res) => {
  res.writeHead(302, { location: location() });
  res.end();
};

const html = (body: string): Route => (_req, res) => {
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
  res.end(body);
};

/** Sources on a public name that resolves to loopback, cited directly or behind a redirect. */
export const REBOUND = {
  c1: '/public/sources/bridge-traffic.html',
  c2: '/public/sources/on-rebound-name.html',
  c3: '/public/sources/moved-to-rebound-name.html',
} as const;

const reboundUrl = (privatePort: number, path: string) => `http://${REBOUND_NAME}:${privatePort}${path}`;

const reboundArticle = (privatePort: number) =>
  page(
    'Harbour City transport in 2023, part two',
    `<p>More on how people moved around Harbour City last year.</p>
  <ul>
    <li>According to the Port Office, ${FACT.c1}. [1]</li>
    <li>According to the Ferry Company, ${FACT.c2}. [2]</li>
    <li>According to the Bus Authority, ${FACT.c3}. [3]</li>
  </ul>
  <h2>Sources</h2>
  <ol>
    <li><a href="${REBOUND.c1}">Port Office: Bridge traffic 2023</a></li>
    <li><a href="${reboundUrl(privatePort, '/ferry/passengers.html')}">Ferry Company: Passengers 2023</a></li>
    <li><a href="${REBOUND.c3}">Bus Authority: Night network 2023</a></li>
  </ol>`,
  );

/** The public site's routes; `privatePort` is read when a page or a redirect is answered. */
export function publicSiteRoutes(privatePort: () => number): Record<string, Route> {
  return {
    '/public/article.html': html(ARTICLE),
    '/public/rebound.html': (req, res) => html(reboundArticle(privatePort()))(req, res),
    [REBOUND.c3]: redirect(() => reboundUrl(privatePort(), '/buses/night.html')),
    [CITED.c1]: html(sourcePage(FACT.c1)),
    [CITED.c2]: redirect(() => `http://127.0.0.1:${privatePort()}/admin/status.html`),
    [CITED.c3]: redirect(() => `http://localhost:${privatePort()}/latest/meta-data/`),
    // A public hop first, then the private address.
    [CITED.c4]: redirect(() => CITED.c2),
    // Nothing listens on [::1]: a request that got through would fail as `network`, not be refused.
    [CITED.c5]: redirect(() => `http://[::1]:${privatePort()}/`),
  };
}

/**
 * Firefox preferences that keep every request on loopback while names look public: http goes
 * through the site's server as a proxy (loopback addresses are never proxied), every name
 * resolves to a documentation address (`203.0.113.7`, public by url.ts, never connected to), and
 * `rebind.example` (and `loopbackNames`) alone resolve to loopback and are reached directly.
 */
export function firefoxPublicSitePrefs(siteServerOrigin: string, loopbackNames: string[] = []): Record<string, string | number> {
  const names = [REBOUND_NAME, ...loopbackNames].join(',');
  return {
    'network.proxy.type': 1,
    'network.proxy.http': '127.0.0.1',
    'network.proxy.http_port': Number(new URL(siteServerOrigin).port),
    'network.proxy.no_proxies_on': names,
    'network.dns.forceResolve': '203.0.113.7',
    'network.dns.localDomains': names,
    // No DNS over HTTPS: every answer comes from the two preferences above.
    'network.trr.mode': 5,
  };
}

export function publicArticleUrl(serverOrigin: string, path = '/public/article.html'): string {
  return `http://${PUBLIC_NAME}:${new URL(serverOrigin).port}${path}`;
}

/** What the reader must see on the rebound article: the public source read, the others refused. */
export function expectReboundRefused(report: Report, verdicts: Record<string, string | null>, privateServer: PrivateServer): void {
  expect(privateServer.asked).toEqual([]);
  const byClaim = (id: keyof typeof REBOUND) => {
    const claim = report.claims.find((c) => c.id === id)!;
    return { claim, source: report.sources.find((s) => s.id === claim.sourceIds[0])! };
  };
  const ok = byClaim('c1');
  expect(ok.source).toMatchObject({ status: 'ok' });
  expect(ok.claim.verdict).toBe('supported');
  for (const id of ['c2', 'c3'] as const) {
    const { claim, source } = byClaim(id);
    expect(source).toMatchObject({ status: 'unavailable', reason: 'blocked_private' });
    expect(claim.verdict).toBe('unavailable');
    expect(verdicts[id]).toBe('unavailable');
  }
  expect(byClaim('c2').source.url).toContain(`//${REBOUND_NAME}:`);
  expect(byClaim('c3').source.url.endsWith(REBOUND.c3)).toBe(true);
}

/** What the reader must see: the public source read, the others refused for their address. */
export function expectRedirectsRefused(report: Report, verdicts: Record<string, string | null>, privateServer: PrivateServer): void {
  expect(privateServer.asked).toEqual([]);
  const byClaim = (id: keyof typeof CITED) => {
    const claim = report.claims.find((c) => c.id === id)!;
    return { claim, source: report.sources.find((s) => s.id === claim.sourceIds[0])! };
  };
  const ok = byClaim('c1');
  expect(ok.source).toMatchObject({ status: 'ok' });
  expect(ok.claim.verdict).toBe('supported');
  for (const id of ['c2', 'c3', 'c4', 'c5'] as const) {
    const { claim, source } = byClaim(id);
    expect(source.url.endsWith(CITED[id])).toBe(true);
    expect(source).toMatchObject({ status: 'unavailable', reason: 'blocked_private' });
    expect(claim.verdict).toBe('unavailable');
    expect(verdicts[id]).toBe('unavailable');
  }
}
