/** One line of `npm run bench`: a median, and where it applies, its ratio to a same-run reference. */
export interface BenchRow {
  area: string;
  name: string;
  /** Median time in milliseconds (or another measured value, see `unit`). */
  value: number;
  unit: 'ms' | 'pairs/s' | 'bytes' | 'kB gz' | 'count' | 'ratio';
  /** What the value is compared with, measured in the same run. */
  reference?: { name: string; value: number; unit: string };
  /** value / reference.value (or the inverse where stated in `note`). */
  ratio?: number;
  target?: string;
  note?: string;
}

/** Parameters of `npm run bench` (`--references 400 --hosts 10 --latency 200`); modules read what applies. */
export interface BenchOptions {
  references?: number;
  hosts?: number;
  latency?: number;
}

export type BenchModule = (options: BenchOptions) => Promise<BenchRow[]>;

/** Median of a list of numbers. */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Runs `fn` `runs` times (after one warm-up) and returns the median wall time in ms. */
export async function timeMedian(fn: () => unknown | Promise<unknown>, runs = 5): Promise<number> {
  await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  return median(times);
}
