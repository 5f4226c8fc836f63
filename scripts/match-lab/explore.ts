/**
 * Lab: score and verdict variants measured under the nested protocol of `scripts/fit-match.ts`
 * (outer folds grouped by source text, repeated; every choice inside the training folds; cluster
 * bootstrap intervals), without writing anything. Each variant (`variants.ts`) is a function of
 * cached per-claim quantities (`rows.ts`), so many can be compared in one run.
 *
 *   npx tsx scripts/match-lab/explore.ts [--repeats 5] [--folds 5] [--seed 0] [--files wice,checkcovid,expertqa] [--boot 300] [--only name,name] [--save f.json | --against f.json] [--rows rows.json] [--confusion] [--spread]
 *
 * `--spread` prints, per variant, the partial threshold chosen in the outer folds and the spread of
 * WiCE macro-F1 and balanced accuracy between repeats (round 16).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { auroc, baggedPartial, balancedAccuracy, bootstrap, fitPlatt, foldOf, GRID, macroF1, partialByCalibration, type PartialStep, type Scored as CvScored, type Thresholds } from './cv';
import { DEFAULT_PARAMS } from '../../utils/match/index';
import { readArgs } from '../lib/args';
import { buildRows, type Row } from './rows';
import { variants, veto, type Variant } from './variants';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const { values } = readArgs('usage: npx tsx scripts/match-lab/explore.ts [--repeats 5] [--boot 300] [--only a,b]', {
  repeats: { type: 'string', default: '5' },
  folds: { type: 'string', default: '5' },
  boot: { type: 'string', default: '300' },
  only: { type: 'string' },
  confusion: { type: 'boolean', default: false },
  /** Keep each variant's out-of-fold predictions, to compare a later state of the code with (`--against`). */
  save: { type: 'string' },
  /** Differences against the predictions `--save` kept (same variant name), not against the first variant. */
  against: { type: 'string' },
  /** Keep the per-claim rows in this file (read it when it exists, else build and write it): the features take minutes. */
  rows: { type: 'string' },
  /** Added to every repeat's fold seed: another set of repeats of the same nested protocol. */
  seed: { type: 'string', default: '0' },
  files: { type: 'string' },
  spread: { type: 'boolean', default: false },
});
const REPEATS = Number(values.repeats);
const FOLDS = Number(values.folds);
const BOOT = Number(values.boot);
const SEED = Number(values.seed);
const INNER = 4;
const DIGITS = 4;
const LABELS = ['supported', 'partial', 'unsupported'];
/** The three files in this order (WiCE, Check-COVID, ExpertQA: the variants name them by position); `--files` checks the same candidates on other splits of the same datasets. */
const files = (values.files?.split(',') ?? ['wice-dev.jsonl', 'checkcovid-dev.jsonl', 'expertqa-dev.jsonl'].map((f) => path.resolve(repoRoot, '../shared/eval', f))).map((f) => path.resolve(f));
if (files.length !== 3) throw new Error('--files takes three files: WiCE, Check-COVID, ExpertQA, in that order');

const rows: Row[] = values.rows && existsSync(values.rows) ? JSON.parse(readFileSync(values.rows, 'utf8')) : buildRows(files);
if (values.rows && !existsSync(values.rows)) writeFileSync(values.rows, JSON.stringify(rows));


function scoredOf(rs: Row[], v: Variant, sel: Record<string, number>): Scored[] {
  return rs.map((r) => ({
    dataset: r.dataset,
    label: r.label,
    score: v.score(r, sel),
    contradicted: r.contradicted,
    parts: { best: v.parts ? v.parts(r, sel) : r.parts, stated: sel.partStated ?? DEFAULT_PARAMS.partStated },
    every: everyOf(r, v, sel),
    partialBy: partialBy(r, v),
    partialScore: v.partialScore ? v.partialScore(r, sel) : null,
    singleStated: v.singleStated ?? false,
    guard: v.guard ? v.guard(r, sel) : true,
    group: r.group,
  }));
}

/** What the "every part" threshold reads: parts, chunks, or the weakest over the strongest of either. */
function everyOf(r: Row, v: Variant, sel: Record<string, number>): number[] {
  const ratio = (xs: number[]) => [Math.max(...xs) > 0 ? Math.min(...xs) / Math.max(...xs) : 0];
  const parts = v.parts ? v.parts(r, sel) : r.parts;
  if (v.every === 'chunks') return r.chunks;
  if (v.every === 'partRatio') return ratio(parts);
  if (v.every === 'chunkRatio') return ratio(r.chunks);
  return parts;
}

function partialBy(r: Row, v: Variant): number | null {
  if (v.partialOn === 'maxChunk') return Math.max(...r.chunks);
  if (v.partialOn === 'maxPart') return Math.max(...r.parts);
  if (v.partialOn === 'anywhere') return r.anywhere;
  return null;
}

function fitT(rows: Scored[], everyPart: number, baOn: number[], method: Variant['method'] = 'maxBA'): Thresholds {
  if (method === 'prevalence') return fitByPrevalence(rows, everyPart, baOn);
  // Balanced accuracy at every grid threshold by counting: a claim can be supported only when it
  // is not contradicted and every part holds `everyPart`; then it is supported at t when score ≥ t.
  const by = baOn.map((d) => rows.filter((r) => r.dataset === d)).filter((rs) => rs.length);
  const baAtGrid = new Array<number>(GRID.length).fill(0);
  for (const rs of by) {
    const pos = rs.filter((r) => r.label === 'supported').length;
    const neg = rs.length - pos;
    const tp = new Array<number>(GRID.length).fill(0);
    const fp = new Array<number>(GRID.length).fill(0);
    for (const r of rs) {
      if (r.contradicted || !r.guard || !r.every.every((c) => c >= everyPart)) continue;
      // Grid step g (threshold GRID[g]) counts r when r.score >= GRID[g].
      const top = Math.min(GRID.length, Math.floor(r.score * 200 + 1e-9));
      const arr = r.label === 'supported' ? tp : fp;
      for (let g = 0; g < top; g++) if (r.score >= GRID[g]) arr[g]++;
    }
    for (let g = 0; g < GRID.length; g++) baAtGrid[g] += pos && neg ? (tp[g] / pos + (neg - fp[g]) / neg) / 2 : 0.5;
  }
  let supported = 0.5;
  let bestBa = -1;
  GRID.forEach((t, g) => {
    const ba = baAtGrid[g] / by.length;
    if (ba > bestBa + 1e-12) {
      bestBa = ba;
      supported = t;
    }
  });
  return { supported, partial: fitPartial(rows, supported, everyPart), everyPart };
}

function fitByPrevalence(rows: Scored[], everyPart: number, baOn: number[]): Thresholds {
  const on = rows.filter((r) => baOn.includes(r.dataset));
  const ys = on.map((r) => r.label === 'supported');
  const p = fitPlatt(on.map((r) => r.score), ys);
  const prior = ys.filter(Boolean).length / ys.length;
  const supported = Math.min(1, Math.max(0, (Math.log(prior / (1 - prior)) - p.b) / p.a));
  const partial = PARTIAL_BY_SHARE ? partialByShare(rows, supported, baOn) : PARTIAL_BY_PLATT ? partialByPlatt(on, supported) : PARTIAL_BAGGED ? partialBagged(rows, supported, everyPart) : PARTIAL_CALIBRATED ? partialCalibrated(rows, supported, everyPart) : fitPartial(rows, supported, everyPart);
  return { supported, partial, everyPart };
}

/** Round 16: the partial threshold by the median of the macro-F1 maximisers over cluster resamples (`baggedPartial` in cv.ts). */
let PARTIAL_BAGGED = false;
/** The seed of the resamples of the next outer fit (set per repeat and fold by `run`). */
let BAG_SEED = 0;
const BAG_SAMPLES = 200;
/** Folds where the count-based search with unit weights differed from `fitPartial` (must stay 0). */
let bagMismatch = 0;
function partialBagged(rows: Scored[], supported: number, everyPart: number): number {
  const byDataset = partialSteps(rows, supported, everyPart);
  const { partial, plain } = baggedPartial(byDataset, supported, BAG_SAMPLES, BAG_SEED);
  if (plain !== fitPartial(rows, supported, everyPart)) bagMismatch++;
  return partial;
}

/** Each claim's verdict as the partial threshold moves (`PartialStep`), per dataset with three labels. */
function partialSteps(rows: Scored[], supported: number, everyPart: number): { steps: PartialStep[]; groups: string[] }[] {
  const three = [...new Set(rows.map((r) => r.dataset))].map((d) => rows.filter((r) => r.dataset === d)).filter((rs) => new Set(rs.map((r) => r.label)).size === 3);
  const t: Thresholds = { supported, partial: 0, everyPart };
  return three.map((rs) => ({
    groups: rs.map((r) => r.group),
    steps: rs.map((r): PartialStep => {
      if (r.partialBy !== null) throw new Error('partial steps: partialOn is not supported');
      const at0 = threeWayAt(r, { ...t, partial: Infinity });
      // Unsupported at an infinite threshold: partial exactly when the threshold is at most its coverage.
      return at0 === 'unsupported' && !r.contradicted ? { label: r.label, fixed: null, at: r.partialScore ?? r.score } : { label: r.label, fixed: at0, at: 0 };
    }),
  }));
}

/** Round 17: the partial threshold where a Platt fit of "not unsupported" on the coverage of the claims it decides reaches their share (`partialByCalibration` in cv.ts). */
let PARTIAL_CALIBRATED = false;
/** Outer fits of the last variant run whose slope was not positive (the threshold is then the supported one). */
let calibratedFlat = 0;
/** The pool size and share not unsupported of the last variant run's outer fits. */
let calibratedPools: { n: number; share: number; a: number; b: number }[] = [];
let CALIBRATED_OUTER = false;
function partialCalibrated(rows: Scored[], supported: number, everyPart: number): number {
  const steps = partialSteps(rows, supported, everyPart).flatMap((d) => d.steps);
  const r = partialByCalibration(steps, supported);
  if (CALIBRATED_OUTER) {
    if (!(r.a > 0)) calibratedFlat++;
    calibratedPools.push({ n: r.n, share: r.share, a: r.a, b: r.b });
  }
  return r.partial;
}

let PARTIAL_BY_PLATT = false;
/**
 * The partial threshold by the supported threshold's own rule, for the other boundary: where a
 * Platt fit of "not unsupported" on the score reaches the share of claims not unsupported.
 */
function partialByPlatt(on: Scored[], supported: number): number {
  const ys = on.map((r) => r.label !== 'unsupported');
  const p = fitPlatt(on.map((r) => r.score), ys);
  const prior = ys.filter(Boolean).length / ys.length;
  return Math.min(supported, Math.max(0, (Math.log(prior / (1 - prior)) - p.b) / p.a));
}

let PARTIAL_BY_SHARE = false;
/** The partial threshold at which the share of the claims of `on` scored below it is their share unsupported. */
function partialByShare(rows: Scored[], supported: number, on: number[]): number {
  const xs = rows.filter((r) => on.includes(r.dataset));
  const share = xs.filter((r) => r.label === 'unsupported').length / xs.length;
  const sorted = xs.map((r) => r.score).sort((a, b) => a - b);
  return Math.min(supported, sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))]);
}

function fitPartial(rows: Scored[], supported: number, everyPart: number): number {
  const three = [...new Set(rows.map((r) => r.dataset))].map((d) => rows.filter((r) => r.dataset === d)).filter((rs) => new Set(rs.map((r) => r.label)).size === 3);
  let partial = supported;
  let bestF1 = -1;
  for (const t of GRID) {
    if (t > supported && rows[0]?.partialBy === null) break;
    let f1 = 0;
    for (const rs of three) f1 += macroF1(rs.map((r) => threeWayAt(r, { supported, partial: t, everyPart })), rs.map((r) => r.label), LABELS);
    if (f1 > bestF1 + 1e-12) {
      bestF1 = f1;
      partial = t;
    }
  }
  return partial;
}

function criterion(pred: (Scored & { t: Thresholds })[], on: number[]): number {
  let total = 0;
  for (const d of on) {
    const ps = pred.filter((p) => p.dataset === d);
    const pos = ps.map((p) => p.label === 'supported');
    const figs = [auroc(ps.map((p) => p.score), pos) ?? 0.5, balancedAccuracy(ps.map((p) => threeWayAt(p, p.t) === 'supported'), pos) ?? 0.5];
    const gold = ps.map((p) => p.label);
    if (new Set(gold).size === 3) figs.push(macroF1(ps.map((p) => threeWayAt(p, p.t)), gold, LABELS));
    total += figs.reduce((a, b) => a + b, 0) / figs.length;
  }
  return total / on.length;
}

function choose(v: Variant, train: Row[], seed: number): Record<string, number> {
  if (v.grid.length === 1) return v.grid[0];
  let best = v.grid[0];
  let bestValue = -1;
  const fold = train.map((r) => foldOf(r.group, INNER, 1000 + seed));
  const inTrains = [...Array(INNER).keys()].map((k) => train.filter((_, i) => fold[i] !== k));
  const inTests = [...Array(INNER).keys()].map((k) => train.filter((_, i) => fold[i] === k));
  for (const sel of v.grid) {
    const oof: (Scored & { t: Thresholds })[] = [];
    for (let k = 0; k < INNER; k++) {
      const inTrain = inTrains[k];
      const inTest = inTests[k];
      const t = fitT(scoredOf(inTrain, v, sel), sel.everyPart ?? 0, v.baOn, v.method);
      for (const s of scoredOf(inTest, v, sel)) oof.push({ ...s, t });
    }
    const value = criterion(oof, v.selectOn);
    if (value > bestValue + 1e-9) {
      bestValue = value;
      best = sel;
    }
  }
  return best;
}

interface Pred {
  score: number;
  verdict: string;
  /** Hit@1 as the variant ranks the evidence (null: no gold evidence). */
  hit: boolean | null;
}

/** How often the outer folds of the last variant run chose each value of each selection key. */
let chosen: Record<string, Map<number, number>> = {};
/** The partial thresholds of the last variant run's outer folds. */
let foldPartials: number[] = [];

function run(v: Variant): Pred[][] {
  chosen = {};
  foldPartials = [];
  bagMismatch = 0;
  PARTIAL_BAGGED = v.name.includes('partial bagged');
  PARTIAL_CALIBRATED = v.name.includes('partial calibrated');
  calibratedFlat = 0;
  calibratedPools = [];
  PARTIAL_BY_SHARE = v.name.includes('partial by share');
  PARTIAL_BY_PLATT = v.name.includes('partial by Platt');
  const out: Pred[][] = [];
  for (let rep = 0; rep < REPEATS; rep++) {
    const p: Pred[] = new Array(rows.length);
    for (let k = 0; k < FOLDS; k++) {
      const train = rows.filter((r) => foldOf(r.group, FOLDS, SEED + rep) !== k);
      const sel = choose(v, train, (SEED + rep) * 100 + k);
      for (const [key, x] of Object.entries(sel)) (chosen[key] ??= new Map()).set(x, (chosen[key].get(x) ?? 0) + 1);
      BAG_SEED = 16000 + (SEED + rep) * 100 + k;
      CALIBRATED_OUTER = true;
      const t = fitT(scoredOf(train, v, sel), sel.everyPart ?? 0, v.baOn, v.method);
      CALIBRATED_OUTER = false;
      foldPartials.push(t.partial);
      rows.forEach((r, i) => {
        if (foldOf(r.group, FOLDS, SEED + rep) !== k) return;
        const s = scoredOf([r], v, sel)[0];
        p[i] = { score: s.score, verdict: threeWayAt(s, t), hit: v.hit1 ? v.hit1(r, sel) : r.hit1 };
      });
    }
    out.push(p);
  }
  return out;
}

function metric(name: string, preds: Pred[], ix: number[]): number | null {
  const gold = ix.map((i) => rows[i].label);
  const pos = gold.map((g) => g === 'supported');
  if (name === 'auroc') return auroc(ix.map((i) => preds[i].score), pos);
  if (name === 'ba') return balancedAccuracy(ix.map((i) => preds[i].verdict === 'supported'), pos);
  if (name === 'hit1') {
    const hs = ix.map((i) => preds[i].hit).filter((h): h is boolean => h !== null);
    return hs.length ? hs.filter(Boolean).length / hs.length : null;
  }
  return new Set(gold).size === 3 ? macroF1(ix.map((i) => preds[i].verdict), gold, LABELS) : null;
}

function summary(preds: Pred[][], d: number, name: string, base?: Pred[][]): string {
  const idx = rows.map((_, i) => i).filter((i) => rows[i].dataset === d);
  const mean = (ix: number[]) => {
    let s = 0;
    for (let r = 0; r < preds.length; r++) s += (metric(name, preds[r], ix) ?? NaN) - (base ? (metric(name, base[r], ix) ?? NaN) : 0);
    return s / preds.length;
  };
  const v = mean(idx);
  if (!Number.isFinite(v)) return '–';
  const [lo, hi] = bootstrap(idx.map((i) => rows[i].group), (sample) => mean(sample.map((j) => idx[j])), BOOT, 7 + d);
  return `${v.toFixed(DIGITS)} [${lo.toFixed(DIGITS)},${hi.toFixed(DIGITS)}]`;
}

/** Scored, with the coverages the "every part" rule reads (the parts, or the chunks). */
type Scored = CvScored & { every: number[]; partialBy: number | null; partialScore: number | null; singleStated: boolean; guard: boolean; group: string };
/** `decide` of utils/match/model.ts with the "every part" rule on `every`; contradicted → unsupported. */
function threeWayAt(r: Scored, t: Thresholds): string {
  if (r.contradicted) return 'unsupported';
  if (r.score >= t.supported && r.guard && r.every.every((c) => c >= t.everyPart)) return 'supported';
  if (r.partialBy !== null) return r.partialBy >= t.partial ? 'partial' : 'unsupported';
  const stated = (r.parts.best.length > 1 || r.singleStated) && r.parts.best.some((c) => c >= r.parts.stated);
  if ((r.partialScore ?? r.score) >= t.partial || stated) return 'partial';
  return 'unsupported';
}

const only = values.only?.split(',');
let base: Pred[][] | undefined;
const saved: Record<string, Pred[][]> = {};
const against: Record<string, Pred[][]> | null = values.against ? JSON.parse(readFileSync(values.against, 'utf8')) : null;
for (const v of variants) {
  if (only && !only.some((o) => v.name.startsWith(o))) continue;
  const t = Date.now();
  const preds = run(v);
  saved[v.name] = preds;
  if (against) base = against[v.name];
  else base ??= preds;
  const line = [0, 1, 2].map((d) => {
    const name = ['WiCE', 'CCOVID', 'EQA'][d];
    return `${name} auroc ${summary(preds, d, 'auroc')} ba ${summary(preds, d, 'ba')}${d === 0 ? ` f1 ${summary(preds, d, 'f1')}` : ''}${d < 2 ? ` hit1 ${summary(preds, d, 'hit1')}` : ''}`;
  });
  const diff = preds === base || !base ? '' : `\n   Δ WiCE auroc ${summary(preds, 0, 'auroc', base)} ba ${summary(preds, 0, 'ba', base)} f1 ${summary(preds, 0, 'f1', base)} | EQA auroc ${summary(preds, 2, 'auroc', base)} | CC ba ${summary(preds, 1, 'ba', base)} | hit1 WiCE ${summary(preds, 0, 'hit1', base)} CC ${summary(preds, 1, 'hit1', base)}`;
  console.log(`${v.name} (${((Date.now() - t) / 1000).toFixed(0)} s)\n   ${line.join('\n   ')}${diff}`);
  if (v.grid.length > 1) console.log(`   chosen in the ${REPEATS * FOLDS} outer folds: ${Object.entries(chosen).map(([key, m]) => `${key} ${[...m].sort((a, b) => a[0] - b[0]).map(([x, n]) => `${x}×${n}`).join(' ')}`).join('; ')}`);
  if (values.spread) {
    const sd = (xs: number[]) => Math.sqrt(xs.reduce((a, x) => a + (x - xs.reduce((b, y) => b + y, 0) / xs.length) ** 2, 0) / (xs.length - 1));
    const fmt = (xs: number[]) => `sd ${sd(xs).toFixed(DIGITS)}, range ${Math.min(...xs).toFixed(DIGITS)}–${Math.max(...xs).toFixed(DIGITS)}`;
    const w = rows.map((_, i) => i).filter((i) => rows[i].dataset === 0);
    const f1s = preds.map((p) => metric('f1', p, w) ?? NaN);
    const bas = preds.map((p) => metric('ba', p, w) ?? NaN);
    const blocks = [];
    for (let b = 0; b + 5 <= f1s.length; b += 5) blocks.push(f1s.slice(b, b + 5).reduce((a, x) => a + x, 0) / 5);
    console.log(`   partial threshold in the ${foldPartials.length} outer folds: ${fmt(foldPartials)}${PARTIAL_BAGGED ? `; unit-weight search ≠ fitPartial in ${bagMismatch} folds` : ''}`);
    if (PARTIAL_CALIBRATED) {
      const ns = calibratedPools.map((c) => c.n);
      const shares = calibratedPools.map((c) => c.share);
      const as = calibratedPools.map((c) => c.a);
      console.log(`   calibrated pool: claims ${Math.min(...ns)}–${Math.max(...ns)}, share not unsupported ${Math.min(...shares).toFixed(3)}–${Math.max(...shares).toFixed(3)}, slope a ${Math.min(...as).toFixed(2)}–${Math.max(...as).toFixed(2)}; slope not positive in ${calibratedFlat} outer folds`);
    }
    console.log(`   per repeat, WiCE macro-F1 ${fmt(f1s)}; balanced accuracy ${fmt(bas)}; means of five ${blocks.map((x) => x.toFixed(4)).join(' ')}`);
    console.log(`   per-repeat WiCE macro-F1: ${f1s.map((x) => x.toFixed(4)).join(' ')}`);
  }
  if (values.confusion) {
    // WiCE three-way confusion summed over the repeats, gold rows × given columns.
    const m = LABELS.map(() => LABELS.map(() => 0));
    for (const p of preds) rows.forEach((r, i) => r.dataset === 0 && m[LABELS.indexOf(r.label)][LABELS.indexOf(p[i].verdict)]++);
    console.log('   WiCE confusion (gold × given, summed over repeats):', JSON.stringify(m));
  }
}
if (values.save) writeFileSync(values.save, JSON.stringify(saved));
// In-sample ceilings on WiCE (not a figure: how far a threshold alone could go).
const w = rows.filter((r) => r.dataset === 0);
for (const key of ['c3w3', 'c2w3', 'c3w4']) {
  let bestBa = 0;
  for (const t of GRID) bestBa = Math.max(bestBa, balancedAccuracy(w.map((r) => (r.cov[key] ?? 0) * veto(0.4, r.numbers) * veto(0.4, r.names) >= t), w.map((r) => r.label === 'supported')) ?? 0);
  const au = auroc(w.map((r) => (r.cov[key] ?? 0) * veto(0.4, r.numbers) * veto(0.4, r.names)), w.map((r) => r.label === 'supported'));
  console.log(`in-sample WiCE ${key} floor 0.4: auroc ${au?.toFixed(3)} best BA ${bestBa.toFixed(3)}`);
}
