/** The reader's interface end to end in Debian's Chromium: progress in the popup while sources load. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect } from 'vitest';
import { tabIdOf, waitForVerdicts } from '../../scripts/lib/chromium';
import type { Route } from '../../scripts/lib/static-server';
import { chromiumTest } from './fixtures';
import { demoDir, fixtures, shots, haveChromium, popupRows, countBy, parseSummary } from './ui-shared';


// ---------- progress while sources load ----------

/** A demo source answered only after `ms`. */
const late =
  (file: string, ms: number): Route =>
  async (_req, res) => {
    await new Promise((resolve) => setTimeout(resolve, ms));
    const body = await readFile(path.join(demoDir, 'sources', file));
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(body);
  };

const it = chromiumTest({
  mounts: { '/ui/': fixtures },
  routes: () => ({
    '/late/parks-annual-report.html': late('parks-annual-report.html', 2_500),
    '/later/canopy-survey.html': late('canopy-survey.html', 7_000),
  }),
});

describe.skipIf(!haveChromium)('Chromium UI: progress while sources load', () => {
  it('popup shows progress and pending claims while sources load, then the final verdicts without reopening', async ({ server, ext }) => {
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
