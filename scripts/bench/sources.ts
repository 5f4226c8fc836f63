/**
 * Source loader benchmark: a set of local source pages served on loopback, loaded cold (empty
 * cache: fetch + read with jsdom + store) and warm (after reopening the cache, as after a service
 * worker restart), with the number of network requests of each; the ratio warm/cold; and the
 * cache's bytes per cached source next to the HTML bytes it replaces.
 *
 * IndexedDB in Node is fake-indexeddb (in memory), so the warm figure leaves out the browser's
 * disk reads; the whole-extension warm re-check in Chromium is measured elsewhere.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { readHtmlWithJsdom } from '../../tests/helpers/jsdom-reader';
import { startSourceServer } from '../../tests/helpers/source-server';
import { openSourceCache } from '../../utils/sources/cache';
import { createSourceLoader } from '../../utils/sources/loader';
import { median, type BenchRow } from './types';

const PAGES = 20;
const RUNS = 5;

export default async function bench(): Promise<BenchRow[]> {
  const server = await startSourceServer();
  try {
    const urls = Array.from({ length: PAGES }, (_, i) => `${server.url}/page/${i}`);
    const pageUrl = `${server.url}/article.html`;
    const settings = () => ({ useLogins: false, allowPrivate: false, ttlMs: 24 * 3_600_000 });
    const htmlBytes = await Promise.all(urls.map(async (u) => (await (await fetch(u)).arrayBuffer()).byteLength));

    const cold: number[] = [];
    const warm: number[] = [];
    const coldRequests: number[] = [];
    const warmRequests: number[] = [];
    let bytesPerSource = 0;
    let okCount = 0;
    for (let run = 0; run <= RUNS; run++) {
      const factory = new IDBFactory();
      const name = `bench-sources-${run}`;
      let cache = await openSourceCache({ name, indexedDB: factory });
      let loader = createSourceLoader({ readHtml: readHtmlWithJsdom, cache, settings });
      server.reset();
      let t0 = performance.now();
      const coldOutcomes = await Promise.all(urls.map((u) => loader.load(u, { pageUrl })));
      // Outcomes no longer wait for their cache writes: "store" is counted until the writes are done.
      await loader.flushed();
      const coldMs = performance.now() - t0;
      const coldCount = server.total();
      okCount = coldOutcomes.filter((o) => o.ok).length;

      // A restart: the cache is reopened and the loader rebuilt, nothing kept in memory.
      cache.close();
      cache = await openSourceCache({ name, indexedDB: factory });
      loader = createSourceLoader({ readHtml: readHtmlWithJsdom, cache, settings });
      server.reset();
      t0 = performance.now();
      const warmOutcomes = await Promise.all(urls.map((u) => loader.load(u, { pageUrl })));
      const warmMs = performance.now() - t0;
      if (!warmOutcomes.every((o) => o.fromCache)) throw new Error('a warm load missed the cache');
      const stats = await cache.stats();
      bytesPerSource = stats.bytes / Math.max(1, stats.entries);
      cache.close();
      if (run === 0) continue; // warm-up run
      cold.push(coldMs);
      warm.push(warmMs);
      coldRequests.push(coldCount);
      warmRequests.push(server.total());
    }

    const coldMs = median(cold);
    const warmMs = median(warm);
    const avgHtml = htmlBytes.reduce((a, b) => a + b, 0) / htmlBytes.length;
    const round = (x: number, digits = 1) => Math.round(x * 10 ** digits) / 10 ** digits;
    return [
      {
        area: 'sources',
        name: `cold load of ${PAGES} loopback sources (fetch + read + store)`,
        value: round(coldMs),
        unit: 'ms',
        note: `median of ${RUNS}; ${median(coldRequests)} network requests; ${okCount}/${PAGES} read ok; reader is jsdom + Readability`,
      },
      {
        area: 'sources',
        name: `warm load of the same ${PAGES} sources after a restart (cache only)`,
        value: round(warmMs, 2),
        unit: 'ms',
        reference: { name: 'cold load, same run', value: round(coldMs), unit: 'ms' },
        ratio: round(warmMs / coldMs, 4),
        target: '< 0.1 (warm / cold), with 0 requests',
        note: `median of ${RUNS}; ${median(warmRequests)} network requests; IndexedDB is fake-indexeddb (in memory)`,
      },
      {
        area: 'sources',
        name: 'network requests of a warm load',
        value: Math.max(...warmRequests),
        unit: 'count',
        target: '0',
        note: `most over ${RUNS} runs`,
      },
      {
        area: 'sources',
        name: 'cache bytes per cached source (text + metadata)',
        value: Math.round(bytesPerSource),
        unit: 'bytes',
        reference: { name: 'HTML bytes per source page', value: Math.round(avgHtml), unit: 'bytes' },
        ratio: round(bytesPerSource / avgHtml, 3),
        note: 'extracted text only; raw HTML is never stored',
      },
    ];
  } finally {
    await server.close();
  }
}

// Run on its own: `npx tsx scripts/bench/sources.ts`.
if (import.meta.url === `file://${process.argv[1]}`) {
  bench().then((rows) => console.table(rows.map(({ reference, ...row }) => ({ ...row, reference: reference?.value }))));
}
