/**
 * Lab, round 12: what a window does in a scientific abstract (aim or method only, or a finding;
 * `abstract.ts` reads the cues), and the shown order's value with a later use of a bracketed
 * abbreviation counted as its phrase's claim terms.
 */
import type { Retrieval, Window } from '../../../utils/match/passages';
import { abbreviationsOf, type SourceIndex } from '../../../utils/match/source';
import { aimOnly, reportsFinding } from '../abstract';

export interface AbstractCredit {
  aimOnly: boolean;
  finding: boolean;
  abbreviated: number;
}

export function abstractCredit(source: SourceIndex, lines: string[], retrieval: Retrieval, penalty: number): (w: Window) => AbstractCredit {
  const { analysis, termWeights, total } = retrieval;
  const credited = analysis.terms.map((t, i) => (t.kind !== 'number' && !source.postings.has(t.stem) ? 0.5 : 1) * termWeights[i]);
  const aims = lines.map(aimOnly);
  const findings = lines.map(reportsFinding);
  const standsFor = analysis.terms.map(() => new Set<number>());
  for (const def of abbreviationsOf(source)) {
    const terms = analysis.terms.flatMap((t, i) => (t.kind !== 'number' && def.phrase.includes(t.stem) ? [i] : []));
    for (const k of def.usedIn) for (const i of terms) standsFor[i].add(k);
  }
  const abbreviatedShown = (w: Window): number => {
    let added = false;
    let got = 0;
    w.matched.forEach((m, i) => {
      if (m) got += credited[i];
      else if ([...standsFor[i]].some((k) => k >= w.from && k <= w.to)) {
        got += credited[i];
        added = true;
      }
    });
    return added ? Math.max(0, got / total - penalty * (w.to - w.from)) : w.shown;
  };
  return (w) => ({
    aimOnly: aims.slice(w.from, w.to + 1).every(Boolean),
    finding: findings.slice(w.from, w.to + 1).some(Boolean),
    abbreviated: abbreviatedShown(w),
  });
}
