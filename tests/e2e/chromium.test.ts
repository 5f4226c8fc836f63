/**
 * End to end in Debian's Chromium: the built extension (.output/chrome-mv3) on the demo article,
 * served on 127.0.0.1 with its local sources.
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import { FinishedReportSchema, ReportSchema } from '../../utils/report/schema';
import {
  chromiumMissing,
  storedReport,
  tabIdOf,
  waitForVerdicts,
} from '../../scripts/lib/chromium';
import { DEMO_ARCHIVED, DEMO_PDF_PAGE, DEMO_VERDICTS } from './demo-article';
import { chromiumTest, shots } from './fixtures';

const missing = chromiumMissing();
const haveChromium = !missing;
if (missing) console.warn(`Skipping Chromium end-to-end tests: ${missing}`);

const it = chromiumTest();

describe.skipIf(!haveChromium)('Chromium: the demo article', () => {
  let page: Page;
  let articleUrl: string;

  it.beforeAll(async ({ server, ext }) => {
    articleUrl = `${server.origin}/article.html`;
    page = await ext.context.newPage();
    await page.goto(articleUrl);
  });

  it('puts a badge with the expected verdict after each marker', async () => {
    const verdicts = await waitForVerdicts(page);
    expect(verdicts).toEqual(DEMO_VERDICTS);
    // Each badge sits right after its marker's text.
    const before = await page.evaluate(() =>
      [...document.querySelectorAll('citecheck-badge')].map((b) => (b.previousSibling?.textContent ?? '').trimEnd().match(/\[[^\]]*\]$/)?.[0]),
    );
    expect(before).toEqual(['[Source 1]', '[Source 2]', '[Source 3]', '[Source 4]', '[Source 5]', '[Source 9]', '[Source 6]', '[Source 7]', '[Source 2]']);
    await page.screenshot({ path: path.join(shots, 'chromium-article.png'), fullPage: true });
  });

  it('stores a finished report: the 404 source is unavailable with its status', async ({ ext }) => {
    const tabId = await tabIdOf(await ext.currentWorker(), articleUrl);
    const report = FinishedReportSchema.parse(await storedReport(await ext.currentWorker(), tabId));
    const missing = report.sources.find((s) => s.url.endsWith('/sources/summer-records.html'));
    expect(missing).toMatchObject({ status: 'unavailable', reason: 'http_error', httpStatus: 404 });
    const c4 = report.claims.find((c) => c.id === 'c4');
    expect(c4).toMatchObject({ verdict: 'unavailable', score: 0, evidence: [] });
    const c1 = report.claims.find((c) => c.id === 'c1');
    expect(c1?.evidence[0]?.text).toContain('4 degrees Celsius cooler');
  });

  it('reads the PDF source in the offscreen document, and the dead link through its archived copy', async ({ server, ext }) => {
    const tabId = await tabIdOf(await ext.currentWorker(), articleUrl);
    const report = FinishedReportSchema.parse(await storedReport(await ext.currentWorker(), tabId));
    const pdfClaim = report.claims.find((c) => c.id === DEMO_PDF_PAGE.claimId)!;
    expect(pdfClaim.verdict).toBe('supported');
    expect(pdfClaim.evidence[0]).toMatchObject({ page: DEMO_PDF_PAGE.page });
    expect(pdfClaim.evidence[0].text).toContain('4,210 street trees');
    expect(report.sources.find((s) => s.url.endsWith('/riverton-tree-survey.pdf'))).toMatchObject({ status: 'ok', pageCount: 3 });
    const archived = report.sources.find((s) => s.id === report.claims.find((c) => c.id === DEMO_ARCHIVED.claimId)!.sourceIds[0])!;
    expect(archived).toMatchObject({
      url: `${server.origin}/sources/harbour-ferry-figures.html`,
      status: 'ok',
      readFrom: 'archive',
      archivedAt: DEMO_ARCHIVED.archivedAt,
    });
    expect(server.count('/sources/harbour-ferry-figures.html')).toBeGreaterThan(0);
    expect(server.count(`/web/20210602101500id_/${server.origin}/sources/harbour-ferry-figures.html`)).toBeGreaterThan(0);

    await page.locator(`citecheck-badge[data-claim-id="${DEMO_PDF_PAGE.claimId}"] button`).hover();
    const card = page.locator(`[data-citecheck-card][data-claim-id="${DEMO_PDF_PAGE.claimId}"]`);
    await card.waitFor({ state: 'visible', timeout: 5_000 });
    expect(await card.locator('[data-testid="passage-page"]').textContent()).toBe(`, page ${DEMO_PDF_PAGE.page}`);
    expect(await card.locator('[data-testid="open-passage"]').getAttribute('href')).toBe(`${server.origin}/sources/riverton-tree-survey.pdf#page=3`);
    await page.mouse.move(0, 0);
    await page.keyboard.press('Escape');
    await page.locator(`citecheck-badge[data-claim-id="${DEMO_ARCHIVED.claimId}"] button`).hover();
    const archiveCard = page.locator(`[data-citecheck-card][data-claim-id="${DEMO_ARCHIVED.claimId}"]`);
    await archiveCard.waitFor({ state: 'visible', timeout: 5_000 });
    expect(await archiveCard.locator('[data-testid="archived"]').textContent()).toContain('Read from an archived copy of 2 June 2021');
    await page.mouse.move(0, 0);
    await page.keyboard.press('Escape');
  });

  it('opens a hover card with the verdict and the best passage as text', async () => {
    await page.locator('citecheck-badge[data-claim-id="c5"] button').hover();
    const card = page.locator('[data-citecheck-card]').first();
    await card.waitFor({ state: 'visible', timeout: 5_000 });
    expect(await card.getAttribute('data-claim-id')).toBe('c5');
    const text = await card.innerText();
    expect(text).toContain('source says 21 percent, claim says 27 percent');
    expect(text).toContain('fell to 21 percent');
    await page.screenshot({ path: path.join(shots, 'chromium-hover-card.png') });
  });

  it('lists every claim in the popup with its verdict', async ({ ext }) => {
    const tabId = await tabIdOf(await ext.currentWorker(), articleUrl);
    const popup = await ext.context.newPage();
    await popup.setViewportSize({ width: 440, height: 640 });
    await popup.goto(`chrome-extension://${ext.extensionId}/popup.html?tabId=${tabId}`);
    await popup.locator('[data-testid="summary"]').waitFor();
    await popup.waitForFunction((n) => document.querySelectorAll('[data-claim-id][data-verdict]').length === n, Object.keys(DEMO_VERDICTS).length);
    const rows = await popup.evaluate(() =>
      Object.fromEntries(
        [...document.querySelectorAll('[data-claim-id][data-verdict]')].map((r) => [r.getAttribute('data-claim-id'), r.getAttribute('data-verdict')]),
      ),
    );
    expect(rows).toEqual(DEMO_VERDICTS);
    expect(await popup.locator('[data-testid="summary"]').innerText()).toMatch(/9 claims/);
    await popup.screenshot({ path: path.join(shots, 'chromium-popup.png') });
    await popup.close();
  });

  it('shows the number of claims that need a look on the toolbar icon', async ({ ext }) => {
    const tabId = await tabIdOf(await ext.currentWorker(), articleUrl);
    const text = await (await ext.currentWorker()).evaluate(
      (id) => (globalThis as any).chrome.action.getBadgeText({ tabId: id }),
      tabId,
    );
    expect(text).toBe('6');
  });

  it('answers a reload from the cache: no new source requests', async ({ server, ext }) => {
    const before = server.count('/sources/street-trees-heat.html');
    expect(before).toBeGreaterThan(0);
    await page.reload();
    expect(await waitForVerdicts(page)).toEqual(DEMO_VERDICTS);
    expect(server.count('/sources/street-trees-heat.html')).toBe(before);
    const report = ReportSchema.parse(await storedReport(await ext.currentWorker(), await tabIdOf(await ext.currentWorker(), articleUrl)));
    expect(report.state).toBe('done');
  });

  it('fetches the sources again after the options page clears the cache', async ({ server, ext }) => {
    const before = server.count('/sources/street-trees-heat.html');
    const options = await ext.context.newPage();
    await options.goto(`chrome-extension://${ext.extensionId}/options.html`);
    const answer = await options.evaluate(() => (globalThis as any).chrome.runtime.sendMessage({ type: 'clear-cache' }));
    expect(answer).toMatchObject({ ok: true });
    await options.close();
    // A new tab has no stored report of its own: its check goes to the (now empty) source cache.
    const fresh = await ext.context.newPage();
    await fresh.goto(articleUrl);
    expect(await waitForVerdicts(fresh)).toEqual(DEMO_VERDICTS);
    expect(server.count('/sources/street-trees-heat.html')).toBe(before + 1);
    await fresh.close();
  });
});
