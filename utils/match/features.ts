/**
 * What the score is made of, measured on the retrieved passages:
 * - `coverage`: the claim's key terms cut into chunks of three, in claim order; each chunk's best
 *   weighted coverage in any window of one to three sentences; the mean over the chunks. A claim
 *   paraphrased across a passage keeps its chunks covered even where no single window holds
 *   every word, and a claim that adds a clause loses that clause's chunks.
 * - `numbers`: share of the claim's numbers found anywhere in the sources (1 when it has none).
 * - `names`: share of its capitalised non-initial words found anywhere (1 when it has none).
 * The two presence shares do not depend on how closely the claim is worded: they act as vetoes.
 *
 * Also each part's best coverage and window ("X did A" / "and B in 2021"), for the explanation
 * of a partial verdict and the evidence.
 */
import type { AbsentTerm } from '../report/schema';
import type { ClaimTerm } from './claim';
import type { Retrieval, Window } from './passages';

export interface ScoreFactors {
  coverage: number;
  /** Each chunk's best coverage, in claim order. */
  chunks: number[];
  numbers: number;
  names: number;
}

export const CHUNK = 3;

/** Index ranges of the chunks of `n` terms: threes, a lone last term joined to the chunk before. */
export function chunks(n: number, size = CHUNK): [number, number][] {
  const out: [number, number][] = [];
  for (let i = 0; i < n; i += size) out.push([i, Math.min(n, i + size)]);
  if (out.length > 1 && out[out.length - 1][1] - out[out.length - 1][0] === 1) {
    const last = out.pop()!;
    out[out.length - 1][1] = last[1];
  }
  return out;
}

export function scoreFactors(r: Retrieval): ScoreFactors {
  const best = chunkCoverages(r);
  const coverage = best.length ? best.reduce((a, b) => a + b, 0) / best.length : 0;
  return { coverage, chunks: best, numbers: shareAnywhere(r, 'number'), names: shareAnywhere(r, 'name') };
}

/** Each chunk's best weighted coverage in any window. */
export function chunkCoverages(r: Retrieval, size = CHUNK): number[] {
  const ranges = chunks(r.analysis.terms.length, size);
  if (ranges.length === 0) return [];
  const best = new Array<number>(ranges.length).fill(0);
  const totals = ranges.map(([a, b]) => sumRange(r.termWeights, a, b));
  for (const w of r.windows) {
    ranges.forEach(([a, b], c) => {
      if (best[c] >= 1) return;
      let got = 0;
      for (let i = a; i < b; i++) if (w.matched[i]) got += r.termWeights[i];
      if (totals[c] > 0) best[c] = Math.max(best[c], got / totals[c]);
    });
  }
  return best;
}

export function shareAnywhere(r: Retrieval, kind: ClaimTerm['kind']): number {
  let n = 0;
  let got = 0;
  r.analysis.terms.forEach((t, i) => {
    if (t.kind !== kind) return;
    n++;
    if (r.anywhere[i]) got++;
  });
  return n === 0 ? 1 : got / n;
}

/**
 * What may stand inside one name: lower-case words ("Bank of England", "Charles de Gaulle") or
 * initials ("Ruth B. Okonjo"); never "and" or a comma, which join two names.
 */
/** What stands between two words of one name written next to each other ("Harlow Bay", "Jean-Luc", "Dr. Vance": a full stop before a name is an initial's or a title's). */
export const NAME_ADJACENT = /^(?:\s+|-|\.\s+)$/;
export const NAME_JOINT = /^\s+(?:(?:(?:of|the|de|du|des|da|di|del|la|le|von|van|der|den|for|upon)\s+){1,2}|(?:\p{Lu}\.\s+){1,3})$/u;

/**
 * What the presence factors miss, for the reader: each number, year, date and name of the claim
 * that no source holds anywhere, as the claim writes it, in claim order. Name words next to each
 * other in the claim ("Harlow Bay"), or joined by a lower-case joint ("Bank of England"), are one
 * name. The part is given when the claim has parts.
 */
export function absentTerms(r: Retrieval): AbsentTerm[] {
  const { analysis } = r;
  const out: AbsentTerm[] = [];
  let lastName: { term: ClaimTerm; start: number } | null = null;
  r.analysis.terms.forEach((t, i) => {
    if (r.anywhere[i] || t.kind === 'word') {
      lastName = null;
      return;
    }
    const part = analysis.parts > 1 ? { part: t.part } : {};
    if (t.kind === 'number') {
      lastName = null;
      const kind = t.number?.span ? 'year' : !t.number?.date ? 'number' : t.number.date.every((d) => d.month === undefined && d.day === undefined) ? 'year' : 'date';
      out.push({ kind, text: t.surface, ...part });
      return;
    }
    const between = lastName ? analysis.text.slice(analysis.tokens[lastName.term.position].end, analysis.tokens[t.position].start) : '';
    // Next to each other means nothing but a space or a hyphen between: a comma separates two names ("Norway, Denmark").
    if (lastName && lastName.term.part === t.part && ((t.position === lastName.term.position + 1 && NAME_ADJACENT.test(between)) || NAME_JOINT.test(between))) {
      out[out.length - 1].text = analysis.text.slice(lastName.start, analysis.tokens[t.position].end);
      lastName = { term: t, start: lastName.start };
      return;
    }
    lastName = { term: t, start: analysis.tokens[t.position].start };
    out.push({ kind: 'name', text: t.surface, ...part });
  });
  return out;
}

function sumRange(xs: number[], a: number, b: number): number {
  let s = 0;
  for (let i = a; i < b; i++) s += xs[i];
  return s;
}

export interface PartCoverage {
  /** Each part's best weighted coverage, in whichever window of whichever source covers it best. */
  best: number[];
  window: (Window | undefined)[];
}

export function partCoverage(r: Retrieval): PartCoverage {
  const { analysis, termWeights } = r;
  const totals = new Array<number>(analysis.parts).fill(0);
  for (let i = 0; i < analysis.terms.length; i++) totals[analysis.terms[i].part] += termWeights[i];
  const best = new Array<number>(analysis.parts).fill(0);
  const window = new Array<Window | undefined>(analysis.parts);
  for (const w of r.windows) {
    const got = new Array<number>(analysis.parts).fill(0);
    for (let i = 0; i < w.matched.length; i++) if (w.matched[i]) got[analysis.terms[i].part] += termWeights[i];
    for (let p = 0; p < analysis.parts; p++) {
      const c = totals[p] > 0 ? got[p] / totals[p] : 1;
      if (c > best[p]) {
        best[p] = c;
        window[p] = w;
      }
    }
  }
  return { best, window };
}
