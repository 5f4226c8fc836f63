/**
 * The quote gate: a judge's answer counts only when it is well formed and its quote occurs in
 * the passages the judge was shown. Otherwise it is dropped and the word-match verdict stands.
 *
 * Judgement calls:
 * - Matching is exact after normalising what a copy may change without changing the words:
 *   Unicode compatibility forms, case, runs of whitespace, and quotation marks (curly, straight,
 *   guillemets; the `‹ ›` the prompt put in place of angle brackets). Nothing fuzzy: a quote with a
 *   word changed, added or left out, or with "…" standing for a gap, does not count.
 * - Quotation marks around the whole quote are the model's, not the source's, and are removed.
 * - A quote must be at least MIN_QUOTE_WORDS words long: "the" occurs in every passage and
 *   proves nothing.
 * - "supported", "partial" and "contradicted" need a quote; "unsupported" may come without one,
 *   but an invented quote sinks any answer, whatever its verdict.
 */
import { JudgeAnswerSchema, type JudgeVerdict } from './answer';
import type { ShownPassage } from './prompt';

export const MIN_QUOTE_WORDS = 3;

export interface AcceptedJudgement {
  ok: true;
  verdict: JudgeVerdict;
  /** The quote as the source has it (a slice of the shown passage), or '' for an unquoted "unsupported". */
  quote: string;
  reason: string;
  /** Where the quote is: the passage's source and its index in the claim's evidence; null without a quote. */
  at: { sourceId: string; index: number; start: number; end: number } | null;
}

export type DropReason = 'off_schema' | 'no_quote' | 'quote_not_found' | 'quote_too_short';
export type GateResult = AcceptedJudgement | { ok: false; reason: DropReason };

const QUOTE_MARKS = /[\u2018\u2019\u201A\u201B\u2032\u0060\u00B4]/g;
const DOUBLE_MARKS = /[\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB]/g;

/** One character's normal form, lower case (may be several characters, or none). */
function normalChar(c: string): string {
  if (c === '‹') return '<';
  if (c === '›') return '>';
  return c.normalize('NFKC').replace(QUOTE_MARKS, "'").replace(DOUBLE_MARKS, '"').toLowerCase();
}

/** The normal form of a text, and for each of its characters the offset it came from. */
export function normalise(text: string): { text: string; from: number[] } {
  let out = '';
  const from: number[] = [];
  let pendingSpace = false;
  for (let i = 0; i < text.length; ) {
    const code = text.codePointAt(i)!;
    const c = String.fromCodePoint(code);
    const width = c.length;
    if (/\s/u.test(c)) {
      pendingSpace = out.length > 0;
    } else {
      if (pendingSpace) {
        out += ' ';
        from.push(i);
        pendingSpace = false;
      }
      for (const n of normalChar(c)) {
        out += n;
        from.push(i);
      }
    }
    i += width;
  }
  from.push(text.length);
  return { text: out, from };
}

const ENCLOSING = /^["'\s]+|["'\s]+$/g;

/** Where a quote occurs in one of the passages, by offsets into that passage; null when it does not. */
export function findQuote(quote: string, passages: readonly { text: string }[]): { passage: number; start: number; end: number } | null {
  const needle = normalise(quote).text.replace(ENCLOSING, '');
  if (!needle) return null;
  for (const [p, passage] of passages.entries()) {
    const hay = normalise(passage.text);
    const at = hay.text.indexOf(needle);
    if (at < 0) continue;
    const start = hay.from[at];
    const lastFrom = hay.from[at + needle.length - 1];
    // The end is just past the last source character that produced the needle's last character.
    let end = lastFrom + 1;
    if (end < passage.text.length && /[\uDC00-\uDFFF]/.test(passage.text[end])) end++;
    return { passage: p, start, end };
  }
  return null;
}

const wordCount = (text: string) => (text.match(/[\p{L}\p{N}]+/gu) ?? []).length;

/** The gate: an answer (already parsed JSON, or anything) against the passages shown. */
export function gateAnswer(answer: unknown, shown: readonly ShownPassage[]): GateResult {
  const parsed = JudgeAnswerSchema.safeParse(answer);
  if (!parsed.success) return { ok: false, reason: 'off_schema' };
  const { verdict, quote, reason } = parsed.data;
  const trimmed = quote.replace(ENCLOSING, '');
  if (!trimmed) {
    if (verdict !== 'unsupported') return { ok: false, reason: 'no_quote' };
    return { ok: true, verdict, quote: '', reason: reason.trim(), at: null };
  }
  const found = findQuote(trimmed, shown);
  if (!found) return { ok: false, reason: 'quote_not_found' };
  if (wordCount(trimmed) < MIN_QUOTE_WORDS) return { ok: false, reason: 'quote_too_short' };
  const passage = shown[found.passage];
  return {
    ok: true,
    verdict,
    quote: passage.text.slice(found.start, found.end),
    reason: reason.trim(),
    at: { sourceId: passage.sourceId, index: passage.index, start: found.start, end: found.end },
  };
}
