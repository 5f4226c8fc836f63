/**
 * The launch-and-serve set-up of the end-to-end files, as vitest fixtures of file scope: the first
 * test of a file that asks for `server`, `ext` or `firefox` starts it, and it is closed after the
 * file's last test. One browser per file, not per test: a setting or a theme never leaks between
 * files, and the tests of one file share the browser (and its state) in order.
 *
 *   const test = chromiumTest({ colorScheme: 'dark' });
 *   test('…', async ({ server, ext }) => { … });
 *   test.beforeAll(async ({ server, ext }) => { … });   // file fixtures reach suite hooks too
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { test } from 'vitest';
import { CHROME_BUILD, launchWithExtension } from '../../scripts/lib/chromium';
import { launchFirefoxWithExtension } from '../../scripts/lib/firefox';
import { startStaticServer, type Route, type StaticServer } from '../../scripts/lib/static-server';

export const root = path.resolve(import.meta.dirname, '../..');
export const demoDir = path.join(root, 'assets/demo');
export const shots = path.join(root, 'test-output');

export interface ServeSetup {
  /** The folder served on 127.0.0.1 (the demo article's by default). */
  root?: string;
  /** Extra routes; `origin()` gives the server's own origin once it listens (for a route's answer). */
  routes?: (origin: () => string) => Record<string, Route> | Promise<Record<string, Route>>;
  mounts?: Record<string, string>;
  slow?: { prefix: string; ms: number };
}

export interface ChromiumSetup extends ServeSetup {
  colorScheme?: 'light' | 'dark';
  viewport?: { width: number; height: number };
}

async function serve(setup: ServeSetup): Promise<StaticServer> {
  let origin = '';
  const routes = await setup.routes?.(() => origin);
  const server = await startStaticServer(setup.root ?? demoDir, { routes, mounts: setup.mounts, slow: setup.slow });
  origin = server.origin;
  return server;
}

function servedTest(setup: ServeSetup) {
  return test.extend('server', { scope: 'file' }, async ({}, { onCleanup }) => {
    await mkdir(shots, { recursive: true });
    const server = await serve(setup);
    onCleanup(() => server.close());
    return server;
  });
}

/** A static server and Debian's Chromium with the built extension (.output/chrome-mv3). */
export function chromiumTest(setup: ChromiumSetup = {}) {
  return servedTest(setup).extend('ext', { scope: 'file' }, async ({}, { onCleanup }) => {
    const ext = await launchWithExtension(CHROME_BUILD, { colorScheme: setup.colorScheme, viewport: setup.viewport });
    onCleanup(() => ext.close());
    return ext;
  });
}

/** A static server and Debian's Firefox ESR with the built extension (.output/firefox-mv3). */
export function firefoxTest(setup: ServeSetup = {}) {
  return servedTest(setup).extend('firefox', { scope: 'file' }, async ({}, { onCleanup }) => {
    const firefox = await launchFirefoxWithExtension();
    onCleanup(() => firefox.browser.close());
    return firefox;
  });
}
