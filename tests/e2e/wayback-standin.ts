/**
 * The Wayback lookup's end-to-end set-up, for Chromium and Firefox alike: the fixture article
 * (tests/fixtures/e2e/wayback) citing a dead link it gives no archived copy of, served on
 * 127.0.0.1 with a stand-in for the Internet Archive's availability API at `/wayback/available`,
 * which knows a snapshot of that link only. Test builds (`--mode wayback-standin`) ask it.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import type { ServerResponse } from 'node:http';
import { startStaticServer, type StaticServer } from '../../scripts/lib/static-server';
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
