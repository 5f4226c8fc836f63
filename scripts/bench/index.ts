/**
 * `npm run bench`: runs every benchmark module in this folder, prints one table and writes
 * bench-output/results.json. Figures are medians; ratios compare with a reference measured in the
 * same run, because these machines are noisy. `npm run bench -- match ui` runs only those areas;
 * `--references`, `--hosts` and `--latency` shape the scheduling bench's long article.
 */
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { readArgs } from '../lib/args';
import type { BenchModule, BenchOptions, BenchRow } from './types';

const here = path.dirname(fileURLToPath(import.meta.url));
const args = readArgs(
  'usage: npm run bench [-- area…] [--references N] [--hosts N] [--latency MS]   (areas: the file names in scripts/bench; the numbers shape the scheduling bench\'s long article)',
  { references: { type: 'string' }, hosts: { type: 'string' }, latency: { type: 'string' } },
  { positionals: true },
);
const only = new Set(args.positionals);
const number = (value: string | undefined, name: string): number | undefined => {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || Number(value) < 1) {
    console.error(`--${name} takes a positive whole number`);
    process.exit(2);
  }
  return Number(value);
};
const options: BenchOptions = {
  references: number(args.values.references, 'references'),
  hosts: number(args.values.hosts, 'hosts'),
  latency: number(args.values.latency, 'latency'),
};

function format(row: BenchRow): string {
  const value = row.unit === 'ms' ? `${row.value.toFixed(row.value < 10 ? 2 : 1)} ms` : `${+row.value.toFixed(2)} ${row.unit}`;
  const ratio = row.ratio !== undefined ? `×${row.ratio.toFixed(3)} of ${row.reference?.name} (${+row.reference!.value.toFixed(2)} ${row.reference!.unit})` : '';
  return [row.area.padEnd(10), row.name.padEnd(58), value.padStart(14), ratio, row.target ? `[target ${row.target}]` : '', row.note ?? '']
    .filter(Boolean)
    .join('  ');
}

async function main(): Promise<void> {
  const files = (await readdir(here))
    .filter((f) => f.endsWith('.ts') && !['index.ts', 'types.ts'].includes(f))
    .filter((f) => only.size === 0 || only.has(f.replace(/\.ts$/, '')))
    .sort();
  const rows: BenchRow[] = [];
  for (const file of files) {
    const area = file.replace(/\.ts$/, '');
    process.stderr.write(`bench: ${area}…\n`);
    try {
      const run = (await import(pathToFileURL(path.join(here, file)).href)).default as BenchModule;
      const result = await run(options);
      rows.push(...result);
      for (const row of result) console.log(format(row));
    } catch (error) {
      const row: BenchRow = { area, name: 'failed', value: 0, unit: 'count', note: error instanceof Error ? error.message : String(error) };
      rows.push(row);
      console.log(format(row));
      process.exitCode = 1;
    }
  }
  await mkdir('bench-output', { recursive: true });
  await writeFile('bench-output/results.json', JSON.stringify({ at: new Date().toISOString(), rows }, null, 2));
  console.log(`\n${rows.length} figures; bench-output/results.json`);
}

main();
