/**
 * "Only when I click", driven the way a reader drives it: badges say "Not checked" and nothing is
 * fetched; a real mouse click (or Enter) on one badge checks that claim alone; the popup's "Check
 * this page" button checks the rest, each source once. Chromium, and the badge click in Firefox.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumMissing, launchWithExtension, type ExtensionBrowser } from '../../scripts/lib/chromium';
import { firefoxMissing, launchFirefoxWithExtension, openExtensionPage } from '../../scripts/lib/firefox';
import { startLongArticleServer, type LongArticleServer } from '../helpers/long-article';
import { callFromExtensionPage, openLongArticle } from './long-article-tab';

const REFERENCES = 12;
const HOSTS = 3;
const LATENCY_MS = 60;

const noChromium = chromiumMissing();
const noFirefox = firefoxMissing();
if (noChromium) console.warn(`Skipping Chromium click-mode tests: ${noChromium}`);
if (noFirefox) console.warn(`Skipping Firefox click-mode test: ${noFirefox}`);

/** Runs in the page: each badge's verdict by claim id. */
function verdicts(): Record<string, string> {
  return Object.fromEntries([...document.querySelectorAll('citecheck-badge')].map((b) => [b.getAttribute('data-claim-id'), b.getAttribute('data-verdict')]));
}

const refsSince = (server: LongArticleServer, since: number) => server.requests.filter((r) => r.at >= since).map((r) => r.ref);

describe.skipIf(!!noChromium)('Chromium: only when I click', () => {
  let server: LongArticleServer;
  let ext: ExtensionBrowser;

  const call = (message: Record<string, unknown>) => callFromExtensionPage(ext, message);

  const open = () => openLongArticle(ext, server, REFERENCES);

  const badgeButton = (page: Page, claimId: string) => page.locator(`citecheck-badge[data-claim-id="${claimId}"] button`);

  beforeAll(async () => {
    server = await startLongArticleServer({ references: REFERENCES, hosts: HOSTS, latencyMs: LATENCY_MS });
    ext = await launchWithExtension();
    expect(await call({ type: 'set-check-mode', mode: 'click' })).toEqual({ ok: true, value: null });
  });

  afterAll(async () => {
    await ext?.close();
    await server?.close();
  });

  it('badges say "Not checked"; a mouse click on one checks that claim alone, and so does Enter on another', async () => {
    const { page, since } = await open();
    await page.waitForTimeout(LATENCY_MS * 6);
    expect(new Set(Object.values(await page.evaluate(verdicts)))).toEqual(new Set(['unchecked']));
    expect(await badgeButton(page, 'c3').getAttribute('aria-label')).toMatch(/not checked/i);
    expect(server.countSince(since)).toBe(0);

    // A real pointer click in the middle of the badge.
    const box = await badgeButton(page, 'c3').boundingBox();
    expect(box).not.toBeNull();
    await page.mouse.click(box!.x + box!.width / 2, box!.y + box!.height / 2);
    await page.waitForFunction(() => document.querySelector('citecheck-badge[data-claim-id="c3"]')?.getAttribute('data-verdict') === 'supported', undefined, {
      timeout: 10_000,
    });
    expect(refsSince(server, since)).toEqual([3]);
    expect(await badgeButton(page, 'c3').getAttribute('aria-label')).not.toMatch(/not checked/i);

    // The keyboard: focus another badge and press Enter.
    await badgeButton(page, 'c7').focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('citecheck-badge[data-claim-id="c7"]')?.getAttribute('data-verdict') === 'supported', undefined, {
      timeout: 10_000,
    });
    await page.waitForTimeout(LATENCY_MS * 4);
    expect(refsSince(server, since)).toEqual([3, 7]);
    const after = await page.evaluate(verdicts);
    expect(Object.entries(after).filter(([, v]) => v === 'unchecked').map(([id]) => id)).toHaveLength(REFERENCES - 2);
    await page.close();
  });

  it('the popup\'s "Check this page" button checks every claim, each source once', async () => {
    const { page, tabId, since } = await open();
    await page.waitForTimeout(LATENCY_MS * 4);
    expect(server.countSince(since)).toBe(0);
    const popup = await ext.context.newPage();
    await popup.goto(`chrome-extension://${ext.extensionId}/popup.html?tabId=${tabId}`);
    const button = popup.getByTestId('check-page');
    await button.waitFor({ timeout: 10_000 });
    expect(await button.textContent()).toBe('Check this page');
    await button.click();
    await page.waitForFunction(() => [...document.querySelectorAll('citecheck-badge')].every((b) => b.getAttribute('data-verdict') === 'supported'), undefined, {
      timeout: 20_000,
    });
    expect([...refsSince(server, since)].sort((a, b) => a - b)).toEqual(Array.from({ length: REFERENCES }, (_, i) => i + 1));
    expect(server.fetchedTwice(since)).toEqual([]);
    // The popup follows the report: the button is gone once nothing is left to check.
    await popup.getByTestId('check-page').waitFor({ state: 'detached', timeout: 10_000 });
    await popup.close();
    await page.close();
  });
});

describe.skipIf(!!noFirefox)('Firefox ESR: only when I click', () => {
  it('a mouse click on a "Not checked" badge checks that claim alone', async () => {
    const server = await startLongArticleServer({ references: REFERENCES, hosts: HOSTS, latencyMs: LATENCY_MS });
    const { browser, origin } = await launchFirefoxWithExtension();
    try {
      // The mode is set from an extension page, with the message the options page sends.
      const options = await openExtensionPage(browser, `${origin}/options.html`, '[data-testid="options"]');
      const answer = await options.evaluate(() => (globalThis as any).browser.runtime.sendMessage({ type: 'set-check-mode', mode: 'click' }));
      expect(answer).toEqual({ ok: true, value: null });
      await options.close();

      const page = await browser.newPage();
      await page.setViewport({ width: 1100, height: 900 }).catch(() => undefined);
      const since = server.now();
      await page.goto(server.articleUrl);
      await page.waitForFunction((n: number) => document.querySelectorAll('citecheck-badge').length === n, { timeout: 45_000 }, REFERENCES);
      await new Promise((r) => setTimeout(r, LATENCY_MS * 6));
      expect(new Set(Object.values(await page.evaluate(verdicts)))).toEqual(new Set(['unchecked']));
      expect(server.countSince(since)).toBe(0);

      const box = await page.evaluate(() => {
        const rect = document.querySelector('citecheck-badge[data-claim-id="c4"]')!.getBoundingClientRect();
        return { x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 };
      });
      await page.mouse.click(box.x, box.y);
      await page.waitForFunction(() => document.querySelector('citecheck-badge[data-claim-id="c4"]')?.getAttribute('data-verdict') === 'supported', {
        timeout: 20_000,
      });
      await new Promise((r) => setTimeout(r, LATENCY_MS * 4));
      expect(refsSince(server, since)).toEqual([4]);
      expect(Object.values(await page.evaluate(verdicts)).filter((v) => v === 'unchecked')).toHaveLength(REFERENCES - 1);
    } finally {
      await browser.close();
      await server.close();
    }
  });
});
