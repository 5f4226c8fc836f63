/**
 * Cross-validation helpers for `scripts/fit-match.ts`: folds grouped by source text (claims citing
 * the same text never sit on both sides of a split), seeded so that repeats differ, a cluster
 * bootstrap for 95 % intervals, threshold fitting and Platt calibration.
 */
import { decide, type MatchParams, type PartsStated } from '../../utils/match/model';
import { auroc, balancedAccuracy, macroF1 } from '../eval-lib';

export function hash(text: string, seed = 0): number {
  let h = (2166136261 ^ Math.imul(seed + 1, 0x9e3779b1)) >>> 0;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  h ^= h >>> 12;
  return h >>> 0;
}

/** The fold of a group, for one repeat (`seed`) of `k`-fold cross-validation. */
export function foldOf(group: string, k: number, seed: number): number {
  return hash(group, seed) % k;
}

/** A small seeded generator (mulberry32), so intervals are reproducible. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Cluster bootstrap: resamples whole groups with replacement; `metric` receives the indices of
 * one resample (a record drawn twice appears twice). Returns the 2.5 % and 97.5 % quantiles.
 */
export function bootstrap(groups: string[], metric: (indices: number[]) => number | null, samples = 1000, seed = 1): [number, number] {
  const byGroup = new Map<string, number[]>();
  groups.forEach((g, i) => {
    const list = byGroup.get(g);
    if (list) list.push(i);
    else byGroup.set(g, [i]);
  });
  const clusters = [...byGroup.values()];
  const rand = random(seed);
  const values: number[] = [];
  for (let s = 0; s < samples; s++) {
    const indices: number[] = [];
    for (let c = 0; c < clusters.length; c++) indices.push(...clusters[Math.floor(rand() * clusters.length)]);
    const v = metric(indices);
    if (v !== null && Number.isFinite(v)) values.push(v);
  }
  values.sort((a, b) => a - b);
  const q = (p: number) => values[Math.min(values.length - 1, Math.max(0, Math.round(p * (values.length - 1))))];
  return [q(0.025), q(0.975)];
}

export interface Scored {
  dataset: number;
  label: string;
  score: number;
  contradicted: boolean;
  /** Each part's coverage (the verdict rule of `utils/match/model.ts`). */
  parts: PartsStated;
  /** What the partial threshold reads (the coverage without the vetoes); the score when absent. */
  coverage?: number;
}

export type Thresholds = MatchParams['thresholds'];

export const GRID = Array.from({ length: 199 }, (_, i) => (i + 1) / 200);

/** Supported-vs-rest balanced accuracy of one dataset at a threshold (a contradicted claim is not supported). */
export function baAt(rows: Scored[], supported: number, everyPart: number): number {
  return balancedAccuracy(rows.map((r) => threeWayAt(r, { supported, partial: 0, everyPart }) === 'supported'), rows.map((r) => r.label === 'supported')) ?? 0.5;
}

/** The product verdict (`decide` in utils/match/model.ts), contradicted counted as unsupported. */
export function threeWayAt(r: Scored, thresholds: Thresholds): string {
  const v = decide(thresholds, r.score, r.contradicted, r.parts, r.coverage ?? r.score);
  return v === 'contradicted' ? 'unsupported' : v;
}

/** How the supported threshold is fitted (see `fitThresholds`). */
export type ThresholdMethod = 'maxBA' | 'prevalence';
/** How the partial threshold is fitted (see `fitThresholds`). */
export type PartialMethod = 'calibrated' | 'macroF1';

/**
 * The supported threshold, then the partial threshold (not above it), on the datasets with three
 * labels.
 *
 * The supported threshold is fitted on the datasets `on` (all when empty):
 * - `prevalence`: where the Platt-calibrated probability of being supported, fitted on those
 *   rows' scores, reaches their share supported. Balanced accuracy is highest in expectation
 *   where P(supported | score) equals the base rate, and this estimate of that point moves
 *   less between training sets than the arg-max of a step curve.
 * - `maxBA`: the grid step with the best mean balanced accuracy over the datasets (the rule
 *   before; kept to compare).
 *
 * The partial threshold:
 * - `calibrated` (round 17 of docs/matcher-notes.md): on the claims whose verdict it decides,
 *   where a Platt fit of "not unsupported" on their coverage reaches their share not unsupported
 *   (`partialByCalibration`). It reads every such claim through one smooth fit, so it moves a
 *   little with the training set instead of stepping between the peaks of the macro-F1 curve.
 * - `macroF1`: the lowest grid step of best three-way macro-F1 (the rule until round 17).
 */
export function fitThresholds(rows: Scored[], everyPart: number, method: ThresholdMethod = 'maxBA', on: number[] = [], partialMethod: PartialMethod = 'macroF1'): Thresholds {
  const datasets = [...new Set(rows.map((r) => r.dataset))];
  const fitOn = on.length ? datasets.filter((d) => on.includes(d)) : datasets;
  const by = fitOn.map((d) => rows.filter((r) => r.dataset === d));
  let supported = 0.5;
  if (method === 'prevalence') {
    const xs = by.flat();
    const ys = xs.map((r) => r.label === 'supported');
    const prior = ys.filter(Boolean).length / ys.length;
    const p = fitPlatt(xs.map((r) => r.score), ys);
    supported = Math.round(Math.min(1, Math.max(0, (Math.log(prior / (1 - prior)) - p.b) / p.a)) * 1000) / 1000;
  } else {
    let bestBa = -1;
    for (const t of GRID) {
      const ba = by.reduce((s, rs) => s + baAt(rs, t, everyPart), 0) / by.length;
      if (ba > bestBa + 1e-12) {
        bestBa = ba;
        supported = t;
      }
    }
  }
  const three = datasets.map((d) => rows.filter((r) => r.dataset === d)).filter((rs) => new Set(rs.map((r) => r.label)).size === 3);
  if (partialMethod === 'calibrated') return { supported, partial: partialByCalibration(partialStepsOf(three.flat(), supported, everyPart), supported).partial, everyPart };
  let partial = supported;
  let bestF1 = -1;
  for (const t of GRID.filter((g) => g <= supported)) {
    const f1 = three.reduce((s, rs) => s + macroF1(rs.map((r) => threeWayAt(r, { supported, partial: t, everyPart })), rs.map((r) => r.label), ['supported', 'partial', 'unsupported']), 0);
    if (f1 > bestF1 + 1e-12) {
      bestF1 = f1;
      partial = t;
    }
  }
  return { supported, partial, everyPart };
}

/** Platt scaling, P = σ(a·x + b), fitted by Newton's method on the log-loss (tiny ridge for separable data). */
export function fitPlatt(xs: number[], ys: boolean[]): { a: number; b: number } {
  let a = 1;
  let b = 0;
  for (let iter = 0; iter < 100; iter++) {
    let ga = 0, gb = 0, haa = 1e-6, hab = 0, hbb = 1e-6;
    for (let i = 0; i < xs.length; i++) {
      const p = 1 / (1 + Math.exp(-(a * xs[i] + b)));
      const g = p - (ys[i] ? 1 : 0);
      const h = p * (1 - p);
      ga += g * xs[i];
      gb += g;
      haa += h * xs[i] * xs[i];
      hab += h * xs[i];
      hbb += h;
    }
    const det = haa * hbb - hab * hab;
    const da = (hbb * ga - hab * gb) / det;
    const db = (haa * gb - hab * ga) / det;
    a -= da;
    b -= db;
    if (Math.abs(da) + Math.abs(db) < 1e-9) break;
  }
  return { a, b };
}

export function platt(p: { a: number; b: number }, x: number): number {
  return 1 / (1 + Math.exp(-(p.a * x + p.b)));
}

/** Reliability by decile of the predicted probability: mean predicted, observed share, count. */
export function reliability(predicted: number[], observed: boolean[]): { from: number; to: number; n: number; predicted: number; observed: number }[] {
  const order = predicted.map((p, i) => i).sort((i, j) => predicted[i] - predicted[j]);
  const out = [];
  for (let d = 0; d < 10; d++) {
    const slice = order.slice(Math.floor((d * order.length) / 10), Math.floor(((d + 1) * order.length) / 10));
    if (slice.length === 0) continue;
    out.push({
      from: predicted[slice[0]],
      to: predicted[slice[slice.length - 1]],
      n: slice.length,
      predicted: slice.reduce((s, i) => s + predicted[i], 0) / slice.length,
      observed: slice.filter((i) => observed[i]).length / slice.length,
    });
  }
  return out;
}

export { auroc, balancedAccuracy, macroF1 };

/**
 * One claim's three-way verdict as the partial threshold t moves, the rest fixed: `fixed` when the
 * verdict does not depend on t (supported, contradicted, a stated part), else `partial` when
 * t ≤ `at` (its coverage) and `unsupported` otherwise.
 */
export interface PartialStep {
  label: string;
  fixed: string | null;
  at: number;
}

const THREE = ['supported', 'partial', 'unsupported'];

/**
 * Each claim's verdict as the partial threshold moves: fixed unless, at an infinite partial
 * threshold, it is unsupported and not contradicted; then partial exactly when the threshold is at
 * most its coverage.
 */
export function partialStepsOf(rows: Scored[], supported: number, everyPart: number): PartialStep[] {
  return rows.map((r) => {
    const at0 = threeWayAt(r, { supported, partial: Infinity, everyPart });
    return at0 === 'unsupported' && !r.contradicted ? { label: r.label, fixed: null, at: r.coverage ?? r.score } : { label: r.label, fixed: at0, at: 0 };
  });
}

/**
 * Macro-F1 (as `macroF1` computes it over the three labels) at every grid step, each claim counted
 * `weights[i]` times (a cluster resample); by counting, so one curve costs O(claims + grid).
 */
export function macroF1ByPartial(steps: PartialStep[], weights: number[]): number[] {
  const G = GRID.length;
  // fixedM[gold][given]: claims whose verdict does not depend on t.
  const fixedM = THREE.map(() => THREE.map(() => 0));
  // above[gold][k]: claims that are partial at grid steps g < k (GRID[g] ≤ at) and unsupported after.
  const above = THREE.map(() => new Array<number>(G + 1).fill(0));
  steps.forEach((s, i) => {
    const w = weights[i];
    if (!w) return;
    const gi = THREE.indexOf(s.label);
    if (s.fixed !== null) {
      fixedM[gi][THREE.indexOf(s.fixed)] += w;
      return;
    }
    let k = Math.max(0, Math.min(G, Math.floor(s.at * 200) - 1));
    while (k < G && GRID[k] <= s.at) k++;
    while (k > 0 && GRID[k - 1] > s.at) k--;
    above[gi][k] += w;
  });
  // partialAt[gold][g]: t-dependent claims of that gold label partial at step g; rest unsupported.
  const total = above.map((a) => a.reduce((x, y) => x + y, 0));
  const partialAt = above.map((a) => {
    const out = new Array<number>(G).fill(0);
    let run = 0;
    for (let g = G - 1; g >= 0; g--) {
      run += a[g + 1];
      out[g] = run;
    }
    return out;
  });
  const curve = new Array<number>(G);
  for (let g = 0; g < G; g++) {
    const m = fixedM.map((row, gi) => [row[0], row[1] + partialAt[gi][g], row[2] + total[gi] - partialAt[gi][g]]);
    let sum = 0;
    for (let l = 0; l < 3; l++) {
      const tp = m[l][l];
      let fp = 0, fn = 0;
      for (let o = 0; o < 3; o++) {
        if (o === l) continue;
        fp += m[o][l];
        fn += m[l][o];
      }
      sum += tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn);
    }
    curve[g] = sum / 3;
  }
  return curve;
}

/** The lowest grid step not above `supported` with the best value of `curve` (the shipped search). */
export function argmaxPartial(curve: number[], supported: number): number {
  let partial = supported;
  let best = -1;
  GRID.forEach((t, g) => {
    if (t > supported) return;
    if (curve[g] > best + 1e-12) {
      best = curve[g];
      partial = t;
    }
  });
  return partial;
}

/**
 * The partial threshold as the median of the macro-F1 maximisers over `samples` cluster resamples
 * (round 16 of docs/matcher-notes.md): per dataset with three labels, its source texts are drawn
 * with replacement, the curves summed over datasets, and the lower middle maximiser is returned.
 * Also the plain arg-max (every claim once), which is the shipped rule.
 */
export function baggedPartial(byDataset: { steps: PartialStep[]; groups: string[] }[], supported: number, samples: number, seed: number): { partial: number; plain: number } {
  const sumCurves = (weights: number[][]) => {
    const out = new Array<number>(GRID.length).fill(0);
    byDataset.forEach((d, j) => macroF1ByPartial(d.steps, weights[j]).forEach((v, g) => (out[g] += v)));
    return out;
  };
  const plain = argmaxPartial(sumCurves(byDataset.map((d) => d.steps.map(() => 1))), supported);
  const clusters = byDataset.map((d) => {
    const by = new Map<string, number[]>();
    d.groups.forEach((g, i) => {
      const list = by.get(g);
      if (list) list.push(i);
      else by.set(g, [i]);
    });
    return [...by.values()];
  });
  const rand = random(seed);
  const picks: number[] = [];
  for (let s = 0; s < samples; s++) {
    const weights = byDataset.map((d, j) => {
      const w = new Array<number>(d.steps.length).fill(0);
      const cs = clusters[j];
      for (let c = 0; c < cs.length; c++) for (const i of cs[Math.floor(rand() * cs.length)]) w[i]++;
      return w;
    });
    picks.push(argmaxPartial(sumCurves(weights), supported));
  }
  picks.sort((a, b) => a - b);
  return { partial: samples ? picks[Math.floor((samples - 1) / 2)] : plain, plain };
}

/**
 * The partial threshold by a calibrated probability (round 17 of docs/matcher-notes.md): on the
 * claims whose verdict depends on the threshold (`fixed === null`), a Platt fit of "gold label is
 * not unsupported" on their coverage (`at`), and the coverage where that probability reaches the
 * pool's share not unsupported, rounded to 0.001 and clamped to [0, supported]. A slope that is
 * not positive (or a pool of one label) gives the supported threshold.
 */
export function partialByCalibration(steps: PartialStep[], supported: number): { partial: number; a: number; b: number; share: number; n: number } {
  const pool = steps.filter((s) => s.fixed === null);
  const ys = pool.map((s) => s.label !== 'unsupported');
  const n = pool.length;
  const share = n ? ys.filter(Boolean).length / n : 0;
  if (share <= 0 || share >= 1) return { partial: supported, a: 0, b: 0, share, n };
  const { a, b } = fitPlatt(pool.map((s) => s.at), ys);
  if (!(a > 0)) return { partial: supported, a, b, share, n };
  const at = (Math.log(share / (1 - share)) - b) / a;
  return { partial: Math.min(supported, Math.max(0, Math.round(at * 1000) / 1000)), a, b, share, n };
}
