/**
 * End to end in Debian's Firefox ESR: the reader view of the demo article's HTML, PDF and archived
 * sources opens at the marked passage, from the cache (the server sees no request), axe-clean in
 * light and dark.
 *
 * Firefox ESR 140 over WebDriver BiDi: `goto` on a moz-extension page never settles (pages are
 * opened with openExtensionPage), `waitForFunction` is not used on extension pages (expect.poll
 * over `$$eval` instead), and there is no `setViewport`.
 */
import path from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, describe, expect } from 'vitest';
import { FinishedReportSchema, type Report } from '../../utils/report/schema';
import { firefoxMissing, launchFirefoxWithExtension, openExtensionPage, waitForFirefoxVerdicts } from '../../scripts/lib/firefox';
import { DEMO_ARCHIVED, DEMO_PDF_PAGE, DEMO_VERDICTS } from './demo-article';
import { firefoxTest, shots } from './fixtures';
import { extensionPageViolations as seriousViolations } from './axe';

const missing = firefoxMissing();
if (missing) console.warn(`Skipping Firefox reader view tests: ${missing}`);

const it = firefoxTest();

/** The best passage's marks joined (a space between blocks), whitespace collapsed. */
async function markedPassage(page: Page): Promise<string> {
  await expect
    .poll(() => page.$$eval('[data-testid="reader-passage"]', (marks) => marks.length), { timeout: 15_000 })
    .toBeGreaterThan(0);
  return page.$$eval('[data-testid="reader-passage"]', (marks) => {
    const blockOf = (m: Element) => m.closest('p,li,dd,dt,h1,h2,h3,h4,h5,h6,td,th,blockquote,pre,figcaption,div,article');
    return marks
      .map((m, i) => (i > 0 && blockOf(m) !== blockOf(marks[i - 1]) ? ' ' : '') + (m.textContent ?? ''))
      .join('')
      .replace(/\s+/g, ' ')
      .trim();
  });
}

/** Whether the first mark of the best passage is within the window. */
const passageInView = (page: Page) =>
  page.$eval('[data-testid="reader-passage"]', (el) => {
    const box = el.getBoundingClientRect();
    return box.top >= 0 && box.bottom <= window.innerHeight;
  });


const normal = (text: string) => text.replace(/\s+/g, ' ').trim();

/** Checks the demo article in this Firefox; gives its tab and the finished report. */
async function checkArticle(browser: Browser, origin: string, articleUrl: string): Promise<{ tabId: number; report: Report }> {
  const article = await browser.newPage();
  await article.goto(articleUrl);
  await waitForFirefoxVerdicts(article, Object.keys(DEMO_VERDICTS).length);
  const options = await openExtensionPage(browser, `${origin}/options.html`, '[data-testid="options"]');
  const found = await options.evaluate(async (url) => {
    const api = (globalThis as any).browser;
    const tab = (await api.tabs.query({})).find((t: { url?: string }) => t.url === url);
    const answer = tab ? await api.runtime.sendMessage({ type: 'get-report', tabId: tab.id }) : null;
    return { tabId: tab?.id ?? null, report: answer?.ok ? answer.value : null };
  }, articleUrl);
  await options.close();
  expect(typeof found.tabId).toBe('number');
  return { tabId: found.tabId, report: FinishedReportSchema.parse(found.report) };
}

describe.skipIf(Boolean(missing))('Firefox ESR: the reader view', () => {
  let tabId: number;
  let report: Report;
  let requestsBefore: () => number;
  let dark: Browser | null = null;
  const claim = (id: string) => report.claims.find((c) => c.id === id)!;
  const readerAddress = (origin: string, claimId: string, sourceId: string) =>
    `${origin}/reader.html?tab=${tabId}&claim=${encodeURIComponent(claimId)}&source=${encodeURIComponent(sourceId)}`;

  it.beforeAll(async ({ server, firefox }) => {
    ({ tabId, report } = await checkArticle(firefox.browser, firefox.origin, `${server.origin}/article.html`));
    const sourcePaths = [
      '/sources/street-trees-heat.html',
      '/sources/riverton-tree-survey.pdf',
      '/sources/harbour-ferry-figures.html',
      `/web/20210602101500id_/${server.origin}/sources/harbour-ferry-figures.html`,
    ];
    const counted = () => sourcePaths.reduce((sum, p) => sum + server.count(p), 0);
    const atStart = counted();
    // The check itself asked the server for the HTML and the PDF source: the count can move.
    expect(server.count('/sources/street-trees-heat.html')).toBeGreaterThan(0);
    expect(server.count('/sources/riverton-tree-survey.pdf')).toBeGreaterThan(0);
    expect(server.count(sourcePaths[3])).toBeGreaterThan(0);
    requestsBefore = () => counted() - atStart;
  });

  afterAll(async () => {
    await dark?.close();
  });

  it('opens an HTML source at its marked passage, in its sanitised formatting', async ({ firefox }) => {
    const c1 = claim('c1');
    const page = await openExtensionPage(firefox.browser, readerAddress(firefox.origin, c1.id, c1.evidence[0].sourceId), '[data-testid="reader-html"] mark');
    expect(await markedPassage(page)).toBe(normal(c1.evidence[0].text));
    expect(await passageInView(page)).toBe(true);
    expect(await page.$eval('[data-testid="reader-html"] strong mark', (el) => el.textContent)).toBe('4 degrees Celsius cooler');
    const link = await page.$eval('[data-testid="reader-html"] a', (a) => [a.getAttribute('href'), a.getAttribute('target'), a.getAttribute('rel')]);
    expect(link[0]).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/research\/riverton-walk-map$/);
    expect(link.slice(1)).toEqual(['_blank', 'noopener noreferrer']);
    const loading = await page.$$eval('[data-testid="reader-html"] :is(script,style,img,svg,iframe,object,embed,form,[style],[src],[srcset])', (els) => els.length);
    expect(loading).toBe(0);
    expect(await page.$eval('[data-testid="reader-title"]', (el) => el.textContent)).toBe('Street trees and afternoon heat');
    await page.screenshot({ path: path.join(shots, 'reader-firefox-html.png') });
    await page.close();
  });

  it('opens the PDF source at its passage with its page, as text', async ({ firefox }) => {
    const c7 = claim(DEMO_PDF_PAGE.claimId);
    const page = await openExtensionPage(firefox.browser, readerAddress(firefox.origin, c7.id, c7.evidence[0].sourceId), '[data-testid="reader-text"] mark');
    expect(await markedPassage(page)).toBe(normal(c7.evidence[0].text));
    expect(await passageInView(page)).toBe(true);
    expect(await page.$eval('[data-testid="reader-page"]', (el) => el.textContent)).toContain(`page ${DEMO_PDF_PAGE.page}`);
    expect(await page.$$eval('[data-testid="reader-text"] *:not(mark)', (els) => els.length)).toBe(0);
    await page.screenshot({ path: path.join(shots, 'reader-firefox-pdf.png') });
    await page.close();
  });

  it('opens the archived source at its passage and gives the copy’s date', async ({ firefox }) => {
    const c8 = claim(DEMO_ARCHIVED.claimId);
    const page = await openExtensionPage(firefox.browser, readerAddress(firefox.origin, c8.id, c8.sourceIds[0]), '[data-testid="reader-archived"]');
    const evidence = c8.evidence.find((e) => e.sourceId === c8.sourceIds[0])!;
    expect(await markedPassage(page)).toBe(normal(evidence.text));
    const note = await page.$eval('[data-testid="reader-archived"]', (el) => el.textContent ?? '');
    expect(note).toContain('archived copy of');
    expect(note).toContain('2021');
    await page.close();
  });

  it('read every view from the cache: no source request since the article was checked', () => {
    expect(requestsBefore()).toBe(0);
  });

  it('has no serious or critical axe violations in light and dark, as HTML and as text', async ({ server, firefox }) => {
    const views = (r: Report) => {
      const c1 = r.claims.find((c) => c.id === 'c1')!;
      const c7 = r.claims.find((c) => c.id === DEMO_PDF_PAGE.claimId)!;
      return [
        [c1.id, c1.evidence[0].sourceId, '[data-testid="reader-html"] mark'],
        [c7.id, c7.evidence[0].sourceId, '[data-testid="reader-text"] mark'],
      ] as const;
    };
    for (const [claimId, sourceId, ready] of views(report)) {
      const page = await openExtensionPage(firefox.browser, readerAddress(firefox.origin, claimId, sourceId), ready);
      expect(await seriousViolations(page), `light ${claimId}`).toEqual([]);
      await page.close();
    }
    // No media emulation over BiDi here: a second Firefox, dark by pref, checks the article itself.
    const darkFirefox = await launchFirefoxWithExtension(undefined, { colorScheme: 'dark' });
    dark = darkFirefox.browser;
    const checked = await checkArticle(dark, darkFirefox.origin, `${server.origin}/article.html`);
    for (const [claimId, sourceId, ready] of views(checked.report)) {
      const page = await openExtensionPage(dark, `${darkFirefox.origin}/reader.html?tab=${checked.tabId}&claim=${claimId}&source=${sourceId}`, ready);
      expect(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(true);
      expect(await seriousViolations(page), `dark ${claimId}`).toEqual([]);
      if (claimId === 'c1') await page.screenshot({ path: path.join(shots, 'reader-firefox-dark.png') });
      await page.close();
    }
  });
});
