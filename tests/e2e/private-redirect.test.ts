/**
 * End to end in Debian's Chromium (Firefox ESR: private-redirect-firefox.test.ts): a public page's
 * source that redirects to a private address is refused before the private address is asked
 * (declarativeNetRequest session rules, utils/sources/request-guard.ts), and shows as
 * `blocked_private`; the demo article on 127.0.0.1 still reads its own sources, also while the
 * public page is being checked. Set-up: private-redirect.ts.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { FinishedReportSchema } from '../../utils/report/schema';
import { chromiumMissing, launchWithExtension, storedReport, tabIdOf, waitForVerdicts, type ExtensionBrowser } from '../../scripts/lib/chromium';
import { startStaticServer, type StaticServer } from '../../scripts/lib/static-server';
import { DEMO_VERDICTS } from './demo-article';
import { demoDir } from './fixtures';
import { expectRedirectsRefused, PUBLIC_NAME, publicArticleUrl, publicSiteRoutes, startPrivateServer, type PrivateServer } from './private-redirect';

const missing = chromiumMissing();
if (missing) console.warn(`Skipping Chromium private-redirect tests: ${missing}`);

describe.skipIf(Boolean(missing))('Chromium: a public page cannot make the extension ask a private address', () => {
  let privateServer: PrivateServer;
  let server: StaticServer;
  let ext: ExtensionBrowser;

  it.beforeAll(async () => {
    privateServer = await startPrivateServer();
    server = await startStaticServer(demoDir, { routes: publicSiteRoutes(() => privateServer.port) });
    ext = await launchWithExtension(undefined, { args: [`--host-resolver-rules=MAP ${PUBLIC_NAME} 127.0.0.1`] });
  });
  it.afterAll(async () => {
    await ext?.close();
    await server?.close();
    await privateServer?.close();
  });

  async function check(url: string): Promise<{ page: Page; verdicts: Record<string, string | null>; report: ReturnType<typeof FinishedReportSchema.parse> }> {
    const page = await ext.context.newPage();
    await page.goto(url);
    const verdicts = await waitForVerdicts(page);
    const worker = await ext.currentWorker();
    const report = FinishedReportSchema.parse(await storedReport(worker, await tabIdOf(worker, url)));
    return { page, verdicts, report };
  }

  it('refuses redirects to 127.0.0.1, localhost and [::1], direct or after a public hop, before they are requested', async () => {
    const { page, verdicts, report } = await check(publicArticleUrl(server.origin));
    expectRedirectsRefused(report, verdicts, privateServer);
    // The public hops were asked: the refusal is of the private hop, not of the source.
    expect(server.count('/public/sources/moved-to-router.html')).toBeGreaterThan(0);
    expect(server.count('/public/sources/moved-twice.html')).toBeGreaterThan(0);
    // No rule is left installed once the check is done.
    const rules = await (await ext.currentWorker()).evaluate(() => (globalThis as any).chrome.declarativeNetRequest.getSessionRules());
    expect(rules).toEqual([]);
    await page.close();
  }, 90_000);

  it('checks the demo article on 127.0.0.1 with its own sources while the public page is checked again', async () => {
    const [demo, publicPage] = await Promise.all([check(`${server.origin}/article.html`), check(publicArticleUrl(server.origin))]);
    expect(demo.verdicts).toEqual(DEMO_VERDICTS);
    expect(demo.report.sources.filter((s) => s.status === 'ok').length).toBeGreaterThan(4);
    expectRedirectsRefused(publicPage.report, publicPage.verdicts, privateServer);
    await demo.page.close();
    await publicPage.page.close();
  }, 90_000);
});
