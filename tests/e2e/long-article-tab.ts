/** Shared by the end-to-end files on the generated long article (tests/helpers/long-article.ts). */
import type { Page } from 'playwright-core';
import { tabIdOf, type ExtensionBrowser } from '../../scripts/lib/chromium';
import type { LongArticleServer } from '../helpers/long-article';

/** Sends one protocol call from an extension page, as the options page or the popup would. */
export async function callFromExtensionPage(ext: ExtensionBrowser, message: Record<string, unknown>): Promise<unknown> {
  const page = await ext.context.newPage();
  try {
    await page.goto(`chrome-extension://${ext.extensionId}/options.html`);
    return await page.evaluate((m) => (globalThis as any).chrome.runtime.sendMessage(m), message);
  } finally {
    await page.close();
  }
}

/** Opens the article with an empty source cache, so every source checked is a request; waits for its `references` badges. */
export async function openLongArticle(
  ext: ExtensionBrowser,
  server: LongArticleServer,
  references: number,
): Promise<{ page: Page; tabId: number; since: number }> {
  await callFromExtensionPage(ext, { type: 'clear-cache' });
  const since = server.now();
  const page = await ext.context.newPage();
  await page.goto(server.articleUrl);
  await page.waitForFunction((n) => document.querySelectorAll('citecheck-badge').length === n, references, { timeout: 20_000 });
  return { page, tabId: await tabIdOf(await ext.currentWorker(), server.articleUrl), since };
}
