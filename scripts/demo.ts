/**
 * The main job, on an embedded default: builds the extension, serves the demo article and its
 * sources on 127.0.0.1, loads the extension in Chromium, and saves screenshots of the page with its
 * badges, an open hover card, two partly supported claims' cards (part by part; a number the source
 * does not give), the popup, the reader view (an HTML and a PDF source at their
 * passages), the first-run page, a long generated article with compact
 * badges, and a page in "only when I click" mode with its "Not checked" badges under demo-output/,
 * then prints the report.
 * Without Chromium it says how to install it and prints the command-line report instead.
 *
 *   npm run demo              build, serve, screenshot, report
 *   npm run demo -- --serve   also keep the demo server running (Ctrl-C to stop)
 *   npm run demo -- --judge http://127.0.0.1:11434/v1 [--judge-model NAME]
 *                             also turn on the on-device judge with your own model server (set in the
 *                             options page, as a reader would) and screenshot a card it judged
 */
import { execFileSync } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ReportSchema, type Report } from '../utils/report/schema';
import type { Page } from 'playwright-core';
import { findChromium, launchWithExtension, storedReport, tabIdOf, waitForVerdicts, type ExtensionBrowser } from './lib/chromium';
import { formatReport } from './lib/format-report';
import { checkArticle } from './lib/node-checker';
import { readArgs } from './lib/args';
import { startStaticServer } from './lib/static-server';
import { startLongArticleServer } from '../tests/helpers/long-article';

const root = path.resolve(import.meta.dirname, '..');
const out = path.join(root, 'demo-output');
const { values: args } = readArgs('usage: npm run demo [-- --serve] [--no-build] [--judge <base URL> [--judge-model NAME]]', {
  serve: { type: 'boolean' },
  'no-build': { type: 'boolean' },
  judge: { type: 'string' },
  'judge-model': { type: 'string' },
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
      if (args.judge) await turnOnJudge(browser, args.judge, args['judge-model']);
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

      // A partly supported claim's card: what the source states, part by part, and what it does not.
      const partial = Object.entries(verdicts).find(([, v]) => v === 'partial')?.[0];
      if (partial) {
        await page.mouse.move(0, 0);
        await page.keyboard.press('Escape');
        const partialBadge = page.locator(`citecheck-badge[data-claim-id="${partial}"] button`);
        await partialBadge.scrollIntoViewIfNeeded();
        await partialBadge.hover();
        await page.locator('[data-citecheck-card]').first().waitFor({ state: 'visible', timeout: 5_000 });
        await page.waitForTimeout(250);
        await page.screenshot({ path: path.join(out, 'partial-card.png') });
      }

      // A claim partly supported because its source gives no such number: the card names it.
      const lacking = Object.entries(verdicts).filter(([, v]) => v === 'partial').map(([id]) => id).find((id) => id !== partial);
      if (lacking) {
        await page.mouse.move(0, 0);
        await page.keyboard.press('Escape');
        const lackingBadge = page.locator(`citecheck-badge[data-claim-id="${lacking}"] button`);
        await lackingBadge.scrollIntoViewIfNeeded();
        await lackingBadge.hover();
        await page.locator('[data-citecheck-card]').first().waitFor({ state: 'visible', timeout: 5_000 });
        await page.waitForTimeout(250);
        await page.screenshot({ path: path.join(out, 'absent-card.png') });
      }

      const tabId = await tabIdOf(await browser.currentWorker(), articleUrl);
      const popup = await browser.context.newPage();
      await popup.setViewportSize({ width: 440, height: 640 });
      await popup.goto(`chrome-extension://${browser.extensionId}/popup.html?tabId=${tabId}`);
      await popup.locator('[data-testid="summary"]').waitFor({ timeout: 10_000 });
      await popup.waitForTimeout(200);
      await popup.screenshot({ path: path.join(out, 'popup.png') });

      if (args.judge) await screenshotJudgedCard(browser, page, tabId);
      const report: Report = ReportSchema.parse(await storedReport(await browser.currentWorker(), tabId));
      await writeFile(path.join(out, 'report.json'), JSON.stringify(report, null, 2));
      await screenshotReader(browser, report, tabId);
      await screenshotFirstRun(browser);
      await screenshotLongArticle(browser);
      console.log('\n' + formatReport(report));
      const shots = ['article.png', 'hover-card.png', 'partial-card.png', 'absent-card.png', 'popup.png', 'reader-html.png', 'reader-pdf.png', 'first-run.png', 'long-article-compact.png', 'not-checked.png'];
      console.log(`\nScreenshots: ${shots.map((f) => path.join('demo-output', f)).join(', ')}`);
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

/**
 * The reader view ("Show in Citecheck") at the claim's passage: the first supported claim with an
 * HTML source (its sanitised formatting), and the claim whose passage is on a PDF's page.
 */
async function screenshotReader(browser: ExtensionBrowser, report: Report, tabId: number): Promise<void> {
  const sourceOf = (id: string) => report.sources.find((s) => s.id === id);
  const withPassage = report.claims.flatMap((c) => (c.evidence[0] ? [{ claim: c, evidence: c.evidence[0] }] : []));
  const html = withPassage.find(({ claim, evidence }) => claim.verdict === 'supported' && evidence.page === undefined && sourceOf(evidence.sourceId)?.readFrom !== 'archive');
  const pdf = withPassage.find(({ evidence }) => evidence.page !== undefined);
  // The PDF's view is shown whole: its header says the passage's page, its text marks it.
  for (const [file, pick, ready, fullPage] of [
    ['reader-html.png', html, '[data-testid="reader-html"] mark', false],
    ['reader-pdf.png', pdf, '[data-testid="reader-page"]', true],
  ] as const) {
    if (!pick) {
      console.log(`No claim for ${file}: skipped`);
      continue;
    }
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 900, height: 640 });
    const query = new URLSearchParams({ tab: String(tabId), claim: pick.claim.id, source: pick.evidence.sourceId });
    await page.goto(`chrome-extension://${browser.extensionId}/reader.html?${query}`);
    await page.locator(ready).first().waitFor({ timeout: 10_000 });
    await page.waitForTimeout(200);
    await page.screenshot({ path: path.join(out, file), fullPage });
    await page.close();
  }
}

/** The page a new install opens once: what Citecheck fetches and when, and the reader's choice. */
async function screenshotFirstRun(browser: ExtensionBrowser): Promise<void> {
  const isWelcome = (p: Page) => p.url().endsWith('/welcome.html');
  const welcome = browser.context.pages().find(isWelcome) ?? (await browser.context.waitForEvent('page', { predicate: isWelcome, timeout: 10_000 }));
  await welcome.setViewportSize({ width: 900, height: 900 });
  await welcome.locator('[data-testid="check-mode"]').waitFor({ timeout: 10_000 });
  await welcome.screenshot({ path: path.join(out, 'first-run.png'), fullPage: true });
}

/**
 * A long generated article (120 references over 6 hosts): compact badges after every marker, the
 * claims on screen checked first; then the same article in "only when I click" mode, where every
 * badge says "Not checked" and nothing is fetched.
 */
async function screenshotLongArticle(browser: ExtensionBrowser): Promise<void> {
  const references = 120;
  const server = await startLongArticleServer({ references, hosts: 6, latencyMs: 40 });
  const finalOnScreen = () =>
    [...document.querySelectorAll('citecheck-badge')]
      .filter((b) => {
        const box = b.getBoundingClientRect();
        return box.bottom > 0 && box.top < innerHeight;
      })
      .every((b) => !['pending', 'unchecked', null].includes(b.getAttribute('data-verdict')));
  try {
    const page = await browser.context.newPage();
    await page.goto(server.articleUrl);
    await page.waitForFunction((n) => document.querySelectorAll('citecheck-badge').length === n, references, { timeout: 20_000 });
    await page.waitForFunction(finalOnScreen, undefined, { timeout: 20_000 });
    await page.screenshot({ path: path.join(out, 'long-article-compact.png') });
    await page.close();

    // The popup's mode control sends this message.
    const settings = await browser.context.newPage();
    await settings.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await settings.evaluate(() => (globalThis as any).chrome.runtime.sendMessage({ type: 'set-check-mode', mode: 'click' }));
    const since = server.now();
    const quiet = await browser.context.newPage();
    await quiet.goto(`${server.articleUrl}?mode=click`);
    await quiet.waitForFunction((n) => document.querySelectorAll('citecheck-badge[data-verdict="unchecked"]').length === n, references, { timeout: 20_000 });
    await quiet.screenshot({ path: path.join(out, 'not-checked.png') });
    console.log(`Only when I click: ${references} badges say "Not checked"; ${server.countSince(since)} source requests.`);
    await settings.evaluate(() => (globalThis as any).chrome.runtime.sendMessage({ type: 'set-check-mode', mode: 'auto' }));
    await quiet.close();
    await settings.close();
  } finally {
    await server.close();
  }
}

/** The options page, as a reader uses it: the local-server tier at `baseUrl`, its model chosen. */
async function turnOnJudge(browser: ExtensionBrowser, baseUrl: string, model?: string): Promise<void> {
  const options = await browser.context.newPage();
  await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
  await options.getByTestId('judge-tier-local-server').check();
  await options.getByTestId('judge-url').fill(baseUrl);
  await options.getByTestId('judge-probe').click();
  const select = options.getByTestId('judge-model');
  try {
    await select.waitFor({ timeout: 10_000 });
  } catch {
    throw new Error(`the model server at ${baseUrl} did not list its models: ${await options.getByTestId('judge-status').innerText()}`);
  }
  if (model) await select.selectOption(model);
  console.log(`On-device judge: ${model ?? (await select.inputValue())} at ${baseUrl}`);
  await options.screenshot({ path: path.join(out, 'judge-options.png'), fullPage: true });
  await options.close();
}

/** Waits (up to 2 minutes) for a claim the model judged and screenshots its card. */
async function screenshotJudgedCard(browser: ExtensionBrowser, page: Page, tabId: number): Promise<void> {
  const deadline = Date.now() + 120_000;
  let judged: string | undefined;
  while (!judged && Date.now() < deadline) {
    const report = ReportSchema.parse(await storedReport(await browser.currentWorker(), tabId));
    judged = report.claims.find((c) => c.judgedBy && c.judgedBy !== 'words')?.id;
    if (!judged) await page.waitForTimeout(500);
  }
  if (!judged) {
    console.log('The model gave no answer that passed the quote gate: every verdict is the word match.');
    return;
  }
  await page.mouse.move(0, 0);
  const badge = page.locator(`citecheck-badge[data-claim-id="${judged}"] button`);
  await badge.scrollIntoViewIfNeeded();
  await badge.hover();
  await page.locator(`[data-citecheck-card][data-claim-id="${judged}"]`).waitFor({ state: 'visible', timeout: 5_000 });
  await page.waitForTimeout(250);
  await page.screenshot({ path: path.join(out, 'judge-card.png') });
  console.log(`A card the model judged: ${path.join('demo-output', 'judge-card.png')}`);
}

main().catch((error) => {
  console.error(`demo failed: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
});
