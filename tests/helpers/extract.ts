import { existsSync } from 'node:fs';
import path from 'node:path';

export const repoRoot = path.resolve(import.meta.dirname, '../..');
export const fixtureDir = path.join(repoRoot, 'tests/fixtures/extract');
export const sharedDir = path.resolve(repoRoot, '../shared');
export const hasShared = existsSync(sharedDir);
// In CI the suites that read ../shared must run: its absence is a failure there, not a skip.
if (!hasShared && process.env.CI === 'true') throw new Error(`CI=true but ${sharedDir} is missing`);

/** Parses an HTML string into a detached Document (whatever DOM the test environment provides). */
export function parseHtml(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}

/** A skip reason printed once, so that a skipped suite says why. */
export function skipNote(what: string): string {
  const reason = `${what}: skipped, ${sharedDir} is absent`;
  if (!hasShared) console.warn(reason);
  return reason;
}

/**
 * Loads an HTML page into the test window's own document. Ranges need it: happy-dom's Range
 * works only on the window's document, not on one made by DOMParser.
 */
export function loadIntoWindow(html: string): Document {
  const parsed = parseHtml(html);
  // Test fixtures are our own pages: copying their markup into the window is safe here.
  document.documentElement.innerHTML = parsed.documentElement.innerHTML;
  return document;
}
