/**
 * The main job, on an embedded default: builds the extension, serves the demo article and its
 * sources on 127.0.0.1, loads the extension in Chromium, and saves screenshots of the page with its
 * badges, an open hover card and the popup under demo-output/, then prints the report.
 * Without Chromium it says how to install it and prints the command-line report instead.
 *
 *   npm run demo              build, serve, screenshot, report
 *   npm run demo -- --serve   also keep the demo server running (Ctrl-C to stop)
 */
import { execFileSync } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ReportSchema, type Report } from '../utils/report/schema';
import { findChromium, launchWithExtension, storedReport, tabIdOf, waitForVerdicts } from './lib/chromium';
import { formatReport } from './lib/format-report';
import { checkArticle } from './lib/node-checker';
import { readArgs } from './lib/args';
import { startStaticServer } from './lib/static-server';

const root = path.resolve(import.meta.dirname, '..');
const out = path.join(root, 'demo-output');
const { values: args } = readArgs('usage: npm run demo [-- --serve] [--no-build]', {
  serve: { type: 'boolean' },
  'no-build': { type: 'boolean' },
});

async function main(): Promise<void> {
  await mkdir(out, { recursive: true });
  const server = await startStaticServer(path.join(root, 'assets/demo'));
  const articleUrl = `${server.origin}/article.html`;
  console.log(`Demo article served at ${articleUrl}`);
  try {
    const executable = findChromium();
    if (!executable) {
      console.log('\nChromium is not installed, so the extension cannot be shown.');
      console.log('Install it with:  sudo apt-get install -y chromium   (Debian/Ubuntu)');
      console.log('Meanwhile, here is the same check run by the command-line checker:\n');
      const html = await (await fetch(articleUrl)).text();
      const report = await checkArticle(html, articleUrl, { allowPrivate: true });
      console.log(formatReport(report));
      await writeFile(path.join(out, 'report.json'), JSON.stringify(report, null, 2));
      return;
    }
    if (!args['no-build']) {
      console.log('Building the Chrome extension…');
      execFileSync('npx', ['wxt', 'build'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
    }
    const browser = await launchWithExtension();
    try {
      const page = await browser.context.newPage();
      await page.goto(articleUrl);
      const verdicts = await waitForVerdicts(page);
      await page.screenshot({ path: path.join(out, 'article.png'), fullPage: true });

      // An open hover card: the contradicted claim if there is one, else the first badge.
      const claimId = Object.entries(verdicts).find(([, v]) => v === 'contradicted')?.[0] ?? Object.keys(verdicts)[0];
      const badge = page.locator(`citecheck-badge[data-claim-id="${claimId}"] button`);
      await badge.scrollIntoViewIfNeeded();
      await badge.hover();
      await page.locator('[data-citecheck-card]').first().waitFor({ state: 'visible', timeout: 5_000 });
      await page.waitForTimeout(250);
      await page.screenshot({ path: path.join(out, 'hover-card.png') });

      const tabId = await tabIdOf(await browser.currentWorker(), articleUrl);
      const popup = await browser.context.newPage();
      await popup.setViewportSize({ width: 440, height: 640 });
      await popup.goto(`chrome-extension://${browser.extensionId}/popup.html?tabId=${tabId}`);
      await popup.locator('[data-testid="summary"]').waitFor({ timeout: 10_000 });
      await popup.waitForTimeout(200);
      await popup.screenshot({ path: path.join(out, 'popup.png') });

      const report: Report = ReportSchema.parse(await storedReport(await browser.currentWorker(), tabId));
      await writeFile(path.join(out, 'report.json'), JSON.stringify(report, null, 2));
      console.log('\n' + formatReport(report));
      console.log(`\nScreenshots: ${['article.png', 'hover-card.png', 'popup.png'].map((f) => path.join('demo-output', f)).join(', ')}`);
      console.log(`Report: ${path.join('demo-output', 'report.json')}`);
    } finally {
      await browser.close();
    }
    if (args.serve) {
      console.log(`\nServing ${articleUrl} until Ctrl-C.`);
      await new Promise(() => undefined);
    }
  } finally {
    await server.close();
  }
}

main().catch((error) => {
  console.error(`demo failed: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
});
