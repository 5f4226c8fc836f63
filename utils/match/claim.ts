/**
 * What of a claim must be found in its source.
 *
 * Citation markers ("[12]", "[Source 2]") and attribution phrases ("According to nature.com, …",
 * "…, according to Reuters", "The WHO said that …") are taken off first: they name the source,
 * they are not what the source has to say. The rest is split into parts at clause boundaries
 * (";", "and", "but", ", while"), because "X did A and B in 2021" is only supported when both A
 * and B are; a fragment with fewer than two key words joins the part before it ("salt and
 * pepper" stays one part).
 */
import { readNumbers, isNumberWord, type NumberMention } from './numbers';
import { tokenize, type Token } from './text';
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
}

export interface ClaimAnalysis {
  /** The claim without markers and attribution. */
  text: string;
  tokens: Token[];
  numbers: NumberMention[];
  terms: ClaimTerm[];
  parts: number;
}

const MARKER = /\[(?:\s*(?:\d+|[a-z]|source\s*\d+|citation needed|note\s*\d+)\s*(?:[,;–-]\s*(?:\d+|source\s*\d+)\s*)*)\]|\((?:source\s*\d+)\)/gi;
const ATTRIBUTION_LEAD = /^\s*(?:according to|as (?:reported|noted|stated|described|explained|shown) (?:by|in)|citing)\s+[^,]{1,80},\s*/i;
const ATTRIBUTION_TAIL = /,?\s*(?:according to|as (?:reported|noted|stated) (?:by|in))\s+[^,.;]{1,80}([.!?]?)\s*$/i;
const SAID_THAT = /^\s*(?:(?:a|an|the)\s+)?[^,;]{0,60}?\b(?:said|says|reported|reports|noted|notes|found|finds|wrote|writes|stated|states|argued|argues|claimed|claims|explained|explains|concluded|concludes|announced|announces)\s+that\s+/i;

/** The claim's checkable text: markers and attribution phrases removed. */
export function cleanClaim(claim: string): string {
  let text = claim.replace(MARKER, ' ');
  text = text.replace(ATTRIBUTION_LEAD, '');
  text = text.replace(ATTRIBUTION_TAIL, '$1');
  const said = SAID_THAT.exec(text);
  // Only a short lead ("The WHO said that", "Researchers found that") is an attribution.
  if (said && said[0].trim().split(/\s+/).length <= 7) text = text.slice(said[0].length);
  return text.replace(/\s+/g, ' ').trim();
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
    if (inNumber.has(i) || STOPWORDS.has(tok.word) || isNumberWord(tok.word)) continue;
    if (tok.word.length < 2 && !/\d/.test(tok.word)) continue;
    if (seen.has(tok.stem)) continue;
    seen.add(tok.stem);
    const name = tok.capital && i > 0 && !/[.!?:]\s*$/.test(text.slice(0, tok.start));
    terms.push({ stem: tok.stem, surface: text.slice(tok.start, tok.end), kind: name ? 'name' : 'word', part: rawPart[i], position: i });
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
  return { text, tokens, numbers, terms, parts: Math.max(1, dense.size) };
}
