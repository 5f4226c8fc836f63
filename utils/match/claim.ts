/**
 * What of a claim must be found in its source.
 *
 * The claim arrives as extraction left it: its attribution phrase ("According to nature.com, …")
 * already taken off and kept on the claim (`Claim.attribution`), so nothing is stripped here but
 * citation markers ("[12]", "[Source 2]") a text may still carry. The rest is split into parts at clause boundaries
 * (";", "and", "but", ", while"), because "X did A and B in 2021" is only supported when both A
 * and B are; a fragment with fewer than two key words joins the part before it ("salt and
 * pepper" stays one part).
 */
import { readNumbers, isNumberWord, type NumberMention } from './numbers';
import { inCapitals, initialismLetters, joinedPair, joinedStem, tokenize, type Token } from './text';
import { STOPWORDS } from './words';

export type TermKind = 'word' | 'name' | 'number';

export interface ClaimTerm {
  /** Stem (words) or a display key (numbers). */
  stem: string;
  /** As written in the claim, for `matched` / `missing`. */
  surface: string;
  kind: TermKind;
  part: number;
  /** For numbers. */
  number?: NumberMention;
  /** Token position in the claim (for word order and conflict context). */
  position: number;
  /**
   * A part of a hyphenated pair ("co-operation"): the pair's stem read as one word ("cooper"),
   * under which the term is also found, as the source index posts both ways.
   */
  joined?: string[];
}

export interface ClaimAnalysis {
  /** The claim without markers and attribution. */
  text: string;
  tokens: Token[];
  numbers: NumberMention[];
  terms: ClaimTerm[];
  parts: number;
  /** Each part's text, as offsets into `text` (a leading "and"/"but" left out). */
  partSpans: { start: number; end: number }[];
}

const MARKER = /\[(?:\s*(?:\d+|[a-z]|source\s*\d+|citation needed|note\s*\d+)\s*(?:[,;–-]\s*(?:\d+|source\s*\d+)\s*)*)\]|\((?:source\s*\d+)\)/gi;
/** The claim's checkable text: citation markers removed. */
export function cleanClaim(claim: string): string {
  return claim.replace(MARKER, ' ').replace(/\s+/g, ' ').trim();
}

/** Titles and abbreviations whose full stop does not end a sentence ("Dr. Seuss", "St. Louis"). */
const ABBREVIATIONS = new Set(['mr', 'mrs', 'ms', 'dr', 'st', 'mt', 'ft', 'jr', 'sr', 'prof', 'gen', 'col', 'lt', 'sgt', 'capt', 'rev', 'gov', 'sen', 'rep', 'hon', 'no', 'vs']);

/**
 * Does `tok` open a sentence, the token before it being `prev`? After ".", "!", "?" or ":" it does,
 * except after the full stop of an initial ("Kurt B. Riley", "the U.S. Supreme Court", "The A.V.
 * Club") or of a title ("Dr. Smith"): the capital there is a name's, not a sentence's.
 */
export function opensSentence(text: string, prev: Token, tok: Token): boolean {
  const gap = text.slice(prev.end, tok.start);
  if (!/[.!?:]\s*$/.test(gap)) return false;
  if (!/^\.\s+$/.test(gap)) return true;
  const before = text.slice(prev.start, prev.end);
  const initial = /^\p{Lu}$/u.test(before) || /^(?:\p{L}\.)+\p{L}$/u.test(before);
  return !initial && !ABBREVIATIONS.has(prev.word);
}

const PART_BREAK = /^(?:and|but|while|whereas|although|though|yet)$/;

export function analyseClaim(claim: string): ClaimAnalysis {
  const text = cleanClaim(claim);
  const tokens = tokenize(text);
  const numbers = readNumbers(tokens, text);
  const numberAt = new Map<number, NumberMention>();
  const inNumber = new Set<number>();
  for (const n of numbers) {
    numberAt.set(n.first, n);
    for (let i = n.first; i <= n.last; i++) inNumber.add(i);
  }

  // Part boundaries: a clause word, or a ";" between tokens.
  const rawPart: number[] = [];
  let part = 0;
  for (let i = 0; i < tokens.length; i++) {
    const gap = i > 0 ? text.slice(tokens[i - 1].end, tokens[i].start) : '';
    if (i > 0 && (PART_BREAK.test(tokens[i].word) || /;/.test(gap))) part++;
    rawPart.push(part);
  }

  const terms: ClaimTerm[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i];
    const n = numberAt.get(i);
    if (n) {
      const key = '#' + text.slice(n.start, n.end).toLowerCase();
      if (!seen.has(key)) {
        seen.add(key);
        terms.push({ stem: key, surface: text.slice(n.start, n.end), kind: 'number', part: rawPart[i], number: n, position: i });
      }
      continue;
    }
    if (inNumber.has(i) || (STOPWORDS.has(tok.word) && !inCapitals(text, tok)) || isNumberWord(tok.word)) continue;
    if (tok.word.length < 2 && !/\d/.test(tok.word)) continue;
    if (seen.has(tok.stem)) continue;
    seen.add(tok.stem);
    const name = tok.capital && i > 0 && !opensSentence(text, tokens[i - 1], tok);
    const term: ClaimTerm = { stem: tok.stem, surface: text.slice(tok.start, tok.end), kind: name ? 'name' : 'word', part: rawPart[i], position: i };
    const joined: string[] = [];
    if (i > 0 && joinedPair(text, tokens[i - 1], tok)) joined.push(joinedStem(tokens[i - 1], tok));
    if (i + 1 < tokens.length && joinedPair(text, tok, tokens[i + 1])) joined.push(joinedStem(tok, tokens[i + 1]));
    const letters = initialismLetters(tok);
    if (letters) joined.push(letters);
    if (joined.length) term.joined = joined;
    terms.push(term);
  }

  // Merge fragments with fewer than two key terms into the part before (or after) them.
  const counts = new Map<number, number>();
  for (const t of terms) counts.set(t.part, (counts.get(t.part) ?? 0) + 1);
  const order = [...counts.keys()].sort((a, b) => a - b);
  const remap = new Map<number, number>();
  let current = -1;
  for (const p of order) {
    if (current < 0 || (counts.get(p) ?? 0) >= 2) current = p;
    remap.set(p, current);
  }
  // A short first fragment joins the next part instead of standing alone.
  if (order.length > 1 && (counts.get(order[0]) ?? 0) < 2) {
    const next = remap.get(order[1])!;
    for (const [p, q] of remap) if (q === order[0]) remap.set(p, next);
  }
  const dense = new Map<number, number>();
  for (const t of terms) {
    const p = remap.get(t.part)!;
    if (!dense.has(p)) dense.set(p, dense.size);
    t.part = dense.get(p)!;
  }
  // Every token joins its raw part's final part (a raw part without key terms, the part before it).
  const partSpans: { start: number; end: number }[] = [];
  let last = 0;
  for (let i = 0; i < tokens.length; i++) {
    const mapped = remap.get(rawPart[i]);
    const p = mapped === undefined ? last : (dense.get(mapped) ?? last);
    last = p;
    const span = partSpans[p];
    const lead = (!span || span.start === span.end) && PART_BREAK.test(tokens[i].word);
    if (!span) partSpans[p] = lead ? { start: tokens[i].end, end: tokens[i].end } : { start: tokens[i].start, end: tokens[i].end };
    else if (!lead) {
      if (span.start === span.end) span.start = tokens[i].start;
      span.end = tokens[i].end;
    }
  }
  for (let p = 0; p < Math.max(1, dense.size); p++) partSpans[p] ??= { start: 0, end: 0 };
  return { text, tokens, numbers, terms, parts: Math.max(1, dense.size), partSpans };
}
