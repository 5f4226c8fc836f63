/**
 * Compact badges end to end in Chromium: a long article dense with footnote markers gets icon-only
 * badges (the word in each one's name and tooltip), whose cards and keyboard use work as on any
 * page and pass axe; the options' badge size turns the words back on in the open page.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import { kindWord } from '../../components/verdicts';
import type { ClaimKind } from '../../utils/report/verdicts';
import { chromiumMissing, waitForVerdicts } from '../../scripts/lib/chromium';
import { denseArticle } from '../helpers/dense-article';
import { chromiumTest, root, shots } from './fixtures';
import { focusedElement } from './probes';

const AXE = path.join(root, 'node_modules/axe-core/axe.min.js');
const missing = chromiumMissing();
if (missing) console.warn(`Skipping Chromium compact-badge tests: ${missing}`);

const MARKERS = 60;

interface BadgeFacts {
  id: string;
  verdict: ClaimKind;
  compact: boolean;
  width: number;
  label: string;
  title: string;
  wordShown: boolean;
}

async function badgeFacts(page: Page): Promise<BadgeFacts[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('citecheck-badge')].map((host) => {
      const button = host.shadowRoot!.querySelector('button')!;
      const word = button.querySelector<HTMLElement>('.cc-word');
      return {
        id: host.getAttribute('data-claim-id')!,
        verdict: button.getAttribute('data-verdict') as ClaimKind,
        compact: button.hasAttribute('data-compact'),
        width: button.getBoundingClientRect().width,
        label: button.getAttribute('aria-label') ?? '',
        title: button.title,
        wordShown: !!word && word.getBoundingClientRect().width > 0,
      };
    }),
  );
}

async function openCardId(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const card = document.querySelector('citecheck-card')?.shadowRoot?.querySelector<HTMLElement>('[data-citecheck-card]');
    if (!card || card.style.visibility === 'hidden' || card.getBoundingClientRect().height === 0) return null;
    return card.getAttribute('data-claim-id');
  });
}

const it = chromiumTest({
  routes: () => {
    const dense = denseArticle(MARKERS);
    return {
      '/dense.html': (_req, res) => {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.end(dense.html);
      },
    };
  },
});

describe.skipIf(!!missing)('Chromium UI: compact badges on a long article', () => {
  let page: Page;

  it.beforeAll(async ({ server, ext }) => {
    page = await ext.context.newPage();
    await page.goto(`${server.origin}/dense.html`);
    await waitForVerdicts(page, 60_000);
  });

  it(`above 40 markers every badge is compact: the icon alone, its word in the name and the tooltip`, async () => {
    const badges = await badgeFacts(page);
    expect(badges).toHaveLength(MARKERS);
    // The page gives several verdicts, so the names below compare something.
    expect(new Set(badges.map((b) => b.verdict)).size).toBeGreaterThanOrEqual(3);
    for (const b of badges) {
      expect(b.compact, b.id).toBe(true);
      expect(b.wordShown, b.id).toBe(false);
      expect(b.label.toLowerCase(), b.id).toContain(kindWord(b.verdict).toLowerCase());
      expect(b.title, b.id).toBe(b.label);
      // About a fifth of a word badge's width (10.25em): the text around it barely moves.
      expect(b.width, b.id).toBeLessThan(26);
      expect(b.width, b.id).toBeGreaterThan(12);
    }
    await page.screenshot({ path: path.join(shots, 'ui-compact-long-article.png') });
  });

  it('a compact badge opens its card on hover, and from the keyboard like any badge', async () => {
    const [first, second] = (await badgeFacts(page)).map((b) => b.id);
    await page.locator(`citecheck-badge[data-claim-id="${first}"] button`).hover();
    await expect.poll(() => openCardId(page)).toBe(first);
    await page.screenshot({ path: path.join(shots, 'ui-compact-card.png') });
    await page.mouse.move(1, 1);
    await expect.poll(() => openCardId(page)).toBeNull();

    await page.locator(`citecheck-badge[data-claim-id="${second}"] button`).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => openCardId(page)).toBe(second);
    expect(await page.evaluate(focusedElement)).toMatchObject({ host: 'citecheck-card', inner: 'div[card]' });
    await page.keyboard.press('Escape');
    await expect.poll(() => openCardId(page)).toBeNull();
    expect(await page.evaluate(focusedElement)).toMatchObject({ host: 'citecheck-badge', inner: 'button', claimId: second });
  });

  it('compact badges and their card have no serious or critical axe violations', async () => {
    const ids = (await badgeFacts(page)).map((b) => b.id);
    await page.locator(`citecheck-badge[data-claim-id="${ids[2]}"] button`).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => openCardId(page)).toBe(ids[2]);
    await page.addScriptTag({ content: await readFile(AXE, 'utf8') });
    const include = [
      { fromShadowDom: ['citecheck-card', '[data-citecheck-card]'] },
      ...ids.map((id) => ({ fromShadowDom: [`citecheck-badge[data-claim-id="${id}"]`, 'button'] })),
    ];
    const violations = await page.evaluate(async (ctx) => {
      const result = await (window as any).axe.run({ include: ctx }, { resultTypes: ['violations'] });
      return (result.violations as any[])
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.id}: ${v.nodes.length} nodes`);
    }, include);
    expect(violations).toEqual([]);
    await page.keyboard.press('Escape');
  });

  it('"Always with the word" in the options turns the words back on in the open page', async ({ ext }) => {
    const options = await ext.context.newPage();
    await options.goto(`chrome-extension://${ext.extensionId}/options.html`);
    await options.selectOption('[data-testid="badge-style"]', 'full');
    await expect.poll(() => options.locator('[data-testid="status"]').innerText()).toBe('Saved.');
    await expect.poll(async () => (await badgeFacts(page)).every((b) => !b.compact && b.wordShown)).toBe(true);
    const widths = (await badgeFacts(page)).map((b) => b.width);
    expect(Math.min(...widths)).toBeGreaterThan(60);
    await options.selectOption('[data-testid="badge-style"]', 'auto');
    await expect.poll(async () => (await badgeFacts(page)).every((b) => b.compact)).toBe(true);
    await options.close();
  });
});
