/**
 * Visible first, in Debian's Chromium with the built extension: the generated long article
 * (tests/helpers/long-article.ts; `--references`, `--hosts`, `--latency` set its size and each
 * source's delay, 400 / 10 / 200 ms by default) with an empty source cache, RUNS times, medians:
 *
 * - badges on the page (every marker gets one);
 * - navigation → every claim in the first viewport has its final verdict (page clock);
 * - source requests before any scrolling, against the claims in view plus the look-ahead budget;
 * - scroll to the last claim → that viewport's claims final;
 * - sources fetched twice (must be 0);
 * - the content script's gzipped size (the code every page loads).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { CHROME_BUILD, findChromium, launchWithExtension, type ExtensionBrowser } from '../lib/chromium';
import { startLongArticleServer } from '../../tests/helpers/long-article';
import { LOOK_AHEAD_SOURCES } from '../../utils/scheduler';
import { median, type BenchOptions, type BenchRow } from './types';

const RUNS = 3;
/** How long the page is left alone before the requests "before scrolling" are counted. */
const SETTLE_MS = 3_000;

/** In the page: every badge on screen has a final verdict; resolves with the page clock then. */
async function viewportFinalAt(page: Page, timeoutMs: number): Promise<number> {
  const handle = await page.waitForFunction(
    () => {
      const shown = [...document.querySelectorAll('citecheck-badge')].filter((b) => {
        const box = b.getBoundingClientRect();
        return box.bottom > 0 && box.top < innerHeight && box.height > 0;
      });
      const final = shown.length > 0 && shown.every((b) => !['pending', 'unchecked', null].includes(b.getAttribute('data-verdict')));
      return final ? performance.now() : 0;
    },
    undefined,
    { timeout: timeoutMs, polling: 'raf' },
  );
  return (await handle.jsonValue()) as number;
}

async function clearCache(ext: ExtensionBrowser): Promise<void> {
  const page = await ext.context.newPage();
  await page.goto(`chrome-extension://${ext.extensionId}/options.html`);
  await page.evaluate(() => (globalThis as any).chrome.runtime.sendMessage({ type: 'clear-cache' }));
  await page.close();
}

export default async function benchScheduling(options: BenchOptions = {}): Promise<BenchRow[]> {
  const references = options.references ?? 400;
  const hosts = options.hosts ?? 10;
  const latencyMs = options.latency ?? 200;
  const article = `${references} references, ${hosts} hosts, ${latencyMs} ms per source`;
  const contentGz = gzipSync(readFileSync(path.join(CHROME_BUILD, 'content-scripts/content.js'))).length / 1024;
  const sizeRow: BenchRow = {
    area: 'scheduling',
    name: 'content script, minified and gzipped',
    value: Math.round(contentGz * 10) / 10,
    unit: 'kB gz',
    target: '< 40 kB gz',
  };
  if (!findChromium()) return [sizeRow, { area: 'scheduling', name: 'long article', value: 0, unit: 'ms', note: 'skipped: no Chromium' }];

  const server = await startLongArticleServer({ references, hosts, latencyMs });
  const ext = await launchWithExtension(CHROME_BUILD);
  const runs: Array<{
    badges: number;
    contentAt: number;
    verifyAt: number;
    firstRequest: number;
    firstView: number;
    inView: number;
    beforeScroll: number;
    afterScroll: number;
    twice: number;
  }> = [];
  try {
    for (let i = 0; i < RUNS; i++) {
      await clearCache(ext);
      const since = server.now();
      const page = await ext.context.newPage();
      await page.goto(server.articleUrl);
      const firstView = await viewportFinalAt(page, 30_000);
      // Where the time went: the content script's request (extraction done), the first source request.
      const [contentAt, verifyAt, pageStart] = await page.evaluate(() => [
        performance.getEntriesByName('citecheck:content-start')[0]?.startTime ?? NaN,
        performance.getEntriesByName('citecheck:verify-start')[0]?.startTime ?? NaN,
        // The page clock starts at navigation, after `since` (taken before the tab opened).
        performance.timeOrigin,
      ]);
      // The first source request on the page's clock (both clocks are this machine's).
      const firstRequest = (server.requests.find((r) => r.at >= since)?.at ?? NaN) + server.startedAt - pageStart;
      await page.waitForFunction((n) => document.querySelectorAll('citecheck-badge').length >= n, references, { timeout: 10_000 }).catch(() => undefined);
      const badges = await page.evaluate(() => document.querySelectorAll('citecheck-badge').length);
      const inView = await page.evaluate(
        () =>
          [...document.querySelectorAll('citecheck-badge')].filter((b) => {
            const box = b.getBoundingClientRect();
            return box.bottom > 0 && box.top < innerHeight && box.height > 0;
          }).length,
      );
      await page.waitForTimeout(SETTLE_MS);
      const beforeScroll = server.countSince(since);
      const last = await page.evaluate(() => document.querySelectorAll('citecheck-badge').length);
      const scrolledAt = await page.evaluate((n) => {
        document.querySelectorAll('citecheck-badge')[n - 1].scrollIntoView({ block: 'end' });
        return performance.now();
      }, last);
      const afterScroll = (await viewportFinalAt(page, 30_000)) - scrolledAt;
      runs.push({ badges, contentAt, verifyAt, firstRequest, firstView, inView, beforeScroll, afterScroll, twice: server.fetchedTwice(since).length });
      await page.close();
    }
  } finally {
    await ext.close();
    await server.close();
  }
  const m = (pick: (r: (typeof runs)[number]) => number) => median(runs.map(pick));
  const inView = m((r) => r.inView);
  return [
    { area: 'scheduling', name: `badges on the page (${article})`, value: m((r) => r.badges), unit: 'count', target: `${references}` },
    {
      area: 'scheduling',
      name: 'navigation → first viewport final',
      value: m((r) => r.firstView),
      unit: 'ms',
      reference: { name: 'one source', value: latencyMs, unit: 'ms' },
      ratio: m((r) => r.firstView) / latencyMs,
      target: `≤ ${3 * latencyMs + 300} ms (3 × latency + 0.3 s)`,
      note: `${inView} claims in view; content script at ${Math.round(m((r) => r.contentAt))} ms, verify sent at ${Math.round(m((r) => r.verifyAt))} ms, first source request at ${Math.round(m((r) => r.firstRequest))} ms (page clock)`,
    },
    {
      area: 'scheduling',
      name: `source requests before scrolling (${SETTLE_MS / 1000} s)`,
      value: m((r) => r.beforeScroll),
      unit: 'count',
      target: `≤ in view + look-ahead = ${inView} + ${LOOK_AHEAD_SOURCES}`,
    },
    {
      area: 'scheduling',
      name: 'scroll to the last claim → its viewport final',
      value: m((r) => r.afterScroll),
      unit: 'ms',
      reference: { name: 'one source', value: latencyMs, unit: 'ms' },
      ratio: m((r) => r.afterScroll) / latencyMs,
      target: '≤ 1500 ms',
    },
    { area: 'scheduling', name: 'sources fetched twice', value: Math.max(...runs.map((r) => r.twice)), unit: 'count', target: '0' },
    sizeRow,
  ];
}
