import { describe, expect, it } from 'vitest';
import { analyse } from '../../utils/match/index';
import { indexSource } from '../../utils/match/source';
import { numbersAtClaimPrecision, partWindowCoverage, powerMean } from './round13';

const retrieval = (claim: string, text: string) => {
  const r = analyse(claim, [indexSource('s', text)]).retrieval;
  if (!r) throw new Error('no retrieval');
  return r;
};

describe('round 13 candidates', () => {
  it('power mean: 1 is the mean, 0 the geometric mean, lower exponents weigh the weakest more', () => {
    expect(powerMean([1, 0.5], 1)).toBeCloseTo(0.75, 9);
    expect(powerMean([1, 0.25], 0)).toBeCloseTo(0.5, 9);
    expect(powerMean([1, 0], 0)).toBe(0);
    expect(powerMean([1, 0.25], 0.5)).toBeCloseTo(0.5625, 9);
    expect(powerMean([], 1)).toBe(0);
  });

  it('a bare year does not state a claim date with its month; the full date or the month named elsewhere does', () => {
    const claim = 'The harbour festival moved to Kirkwall in October 2018.';
    const bare = retrieval(claim, 'The harbour festival moved to Kirkwall in 2018.\nTickets sold out.');
    expect(bare.analysis.terms.find((t) => t.kind === 'number')).toBeDefined();
    // Shipped: found (a year agrees with a date at the coarser precision).
    expect(bare.anywhere[bare.analysis.terms.findIndex((t) => t.kind === 'number')]).toBe(true);
    expect(numbersAtClaimPrecision(bare)).toBe(0);
    expect(numbersAtClaimPrecision(retrieval(claim, 'The harbour festival moved to Kirkwall on 3 October 2018.'))).toBe(1);
    expect(numbersAtClaimPrecision(retrieval(claim, 'The harbour festival moved to Kirkwall in 2018.\nIt opened in October.'))).toBe(1);
    // A year alone in the claim is found by a year, as shipped.
    expect(numbersAtClaimPrecision(retrieval('The harbour festival moved to Kirkwall in 2018.', 'The harbour festival moved to Kirkwall in October 2018.'))).toBe(1);
  });

  it('part window: a part whose words are found only in windows far apart is not covered whole', () => {
    const far = ['The museum opened a new wing in the spring.', 'Visitors came.', 'Visitors came.', 'Visitors came.', 'The gallery shop sold maps of the coast.'].join('\n');
    const together = 'The museum opened a new wing and sold maps of the coast in its shop.';
    const claim = 'The museum opened a new wing and sold coast maps.';
    expect(partWindowCoverage(retrieval(claim, together))).toBeCloseTo(1, 9);
    const r = retrieval(claim, far);
    expect(partWindowCoverage(r)).toBeCloseTo(1, 9);
    const single = retrieval('The museum wing sold coast maps.', far);
    expect(partWindowCoverage(single)).toBeLessThan(1);
  });
});
