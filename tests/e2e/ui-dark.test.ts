/** The reader's interface end to end in Debian's Chromium: the dark theme: badges and card follow a dark page, the popup follows the system, both pass axe. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect } from 'vitest';
import { tabIdOf, waitForVerdicts } from '../../scripts/lib/chromium';
import { DEMO_VERDICTS } from './demo-article';
import { chromiumTest } from './fixtures';
import { demoDir, shots, haveChromium, openPopup, openCardId, seriousViolations, injectAxe, backgroundLuminance } from './ui-shared';

// ---------- dark theme ----------

/** The demo article on a dark page: the badges and card follow the page, the popup the system. */
function darkArticle(html: string): string {
  return html.replace('</head>', '<style>body { background: #15181d !important; color: #e3e6ea !important; } a { color: #8ab4f8; }</style>\n</head>');
}

const it = chromiumTest({
  colorScheme: 'dark',
  routes: async (origin) => {
    const demo = await readFile(path.join(demoDir, 'article.html'), 'utf8');
    return {
      '/dark-article.html': (_req, res) => {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.end(darkArticle(demo).replaceAll('{{origin}}', origin()));
      },
    };
  },
});

describe.skipIf(!haveChromium)('Chromium UI: dark theme', () => {

  it('draws a dark hover card on a dark page and a dark popup, and both pass axe', async ({ server, ext }) => {
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
