/**
 * Lab, round 13 (pre-registered in docs/matcher-notes.md): three score candidates aimed at partial
 * claims called supported. Each is a quantity of one claim's retrieval; `variants.ts` turns them
 * into scores.
 */
import { fieldsFound, monthOf, type CalendarDate } from '../../utils/match/dates';
import { partCoverage } from '../../utils/match/features';
import type { Retrieval } from '../../utils/match/passages';

/** Candidate 1: the power mean of `xs` at exponent `p` (p = 0: the geometric mean, 0 when any is 0). */
export function powerMean(xs: number[], p: number): number {
  if (xs.length === 0) return 0;
  if (p === 0) {
    if (xs.some((x) => x <= 0)) return 0;
    return Math.exp(xs.reduce((a, x) => a + Math.log(x), 0) / xs.length);
  }
  const m = xs.reduce((a, x) => a + x ** p, 0) / xs.length;
  return m ** (1 / p);
}

/**
 * Candidate 2: the share of the claim's numbers found, where a claim date that writes a month (or
 * a day) is found only where a source date writes each of its fields with the same values, or
 * where each field is found on its own somewhere (`fieldsFound`, as shipped). A bare year no
 * longer states "October 2018" by agreeing at the coarser precision.
 */
export function numbersAtClaimPrecision(r: Retrieval): number {
  let n = 0;
  let got = 0;
  let dates: CalendarDate[] | null = null;
  const months = new Set<number>();
  const collect = (): CalendarDate[] => {
    const out: CalendarDate[] = [];
    for (const source of r.sources) {
      for (let s = 0; s < source.bodyEnd; s++) {
        const sentence = source.sentences[s];
        for (const m of sentence.numbers) if (m.date) out.push(...m.date);
        for (let k = sentence.tokenFrom; k < sentence.tokenTo; k++) {
          const month = monthOf(source.tokens[k]);
          if (month !== undefined) months.add(month);
        }
      }
    }
    return out;
  };
  r.analysis.terms.forEach((t, i) => {
    if (t.kind !== 'number') return;
    n++;
    if (!r.anywhere[i]) return;
    const claimDate = t.number?.date;
    if (!claimDate || !claimDate.some((d) => d.month !== undefined || d.day !== undefined)) {
      got++;
      return;
    }
    dates ??= collect();
    const precise = claimDate.some((c) =>
      dates!.some((d) => (c.year === undefined || d.year === c.year) && (c.month === undefined || d.month === c.month) && (c.day === undefined || d.day === c.day)),
    );
    if (precise || fieldsFound(claimDate, dates, (m) => months.has(m))) got++;
  });
  return n === 0 ? 1 : got / n;
}

/** Candidate 3: each part's best coverage in a single window, weighted by the part's key-word weight. */
export function partWindowCoverage(r: Retrieval): number {
  const { best } = partCoverage(r);
  const totals = new Array<number>(r.analysis.parts).fill(0);
  r.analysis.terms.forEach((t, i) => (totals[t.part] += r.termWeights[i]));
  const sum = totals.reduce((a, b) => a + b, 0);
  return sum > 0 ? totals.reduce((acc, w, p) => acc + w * best[p], 0) / sum : 0;
}
