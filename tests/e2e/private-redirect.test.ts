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
import { privateUrlPatterns } from '../../utils/sources/private-rules';
import { RULES_LINGER_MS } from '../../utils/sources/request-guard';
import { chromiumMissing, launchWithExtension, storedReport, tabIdOf, waitForVerdicts, type ExtensionBrowser } from '../../scripts/lib/chromium';
import { startStaticServer, type StaticServer } from '../../scripts/lib/static-server';
import { DEMO_VERDICTS } from './demo-article';
import { demoDir } from './fixtures';
import { expectRedirectsRefused, PUBLIC_NAME, publicArticleUrl, publicSiteRoutes, startPrivateServer, type PrivateServer } from './private-redirect';
import { expectLocalRefusals, INTRANET_PAGE, INTRANET_TARGET, intranetArticleUrl, localSiteRoutes, loopbackArticleUrl } from './local-redirect';

const missing = chromiumMissing();
if (missing) console.warn(`Skipping Chromium private-redirect tests: ${missing}`);

describe.skipIf(Boolean(missing))('Chromium: a public page cannot make the extension ask a private address', () => {
  let privateServer: PrivateServer;
  let server: StaticServer;
  let ext: ExtensionBrowser;

  it.beforeAll(async () => {
    privateServer = await startPrivateServer();
    server = await startStaticServer(demoDir, { routes: { ...publicSiteRoutes(() => privateServer.port), ...localSiteRoutes(() => privateServer.port) } });
    const mapped = [PUBLIC_NAME, INTRANET_TARGET, INTRANET_PAGE].map((name) => `MAP ${name} 127.0.0.1`).join(', ');
    ext = await launchWithExtension(undefined, { args: [`--host-resolver-rules=${mapped}`] });
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

  it('compiles every rule pattern within the memory Chrome allows one (a pattern over it fails the whole mode)', async () => {
    const worker = await ext.currentWorker();
    const unsupported = await worker.evaluate(async (patterns: string[]) => {
      const dnr = (globalThis as any).chrome.declarativeNetRequest;
      const answers = await Promise.all(patterns.map((regex) => dnr.isRegexSupported({ regex, isCaseSensitive: false })));
      return patterns.filter((_, i) => !answers[i].isSupported).map((regex, i) => `${regex}: ${answers[i].reason}`);
    }, privateUrlPatterns());
    expect(unsupported).toEqual([]);
  });

  it('refuses redirects to 127.0.0.1, localhost and [::1], direct or after a public hop, before they are requested', async () => {
    const { page, verdicts, report } = await check(publicArticleUrl(server.origin));
    expectRedirectsRefused(report, verdicts, privateServer);
    // The public hops were asked: the refusal is of the private hop, not of the source.
    expect(server.count('/public/sources/moved-to-router.html')).toBeGreaterThan(0);
    expect(server.count('/public/sources/moved-twice.html')).toBeGreaterThan(0);
    // No rule is left installed once the check is done and the rules' linger has passed.
    const installed = async () => (await ext.currentWorker()).evaluate(() => (globalThis as any).chrome.declarativeNetRequest.getSessionRules());
    await expect.poll(installed, { timeout: RULES_LINGER_MS + 5_000, interval: 250 }).toEqual([]);
    await page.close();
  }, 90_000);

  it('from a loopback page, reads its loopback sources (127.0.0.1 and localhost) and refuses a redirect to an intranet name before it is requested', async () => {
    const { page, verdicts, report } = await check(loopbackArticleUrl(server.origin));
    expectLocalRefusals(report, verdicts, privateServer, { read: ['c1', 'c2'], refused: ['c3'] });
    expect(server.count('/local/sources/moved-to-intranet.html')).toBeGreaterThan(0);
    await page.close();
  }, 90_000);

  it('from an intranet page, reads its own sources and refuses redirects to 127.0.0.1 and localhost before they are requested', async () => {
    const { page, verdicts, report } = await check(intranetArticleUrl(server.origin));
    expectLocalRefusals(report, verdicts, privateServer, { read: ['c1'], refused: ['c2', 'c3'] });
    expect(server.count('/local/sources/moved-to-loopback.html')).toBeGreaterThan(0);
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
