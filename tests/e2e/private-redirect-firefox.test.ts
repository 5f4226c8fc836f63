/**
 * End to end in Debian's Firefox ESR (Chromium: private-redirect.test.ts): a public page's source
 * that redirects to a private address, or whose name resolves to one, is cancelled before the
 * private address is asked (the blocking webRequest listener and `dns.resolve`,
 * utils/sources/webrequest-guard.ts) and shows as `blocked_private`; the demo article on
 * 127.0.0.1 still reads its own sources at the same time.
 * Set-up: private-redirect.ts (names look public and reach the site's server as a proxy).
 */
import type { Browser, Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { FinishedReportSchema, type Report } from '../../utils/report/schema';
import { firefoxMissing, launchFirefoxWithExtension, openExtensionPage, waitForFirefoxVerdicts } from '../../scripts/lib/firefox';
import { startStaticServer, type StaticServer } from '../../scripts/lib/static-server';
import { DEMO_VERDICTS } from './demo-article';
import { demoDir } from './fixtures';
import {
  expectReboundRefused,
  expectRedirectsRefused,
  firefoxPublicSitePrefs,
  publicArticleUrl,
  publicSiteRoutes,
  REBOUND,
  startPrivateServer,
  type PrivateServer,
} from './private-redirect';
import { expectLocalRefusals, INTRANET_PAGE, INTRANET_TARGET, intranetArticleUrl, localSiteRoutes, loopbackArticleUrl } from './local-redirect';

const missing = firefoxMissing();
if (missing) console.warn(`Skipping Firefox private-redirect tests: ${missing}`);

describe.skipIf(Boolean(missing))('Firefox ESR: a public page cannot make the extension ask a private address', () => {
  let privateServer: PrivateServer;
  let server: StaticServer;
  let browser: Browser;
  let options: Page;

  it.beforeAll(async () => {
    privateServer = await startPrivateServer();
    server = await startStaticServer(demoDir, { routes: { ...publicSiteRoutes(() => privateServer.port), ...localSiteRoutes(() => privateServer.port) } });
    const firefox = await launchFirefoxWithExtension(undefined, { prefs: firefoxPublicSitePrefs(server.origin, [INTRANET_TARGET, INTRANET_PAGE]) });
    browser = firefox.browser;
    options = await openExtensionPage(browser, `${firefox.origin}/options.html`, 'body');
  }, 60_000);
  it.afterAll(async () => {
    await browser?.close();
    await server?.close();
    await privateServer?.close();
  });

  async function check(url: string, claims: number): Promise<{ verdicts: Record<string, string | null>; report: Report }> {
    const page = await browser.newPage();
    await page.goto(url);
    await waitForFirefoxVerdicts(page, claims);
    const verdicts = await page.evaluate(() =>
      Object.fromEntries([...document.querySelectorAll('citecheck-badge')].map((h) => [h.getAttribute('data-claim-id'), h.getAttribute('data-verdict')])),
    );
    const report = await options.evaluate(async (target) => {
      const api = (globalThis as any).browser;
      const tab = (await api.tabs.query({})).find((t: { url?: string }) => t.url === target);
      const answer = tab ? await api.runtime.sendMessage({ type: 'get-report', tabId: tab.id }) : null;
      return answer?.ok ? answer.value : null;
    }, url);
    await page.close();
    return { verdicts, report: FinishedReportSchema.parse(report) };
  }

  it('cancels redirects to 127.0.0.1, localhost and [::1], direct or after a public hop, before they are requested', async () => {
    const { verdicts, report } = await check(publicArticleUrl(server.origin), 5);
    expectRedirectsRefused(report, verdicts, privateServer);
    expect(server.count('/public/sources/moved-to-router.html')).toBeGreaterThan(0);
    expect(server.count('/public/sources/moved-twice.html')).toBeGreaterThan(0);
  }, 90_000);

  it('cancels a source whose public-looking name resolves to loopback, cited directly or behind a redirect, before it is requested', async () => {
    const { verdicts, report } = await check(publicArticleUrl(server.origin, '/public/rebound.html'), 3);
    expectReboundRefused(report, verdicts, privateServer);
    // The public hop was asked: the refusal is of the name's address, not of the source.
    expect(server.count(REBOUND.c3)).toBeGreaterThan(0);
  }, 90_000);

  it('from a loopback page, reads its loopback sources (127.0.0.1 and localhost) and cancels a redirect to an intranet name before it is requested', async () => {
    const { verdicts, report } = await check(loopbackArticleUrl(server.origin), 3);
    expectLocalRefusals(report, verdicts, privateServer, { read: ['c1', 'c2'], refused: ['c3'] });
    expect(server.count('/local/sources/moved-to-intranet.html')).toBeGreaterThan(0);
  }, 90_000);

  it('from an intranet page, reads its own sources and cancels redirects to 127.0.0.1 and localhost before they are requested', async () => {
    const { verdicts, report } = await check(intranetArticleUrl(server.origin), 3);
    expectLocalRefusals(report, verdicts, privateServer, { read: ['c1'], refused: ['c2', 'c3'] });
    expect(server.count('/local/sources/moved-to-loopback.html')).toBeGreaterThan(0);
  }, 90_000);

  it('checks the demo article on 127.0.0.1 with its own sources while the public page is checked again', async () => {
    const [demo, publicPage] = await Promise.all([check(`${server.origin}/article.html`, Object.keys(DEMO_VERDICTS).length), check(publicArticleUrl(server.origin), 5)]);
    expect(demo.verdicts).toEqual(DEMO_VERDICTS);
    expectRedirectsRefused(publicPage.report, publicPage.verdicts, privateServer);
  }, 120_000);
});
