/**
 * The earlier score: a logistic model over the lab features (`LOGISTIC_FEATURES`), with a supported
 * threshold, a partial threshold and a part-coverage gate, as it was shipped before the product
 * score. Kept to compare the two under the same cross-validation.
 */
import { balancedAccuracy, macroF1 } from '../eval-lib';
import { GRID } from './cv';
import { LOGISTIC_FEATURES, type LabFeatures } from './features';

export interface LogisticModel {
  features: (keyof LabFeatures)[];
  coefficients: number[];
  intercept: number;
  supported: number;
  partial: number;
  /** A part counts as covered at this share of its weighted key words. */
  partCovered: number;
  /**
   * Edit veto (0 or absent: off): a claim copied at this share or more whose best passage
   * disagrees (`edited`) is not `supported`.
   */
  editCopied?: number;
}

export interface LabRow {
  dataset: number;
  label: string;
  lab: LabFeatures;
}

/** Weighted logistic regression (each dataset and class weighted equally), Newton's method, small ridge. */
export function fitLogistic(rows: LabRow[], features = LOGISTIC_FEATURES, ridge = 1e-3): LogisticModel {
  const nDatasets = new Set(rows.map((r) => r.dataset)).size;
  const count = new Map<string, number>();
  for (const r of rows) count.set(`${r.dataset}/${r.label === 'supported'}`, (count.get(`${r.dataset}/${r.label === 'supported'}`) ?? 0) + 1);
  const w = rows.map((r) => 1 / (2 * nDatasets * count.get(`${r.dataset}/${r.label === 'supported'}`)!));
  const x = rows.map((r) => [...features.map((f) => r.lab[f]), 1]);
  const y = rows.map((r) => (r.label === 'supported' ? 1 : 0));
  const d = features.length + 1;
  const beta = new Array<number>(d).fill(0);
  for (let iter = 0; iter < 50; iter++) {
    const grad = new Array<number>(d).fill(0);
    const hess = Array.from({ length: d }, () => new Array<number>(d).fill(0));
    for (let i = 0; i < x.length; i++) {
      let z = 0;
      for (let j = 0; j < d; j++) z += beta[j] * x[i][j];
      const p = 1 / (1 + Math.exp(-z));
      const g = (p - y[i]) * w[i];
      const h = p * (1 - p) * w[i];
      for (let j = 0; j < d; j++) {
        grad[j] += g * x[i][j];
        for (let k = 0; k < d; k++) hess[j][k] += h * x[i][j] * x[i][k];
      }
    }
    for (let j = 0; j < d - 1; j++) {
      grad[j] += ridge * beta[j];
      hess[j][j] += ridge;
    }
    const step = solve(hess, grad);
    let moved = 0;
    for (let j = 0; j < d; j++) {
      beta[j] -= step[j];
      moved = Math.max(moved, Math.abs(step[j]));
    }
    if (moved < 1e-6) break;
  }
  return { features, coefficients: beta.slice(0, d - 1), intercept: beta[d - 1], supported: 0.5, partial: 0.5, partCovered: 0.4 };
}

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

export function logisticScore(model: Pick<LogisticModel, 'features' | 'coefficients' | 'intercept'>, f: LabFeatures): number {
  let z = model.intercept;
  model.features.forEach((name, j) => (z += model.coefficients[j] * f[name]));
  return 1 / (1 + Math.exp(-z));
}

/** The earlier verdict: contradicted first; supported needs every part covered; partial on either threshold. */
export function logisticDecide(model: Pick<LogisticModel, 'supported' | 'partial' | 'partCovered' | 'editCopied'>, f: LabFeatures, score: number): string {
  if (f.conflict > 0) return 'contradicted';
  const vetoed = (model.editCopied ?? 0) > 0 && f.edited > 0 && f.copied >= model.editCopied!;
  if (!vetoed && score >= model.supported && f.weakestPart >= model.partCovered) return 'supported';
  if (score >= model.partial || f.strongestPart >= model.partCovered) return 'partial';
  return 'unsupported';
}

/** Thresholds and part gate as the earlier fitting script chose them: mean balanced accuracy, then macro-F1. */
export function fitLogisticThresholds(rows: LabRow[], base: LogisticModel): LogisticModel {
  const model = { ...base };
  const scores = rows.map((r) => logisticScore(model, r.lab));
  const datasets = [...new Set(rows.map((r) => r.dataset))];
  const idx = datasets.map((d) => rows.map((_, i) => i).filter((i) => rows[i].dataset === d));
  const grid = GRID.filter((_, i) => i % 2 === 1);
  let bestBa = -1;
  for (const partCovered of [0.4, 0.5, 0.6, 0.7, 0.8]) {
    for (const supported of grid) {
      const trial = { ...model, supported, partCovered, partial: 0 };
      const ba = idx.reduce((s, ix) => s + (balancedAccuracy(ix.map((i) => logisticDecide(trial, rows[i].lab, scores[i]) === 'supported'), ix.map((i) => rows[i].label === 'supported')) ?? 0.5), 0) / idx.length;
      if (ba > bestBa) {
        bestBa = ba;
        model.supported = supported;
        model.partCovered = partCovered;
      }
    }
  }
  const three = idx.filter((ix) => new Set(ix.map((i) => rows[i].label)).size === 3);
  let bestF1 = -1;
  for (const partial of grid.filter((g) => g <= model.supported)) {
    const trial = { ...model, partial };
    const f1 = three.reduce((s, ix) => {
      const verdict = ix.map((i) => logisticDecide(trial, rows[i].lab, scores[i])).map((v) => (v === 'contradicted' ? 'unsupported' : v));
      return s + macroF1(verdict, ix.map((i) => rows[i].label), ['supported', 'partial', 'unsupported']);
    }, 0);
    if (f1 > bestF1) {
      bestF1 = f1;
      model.partial = partial;
    }
  }
  return model;
}
