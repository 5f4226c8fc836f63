/** The reader's interface end to end in Debian's Chromium: the popup's per-site switch. */
import { describe, expect } from 'vitest';
import { tabIdOf, waitForVerdicts } from '../../scripts/lib/chromium';
import { DEMO_VERDICTS } from './demo-article';
import { chromiumTest } from './fixtures';
import { haveChromium, openPopup } from './ui-shared';

const it = chromiumTest();


describe.skipIf(!haveChromium)('Chromium UI: the popup\'s site switch', () => {
  it('"Turn off here" switches the site off for new pages and says a reload removes the badges; turning on brings them back', async ({ server, ext }) => {
    const url = `${server.origin}/article.html`;
    const page = await ext.context.newPage();
    const started = Date.now();
    await page.goto(url);
    expect(await waitForVerdicts(page)).toEqual(DEMO_VERDICTS);
    const onTime = Date.now() - started;
    const popup = await openPopup(ext, await tabIdOf(await ext.currentWorker(), url));

    const focusedTestId = () => popup.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? document.activeElement?.localName);
    // From the keyboard: the switch pressed gives way to its opposite, which takes the focus.
    await popup.focus('[data-testid="site-off-button"]');
    await popup.keyboard.press('Enter');
    await popup.locator('[data-testid="site-off"]').waitFor();
    await expect.poll(focusedTestId).toBe('site-on');
    expect(await popup.locator('[data-testid="site-off"]').innerText()).toContain('Citecheck is off on 127.0.0.1. Reload the page to remove its badges.');
    // No re-check offered for a site that is off.
    expect(await popup.locator('[data-testid="recheck"]').count()).toBe(0);
    const off = await ext.context.newPage();
    await off.goto(url);
    await off.waitForTimeout(Math.max(3_000, 3 * onTime));
    expect(await off.locator('citecheck-badge').count()).toBe(0);
    await off.close();

    await popup.keyboard.press('Enter');
    await popup.locator('[data-testid="site-changed"]').waitFor();
    await expect.poll(focusedTestId).toBe('site-off-button');
    expect(await popup.locator('[data-testid="site-off"]').count()).toBe(0);
    const on = await ext.context.newPage();
    await on.goto(url);
    expect(await waitForVerdicts(on)).toEqual(DEMO_VERDICTS);
    await on.close();
    await popup.close();
    await page.close();
  });
});
