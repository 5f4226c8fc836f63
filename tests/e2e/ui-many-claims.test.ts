/** The reader's interface end to end in Debian's Chromium: a 200-claim report in the popup. */
import { describe, expect } from 'vitest';
import { FinishedReportSchema, type Report } from '../../utils/report/schema';
import { storedReport, tabIdOf, waitForVerdicts } from '../../scripts/lib/chromium';
import { chromiumTest } from './fixtures';
import { haveChromium, openPopup, popupRows, countBy, parseSummary } from './ui-shared';

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

const it = chromiumTest({
  routes: () => ({
    '/many-claims.html': (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(manyClaimsArticle(200));
    },
  }),
});

describe.skipIf(!haveChromium)('Chromium UI: a 200-claim report', () => {

  it('popup renders every row of a finished 200-claim report, with counts that match the badges', async ({ server, ext }) => {
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
