/**
 * Lab, rounds 8 and 9: how a window holds the claim's words beyond the shipped credit — softly
 * (a synonym, the same first letters, a WordNet derivation), by chunk, around it (the sentence on
 * each side), and as the claim's adjacent pairs in order.
 */
import { chunks } from '../../../utils/match/features';
import { synonymsOf } from '../../../utils/match/lexicon';
import type { Retrieval, Window } from '../../../utils/match/passages';
import type { SourceIndex } from '../../../utils/match/source';
import { STOPWORDS } from '../../../utils/match/words';
import { derivations } from '../paraphrase';
import { mentionsStating } from './numbers';

/** Letters two words must share at their start to match softly ("Ukrainian"/"Ukraine", "elected"/"election"). */
const PREFIX = 5;

export interface TermReadings {
  /** Weighted share of the claim's names and numbers the window holds (1 when it has none). */
  keys: number;
  /** Weight, over the total, of the claim's words the window lacks but holds softly: a synonym, or the same first letters. */
  soft: number;
  /** The same, synonyms only. */
  synonym: number;
  /** The same, first letters only. */
  prefix: number;
  /** The same, WordNet derivations and pertainyms only (`paraphrase.ts`, round 8). */
  derived: number;
  /** Mean over the claim's 3-term chunks of each chunk's weighted share in the window, less the penalty. */
  chunked: number;
  /** Weighted share of the claim's terms held by the window and the sentence on each side (round 9). */
  region: number;
  /** Share of the claim's adjacent key-term pairs the window holds in the same order, at most 3 tokens apart (round 9). */
  phrase: number;
}

export function termReadings(source: SourceIndex, retrieval: Retrieval, penalty: number): (w: Window) => TermReadings {
  const { analysis, termWeights, total } = retrieval;
  const keyTotal = analysis.terms.reduce((sum, t, i) => sum + (t.kind === 'word' ? 0 : termWeights[i]), 0);
  const softKeys = analysis.terms.map((t) => {
    if (t.kind === 'number') return null;
    const word = t.surface.toLowerCase();
    return {
      synonyms: new Set(synonymsOf(t.stem)),
      derived: new Set(derivations().get(t.stem) ?? []),
      prefix: word.length >= PREFIX + 1 ? word.slice(0, PREFIX) : null,
    };
  });
  const claimChunks = chunks(analysis.terms.length);
  // What each sentence holds, from the one-sentence windows (retrieval builds one for every sentence holding a term).
  const held = new Map<number, boolean[]>();
  for (const w of retrieval.windows) if (w.from === w.to) held.set(w.from, w.matched);
  // Adjacent key-term pairs of the claim: consecutive terms at most 3 tokens apart.
  const termSpan = analysis.terms.map((t) => (t.number ? [t.number.first, t.number.last] : [t.position, t.position]));
  const pairs: [number, number][] = [];
  for (let i = 0; i + 1 < analysis.terms.length; i++) {
    const gap = termSpan[i + 1][0] - termSpan[i][1];
    if (gap > 0 && gap <= 3) pairs.push([i, i + 1]);
  }
  /** Token spans of a claim term in the window: its own stem, or a mention stating its number. */
  const spansIn = (w: Window, i: number): [number, number][] => {
    const t = analysis.terms[i];
    const out: [number, number][] = [];
    if (t.number) {
      for (let k = w.from; k <= w.to; k++) for (const m of mentionsStating(source.sentences[k].numbers, t.number)) out.push([m.first, m.last]);
      return out;
    }
    for (let k = source.sentences[w.from].tokenFrom; k < source.sentences[w.to].tokenTo; k++) if (source.tokens[k].stem === t.stem && !STOPWORDS.has(source.tokens[k].word)) out.push([k, k]);
    return out;
  };
  return (w) => {
    let keys = 0;
    let soft = 0;
    let synonym = 0;
    let prefix = 0;
    let derived = 0;
    analysis.terms.forEach((t, i) => {
      if (w.matched[i]) {
        if (t.kind !== 'word') keys += termWeights[i];
        return;
      }
      const key = softKeys[i];
      if (!key) return;
      let bySynonym = false;
      let byPrefix = false;
      let byDerivation = false;
      for (let k = source.sentences[w.from].tokenFrom; k < source.sentences[w.to].tokenTo; k++) {
        const tok = source.tokens[k];
        if (STOPWORDS.has(tok.word)) continue;
        bySynonym ||= key.synonyms.has(tok.stem);
        byPrefix ||= key.prefix !== null && tok.word.startsWith(key.prefix);
        byDerivation ||= key.derived.has(tok.stem);
      }
      if (bySynonym || byPrefix) soft += termWeights[i];
      if (bySynonym) synonym += termWeights[i];
      if (byPrefix) prefix += termWeights[i];
      if (byDerivation) derived += termWeights[i];
    });
    const chunkShares = claimChunks.map(([from, to]) => {
      let got = 0;
      let all = 0;
      for (let i = from; i < to; i++) {
        all += termWeights[i];
        if (w.matched[i]) got += termWeights[i];
      }
      return all > 0 ? got / all : 0;
    });
    let region = 0;
    analysis.terms.forEach((_, i) => {
      for (let k = Math.max(0, w.from - 1); k <= Math.min(source.bodyEnd - 1, w.to + 1); k++) {
        if (held.get(k)?.[i]) {
          region += termWeights[i];
          return;
        }
      }
    });
    let kept = 0;
    for (const [i, j] of pairs) {
      if (!w.matched[i] || !w.matched[j]) continue;
      const left = spansIn(w, i);
      const right = spansIn(w, j);
      if (left.some(([, l]) => right.some(([r]) => r - l > 0 && r - l <= 3))) kept++;
    }
    return {
      keys: keyTotal > 0 ? keys / keyTotal : 1,
      soft: total > 0 ? soft / total : 0,
      synonym: total > 0 ? synonym / total : 0,
      prefix: total > 0 ? prefix / total : 0,
      derived: total > 0 ? derived / total : 0,
      chunked: chunkShares.reduce((x, y) => x + y, 0) / Math.max(1, chunkShares.length) - penalty * (w.to - w.from),
      region: total > 0 ? region / total : 0,
      phrase: pairs.length ? kept / pairs.length : 0,
    };
  };
}
