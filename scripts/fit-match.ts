/**
 * Fits the matcher's score model and thresholds on labelled JSONL files and writes
 * `utils/match/weights.json`, with the cross-validated figures next to the weights.
 *
 *   npx tsx scripts/fit-match.ts [files...] [--folds 5] [--set name=value] [--drop f1,f2] [--add f3] [--ridge 0.001] [--smooth 0] [--dry]
 *
 * Default files: the three dev splits in ../shared/eval. Records are put in folds by a hash of
 * their source text, so claims that cite the same source never sit on both sides of a split.
 * Each fold's model is fitted on the other folds only (logistic regression, supported vs rest,
 * each dataset given equal weight and balanced classes; then the supported threshold that
 * maximises the mean balanced accuracy, the partial threshold that maximises three-way macro-F1
 * where a file has three labels). The figures printed are those of the held-out predictions.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  analyse,
  decide,
  DEFAULT_PARAMS,
  CANDIDATE_FEATURES,
  FEATURE_NAMES,
  indexSource,
  logistic,
  type MatchFeatures,
  type MatchParams,
} from '../utils/match/index';
import { auroc, balancedAccuracy, macroF1, readRecords, threeWay } from './eval-lib';
import { readArgs } from './lib/args';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values: args, positionals } = readArgs(
  'usage: npx tsx scripts/fit-match.ts [file.jsonl…] [--dry] [--folds N] [--set name=value]… [--drop a,b] [--add c,d] [--ridge x] [--smooth k]',
  {
    dry: { type: 'boolean' },
    folds: { type: 'string', default: '5' },
    set: { type: 'string', multiple: true, default: [] },
    drop: { type: 'string' },
    add: { type: 'string' },
    ridge: { type: 'string', default: '1e-3' },
    smooth: { type: 'string', default: '0' },
  },
  { positionals: true },
);
const dry = args.dry ?? false;
const FOLDS = Number(args.folds);
let files = positionals;
// --set name=value overrides a parameter that shapes the features (e.g. --set synonyms=false).
const overrides: Record<string, unknown> = {};
for (const a of args.set) {
  const [key, value] = a.split('=');
  overrides[key] = value === 'true' ? true : value === 'false' ? false : Number(value);
}
if (files.length === 0) {
  const dir = path.resolve(repoRoot, '../shared/eval');
  files = ['wice-dev.jsonl', 'checkcovid-dev.jsonl', 'expertqa-dev.jsonl'].map((f) => path.join(dir, f));
}

interface Row {
  dataset: number;
  fold: number;
  label: string;
  features: MatchFeatures;
}

function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

const EMPTY = Object.fromEntries([...FEATURE_NAMES, ...CANDIDATE_FEATURES].map((n) => [n, 0])) as unknown as MatchFeatures;
// --drop a,b leaves features out of the model, --add c,d puts candidates in (to measure what each adds).
const listArg = (list: string | undefined) => (list ? list.split(',') : []);
const dropped = new Set(listArg(args.drop));
// --ridge x: the L2 penalty on the coefficients (the sample weights sum to 1).
// --smooth k: pick the supported threshold by the mean balanced accuracy over ±k grid steps.
const SMOOTH = Number(args.smooth);
const RIDGE = Number(args.ridge);
const MODEL = [...FEATURE_NAMES, ...(listArg(args.add) as (keyof MatchFeatures)[])].filter((n) => !dropped.has(n));

function featuresFor(params: MatchParams): Row[] {
  const rows: Row[] = [];
  files.forEach((file, dataset) => {
    for (const r of readRecords(file)) {
      const { features } = analyse(r.claim, [indexSource(r.id, r.source_text)], { params });
      rows.push({ dataset, fold: hash(r.source_text) % FOLDS, label: r.label, features: features ?? EMPTY });
    }
  });
  return rows;
}

const vector = (f: MatchFeatures) => MODEL.map((n) => f[n]);

/** Weighted logistic regression by gradient descent (a handful of features, a few thousand rows). */
function fitLogistic(rows: Row[]): Pick<MatchParams, 'coefficients' | 'intercept'> {
  const nDatasets = new Set(rows.map((r) => r.dataset)).size;
  const weightOf = new Map<string, number>();
  for (const r of rows) {
    const key = `${r.dataset}/${r.label === 'supported'}`;
    weightOf.set(key, (weightOf.get(key) ?? 0) + 1);
  }
  const sampleWeight = rows.map((r) => 1 / (2 * nDatasets * weightOf.get(`${r.dataset}/${r.label === 'supported'}`)!));
  const xs = rows.map((r) => vector(r.features));
  const ys = rows.map((r) => (r.label === 'supported' ? 1 : 0));
  // Newton's method on the weighted log-loss with a small ridge term (the intercept is last).
  const d = MODEL.length + 1;
  const x1 = xs.map((x) => [...x, 1]);
  const beta = new Array<number>(d).fill(0);
  const lambda = RIDGE;
  for (let iter = 0; iter < 50; iter++) {
    const grad = new Array<number>(d).fill(0);
    const hess = Array.from({ length: d }, () => new Array<number>(d).fill(0));
    for (let i = 0; i < x1.length; i++) {
      let z = 0;
      for (let j = 0; j < d; j++) z += beta[j] * x1[i][j];
      const p = 1 / (1 + Math.exp(-z));
      const g = (p - ys[i]) * sampleWeight[i];
      const h = p * (1 - p) * sampleWeight[i];
      for (let j = 0; j < d; j++) {
        grad[j] += g * x1[i][j];
        for (let k = 0; k < d; k++) hess[j][k] += h * x1[i][j] * x1[i][k];
      }
    }
    for (let j = 0; j < d - 1; j++) {
      grad[j] += lambda * beta[j];
      hess[j][j] += lambda;
    }
    const step = solve(hess, grad);
    let moved = 0;
    for (let j = 0; j < d; j++) {
      beta[j] -= step[j];
      moved = Math.max(moved, Math.abs(step[j]));
    }
    if (moved < 1e-6) break;
  }
  const w = beta.slice(0, d - 1);
  const b = beta[d - 1];
  return { coefficients: Object.fromEntries(MODEL.map((n, j) => [n, round(w[j])])), intercept: round(b) };
}

/** Solves a small linear system by Gaussian elimination with partial pivoting. */
function solve(a: number[][], y: number[]): number[] {
  const n = y.length;
  const m = a.map((row, i) => [...row, y[i]]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r][c]) > Math.abs(m[p][c])) p = r;
    [m[c], m[p]] = [m[p], m[c]];
    const pivot = m[c][c] || 1e-12;
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = m[r][c] / pivot;
      for (let k = c; k <= n; k++) m[r][k] -= f * m[c][k];
    }
  }
  return m.map((row, i) => row[n] / (row[i] || 1e-12));
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

const GRID = Array.from({ length: 99 }, (_, i) => (i + 1) / 100);

function fitThresholds(rows: Row[], base: MatchParams): MatchParams {
  const params = { ...base };
  const scored = rows.map((r) => ({ r, score: logistic(params, r.features) }));
  const datasets = [...new Set(rows.map((r) => r.dataset))];
  let bestBa = -1;
  for (const partCovered of [0.4, 0.5, 0.6, 0.7, 0.8]) {
    const curve = GRID.map((supported) => {
      const trial = { ...params, supported, partCovered, partial: 0 };
      const bas = datasets.map((d) => {
        const rs = scored.filter((x) => x.r.dataset === d);
        return balancedAccuracy(rs.map((x) => decide(trial, x.r.features, x.score) === 'supported'), rs.map((x) => x.r.label === 'supported')) ?? 0.5;
      });
      return bas.reduce((a, b) => a + b, 0) / bas.length;
    });
    // The mean over neighbouring thresholds: a plateau generalises better than a lone peak.
    curve.forEach((_, i) => {
      const near = curve.slice(Math.max(0, i - SMOOTH), i + SMOOTH + 1);
      const mean = near.reduce((a, b) => a + b, 0) / near.length;
      if (mean > bestBa) {
        bestBa = mean;
        params.supported = GRID[i];
        params.partCovered = partCovered;
      }
    });
  }
  // The partial threshold: three-way macro-F1 on the datasets that have all three labels.
  const threeLabel = datasets.filter((d) => new Set(rows.filter((r) => r.dataset === d).map((r) => r.label)).size === 3);
  let bestF1 = -1;
  for (const partial of GRID.filter((g) => g <= params.supported)) {
    const trial = { ...params, partial };
    let total = 0;
    for (const d of threeLabel) {
      const rs = scored.filter((x) => x.r.dataset === d);
      total += macroF1(rs.map((x) => threeWay(decide(trial, x.r.features, x.score))), rs.map((x) => x.r.label), ['supported', 'partial', 'unsupported']);
    }
    if (total > bestF1) {
      bestF1 = total;
      params.partial = partial;
    }
  }
  return params;
}

function fitAll(rows: Row[], base: MatchParams): MatchParams {
  const model = fitLogistic(rows);
  return fitThresholds(rows, { ...base, ...model });
}

const base: MatchParams = { ...DEFAULT_PARAMS, ...overrides };
const rows = featuresFor(base);
const heldOut: { row: Row; score: number; verdict: string }[] = [];
for (let k = 0; k < FOLDS; k++) {
  const params = fitAll(rows.filter((r) => r.fold !== k), base);
  for (const row of rows.filter((r) => r.fold === k)) {
    const score = logistic(params, row.features);
    heldOut.push({ row, score, verdict: decide(params, row.features, score) });
  }
}

const cv: Record<string, Record<string, number | null>> = {};
files.forEach((file, d) => {
  const rs = heldOut.filter((x) => x.row.dataset === d);
  const gold = rs.map((x) => x.row.label);
  const positive = gold.map((g) => g === 'supported');
  cv[path.basename(file)] = {
    n: rs.length,
    macroF1: new Set(gold).size === 3 ? round(macroF1(rs.map((x) => threeWay(x.verdict)), gold, ['supported', 'partial', 'unsupported'])) : null,
    balancedAccuracy: round(balancedAccuracy(rs.map((x) => x.verdict === 'supported'), positive) ?? NaN),
    auroc: round(auroc(rs.map((x) => x.score), positive) ?? NaN),
  };
});
console.log(`${FOLDS}-fold cross-validated figures (held-out predictions):`);
console.table(cv);

const final = fitAll(rows, base);
const { cv: _old, ...rest } = final as MatchParams & { cv?: unknown };
const output = { ...rest, cv: { folds: FOLDS, figures: cv } };
console.log(JSON.stringify(output, null, 2));
if (!dry) writeFileSync(path.join(repoRoot, 'utils/match/weights.json'), JSON.stringify(output, null, 2) + '\n');
