/**
 * End to end in Chromium (Firefox ESR: wayback-firefox.test.ts): the opt-in Wayback lookup for a dead link the article gives no archived
 * copy of. The extension is built in its test mode (`wxt build --mode wayback-standin`, into
 * .output/chrome-mv3-wayback-standin), whose lookup asks `/wayback/available` on the citing page's
 * own server: a local stand-in for the Internet Archive's availability API. The real service is
 * never asked. With the option off, no request reaches the stand-in; with it on, the dead link is
 * read from the stand-in's archived copy and marked archived.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FinishedReportSchema } from '../../utils/report/schema';
import { findChromium, launchWithExtension, storedReport, tabIdOf, waitForVerdicts, type ExtensionBrowser } from '../../scripts/lib/chromium';
import { root } from './fixtures';
import { expectDeadLinkHandled, useWaybackStandIn } from './wayback-standin';

const haveChromium = Boolean(findChromium());
if (!haveChromium) console.warn('Skipping Wayback lookup end-to-end tests: no Chromium (apt-get install -y chromium)');

describe.skipIf(!haveChromium)('Chromium: the opt-in Wayback lookup, against a local stand-in', () => {
  const env = useWaybackStandIn('chrome');

  /** Checks the fixture article in a fresh profile; the lookup turned on first when `lookup`. */
  async function checkArticle(lookup: boolean) {
    const ext: ExtensionBrowser = await launchWithExtension(env.build);
    try {
      if (lookup) {
        const options = await ext.context.newPage();
        await options.goto(`chrome-extension://${ext.extensionId}/options.html`);
        const box = options.getByTestId('wayback-lookup');
        expect(await box.isChecked()).toBe(false);
        await box.check();
        await expect
          .poll(() => options.evaluate(async () => JSON.stringify(await (globalThis as any).chrome.storage.local.get(null))), { timeout: 10_000 })
          .toContain('"waybackLookup":true');
        await options.close();
      }
      const article = await ext.context.newPage();
      const articleUrl = env.standIn.articleUrl;
      await article.goto(articleUrl);
      const verdicts = await waitForVerdicts(article);
      const tabId = await tabIdOf(await ext.currentWorker(), articleUrl);
      const report = FinishedReportSchema.parse(await storedReport(await ext.currentWorker(), tabId));
      return { verdicts, report };
    } finally {
      await ext.close();
    }
  }

  it('only the test build asks a stand-in: the release build keeps the Internet Archive’s address alone', () => {
    const background = (dir: string) => readFileSync(path.join(root, dir, 'background.js'), 'utf8');
    expect(background('.output/chrome-mv3-wayback-standin')).toContain('new URL(`/wayback/available`');
    expect(background('.output/chrome-mv3')).not.toMatch(/URL\(`\/wayback\/available`/);
  });

  it.each([
    ['with the option off (the default), the dead link is unavailable and the stand-in is never asked', false, 'unavailable'],
    ['with the option on, the dead link is read from the stand-in’s archived copy and marked archived', true, 'supported'],
  ])('%s', async (_label, lookup, verdict) => {
    const before = env.standIn.server.count('/sources/lock-keepers.html');
    const { verdicts, report } = await checkArticle(lookup);
    expect(Object.values(verdicts)).toEqual([verdict]);
    expectDeadLinkHandled(env.standIn, report, before, lookup);
  }, 120_000);
});
