/**
 * The matcher: for a claim and the sources it cites, find the passages that best back it, say how
 * well it is backed, and show why.
 *
 * Retrieval: every window of one to three consecutive sentences that shares a key word with the
 * claim is scored by the share of the claim's weighted key words it holds. A key word's weight
 * is its inverse sentence frequency across the cited sources (rare words say more about a passage
 * than common ones), raised for names and numbers. Words match by stem, through the synonym table,
 * and numbers by value at the precision they were written with.
 *
 * Verdict: each part of the claim ("X did A" / "and B in 2021") is looked up on its own, in any of
 * the cited sources, so a claim backed by several sources together can be supported. The score
 * combines the best window's coverage, the weakest part's coverage, the coverage anywhere in the
 * source, how much of the claim's wording recurs verbatim in runs of three words or more, how many
 * of its adjacent content-word pairs a source sentence also has, and an
 * absolute word ("only", "all") the passage does not state, through a logistic model whose
 * weights are fitted on labelled data (`scripts/fit-match.ts` → `weights.json`). A passage that
 * matches closely but disagrees on a number, a year, a negation or a direction word makes the
 * claim `contradicted`.
 *
 * Evidence is ordered with synonym-only matches at partial credit: a synonym backs the claim
 * (the score counts it fully) but a passage in the claim's own words is the better one to show.
 */
import type { Evidence } from '../report/schema';
import { analyseClaim, type ClaimAnalysis, type ClaimTerm } from './claim';
import { findConflicts, negatedNear, negationScope, type ConflictKind, type Conflicts } from './conflicts';
import { synonymsOf } from './lexicon';
import { sameNumber } from './numbers';
import { indexSource, type SourceIndex } from './source';
import { HEDGES, INTENSIFIERS, NEGATIONS, STOPWORDS } from './words';
import type { Match, MatchOptions, MatchVerdict } from './types';
import weights from './weights.json';

export { indexSource };
export type { SourceIndex };
export type { Match, MatchOptions, MatchVerdict };

export interface MatchParams {
  nameBoost: number;
  numberBoost: number;
  /** Subtracted from a window's coverage per extra sentence, so tight passages win ties. */
  windowPenalty: number;
  /** Logistic model: a weight per feature (by name; a feature left out weighs nothing). */
  coefficients: Partial<Record<keyof MatchFeatures, number>>;
  intercept: number;
  /** score ≥ supported → supported (if every part is covered); ≥ partial → partial. */
  supported: number;
  partial: number;
  /** A part counts as covered at this share of its weighted key words. */
  partCovered: number;
  /** A conflict only counts in a passage that holds this share of the claim's other key words. */
  conflictCoverage: number;
  /** Match words through the WordNet synonym table (default on). */
  synonyms?: boolean;
  /**
   * What a word matched only through a synonym counts for when passages are ranked as evidence
   * (default 1). The score still counts it fully: a synonym backs a claim, but a passage with the
   * claim's own words is the better one to show.
   */
  synonymCredit?: number;
  /** Count WordNet antonyms as conflicts, besides the listed direction words (default on). */
  antonyms?: boolean;
  /** A kind of disagreement is weighed only in a passage that holds this share of the claim's other key words. */
  kindGate?: number;
  /**
   * Edit veto (0 or absent: off): a claim whose wording is copied from the source at this share
   * or more but which disagrees with the copied passage (`edited`) is not `supported`.
   */
  editCopied?: number;
}

export const DEFAULT_PARAMS: MatchParams = weights as MatchParams;

interface Window {
  source: SourceIndex;
  from: number;
  to: number;
  matched: boolean[];
  coverage: number;
  /** Coverage with synonym matches at `synonymCredit`: orders the evidence. */
  shown: number;
}

/** The measurements the score is made of; exported for the fitting script. */
export interface MatchFeatures {
  best: number;
  weakestPart: number;
  strongestPart: number;
  anywhere: number;
  numbers: number;
  names: number;
  bigrams: number;
  /** 1 when a conflict in a close passage makes the claim `contradicted` (see `decide`). */
  conflict: number;
  /** Each kind of disagreement, scaled by how close the passage is to the claim otherwise. */
  numberConflict: number;
  nameConflict: number;
  claimNegation: number;
  sourceNegation: number;
  direction: number;
  absolute: number;
  /** 1/√(number of key terms): a claim of two words is covered more easily than one of twenty. */
  brevity: number;
  /** The weight of the heaviest key term the best passage lacks, relative to the heaviest term. */
  missingMax: number;
  /** Share of the claim's words that sit in a run of three or more words found verbatim (by stem) in a source. */
  copied: number;
  /**
   * log10 of the cited sentences (÷3): the best of many windows covers more of any claim by
   * chance, so the same coverage means less in a long page than in an abstract.
   */
  sourceSize: number;
  /** Unweighted share of the claim's key terms found anywhere in the sources. */
  plainAnywhere: number;
  /** Longest run of claim tokens found verbatim in a source, as a share of the claim's tokens. */
  longestRun: number;
  /** Share of the claim's names found anywhere in the sources (1 when it has none). */
  namesAnywhere: number;
  /** Share of the claim's numbers found anywhere in the sources (1 when it has none). */
  numbersAnywhere: number;
  /** Coverage of the best single sentence. */
  bestSentence: number;
  /** Share of the best passage's content words (by stem) that the claim also uses: low when the claim answers with a sliver of a long passage. */
  passageInClaim: number;
  /** 1 when the claim hedges ("may", "suggests") and the best passage does not. */
  claimHedge: number;
  /** 1 when the best passage hedges and the claim does not: the claim is surer than its source. */
  sourceHedge: number;
  /** 1 when the claim has an intensifier ("greatly", "significantly") the passage lacks. */
  intensifier: number;
  /** 1 when the best passage disagrees in a way an edited copy would (negation, number, direction, absolute word). */
  edited: number;
  /** 1 when the claim negates anything at all. */
  negated: number;
  /** 1 when the claim negates words the sources use but never negate (anywhere, not only in the best passage). */
  negationUnmatched: number;
  /** Share of the claim's adjacent content-word pairs that stand adjacent (stop words aside) in a source sentence. */
  contentPairs: number;
}

/** The features the shipped score model weighs. */
export const FEATURE_NAMES: (keyof MatchFeatures)[] = [
  'best', 'weakestPart', 'strongestPart', 'anywhere', 'numbers', 'names', 'contentPairs', 'conflict',
  'absolute', 'brevity', 'missingMax', 'copied', 'numbersAnywhere',
];

/** Measured but left out of the model: they did not help in cross-validation (see README). */
export const CANDIDATE_FEATURES: (keyof MatchFeatures)[] = [
  'bigrams', 'numberConflict', 'nameConflict', 'claimNegation', 'sourceNegation', 'direction', 'sourceSize',
  'plainAnywhere', 'longestRun', 'bestSentence', 'namesAnywhere', 'passageInClaim', 'claimHedge',
  'sourceHedge', 'intensifier', 'edited', 'negated', 'negationUnmatched',
];

/** Disagreements an edited copy of a sentence shows (see `editCopied`). */
const EDITS: ConflictKind[] = ['number', 'looseNumber', 'claimNegation', 'sourceNegation', 'direction', 'absolute'];

const MAX_WINDOW = 3;

/**
 * The disagreements that make a claim `contradicted` (in a close passage). A changed name, a number
 * whose surrounding words do not clearly agree, or a negation near the claim's words but not of its
 * own word is still shown with the evidence, but too often concerns another slot of the sentence to
 * decide the verdict ("Duke of Kent" beside "Duke of Cambridge" in a family tree).
 */
const CONTRADICTING: ConflictKind[] = ['number', 'claimNegation', 'sourceNegation', 'direction'];

export function matchClaim(claim: string, sources: SourceIndex[], options: MatchOptions & { params?: MatchParams } = {}): Match {
  return analyse(claim, sources, options).match;
}

/** The match plus the features behind its score (for fitting and the eval script). */
export function analyse(
  claim: string,
  sources: SourceIndex[],
  options: MatchOptions & { params?: MatchParams } = {},
): { match: Match; features: MatchFeatures | null } {
  const params = options.params ?? DEFAULT_PARAMS;
  const maxEvidence = options.maxEvidence ?? 3;
  const analysis = analyseClaim(claim ?? '');
  const usable = sources.filter((s) => s && s.bodyEnd > 0);
  if (analysis.terms.length === 0 || usable.length === 0) {
    return { match: { verdict: 'unsupported', score: 0, evidence: [] }, features: null };
  }
  const termWeights = weigh(analysis, usable, params);
  const total = sum(termWeights);
  const windows: Window[] = [];
  const anywhere = new Array<boolean>(analysis.terms.length).fill(false);
  const lookup = { synonyms: params.synonyms !== false };
  for (const source of usable) collectWindows(source, analysis, termWeights, total, params, windows, anywhere, lookup);
  windows.sort((a, b) => b.coverage - a.coverage || a.to - a.from - (b.to - b.from) || a.from - b.from);

  // Each part's best coverage, in whichever window and source covers it best.
  const partTotals = new Array<number>(analysis.parts).fill(0);
  for (let i = 0; i < analysis.terms.length; i++) partTotals[analysis.terms[i].part] += termWeights[i];
  const partBest = new Array<number>(analysis.parts).fill(0);
  const partWindow = new Array<Window | undefined>(analysis.parts);
  for (const w of windows) {
    const got = new Array<number>(analysis.parts).fill(0);
    for (let i = 0; i < w.matched.length; i++) if (w.matched[i]) got[analysis.terms[i].part] += termWeights[i];
    for (let p = 0; p < analysis.parts; p++) {
      const c = partTotals[p] > 0 ? got[p] / partTotals[p] : 1;
      if (c > partBest[p]) {
        partBest[p] = c;
        partWindow[p] = w;
      }
    }
  }

  const best = windows[0];
  const conflicts: Conflicts = best
    ? findConflicts(analysis, best.source, best.from, best.to, best.matched, params.antonyms !== false)
    : { messages: [], terms: new Set<number>(), kinds: new Set() };
  const otherCoverage = best ? coverageExcept(best, analysis, termWeights, conflicts.terms) : 0;
  const contradicted = CONTRADICTING.some((k) => conflicts.kinds.has(k)) && otherCoverage >= params.conflictCoverage;
  const kind = (k: ConflictKind) => (conflicts.kinds.has(k) && otherCoverage >= (params.kindGate ?? 0) ? otherCoverage : 0);

  const copied = copiedShare(analysis, usable);
  const wording = best ? passageWording(best, analysis) : { inClaim: 0, hedged: false, intensifierMissing: false };
  const claimHedged = analysis.tokens.some((t) => HEDGES.has(t.word));
  const features: MatchFeatures = {
    best: best?.coverage ?? 0,
    weakestPart: Math.min(...partBest),
    strongestPart: Math.max(...partBest),
    anywhere: weightedShare(anywhere, termWeights, total),
    numbers: kindShare(analysis, best, 'number'),
    names: kindShare(analysis, best, 'name'),
    bigrams: best ? bigramShare(analysis, best) : 0,
    conflict: contradicted ? 1 : 0,
    numberConflict: kind('number'),
    nameConflict: kind('name'),
    claimNegation: kind('claimNegation'),
    sourceNegation: kind('sourceNegation'),
    direction: kind('direction'),
    absolute: kind('absolute'),
    brevity: 1 / Math.sqrt(analysis.terms.length),
    missingMax: best ? heaviestMissing(best, termWeights) : 1,
    copied: copied.share,
    longestRun: copied.longest,
    plainAnywhere: anywhere.filter(Boolean).length / anywhere.length,
    namesAnywhere: kindAnywhere(analysis, anywhere, 'name'),
    numbersAnywhere: kindAnywhere(analysis, anywhere, 'number'),
    bestSentence: windows.find((w) => w.from === w.to)?.coverage ?? 0,
    sourceSize: Math.log10(1 + usable.reduce((n, s) => n + s.bodyEnd, 0)) / 3,
    passageInClaim: wording.inClaim,
    claimHedge: claimHedged && !wording.hedged ? 1 : 0,
    sourceHedge: !claimHedged && wording.hedged ? 1 : 0,
    intensifier: wording.intensifierMissing ? 1 : 0,
    edited: EDITS.some((k) => conflicts.kinds.has(k)) ? 1 : 0,
    negated: analysis.tokens.some((t) => NEGATIONS.has(t.word)) ? 1 : 0,
    negationUnmatched: negationUnmatched(analysis, usable) ? 1 : 0,
    contentPairs: contentPairShare(analysis, usable),
  };
  const score = logistic(params, features);
  const verdict = decide(params, features, score);

  // Evidence: the best windows, then any part's own best window, without overlaps.
  const chosen: Window[] = [];
  const consider = (w: Window | undefined) => {
    if (!w || chosen.length >= maxEvidence) return;
    if (chosen.some((c) => c.source === w.source && c.from <= w.to && w.from <= c.to)) return;
    chosen.push(w);
  };
  const ranked = windows.slice().sort((a, b) => b.shown - a.shown || a.to - a.from - (b.to - b.from) || a.from - b.from);
  consider(ranked[0]);
  for (const w of partWindow) consider(w);
  for (const w of ranked) consider(w);
  chosen.sort((a, b) => b.shown - a.shown);
  const evidence = chosen.map((w) => toEvidence(w, analysis, w === best ? conflicts.messages : []));
  return { match: { verdict, score: clamp01(score), evidence }, features };
}

function weigh(analysis: ClaimAnalysis, sources: SourceIndex[], params: MatchParams): number[] {
  let n = 0;
  for (const s of sources) n += s.bodyEnd;
  return analysis.terms.map((term) => {
    let df = 0;
    if (term.kind !== 'number') for (const s of sources) df += s.postings.get(term.stem)?.length ?? 0;
    const idf = Math.log(1 + n / (df + 1));
    const boost = term.kind === 'name' ? params.nameBoost : term.kind === 'number' ? params.numberBoost : 1;
    return Math.max(0.1, idf) * boost;
  });
}

function collectWindows(
  source: SourceIndex,
  analysis: ClaimAnalysis,
  termWeights: number[],
  total: number,
  params: MatchParams,
  out: Window[],
  anywhere: boolean[],
  options: { synonyms: boolean },
): void {
  // Term weights in this source's windows: a synonym may count for less than the word itself.
  const credited = termWeights.slice();
  // Which claim terms each candidate sentence holds.
  const has = new Map<number, number[]>();
  const mark = (s: number, t: number) => {
    let list = has.get(s);
    if (!list) has.set(s, (list = []));
    if (list[list.length - 1] !== t) list.push(t);
  };
  analysis.terms.forEach((term, t) => {
    if (term.kind === 'number') {
      for (let s = 0; s < source.bodyEnd; s++) {
        if (source.sentences[s].numbers.some((m) => sameNumber(m, term.number!))) {
          mark(s, t);
          anywhere[t] = true;
        }
      }
      return;
    }
    // Synonyms stand in only for a word the source never uses: where it has the claim's own word,
    // that word locates the passage better than any of its synonyms.
    const own = source.postings.has(term.stem);
    if (!own && options.synonyms) credited[t] = termWeights[t] * (params.synonymCredit ?? 1);
    for (const stem of own || !options.synonyms ? [term.stem] : synonymsOf(term.stem)) {
      const list = source.postings.get(stem);
      if (!list) continue;
      anywhere[t] = true;
      for (const s of list) mark(s, t);
    }
  });
  for (const list of has.values()) list.sort((a, b) => a - b);
  const seen = new Set<number>();
  for (const s of has.keys()) {
    for (let len = 1; len <= MAX_WINDOW; len++) {
      for (let from = s - len + 1; from <= s; from++) {
        const to = from + len - 1;
        if (from < 0 || to >= source.bodyEnd) continue;
        const key = from * 4 + len;
        if (seen.has(key)) continue;
        seen.add(key);
        const matched = new Array<boolean>(analysis.terms.length).fill(false);
        let any = 0;
        for (let k = from; k <= to; k++) {
          const list = has.get(k);
          if (!list) continue;
          any++;
          for (const t of list) matched[t] = true;
        }
        // A window whose edge sentence adds nothing is dominated by a shorter one.
        if (len > 1 && (!has.has(from) || !has.has(to))) continue;
        if (any === 0) continue;
        const penalty = params.windowPenalty * (len - 1);
        const coverage = weightedShare(matched, termWeights, total) - penalty;
        const shown = weightedShare(matched, credited, total) - penalty;
        out.push({ source, from, to, matched, coverage: Math.max(0, coverage), shown: Math.max(0, shown) });
      }
    }
  }
}

function coverageExcept(w: Window, analysis: ClaimAnalysis, termWeights: number[], skip: Set<number>): number {
  let got = 0;
  let all = 0;
  for (let i = 0; i < analysis.terms.length; i++) {
    if (skip.has(i)) continue;
    all += termWeights[i];
    if (w.matched[i]) got += termWeights[i];
  }
  return all > 0 ? got / all : 0;
}

/**
 * Share of the claim's tokens inside a run of at least three consecutive tokens that occurs in
 * the same order, contiguously, in one of the sources (stems compared; stop words included, since
 * "the risk of" is part of a phrase). Copied phrasing is evidence of backing beyond a bag of words.
 */
function copiedShare(analysis: ClaimAnalysis, sources: SourceIndex[]): { share: number; longest: number } {
  const toks = analysis.tokens;
  if (toks.length < 3) return { share: 0, longest: 0 };
  const covered = new Array<boolean>(toks.length).fill(false);
  for (let i = 0; i + 3 <= toks.length; i++) {
    // Locate the trigram through the postings of its first content word.
    let anchor = -1;
    for (let k = i; k < i + 3; k++) if (!STOPWORDS.has(toks[k].stem)) { anchor = k; break; }
    if (anchor < 0) continue;
    let found = false;
    for (const src of sources) {
      const list = src.postings.get(toks[anchor].stem);
      if (!list) continue;
      for (const sIdx of list) {
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
  // Consecutive found trigrams chain into one run: its length is the longest copied phrase.
  let longest = 0;
  let run = 0;
  for (let i = 0; i < toks.length; i++) {
    run = covered[i] ? run + 1 : 0;
    longest = Math.max(longest, run);
  }
  return { share: covered.filter(Boolean).length / toks.length, longest: longest / toks.length };
}

/** How the best passage's wording relates to the claim's: shared content words, hedges, intensifiers. */
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
  let shared = 0;
  for (const st of content) if (claimStems.has(st)) shared++;
  const intensifierMissing = analysis.tokens.some((t) => INTENSIFIERS.has(t.word) && !words.has(t.word));
  return { inClaim: content.size > 0 ? shared / content.size : 0, hedged, intensifierMissing };
}

/** Whether the claim negates words that the sources use somewhere but negate nowhere near them. */
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

/** Content-word pairs (adjacent once stop words are skipped) of each source, built once per source. */
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

/**
 * Share of the claim's adjacent content-word pairs (stop words skipped on both sides) that stand
 * adjacent in one sentence of a source: phrasing kept, even where the small words around it changed
 * ("purifying high levels of enzymes" for "purifying high levels of enzyme").
 */
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

function kindAnywhere(analysis: ClaimAnalysis, anywhere: boolean[], kind: ClaimTerm['kind']): number {
  let n = 0;
  let got = 0;
  analysis.terms.forEach((t, i) => {
    if (t.kind !== kind) return;
    n++;
    if (anywhere[i]) got++;
  });
  return n === 0 ? 1 : got / n;
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

/** Share of the claim's adjacent key-word pairs that also stand close together in the passage. */
function bigramShare(analysis: ClaimAnalysis, w: Window): number {
  const words = analysis.terms.filter((t) => t.kind !== 'number');
  if (words.length < 2) return w.coverage;
  const positions = new Map<string, number[]>();
  const from = w.source.sentences[w.from].tokenFrom;
  const to = w.source.sentences[w.to].tokenTo;
  for (let i = from; i < to; i++) {
    const st = w.source.tokens[i].stem;
    let list = positions.get(st);
    if (!list) positions.set(st, (list = []));
    list.push(i);
  }
  let got = 0;
  for (let i = 1; i < words.length; i++) {
    const a = positions.get(words[i - 1].stem);
    const b = positions.get(words[i].stem);
    if (a && b && a.some((x) => b.some((y) => Math.abs(y - x) <= 3))) got++;
  }
  return got / (words.length - 1);
}

function toEvidence(w: Window, analysis: ClaimAnalysis, conflicts: string[]): Evidence {
  const start = w.source.sentences[w.from].start;
  const end = w.source.sentences[w.to].end;
  const matched: string[] = [];
  const missing: string[] = [];
  analysis.terms.forEach((t, i) => (w.matched[i] ? matched : missing).push(t.surface));
  return {
    sourceId: w.source.id,
    text: w.source.text.slice(start, end),
    start,
    end,
    score: clamp01(w.shown),
    matched,
    missing,
    conflicts,
  };
}

/** The verdict for a score: supported needs every part covered; a conflict in a close passage wins. */
export function decide(params: MatchParams, f: MatchFeatures, score: number): MatchVerdict {
  if (f.conflict > 0) return 'contradicted';
  const vetoed = (params.editCopied ?? 0) > 0 && f.edited > 0 && f.copied >= params.editCopied!;
  if (!vetoed && score >= params.supported && f.weakestPart >= params.partCovered) return 'supported';
  if (score >= params.partial || f.strongestPart >= params.partCovered) return 'partial';
  return 'unsupported';
}

export function logistic(params: MatchParams, f: MatchFeatures): number {
  let z = params.intercept;
  for (const [name, w] of Object.entries(params.coefficients)) z += (w ?? 0) * f[name as keyof MatchFeatures];
  return 1 / (1 + Math.exp(-z));
}

function weightedShare(flags: boolean[], termWeights: number[], total: number): number {
  if (total <= 0) return 0;
  let got = 0;
  for (let i = 0; i < flags.length; i++) if (flags[i]) got += termWeights[i];
  return got / total;
}

function sum(xs: number[]): number {
  return xs.reduce((a, b) => a + b, 0);
}

function clamp01(x: number): number {
  return x < 0 ? 0 : x > 1 ? 1 : Number.isFinite(x) ? x : 0;
}
