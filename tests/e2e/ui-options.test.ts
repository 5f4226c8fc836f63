/** The reader's interface end to end in Debian's Chromium: the options page. */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, storedReport, tabIdOf, waitForVerdicts, type ExtensionBrowser } from '../../scripts/lib/chromium';
import { startStaticServer, type StaticServer } from '../../scripts/lib/static-server';
import { DEMO_VERDICTS } from './demo-article';
import { demoDir, shots, haveChromium, seriousViolations, injectAxe } from './ui-shared';


// ---------- options page ----------

describe.skipIf(!haveChromium)('Chromium UI: options page', () => {
  let server: StaticServer;
  let ext: ExtensionBrowser;

  beforeAll(async () => {
    await mkdir(shots, { recursive: true });
    server = await startStaticServer(demoDir);
    ext = await launchWithExtension();
  });

  afterAll(async () => {
    await ext?.close();
    await server?.close();
  });

  const optionsUrl = () => `chrome-extension://${ext.extensionId}/options.html`;
  const storedSettings = async () =>
    (await ext.currentWorker()).evaluate(async () => (await (globalThis as any).chrome.storage.local.get(null)) as Record<string, unknown>);

  it('turning a site off hides the badges on newly opened articles, turning it on restores them, and both persist', async () => {
    const url = `${server.origin}/article.html`;
    // On: badges appear; note how long that takes to size the wait for their absence.
    const first = await ext.context.newPage();
    const started = Date.now();
    await first.goto(url);
    expect(await waitForVerdicts(first)).toEqual(DEMO_VERDICTS);
    const onTime = Date.now() - started;
    await first.close();

    const options = await ext.context.newPage();
    await options.goto(optionsUrl());
    await options.locator('[data-testid="options"][data-state="ready"]').waitFor();
    await options.fill('[data-testid="site-input"]', '127.0.0.1');
    await options.click('[data-testid="site-add"]');
    await options.locator('[data-testid="disabled-sites"] [data-site="127.0.0.1"]').waitFor();
    await expect.poll(() => options.locator('[data-testid="status"]').innerText()).toBe('Citecheck is now off on 127.0.0.1.');
    expect(JSON.stringify(await storedSettings())).toContain('"disabledSites":["127.0.0.1"]');

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
    expect(JSON.stringify(await storedSettings())).toContain('"disabledSites":[]');

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
