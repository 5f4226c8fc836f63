/**
 * The first passage among scored windows under a lab ranking, with the product's tie-break: the
 * shorter window, then the earlier one (utils/match/passages.ts orders its windows the same way).
 */
export interface RankedWindow {
  sentences: number;
  from: number;
}

export function firstRanked<C extends RankedWindow>(candidates: readonly C[], rank: (c: C) => number): C | null {
  let best: C | null = null;
  let bestValue = -Infinity;
  for (const c of candidates) {
    const v = rank(c);
    if (v > bestValue + 1e-12 || (best && Math.abs(v - bestValue) <= 1e-12 && (c.sentences < best.sentences || (c.sentences === best.sentences && c.from < best.from)))) {
      best = c;
      bestValue = v;
    }
  }
  return best;
}
