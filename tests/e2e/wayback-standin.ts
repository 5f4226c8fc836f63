/**
 * The Wayback lookup's end-to-end set-up, for Chromium and Firefox alike: the fixture article
 * (tests/fixtures/e2e/wayback) citing a dead link it gives no archived copy of, served on
 * 127.0.0.1 with a stand-in for the Internet Archive's availability API at `/wayback/available`,
 * which knows a snapshot of that link only. Test builds (`--mode wayback-standin`) ask it.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import type { ServerResponse } from 'node:http';
import { afterAll, beforeAll, expect } from 'vitest';
import { startStaticServer, type StaticServer } from '../../scripts/lib/static-server';
import type { Report } from '../../utils/report/schema';
import { root } from './fixtures';

export const SNAPSHOT = '20190305081500';
export const SNAPSHOT_DATE = '2019-03-05T08:15:00.000Z';

export interface WaybackStandIn {
  server: StaticServer;
  /** The addresses the stand-in was asked about, in order. */
  asked: string[];
  articleUrl: string;
  deadLink: string;
  /** The path the copy is fetched by (its `id_` form). */
  copyPath: string;
}

/** Builds the extension for `browser` in the stand-in mode; gives the build's folder. */
export function buildStandIn(browser: 'chrome' | 'firefox'): string {
  const flags = browser === 'firefox' ? ['-b', 'firefox', '--mv3'] : [];
  execFileSync('npx', ['wxt', 'build', ...flags, '--mode', 'wayback-standin'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  return path.join(root, `.output/${browser === 'firefox' ? 'firefox' : 'chrome'}-mv3-wayback-standin`);
}

export async function startWaybackStandIn(): Promise<WaybackStandIn> {
  const asked: string[] = [];
  let origin = '';
  const server = await startStaticServer(path.join(root, 'tests/fixtures/e2e/wayback'), {
    routes: {
      // The availability API's answer: the closest snapshot of the dead link, none of anything else.
      '/wayback/available': (req, res: ServerResponse) => {
        const url = new URL(req.url ?? '/', origin).searchParams.get('url') ?? '';
        asked.push(url);
        const dead = `${origin}/sources/lock-keepers.html`;
        const closest = url === dead ? { available: true, url: `${origin}/web/${SNAPSHOT}/${dead}`, timestamp: SNAPSHOT, status: '200' } : undefined;
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ url, archived_snapshots: closest ? { closest } : {} }));
      },
    },
  });
  origin = server.origin;
  const deadLink = `${origin}/sources/lock-keepers.html`;
  return { server, asked, articleUrl: `${origin}/article.html`, deadLink, copyPath: `/web/${SNAPSHOT}id_/${deadLink}` };
}

/** The stand-in and the test build for `browser`, set up once for the file that calls this. */
export function useWaybackStandIn(browser: 'chrome' | 'firefox'): { readonly standIn: WaybackStandIn; readonly build: string } {
  const state: { standIn?: WaybackStandIn; build?: string } = {};
  beforeAll(async () => {
    state.build = buildStandIn(browser);
    state.standIn = await startWaybackStandIn();
  }, 120_000);
  afterAll(async () => {
    await state.standIn?.server.close();
  });
  return {
    get standIn() {
      return state.standIn!;
    },
    get build() {
      return state.build!;
    },
  };
}

/**
 * What one check of the article did with the dead link: the original was asked (a 404) and then,
 * when `lookup` is on, the stand-in about that very address and its copy once; off, neither.
 */
export function expectDeadLinkHandled(standIn: WaybackStandIn, report: Report, originalRequestsBefore: number, lookup: boolean): void {
  const source = report.sources.find((s) => s.url === standIn.deadLink);
  expect(source).toBeDefined();
  if (lookup) expect(source).toMatchObject({ readFrom: 'archive', archivedAt: SNAPSHOT_DATE });
  else expect(source?.readFrom).not.toBe('archive');
  expect(standIn.server.count('/sources/lock-keepers.html')).toBeGreaterThan(originalRequestsBefore);
  if (lookup) expect(standIn.asked).toEqual([standIn.deadLink]);
  else expect(standIn.server.count('/wayback/available')).toBe(0);
  expect(standIn.server.count(standIn.copyPath)).toBe(lookup ? 1 : 0);
}
