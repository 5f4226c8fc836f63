import { describe, expect, it } from 'vitest';
import { calibrated, decide, DEFAULT_PARAMS, loadParams, rawScore } from './model';
import weights from './weights.json';

describe('weights.json', () => {
  it('is checked with its schema when loaded', () => {
    expect(loadParams(weights)).toEqual(DEFAULT_PARAMS);
  });

  it.each([
    ['a missing threshold', { ...weights, thresholds: { supported: 0.5, everyPart: 0.3 } }, /thresholds\.partial/],
    ['a floor above 1', { ...weights, score: { floor: 1.5 } }, /score\.floor/],
    ['a partial threshold above the supported one', { ...weights, thresholds: { supported: 0.3, partial: 0.6, everyPart: 0 } }, /partial threshold above supported/],
    ['a calibration that is not a number', { ...weights, calibration: { a: 'x', b: 0 } }, /calibration\.a/],
  ])('refuses %s, naming the field', (_label, raw, message) => {
    expect(() => loadParams(raw)).toThrow(message);
  });
});

describe('the score', () => {
  const f = { coverage: 0.8, chunks: [0.8], numbers: 1, names: 1 };
  it.each([
    ['every number and name found', f, 0, 0.8],
    ['a number missing, full veto', { ...f, numbers: 0 }, 0, 0],
    ['a number missing, floor 0.5', { ...f, numbers: 0 }, 0.5, 0.4],
    ['half the names missing, floor 0.5', { ...f, names: 0.5 }, 0.5, 0.6],
  ])('%s', (_label, factors, floor, score) => {
    expect(rawScore({ floor }, factors)).toBeCloseTo(score, 6);
  });

  it('is calibrated by a rising curve between 0 and 1', () => {
    const params = { ...DEFAULT_PARAMS, calibration: { a: 4, b: -2 } };
    expect(calibrated(params, 0.5)).toBeCloseTo(0.5, 6);
    expect(calibrated(params, 0.2)).toBeLessThan(calibrated(params, 0.8));
  });
});

describe('the verdict', () => {
  const t = { supported: 0.6, partial: 0.3, everyPart: 0.3 };
  const parts = (...best: number[]) => ({ best, stated: 0.5 });
  it.each([
    ['a reliable contradiction wins', 0.9, true, parts(1), 'contradicted'],
    ['the supported score with every part held', 0.7, false, parts(1, 0.4), 'supported'],
    ['the supported score with a part barely found', 0.7, false, parts(1, 0.1), 'partial'],
    ['the partial score', 0.4, false, parts(0.2), 'partial'],
    ['a low score but one part stated', 0.1, false, parts(0.6, 0), 'partial'],
    ['a low score, nothing stated', 0.1, false, parts(0.2, 0.1), 'unsupported'],
    ['a low score, a claim of one part', 0.1, false, parts(0.6), 'unsupported'],
  ] as const)('%s → %s', (_label, raw, contradicted, p, verdict) => {
    expect(decide(t, raw, contradicted, p)).toBe(verdict);
  });

  // The vetoes decide `supported` only: the partial threshold reads the coverage.
  it.each([
    ['a number missing (score 0) but most words covered', 0, 0.7, parts(0.7), 'partial'],
    ['a number missing and little covered', 0, 0.2, parts(0.2), 'unsupported'],
    ['a score under supported, the coverage above partial', 0.25, 0.5, parts(0.5), 'partial'],
    ['a high coverage never makes a vetoed claim supported', 0, 0.95, parts(0.95), 'partial'],
  ] as const)('%s → %s', (_label, raw, coverage, p, verdict) => {
    expect(decide(t, raw, false, p, coverage)).toBe(verdict);
  });
});
