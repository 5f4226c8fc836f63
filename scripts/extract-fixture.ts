/**
 * Regenerates the expected output of an extraction fixture, for review before committing:
 *
 *   npx tsx scripts/extract-fixture.ts <name> [--write]
 *
 * Reads tests/fixtures/extract/<name>/page.html, extracts with happy-dom (the unit tests' DOM),
 * prints the result and, with --write, stores it as expected.json. The page URL of a fixture is
 * https://example.org/<name>/ unless the fixture holds a `url.txt`.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Window } from 'happy-dom';
import { extractCitations } from '../utils/extract';
import { readArgs } from './lib/args';

const FIXTURE_DIR = path.resolve(import.meta.dirname, '../tests/fixtures/extract');

function fixtureUrl(name: string): string {
  const file = path.join(FIXTURE_DIR, name, 'url.txt');
  return existsSync(file) ? readFileSync(file, 'utf8').trim() : `https://example.org/${name}/`;
}

function main(): void {
  const usage = 'usage: npx tsx scripts/extract-fixture.ts <name> [--write]';
  const { values, positionals } = readArgs(usage, { write: { type: 'boolean' } }, { positionals: true });
  const name = positionals[0];
  if (!name || positionals.length > 1) {
    console.error(usage);
    process.exit(2);
  }
  const html = readFileSync(path.join(FIXTURE_DIR, name, 'page.html'), 'utf8');
  const url = fixtureUrl(name);
  const window = new Window({ url });
  const doc = new window.DOMParser().parseFromString(html, 'text/html') as unknown as Document;
  const result = extractCitations(doc, url);
  const json = `${JSON.stringify(result, null, 2)}\n`;
  process.stdout.write(json);
  if (values.write) {
    writeFileSync(path.join(FIXTURE_DIR, name, 'expected.json'), json);
    console.error(`wrote ${name}/expected.json`);
  }
  void window.happyDOM.close();
}

main();
