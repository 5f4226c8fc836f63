/**
 * Shared by the end-to-end UI files (one file per area of the interface): paths, the launch
 * check, and the page probes each area uses. Each file launches its own browser through the
 * fixtures of ./fixtures.ts, so a setting or a theme never leaks between areas.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { type Verdict } from '../../utils/report/schema';
import { KIND_WORDS } from '../../components/verdicts';
import { chromiumMissing, type ExtensionBrowser } from '../../scripts/lib/chromium';
import { demoDir, root, shots } from './fixtures';
import { focusedElement, type FocusedElement } from './probes';

export { root, demoDir, shots };
export const fixtures = path.join(root, 'tests/fixtures/e2e/ui');
export const AXE = path.join(root, 'node_modules/axe-core/axe.min.js');
export const missing = chromiumMissing();
export const haveChromium = !missing;
if (missing) console.warn(`Skipping Chromium UI tests: ${missing}`);

export const DEMO_SOURCES = [
  '/sources/street-trees-heat.html',
  '/sources/parks-annual-report.html',
  '/sources/air-sensors.html',
  '/sources/summer-records.html',
  '/sources/canopy-survey.html',
];
export const JUDGED: readonly Verdict[] = ['supported', 'partial', 'unsupported', 'contradicted'];

// ---------- helpers ----------

export interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export const overlaps = (a: Rect, b: Rect) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

export async function openPopup(ext: ExtensionBrowser, tabId: number): Promise<Page> {
  const popup = await ext.context.newPage();
  // The popup's own size: its body is 420 px wide and at most 600 px high.
  await popup.setViewportSize({ width: 420, height: 600 });
  await popup.goto(`chrome-extension://${ext.extensionId}/popup.html?tabId=${tabId}`);
  await popup.locator('[data-testid="claims"][aria-busy="false"]').waitFor({ timeout: 20_000 });
  return popup;
}

/** The popup's rows in screen order, as [claim id, verdict]. */
export async function popupRows(popup: Page): Promise<[string, string][]> {
  return popup.evaluate(() =>
    [...document.querySelectorAll('[data-testid="claims"] [data-claim-id][data-verdict]')].map(
      (r) => [r.getAttribute('data-claim-id')!, r.getAttribute('data-verdict')!] as [string, string],
    ),
  );
}

export function countBy(values: Iterable<string>): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const v of values) counts[v] = (counts[v] ?? 0) + 1;
  return counts;
}

/** "6 claims: 1 supported, 1 partly, …" read back into counts per verdict. */
export function parseSummary(line: string): { total: number; counts: Record<string, number> } {
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
export const focused = (page: Page): Promise<FocusedElement> => page.evaluate(focusedElement);

/** The claim id of the open card, or null when no card is shown. */
export async function openCardId(page: Page): Promise<string | null> {
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
export async function cardGeometry(page: Page, claimId: string) {
  return page.evaluate(async (id) => {
    const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
    const box = (r: DOMRect) => ({ top: r.top, left: r.left, bottom: r.bottom, right: r.right });
    const host = document.querySelector(`citecheck-badge[data-claim-id="${id}"]`)!;
    const button = host.shadowRoot!.querySelector('button')!;
    button.focus({ preventScroll: true });
    await frame();
    await frame();
    // The first card on a page waits for the card's code (run in the tab on first use).
    const shownCard = () => document.querySelector('citecheck-card')?.shadowRoot?.querySelector<HTMLElement>('[data-citecheck-card]');
    for (let waited = 0; shownCard()?.getAttribute('data-claim-id') !== id && waited < 120; waited++) await frame();
    const card = shownCard();
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
export async function seriousViolations(page: Page, context: unknown = null): Promise<{ id: string; impact: string; nodes: string[] }[]> {
  return page.evaluate(async (ctx) => {
    const axe = (window as any).axe;
    const result = await axe.run(ctx ?? document, { resultTypes: ['violations'] });
    return result.violations
      .filter((v: any) => v.impact === 'serious' || v.impact === 'critical')
      .map((v: any) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n: any) => `${JSON.stringify(n.target)}: ${n.failureSummary}`) }));
  }, context);
}

/** Extension pages forbid inline scripts: evaluating axe's source through the DevTools protocol is not subject to CSP. */
export async function injectAxe(page: Page, extensionPage: boolean): Promise<void> {
  if (extensionPage) await page.evaluate(await readFile(AXE, 'utf8'));
  else await page.addScriptTag({ path: AXE });
  expect(await page.evaluate(() => typeof (window as any).axe?.run)).toBe('function');
}

/** Luminance (0 black … 1 white) of an element's computed background colour. */
export async function backgroundLuminance(page: Page, selectorInShadow: { host: string; inner: string } | string): Promise<number> {
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

export async function closeAnyCard(page: Page): Promise<void> {
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
