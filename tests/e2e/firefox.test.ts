/**
 * Smoke test in Debian's Firefox ESR: the Firefox MV3 build, installed as a temporary add-on,
 * finds the demo article's claims, fetches its sources from its background page and shows verdicts.
 */
import { describe, expect } from 'vitest';
import { firefoxMissing, waitForFirefoxVerdicts } from '../../scripts/lib/firefox';
import { DEMO_ARCHIVED, DEMO_PDF_PAGE, DEMO_VERDICTS } from './demo-article';
import { firefoxTest } from './fixtures';

const missing = firefoxMissing();
const haveFirefox = !missing;
if (missing) console.warn(`Skipping Firefox end-to-end test: ${missing}`);

const it = firefoxTest();

describe.skipIf(!haveFirefox)('Firefox ESR: the demo article', () => {

  it('shows a badge with a final verdict for every claim, from sources fetched by the background', async ({ server, firefox }) => {
    const page = await firefox.browser.newPage();
    await page.goto(`${server.origin}/article.html`);
    await waitForFirefoxVerdicts(page, Object.keys(DEMO_VERDICTS).length);
    const verdicts = await page.evaluate(() =>
      Object.fromEntries([...document.querySelectorAll('citecheck-badge')].map((h) => [h.getAttribute('data-claim-id'), h.getAttribute('data-verdict')])),
    );
    expect(verdicts).toEqual(DEMO_VERDICTS);
    // The background really fetched the sources (the 404 one too).
    expect(server.count('/sources/street-trees-heat.html')).toBeGreaterThan(0);
    expect(server.count('/sources/summer-records.html')).toBeGreaterThan(0);

    // The PDF was read in the background page by pdf.js; the dead link through its archived copy.
    const cardText = async (claimId: string) => {
      await page.evaluate((id) => document.querySelector<HTMLElement>(`citecheck-badge[data-claim-id="${id}"]`)!.shadowRoot!.querySelector('button')!.click(), claimId);
      await page.waitForFunction(
        (id) => document.querySelector('citecheck-card')?.shadowRoot?.querySelector('[data-citecheck-card]')?.getAttribute('data-claim-id') === id,
        { timeout: 5_000 },
        claimId,
      );
      return page.evaluate(() => {
        const card = document.querySelector('citecheck-card')!.shadowRoot!.querySelector<HTMLElement>('[data-citecheck-card]')!;
        return { text: card.innerText, link: card.querySelector('[data-testid="open-passage"]')?.getAttribute('href') ?? '' };
      });
    };
    const pdf = await cardText(DEMO_PDF_PAGE.claimId);
    expect(pdf.text).toContain(`page ${DEMO_PDF_PAGE.page}`);
    expect(pdf.link).toBe(`${server.origin}/sources/riverton-tree-survey.pdf#page=${DEMO_PDF_PAGE.page}`);
    await page.keyboard.press('Escape');
    const archived = await cardText(DEMO_ARCHIVED.claimId);
    expect(archived.text).toContain('Read from an archived copy of 2 June 2021');
    expect(archived.link.startsWith(`${server.origin}/web/20210602101500/`)).toBe(true);
    expect(server.count('/sources/riverton-tree-survey.pdf')).toBeGreaterThan(0);
  });
});
