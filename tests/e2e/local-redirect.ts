/**
 * Set-up for the pages that are not public (private-redirect.test.ts and its Firefox twin): a
 * loopback page's source that redirects to an intranet name, and an intranet page's sources that
 * redirect to loopback. Each kind of page may read its own kind, never the other, and the
 * refused hop is never requested.
 *
 * `intranet.lan` and `wiki.lan` are private by their names (url.ts) and resolve to 127.0.0.1 in
 * the tests only (Chromium: `--host-resolver-rules`; Firefox: `network.dns.localDomains`), so a
 * request that got through would reach the private server, which counts it.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { expect } from 'vitest';
import type { Route } from '../../scripts/lib/static-server';
import type { Report } from '../../utils/report/schema';
import type { PrivateServer } from './private-redirect';

export const INTRANET_TARGET = 'intranet.lan';
export const INTRANET_PAGE = 'wiki.lan';

const FACT = {
  c1: 'the library lent 41,000 books in 2023',
  c2: 'the swimming pool sold 12,500 season passes in 2023',
  c3: 'the museum counted 88,000 visitors in 2023',
};

const page = (title: string, body: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head><body><article><h1>${title}</h1>${body}</article></body></html>`;

const article = (title: string, hrefs: [string, string, string]) =>
  page(
    title,
    `<p>How the town's public services were used last year, from the library to the museum.</p>
  <ul>
    <li>According to the Library Board, ${FACT.c1}. [1]</li>
    <li>According to the Leisure Office, ${FACT.c2}. [2]</li>
    <li>According to the Museum Trust, ${FACT.c3}. [3]</li>
  </ul>
  <h2>Sources</h2>
  <ol>
    <li><a href="${hrefs[0]}">Library Board: Loans 2023</a></li>
    <li><a href="${hrefs[1]}">Leisure Office: Season passes 2023</a></li>
    <li><a href="${hrefs[2]}">Museum Trust: Visitors 2023</a></li>
  </ol>`,
  );

const sourcePage = (fact: string) =>
  page('Figures for 2023', `<p>Our yearly figures are out. In short, ${fact}, as counted by our own staff over the whole year.</p><p>The full tables follow in the annual report, with each month and each district listed apart.</p>`);

const html = (body: (req: IncomingMessage) => string): Route => (req, res) => {
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
  res.end(body(req));
};
const redirect = (location: () => string): Route => (_req, res: ServerResponse) => {
  res.writeHead(302, { location: location() });
  res.end();
};

/** The routes both pages need; `privatePort` is read when a redirect is answered. */
export function localSiteRoutes(privatePort: () => number): Record<string, Route> {
  return {
    // Reached as http://127.0.0.1:PORT/local/article.html: a loopback page.
    '/local/article.html': html((req) =>
      article('Town services in 2023', [
        '/local/sources/library.html',
        // Another loopback name for the same server: a loopback page may read it.
        `http://localhost:${req.socket.localPort}/local/sources/pool.html`,
        '/local/sources/moved-to-intranet.html',
      ]),
    ),
    // Reached as http://wiki.lan:PORT/intranet/article.html: a page on a private address.
    '/intranet/article.html': html(() =>
      article('Town services in 2023 (intranet copy)', ['/local/sources/library.html', '/local/sources/moved-to-loopback.html', '/local/sources/moved-to-localhost.html']),
    ),
    '/local/sources/library.html': html(() => sourcePage(FACT.c1)),
    '/local/sources/pool.html': html(() => sourcePage(FACT.c2)),
    '/local/sources/moved-to-intranet.html': redirect(() => `http://${INTRANET_TARGET}:${privatePort()}/museum/visitors.html`),
    '/local/sources/moved-to-loopback.html': redirect(() => `http://127.0.0.1:${privatePort()}/pool/passes.html`),
    '/local/sources/moved-to-localhost.html': redirect(() => `http://localhost:${privatePort()}/museum/visitors.html`),
  };
}

export const loopbackArticleUrl = (serverOrigin: string) => `${serverOrigin}/local/article.html`;
export const intranetArticleUrl = (serverOrigin: string) => `http://${INTRANET_PAGE}:${new URL(serverOrigin).port}/intranet/article.html`;

/** Each claim's source, by claim id. */
function sourceOf(report: Report, id: string) {
  const claim = report.claims.find((c) => c.id === id)!;
  return { claim, source: report.sources.find((s) => s.id === claim.sourceIds[0])! };
}

/**
 * What the reader must see: `read` claims supported from their source, `refused` ones
 * `unavailable` for `blocked_private`, and the private server never asked.
 */
export function expectLocalRefusals(
  report: Report,
  verdicts: Record<string, string | null>,
  privateServer: PrivateServer,
  expected: { read: string[]; refused: string[] },
): void {
  expect(privateServer.asked).toEqual([]);
  for (const id of expected.read) {
    const { claim, source } = sourceOf(report, id);
    expect(source).toMatchObject({ status: 'ok' });
    expect(claim.verdict).toBe('supported');
  }
  for (const id of expected.refused) {
    const { claim, source } = sourceOf(report, id);
    expect(source).toMatchObject({ status: 'unavailable', reason: 'blocked_private' });
    expect(claim.verdict).toBe('unavailable');
    expect(verdicts[id]).toBe('unavailable');
  }
}
