/**
 * Whole-extension benchmark in Debian's Chromium: the demo article served on loopback, checked
 * cold (source cache cleared) and warm (cache filled, a new tab, so the tab's own stored report
 * cannot answer), with the number of source requests each time. Time is from the content script's
 * verify request to the first finished report on the page (its `citecheck:verify-*` marks).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHROME_BUILD, findChromium, launchWithExtension, waitForVerdicts, type ExtensionBrowser } from '../lib/chromium';
import { startStaticServer } from '../lib/static-server';
import { median, type BenchRow } from './types';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const RUNS = 5;

async function clearCache(ext: ExtensionBrowser): Promise<void> {
  const page = await ext.context.newPage();
  await page.goto(`chrome-extension://${ext.extensionId}/options.html`);
  await page.evaluate(() => (globalThis as any).chrome.runtime.sendMessage({ type: 'clear-cache' }));
  await page.close();
}

async function timeOneCheck(ext: ExtensionBrowser, url: string, reload = false): Promise<number> {
  const page = await ext.context.newPage();
  await page.goto(url);
  if (reload) {
    // The same tab again: its stored report answers for unchanged citations.
    await waitForVerdicts(page);
    await page.reload();
  }
  await waitForVerdicts(page);
  await page.waitForFunction(() => performance.getEntriesByName('citecheck:verify-done').length > 0);
  const ms = await page.evaluate(() => {
    const start = performance.getEntriesByName('citecheck:verify-start')[0].startTime;
    const done = performance.getEntriesByName('citecheck:verify-done')[0].startTime;
    return done - start;
  });
  await page.close();
  return ms;
}

export default async function benchExtension(): Promise<BenchRow[]> {
  if (!findChromium()) return [{ area: 'extension', name: 'demo article check', value: 0, unit: 'ms', note: 'skipped: no Chromium' }];
  const server = await startStaticServer(path.join(repoRoot, 'assets/demo'));
  const ext = await launchWithExtension(CHROME_BUILD);
  const sourceRequests = () => [...server.requests].filter(([p]) => p.startsWith('/sources/')).reduce((n, [, c]) => n + c, 0);
  try {
    const url = `${server.origin}/article.html`;
    const cold: number[] = [];
    const coldRequests: number[] = [];
    const warm: number[] = [];
    const warmRequests: number[] = [];
    const reloads: number[] = [];
    const reloadRequests: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      await clearCache(ext);
      let before = sourceRequests();
      cold.push(await timeOneCheck(ext, url));
      coldRequests.push(sourceRequests() - before);
      before = sourceRequests();
      warm.push(await timeOneCheck(ext, url));
      warmRequests.push(sourceRequests() - before);
      before = sourceRequests();
      reloads.push(await timeOneCheck(ext, url, true));
      reloadRequests.push(sourceRequests() - before);
    }
    const reloadMs = median(reloads);
    const coldMs = median(cold);
    const warmMs = median(warm);
    return [
      { area: 'extension', name: 'demo article, cold check (cache cleared)', value: coldMs, unit: 'ms', note: `${median(coldRequests)} source requests` },
      {
        area: 'extension',
        name: 'demo article, warm check (new tab, cached sources)',
        value: warmMs,
        unit: 'ms',
        reference: { name: 'cold check', value: coldMs, unit: 'ms' },
        ratio: warmMs / coldMs,
        target: '< 100 ms and < 0.1 × cold, 0 requests',
        note: `${Math.max(...warmRequests)} source requests`,
      },
      {
        area: 'extension',
        name: 'demo article, reload of a checked tab',
        value: reloadMs,
        unit: 'ms',
        reference: { name: 'cold check', value: coldMs, unit: 'ms' },
        ratio: reloadMs / coldMs,
        target: '< 100 ms and < 0.1 × cold, 0 requests',
        note: `${Math.max(...reloadRequests)} source requests`,
      },
    ];
  } finally {
    await ext.close();
    await server.close();
  }
}
