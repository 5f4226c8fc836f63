/**
 * Lab quantities for round 9 (not in production; docs/matcher-notes.md): soft credit from word
 * vectors. A claim word a window does not hold by stem or synonym gets, in that window, its best
 * cosine to the window's words when that reaches τ (else nothing). Names and numbers are never
 * soft-matched; no credit from an opposite of the claim word (change words, WordNet antonyms and
 * the hand-listed opposites), a month or weekday, or a word of order and place. The windows are
 * the retrieval's own (a window shares at least one key term exactly); term weights as shipped.
 */
import { changeOpposites, otherOpposites } from '../../utils/match/lexicon';
import { chunks } from '../../utils/match/features';
import type { Retrieval, Window } from '../../utils/match/passages';
import { ORDER_AND_PLACE, STOPWORDS } from '../../utils/match/words';
import type { SourceIndex } from '../../utils/match/source';
import { cosineRows, type VectorTable } from './vectors';

const CALENDAR = new Set(
  'january february march april may june july august september october november december monday tuesday wednesday thursday friday saturday sunday'.split(' '),
);

/** Per window of `r.windows`, per claim term: the best cosine of an eligible window word (0 when none, or the term is held or not soft-matchable). */
export interface SoftWindows {
  best: Float32Array[];
}

const cosineCache = new Map<string, number>();

function eligibleClaimRow(r: Retrieval, t: number, table: VectorTable): number | undefined {
  const term = r.analysis.terms[t];
  if (term.kind !== 'word') return undefined;
  const word = term.surface.toLowerCase();
  if (CALENDAR.has(word) || ORDER_AND_PLACE.has(term.stem)) return undefined;
  return table.index.get(word);
}

/** Best eligible cosine per body sentence of `source`, for each claim term (undefined rows: not soft-matchable). */
function sentenceBest(source: SourceIndex, r: Retrieval, rows: (number | undefined)[], table: VectorTable): Map<number, Float32Array> {
  const out = new Map<number, Float32Array>();
  const terms = r.analysis.terms;
  const banned = terms.map((term) => new Set([...changeOpposites(term.stem), ...otherOpposites(term.stem)]));
  for (let s = 0; s < source.bodyEnd; s++) {
    const sentence = source.sentences[s];
    let best: Float32Array | undefined;
    for (let k = sentence.tokenFrom; k < sentence.tokenTo; k++) {
      const tok = source.tokens[k];
      if (tok.capital && k !== sentence.tokenFrom) continue;
      if (!/^[a-z]+$/.test(tok.word) || STOPWORDS.has(tok.word) || CALENDAR.has(tok.word) || ORDER_AND_PLACE.has(tok.stem)) continue;
      const row = table.index.get(tok.word);
      if (row === undefined) continue;
      for (let t = 0; t < terms.length; t++) {
        const own = rows[t];
        if (own === undefined || banned[t].has(tok.stem) || tok.stem === terms[t].stem) continue;
        const key = own < row ? `${own} ${row}` : `${row} ${own}`;
        let c = cosineCache.get(key);
        if (c === undefined) cosineCache.set(key, (c = cosineRows(table, own, row)));
        if (!best) best = new Float32Array(terms.length);
        if (c > best[t]) best[t] = c;
      }
    }
    if (best) out.set(s, best);
  }
  return out;
}

export interface SoftHow {
  /** Soft credit only for a claim word the source never uses (by stem or synonym): C3. */
  onlyAbsent?: boolean;
}

/** The best eligible cosine per window and term (0 where the window holds the term). */
export function softWindows(r: Retrieval, table: VectorTable, how: SoftHow = {}): SoftWindows {
  const rows = r.analysis.terms.map((_, t) => eligibleClaimRow(r, t, table));
  const perSource = new Map<SourceIndex, Map<number, Float32Array>>();
  const best = r.windows.map((w) => {
    let sb = perSource.get(w.source);
    if (!sb) perSource.set(w.source, (sb = sentenceBest(w.source, r, rows.map((row, t) => (how.onlyAbsent && heldAnywhere(w.source, r, t) ? undefined : row)), table)));
    const out = new Float32Array(r.analysis.terms.length);
    for (let k = w.from; k <= w.to; k++) {
      const b = sb.get(k);
      if (!b) continue;
      for (let t = 0; t < out.length; t++) if (!w.matched[t] && b[t] > out[t]) out[t] = b[t];
    }
    return out;
  });
  return { best };
}

/** Does the source hold the claim term anywhere by stem (the shipped synonyms stand in only where it does not)? */
function heldAnywhere(source: SourceIndex, r: Retrieval, t: number): boolean {
  return source.postings.has(r.analysis.terms[t].stem);
}

/** A window's credit per term at threshold τ: 1 where held, cos where cos ≥ τ, else 0. */
function credits(w: Window, soft: Float32Array, tau: number): number[] {
  return w.matched.map((m, t) => (m ? 1 : soft[t] >= tau ? soft[t] : 0));
}

export interface SoftFigures {
  cov: number;
  parts: number[];
  /** The first passage by the order shown (soft credit at `synonymCredit` × cos), as a window. */
  first: Window | undefined;
}

/**
 * Coverage (chunks of three, windows of at most `longest` sentences), each part's best coverage,
 * and the first passage shown, with soft credit at τ (τ > 1: none, the shipped quantities).
 */
export function softFigures(r: Retrieval, soft: SoftWindows, tau: number, synonymCredit: number, longest = 3): SoftFigures {
  const { analysis, termWeights, total } = r;
  const ranges = chunks(analysis.terms.length);
  const chunkTotals = ranges.map(([a, b]) => termWeights.slice(a, b).reduce((x, y) => x + y, 0));
  const bestChunk = new Array<number>(ranges.length).fill(0);
  const partTotals = new Array<number>(analysis.parts).fill(0);
  analysis.terms.forEach((t, i) => (partTotals[t.part] += termWeights[i]));
  const bestPart = new Array<number>(analysis.parts).fill(0);
  let first: Window | undefined;
  let firstShown = -Infinity;
  r.windows.forEach((w, j) => {
    const len = w.to - w.from + 1;
    if (len > longest) return;
    const c = credits(w, soft.best[j], tau);
    ranges.forEach(([a, b], k) => {
      let got = 0;
      for (let i = a; i < b; i++) got += c[i] * termWeights[i];
      if (chunkTotals[k] > 0) bestChunk[k] = Math.max(bestChunk[k], got / chunkTotals[k]);
    });
    const got = new Array<number>(analysis.parts).fill(0);
    c.forEach((x, i) => (got[analysis.terms[i].part] += x * termWeights[i]));
    for (let p = 0; p < analysis.parts; p++) bestPart[p] = Math.max(bestPart[p], partTotals[p] > 0 ? got[p] / partTotals[p] : 1);
    // Order shown: the product's `shown` (synonym-only matches at their credit) plus soft credit at synonymCredit × cos.
    let extra = 0;
    c.forEach((x, i) => {
      if (!w.matched[i] && x > 0) extra += synonymCredit * x * termWeights[i];
    });
    const shown = Math.max(0, w.shown + (total > 0 ? extra / total : 0));
    if (shown > firstShown + 1e-12 || (first && Math.abs(shown - firstShown) <= 1e-12 && (len < first.to - first.from + 1 || (len === first.to - first.from + 1 && w.from < first.from)))) {
      first = w;
      firstShown = shown;
    }
  });
  const cov = bestChunk.length ? bestChunk.reduce((a, b) => a + b, 0) / bestChunk.length : 0;
  return { cov, parts: bestPart, first };
}
