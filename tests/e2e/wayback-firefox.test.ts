/**
 * End to end in Debian's Firefox ESR: the opt-in Wayback lookup against the local stand-in (see
 * wayback-standin.ts and wayback.test.ts for Chromium). Off, the dead link is unavailable and the
 * stand-in sees no request; on, it is read from the stand-in's archived copy and marked archived.
 * Extension pages are opened with openExtensionPage and waited on with expect.poll (ESR 140).
 */
import type { Browser } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { FinishedReportSchema } from '../../utils/report/schema';
import { findFirefox, launchFirefoxWithExtension, openExtensionPage, waitForFirefoxVerdicts } from '../../scripts/lib/firefox';
import { expectDeadLinkHandled, useWaybackStandIn } from './wayback-standin';

const haveFirefox = Boolean(findFirefox());
if (!haveFirefox) console.warn('Skipping Firefox Wayback lookup tests: no Firefox ESR (apt-get install -y firefox-esr)');

describe.skipIf(!haveFirefox)('Firefox ESR: the opt-in Wayback lookup, against a local stand-in', () => {
  const env = useWaybackStandIn('firefox');

  async function checkArticle(lookup: boolean) {
    const { browser, origin }: { browser: Browser; origin: string } = await launchFirefoxWithExtension(env.build);
    try {
      const options = await openExtensionPage(browser, `${origin}/options.html`, '[data-testid="wayback-lookup"]');
      expect(await options.$eval('[data-testid="wayback-lookup"]', (el) => (el as HTMLInputElement).checked)).toBe(false);
      if (lookup) {
        await options.$eval('[data-testid="wayback-lookup"]', (el) => (el as HTMLInputElement).click());
        await expect
          .poll(() => options.evaluate(async () => JSON.stringify(await (globalThis as any).browser.storage.local.get(null))), { timeout: 10_000 })
          .toContain('"waybackLookup":true');
      }
      const article = await browser.newPage();
      await article.goto(env.standIn.articleUrl);
      await waitForFirefoxVerdicts(article, 1);
      const verdicts = await article.evaluate(() => [...document.querySelectorAll('citecheck-badge')].map((h) => h.getAttribute('data-verdict')));
      const report = await options.evaluate(async (url) => {
        const api = (globalThis as any).browser;
        const tab = (await api.tabs.query({})).find((t: { url?: string }) => t.url === url);
        const answer = tab ? await api.runtime.sendMessage({ type: 'get-report', tabId: tab.id }) : null;
        return answer?.ok ? answer.value : null;
      }, env.standIn.articleUrl);
      return { verdicts, report: FinishedReportSchema.parse(report) };
    } finally {
      await browser.close();
    }
  }

  it.each([
    ['with the option off (the default), the dead link is unavailable and the stand-in is never asked', false, 'unavailable'],
    ['with the option on, the dead link is read from the stand-in’s archived copy and marked archived', true, 'supported'],
  ])('%s', async (_label, lookup, verdict) => {
    const before = env.standIn.server.count('/sources/lock-keepers.html');
    const { verdicts, report } = await checkArticle(lookup);
    expect(verdicts).toEqual([verdict]);
    expectDeadLinkHandled(env.standIn, report, before, lookup);
  }, 120_000);
});
