/**
 * The built extensions: manifests per browser, and Mozilla's linter on the Firefox build.
 * Runs after `npm test` has built both (`npm run build:all`).
 */
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { GECKO_ID } from '../../utils/extension-id';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../..');
const chromeDir = path.join(root, '.output/chrome-mv3');
const firefoxDir = path.join(root, '.output/firefox-mv3');
const built = existsSync(path.join(chromeDir, 'manifest.json')) && existsSync(path.join(firefoxDir, 'manifest.json'));
if (!built) console.warn('Skipping build checks: run `npm run build:all` first');

const manifest = (dir: string) => JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8'));

describe.skipIf(!built)('built extensions', () => {
  it('gives Chrome an MV3 service worker, the offscreen permission and no Firefox-only keys', () => {
    const m = manifest(chromeDir);
    expect(m.manifest_version).toBe(3);
    expect(m.background.service_worker).toBe('background.js');
    expect(m.permissions).toContain('offscreen');
    expect(m.browser_specific_settings).toBeUndefined();
    expect(existsSync(path.join(chromeDir, 'offscreen.html'))).toBe(true);
  });

  it('gives Firefox an MV3 event page with its add-on id and no offscreen document', () => {
    const m = manifest(firefoxDir);
    expect(m.manifest_version).toBe(3);
    expect(m.background.scripts).toEqual(['background.js']);
    expect(m.browser_specific_settings.gecko.id).toBe(GECKO_ID);
    expect(m.permissions).not.toContain('offscreen');
    expect(existsSync(path.join(firefoxDir, 'offscreen.html'))).toBe(false);
  });

  it.each([
    ['Chrome', chromeDir],
    ['Firefox', firefoxDir],
  ])('%s: every page gets the content script alone; the extraction, badges and card scripts are built apart, run by the background, never offered to pages', (_name, dir) => {
    const m = manifest(dir);
    expect(m.content_scripts.map((c: { js: string[] }) => c.js)).toEqual([['content-scripts/content.js']]);
    expect(m.permissions).toContain('scripting');
    for (const script of ['extract.js', 'card.js', 'badges.js']) {
      expect(existsSync(path.join(dir, script))).toBe(true);
      expect(JSON.stringify(m.web_accessible_resources ?? [])).not.toContain(script);
    }
    // The badge layer (its shadow roots and styles) lives in badges.js: a page without citations never loads it.
    expect(readFileSync(path.join(dir, 'content-scripts/content.js'), 'utf8')).not.toContain('attachShadow');
    expect(readFileSync(path.join(dir, 'badges.js'), 'utf8')).toContain('attachShadow');
    // Extraction lives in extract.js: its table rules (a cell's rowspan) are not in every page's script.
    expect(readFileSync(path.join(dir, 'content-scripts/content.js'), 'utf8')).not.toContain('rowspan');
    expect(readFileSync(path.join(dir, 'extract.js'), 'utf8')).toContain('rowspan');
  });

  it('keeps the content script under 40 kB gzipped', () => {
    const size = gzipSync(readFileSync(path.join(chromeDir, 'content-scripts/content.js'))).length;
    expect(size).toBeLessThan(40 * 1024);
  });

  it('passes web-ext lint on the Firefox build with no errors', async () => {
    const webExt = path.join(root, 'node_modules/.bin/web-ext');
    const { stdout } = await run(webExt, ['lint', '--source-dir', firefoxDir, '--output', 'json', '--no-config-discovery'], {
      cwd: root,
      timeout: 120_000,
    }).catch((error: { stdout: string }) => ({ stdout: error.stdout }));
    const result = JSON.parse(stdout);
    expect(result.errors).toEqual([]);
    expect(result.summary.errors).toBe(0);
  });
});
