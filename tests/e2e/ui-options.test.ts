/** The reader's interface end to end in Debian's Chromium: the options page. */
import path from 'node:path';
import { describe, expect } from 'vitest';
import { storedReport, tabIdOf, waitForVerdicts, type ExtensionBrowser } from '../../scripts/lib/chromium';
import { DEMO_VERDICTS } from './demo-article';
import { chromiumTest } from './fixtures';
import { shots, haveChromium, seriousViolations, injectAxe } from './ui-shared';

// ---------- options page ----------

const it = chromiumTest();

describe.skipIf(!haveChromium)('Chromium UI: options page', () => {
  const optionsUrl = (ext: ExtensionBrowser) => `chrome-extension://${ext.extensionId}/options.html`;
  const storedSettings = async (ext: ExtensionBrowser) =>
    (await ext.currentWorker()).evaluate(async () => (await (globalThis as any).chrome.storage.local.get(null)) as Record<string, unknown>);

  it('turning a site off hides the badges on newly opened articles, turning it on restores them, and both persist', async ({ server, ext }) => {
    const url = `${server.origin}/article.html`;
    // On: badges appear; note how long that takes to size the wait for their absence.
    const first = await ext.context.newPage();
    const started = Date.now();
    await first.goto(url);
    expect(await waitForVerdicts(first)).toEqual(DEMO_VERDICTS);
    const onTime = Date.now() - started;
    await first.close();

    const options = await ext.context.newPage();
    await options.goto(optionsUrl(ext));
    await options.locator('[data-testid="options"][data-state="ready"]').waitFor();
    await options.fill('[data-testid="site-input"]', '127.0.0.1');
    await options.click('[data-testid="site-add"]');
    await options.locator('[data-testid="disabled-sites"] [data-site="127.0.0.1"]').waitFor();
    await expect.poll(() => options.locator('[data-testid="status"]').innerText()).toBe('Citecheck is now off on 127.0.0.1.');
    expect(JSON.stringify(await storedSettings(ext))).toContain('"disabledSites":["127.0.0.1"]');

    // Persisted: a fresh options page shows it.
    await options.reload();
    await options.locator('[data-testid="disabled-sites"] [data-site="127.0.0.1"]').waitFor();
    await injectAxe(options, true);
    expect(await seriousViolations(options)).toEqual([]);
    await options.screenshot({ path: path.join(shots, 'ui-options.png'), fullPage: true });

    const off = await ext.context.newPage();
    await off.goto(url);
    await off.waitForTimeout(Math.max(3_000, 3 * onTime));
    expect(await off.locator('citecheck-badge').count()).toBe(0);
    const offTab = await tabIdOf(await ext.currentWorker(), url);
    expect(await storedReport(await ext.currentWorker(), offTab)).toBeNull();
    // The popup says the site is off rather than "no claims".
    const popup = await ext.context.newPage();
    await popup.goto(`chrome-extension://${ext.extensionId}/popup.html?tabId=${offTab}`);
    await popup.locator('[data-testid="site-off"]').waitFor();
    expect(await popup.locator('[data-testid="site-off"]').innerText()).toContain('Citecheck is off on 127.0.0.1');
    await popup.close();
    await off.close();

    // From the keyboard: the row goes away and focus moves to the site field, not the page's start.
    await options.focus('[data-site="127.0.0.1"] button');
    await options.keyboard.press('Enter');
    await options.locator('[data-testid="disabled-sites"]').waitFor({ state: 'detached' });
    await expect.poll(() => options.evaluate(() => document.activeElement?.id)).toBe('site-input');
    await expect.poll(() => options.locator('[data-testid="status"]').innerText()).toBe('Citecheck is on again on 127.0.0.1.');
    await options.reload();
    await options.locator('[data-testid="options"][data-state="ready"]').waitFor();
    expect(await options.locator('[data-testid="disabled-sites"]').count()).toBe(0);
    expect(JSON.stringify(await storedSettings(ext))).toContain('"disabledSites":[]');

    // The options page itself, with a site listed and after, passes axe.
    await injectAxe(options, true);
    expect(await seriousViolations(options)).toEqual([]);

    const on = await ext.context.newPage();
    await on.goto(url);
    expect(await waitForVerdicts(on)).toEqual(DEMO_VERDICTS);
    await on.close();
    await options.close();
  });
});
