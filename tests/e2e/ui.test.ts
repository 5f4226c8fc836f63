/**
 * The reader's interface end to end in Debian's Chromium: badges, hover cards, keyboard use, the
 * popup (summary, filters, sort, row clicks, exports, re-check), the toolbar badge, the options
 * page, an accessibility check with axe-core, a 200-claim report, and screenshots in light and
 * dark themes (written to test-output/).
 *
 * Every group launches its own browser, so a setting or a theme never leaks between groups. The
 * demo article and its sources are served from assets/demo; the other pages are built by routes
 * (a dark variant of the demo article, an article with 200 markers) over the same sources, or
 * come from tests/fixtures/e2e/ui (an article whose sources answer late, for the progress view).
 * Tests within the demo group share one article tab and run in order; each leaves no card open.
 */
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FinishedReportSchema, type Report, type Verdict } from '../../utils/report/schema';
import { KIND_WORDS } from '../../components/verdicts';
import {
  CHROME_BUILD,
  chromiumMissing,
  launchWithExtension,
  storedReport,
  tabIdOf,
  waitForVerdicts,
  type ExtensionBrowser,
} from '../../scripts/lib/chromium';
import { startStaticServer, type Route, type StaticServer } from '../../scripts/lib/static-server';
import { DEMO_VERDICTS } from './demo-article';
import { focusedElement, type FocusedElement } from './probes';

const root = path.resolve(import.meta.dirname, '../..');
const demoDir = path.join(root, 'assets/demo');
const fixtures = path.join(root, 'tests/fixtures/e2e/ui');
const shots = path.join(root, 'test-output');
const AXE = path.join(root, 'node_modules/axe-core/axe.min.js');
const missing = chromiumMissing();
const haveChromium = !missing;
if (missing) console.warn(`Skipping Chromium UI tests: ${missing}`);

const DEMO_SOURCES = [
  '/sources/street-trees-heat.html',
  '/sources/parks-annual-report.html',
  '/sources/air-sensors.html',
  '/sources/summer-records.html',
  '/sources/canopy-survey.html',
];
const JUDGED: readonly Verdict[] = ['supported', 'partial', 'unsupported', 'contradicted'];

// ---------- helpers ----------

interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

const overlaps = (a: Rect, b: Rect) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

async function openPopup(ext: ExtensionBrowser, tabId: number): Promise<Page> {
  const popup = await ext.context.newPage();
  // The popup's own size: its body is 420 px wide and at most 600 px high.
  await popup.setViewportSize({ width: 420, height: 600 });
  await popup.goto(`chrome-extension://${ext.extensionId}/popup.html?tabId=${tabId}`);
  await popup.locator('[data-testid="claims"][aria-busy="false"]').waitFor({ timeout: 20_000 });
  return popup;
}

/** The popup's rows in screen order, as [claim id, verdict]. */
async function popupRows(popup: Page): Promise<[string, string][]> {
  return popup.evaluate(() =>
    [...document.querySelectorAll('[data-testid="claims"] [data-claim-id][data-verdict]')].map(
      (r) => [r.getAttribute('data-claim-id')!, r.getAttribute('data-verdict')!] as [string, string],
    ),
  );
}

function countBy(values: Iterable<string>): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const v of values) counts[v] = (counts[v] ?? 0) + 1;
  return counts;
}

/** "6 claims: 1 supported, 1 partly, …" read back into counts per verdict. */
function parseSummary(line: string): { total: number; counts: Record<string, number> } {
  const m = /^(\d+) claims?: (.+)$/.exec(line.trim());
  if (!m) throw new Error(`unexpected summary line: ${line}`);
  const byPhrase = new Map(Object.entries(KIND_WORDS).map(([verdict, words]) => [words.phrase, verdict]));
  const counts: Record<string, number> = {};
  for (const part of m[2].split(', ')) {
    const p = /^(\d+) (.+)$/.exec(part);
    const verdict = p && byPhrase.get(p[2]);
    if (!p || !verdict) throw new Error(`unexpected summary part: ${part}`);
    counts[verdict] = Number(p[1]);
  }
  return { total: Number(m[1]), counts };
}

/** The element with focus, looking through the badge and card shadow roots. */
const focused = (page: Page): Promise<FocusedElement> => page.evaluate(focusedElement);

/** The claim id of the open card, or null when no card is shown. */
async function openCardId(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const card = document.querySelector('citecheck-card')?.shadowRoot?.querySelector<HTMLElement>('[data-citecheck-card]');
    if (!card || card.style.visibility === 'hidden' || card.getBoundingClientRect().height === 0) return null;
    return card.getAttribute('data-claim-id');
  });
}

/**
 * Opens a claim's card from its badge without moving the page (focus with preventScroll), then
 * measures the card, the badge button and the marker text that precedes the badge.
 */
async function cardGeometry(page: Page, claimId: string) {
  return page.evaluate(async (id) => {
    const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
    const box = (r: DOMRect) => ({ top: r.top, left: r.left, bottom: r.bottom, right: r.right });
    const host = document.querySelector(`citecheck-badge[data-claim-id="${id}"]`)!;
    const button = host.shadowRoot!.querySelector('button')!;
    button.focus({ preventScroll: true });
    await frame();
    await frame();
    const card = document.querySelector('citecheck-card')?.shadowRoot?.querySelector<HTMLElement>('[data-citecheck-card]');
    let marker = null;
    const text = host.previousSibling;
    if (text?.nodeType === Node.TEXT_NODE) {
      const s = text.textContent!.trimEnd();
      const range = document.createRange();
      range.setStart(text, s.lastIndexOf('['));
      range.setEnd(text, s.length);
      marker = box(range.getBoundingClientRect());
    }
    return {
      cardId: card?.getAttribute('data-claim-id') ?? null,
      card: card ? box(card.getBoundingClientRect()) : null,
      badge: box(button.getBoundingClientRect()),
      marker,
      viewport: { width: document.documentElement.clientWidth, height: window.innerHeight },
    };
  }, claimId);
}

/** Runs axe-core (already injected) on the given context; returns the serious and critical violations. */
async function seriousViolations(page: Page, context: unknown = null): Promise<{ id: string; impact: string; nodes: string[] }[]> {
  return page.evaluate(async (ctx) => {
    const axe = (window as any).axe;
    const result = await axe.run(ctx ?? document, { resultTypes: ['violations'] });
    return result.violations
      .filter((v: any) => v.impact === 'serious' || v.impact === 'critical')
      .map((v: any) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n: any) => `${JSON.stringify(n.target)}: ${n.failureSummary}`) }));
  }, context);
}

/** Extension pages forbid inline scripts: evaluating axe's source through the DevTools protocol is not subject to CSP. */
async function injectAxe(page: Page, extensionPage: boolean): Promise<void> {
  if (extensionPage) await page.evaluate(await readFile(AXE, 'utf8'));
  else await page.addScriptTag({ path: AXE });
  expect(await page.evaluate(() => typeof (window as any).axe?.run)).toBe('function');
}

/** Luminance (0 black … 1 white) of an element's computed background colour. */
async function backgroundLuminance(page: Page, selectorInShadow: { host: string; inner: string } | string): Promise<number> {
  return page.evaluate((sel) => {
    const el =
      typeof sel === 'string'
        ? document.querySelector(sel)
        : document.querySelector(sel.host)?.shadowRoot?.querySelector(sel.inner);
    if (!el) throw new Error('no element');
    const m = getComputedStyle(el).backgroundColor.match(/[\d.]+/g)!.map(Number);
    const lin = (c: number) => (c / 255 <= 0.03928 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4);
    return 0.2126 * lin(m[0]) + 0.7152 * lin(m[1]) + 0.0722 * lin(m[2]);
  }, selectorInShadow);
}

async function closeAnyCard(page: Page): Promise<void> {
  await page.mouse.move(1, 1);
  await page.keyboard.press('Escape');
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.waitForFunction(
    () => !document.querySelector('citecheck-card')?.shadowRoot?.querySelector('[data-citecheck-card]'),
    undefined,
    { timeout: 5_000 },
  );
}

// ---------- the demo article, light theme ----------

describe.skipIf(!haveChromium)('Chromium UI: the demo article', () => {
  let server: StaticServer;
  let ext: ExtensionBrowser;
  let page: Page;
  let articleUrl: string;
  let tabId: number;

  beforeAll(async () => {
    await mkdir(shots, { recursive: true });
    server = await startStaticServer(demoDir);
    articleUrl = `${server.origin}/article.html`;
    ext = await launchWithExtension();
    page = await ext.context.newPage();
    await page.goto(articleUrl);
    await waitForVerdicts(page);
    tabId = await tabIdOf(await ext.currentWorker(), articleUrl);
  });

  afterAll(async () => {
    await ext?.close();
    await server?.close();
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
    // Through the card's own controls (close, the passage link), then out of it.
    const inCard: string[] = [];
    for (let i = 0; i < 8; i++) {
      await page.keyboard.press('Tab');
      const f = await focused(page);
      if (f.host !== 'citecheck-card') break;
      inCard.push(f.inner!);
    }
    expect(inCard).toEqual(['button', 'a']);
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

  it('keeps the card inside the viewport and off its marker, also near the right and bottom edges', async () => {
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

  it('page CSS cannot hide or restyle the badges and the card', async () => {
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

  it('sets the toolbar badge text and title for the tab', async () => {
    const worker = await ext.currentWorker();
    const action = await worker.evaluate(async (id) => {
      const chrome = (globalThis as any).chrome;
      return { text: await chrome.action.getBadgeText({ tabId: id }), title: await chrome.action.getTitle({ tabId: id }) };
    }, tabId);
    // Five of eight claims are not plainly supported.
    expect(action.text).toBe('5');
    expect(action.title).toMatch(/^Citecheck: 5 of 8 claims need a look \(/);
    for (const phrase of ['1 partly', '1 not found', '1 contradicted', '1 source unavailable', '1 unlinked']) {
      expect(action.title).toContain(phrase);
    }
  });

  it('popup summary and filter counts match the badges on the page, per verdict', async () => {
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

  it('popup filters by verdict and sorts by score', async () => {
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

  it('clicking a popup row scrolls the page to its badge and flashes it', async () => {
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

  it('with reduced motion asked for, a row click jumps to the badge and marks it without animation', async () => {
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

  it('exports a JSON report that validates against the schema and a Markdown report naming every claim', async () => {
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
    await popup.close();
  });

  it('re-check from the popup bypasses the cache: the source server sees new requests', async () => {
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

  it('popup for a page without citations says so and lists the styles it looks for', async () => {
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

  it('has no serious or critical axe violations in the popup', async () => {
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

// ---------- dark theme ----------

/** The demo article on a dark page: the badges and card follow the page, the popup the system. */
function darkArticle(html: string): string {
  return html.replace('</head>', '<style>body { background: #15181d !important; color: #e3e6ea !important; } a { color: #8ab4f8; }</style>\n</head>');
}

describe.skipIf(!haveChromium)('Chromium UI: dark theme', () => {
  let server: StaticServer;
  let ext: ExtensionBrowser;

  beforeAll(async () => {
    await mkdir(shots, { recursive: true });
    const demo = await readFile(path.join(demoDir, 'article.html'), 'utf8');
    server = await startStaticServer(demoDir, {
      routes: {
        '/dark-article.html': (_req, res) => {
          res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
          res.end(darkArticle(demo).replaceAll('{{origin}}', server.origin));
        },
      },
    });
    ext = await launchWithExtension(CHROME_BUILD, { colorScheme: 'dark' });
  });

  afterAll(async () => {
    await ext?.close();
    await server?.close();
  });

  it('draws a dark hover card on a dark page and a dark popup, and both pass axe', async () => {
    const page = await ext.context.newPage();
    const url = `${server.origin}/dark-article.html`;
    await page.goto(url);
    expect(await waitForVerdicts(page)).toEqual(DEMO_VERDICTS);
    expect(await page.locator('citecheck-badge[data-claim-id="c5"] button').getAttribute('data-theme')).toBe('dark');

    await page.locator('citecheck-badge[data-claim-id="c5"] button').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => openCardId(page)).toBe('c5');
    expect(await page.locator('[data-citecheck-card]').getAttribute('data-theme')).toBe('dark');
    expect(await backgroundLuminance(page, { host: 'citecheck-card', inner: '[data-citecheck-card]' })).toBeLessThan(0.05);
    await page.screenshot({ path: path.join(shots, 'ui-card-dark.png') });
    await injectAxe(page, false);
    expect(
      await seriousViolations(page, {
        include: [
          { fromShadowDom: ['citecheck-card', '[data-citecheck-card]'] },
          ...Object.keys(DEMO_VERDICTS).map((id) => ({ fromShadowDom: [`citecheck-badge[data-claim-id="${id}"]`, 'button'] })),
        ],
      }),
    ).toEqual([]);

    const popup = await openPopup(ext, await tabIdOf(await ext.currentWorker(), url));
    expect(await backgroundLuminance(popup, '.app')).toBeLessThan(0.05);
    await popup.click('[data-claim-id="c5"] .row-main');
    await popup.locator('[data-testid="claim-details"]').waitFor();
    await popup.screenshot({ path: path.join(shots, 'ui-popup-dark.png') });
    await injectAxe(popup, true);
    expect(await seriousViolations(popup)).toEqual([]);
    await popup.close();
    await page.close();
  });
});

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

describe.skipIf(!haveChromium)('Chromium UI: the popup\'s site switch', () => {
  let server: StaticServer;
  let ext: ExtensionBrowser;

  beforeAll(async () => {
    server = await startStaticServer(demoDir);
    ext = await launchWithExtension();
  });

  afterAll(async () => {
    await ext?.close();
    await server?.close();
  });

  it('"Turn off here" switches the site off for new pages and says a reload removes the badges; turning on brings them back', async () => {
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

// ---------- a 200-claim report ----------

/** Claims of our own over the demo sources; each cites one source by its number (7 is in no list). */
const MANY_CLAIMS: [number, string][] = [
  [1, 'blocks lined with mature street trees were up to 4 degrees Celsius cooler in the afternoon than treeless blocks'],
  [2, 'the city planted 12,000 new street trees in 2022'],
  [1, 'treeless blocks stayed hotter through the July 2023 heatwave afternoons'],
  [3, 'hospital admissions for heat stroke fell by 30 percent in districts with a dense tree canopy'],
  [5, 'tree canopy cover across Riverton rose to 27 percent in 2023'],
  [4, 'the summer of 2023 was the hottest on record for the Riverton area'],
  [2, 'the parks department doubled its tree maintenance budget'],
  [5, 'tree canopy cover across Riverton fell to 21 percent in 2023'],
  [7, 'residents ranked shade as the improvement they wanted most'],
  [3, 'the city installed a new network of air quality sensors'],
];
const MANY_SOURCES = [
  ['/sources/street-trees-heat.html', 'City Green Lab: Street trees and afternoon heat'],
  ['/sources/parks-annual-report.html', 'Riverton Parks Department: Annual report 2022'],
  ['/sources/air-sensors.html', 'Riverton Health Observer: A new network of air quality sensors'],
  ['/sources/summer-records.html', 'Regional Weather Desk: Summer 2023 in review'],
  ['/sources/canopy-survey.html', 'Urban Canopy Survey: Riverton canopy cover 2023'],
];

function manyClaimsArticle(count: number): string {
  const items = Array.from({ length: count }, (_, i) => {
    const [source, text] = MANY_CLAIMS[i % MANY_CLAIMS.length];
    return `    <li>In note ${i + 1}, the review found that ${text}. [Source ${source}]</li>`;
  });
  const sources = MANY_SOURCES.map(([href, title]) => `    <li><a href="${href}">${title}</a></li>`);
  return [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8"><title>Riverton heat notebook: two hundred observations</title></head>',
    '<body><article>',
    '  <h1>Riverton heat notebook: two hundred observations</h1>',
    // Not "Notes": a section of that name reads as a notes list, whose items are not claims.
    '  <h2>Observations</h2>',
    '  <ul>',
    ...items,
    '  </ul>',
    '  <h2>Sources</h2>',
    '  <ol class="sources">',
    ...sources,
    '  </ol>',
    '</article></body></html>',
  ].join('\n');
}

describe.skipIf(!haveChromium)('Chromium UI: a 200-claim report', () => {
  let server: StaticServer;
  let ext: ExtensionBrowser;

  beforeAll(async () => {
    server = await startStaticServer(demoDir, {
      routes: {
        '/many-claims.html': (_req, res) => {
          res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
          res.end(manyClaimsArticle(200));
        },
      },
    });
    ext = await launchWithExtension();
  });

  afterAll(async () => {
    await ext?.close();
    await server?.close();
  });

  it('popup renders every row of a finished 200-claim report, with counts that match the badges', async () => {
    const page = await ext.context.newPage();
    const url = `${server.origin}/many-claims.html`;
    await page.goto(url);
    const verdicts = await waitForVerdicts(page, 60_000);
    expect(Object.keys(verdicts)).toHaveLength(200);
    const badgeCounts = countBy(Object.values(verdicts));
    // The page is built to give several verdicts, so the counts compare something.
    expect(Object.keys(badgeCounts).length).toBeGreaterThanOrEqual(4);

    const tabId = await tabIdOf(await ext.currentWorker(), url);
    const report: Report = FinishedReportSchema.parse(await storedReport(await ext.currentWorker(), tabId));
    expect(report.claims).toHaveLength(200);

    const popup = await openPopup(ext, tabId);
    const rows = await popupRows(popup);
    expect(rows).toHaveLength(200);
    expect(rows.map(([id]) => id)).toEqual(report.claims.map((c) => c.id));
    expect(Object.fromEntries(rows)).toEqual(verdicts);
    const summary = parseSummary(await popup.locator('[data-testid="summary"]').innerText());
    expect(summary).toEqual({ total: 200, counts: badgeCounts });
    // The last row is really there, with its text, and can be scrolled to.
    const last = popup.locator(`[data-claim-id="${report.claims[199].id}"]`);
    await last.scrollIntoViewIfNeeded();
    // Rows off screen skip rendering (content-visibility); once scrolled to, the text is drawn.
    await expect.poll(() => last.locator('.row-text').innerText()).toContain('In note 200');
    expect(await last.isVisible()).toBe(true);
    await popup.close();
    await page.close();
  });
});

// ---------- progress while sources load ----------

describe.skipIf(!haveChromium)('Chromium UI: progress while sources load', () => {
  let server: StaticServer;
  let ext: ExtensionBrowser;

  /** A demo source answered only after `ms`. */
  const late =
    (file: string, ms: number): Route =>
    async (_req, res) => {
      await new Promise((resolve) => setTimeout(resolve, ms));
      const body = await readFile(path.join(demoDir, 'sources', file));
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(body);
    };

  beforeAll(async () => {
    await mkdir(shots, { recursive: true });
    server = await startStaticServer(demoDir, {
      mounts: { '/ui/': fixtures },
      routes: {
        '/late/parks-annual-report.html': late('parks-annual-report.html', 2_500),
        '/later/canopy-survey.html': late('canopy-survey.html', 7_000),
      },
    });
    ext = await launchWithExtension();
  });

  afterAll(async () => {
    await ext?.close();
    await server?.close();
  });

  it('popup shows progress and pending claims while sources load, then the final verdicts without reopening', async () => {
    const page = await ext.context.newPage();
    const url = `${server.origin}/ui/progress-article.html`;
    await page.goto(url);
    await page.waitForFunction(() => document.querySelectorAll('citecheck-badge').length === 3, undefined, { timeout: 10_000 });
    expect(await page.getAttribute('citecheck-badge[data-claim-id="c3"]', 'data-verdict')).toBe('pending');
    const tabId = await tabIdOf(await ext.currentWorker(), url);

    const popup = await ext.context.newPage();
    await popup.setViewportSize({ width: 420, height: 600 });
    await popup.goto(`chrome-extension://${ext.extensionId}/popup.html?tabId=${tabId}`);
    await popup.locator('[data-testid="progress"]').waitFor({ timeout: 5_000 });
    expect(await popup.locator('[data-testid="progress"]').innerText()).toMatch(/^[0-2] of 3 sources read; the ones on screen first$/);
    expect((await popupRows(popup)).some(([, verdict]) => verdict === 'pending')).toBe(true);
    const title = await (await ext.currentWorker()).evaluate(
      (id) => (globalThis as any).chrome.action.getTitle({ tabId: id }) as Promise<string>,
      tabId,
    );
    expect(title).toMatch(/checking sources: [0-2] of 3 loaded/);
    await popup.screenshot({ path: path.join(shots, 'ui-popup-progress-light.png') });

    // The same popup follows the check to its end.
    await popup.locator('[data-testid="progress"]').waitFor({ state: 'detached', timeout: 20_000 });
    await popup.locator('.app[data-report-state="done"]').waitFor();
    const verdicts = await waitForVerdicts(page);
    const rows = await popupRows(popup);
    expect(rows.map(([id]) => id)).toEqual(['c1', 'c2', 'c3']);
    expect(Object.fromEntries(rows)).toEqual(verdicts);
    expect(Object.values(verdicts)).not.toContain('pending');
    expect(parseSummary(await popup.locator('[data-testid="summary"]').innerText())).toEqual({ total: 3, counts: countBy(Object.values(verdicts)) });
    await popup.close();
    await page.close();
  });
});
