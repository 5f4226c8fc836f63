/**
 * A small static file server on 127.0.0.1 for the demo and the end-to-end tests.
 * Serves one folder, answers 404 for anything else, counts requests per path, and can be given
 * extra routes (a page rendered at start, a slow answer) by the caller.
 *
 * Two things let a page cite a dead link with an archived copy without leaving loopback:
 * `{{origin}}` in a served HTML file becomes the server's own origin (an archive address holds
 * the original's absolute URL), and Wayback-style addresses `/web/<timestamp>[id_]/<original URL>`
 * are answered from `<root>/archive/<timestamp>/<original's path>`, a stand-in web archive.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { readFile } from 'node:fs/promises';
import path from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.png': 'image/png',
  '.pdf': 'application/pdf',
};

const WAYBACK_PATH = /^\/web\/(\d{14})(?:id_)?\/https?:\/\/[^/]+(\/.*)$/;

export type Route = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

export interface StaticServer {
  /** http://127.0.0.1:PORT */
  origin: string;
  /** Requests seen per path (query string dropped). */
  requests: Map<string, number>;
  count(pathname: string): number;
  close(): Promise<void>;
}

export async function startStaticServer(
  root: string,
  options: {
    port?: number;
    /** Exact paths answered by a function instead of a file. */
    routes?: Record<string, Route>;
    /** Further folders served under a path prefix, e.g. { '/fixtures/': 'tests/fixtures/e2e' }. */
    mounts?: Record<string, string>;
    /** Answer paths under this prefix after a delay (a slow source): { prefix: '/slow/', ms: 4000 }. */
    slow?: { prefix: string; ms: number };
  } = {},
): Promise<StaticServer> {
  const requests = new Map<string, number>();
  let origin = '';
  const server = createServer(async (req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    requests.set(pathname, (requests.get(pathname) ?? 0) + 1);
    const route = options.routes?.[pathname];
    if (route) return void (await route(req, res));
    const copy = WAYBACK_PATH.exec(pathname);
    let served = copy ? `/archive/${copy[1]}${copy[2]}` : pathname;
    if (options.slow && pathname.startsWith(options.slow.prefix)) {
      await new Promise((resolve) => setTimeout(resolve, options.slow!.ms));
      served = '/' + pathname.slice(options.slow.prefix.length);
    }
    const mount = Object.keys(options.mounts ?? {}).find((prefix) => served.startsWith(prefix));
    const rootDir = path.resolve(mount ? options.mounts![mount] : root);
    const relative = mount ? served.slice(mount.length - 1) : served;
    const file = path.resolve(rootDir, '.' + (relative.endsWith('/') ? relative + 'index.html' : relative));
    if (!file.startsWith(rootDir + path.sep)) {
      res.writeHead(403).end();
      return;
    }
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
      res.end(path.extname(file) === '.html' ? body.toString('utf8').replaceAll('{{origin}}', origin) : body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' });
      res.end('<!doctype html><title>Not found</title><h1>404 Not Found</h1>');
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    requests,
    count: (p) => requests.get(p) ?? 0,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
