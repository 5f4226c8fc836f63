/**
 * Indexing a source text once, so every claim that cites it is matched without re-reading it.
 *
 * The index holds the sentences (offsets), their tokens, their numbers, and an inverted list from
 * word stem to the sentences that hold it. Sentences inside a trailing bibliography ("References",
 * "Bibliography", "Works cited", "External links", … as a heading line in the second part of the
 * text) are kept out of the inverted list: a claim's words that occur only in a reference list's
 * titles are not backed by the page, they are only cited by it.
 */
import { monthOf } from './dates';
import { isNumberWord, readNumbers, type NumberMention } from './numbers';
import { gluedParts, inCapitals, initialismLetters, joinedPair, joinedStem, sentences as splitSentences, stem, tokenize, type Token } from './text';
import { STOPWORDS } from './words';

export interface IndexedSentence {
  start: number;
  end: number;
  /** Range of this sentence's tokens in `SourceIndex.tokens`. */
  tokenFrom: number;
  tokenTo: number;
  numbers: NumberMention[];
}

export interface SourceIndex {
  readonly id: string;
  readonly text: string;
  readonly sentences: IndexedSentence[];
  readonly tokens: Token[];
  /** Sentences at or after this index are bibliography and never count as evidence. */
  readonly bodyEnd: number;
  /** Stem → indices of body sentences holding it (ascending, no duplicates). */
  readonly postings: Map<string, number[]>;
  /** Indices of the sentences that state a number (ascending): a claim's numbers are sought only there. */
  readonly numbered: number[];
}

const LOWER_LETTER = /^\p{Ll}$/u;
const UPPER_LETTER = /^\p{Lu}$/u;
/** Letter case by code point beyond ASCII: 1 lower-case, 2 upper-case, 0 neither (read once each). */
const caseOfCodePoint = new Map<number, number>();

function letterCase(cp: number): number {
  if (cp < 128) return cp >= 97 && cp <= 122 ? 1 : cp >= 65 && cp <= 90 ? 2 : 0;
  let c = caseOfCodePoint.get(cp);
  if (c === undefined) {
    const ch = String.fromCodePoint(cp);
    c = LOWER_LETTER.test(ch) ? 1 : UPPER_LETTER.test(ch) ? 2 : 0;
    caseOfCodePoint.set(cp, c);
  }
  return c;
}

/**
 * Where the case changes inside a word, as a glued one does: a lower-case letter before a capital,
 * or a capital run before a capitalised word (the pattern `\p{Ll}\p{Lu}|\p{Lu}\p{Lu}\p{Ll}` run
 * over the text, global, each match's index + 1). Scanned by code point instead of by that
 * pattern: a page is mostly ASCII, and an ASCII character other than a letter is passed over at
 * once.
 */
export function caseChanges(text: string): number[] {
  const out: number[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const u = text.charCodeAt(i);
    if (u < 65 || (u > 90 && u < 97) || (u > 122 && u < 128)) {
      i++;
      continue;
    }
    const c0 = text.codePointAt(i)!;
    const w0 = c0 > 0xffff ? 2 : 1;
    const k0 = letterCase(c0);
    const j = i + w0;
    if (k0 === 0 || j >= n) {
      i = j;
      continue;
    }
    const c1 = text.codePointAt(j)!;
    const w1 = c1 > 0xffff ? 2 : 1;
    const k1 = letterCase(c1);
    if (k0 === 1 && k1 === 2) {
      out.push(i + 1);
      i = j + w1;
      continue;
    }
    if (k0 === 2 && k1 === 2 && j + w1 < n) {
      const c2 = text.codePointAt(j + w1)!;
      if (letterCase(c2) === 1) {
        out.push(i + 1);
        i = j + w1 + (c2 > 0xffff ? 2 : 1);
        continue;
      }
    }
    i = j;
  }
  return out;
}

const BIBLIOGRAPHY_HEADING =
  /^(?:#{1,6}\s*)?(?:references?|bibliography|works cited|literature cited|citations|sources|notes and references|footnotes|further reading|external links|references and notes)\s*:?\s*$/i;

/**
 * Could this token be read as (the start of) a number? A digit in it, or a word the number reader
 * reads (`isNumberWord`: "twelve", "half", "million" after "a"): a cheap test before reading numbers.
 */
function mayBeNumber(t: Token): boolean {
  const c = t.word.charCodeAt(0);
  if (c >= 48 && c <= 57) return true;
  return /\d/.test(t.word) || isNumberWord(t.word);
}

/**
 * The tokens the number reader sees: a glued word ending in a month's name ("NewsOPINIONApril 11
 * 2019", "PublishedMarch 5, 2020") is read as that month, so the date after it is one. `glued`:
 * whether the sentence changes case inside a word at all (most do not: the tokens as they are).
 */
function numberTokens(tokens: Token[], text: string, glued: boolean): Token[] {
  if (!glued) return tokens;
  return tokens.map((tok) => {
    const parts = gluedParts(text.slice(tok.start, tok.end));
    if (!parts) return tok;
    const last = parts[parts.length - 1];
    const month: Token = { word: last.toLowerCase(), stem: stem(last.toLowerCase()), start: tok.end - last.length, end: tok.end, capital: true };
    return /^\p{Lu}/u.test(last) && monthOf(month) !== undefined ? month : tok;
  });
}

/** Index a source's text (paragraphs separated by blank lines; any length). */
export function indexSource(id: string, text: string): SourceIndex {
  const spans = splitSentences(text ?? '');
  const tokens: Token[] = [];
  const sentences: IndexedSentence[] = [];
  const numbered: number[] = [];
  let bodyEnd = spans.length;
  // Words glued together in a scraped page ("ScotlandDied"): where the case changes inside a word.
  const glued = caseChanges(text ?? '');
  let g = 0;
  for (let s = 0; s < spans.length; s++) {
    const { start, end } = spans[s];
    const tokenFrom = tokens.length;
    tokenize(text, start, end, tokens);
    let numeric = false;
    for (let t = tokenFrom; t < tokens.length && !numeric; t++) numeric = mayBeNumber(tokens[t]);
    while (g < glued.length && glued[g] < start) g++;
    // Most sentences hold no number: only those are copied out and read.
    const numbers = numeric ? readNumbers(numberTokens(tokens.slice(tokenFrom), text, g < glued.length && glued[g] < end), text) : [];
    // The mentions are the reader's own fresh objects: shifted in place to the source's token indices.
    for (const n of numbers) {
      n.first += tokenFrom;
      n.last += tokenFrom;
    }
    sentences.push({ start, end, tokenFrom, tokenTo: tokens.length, numbers });
    if (numbers.length) numbered.push(s);
    if (bodyEnd === spans.length && start > text.length * 0.3 && end - start < 40 && BIBLIOGRAPHY_HEADING.test(text.slice(start, end))) {
      bodyEnd = s;
    }
  }
  const postings = new Map<string, number[]>();
  const post = (key: string, s: number) => {
    let list = postings.get(key);
    if (!list) postings.set(key, (list = []));
    if (list[list.length - 1] !== s) list.push(s);
  };
  g = 0;
  for (let s = 0; s < bodyEnd; s++) {
    const sentence = sentences[s];
    for (let t = sentence.tokenFrom; t < sentence.tokenTo; t++) {
      const tok = tokens[t];
      // A stop word is left out by the word as written, as the claim's terms are: "several" is
      // not indexed as "sever", so it never matches a claim's "severe".
      if (!STOPWORDS.has(tok.word) || inCapitals(text, tok)) post(tok.stem, s);
      // "U.S." is also found as "US", "J.D." as "JD".
      const letters = tok.word.length > 2 && tok.word.charCodeAt(1) === 46 ? initialismLetters(tok) : null;
      if (letters) post(letters, s);
      // "co-exist" is also found as "coexist", "e-mail" as "email".
      if (t > sentence.tokenFrom && joinedPair(text, tokens[t - 1], tok)) post(joinedStem(tokens[t - 1], tok), s);
      // Each part of a glued word is found besides the whole ("McDonald" stays a word of its own).
      while (g < glued.length && glued[g] <= tok.start) g++;
      if (g < glued.length && glued[g] < tok.end) {
        for (const part of gluedParts(text.slice(tok.start, tok.end)) ?? []) {
          const word = part.toLowerCase().replace(/['’]s$/, '');
          if (word.length > 1 && !STOPWORDS.has(word)) post(stem(word), s);
        }
      }
    }
  }
  return { id, text: text ?? '', sentences, tokens, bodyEnd, postings, numbered };
}

/**
 * An abbreviation a source defines once, as a phrase followed by it in brackets ("favipiravir
 * (FPV)", "intensive care unit (ICU)"), and the later sentences that use it. Scientific texts name
 * a drug or a measure once and abbreviate it after, so the sentences reporting on it lack the words
 * a claim uses; the evidence order counts such a use as the phrase's words (`passages.ts`).
 */
export interface Abbreviation {
  /** Stems of the phrase's words, stop words left out. */
  phrase: string[];
  /** Body sentences after the definition that hold every token of the abbreviation. */
  usedIn: number[];
}

/** "(FPV)", "(COVID-19)": a letter first, 2–8 characters, at least two of them capitals (checked below). */
const BRACKETED = /\(([A-Za-z][A-Za-z0-9-]{1,7})\)/g;
const abbreviationCache = new WeakMap<SourceIndex, Abbreviation[]>();

/** The source's bracketed abbreviations (read once per source). */
export function abbreviationsOf(source: SourceIndex): Abbreviation[] {
  let found = abbreviationCache.get(source);
  if (!found) abbreviationCache.set(source, (found = readAbbreviations(source)));
  return found;
}

function readAbbreviations(source: SourceIndex): Abbreviation[] {
  const out: Abbreviation[] = [];
  // A use is found through the inverted list; an abbreviation that is a stop word as written
  // ("US", "IT") is not in it, so only then are the later sentences' tokens read.
  const usesOf = (own: Token[], after: number): number[] => {
    if (own.some((t) => STOPWORDS.has(t.word))) {
      const out: number[] = [];
      for (let k = after + 1; k < source.bodyEnd; k++) {
        const held = new Set<string>();
        for (let t = source.sentences[k].tokenFrom; t < source.sentences[k].tokenTo; t++) held.add(source.tokens[t].stem);
        if (own.every((x) => held.has(x.stem))) out.push(k);
      }
      return out;
    }
    const [head, ...rest] = own.map((t) => source.postings.get(t.stem) ?? []);
    return head.filter((k) => k > after && rest.every((list) => list.includes(k)));
  };
  for (let s = 0; s < source.bodyEnd; s++) {
    const { start, end } = source.sentences[s];
    const text = source.text.slice(start, end);
    if (!text.includes('(')) continue;
    for (const m of text.matchAll(BRACKETED)) {
      const abbreviation = m[1];
      const letters = abbreviation.replace(/[^A-Za-z]/g, '');
      if ((abbreviation.match(/[A-Z]/g) ?? []).length < 2) continue;
      // The phrase: back from the bracket to the nearest word starting with the abbreviation's
      // first letter, over at most as many words as it has letters.
      const before = text.slice(0, m.index).trimEnd().split(/\s+/).filter(Boolean);
      const initial = letters[0].toLowerCase();
      let from = -1;
      for (let k = before.length - 1; k >= Math.max(0, before.length - letters.length); k--) {
        if (before[k].replace(/^[^A-Za-z0-9]+/, '').toLowerCase().startsWith(initial)) {
          from = k;
          break;
        }
      }
      if (from < 0) continue;
      const phrase = tokenize(before.slice(from).join(' '))
        .filter((t) => !STOPWORDS.has(t.word))
        .map((t) => t.stem);
      const own = tokenize(abbreviation);
      if (phrase.length === 0 || own.length === 0) continue;
      out.push({ phrase, usedIn: usesOf(own, s) });
    }
  }
  return out;
}
