/**
 * The first-run page end to end in Chromium: it says what Citecheck fetches and when, it passes
 * axe in light and dark, and the mode picked there is the one the extension stores.
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import { chromiumMissing, type ExtensionBrowser } from '../../scripts/lib/chromium';
import { chromiumTest, shots } from './fixtures';
import { extensionPageViolations as seriousViolations } from './axe';

const missing = chromiumMissing();
if (missing) console.warn(`Skipping Chromium first-run tests: ${missing}`);


async function storedCheckMode(ext: ExtensionBrowser): Promise<unknown> {
  return (await ext.currentWorker()).evaluate(async () => {
    const stored = await (globalThis as any).chrome.storage.local.get('settings');
    return stored.settings?.checkMode ?? null;
  });
}

for (const scheme of ['light', 'dark'] as const) {
  // A browser per scheme: the last test stores a choice, which the other scheme's first test must not see.
  const it = chromiumTest({ colorScheme: scheme });
  describe.skipIf(!!missing)(`Chromium UI: the first-run page (${scheme})`, () => {
    let page: Page;

    it.beforeAll(async ({ ext }) => {
      page = await ext.context.newPage();
      await page.setViewportSize({ width: 900, height: 1000 });
      await page.goto(`chrome-extension://${ext.extensionId}/welcome.html`);
      await page.locator('[data-testid="welcome"][data-state="ready"]').waitFor();
    });

    it('says what is fetched and when, with "automatically on every site" chosen', async () => {
      const text = await page.locator('main').innerText();
      expect(text).toContain('Only the pages an article cites');
      expect(text).toContain('Nothing leaves your browser');
      expect(await page.getByRole('radio', { name: 'Automatically on every site' }).isChecked()).toBe(true);
      expect(await page.getByRole('radio', { name: 'Only when I click' }).isChecked()).toBe(false);
      const background = await page.evaluate(() => getComputedStyle(document.querySelector('.welcome')!).backgroundColor);
      expect(background).toBe(scheme === 'dark' ? 'rgb(29, 34, 41)' : 'rgb(255, 255, 255)');
      await page.screenshot({ path: path.join(shots, `ui-first-run-${scheme}.png`), fullPage: true });
    });

    it('has no serious or critical axe violations', async () => {
      expect(await seriousViolations(page)).toEqual([]);
    });

    it('the mode picked, by keyboard, is the mode stored', async ({ ext }) => {
      await page.getByRole('radio', { name: 'Automatically on every site' }).focus();
      // Arrow keys move through a radio group and select as they go.
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('ArrowDown');
      expect(await page.getByRole('radio', { name: 'Only when I click' }).isChecked()).toBe(true);
      await expect.poll(() => storedCheckMode(ext)).toBe('click');
      await expect.poll(() => page.locator('[data-testid="status"]').innerText()).toBe('Saved: “Only when I click”.');
      // The options page shows the same choice.
      const options = await ext.context.newPage();
      await options.goto(`chrome-extension://${ext.extensionId}/options.html`);
      await options.locator('[data-testid="options"][data-state="ready"]').waitFor();
      expect(await options.getByRole('radio', { name: 'Only when I click' }).isChecked()).toBe(true);
      await options.close();
    });
  });
}
