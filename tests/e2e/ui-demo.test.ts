/** The reader's interface end to end in Debian's Chromium: the demo article in the light theme: badges, hover cards, keyboard use, the popup (summary, filters, sort, row clicks, exports, re-check), axe checks. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import { FinishedReportSchema } from '../../utils/report/schema';
import { storedReport, tabIdOf, waitForVerdicts } from '../../scripts/lib/chromium';
import { DEMO_VERDICTS } from './demo-article';
import { chromiumTest } from './fixtures';
import { demoDir, shots, haveChromium, DEMO_SOURCES, JUDGED, overlaps, openPopup, popupRows, countBy, parseSummary, focused, openCardId, cardGeometry, seriousViolations, injectAxe, closeAnyCard } from './ui-shared';

const it = chromiumTest();

describe.skipIf(!haveChromium)('Chromium UI: the demo article', () => {
  let page: Page;
  let articleUrl: string;
  let tabId: number;

  it.beforeAll(async ({ server, ext }) => {
    articleUrl = `${server.origin}/article.html`;
    page = await ext.context.newPage();
    await page.goto(articleUrl);
    await waitForVerdicts(page);
    tabId = await tabIdOf(await ext.currentWorker(), articleUrl);
  });

  it('shows a badge for every verdict, each a button with an icon, a word and a name that holds the word', async () => {
    expect(await waitForVerdicts(page)).toEqual(DEMO_VERDICTS);
    const badges = await page.evaluate(() =>
      [...document.querySelectorAll('citecheck-badge')].map((host) => {
        const button = host.shadowRoot?.querySelector('button');
        const rect = button?.getBoundingClientRect();
        return {
          id: host.getAttribute('data-claim-id'),
          verdict: button?.getAttribute('data-verdict'),
          word: button?.querySelector('.cc-word')?.textContent ?? '',
          label: button?.getAttribute('aria-label') ?? '',
          icon: !!button?.querySelector('svg'),
          visible: !!rect && rect.width > 0 && rect.height > 0,
          // Badges share one fixed width; the longest word must still fit, not be cut off.
          fits: !!button && button.scrollWidth <= button.clientWidth,
          needed: button ? +(button.scrollWidth / parseFloat(getComputedStyle(button).fontSize)).toFixed(2) : 0,
        };
      }),
    );
    expect(badges.map((b) => b.verdict)).toEqual(Object.values(DEMO_VERDICTS));
    expect(new Set(badges.map((b) => b.word)).size).toBe(new Set(Object.values(DEMO_VERDICTS)).size);
    for (const badge of badges) {
      expect(badge.icon, badge.id!).toBe(true);
      expect(badge.visible, badge.id!).toBe(true);
      expect(badge.fits, `${badge.id} "${badge.word}" needs ${badge.needed}em`).toBe(true);
      expect(badge.word.length, badge.id!).toBeGreaterThan(0);
      expect(badge.label.toLowerCase(), badge.id!).toContain(badge.word.toLowerCase());
    }
  });

  it('is usable with the keyboard: Tab reaches the badges in order, Enter opens a card, Escape closes it and focus returns', async () => {
    const order: (string | null)[] = [];
    for (let i = 0; i < 6; i++) {
      await page.keyboard.press('Tab');
      const f = await focused(page);
      expect(f.host).toBe('citecheck-badge');
      expect(f.inner).toBe('button');
      order.push(f.claimId);
    }
    expect(order).toEqual(['c1', 'c2', 'c3', 'c4', 'c5', 'c6']);

    // Back to the contradicted claim's badge, then Enter.
    await page.keyboard.press('Shift+Tab');
    expect((await focused(page)).claimId).toBe('c5');
    await page.keyboard.press('Enter');
    await expect.poll(() => openCardId(page)).toBe('c5');
    // The card takes focus so its links can be reached.
    expect(await focused(page)).toMatchObject({ host: 'citecheck-card', inner: 'div[card]', claimId: 'c5' });
    expect(await page.locator('citecheck-badge[data-claim-id="c5"] button').getAttribute('aria-expanded')).toBe('true');

    await page.keyboard.press('Escape');
    await expect.poll(() => openCardId(page)).toBeNull();
    expect(await focused(page)).toMatchObject({ host: 'citecheck-badge', inner: 'button', claimId: 'c5' });
    expect(await page.locator('citecheck-badge[data-claim-id="c5"] button').getAttribute('aria-expanded')).toBe('false');
    // Focus coming back does not reopen the card it just closed.
    await page.waitForTimeout(400);
    expect(await openCardId(page)).toBeNull();
  });

  it('tabbing out of an open card keeps the reader\'s place: Shift+Tab back to its badge, Tab on to the next badge', async () => {
    await closeAnyCard(page);
    await page.locator('citecheck-badge[data-claim-id="c5"] button').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => openCardId(page)).toBe('c5');
    await page.keyboard.press('Shift+Tab');
    await expect.poll(() => openCardId(page)).toBeNull();
    expect(await focused(page)).toMatchObject({ host: 'citecheck-badge', inner: 'button', claimId: 'c5' });

    await page.keyboard.press('Enter');
    await expect.poll(() => openCardId(page)).toBe('c5');
    // Through the card's own controls (close, "Show in Citecheck", the passage link), then out of it.
    const inCard: string[] = [];
    for (let i = 0; i < 8; i++) {
      await page.keyboard.press('Tab');
      const f = await focused(page);
      if (f.host !== 'citecheck-card') break;
      inCard.push(f.inner!);
    }
    expect(inCard).toEqual(['button', 'button', 'a']);
    expect(await focused(page)).toMatchObject({ host: 'citecheck-badge', inner: 'button', claimId: 'c6' });
    await closeAnyCard(page);
  });

  it('hover card of a contradicted claim states the conflict, with its score', async () => {
    await closeAnyCard(page);
    await page.locator('citecheck-badge[data-claim-id="c5"] button').hover();
    await expect.poll(() => openCardId(page)).toBe('c5');
    const card = page.locator('[data-citecheck-card]');
    const text = await card.innerText();
    expect(text).toContain('source says 21 percent, claim says 27 percent');
    expect(await card.locator('[data-testid="conflicts"]').count()).toBe(1);
    expect(await card.locator('[data-testid="score"]').count()).toBe(1);
    await page.screenshot({ path: path.join(shots, 'ui-card-light.png') });
  });

  it('hover card stays open while the pointer moves onto it and closes once the pointer leaves both', async () => {
    await closeAnyCard(page);
    const badge = page.locator('citecheck-badge[data-claim-id="c2"] button');
    await badge.hover();
    await expect.poll(() => openCardId(page)).toBe('c2');
    // Across the gap between badge and card, then onto the card's passage.
    const card = await page.locator('[data-citecheck-card]').boundingBox();
    const b = await badge.boundingBox();
    expect(card && b).toBeTruthy();
    const x = Math.min(Math.max(b!.x + b!.width / 2, card!.x + 20), card!.x + card!.width - 20);
    const y = card!.y > b!.y ? card!.y + 30 : card!.y + card!.height - 30;
    await page.mouse.move(x, y, { steps: 8 });
    await page.waitForTimeout(700);
    expect(await openCardId(page)).toBe('c2');
    // The passage link opens the source at the passage, in a new tab, without an opener.
    const link = page.locator('[data-citecheck-card] [data-testid="open-passage"]');
    expect(await link.getAttribute('href')).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/sources\/parks-annual-report\.html#:~:text=/);
    expect(await link.getAttribute('target')).toBe('_blank');
    expect(await link.getAttribute('rel')).toContain('noopener');
    await page.mouse.move(2, 2, { steps: 4 });
    await expect.poll(() => openCardId(page), { timeout: 3_000 }).toBeNull();
  });

  it('hover card of a claim partly supported for lack of its number names the number the source does not give', async () => {
    await closeAnyCard(page);
    const badge = page.locator('citecheck-badge[data-claim-id="c9"] button');
    await badge.scrollIntoViewIfNeeded();
    await badge.hover();
    await expect.poll(() => openCardId(page)).toBe('c9');
    const card = page.locator('[data-citecheck-card]');
    expect(await card.locator('[data-testid="absent-line"]').innerText()).toBe('Not in the source: the number 80 percent.');
    expect(await card.locator('[data-testid="evidence"]').count()).toBe(1);
    await closeAnyCard(page);
  });

  it('hover card of an unavailable claim gives the reason in plain words and shows no score', async () => {
    await closeAnyCard(page);
    await page.locator('citecheck-badge[data-claim-id="c4"] button').hover();
    await expect.poll(() => openCardId(page)).toBe('c4');
    const card = page.locator('[data-citecheck-card]');
    const text = await card.innerText();
    expect(text).toContain('404 Not Found');
    expect(await card.locator('[data-testid="reason"]').innerText()).toMatch(/The source answered 404 Not Found/);
    expect(await card.locator('[data-testid="score"]').count()).toBe(0);
    expect(text).not.toMatch(/\d+\s*%/);
    expect(await card.locator('[data-testid="evidence"]').count()).toBe(0);
    await closeAnyCard(page);
  });

  it('keeps the card inside the viewport and off its marker, also near the right and bottom edges', async ({ ext }) => {
    const edge = await ext.context.newPage();
    await edge.setViewportSize({ width: 900, height: 560 });
    await edge.goto(articleUrl);
    expect(await waitForVerdicts(edge)).toEqual(DEMO_VERDICTS);
    const layouts: { name: string; css: string; viewport: { width: number; height: number } }[] = [
      { name: 'as published', css: '', viewport: { width: 900, height: 560 } },
      // Badges flush with the right edge of the viewport.
      {
        name: 'right-aligned',
        css: 'body { max-width: none !important; margin: 0 !important; padding: 0 4px !important; } li { text-align: right; }',
        viewport: { width: 900, height: 560 },
      },
      // A phone-sized window: the card is wider than the room right of most badges.
      { name: 'narrow', css: '', viewport: { width: 340, height: 600 } },
      // Too short for the whole card on either side: it is capped, not pushed off screen or over the marker.
      { name: 'short', css: '', viewport: { width: 900, height: 260 } },
    ];
    // Room above and below the article so any badge can be scrolled to any height.
    await edge.addStyleTag({ content: 'html { scroll-behavior: auto !important; } article { padding: 100vh 0; }' });
    const checked: string[] = [];
    for (const layout of layouts) {
      if (layout.css) await edge.addStyleTag({ content: layout.css });
      await edge.setViewportSize(layout.viewport);
      for (const where of ['top', 'middle', 'bottom'] as const) {
        for (const id of Object.keys(DEMO_VERDICTS)) {
          await edge.evaluate(
            ({ id, where }) => {
              (document.activeElement as HTMLElement | null)?.blur();
              const r = document.querySelector(`citecheck-badge[data-claim-id="${id}"]`)!.shadowRoot!.querySelector('button')!.getBoundingClientRect();
              const target = where === 'top' ? 4 : where === 'middle' ? innerHeight / 2 : innerHeight - 4 - r.height;
              window.scrollBy(0, r.top - target);
            },
            { id, where },
          );
          const g = await cardGeometry(edge, id);
          const name = `${layout.name}, ${id} at the ${where}`;
          expect(g.cardId, name).toBe(id);
          expect(g.card, name).not.toBeNull();
          const card = g.card!;
          expect(card.bottom - card.top, name).toBeGreaterThan(40);
          expect(card.top, name).toBeGreaterThanOrEqual(0);
          expect(card.left, name).toBeGreaterThanOrEqual(0);
          expect(card.bottom, name).toBeLessThanOrEqual(g.viewport.height);
          expect(card.right, name).toBeLessThanOrEqual(g.viewport.width);
          expect(overlaps(card, g.badge), `${name}: card covers the badge`).toBe(false);
          expect(g.marker, name).not.toBeNull();
          expect(overlaps(card, g.marker!), `${name}: card covers the marker`).toBe(false);
          if (layout.name === 'right-aligned') expect(g.viewport.width - g.badge.right, name).toBeLessThan(30);
          checked.push(name);
        }
      }
    }
    expect(checked).toHaveLength(layouts.length * 3 * Object.keys(DEMO_VERDICTS).length);
    await edge.close();
  });

  it('page CSS cannot hide or restyle the badges and the card', async ({ ext }) => {
    const hostile = await ext.context.newPage();
    await hostile.goto(articleUrl);
    expect(await waitForVerdicts(hostile)).toEqual(DEMO_VERDICTS);
    const look = () =>
      hostile.evaluate(() => {
        const button = document.querySelector('citecheck-badge[data-claim-id="c5"]')!.shadowRoot!.querySelector('button')!;
        const r = button.getBoundingClientRect();
        const style = getComputedStyle(button);
        return { width: Math.round(r.width), height: Math.round(r.height), color: style.color, background: style.backgroundColor, font: style.fontFamily };
      });
    // Past the badge's short colour transition from "Checking" to its verdict.
    await hostile.waitForTimeout(400);
    const before = await look();
    await hostile.addStyleTag({
      content: `
        citecheck-badge, citecheck-card { display: none !important; visibility: hidden !important; }
        * { color: rgb(255, 0, 0) !important; background: rgb(0, 255, 0) !important; font-family: serif !important; }
        button { width: 1px !important; height: 1px !important; }`,
    });
    expect(await look()).toEqual(before);
    await hostile.locator('citecheck-badge[data-claim-id="c5"] button').focus();
    await hostile.keyboard.press('Enter');
    await expect.poll(() => openCardId(hostile)).toBe('c5');
    const card = await hostile.evaluate(() => {
      const el = document.querySelector('citecheck-card')!.shadowRoot!.querySelector<HTMLElement>('[data-citecheck-card]')!;
      const r = el.getBoundingClientRect();
      return { width: r.width, color: getComputedStyle(el).color };
    });
    expect(card.width).toBeGreaterThan(200);
    expect(card.color).not.toBe('rgb(255, 0, 0)');
    await hostile.close();
  });

  it('sets the toolbar badge text and title for the tab', async ({ ext }) => {
    const worker = await ext.currentWorker();
    const action = await worker.evaluate(async (id) => {
      const chrome = (globalThis as any).chrome;
      return { text: await chrome.action.getBadgeText({ tabId: id }), title: await chrome.action.getTitle({ tabId: id }) };
    }, tabId);
    // Six of nine claims are not plainly supported.
    expect(action.text).toBe('6');
    expect(action.title).toMatch(/^Citecheck: 6 of 9 claims need a look \(/);
    for (const phrase of ['2 partly', '1 not found', '1 contradicted', '1 source unavailable', '1 unlinked']) {
      expect(action.title).toContain(phrase);
    }
  });

  it('popup summary and filter counts match the badges on the page, per verdict', async ({ ext }) => {
    const badgeCounts = countBy(Object.values(await waitForVerdicts(page)));
    const popup = await openPopup(ext, tabId);
    const summary = parseSummary(await popup.locator('[data-testid="summary"]').innerText());
    expect(summary.total).toBe(Object.keys(DEMO_VERDICTS).length);
    expect(summary.counts).toEqual(badgeCounts);
    for (const [verdict, n] of Object.entries(badgeCounts)) {
      expect(await popup.locator(`[data-testid="filter-${verdict}"] .count`).innerText(), verdict).toBe(String(n));
    }
    expect(await popup.locator('[data-testid="filter-all"] .count').innerText()).toBe(String(Object.keys(DEMO_VERDICTS).length));
    expect(countBy((await popupRows(popup)).map(([, v]) => v))).toEqual(badgeCounts);
    // Nothing sticks out sideways: a popup window has no room to scroll horizontally.
    expect(await popup.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(420);
    await popup.screenshot({ path: path.join(shots, 'ui-popup-light.png') });
    await popup.close();
  });

  it('popup filters by verdict and sorts by score', async ({ ext }) => {
    const report = FinishedReportSchema.parse(await storedReport(await ext.currentWorker(), tabId));
    const popup = await openPopup(ext, tabId);

    for (const verdict of Object.values(DEMO_VERDICTS)) {
      await popup.click(`[data-testid="filter-${verdict}"]`);
      expect(await popup.getAttribute(`[data-testid="filter-${verdict}"]`, 'aria-pressed')).toBe('true');
      const rows = await popupRows(popup);
      const expected = Object.entries(DEMO_VERDICTS).filter(([, v]) => v === verdict);
      expect(rows, verdict).toEqual(expected);
      expect(await popup.locator('[data-testid="shown"]').innerText()).toBe(`${expected.length} claim${expected.length === 1 ? '' : 's'} shown`);
    }
    await popup.click('[data-testid="filter-all"]');
    expect((await popupRows(popup)).map(([id]) => id)).toEqual(Object.keys(DEMO_VERDICTS));

    // Judged claims by score; claims that could not be judged after them, in page order.
    const score = new Map(report.claims.map((c) => [c.id, c.score]));
    const judged = report.claims.filter((c) => JUDGED.includes(c.verdict)).map((c) => c.id);
    const unjudged = report.claims.filter((c) => !JUDGED.includes(c.verdict)).map((c) => c.id);
    // Equal scores keep page order in either direction.
    const byScore = (sign: 1 | -1) =>
      [...judged].sort((a, b) => sign * (score.get(a)! - score.get(b)!) || judged.indexOf(a) - judged.indexOf(b));
    expect(new Set(judged.map((id) => score.get(id))).size).toBeGreaterThanOrEqual(3); // the orders differ from page order
    await popup.selectOption('[data-testid="sort"]', 'weakest');
    expect((await popupRows(popup)).map(([id]) => id)).toEqual([...byScore(1), ...unjudged]);
    await popup.selectOption('[data-testid="sort"]', 'strongest');
    expect((await popupRows(popup)).map(([id]) => id)).toEqual([...byScore(-1), ...unjudged]);
    // A filter and a sort together.
    await popup.click('[data-testid="filter-unlinked"]');
    expect(await popupRows(popup)).toEqual([['c6', 'unlinked']]);
    await popup.selectOption('[data-testid="sort"]', 'page');
    await popup.click('[data-testid="filter-all"]');
    await popup.close();
  });

  it('clicking a popup row scrolls the page to its badge and flashes it', async ({ ext }) => {
    await closeAnyCard(page);
    await page.setViewportSize({ width: 1100, height: 360 });
    await page.evaluate(() => window.scrollTo(0, 0));
    const before = await page.evaluate(() => {
      const r = document.querySelector('citecheck-badge[data-claim-id="c6"]')!.getBoundingClientRect();
      return { scrollY: window.scrollY, top: r.top, inView: r.bottom <= innerHeight && r.top >= 0 };
    });
    expect(before).toMatchObject({ scrollY: 0, inView: false });
    const popup = await openPopup(ext, tabId);
    await popup.click('[data-claim-id="c6"] .row-main');
    expect(await popup.getAttribute('[data-claim-id="c6"] .row-main', 'aria-expanded')).toBe('true');
    await page.waitForFunction(
      () => !!document.querySelector('citecheck-badge[data-claim-id="c6"]')?.shadowRoot?.querySelector('button[data-flash]'),
      undefined,
      { timeout: 5_000 },
    );
    await page.waitForFunction(
      () => {
        const r = document.querySelector('citecheck-badge[data-claim-id="c6"]')!.getBoundingClientRect();
        return r.top >= 0 && r.bottom <= innerHeight;
      },
      undefined,
      { timeout: 5_000 },
    );
    expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
    // The flash is an animation that ends: the attribute goes away again.
    await page.waitForFunction(
      () => !document.querySelector('citecheck-badge[data-claim-id="c6"]')?.shadowRoot?.querySelector('button[data-flash]'),
      undefined,
      { timeout: 5_000 },
    );
    await popup.close();
    await page.setViewportSize({ width: 1100, height: 900 });
    await page.evaluate(() => window.scrollTo(0, 0));
  });

  it('with reduced motion asked for, a row click jumps to the badge and marks it without animation', async ({ ext }) => {
    await closeAnyCard(page);
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.setViewportSize({ width: 1100, height: 360 });
    await page.evaluate(() => window.scrollTo(0, 0));
    const popup = await openPopup(ext, tabId);
    await popup.click('[data-claim-id="c6"] .row-main');
    // Seen in the same frame as the flash mark: the jump already happened, and nothing animates.
    const seen = await page.waitForFunction(
      () => {
        const host = document.querySelector('citecheck-badge[data-claim-id="c6"]')!;
        const button = host.shadowRoot!.querySelector('button[data-flash]');
        if (!button) return null;
        const r = host.getBoundingClientRect();
        const style = getComputedStyle(button);
        return { inView: r.top >= 0 && r.bottom <= innerHeight, animation: style.animationName, ring: style.boxShadow };
      },
      undefined,
      { timeout: 5_000 },
    );
    const flash = (await seen.jsonValue())!;
    expect(flash.inView).toBe(true);
    expect(flash.animation).toBe('none');
    expect(flash.ring).not.toBe('none');
    await popup.close();
    await page.emulateMedia({ reducedMotion: 'no-preference' });
    await page.setViewportSize({ width: 1100, height: 900 });
    await page.evaluate(() => window.scrollTo(0, 0));
  });

  it('exports a JSON report that validates against the schema and a Markdown report naming every claim', async ({ ext }) => {
    const stored = FinishedReportSchema.parse(await storedReport(await ext.currentWorker(), tabId));
    const popup = await openPopup(ext, tabId);

    const [json] = await Promise.all([popup.waitForEvent('download'), popup.click('[data-testid="export-json"]')]);
    expect(json.suggestedFilename()).toMatch(/^citecheck-127\.0\.0\.1-\d{4}-\d{2}-\d{2}\.json$/);
    const exported = FinishedReportSchema.parse(JSON.parse(await readFile((await json.path())!, 'utf8')));
    expect(exported.url).toBe(articleUrl);
    expect(Object.fromEntries(exported.claims.map((c) => [c.id, c.verdict]))).toEqual(DEMO_VERDICTS);
    expect(exported.claims.map((c) => c.text)).toEqual(stored.claims.map((c) => c.text));

    const [md] = await Promise.all([popup.waitForEvent('download'), popup.click('[data-testid="export-markdown"]')]);
    expect(md.suggestedFilename()).toMatch(/^citecheck-127\.0\.0\.1-\d{4}-\d{2}-\d{2}\.md$/);
    const markdown = await readFile((await md.path())!, 'utf8');
    // Markdown escapes punctuation with backslashes; read it back as plain text.
    const plain = markdown.replace(/\\(.)/g, '$1').replace(/\s+/g, ' ');
    expect(stored.claims).toHaveLength(Object.keys(DEMO_VERDICTS).length);
    for (const claim of stored.claims) expect(plain, claim.id).toContain(claim.text.replace(/\s+/g, ' ').trim());
    expect(plain).toContain('404 Not Found');
    expect(exported.claims.find((c) => c.id === 'c9')?.absent).toEqual([{ kind: 'number', text: '80 percent' }]);
    expect(plain).toContain('Not in the source: the number 80 percent.');
    await popup.close();
  });

  it('re-check from the popup bypasses the cache: the source server sees new requests', async ({ server, ext }) => {
    const counts = () => DEMO_SOURCES.map((p) => server.count(p));
    // A reload is answered from the cache: no source is fetched again.
    const cached = counts();
    expect(Math.min(...cached)).toBeGreaterThan(0);
    await page.reload();
    expect(await waitForVerdicts(page)).toEqual(DEMO_VERDICTS);
    expect(counts()).toEqual(cached);

    const popup = await openPopup(ext, tabId);
    const focusedTestId = () => popup.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? document.activeElement?.localName);
    // From the keyboard: focus stays on the button while it says "Checking…" and after.
    await popup.focus('[data-testid="recheck"]');
    await popup.keyboard.press('Enter');
    await expect.poll(() => counts().every((n, i) => n > cached[i]), { timeout: 20_000 }).toBe(true);
    expect(await focusedTestId()).toBe('recheck');
    await popup.locator('[data-testid="recheck"]:not([aria-disabled="true"])').waitFor({ timeout: 20_000 });
    expect(await popup.locator('[data-testid="recheck"]').innerText()).toBe('Re-check');
    expect(await focusedTestId()).toBe('recheck');
    // The new check runs while the popup watches; its verdicts are the same as before.
    await popup.locator('.app[data-report-state="done"]').waitFor({ timeout: 20_000 });
    expect(Object.fromEntries(await popupRows(popup))).toEqual(DEMO_VERDICTS);
    expect(await waitForVerdicts(page)).toEqual(DEMO_VERDICTS);
    await popup.close();
  });

  it('popup for a page without citations says so and lists the styles it looks for', async ({ server, ext }) => {
    const plain = await ext.context.newPage();
    const url = `${server.origin}/sources/air-sensors.html`;
    await plain.goto(url);
    const popup = await ext.context.newPage();
    await popup.setViewportSize({ width: 420, height: 600 });
    await popup.goto(`chrome-extension://${ext.extensionId}/popup.html?tabId=${await tabIdOf(await ext.currentWorker(), url)}`);
    await popup.locator('[data-testid="empty"]').waitFor({ timeout: 10_000 });
    expect(await popup.locator('[data-testid="empty"] h2').innerText()).toBe('No cited claims found on this page');
    expect(await popup.locator('[data-testid="empty"] li').count()).toBeGreaterThanOrEqual(4);
    expect(await popup.locator('[data-claim-id]').count()).toBe(0);
    expect(await popup.locator('[data-testid="export-json"]').count()).toBe(0);
    expect(await plain.locator('citecheck-badge').count()).toBe(0);
    await injectAxe(popup, true);
    expect(await seriousViolations(popup)).toEqual([]);
    await popup.close();
    await plain.close();
  });

  it('has no serious or critical axe violations in the popup', async ({ ext }) => {
    const popup = await openPopup(ext, tabId);
    await injectAxe(popup, true);
    expect(await seriousViolations(popup)).toEqual([]);
    // Also with a row opened (its passage, marks and links) and a filter pressed.
    await popup.click('[data-claim-id="c5"] .row-main');
    await popup.locator('[data-testid="claim-details"]').waitFor();
    await popup.click('[data-testid="filter-contradicted"]');
    expect(await seriousViolations(popup)).toEqual([]);
    await popup.close();
  });

  it('has no serious or critical axe violations in the badges and an open card', async () => {
    await closeAnyCard(page);
    await page.locator('citecheck-badge[data-claim-id="c5"] button').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => openCardId(page)).toBe('c5');
    await injectAxe(page, false);
    // Citecheck's own hosts, reached through their shadow roots.
    const include = [
      { fromShadowDom: ['citecheck-card', '[data-citecheck-card]'] },
      ...Object.keys(DEMO_VERDICTS).map((id) => ({ fromShadowDom: [`citecheck-badge[data-claim-id="${id}"]`, 'button'] })),
    ];
    expect(await seriousViolations(page, { include })).toEqual([]);
    // Over the whole page, whatever axe still finds is the demo article's own markup, which is not
    // ours to fix: `region` (moderate) fires on its <article>, which sits in no landmark. Nothing
    // found may point into a Citecheck host.
    const whole = await page.evaluate(async () =>
      ((await (window as any).axe.run(document, { resultTypes: ['violations'] })).violations as any[]).flatMap((v) =>
        v.nodes.map((n: any) => ({ id: v.id as string, target: JSON.stringify(n.target) })),
      ),
    );
    for (const found of whole) expect(found.target, found.id).not.toMatch(/citecheck-/);
    // The same card for an unavailable claim (its reason block and link).
    await page.keyboard.press('Escape');
    await page.locator('citecheck-badge[data-claim-id="c4"] button').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => openCardId(page)).toBe('c4');
    expect(await seriousViolations(page, { include })).toEqual([]);
    await closeAnyCard(page);
  });
});
