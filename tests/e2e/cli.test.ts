/**
 * The command-line checker, run as a reader would run it, against the demo article on loopback.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FinishedReportSchema, ReportSchema } from '../../utils/report/schema';
import { startStaticServer, type StaticServer } from '../../scripts/lib/static-server';
import { DEMO_VERDICTS } from './demo-article';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../..');
const tsx = path.join(root, 'node_modules/.bin/tsx');
const check = (...args: string[]) => run(tsx, ['scripts/check.ts', ...args], { cwd: root, timeout: 90_000 });

describe('npm run check', () => {
  let server: StaticServer;
  beforeAll(async () => {
    server = await startStaticServer(path.join(root, 'assets/demo'), {
      routes: { '/data.json': (_req, res) => void res.writeHead(200, { 'content-type': 'application/json' }).end('{"a":1}') },
    });
  });
  afterAll(async () => server?.close());

  it('prints a report that validates against the schema with --json', async () => {
    const { stdout } = await check(`${server.origin}/article.html`, '--json');
    const report = FinishedReportSchema.parse(JSON.parse(stdout));
    expect(report.claims.map((c) => c.verdict)).toEqual(['supported', 'partial', 'unsupported', 'unavailable', 'contradicted', 'unlinked', 'supported', 'supported', 'partial']);
    expect(report.sources.find((s) => s.label === 'Source 4')).toMatchObject({ status: 'unavailable', reason: 'http_error', httpStatus: 404 });
    // Partly supported for a number its source never gives: the report names it.
    expect(report.claims.find((c) => c.id === 'c9')?.absent).toEqual([{ kind: 'number', text: '80 percent' }]);
  });

  it('prints a readable table without --json, for a saved local file too', async () => {
    // A saved page keeps its links absolute through <base>.
    const html = readFileSync(path.join(root, 'assets/demo/article.html'), 'utf8').replace('<head>', `<head><base href="${server.origin}/">`);
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'citecheck-cli-')), 'saved.html');
    writeFileSync(file, html);
    const { stdout } = await check(file);
    expect(stdout).toContain('9 claims');
    expect(stdout).toContain('· Not in the source: the number 80 percent.');
    expect(stdout).toMatch(/c4\s+unavailable/);
  });

  it('resolves a saved page\'s relative source links against --base', async () => {
    // The demo server writes its origin into the archive link ({{origin}}); a saved copy has it written in.
    const saved = readFileSync(path.join(root, 'assets/demo/article.html'), 'utf8').replaceAll('{{origin}}', server.origin);
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'citecheck-cli-')), 'article.html');
    writeFileSync(file, saved);
    const { stdout } = await check(file, '--json', '--base', `${server.origin}/article.html`);
    const report = FinishedReportSchema.parse(JSON.parse(stdout));
    expect(report.claims.map((c) => c.verdict)).toEqual(['supported', 'partial', 'unsupported', 'unavailable', 'contradicted', 'unlinked', 'supported', 'supported', 'partial']);
    expect(report.sources[0].url).toBe(`${server.origin}/sources/street-trees-heat.html`);
  });

  it('a saved page without --base or <base> says on stderr that its relative links need --base', async () => {
    // The demo article as it is in the repository: every source link is root-relative.
    const { stdout, stderr } = await check('assets/demo/article.html', '--claims-only', '--json');
    expect(() => ReportSchema.parse(JSON.parse(stdout))).not.toThrow();
    expect(stderr).toMatch(/links are relative; .*file: addresses.*--base/);
  });

  it.each([
    ['given a public --base', (html: string) => html, ['--base', 'https://news.example/article.html']],
    ['whose own <base> names a public site, without --base', (html: string) => html.replace('<head>', '<head><base href="https://news.example/2024/">'), []],
  ])('a saved page %s follows that site\'s rule: its loopback sources are refused, never requested', async (_label, save, args) => {
    const quiet = await startStaticServer(path.join(root, 'assets/demo'));
    try {
      // A hostile page saved from a public site, citing the reader's own machine by absolute address.
      const saved = save(readFileSync(path.join(root, 'assets/demo/article.html'), 'utf8'))
        .replaceAll('href="/sources/', `href="${quiet.origin}/sources/`)
        .replaceAll('{{origin}}', quiet.origin);
      const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'citecheck-cli-')), 'saved.html');
      writeFileSync(file, saved);
      const { stdout } = await check(file, '--json', ...args);
      const report = FinishedReportSchema.parse(JSON.parse(stdout));
      const linked = report.sources.filter((s) => s.url.startsWith(quiet.origin));
      expect(linked.length).toBe(7);
      expect(linked.every((s) => s.status === 'unavailable' && s.reason === 'blocked_private')).toBe(true);
      expect(quiet.requests.size).toBe(0);
    } finally {
      await quiet.close();
    }
  });

  it('--claims-only lists what the page cites and fetches nothing; with --json every cited claim is unchecked', async () => {
    // A server of its own, so that every request it saw was this test's.
    const quiet = await startStaticServer(path.join(root, 'assets/demo'));
    try {
      const { stdout } = await check(`${quiet.origin}/article.html`, '--claims-only', '--json');
      const report = ReportSchema.parse(JSON.parse(stdout));
      // Every claim the demo cites is unchecked; the one whose marker names no listed source stays unlinked.
      const expected = Object.values(DEMO_VERDICTS).map((v) => (v === 'unlinked' ? 'unlinked' : 'unchecked'));
      expect(expected).toContain('unlinked');
      expect(report.claims.map((c) => c.verdict)).toEqual(expected);
      expect(report.sources.every((s) => s.status === 'pending' && s.fetchedAt === undefined)).toBe(true);
      const { stdout: listing } = await check(`${quiet.origin}/article.html`, '--claims-only');
      expect(listing).toContain(`${Object.keys(DEMO_VERDICTS).length} cited claims`);
      expect(listing).toMatch(/c1\s+\[Source 1\]\s+→ http:\/\/127\.0\.0\.1:\d+\/sources\//);
      // The article itself, twice; never a source.
      expect([...quiet.requests.keys()]).toEqual(['/article.html']);
      expect(quiet.count('/article.html')).toBe(2);
    } finally {
      await quiet.close();
    }
  });

  it.each([
    ['an unreachable page', () => `http://127.0.0.1:1/nothing.html`, /Could not reach/],
    ['a page that answers 404', () => `${server.origin}/missing.html`, /answered 404/],
    ['a file that does not exist', () => path.join(root, 'no-such-article.html'), /No such file/],
    ['something that is not HTML', () => `${server.origin}/data.json`, /is not an HTML page/],
    ['a scheme it does not fetch', () => 'ftp://127.0.0.1/article.html', /Only http\(s\) URLs and local HTML files/],
    ['an unknown option', () => '--frobnicate', /Unknown option/],
  ])('exits non-zero with a clear message on %s', async (_name, input, message) => {
    const failure = await check(input()).then(() => null, (error: { code: number; stderr: string }) => error);
    expect(failure).not.toBeNull();
    expect(failure!.code).toBe(2);
    expect(failure!.stderr).toMatch(message);
  });
});
