import { describe, expect, it } from 'vitest';
import { presencePower } from './round14';

describe('round 14 candidates', () => {
  it('presence at a power: 1 is the shipped share, higher powers weigh one absent name more, Infinity is all or nothing', () => {
    expect(presencePower(0.8, 1)).toBeCloseTo(0.8, 9);
    expect(presencePower(0.8, 2)).toBeCloseTo(0.64, 9);
    expect(presencePower(0.8, 4)).toBeCloseTo(0.4096, 9);
    expect(presencePower(0.8, Infinity)).toBe(0);
    expect(presencePower(0, 2)).toBe(0);
    for (const k of [1, 2, 4, Infinity]) expect(presencePower(1, k)).toBe(1);
  });
});
