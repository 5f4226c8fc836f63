import { describe, expect, it } from 'vitest';
import { macroF1 } from '../eval-lib';
import { argmaxPartial, baggedPartial, GRID, macroF1ByPartial, type PartialStep } from './cv';

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
