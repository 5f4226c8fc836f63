/**
 * Lab: score and verdict variants measured under the nested protocol of `scripts/fit-match.ts`
 * (outer folds grouped by source text, repeated; every choice inside the training folds; cluster
 * bootstrap intervals), without writing anything. Each variant is a function of cached per-claim
 * quantities, so many can be compared in one run.
 *
 *   npx tsx scripts/match-lab/explore.ts [--repeats 5] [--boot 300] [--only name,name] [--save f.json | --against f.json]
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { auroc, balancedAccuracy, bootstrap, fitPlatt, foldOf, GRID, macroF1, type Scored as CvScored, type Thresholds } from './cv';
import { DEFAULT_PARAMS } from '../../utils/match/index';
import { readArgs } from '../lib/args';
import { buildRows, type Row } from './rows';

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
});
const REPEATS = Number(values.repeats);
const FOLDS = Number(values.folds);
const BOOT = Number(values.boot);
const INNER = 4;
const DIGITS = 4;
const LABELS = ['supported', 'partial', 'unsupported'];
const files = ['wice-dev.jsonl', 'checkcovid-dev.jsonl', 'expertqa-dev.jsonl'].map((f) => path.resolve(repoRoot, '../shared/eval', f));

const rows: Row[] = values.rows && existsSync(values.rows) ? JSON.parse(readFileSync(values.rows, 'utf8')) : buildRows(files);
if (values.rows && !existsSync(values.rows)) writeFileSync(values.rows, JSON.stringify(rows));

/** A variant: a score from a row and a selection, the selection grid, and how thresholds are fitted. */
interface Variant {
  name: string;
  grid: Record<string, number>[];
  score: (r: Row, sel: Record<string, number>) => number;
  /** Datasets whose balanced accuracy the supported threshold maximises (mean). */
  baOn: number[];
  /** Datasets whose inner-CV figures choose the selection. */
  selectOn: number[];
  /**
   * How the supported threshold is set: the grid step of best balanced accuracy, or where the
   * Platt-calibrated probability (fitted on the same rows) reaches their share supported, which
   * is where balanced accuracy is best in expectation.
   */
  method?: 'maxBA' | 'prevalence';
  /** What the "every part" rule reads: the claim's parts (shipped) or its chunks. */
  every?: 'parts' | 'chunks' | 'partRatio' | 'chunkRatio';
  /** What `partial` is decided on: the score and the stated-part rule (shipped), or the best chunk, or the best part. */
  partialOn?: 'score' | 'maxChunk' | 'maxPart' | 'anywhere';
  /** Round 7: what the partial threshold reads (the score when absent). */
  partialScore?: (r: Row, sel: Record<string, number>) => number;
  /** Round 7: the stated-part rule for a claim of one part too. */
  singleStated?: boolean;
  /** Round 7: a further condition for `supported`. */
  guard?: (r: Row, sel: Record<string, number>) => boolean;
}

const veto = (f: number, s: number) => f + (1 - f) * s;
const FLOORS = [0, 0.2, 0.4, 0.6, 0.8, 1];
const EVERY = [0, 0.2, 0.3, 0.4, 0.5];
const grid2 = FLOORS.flatMap((floor) => EVERY.map((everyPart) => ({ floor, everyPart })));
const product = (key: string) => (r: Row, s: Record<string, number>) => (r.cov[key] ?? 0) * veto(s.floor, r.numbers) * veto(s.floor, r.names);

function scoredOf(rs: Row[], v: Variant, sel: Record<string, number>): Scored[] {
  return rs.map((r) => ({
    dataset: r.dataset,
    label: r.label,
    score: v.score(r, sel),
    contradicted: r.contradicted,
    parts: { best: r.parts, stated: sel.partStated ?? DEFAULT_PARAMS.partStated },
    every: everyOf(r, v),
    partialBy: partialBy(r, v),
    partialScore: v.partialScore ? v.partialScore(r, sel) : null,
    singleStated: v.singleStated ?? false,
    guard: v.guard ? v.guard(r, sel) : true,
  }));
}

/** What the "every part" threshold reads: parts, chunks, or the weakest over the strongest of either. */
function everyOf(r: Row, v: Variant): number[] {
  const ratio = (xs: number[]) => [Math.max(...xs) > 0 ? Math.min(...xs) / Math.max(...xs) : 0];
  if (v.every === 'chunks') return r.chunks;
  if (v.every === 'partRatio') return ratio(r.parts);
  if (v.every === 'chunkRatio') return ratio(r.chunks);
  return r.parts;
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
  const partial = PARTIAL_BY_SHARE ? partialByShare(rows, supported, baOn) : PARTIAL_BY_PLATT ? partialByPlatt(on, supported) : fitPartial(rows, supported, everyPart);
  return { supported, partial, everyPart };
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
}

function run(v: Variant): Pred[][] {
  PARTIAL_BY_SHARE = v.name.includes('partial by share');
  PARTIAL_BY_PLATT = v.name.includes('partial by Platt');
  const out: Pred[][] = [];
  for (let rep = 0; rep < REPEATS; rep++) {
    const p: Pred[] = new Array(rows.length);
    for (let k = 0; k < FOLDS; k++) {
      const train = rows.filter((r) => foldOf(r.group, FOLDS, rep) !== k);
      const sel = choose(v, train, rep * 100 + k);
      const t = fitT(scoredOf(train, v, sel), sel.everyPart ?? 0, v.baOn, v.method);
      rows.forEach((r, i) => {
        if (foldOf(r.group, FOLDS, rep) !== k) return;
        const s = scoredOf([r], v, sel)[0];
        p[i] = { score: s.score, verdict: threeWayAt(s, t) };
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
type Scored = CvScored & { every: number[]; partialBy: number | null; partialScore: number | null; singleStated: boolean; guard: boolean };
/** `decide` of utils/match/model.ts with the "every part" rule on `every`; contradicted → unsupported. */
function threeWayAt(r: Scored, t: Thresholds): string {
  if (r.contradicted) return 'unsupported';
  if (r.score >= t.supported && r.guard && r.every.every((c) => c >= t.everyPart)) return 'supported';
  if (r.partialBy !== null) return r.partialBy >= t.partial ? 'partial' : 'unsupported';
  const stated = (r.parts.best.length > 1 || r.singleStated) && r.parts.best.some((c) => c >= r.parts.stated);
  if ((r.partialScore ?? r.score) >= t.partial || stated) return 'partial';
  return 'unsupported';
}

const ALL = [0, 1, 2];
const variants: Variant[] = [];
for (const key of ['c3w3', 'c2w3', 'c3w2', 'c3w4']) {
  variants.push({ name: `${key} maxBA all`, grid: grid2, score: product(key), baOn: ALL, selectOn: ALL });
  variants.push({ name: `${key} maxBA WiCE`, grid: grid2, score: product(key), baOn: [0], selectOn: ALL });
  variants.push({ name: `${key} prevalence WiCE`, grid: grid2, score: product(key), baOn: [0], selectOn: ALL, method: 'prevalence' });
  variants.push({ name: `${key} prevalence all`, grid: grid2, score: product(key), baOn: ALL, selectOn: ALL, method: 'prevalence' });
}
const EVERY_CHUNK = [0, 0.2, 0.34, 0.5, 0.67];
const gridChunks = FLOORS.flatMap((floor) => EVERY_CHUNK.map((everyPart) => ({ floor, everyPart })));
variants.push({ name: 'every chunk, prevalence WiCE', grid: gridChunks, score: product('c3w3'), baOn: [0], selectOn: ALL, method: 'prevalence', every: 'chunks' });
variants.push({ name: 'every chunk, maxBA all', grid: gridChunks, score: product('c3w3'), baOn: ALL, selectOn: ALL, every: 'chunks' });
for (const partialOn of ['maxChunk', 'maxPart', 'anywhere'] as const) {
  variants.push({ name: `partial on ${partialOn}, prevalence WiCE`, grid: grid2, score: product('c3w3'), baOn: [0], selectOn: ALL, method: 'prevalence', partialOn });
}
variants.push({ name: 'no synonyms, prevalence WiCE', grid: grid2, score: product('c3w3plain'), baOn: [0], selectOn: ALL, method: 'prevalence' });
variants.push({ name: 'partial by share, prevalence WiCE', grid: grid2, score: product('c3w3'), baOn: [0], selectOn: ALL, method: 'prevalence' });
variants.push({ name: 'lone one not a number, prevalence WiCE', grid: grid2, score: (r, s) => (r.cov.c3w3 ?? 0) * veto(s.floor, r.numbersNoOne) * veto(s.floor, r.names), baOn: [0], selectOn: ALL, method: 'prevalence' });
// Round 5.
const pw = (r: Row, s: Record<string, number>, cov: number, numbers = r.numbers, names = r.names) => cov * veto(s.floor, numbers) * veto(s.floor, names);
for (const key of ['g1', 'g5', 'g3']) variants.push({ name: `idf ${key}, prevalence WiCE`, grid: grid2, score: product(`c3w3${key}`), baOn: [0], selectOn: ALL, method: 'prevalence' });
variants.push({ name: 'names not ordinary, prevalence WiCE', grid: grid2, score: (r, s) => pw(r, s, r.cov.c3w3 ?? 0, r.numbers, r.namesOrdinary), baOn: [0], selectOn: ALL, method: 'prevalence' });
variants.push({ name: 'names loose, prevalence WiCE', grid: grid2, score: (r, s) => pw(r, s, r.cov.c3w3 ?? 0, r.numbers, r.namesLoose), baOn: [0], selectOn: ALL, method: 'prevalence' });
variants.push({ name: 'numbers rounded, prevalence WiCE', grid: grid2, score: (r, s) => pw(r, s, r.cov.c3w3 ?? 0, r.numbersRounded), baOn: [0], selectOn: ALL, method: 'prevalence' });
variants.push({ name: 'names loose not ordinary, prevalence WiCE', grid: grid2, score: (r, s) => pw(r, s, r.cov.c3w3 ?? 0, r.numbers, r.namesLooseOrdinary), baOn: [0], selectOn: ALL, method: 'prevalence' });
const RATIO = [0, 0.2, 0.4, 0.6, 0.8];
const gridRatio = FLOORS.flatMap((floor) => RATIO.map((everyPart) => ({ floor, everyPart })));
variants.push({ name: 'part ratio, prevalence WiCE', grid: gridRatio, score: product('c3w3'), baOn: [0], selectOn: ALL, method: 'prevalence', every: 'partRatio' });
variants.push({ name: 'chunk ratio, prevalence WiCE', grid: gridRatio, score: product('c3w3'), baOn: [0], selectOn: ALL, method: 'prevalence', every: 'chunkRatio' });
variants.push({ name: 'loose prefixes, prevalence WiCE', grid: grid2, score: product('c3w3loose'), baOn: [0], selectOn: ALL, method: 'prevalence' });
variants.push({ name: 'loose prefixes and names, prevalence WiCE', grid: grid2, score: (r, s) => pw(r, s, r.cov.c3w3loose ?? 0, r.numbers, r.namesLooseOrdinary), baOn: [0], selectOn: ALL, method: 'prevalence' });
// How verbatim a claim is (ExpertQA's steadiest signal), averaged into the coverage: no new parameter.
variants.push({ name: 'verbatim copied, prevalence WiCE', grid: grid2, score: (r, s) => pw(r, s, ((r.cov.c3w3 ?? 0) + r.copied) / 2), baOn: [0], selectOn: ALL, method: 'prevalence' });
variants.push({ name: 'verbatim pairs, prevalence WiCE', grid: grid2, score: (r, s) => pw(r, s, ((r.cov.c3w3 ?? 0) + r.contentPairs) / 2), baOn: [0], selectOn: ALL, method: 'prevalence' });
variants.push({ name: 'verbatim max, prevalence WiCE', grid: grid2, score: (r, s) => pw(r, s, Math.max(r.cov.c3w3 ?? 0, r.copied)), baOn: [0], selectOn: ALL, method: 'prevalence' });
variants.push({ name: 'partial by Platt, prevalence WiCE', grid: grid2, score: product('c3w3'), baOn: [0], selectOn: ALL, method: 'prevalence' });
variants.push({ name: 'combined: g5, names loose not ordinary, part ratio', grid: gridRatio, score: (r, s) => pw(r, s, r.cov.c3w3g5 ?? 0, r.numbers, r.namesLooseOrdinary), baOn: [0], selectOn: ALL, method: 'prevalence', every: 'partRatio' });
variants.push({ name: 'combined: names loose not ordinary, part ratio', grid: gridRatio, score: (r, s) => pw(r, s, r.cov.c3w3 ?? 0, r.numbers, r.namesLooseOrdinary), baOn: [0], selectOn: ALL, method: 'prevalence', every: 'partRatio' });
// Round 7: the floor fixed at 0 (a full veto), its parameter spent elsewhere.
const grid0 = EVERY.map((everyPart) => ({ floor: 0, everyPart }));
const with0 = (key: string, xs: number[]) => EVERY.flatMap((everyPart) => xs.map((x) => ({ floor: 0, everyPart, [key]: x })));
const r7 = (name: string, v: Partial<Variant>) => variants.push({ name: `r7 ${name}`, grid: grid0, score: product('c3w3'), baOn: [0], selectOn: ALL, method: 'prevalence', ...v });
const PART_SHARE = [0.3, 0.4, 0.5, 0.6, 0.7];
r7('floor 0', {});
r7('floor 0, part share', { grid: with0('partStated', PART_SHARE) });
r7('floor 0, partial on coverage', { partialScore: (r) => r.cov.c3w3 ?? 0 });
r7('floor 0, partial on coverage, part share', { grid: with0('partStated', PART_SHARE), partialScore: (r) => r.cov.c3w3 ?? 0 });
r7('floor 0, best part of any claim', { grid: with0('partStated', [0.4, 0.5, 0.6, 0.7, 0.8]), singleStated: true });
r7('floor 0, best window share', { grid: with0('e', [0, 0.25, 0.5, 0.75, 1]), score: (r, s) => (r.cov.c3w3 ?? 0) ** (1 - s.e) * (r.cov.c99w3 ?? 0) ** s.e * r.numbers * r.names });
r7('floor 0, best window guard', { grid: with0('g', [0, 0.5, 0.7, 0.85, 1]), guard: (r, s) => (r.cov.c99w3 ?? 0) >= s.g * (r.cov.c3w3 ?? 0) - 1e-9 });
r7('floor 0, negation veto', { guard: (r) => !r.negationUnmatched });
r7('floor 0, hedge veto', { guard: (r) => !r.claimHedge });
r7('floor 0, common words', { grid: with0('c', [0, 0.15, 0.3, 0.45, 0.6]), score: (r, s) => (r.cov.c3w3 ?? 0) * (1 - s.c * r.common) * r.numbers * r.names });
// Round 7, second pass: against the floor fixed at 0 with `partial` read on the coverage without the vetoes.
const cov0 = (r: Row) => r.cov.c3w3 ?? 0;
const r7b = (name: string, v: Partial<Variant>) => r7(`b ${name}`, { partialScore: cov0, ...v });
r7b('partial on coverage', {});
r7b('no stated-part rule', { grid: with0('partStated', [2]) });
const blend = (r: Row, e: number) => (r.cov.c3w3 ?? 0) ** (1 - e) * (r.cov.c99w3 ?? 0) ** e;
r7b('best window share', { grid: with0('e', [0, 0.25, 0.5, 0.75, 1]), score: (r, s) => blend(r, s.e) * r.numbers * r.names, partialScore: (r, s) => blend(r, s.e) });
r7b('best window share, partial on chunks', { grid: with0('e', [0, 0.25, 0.5, 0.75, 1]), score: (r, s) => blend(r, s.e) * r.numbers * r.names });
r7b('hedge veto', { guard: (r) => !r.claimHedge });
r7b('negation veto', { guard: (r) => !r.negationUnmatched });
r7b('best part of any claim', { grid: with0('partStated', [0.4, 0.5, 0.6, 0.7, 0.8]), singleStated: true });
r7b('partial on coverage, names veto kept', { partialScore: (r) => cov0(r) * r.names });
r7b('partial on coverage, numbers veto kept', { partialScore: (r) => cov0(r) * r.numbers });
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
    return `${name} auroc ${summary(preds, d, 'auroc')} ba ${summary(preds, d, 'ba')}${d === 0 ? ` f1 ${summary(preds, d, 'f1')}` : ''}`;
  });
  const diff = preds === base || !base ? '' : `\n   Δ WiCE auroc ${summary(preds, 0, 'auroc', base)} ba ${summary(preds, 0, 'ba', base)} f1 ${summary(preds, 0, 'f1', base)} | EQA auroc ${summary(preds, 2, 'auroc', base)} | CC ba ${summary(preds, 1, 'ba', base)}`;
  console.log(`${v.name} (${((Date.now() - t) / 1000).toFixed(0)} s)\n   ${line.join('\n   ')}${diff}`);
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
