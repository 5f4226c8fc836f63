/**
 * End to end in Debian's Firefox ESR (Chromium: private-redirect.test.ts): a public page's source
 * that redirects to a private address is cancelled before the private address is asked (the
 * blocking webRequest listener, utils/sources/webrequest-guard.ts) and shows as `blocked_private`;
 * the demo article on 127.0.0.1 still reads its own sources at the same time.
 * Set-up: private-redirect.ts; every name resolves to 127.0.0.1 (`network.dns.forceResolve`).
 */
import type { Browser, Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { FinishedReportSchema, type Report } from '../../utils/report/schema';
import { firefoxMissing, launchFirefoxWithExtension, openExtensionPage, waitForFirefoxVerdicts } from '../../scripts/lib/firefox';
import { startStaticServer, type StaticServer } from '../../scripts/lib/static-server';
import { DEMO_VERDICTS } from './demo-article';
import { demoDir } from './fixtures';
import { expectRedirectsRefused, publicArticleUrl, publicSiteRoutes, startPrivateServer, type PrivateServer } from './private-redirect';

const missing = firefoxMissing();
if (missing) console.warn(`Skipping Firefox private-redirect tests: ${missing}`);

describe.skipIf(Boolean(missing))('Firefox ESR: a public page cannot make the extension ask a private address', () => {
  let privateServer: PrivateServer;
  let server: StaticServer;
  let browser: Browser;
  let options: Page;

  it.beforeAll(async () => {
    privateServer = await startPrivateServer();
    server = await startStaticServer(demoDir, { routes: publicSiteRoutes(() => privateServer.port) });
    const firefox = await launchFirefoxWithExtension(undefined, { prefs: { 'network.dns.forceResolve': '127.0.0.1' } });
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

  it('checks the demo article on 127.0.0.1 with its own sources while the public page is checked again', async () => {
    const [demo, publicPage] = await Promise.all([check(`${server.origin}/article.html`, 8), check(publicArticleUrl(server.origin), 5)]);
    expect(demo.verdicts).toEqual(DEMO_VERDICTS);
    expectRedirectsRefused(publicPage.report, publicPage.verdicts, privateServer);
  }, 120_000);
});
