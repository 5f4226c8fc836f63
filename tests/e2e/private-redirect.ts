/**
 * Set-up shared by private-redirect.test.ts (Chromium) and private-redirect-firefox.test.ts: a
 * public-looking article whose sources redirect to private addresses, and the private server they
 * point at, which must never be asked anything.
 *
 * Both servers listen on 127.0.0.1 only. The article is reached as `http://news.example:PORT/`,
 * a public name the browser is told to resolve to 127.0.0.1 (Chromium: `--host-resolver-rules`,
 * Firefox: `network.dns.forceResolve`), so the extension treats it as a public page. Its
 * sources redirect to `127.0.0.1`, `localhost` and `[::1]` on the private server's port, directly
 * or after a public hop. The private server answers every path with the words each claim needs, so a
 * request that got through would also turn a claim supported.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { expect } from 'vitest';
import type { Route } from '../../scripts/lib/static-server';
import type { Report } from '../../utils/report/schema';

export const PUBLIC_NAME = 'news.example';

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

/** The public site's routes; `privatePort` is read when a redirect is answered. */
export function publicSiteRoutes(privatePort: () => number): Record<string, Route> {
  return {
    '/public/article.html': html(ARTICLE),
    [CITED.c1]: html(sourcePage(FACT.c1)),
    [CITED.c2]: redirect(() => `http://127.0.0.1:${privatePort()}/admin/status.html`),
    [CITED.c3]: redirect(() => `http://localhost:${privatePort()}/latest/meta-data/`),
    // A public hop first, then the private address.
    [CITED.c4]: redirect(() => CITED.c2),
    // Nothing listens on [::1]: a request that got through would fail as `network`, not be refused.
    [CITED.c5]: redirect(() => `http://[::1]:${privatePort()}/`),
  };
}

export function publicArticleUrl(serverOrigin: string): string {
  return `http://${PUBLIC_NAME}:${new URL(serverOrigin).port}/public/article.html`;
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
