/**
 * The reader's interface in Debian's Firefox ESR (puppeteer-core over WebDriver BiDi): the popup
 * page lists the demo article's claims, and a badge opened from the keyboard shows its card.
 *
 * `page.goto('moz-extension://…')` never resolves although the page loads, so extension pages are
 * started without awaiting the navigation and waited for by a selector instead.
 */
import path from 'node:path';
import type { Page } from 'puppeteer-core';
import { describe, expect } from 'vitest';
import { firefoxMissing, openExtensionPage, waitForFirefoxVerdicts } from '../../scripts/lib/firefox';
import { DEMO_VERDICTS } from './demo-article';
import { firefoxTest, shots } from './fixtures';
import { focusedElement, type FocusedElement } from './probes';

const missing = firefoxMissing();
const haveFirefox = !missing;
if (missing) console.warn(`Skipping Firefox UI tests: ${missing}`);

/** The element with focus, looking through the badge and card shadow roots. */
const focused = (page: Page): Promise<FocusedElement> => page.evaluate(focusedElement);

const it = firefoxTest();

describe.skipIf(!haveFirefox)('Firefox ESR UI: the demo article', () => {
  let article: Page;
  let articleUrl: string;

  it.beforeAll(async ({ server, firefox }) => {
    articleUrl = `${server.origin}/article.html`;
    article = await firefox.browser.newPage();
    await article.goto(articleUrl);
    await waitForFirefoxVerdicts(article, Object.keys(DEMO_VERDICTS).length);
  });

  it('every badge shows its whole word within the shared badge width', async () => {
    const badges = await article.evaluate(() =>
      [...document.querySelectorAll('citecheck-badge')].map((h) => {
        const button = h.shadowRoot!.querySelector('button')!;
        return { word: button.querySelector('.cc-word')?.textContent ?? '', fits: button.scrollWidth <= button.clientWidth };
      }),
    );
    expect(badges).toHaveLength(Object.keys(DEMO_VERDICTS).length);
    for (const badge of badges) expect(badge.fits, badge.word).toBe(true);
  });

  it('never lets a badge wrap onto a line of its own, away from the marker it follows', async () => {
    // Every text width from 200 to 520 px: at some of them each "[Source N]" marker ends its line.
    const { apart, seen } = await article.evaluate(() => {
      const found: string[] = [];
      let seen = 0;
      const body = document.body;
      const before = body.style.width;
      for (let width = 200; width <= 520; width += 2) {
        body.style.width = `${width}px`;
        for (const badge of document.querySelectorAll('citecheck-badge')) {
          const text = badge.previousSibling;
          const end = text?.nodeType === Node.TEXT_NODE ? (text.textContent ?? '').trimEnd().length : 0;
          if (!text || !/\]$/.test((text.textContent ?? '').trimEnd())) continue;
          const range = document.createRange();
          range.setStart(text, end - 1);
          range.setEnd(text, end);
          const m = range.getBoundingClientRect();
          const b = badge.shadowRoot!.querySelector('button')!.getBoundingClientRect();
          seen += 1;
          if (!(b.top < m.bottom && b.bottom > m.top)) found.push(`${badge.getAttribute('data-claim-id')} at ${width}px`);
        }
      }
      body.style.width = before;
      return { apart: found, seen };
    });
    expect(seen).toBeGreaterThan(1000);
    expect(apart).toEqual([]);
  });

  it('popup page lists every claim of the article with its verdict and the summary', async ({ firefox }) => {
    // The tab id, asked of the extension from one of its own pages.
    const options = await openExtensionPage(firefox.browser, `${firefox.origin}/options.html`, '[data-testid="options"]');
    const tabId = await options.evaluate(async (url) => {
      const tabs = await (globalThis as any).browser.tabs.query({});
      return tabs.find((t: { url?: string }) => t.url === url)?.id ?? null;
    }, articleUrl);
    expect(typeof tabId).toBe('number');
    await options.close();

    const popup = await openExtensionPage(firefox.browser, `${firefox.origin}/popup.html?tabId=${tabId}`, '[data-testid="claims"][aria-busy="false"]');
    const rows = await popup.evaluate(() =>
      [...document.querySelectorAll('[data-testid="claims"] [data-claim-id][data-verdict]')].map((r) => [
        r.getAttribute('data-claim-id'),
        r.getAttribute('data-verdict'),
      ]),
    );
    expect(Object.fromEntries(rows)).toEqual(DEMO_VERDICTS);
    expect(rows.map(([id]) => id)).toEqual(Object.keys(DEMO_VERDICTS));
    const summary = await popup.$eval('[data-testid="summary"]', (el) => (el as HTMLElement).innerText);
    expect(summary).toBe('9 claims: 3 supported, 2 partly, 1 not found, 1 contradicted, 1 source unavailable, 1 unlinked');
    // Firefox ESR 140 lacks the BiDi screen-orientation command that puppeteer's setViewport sends:
    // where it is missing, the screenshot is clipped to the popup's size instead.
    const resized = await popup.setViewport({ width: 420, height: 600 }).then(() => true, () => false);
    await popup.screenshot({
      path: path.join(shots, 'ui-firefox-popup.png'),
      ...(resized ? {} : { clip: { x: 0, y: 0, width: 420, height: 600 } }),
    });
    // A filter works here too.
    await popup.click('[data-testid="filter-contradicted"]');
    // Polled from outside: Firefox ESR 140's extension-page CSP blocks the Function() that waitForFunction uses.
    await expect
      .poll(() => popup.$$eval('[data-testid="claims"] [data-claim-id]', (els) => els.length), { timeout: 10_000 })
      .toBe(1);
    expect(await popup.$eval('[data-testid="claims"] [data-claim-id]', (el) => el.getAttribute('data-claim-id'))).toBe('c5');
    await popup.close();
  });

  it('a badge reached with Tab opens its card on Enter, and Escape gives focus back to the badge', async ({ firefox }) => {
    await article.bringToFront();
    await article.evaluate(() => {
      (document.activeElement as HTMLElement | null)?.blur();
      window.scrollTo(0, 0);
    });
    const order: (string | null)[] = [];
    const ids = Object.keys(DEMO_VERDICTS);
    for (let i = 0; i < ids.length; i++) {
      await article.keyboard.press('Tab');
      order.push((await focused(article)).claimId);
    }
    expect(order).toEqual(ids);

    // Back to the unavailable claim's badge (c4), then Enter.
    await article.keyboard.down('Shift');
    for (let i = ids.length - 1; i > ids.indexOf('c4'); i--) await article.keyboard.press('Tab');
    await article.keyboard.up('Shift');
    expect(await focused(article)).toMatchObject({ host: 'citecheck-badge', inner: 'button', claimId: 'c4' });
    await article.keyboard.press('Enter');
    await article.waitForFunction(
      () => document.querySelector('citecheck-card')?.shadowRoot?.querySelector('[data-citecheck-card]')?.getAttribute('data-claim-id') === 'c4',
      { timeout: 5_000 },
    );
    const card = await article.evaluate(() => {
      const el = document.querySelector('citecheck-card')!.shadowRoot!.querySelector<HTMLElement>('[data-citecheck-card]')!;
      const r = el.getBoundingClientRect();
      return { text: el.innerText, width: r.width, height: r.height, scores: el.querySelectorAll('[data-testid="score"]').length };
    });
    expect(card.width).toBeGreaterThan(200);
    expect(card.height).toBeGreaterThan(60);
    expect(card.text).toContain('The source answered 404 Not Found');
    expect(card.scores).toBe(0);
    expect(await focused(article)).toMatchObject({ host: 'citecheck-card', inner: 'div[card]' });
    await article.screenshot({ path: path.join(shots, 'ui-firefox-card.png') });

    await article.keyboard.press('Escape');
    await article.waitForFunction(() => !document.querySelector('citecheck-card')?.shadowRoot?.querySelector('[data-citecheck-card]'), {
      timeout: 5_000,
    });
    expect(await focused(article)).toMatchObject({ host: 'citecheck-badge', inner: 'button', claimId: 'c4' });

    // Tabbing past the card's last control goes on to the next badge, not to the page's end.
    await article.keyboard.press('Enter');
    await article.waitForFunction(() => !!document.querySelector('citecheck-card')?.shadowRoot?.querySelector('[data-citecheck-card]'));
    let steps = 0;
    while ((await focused(article)).host === 'citecheck-card' && steps++ < 8) await article.keyboard.press('Tab');
    expect(await focused(article)).toMatchObject({ host: 'citecheck-badge', inner: 'button', claimId: 'c5' });
  });
});
