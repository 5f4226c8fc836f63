/**
 * Lab: a ranking rule's hit@1 (the first passage shown overlaps a gold sentence), paired against
 * the shipped order, with the first passage's length and precision. A rule given as several
 * values has its value chosen on the training folds' WiCE claims (5 × 5 folds grouped by source
 * text) and is scored on the held-out fold; each claim's figure is its mean over the repeats.
 * Intervals: cluster bootstrap over source texts.
 */
import { bootstrap, foldOf } from '../cv';
import { firstRanked } from '../first-passage';
import { NONE, type Candidate, type Claim } from './candidate';

const FOLDS = 5;
const REPEATS = 5;

export type Rank = (c: Candidate) => number;
export const shipped: Rank = (c) => c.shown;

/** The first passage under `rank`, ties broken as in the product; the contradicting passage stays first. */
export function first(claim: Claim, rank: Rank): Candidate {
  return claim.fixed ?? firstRanked(claim.candidates, rank) ?? NONE;
}

const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);

export interface Lab {
  /** File names, in the order of `file` below. */
  files: string[];
  /** Per claim: its file's index, its id and its source text (the bootstrap's and the folds' group). */
  file: number[];
  ids: string[];
  groups: string[];
  claims: Claim[];
  boot: number;
}

export function ofFile(lab: Lab, d: number): number[] {
  return lab.file.map((_, i) => i).filter((i) => lab.file[i] === d);
}

/** hit@1 per claim, first-passage length and precision per claim; out of fold when `grid` has more than one rule. */
function evaluate(lab: Lab, grid: Rank[]): { hits: number[]; sentences: number[]; precision: number[] } {
  const { claims, groups } = lab;
  if (grid.length === 1) {
    const tops = claims.map((c) => first(c, grid[0]));
    return { hits: tops.map((t) => Number(t.hit)), sentences: tops.map((t) => t.sentences), precision: tops.map((t) => t.precision) };
  }
  const n = claims.length;
  const sums = { hits: new Array<number>(n).fill(0), sentences: new Array<number>(n).fill(0), precision: new Array<number>(n).fill(0) };
  for (let seed = 0; seed < REPEATS; seed++) {
    for (let fold = 0; fold < FOLDS; fold++) {
      const train = claims.map((_, i) => i).filter((i) => lab.file[i] === 0 && foldOf(groups[i], FOLDS, seed) !== fold);
      const test = claims.map((_, i) => i).filter((i) => foldOf(groups[i], FOLDS, seed) === fold);
      let chosen = grid[0];
      let best = -1;
      for (const rank of grid) {
        const h = mean(train.map((i) => Number(first(claims[i], rank).hit)));
        if (h > best + 1e-12) [best, chosen] = [h, rank];
      }
      for (const i of test) {
        const t = first(claims[i], chosen);
        sums.hits[i] += Number(t.hit) / REPEATS;
        sums.sentences[i] += t.sentences / REPEATS;
        sums.precision[i] += t.precision / REPEATS;
      }
    }
  }
  return sums;
}

/** One line: per file, hit@1 with its interval, Δ against the shipped order with its interval, claims gained and lost, length, precision. */
export function report(lab: Lab, name: string, grid: Rank[]): void {
  const { hits, sentences, precision } = evaluate(lab, grid);
  const base = lab.claims.map((c) => Number(first(c, shipped).hit));
  const line = lab.files.map((file, d) => {
    const ix = ofFile(lab, d);
    const share = (xs: number[], s: number[]) => mean(s.map((j) => xs[ix[j]]));
    const all = ix.map((_, j) => j);
    const [l1, u1] = bootstrap(ix.map((i) => lab.groups[i]), (s) => share(hits, s), lab.boot, 5 + d);
    const [lo, hi] = bootstrap(ix.map((i) => lab.groups[i]), (s) => share(hits, s) - share(base, s), lab.boot, 3 + d);
    const gained = ix.filter((i) => hits[i] > base[i] + 1e-9).length;
    const lost = ix.filter((i) => hits[i] < base[i] - 1e-9).length;
    return (
      `${file} ${share(hits, all).toFixed(3)} [${l1.toFixed(3)}, ${u1.toFixed(3)}] Δ ${(share(hits, all) - share(base, all)).toFixed(3)} [${lo.toFixed(3)}, ${hi.toFixed(3)}] +${gained} −${lost}` +
      `, ${share(sentences, all).toFixed(2)} sentences, precision ${share(precision, all).toFixed(3)}`
    );
  });
  console.log(`${name}${grid.length > 1 ? ' (out of fold)' : ''}: ${line.join(' | ')}`);
}

/** The claims a fixed rule gains and loses against the shipped order, by id. */
export function movedIds(lab: Lab, rank: Rank, ix: number[], gain: boolean): string[] {
  return ix.flatMap((i) => {
    const now = first(lab.claims[i], rank).hit;
    return now !== first(lab.claims[i], shipped).hit && now === gain ? [lab.ids[i]] : [];
  });
}
