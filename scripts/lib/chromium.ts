/**
 * Debian's Chromium with the built extension loaded, through playwright-core.
 * Shared by the demo, the end-to-end tests and the benchmarks.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page, type Worker } from 'playwright-core';

export const CHROME_BUILD = path.resolve(import.meta.dirname, '../../.output/chrome-mv3');

export function findChromium(): string | null {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  return candidates.find((p): p is string => !!p && existsSync(p)) ?? null;
}

/** Headless Chromium without the extension (for measuring page code alone), with no background traffic. */
export async function launchPlainChromium(): Promise<Browser> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error('Chromium not found: install it with `apt-get install -y chromium`');
  return chromium.launch({ executablePath, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
}

/** Why the Chromium end-to-end tests cannot run here, or null when they can. */
export function chromiumMissing(extensionDir = CHROME_BUILD): string | null {
  if (!findChromium()) return 'no Chromium (apt-get install -y chromium)';
  if (!existsSync(path.join(extensionDir, 'manifest.json'))) return `no build in ${extensionDir} (npm run build)`;
  return null;
}

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  worker: Worker;
  /** The extension's service worker, found again after a restart. */
  currentWorker(): Promise<Worker>;
  close(): Promise<void>;
}

export async function launchWithExtension(
  extensionDir = CHROME_BUILD,
  options: { colorScheme?: 'light' | 'dark'; viewport?: { width: number; height: number }; /** More command-line switches (a proxy, say). */ args?: string[] } = {},
): Promise<ExtensionBrowser> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error('Chromium not found: install it with `apt-get install -y chromium`');
  if (!existsSync(path.join(extensionDir, 'manifest.json'))) {
    throw new Error(`No built extension at ${extensionDir}: run \`npm run build\` first`);
  }
  const profile = await mkdtemp(path.join(os.tmpdir(), 'citecheck-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    colorScheme: options.colorScheme ?? 'light',
    viewport: options.viewport ?? { width: 1100, height: 900 },
    ignoreDefaultArgs: ['--disable-extensions'],
    args: [
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      ...(options.args ?? []),
    ],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 20_000 }));
  const extensionId = new URL(worker.url()).host;
  // After a restart the newest worker is the live one (Playwright may keep the stopped one listed).
  const currentWorker = async () =>
    context.serviceWorkers().filter((w) => w.url().includes(extensionId)).at(-1) ??
    (await context.waitForEvent('serviceworker', { timeout: 20_000 }));
  return {
    context,
    extensionId,
    worker,
    currentWorker,
    close: async () => {
      await context.close().catch(() => undefined);
      await rm(profile, { recursive: true, force: true }).catch(() => undefined);
    },
  };
}

/** Waits until the page has `count` badges (at least one) and none is pending; returns their verdicts by claim id. */
export async function waitForVerdicts(page: Page, timeoutMs = 30_000): Promise<Record<string, string>> {
  await page.waitForFunction(
    () => {
      const hosts = [...document.querySelectorAll('citecheck-badge')];
      return hosts.length > 0 && hosts.every((h) => h.getAttribute('data-verdict') && h.getAttribute('data-verdict') !== 'pending');
    },
    undefined,
    { timeout: timeoutMs },
  );
  return page.evaluate(() =>
    Object.fromEntries(
      [...document.querySelectorAll('citecheck-badge')].map((h) => [h.getAttribute('data-claim-id'), h.getAttribute('data-verdict')]),
    ),
  );
}

/** The id of the tab showing `url`, asked of the extension itself. */
export async function tabIdOf(worker: Worker, url: string): Promise<number> {
  const id = await worker.evaluate(async (target) => {
    const tabs = await (globalThis as any).chrome.tabs.query({});
    return tabs.find((t: { url?: string }) => t.url === target)?.id ?? null;
  }, url);
  if (typeof id !== 'number') throw new Error(`no tab shows ${url}`);
  return id;
}

/** The report the background stored for a tab. */
export async function storedReport(worker: Worker, tabId: number): Promise<unknown> {
  return worker.evaluate(async (id) => {
    const key = `tab:${id}`;
    return ((await (globalThis as any).chrome.storage.session.get(key)) as Record<string, any>)[key]?.report ?? null;
  }, tabId);
}

/**
 * Stops the extension's service worker, as Chrome does to an idle MV3 worker, through the DevTools
 * protocol's ServiceWorker domain seen from one of the extension's own pages.
 */
export async function stopServiceWorker(ext: ExtensionBrowser): Promise<void> {
  const page = await ext.context.newPage();
  try {
    await page.goto(`chrome-extension://${ext.extensionId}/options.html`);
    const cdp = await ext.context.newCDPSession(page);
    const running = new Map<string, string>();
    cdp.on('ServiceWorker.workerVersionUpdated', (event) => {
      for (const v of event.versions) running.set(v.versionId, v.runningStatus);
    });
    await cdp.send('ServiceWorker.enable');
    const deadline = Date.now() + 5_000;
    while (![...running.values()].includes('running') && Date.now() < deadline) await page.waitForTimeout(50);
    for (const [versionId, status] of running) {
      if (status === 'running') await cdp.send('ServiceWorker.stopWorker', { versionId });
    }
    while ([...running.values()].some((s) => s !== 'stopped') && Date.now() < deadline + 5_000) await page.waitForTimeout(50);
    if ([...running.values()].some((s) => s !== 'stopped')) throw new Error('the service worker did not stop');
    await cdp.detach();
  } finally {
    await page.close();
  }
}
