/**
 * The quotation and parenthesis rules of the claim boundary (claims.ts), on a block's clean text
 * and its sentence starts (strings and offsets in, strings and offsets out).
 *
 * Parentheses: a claim never starts or ends inside a parenthesis opened or closed outside it.
 * Ending inside one ("166 gares (402 millions en 2013[44]), un réseau…"), it runs on to the
 * closing bracket, or closes it when another group comes first ("(mice[1], birds[2])"). Starting
 * inside one ("Berlin (… [3] Écouter) est la capitale[4]"), it starts where the parenthesis
 * opens, and leaves out the parenthesis when its own words come after it: that aside holds
 * other groups and is theirs ("Berlin est la capitale").
 *
 * Quotations: a claim never starts inside a quotation opened before it. A sentence that closes a
 * quotation opened in an earlier sentence (“… taken for granted. It’s time to break with the
 * past,” he said[3]) starts where the quotation opens, at most QUOTED_SENTENCES back and never
 * past an earlier group inside the quotation; a group before the quotation opens, in the sentence
 * that opens it, leaves the claim that whole sentence, cut by the clause rule (quotationOpening: for a marker's claim, BlockText.quotationStart, and
 * for an attributed link's sentence, BlockText.sentenceAround). A group before a quotation that
 * runs over several sentences is not inside its clause: the sentence is read on to where the
 * quotation closes (endPastQuotation).
 */
import { HAS_WORD, lowerBound } from './text';

/** The most sentences a quotation is followed through back or on (quotationOpening, endPastQuotation). */
const QUOTED_SENTENCES = 6;

/**
 * Does [from, end) of `text` close a quotation it never opened? Curly and angle quotes say which
 * they are; a straight one is read by where it stands: after a space, an opening bracket or a
 * dash, or at the text's start, it opens; after anything else (a word, a stop) it closes.
 */
function closesUnopenedQuote(text: string, from: number, end: number): boolean {
  let open = 0;
  let straight = 0;
  for (let i = from; i < end; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 0x201c || ch === 0xab) open++;
    else if (ch === 0x201d || ch === 0xbb) {
      if (open === 0) return true;
      open--;
    } else if (ch === 34) {
      if (i === 0 || OPENS_AFTER.test(text[i - 1])) straight++;
      else if (straight === 0) return true;
      else straight--;
    }
  }
  return false;
}

/** What a straight quote that opens a quotation stands after. */
const OPENS_AFTER = /[\s([{\u2014\u2013-]/;

/** Quotations a text opens and leaves open (curly “ ” and « », or an odd count of straight "). */
function openQuotes(text: string): number {
  let open = 0;
  let straight = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 0x201c || ch === 0xab) open++;
    else if ((ch === 0x201d || ch === 0xbb) && open > 0) open--;
    else if (ch === 34) straight++;
  }
  return open + (straight % 2);
}

/** The start of sentence `s`, or of the earlier sentence (after `limit`) whose quotation [start of `s`, `end`) closes. */
export function quotationOpening(clean: string, starts: readonly number[], s: number, end: number, limit: number): number {
  const from = starts[s];
  if (!closesUnopenedQuote(clean, from, end)) return from;
  for (let k = s - 1; k >= 0 && s - k <= QUOTED_SENTENCES; k--) {
    if (starts[k] > limit) {
      if (openQuotes(clean.slice(starts[k], from)) > 0) return starts[k];
      continue;
    }
    // The sentence that holds the earlier group: when the quotation opens after the group
    // ("… resigned in May[1] and the chair wrote: “We acted too slowly. …”[2]"), the claim starts
    // with that sentence, and the clause rule (claims.ts) picks the clause since the group or
    // the whole sentence, as for any clause.
    if (openQuotes(clean.slice(limit, from)) > 0) return starts[k];
    break;
  }
  return from;
}

/**
 * Where sentence `s` ends when a quotation opened in it closes in a later sentence ("…
 * posted a statement: "We moved too slowly. We are sorry."[28]"): the end of the sentence that
 * closes it, at most QUOTED_SENTENCES on. A group after the quotation still cites the words
 * before it, so a group before it is not inside its clause.
 */
export function endPastQuotation(clean: string, starts: readonly number[], s: number): number {
  let last = s;
  let open = openQuotes(clean.slice(starts[s], sentenceEnd(clean, starts, s)));
  while (open > 0 && last + 1 < starts.length && last - s < QUOTED_SENTENCES) {
    last++;
    open = openQuotes(clean.slice(starts[s], sentenceEnd(clean, starts, last)));
  }
  return open > 0 ? sentenceEnd(clean, starts, s) : sentenceEnd(clean, starts, last);
}

function sentenceEnd(clean: string, starts: readonly number[], s: number): number {
  return s + 1 < starts.length ? starts[s + 1] : clean.length;
}

/** Where a text holds a bracket, "(" or ")", ascending. */
export function bracketPositions(clean: string): number[] {
  const at: number[] = [];
  for (let i = 0; i < clean.length; i++) {
    const ch = clean.charCodeAt(i);
    if (ch === 40 || ch === 41) at.push(i);
  }
  return at;
}

/**
 * The clean text from `start` to `end` (then `tail`, the closing punctuation read at `tailAt`,
 * where the claim's own group sits), its parentheses balanced within the sentence
 * [sentenceStart, sentenceEnd): see Parentheses above. `parens` are the text's bracket
 * positions (bracketPositions), `groupAt` where each marker group sat in it.
 */
export function balancedText(
  clean: string,
  parens: readonly number[],
  groupAt: readonly number[],
  start: number,
  end: number,
  sentenceStart: number,
  sentenceEnd: number,
  tail: string,
  tailAt: number,
): string {
  // Only brackets change anything below: the clean text's are visited from their list, the tail's one by one.
  let next = lowerBound(parens, start);
  const opens: number[] = [];
  let cut: [number, number] | undefined;
  for (let i = start; i < end + tail.length; i++) {
    if (i < end) {
      if (next >= parens.length || parens[next] >= end) {
        i = end - 1;
        continue;
      }
      i = parens[next++];
    }
    const ch = i < end ? clean.charCodeAt(i) : tail.charCodeAt(i - end);
    if (ch === 40 /* ( */) opens.push(i);
    else if (ch === 41 /* ) */ && opens.pop() === undefined && !cut) {
      // Only separators before it: it closes the previous group's parenthesis.
      if (!HAS_WORD.test(clean.slice(start, Math.min(i, end)))) {
        start = i + 1;
        continue;
      }
      const open = matchingOpen(clean, start, sentenceStart);
      if (open === undefined) continue;
      const from = groupAt.filter((at) => at >= sentenceStart && at <= open).pop() ?? sentenceStart;
      if (HAS_WORD.test(clean.slice(i + 1, end))) cut = [open, i + 1];
      start = Math.min(start, from);
    }
  }
  let text = (cut ? clean.slice(start, cut[0]) + clean.slice(cut[1], end) : clean.slice(start, end)) + tail;
  // Still open at the end: run on to where each closes, unless another group comes first.
  let from = tail ? tailAt + tail.length : end;
  for (let n = opens.length; n > 0; n--) {
    const close = matchingClose(clean, from, sentenceEnd);
    if (close === undefined || groupAt.some((at) => at > tailAt && at >= from && at <= close)) {
      text = text.replace(/[\s,;:]+$/, '') + ')'.repeat(n);
      break;
    }
    text += clean.slice(from, close + 1);
    from = close + 1;
  }
  return text;
}

/** A text with its parenthesised asides left out (undefined when its brackets do not pair up). */
export function withoutParentheses(text: string): string | undefined {
  if (text.indexOf('(') < 0 && text.indexOf(')') < 0) return text;
  let out = '';
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '(') depth++;
    else if (ch === ')') {
      if (--depth < 0) return undefined;
    } else if (depth === 0) out += ch;
  }
  return depth === 0 ? out : undefined;
}

/** Where the parenthesis still open at `from` opens, searching back to `limit`. */
function matchingOpen(text: string, from: number, limit: number): number | undefined {
  let depth = 0;
  for (let i = from - 1; i >= limit; i--) {
    const ch = text.charCodeAt(i);
    if (ch === 41) depth++;
    else if (ch === 40 && depth-- === 0) return i;
  }
  return undefined;
}

/** Where the parenthesis open at `from` closes, searching on to `limit`. */
function matchingClose(text: string, from: number, limit: number): number | undefined {
  let depth = 0;
  for (let i = from; i < limit; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 40) depth++;
    else if (ch === 41 && depth-- === 0) return i;
  }
  return undefined;
}
