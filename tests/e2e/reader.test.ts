/**
 * End to end in Chromium (Firefox ESR: reader-firefox.test.ts): the reader view ("Show in Citecheck") of the demo article's sources,
 * opened from the popup and by its address, read from the cache with the source server stopped,
 * highlighted at the claim's passage, and axe-clean in light and dark.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FinishedReportSchema, type Report } from '../../utils/report/schema';
import { chromiumMissing, launchWithExtension, storedReport, tabIdOf, waitForVerdicts, type ExtensionBrowser } from '../../scripts/lib/chromium';
import { startStaticServer, type StaticServer } from '../../scripts/lib/static-server';
import { DEMO_ARCHIVED, DEMO_PDF_PAGE } from './demo-article';
import { extensionPageViolations as seriousViolations } from './axe';

const root = path.resolve(import.meta.dirname, '../..');
const shots = path.join(root, 'test-output');
const missing = chromiumMissing();
if (missing) console.warn(`Skipping reader view end-to-end tests: ${missing}`);

/**
 * Where the marked passage is (its first mark), whether it is on screen, and its text: the marks of
 * the best passage joined, whitespace collapsed (in HTML a passage crossing elements has several).
 */
async function passageOnScreen(page: Page): Promise<{ text: string; top: number; bottom: number; height: number; marks: number }> {
  const mark = page.getByTestId('reader-passage');
  await mark.first().waitFor();
  return page.evaluate(() => {
    const marks = [...document.querySelectorAll('[data-testid="reader-passage"]')];
    const box = marks[0].getBoundingClientRect();
    // Marks in two blocks (paragraphs, items) are two blocks' words: a space between them.
    const blockOf = (m: Element) => m.closest('p,li,dd,dt,h1,h2,h3,h4,h5,h6,td,th,blockquote,pre,figcaption,div,article');
    const text = marks
      .map((m, i) => (i > 0 && blockOf(m) !== blockOf(marks[i - 1]) ? ' ' : '') + (m.textContent ?? ''))
      .join('')
      .replace(/\s+/g, ' ')
      .trim();
    return { text, top: box.top, bottom: box.bottom, height: window.innerHeight, marks: document.querySelectorAll('mark').length };
  });
}

/** Elements and attributes of the shown source that would run or load something. */
function offendersIn(page: Page, selector: string): Promise<string[]> {
  return page.evaluate((sel) => {
    const found: string[] = [];
    const root = document.querySelector(sel)!;
    for (const el of root.querySelectorAll('script,style,link,meta,base,img,picture,source,video,audio,iframe,object,embed,svg,form')) found.push(el.tagName);
    for (const el of root.querySelectorAll('*')) {
      for (const attr of Array.from(el.attributes)) {
        if (/^on|^(?:src|srcset|style|poster|background|action|formaction|data)$/i.test(attr.name)) found.push(`${el.tagName}[${attr.name}]`);
      }
      if (el.hasAttribute('href') && !/^https?:\/\//.test(el.getAttribute('href')!)) found.push(`${el.tagName}[href]`);
    }
    return found;
  }, selector);
}


describe.skipIf(Boolean(missing))('Chromium: the reader view', () => {
  let server: StaticServer | null = null;
  let ext: ExtensionBrowser;
  let tabId: number;
  let report: Report;

  const readerPage = async (claimId: string, sourceId: string, colorScheme: 'light' | 'dark' = 'light') => {
    const page = await ext.context.newPage();
    await page.emulateMedia({ colorScheme });
    await page.goto(`chrome-extension://${ext.extensionId}/reader.html?tab=${tabId}&claim=${claimId}&source=${sourceId}`);
    return page;
  };
  const claim = (id: string) => report.claims.find((c) => c.id === id)!;

  beforeAll(async () => {
    await mkdir(shots, { recursive: true });
    server = await startStaticServer(path.join(root, 'assets/demo'));
    ext = await launchWithExtension();
    const article = await ext.context.newPage();
    const articleUrl = `${server.origin}/article.html`;
    await article.goto(articleUrl);
    await waitForVerdicts(article);
    tabId = await tabIdOf(await ext.currentWorker(), articleUrl);
    report = FinishedReportSchema.parse(await storedReport(await ext.currentWorker(), tabId));
    // From here on the sources exist only in the extension's cache: the reader view makes no request.
    await server.close();
    server = null;
  }, 90_000);

  afterAll(async () => {
    await ext?.close();
    await server?.close();
  });

  it('opens from the popup row and marks the claim’s best passage of an HTML source, on screen', async () => {
    const c1 = claim('c1');
    const popup = await ext.context.newPage();
    await popup.goto(`chrome-extension://${ext.extensionId}/popup.html?tabId=${tabId}`);
    await popup.locator('[data-testid="claim-row"][data-claim-id="c1"] button.row-main').click();
    const opened = ext.context.waitForEvent('page');
    await popup.locator('[data-testid="claim-row"][data-claim-id="c1"]').getByTestId('show-in-citecheck').first().click();
    const page = await opened;
    await page.waitForLoadState();
    expect(new URL(page.url()).pathname).toBe('/reader.html');
    const shown = await passageOnScreen(page);
    expect(shown.text).toBe(c1.evidence[0].text.replace(/\s+/g, ' ').trim());
    expect(shown.text).toContain('4 degrees Celsius cooler');
    // The source's readable HTML, sanitised: the passage is marked across its emphasis.
    await page.getByTestId('reader-html').waitFor();
    expect(await page.locator('[data-testid="reader-html"] strong mark').textContent()).toBe('4 degrees Celsius cooler');
    expect(await page.locator('[data-testid="reader-html"] em mark').textContent()).toBe('mature');
    expect(await offendersIn(page, '[data-testid="reader-html"]')).toEqual([]);
    const sourceLink = page.locator('[data-testid="reader-html"] a').first();
    expect(await sourceLink.getAttribute('href')).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/research\/riverton-walk-map$/);
    expect(await sourceLink.getAttribute('target')).toBe('_blank');
    expect(await sourceLink.getAttribute('rel')).toBe('noopener noreferrer');
    expect(shown.top).toBeGreaterThanOrEqual(0);
    expect(shown.bottom).toBeLessThanOrEqual(shown.height);
    const source = report.sources.find((s) => s.id === c1.evidence[0].sourceId)!;
    // The title is the source page's own, as read (the article's citation may word it longer).
    const title = (await page.getByTestId('reader-title').textContent()) ?? '';
    expect(title).toBe('Street trees and afternoon heat');
    expect(source.title).toContain(title);
    const link = page.getByTestId('reader-url');
    expect(await link.getAttribute('target')).toBe('_blank');
    expect(await link.getAttribute('rel')).toBe('noopener noreferrer');
    await page.screenshot({ path: path.join(shots, 'reader-html.png') });
    await popup.close();
    await page.close();
  });

  it('shows the PDF source with the passage’s page, and each stated part of the partial claim', async () => {
    const c7 = claim(DEMO_PDF_PAGE.claimId);
    const page = await readerPage(c7.id, c7.evidence[0].sourceId);
    const shown = await passageOnScreen(page);
    expect(shown.text).toBe(c7.evidence[0].text.replace(/\s+/g, ' ').trim());
    expect(shown.text).toContain('4,210 street trees');
    expect(shown.top).toBeGreaterThanOrEqual(0);
    expect(shown.bottom).toBeLessThanOrEqual(shown.height);
    expect(await page.getByTestId('reader-page').textContent()).toContain(`page ${DEMO_PDF_PAGE.page}`);
    // A PDF's text is text: nothing in it became an element but the marks.
    expect(await page.evaluate(() => document.querySelector('[data-testid="reader-text"]')!.querySelectorAll('*:not(mark)').length)).toBe(0);
    expect(await page.getByTestId('reader-html').count()).toBe(0);
    await page.screenshot({ path: path.join(shots, 'reader-pdf.png') });
    await page.close();

    const c2 = claim('c2');
    const stated = (c2.parts ?? []).filter((p) => p.stated && p.evidence && p.evidence.sourceId === c2.evidence[0].sourceId);
    const partial = await readerPage(c2.id, c2.evidence[0].sourceId);
    const marked = await passageOnScreen(partial);
    expect(marked.text.length).toBeGreaterThan(0);
    // Whitespace aside (marks in HTML split at element edges), every stated part's words are marked.
    const allMarked = await partial.evaluate(() => [...document.querySelectorAll('mark')].map((m) => m.textContent ?? '').join('').replace(/\s+/g, ''));
    for (const part of stated) expect(allMarked).toContain(part.evidence!.text.replace(/\s+/g, ''));
    await partial.close();
  });

  it('says when the text came from an archived copy, and its date', async () => {
    const c8 = claim(DEMO_ARCHIVED.claimId);
    const page = await readerPage(c8.id, c8.sourceIds[0]);
    await passageOnScreen(page);
    const note = await page.getByTestId('reader-archived').textContent();
    expect(note).toContain('archived copy of');
    expect(note).toContain('2021');
    await page.close();
  });

  it('has no serious or critical axe violations in light and dark, as text (PDF) and as HTML', async () => {
    const c7 = claim(DEMO_PDF_PAGE.claimId);
    const c1 = claim('c1');
    for (const scheme of ['light', 'dark'] as const) {
      const page = await readerPage(c7.id, c7.evidence[0].sourceId, scheme);
      await passageOnScreen(page);
      expect(await seriousViolations(page), scheme).toEqual([]);
      if (scheme === 'dark') await page.screenshot({ path: path.join(shots, 'reader-dark.png') });
      await page.close();
      const html = await readerPage(c1.id, c1.evidence[0].sourceId, scheme);
      await passageOnScreen(html);
      await html.getByTestId('reader-html').waitFor();
      expect(await seriousViolations(html), `${scheme}, HTML`).toEqual([]);
      if (scheme === 'dark') await html.screenshot({ path: path.join(shots, 'reader-html-dark.png') });
      await html.close();
    }
  });
});
