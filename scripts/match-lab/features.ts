/**
 * Research features: what the earlier logistic model weighed, and candidates measured against it
 * (see docs/matcher-notes.md). None of this runs in the product; `utils/match` computes only what
 * the shipped score uses. Everything here is measured on the matcher's own retrieval
 * (`analyse(…).retrieval`), so the comparison is on the same passages.
 */
import type { ClaimAnalysis, ClaimTerm } from '../../utils/match/claim';
import { negatedNear, negationScope } from '../../utils/match/conflicts';
import { partCoverage } from '../../utils/match/features';
import { analyse, type Analysis } from '../../utils/match/index';
import type { MatchParams } from '../../utils/match/model';
import { coverageExcept, weightedShare, type Window } from '../../utils/match/passages';
import { indexSource, type SourceIndex } from '../../utils/match/source';
import { NEGATIONS, STOPWORDS } from '../../utils/match/words';

/** Absolute words: a claim that says "only", "all" or "never" states more than a passage that does not. */
export const ABSOLUTES = new Set([
  'only', 'all', 'every', 'always', 'never', 'none', 'entirely', 'completely', 'totally',
  'perfectly', 'solely', 'exclusively', 'fully', 'absolutely', 'certainly', 'definitely',
  'guaranteed', 'proven', 'proves', 'impossible', 'nobody', 'everyone', 'everything',
]);

/** Hedges: "may", "suggests" state less than a plain statement. */
export const HEDGES = new Set([
  'may', 'might', 'could', 'can', 'possibly', 'possible', 'perhaps', 'likely', 'unlikely', 'potentially',
  'potential', 'suggest', 'suggests', 'suggested', 'appear', 'appears', 'appeared', 'seem', 'seems',
  'probably', 'uncertain', 'unclear', 'preliminary',
]);

/** Intensifiers: "greatly", "significantly" claim a size of effect the passage must state too. */
export const INTENSIFIERS = new Set([
  'greatly', 'significantly', 'substantially', 'dramatically', 'drastically', 'strongly', 'highly',
  'vastly', 'hugely', 'massively', 'severely', 'clearly', 'sharply', 'considerably', 'markedly',
  'far', 'much', 'extremely', 'major', 'huge', 'massive', 'dramatic', 'significant', 'substantial',
]);

export interface LabFeatures {
  best: number;
  weakestPart: number;
  strongestPart: number;
  anywhere: number;
  numbers: number;
  names: number;
  contentPairs: number;
  /** 1 when the claim is `contradicted`. */
  conflict: number;
  /** An absolute word the best passage lacks, scaled by that passage's coverage (0 below 0.85). */
  absolute: number;
  brevity: number;
  missingMax: number;
  copied: number;
  numbersAnywhere: number;
  namesAnywhere: number;
  longestRun: number;
  passageInClaim: number;
  claimHedge: number;
  sourceHedge: number;
  intensifier: number;
  /** A near-copy's edit: the aligned passage disagrees (any kind) or an absolute word is unstated. */
  edited: number;
  negated: number;
  negationUnmatched: number;
  /** The shipped score's factors, for comparison. */
  chunkCoverage: number;
}

/** What the earlier logistic model weighed (the one shipped before the product score). */
export const LOGISTIC_FEATURES: (keyof LabFeatures)[] = [
  'best', 'weakestPart', 'strongestPart', 'anywhere', 'numbers', 'names', 'contentPairs', 'conflict',
  'absolute', 'brevity', 'missingMax', 'copied', 'numbersAnywhere',
];

export const EMPTY_FEATURES: LabFeatures = Object.fromEntries(
  ['best', 'weakestPart', 'strongestPart', 'anywhere', 'numbers', 'names', 'contentPairs', 'conflict', 'absolute', 'brevity', 'missingMax', 'copied', 'numbersAnywhere', 'namesAnywhere', 'longestRun', 'passageInClaim', 'claimHedge', 'sourceHedge', 'intensifier', 'edited', 'negated', 'negationUnmatched', 'chunkCoverage'].map((k) => [k, 0]),
) as unknown as LabFeatures;

export function labFeatures(a: Analysis): LabFeatures | null {
  const r = a.retrieval;
  if (!r || !a.factors) return null;
  const { analysis, termWeights, total } = r;
  const best = r.windows[0];
  const parts = partCoverage(r);
  const copied = copiedShare(analysis, r.sources);
  const wording = best ? passageWording(best, analysis) : { inClaim: 0, hedged: false, intensifierMissing: false };
  const claimHedged = analysis.tokens.some((t) => HEDGES.has(t.word));
  const absoluteUnstated = best ? absoluteMissing(best, analysis) : false;
  const bestOther = best ? coverageExcept(best, termWeights, new Set()) : 0;
  return {
    best: best?.coverage ?? 0,
    weakestPart: Math.min(...parts.best),
    strongestPart: Math.max(...parts.best),
    anywhere: weightedShare(r.anywhere, termWeights, total),
    numbers: kindShare(analysis, best, 'number'),
    names: kindShare(analysis, best, 'name'),
    contentPairs: contentPairShare(analysis, r.sources),
    conflict: a.aligned?.contradicted ? 1 : 0,
    absolute: absoluteUnstated && bestOther >= 0.85 ? bestOther : 0,
    brevity: 1 / Math.sqrt(analysis.terms.length),
    missingMax: best ? heaviestMissing(best, termWeights) : 1,
    copied: copied.share,
    numbersAnywhere: a.factors.numbers,
    namesAnywhere: a.factors.names,
    longestRun: copied.longest,
    passageInClaim: wording.inClaim,
    claimHedge: claimHedged && !wording.hedged ? 1 : 0,
    sourceHedge: !claimHedged && wording.hedged ? 1 : 0,
    intensifier: wording.intensifierMissing ? 1 : 0,
    edited: (a.aligned?.conflicts.list.length ?? 0) > 0 || absoluteUnstated ? 1 : 0,
    negated: analysis.tokens.some((t) => NEGATIONS.has(t.word)) ? 1 : 0,
    negationUnmatched: negationUnmatched(analysis, r.sources) ? 1 : 0,
    chunkCoverage: a.factors.coverage,
  };
}

/** Lab features of a claim against its sources (runs the matcher once). */
export function featuresOf(claim: string, sources: SourceIndex[], params?: MatchParams): LabFeatures | null {
  return labFeatures(analyse(claim, sources, params ? { params } : {}));
}

function absoluteMissing(w: Window, analysis: ClaimAnalysis): boolean {
  const stems = new Set<string>();
  for (let i = w.source.sentences[w.from].tokenFrom; i < w.source.sentences[w.to].tokenTo; i++) stems.add(w.source.tokens[i].stem);
  return analysis.tokens.some((t) => ABSOLUTES.has(t.word) && !stems.has(t.stem));
}

/** Whether a claim says an absolute word ("only", "all") that a one-passage source lacks. */
export function absoluteUnstated(claim: string, passage: string): boolean {
  const a = analyse(claim, [indexSource('p', passage)]);
  const w = a.retrieval?.windows.find((x) => x.from === 0 && x.to === x.source.bodyEnd - 1) ?? a.retrieval?.windows[0];
  return w ? absoluteMissing(w, a.analysis) : false;
}

/**
 * Share of the claim's tokens inside a run of at least three consecutive tokens that occurs in
 * the same order, contiguously, in one of the sources (stems compared; stop words included).
 */
export function copiedShare(analysis: ClaimAnalysis, sources: SourceIndex[]): { share: number; longest: number } {
  const toks = analysis.tokens;
  if (toks.length < 3) return { share: 0, longest: 0 };
  const covered = new Array<boolean>(toks.length).fill(false);
  for (let i = 0; i + 3 <= toks.length; i++) {
    let anchor = -1;
    for (let k = i; k < i + 3; k++) if (!STOPWORDS.has(toks[k].word)) { anchor = k; break; }
    if (anchor < 0) continue;
    let found = false;
    for (const src of sources) {
      for (const sIdx of src.postings.get(toks[anchor].stem) ?? []) {
        const sen = src.sentences[sIdx];
        for (let t = sen.tokenFrom; t + 3 <= sen.tokenTo && !found; t++) {
          if (src.tokens[t].stem === toks[i].stem && src.tokens[t + 1].stem === toks[i + 1].stem && src.tokens[t + 2].stem === toks[i + 2].stem) found = true;
        }
        if (found) break;
      }
      if (found) break;
    }
    if (found) covered[i] = covered[i + 1] = covered[i + 2] = true;
  }
  let longest = 0;
  let run = 0;
  for (let i = 0; i < toks.length; i++) {
    run = covered[i] ? run + 1 : 0;
    longest = Math.max(longest, run);
  }
  return { share: covered.filter(Boolean).length / toks.length, longest: longest / toks.length };
}

function passageWording(w: Window, analysis: ClaimAnalysis): { inClaim: number; hedged: boolean; intensifierMissing: boolean } {
  const claimStems = new Set(analysis.tokens.map((t) => t.stem));
  const from = w.source.sentences[w.from].tokenFrom;
  const to = w.source.sentences[w.to].tokenTo;
  const content = new Set<string>();
  const words = new Set<string>();
  let hedged = false;
  for (let i = from; i < to; i++) {
    const t = w.source.tokens[i];
    words.add(t.word);
    if (HEDGES.has(t.word)) hedged = true;
    if (!STOPWORDS.has(t.word) && !/^\d/.test(t.word)) content.add(t.stem);
  }
  let sharedCount = 0;
  for (const st of content) if (claimStems.has(st)) sharedCount++;
  const intensifierMissing = analysis.tokens.some((t) => INTENSIFIERS.has(t.word) && !words.has(t.word));
  return { inClaim: content.size > 0 ? sharedCount / content.size : 0, hedged, intensifierMissing };
}

function negationUnmatched(analysis: ClaimAnalysis, sources: SourceIndex[]): boolean {
  const toks = analysis.tokens;
  for (let k = 0; k < toks.length; k++) {
    if (!NEGATIONS.has(toks[k].word)) continue;
    const scope = negationScope(toks, k);
    let used = false;
    let negated = false;
    for (const src of sources) {
      const present = scope.filter((st) => src.postings.has(st));
      if (present.length === 0) continue;
      used = true;
      const stems = new Set(present);
      for (const st of present) {
        for (const sIdx of src.postings.get(st)!) {
          const sen = src.sentences[sIdx];
          if (negatedNear(src.tokens, sen.tokenFrom, sen.tokenTo, stems)) negated = true;
        }
      }
    }
    if (used && !negated) return true;
  }
  return false;
}

const pairCache = new WeakMap<SourceIndex, Set<string>>();

function contentPairsOf(src: SourceIndex): Set<string> {
  let pairs = pairCache.get(src);
  if (pairs) return pairs;
  pairs = new Set<string>();
  for (let s = 0; s < src.bodyEnd; s++) {
    const sen = src.sentences[s];
    let prev = '';
    for (let t = sen.tokenFrom; t < sen.tokenTo; t++) {
      const tok = src.tokens[t];
      if (STOPWORDS.has(tok.word)) continue;
      if (prev) pairs.add(prev + ' ' + tok.stem);
      prev = tok.stem;
    }
  }
  pairCache.set(src, pairs);
  return pairs;
}

/** Share of the claim's adjacent content-word pairs that stand adjacent in one sentence of a source. */
function contentPairShare(analysis: ClaimAnalysis, sources: SourceIndex[]): number {
  const content = analysis.tokens.filter((t) => !STOPWORDS.has(t.word));
  if (content.length < 2) return 0;
  const sets = sources.map(contentPairsOf);
  let got = 0;
  for (let i = 1; i < content.length; i++) {
    const key = content[i - 1].stem + ' ' + content[i].stem;
    if (sets.some((p) => p.has(key))) got++;
  }
  return got / (content.length - 1);
}

function heaviestMissing(w: Window, termWeights: number[]): number {
  let top = 0;
  let missing = 0;
  for (let i = 0; i < termWeights.length; i++) {
    top = Math.max(top, termWeights[i]);
    if (!w.matched[i]) missing = Math.max(missing, termWeights[i]);
  }
  return top > 0 ? missing / top : 0;
}

function kindShare(analysis: ClaimAnalysis, w: Window | undefined, kind: ClaimTerm['kind']): number {
  let n = 0;
  let got = 0;
  analysis.terms.forEach((t, i) => {
    if (t.kind !== kind) return;
    n++;
    if (w?.matched[i]) got++;
  });
  return n === 0 ? 1 : got / n;
}
