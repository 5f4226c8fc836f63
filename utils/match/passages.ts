/**
 * Passage retrieval: every window of one to three consecutive sentences that shares a key word
 * with the claim, with the claim terms it holds.
 *
 * A key word's weight is its inverse sentence frequency across the cited sources (rare words say
 * more about a passage than common ones), raised for names and numbers. Words match by stem and,
 * where a source never uses the claim's own word, through the synonym table; numbers match by value
 * at the precision they were written with.
 */
import type { ClaimAnalysis, ClaimTerm } from './claim';
import { synonymsOf } from './lexicon';
import { fieldsFound, monthOf, type CalendarDate } from './dates';
import { NAME_ADJACENT, NAME_JOINT } from './features';
import { statedIn } from './numbers';
import { abbreviationsOf, type SourceIndex } from './source';
import { stem, type Token } from './text';

export interface RetrievalParams {
  nameBoost: number;
  numberBoost: number;
  /** Subtracted from a window's coverage per extra sentence, so tight passages win ties. */
  windowPenalty: number;
  /** Match words through the WordNet synonym table (default on). */
  synonyms?: boolean;
  /**
   * What a word matched only through a synonym counts for when passages are ranked as evidence
   * (default 1). Coverage still counts it fully: a synonym backs a claim, but a passage with the
   * claim's own words is the better one to show.
   */
  synonymCredit?: number;
  /** Longest window, in sentences (default `MAX_WINDOW`). */
  maxWindow?: number;
}

export interface Window {
  source: SourceIndex;
  from: number;
  to: number;
  /** Per claim term: does the window hold it? */
  matched: boolean[];
  /** Weighted share of the claim's terms held, less the window penalty. */
  coverage: number;
  /**
   * Coverage with synonym matches at `synonymCredit`, and with a later use of a bracketed
   * abbreviation ("FPV") counted as its phrase's claim terms ("favipiravir"): orders the evidence.
   * The score reads `matched` and `coverage` only.
   */
  shown: number;
}

export interface Retrieval {
  analysis: ClaimAnalysis;
  sources: SourceIndex[];
  termWeights: number[];
  total: number;
  /** Best coverage first; ties go to the shorter, then the earlier window. */
  windows: Window[];
  /**
   * Per claim term: found anywhere in the cited sources. A date also counts when each field it
   * writes is found somewhere on its own (`fieldsFound`): presence only, not same-slot agreement.
   */
  anywhere: boolean[];
}

export const MAX_WINDOW = 3;

export function retrieve(analysis: ClaimAnalysis, sources: SourceIndex[], params: RetrievalParams): Retrieval {
  const termWeights = weigh(analysis, sources, params);
  const total = termWeights.reduce((a, b) => a + b, 0);
  const windows: Window[] = [];
  const anywhere = new Array<boolean>(analysis.terms.length).fill(false);
  for (const source of sources) collectWindows(source, analysis, termWeights, total, params, windows, anywhere);
  markDateFields(analysis, sources, anywhere);
  windows.sort((a, b) => b.coverage - a.coverage || a.to - a.from - (b.to - b.from) || a.from - b.from);
  return { analysis, sources, termWeights, total, windows, anywhere };
}

/** A claim date not found as one mention is found when its year, month and day are, each somewhere. */
function markDateFields(analysis: ClaimAnalysis, sources: SourceIndex[], anywhere: boolean[]): void {
  const pending = analysis.terms.filter((term, t) => !anywhere[t] && term.number?.date && term.number.date.some((d) => d.month !== undefined));
  if (pending.length === 0) return;
  const dates: CalendarDate[] = [];
  const months = new Set<number>();
  for (const source of sources) {
    for (let s = 0; s < source.bodyEnd; s++) {
      const sentence = source.sentences[s];
      for (const n of sentence.numbers) if (n.date) dates.push(...n.date);
      for (let k = sentence.tokenFrom; k < sentence.tokenTo; k++) {
        const month = monthOf(source.tokens[k]);
        if (month !== undefined) months.add(month);
      }
    }
  }
  analysis.terms.forEach((term, t) => {
    if (pending.includes(term) && fieldsFound(term.number!.date!, dates, (m) => months.has(m))) anywhere[t] = true;
  });
}

/** The stems a claim word is found under: its own, and a hyphenated pair's read as one word. */
function lookups(term: ClaimTerm): readonly string[] {
  return term.joined ? [term.stem, ...term.joined] : [term.stem];
}

/**
 * A people's or a language's name is its place's name with an ending ("Ukrainian", "Libyan",
 * "Chinese", "Mexican"): the stems of the place names a capitalised claim word may be made from,
 * its ending taken off and at most one letter put back ("Ukrain" + "e", "Liby" + "a", "Chin" +
 * "a", "Mexic" + "o"). At least four letters stay, so "Brian" or "Megan" yield nothing.
 */
const PLACE_ENDINGS = ['ian', 'ean', 'ese', 'an'];
const PUT_BACK = ['', 'a', 'e', 'o', 'y'];
export function placeStems(term: ClaimTerm): string[] {
  if (term.kind === 'number' || !/^\p{Lu}/u.test(term.surface)) return [];
  const word = term.surface.toLowerCase();
  const out = new Set<string>();
  for (const ending of PLACE_ENDINGS) {
    if (!word.endsWith(ending) || word.length - ending.length < 4) continue;
    const base = word.slice(0, -ending.length);
    for (const letter of PUT_BACK) out.add(stem(base + letter));
  }
  out.delete(term.stem);
  return [...out];
}

/**
 * The sentences where a claim word the source never writes stands as the place it is made from:
 * a capitalised source word of one of `placeStems` ("Libya" for "Libyan"; a lower-case "germ" is
 * never "German").
 */
export function placeSentences(source: SourceIndex, term: ClaimTerm): number[] {
  const out: number[] = [];
  for (const key of placeStems(term)) {
    for (const s of source.postings.get(key) ?? []) {
      const { tokenFrom, tokenTo } = source.sentences[s];
      for (let k = tokenFrom; k < tokenTo; k++) {
        if (source.tokens[k].capital && source.tokens[k].stem === key) {
          out.push(s);
          break;
        }
      }
    }
  }
  return out;
}

/**
 * The letters of a claim word written as an acronym ("TFGM", "TfGM", "WHO", "NVMe"): 2–8 letters,
 * at least two of them capitals, never two lower-case letters together. Null for any other word.
 */
export function acronymLetters(term: ClaimTerm): string | null {
  const s = term.surface;
  if (term.kind === 'number' || !/^\p{Lu}\p{L}{1,7}$/u.test(s) || /\p{Ll}{2}/u.test(s) || (s.match(/\p{Lu}/gu)?.length ?? 0) < 2) return null;
  return s.toLowerCase();
}

/**
 * The sentences where a claim's acronym the source never writes stands written out: a run of
 * capitalised words whose initials are its letters, in order ("Transport for Greater Manchester"
 * for TFGM; not "Riverside Valley Transit Authority" for RVT). A lower-case word that may stand
 * inside a name (`NAME_JOINT`: "of", "for", "the" …) may stand between two of them, its initial
 * counted or not.
 */
export function initialsSentences(source: SourceIndex, term: ClaimTerm): number[] {
  const letters = acronymLetters(term);
  if (!letters) return [];
  const out: number[] = [];
  for (let s = 0; s < source.bodyEnd; s++) {
    const { tokenFrom, tokenTo } = source.sentences[s];
    for (let k = tokenFrom; k < tokenTo; k++) {
      const tok = source.tokens[k];
      if (tok.capital && tok.word[0] === letters[0] && spellsRest(source.tokens, source.text, k, tokenTo, letters, 1)) {
        out.push(s);
        break;
      }
    }
  }
  return out;
}

/**
 * Do the capitalised words after token `k` (before `end`) spell `letters` from `p` on, the run
 * ending there (no capitalised word right after its last)?
 */
function spellsRest(tokens: Token[], text: string, k: number, end: number, letters: string, p: number): boolean {
  if (p === letters.length) return !(k + 1 < end && tokens[k + 1].capital && NAME_ADJACENT.test(text.slice(tokens[k].end, tokens[k + 1].start)));
  let c = k + 1;
  while (c < end && c <= k + 3 && !tokens[c].capital) c++;
  if (c >= end || !tokens[c].capital) return false;
  const gap = text.slice(tokens[k].end, tokens[c].start);
  if (!(c === k + 1 ? NAME_ADJACENT : NAME_JOINT).test(gap)) return false;
  const next = tokens[c].word[0];
  if (next === letters[p] && spellsRest(tokens, text, c, end, letters, p + 1)) return true;
  const joint = tokens.slice(k + 1, c).map((t) => t.word[0]).join('') + next;
  return c > k + 1 && letters.startsWith(joint, p) && spellsRest(tokens, text, c, end, letters, p + joint.length);
}

/** How many of the source's sentences hold the term, under any of its stems. */
function sentencesHolding(source: SourceIndex, term: ClaimTerm): number {
  if (!term.joined) return source.postings.get(term.stem)?.length ?? 0;
  const held = new Set<number>();
  for (const stem of lookups(term)) for (const s of source.postings.get(stem) ?? []) held.add(s);
  return held.size;
}

function weigh(analysis: ClaimAnalysis, sources: SourceIndex[], params: RetrievalParams): number[] {
  let n = 0;
  for (const s of sources) n += s.bodyEnd;
  return analysis.terms.map((term) => {
    let df = 0;
    if (term.kind !== 'number') for (const s of sources) df += sentencesHolding(s, term);
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
  params: RetrievalParams,
  out: Window[],
  anywhere: boolean[],
): void {
  const synonyms = params.synonyms !== false;
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
      for (const s of source.numbered) {
        if (s >= source.bodyEnd) break;
        if (statedIn(source.sentences[s].numbers, term.number!)) {
          mark(s, t);
          anywhere[t] = true;
        }
      }
      return;
    }
    // Synonyms stand in only for a word the source never uses: where it has the claim's own word,
    // that word locates the passage better than any of its synonyms.
    const own = lookups(term).some((stem) => source.postings.has(stem));
    if (!own && synonyms) credited[t] = termWeights[t] * (params.synonymCredit ?? 1);
    for (const stem of own || !synonyms ? lookups(term) : synonymsOf(term.stem)) {
      const list = source.postings.get(stem);
      if (!list) continue;
      anywhere[t] = true;
      for (const s of list) mark(s, t);
    }
    // "Libyan" where the source only writes "Libya": found, as by a synonym (the coverage counts it
    // fully; the order shown, like any word the source does not write as the claim does, at
    // `synonymCredit`).
    // "TFGM" where the source only writes "Transport for Greater Manchester": the same.
    if (!own) {
      for (const s of [...placeSentences(source, term), ...initialsSentences(source, term)]) {
        anywhere[t] = true;
        mark(s, t);
      }
    }
  });
  const standsFor = abbreviatedTerms(source, analysis);
  const longest = params.maxWindow ?? MAX_WINDOW;
  // Every window starts and ends on a sentence holding a claim term: one whose edge sentence adds
  // nothing is dominated by a shorter one. (Their order here does not matter: `retrieve` sorts them
  // by coverage, length and position, which tells apart any two windows of one source.)
  for (const from of has.keys()) {
    for (let len = 1; len <= longest; len++) {
      const to = from + len - 1;
      if (to >= source.bodyEnd) break;
      if (len > 1 && !has.has(to)) continue;
      const matched = new Array<boolean>(analysis.terms.length).fill(false);
      for (let k = from; k <= to; k++) for (const t of has.get(k) ?? []) matched[t] = true;
      const penalty = params.windowPenalty * (len - 1);
      const coverage = weightedShare(matched, termWeights, total) - penalty;
      const shown = weightedShare(standsFor ? withAbbreviations(matched, standsFor, from, to) : matched, credited, total) - penalty;
      out.push({ source, from, to, matched, coverage: Math.max(0, coverage), shown: Math.max(0, shown) });
    }
  }
}

/** Per claim word: the sentences where an abbreviation of a phrase holding it is used (null when none is). */
function abbreviatedTerms(source: SourceIndex, analysis: ClaimAnalysis): number[][] | null {
  let out: number[][] | null = null;
  for (const abbreviation of abbreviationsOf(source)) {
    if (abbreviation.usedIn.length === 0) continue;
    analysis.terms.forEach((term, t) => {
      if (term.kind === 'number' || !abbreviation.phrase.includes(term.stem)) return;
      out ??= analysis.terms.map(() => []);
      out[t].push(...abbreviation.usedIn);
    });
  }
  return out;
}

/** The window's claim terms, with those an abbreviation used in it stands for. */
function withAbbreviations(matched: boolean[], standsFor: number[][], from: number, to: number): boolean[] {
  return matched.map((m, t) => m || standsFor[t].some((s) => s >= from && s <= to));
}

export function weightedShare(flags: boolean[], termWeights: number[], total: number): number {
  if (total <= 0) return 0;
  let got = 0;
  for (let i = 0; i < flags.length; i++) if (flags[i]) got += termWeights[i];
  return got / total;
}

/** Weighted share of the claim's terms a window holds, leaving out the terms in `skip`. */
export function coverageExcept(w: Window, termWeights: number[], skip: Set<number>): number {
  let got = 0;
  let all = 0;
  for (let i = 0; i < termWeights.length; i++) {
    if (skip.has(i)) continue;
    all += termWeights[i];
    if (w.matched[i]) got += termWeights[i];
  }
  return all > 0 ? got / all : 0;
}
