/**
 * Matcher benchmark: throughput on the WiCE dev file (index the source, match its claim), as a
 * ratio to one `Intl.Segmenter` word pass over the same source texts measured in the same run,
 * and the gzipped bytes that `utils/match` adds to a bundle.
 *
 * The two are timed in alternating rounds (after a warm-up of each), so that a change of load
 * on the machine while the bench runs falls on both, not on whichever went second.
 */
import { existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { indexSource, matchClaim } from '../../utils/match/index';
import { blocks } from '../../utils/match/text';
import { readRecords } from '../eval-lib';
import { median, type BenchRow } from './types';

const RUNS = 7;

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

async function bundleBytes(): Promise<BenchRow> {
  const result = await build({
    entryPoints: [path.join(repoRoot, 'utils/match/index.ts')],
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    write: false,
    // zod is already in every bundle through the report schema; only type imports reach it here.
    external: ['zod'],
  });
  const code = result.outputFiles[0].contents;
  return {
    area: 'match',
    name: 'bundle size of utils/match (minified, gzipped)',
    value: Math.round((gzipSync(code).length / 1024) * 10) / 10,
    unit: 'kB gz',
    note: `${code.length} bytes minified`,
  };
}

export default async function bench(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const file = path.resolve(repoRoot, '../shared/eval/wice-dev.jsonl');
  if (!existsSync(file)) {
    rows.push({ area: 'match', name: 'throughput on WiCE dev', value: 0, unit: 'pairs/s', note: `skipped: ${file} is absent` });
  } else {
    const records = readRecords(file);
    const segmenter = new Intl.Segmenter('en', { granularity: 'word' });
    const wordPass = () => {
      let words = 0;
      for (const r of records) {
        for (const b of blocks(r.source_text)) {
          for (const seg of segmenter.segment(r.source_text.slice(b.start, b.end))) if (seg.isWordLike) words++;
        }
      }
      return words;
    };
    const matchAll = () => {
      let supported = 0;
      for (const r of records) {
        const m = matchClaim(r.claim, [indexSource(r.id, r.source_text)]);
        if (m.verdict === 'supported') supported++;
      }
      return supported;
    };
    // Wall clock and this process's CPU time: on a loaded machine the wall clock counts the time
    // the process waits for a core, which falls unevenly on the two sides of the ratio.
    const cpuTimes = { ref: [] as number[], match: [] as number[] };
    const time = (fn: () => unknown, cpu: number[]) => {
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      fn();
      const wall = performance.now() - t0;
      const c = process.cpuUsage(c0);
      cpu.push((c.user + c.system) / 1000);
      return wall;
    };
    const load = loadavg()[0];
    wordPass();
    matchAll();
    const refTimes: number[] = [];
    const matchTimes: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      if (run % 2) {
        refTimes.push(time(wordPass, cpuTimes.ref));
        matchTimes.push(time(matchAll, cpuTimes.match));
      } else {
        matchTimes.push(time(matchAll, cpuTimes.match));
        refTimes.push(time(wordPass, cpuTimes.ref));
      }
    }
    const refMs = median(refTimes);
    const matchMs = median(matchTimes);
    // Each round's own ratio: their spread says how far to trust the ratio of the medians.
    const roundRatios = matchTimes.map((m, i) => m / refTimes[i]).sort((a, b) => a - b);
    const cpuRatio = median(cpuTimes.match) / median(cpuTimes.ref);
    const cpuRounds = cpuTimes.match.map((m, i) => m / cpuTimes.ref[i]).sort((x, y) => x - y);
    const pairsPerSecond = records.length / (matchMs / 1000);
    const refPerSecond = records.length / (refMs / 1000);
    rows.push({
      area: 'match',
      name: `index + match, WiCE dev (${records.length} pairs)`,
      value: Math.round(pairsPerSecond * 10) / 10,
      unit: 'pairs/s',
      reference: { name: 'one Intl.Segmenter word pass over the same sources', value: Math.round(refPerSecond * 10) / 10, unit: 'sources/s' },
      ratio: Math.round((matchMs / refMs) * 100) / 100,
      target: '≤ 2 (time of matching / time of one word pass)',
      note: `median of ${RUNS} alternating rounds: matcher ${matchMs.toFixed(0)} ms, word pass ${refMs.toFixed(0)} ms; ratio is time / reference time; per-round ratios ${roundRatios[0].toFixed(2)}–${roundRatios[RUNS - 1].toFixed(2)}; CPU time ${median(cpuTimes.match).toFixed(0)} against ${median(cpuTimes.ref).toFixed(0)} ms, ratio ${cpuRatio.toFixed(2)} (per-round ${cpuRounds[0].toFixed(2)}–${cpuRounds[RUNS - 1].toFixed(2)}); load ${load.toFixed(1)} at the start (${load > 2 ? 'loaded: both ratios move with the load' : 'quiet'})`,
    });
  }
  rows.push(await bundleBytes());
  return rows;
}

// Run on its own: `npx tsx scripts/bench/match.ts`.
if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  bench().then((rows) => console.table(rows.map((r) => ({ ...r, reference: r.reference ? `${r.reference.value} ${r.reference.unit}` : '' }))));
}
