import { describe, expect, it } from 'vitest';
import { macroF1 } from '../eval-lib';
import { argmaxPartial, baggedPartial, fitPlatt, fitThresholds, GRID, macroF1ByPartial, partialByCalibration, partialStepsOf, platt, type PartialStep, type Scored } from './cv';

const LABELS = ['supported', 'partial', 'unsupported'];
/** Claims of our own: some verdicts fixed, the rest partial when the threshold is at most their coverage. */
const steps: PartialStep[] = [
  { label: 'supported', fixed: 'supported', at: 0 },
  { label: 'partial', fixed: 'supported', at: 0 },
  { label: 'partial', fixed: 'partial', at: 0 },
  { label: 'unsupported', fixed: 'unsupported', at: 0 },
  { label: 'partial', fixed: null, at: 0.42 },
  { label: 'partial', fixed: null, at: 0.3 },
  { label: 'unsupported', fixed: null, at: 0.31 },
  { label: 'unsupported', fixed: null, at: 0.12 },
  { label: 'supported', fixed: null, at: 0.2 },
  { label: 'partial', fixed: null, at: 0.005 },
];
const verdictAt = (s: PartialStep, t: number) => s.fixed ?? (s.at >= t ? 'partial' : 'unsupported');

describe('partial threshold by counting (round 16)', () => {
  it('gives macro-F1 at every grid step as computed claim by claim, a claim counted as often as its weight', () => {
    const weights = [1, 2, 1, 0, 3, 1, 2, 1, 1, 1];
    const curve = macroF1ByPartial(steps, weights);
    const expanded = steps.flatMap((s, i) => Array<PartialStep>(weights[i]).fill(s));
    GRID.forEach((t, g) => {
      expect(curve[g]).toBeCloseTo(macroF1(expanded.map((s) => verdictAt(s, t)), expanded.map((s) => s.label), LABELS), 12);
    });
  });

  it('takes the lowest best step not above the supported threshold, and the plain arg-max with unit weights', () => {
    const curve = macroF1ByPartial(steps, steps.map(() => 1));
    const best = Math.max(...curve.filter((_, g) => GRID[g] <= 0.35));
    const t = argmaxPartial(curve, 0.35);
    expect(t).toBeLessThanOrEqual(0.35);
    expect(curve[GRID.indexOf(t)]).toBe(best);
    expect(GRID.filter((x, g) => x < t && curve[g] >= best - 1e-12)).toEqual([]);
    const groups = steps.map((_, i) => `text ${i % 4}`);
    const bagged = baggedPartial([{ steps, groups }], 0.35, 50, 3);
    expect(bagged.plain).toBe(t);
    expect(GRID).toContain(bagged.partial);
    expect(bagged.partial).toBeLessThanOrEqual(0.35);
    // Seeded: the same resamples give the same median.
    expect(baggedPartial([{ steps, groups }], 0.35, 50, 3).partial).toBe(bagged.partial);
  });
});

describe('partial threshold by a calibrated probability (round 17)', () => {
  it('fits "not unsupported" on the coverage of the claims the threshold decides, and crosses at their share', () => {
    const { partial, a, b, share, n } = partialByCalibration(steps, 0.5);
    // The pool: the six claims whose verdict depends on the threshold; four of them are not unsupported.
    expect(n).toBe(6);
    expect(share).toBeCloseTo(4 / 6, 12);
    const pool = steps.filter((s) => s.fixed === null);
    const fit = fitPlatt(pool.map((s) => s.at), pool.map((s) => s.label !== 'unsupported'));
    expect(a).toBeCloseTo(fit.a, 9);
    expect(b).toBeCloseTo(fit.b, 9);
    // The fixed claims do not enter the fit: changing their labels changes nothing.
    const relabelled = steps.map((s) => (s.fixed === null ? s : { ...s, label: 'unsupported' }));
    expect(partialByCalibration(relabelled, 0.5).partial).toBe(partial);
    // The probability at the threshold is the share (to the rounding of the threshold).
    expect(a).toBeGreaterThan(0);
    expect(partial).toBeGreaterThan(0);
    expect(partial).toBeLessThan(0.5);
    expect(Math.abs(platt({ a, b }, partial) - share)).toBeLessThan(a * 0.0005 + 1e-9);
  });

  it('falls when a claim at the margin becomes not unsupported', () => {
    const base = partialByCalibration(steps, 0.5).partial;
    const flipped = steps.map((s, i) => (i === 6 ? { ...s, label: 'partial' } : s));
    const moved = partialByCalibration(flipped, 0.5).partial;
    expect(moved).not.toBe(base);
    // One more claim not unsupported at coverage 0.31: the threshold falls.
    expect(moved).toBeLessThan(base);
  });

  it('is clamped to the supported threshold, which a slope that is not positive gives too', () => {
    expect(partialByCalibration(steps, 0.05).partial).toBe(0.05);
    const inverted: PartialStep[] = [
      { label: 'unsupported', fixed: null, at: 0.6 },
      { label: 'unsupported', fixed: null, at: 0.5 },
      { label: 'partial', fixed: null, at: 0.1 },
      { label: 'partial', fixed: null, at: 0.2 },
      { label: 'unsupported', fixed: null, at: 0.15 },
    ];
    const r = partialByCalibration(inverted, 0.4);
    expect(r.a).toBeLessThan(0);
    expect(r.partial).toBe(0.4);
  });
});

describe('fitThresholds with the calibrated partial rule (round 17)', () => {
  // Claims of our own, one file with three labels: scores, coverages, parts.
  const one = (label: string, score: number, coverage: number, best: number[] = [coverage], contradicted = false): Scored => ({ dataset: 0, label, score, coverage, contradicted, parts: { best, stated: 0.5 } });
  const rows: Scored[] = [
    one('supported', 0.9, 0.9),
    one('supported', 0.8, 0.85),
    one('partial', 0.75, 0.8),
    one('supported', 0.3, 0.5),
    one('partial', 0.3, 0.45),
    one('partial', 0.2, 0.38),
    one('unsupported', 0.2, 0.4),
    one('partial', 0.1, 0.3),
    one('unsupported', 0.1, 0.25),
    one('unsupported', 0.05, 0.1),
    one('partial', 0.05, 0.2),
    one('unsupported', 0.02, 0.15),
    // Held partial by a stated part, and contradicted: the partial threshold decides neither.
    one('unsupported', 0.3, 0.3, [0.6, 0.1]),
    one('partial', 0.4, 0.42, [0.42], true),
  ];

  it('pools only the claims whose verdict the partial threshold decides', () => {
    const t = fitThresholds(rows, 0.3, 'prevalence', [0], 'calibrated');
    const steps = partialStepsOf(rows, t.supported, 0.3);
    expect(steps[12].fixed).toBe('partial');
    expect(steps[13].fixed).toBe('unsupported');
    expect(steps.filter((s) => s.fixed === null).map((s) => s.at)).toEqual(rows.filter((r) => r.score < t.supported && r.parts.best.length === 1 && !r.contradicted).map((r) => r.coverage));
    expect(t.partial).toBe(partialByCalibration(steps, t.supported).partial);
    expect(t.partial).toBeGreaterThan(0);
    expect(t.partial).toBeLessThanOrEqual(t.supported);
    // The macro-F1 rule is the other branch, and still the default.
    expect(fitThresholds(rows, 0.3, 'prevalence', [0]).partial).toBe(fitThresholds(rows, 0.3, 'prevalence', [0], 'macroF1').partial);
  });
});
