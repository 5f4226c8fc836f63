/**
 * Debian's Firefox ESR with the built extension installed as a temporary add-on, through
 * puppeteer-core over WebDriver BiDi. Shared by the end-to-end tests.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { GECKO_ID } from '../../utils/extension-id';

export const FIREFOX_BUILD = path.resolve(import.meta.dirname, '../../.output/firefox-mv3');
/** Pinned so that tests know the moz-extension:// origin in advance. */
export const FIREFOX_UUID = '4b8f2a8e-3c1d-4e5f-9a7b-6c2d1e0f3a9b';

export function findFirefox(): string | null {
  const candidates = [process.env.FIREFOX_PATH, '/usr/bin/firefox-esr', '/usr/bin/firefox'];
  return candidates.find((p): p is string => !!p && existsSync(p)) ?? null;
}

/** Why the Firefox end-to-end tests cannot run here, or null when they can. */
export function firefoxMissing(extensionDir = FIREFOX_BUILD): string | null {
  if (!findFirefox()) return 'no Firefox ESR (apt-get install -y firefox-esr)';
  if (!existsSync(path.join(extensionDir, 'manifest.json'))) return `no build in ${extensionDir} (npm run build:firefox)`;
  return null;
}

/**
 * Firefox with the built extension as a temporary add-on. `colorScheme` sets the pages' scheme by
 * pref (BiDi has no media emulation in Firefox ESR 140).
 */
export async function launchFirefoxWithExtension(
  extensionDir = FIREFOX_BUILD,
  options: { colorScheme?: 'light' | 'dark'; /** More preferences (a name resolved to loopback, say). */ prefs?: Record<string, string | number | boolean> } = {},
): Promise<{ browser: Browser; origin: string }> {
  const executablePath = findFirefox();
  if (!executablePath) throw new Error('Firefox ESR not found: install it with `apt-get install -y firefox-esr`');
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath,
    headless: true,
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: FIREFOX_UUID }),
      'app.update.enabled': false,
      'app.update.auto': false,
      'browser.safebrowsing.malware.enabled': false,
      'browser.safebrowsing.phishing.enabled': false,
      'browser.safebrowsing.downloads.enabled': false,
      'datareporting.healthreport.uploadEnabled': false,
      'datareporting.policy.dataSubmissionEnabled': false,
      'toolkit.telemetry.enabled': false,
      'toolkit.telemetry.unified': false,
      'extensions.getAddons.cache.enabled': false,
      'network.captive-portal-service.enabled': false,
      'network.connectivity-service.enabled': false,
      'browser.shell.checkDefaultBrowser': false,
      // Grant MV3 host permissions to the temporary add-on without a prompt.
      'extensions.originControls.grantByDefault': true,
      ...(options.colorScheme
        ? { 'layout.css.prefers-color-scheme.content-override': options.colorScheme === 'dark' ? 0 : 1, 'ui.systemUsesDarkTheme': options.colorScheme === 'dark' ? 1 : 0 }
        : {}),
      ...options.prefs,
    },
  });
  await browser.installExtension(extensionDir);
  return { browser, origin: `moz-extension://${FIREFOX_UUID}` };
}

function causeChain(error: unknown): string {
  const parts: string[] = [];
  for (let e: unknown = error; e instanceof Error && parts.length < 10; e = e.cause) parts.push(`${e.name}: ${e.message}`);
  return parts.join(' <- ');
}

/** Opens an extension page without awaiting its navigation (it never settles), then waits for `selector`. */
export async function openExtensionPage(browser: Browser, url: string, selector: string): Promise<Page> {
  const page = await browser.newPage();
  void page.goto(url).catch(() => undefined);
  // While the page swaps about:blank for the extension page, a BiDi evaluation can fail with a
  // protocol error instead of waiting: wait again until the deadline in that case.
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      await page.waitForSelector(selector, { timeout: Math.max(1, deadline - Date.now()) });
      return page;
    } catch (error) {
      if (Date.now() >= deadline || !/protocol error/i.test(causeChain(error))) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

/** Waits until the page has `count` badges and none is pending (the demo article has 8). */
export async function waitForFirefoxVerdicts(page: Page, count: number, timeoutMs = 45_000): Promise<void> {
  await page.waitForFunction(
    (n: number) => {
      const hosts = [...document.querySelectorAll('citecheck-badge')];
      return hosts.length === n && hosts.every((h) => h.getAttribute('data-verdict') !== 'pending');
    },
    { timeout: timeoutMs },
    count,
  );
}
