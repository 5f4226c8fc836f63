/**
 * Numbers in their many written forms, read from a sentence's tokens.
 *
 * "65.7%", "65.7 percent", "1,000", "1000", "two-thirds", "3 million", "5.5bn", "twenty-one",
 * "half a million" all become a value plus the precision it was written with. Two mentions agree when each rounds to
 * the other at the coarser precision: "3.2 million" agrees with "3,215,000" but "3,000,000" does
 * not; "two-thirds" agrees with "67%". Four-digit whole numbers from 1000 to 2100 are years, which
 * are compared exactly. Dates ("2020-03-05", "05/03/2020", "5 March 2020", "March 2020"; `dates.ts`)
 * are one mention each, compared field by field at the coarser precision; a year is a date with
 * only its year. A season or term written short ("2018–19", "2018-19", "2018/19", "1999–00") is one
 * mention, a year span; written in full ("2018-2019") it stays two years, and the two forms agree
 * (`statedIn`). No number-parsing package covered fractions, percents and precision
 * together at a smaller size than this file, so it is written here.
 */
import { monthOf, readDate, sameDate, sharesField, type CalendarDate } from './dates';
import type { Token } from './text';

export interface NumberMention {
  value: number;
  /** Half of the written step: 3.2 million → 50 000; 65.7 → 0.05. */
  tolerance: number;
  percent: boolean;
  /** A fraction word such as "two-thirds" or "half" (comparable with percents). */
  fraction: boolean;
  /** States a year (a year alone or a date with its year). */
  year: boolean;
  /** A year or a date: its readings (two when day and month could be either way round). */
  date?: CalendarDate[];
  /** A year span written short ("2018–19"): its first and last year (`value` is the first). */
  span?: { from: number; to: number };
  /** Token indices (into the sentence's tokens) that the mention consumed. */
  first: number;
  last: number;
  start: number;
  end: number;
}

/**
 * A word table as a map, not an object: `"constructor" in {}` is true of a plain object, and a
 * sentence's "constructor" must not be read as a number. A map also finds a token's word by its
 * hash, where `word in object` first looks the fresh string up among the engine's interned ones
 * (every token of a sentence with a number is tested).
 */
function table(entries: Record<string, number>): Map<string, number> {
  return new Map(Object.entries(entries));
}

const UNITS = table({
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9,
  ten: 10, eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16,
  seventeen: 17, eighteen: 18, nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50,
  sixty: 60, seventy: 70, eighty: 80, ninety: 90, dozen: 12,
});
const SCALES = table({
  hundred: 100, thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12,
  k: 1e3, m: 1e6, mn: 1e6, bn: 1e9, b: 1e9, tn: 1e12,
});
const FRACTIONS = table({
  half: 2, halves: 2, third: 3, thirds: 3, quarter: 4, quarters: 4, fourth: 4, fourths: 4,
  fifth: 5, fifths: 5, sixth: 6, sixths: 6, eighth: 8, eighths: 8, tenth: 10, tenths: 10,
});
const NUMBER_WORDS = new Set([...UNITS.keys(), ...SCALES.keys(), ...FRACTIONS.keys(), 'percent']);

/** Words that a number reader consumes, so they are not also counted as key words. */
export function isNumberWord(word: string): boolean {
  return NUMBER_WORDS.has(word);
}

function parseDigits(word: string): { value: number; tolerance: number; plain: boolean } | null {
  const m = /^(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?(k|m|mn|bn|b|tn|st|nd|rd|th|s)?$/.exec(word);
  if (!m) return null;
  const intPart = m[1].replace(/,/g, '');
  const decimals = m[2] ?? '';
  let value = Number(intPart + (decimals ? '.' + decimals : ''));
  let tolerance = decimals ? 0.5 * 10 ** -decimals.length : 0.5;
  const suffix = m[3];
  const scale = suffix && SCALES.get(suffix);
  if (scale) {
    value *= scale;
    tolerance *= scale;
  }
  const plain = !suffix && !decimals && !m[1].includes(',');
  return { value, tolerance, plain };
}

/**
 * Number mentions among `tokens`, a sentence's tokens in order; `text` is the string the
 * offsets point into (needed to see a "%" sign, which is not a word).
 */
export function readNumbers(tokens: Token[], text: string): NumberMention[] {
  const out: NumberMention[] = [];
  let i = 0;
  while (i < tokens.length) {
    const mention = readOne(tokens, i, text);
    if (mention) {
      out.push(mention);
      i = mention.last + 1;
    } else i++;
  }
  return out;
}

/**
 * Can a mention start at this token? Only at a digit, a capitalised month name, a unit word,
 * "a" before a scale word, or "half": the cheap test every other token of the sentence gets
 * instead of the date and digit patterns.
 */
function mayStart(tokens: Token[], i: number, text: string): boolean {
  const tok = tokens[i];
  const c = tok.word.charCodeAt(0);
  if (c >= 48 && c <= 57) return true;
  if (UNITS.has(tok.word) || tok.word === 'half') return true;
  if (tok.word === 'a') return tokens[i + 1] !== undefined && (SCALES.has(tokens[i + 1].word) || aFractionOfScale(tokens, i, text));
  return tok.capital && monthOf(tok) !== undefined;
}

function readOne(tokens: Token[], i: number, text: string): NumberMention | null {
  if (!mayStart(tokens, i, text)) return null;
  const tok = tokens[i];
  const date = readDate(tokens, i, text);
  if (date) {
    const year = date.readings[0].year;
    return { value: year ?? 0, tolerance: 0, percent: false, fraction: false, year: year !== undefined, date: date.readings, first: i, last: date.last, start: tok.start, end: date.end };
  }
  let value: number;
  let tolerance: number;
  let plain = false;
  let fraction = false;
  let j = i;
  const digits = parseDigits(tok.word);
  // "COVID-19", "SARS-CoV-2", "IL-6": digits hyphenated onto a word are part of a name.
  if (digits && i > 0 && /^[-‐‑]$/.test(text.slice(tokens[i - 1].end, tok.start)) && /\p{L}/u.test(tokens[i - 1].word)) return null;
  if (digits) {
    const short = shortYear(tokens, i, text);
    if (short) return short;
    ({ value, tolerance, plain } = digits);
  } else if (UNITS.has(tok.word) || (tok.word === 'a' && tokens[i + 1] !== undefined && SCALES.has(tokens[i + 1].word) && tokens[i + 1].word.length > 2)) {
    // "twenty one", "twenty-one", "a hundred", "a dozen"
    value = tok.word === 'a' ? 1 : UNITS.get(tok.word)!;
    while (tokens[j + 1] && UNITS.has(tokens[j + 1].word) && value >= 20 && value % 10 === 0 && UNITS.get(tokens[j + 1].word)! < 10 && adjacent(tokens[j], tokens[j + 1], text)) {
      j++;
      value += UNITS.get(tokens[j].word)!;
    }
    tolerance = 0.5;
    // "two-thirds", "a half" read as fractions.
    const next = tokens[j + 1];
    if (next && FRACTIONS.has(next.word) && value > 0 && value < FRACTIONS.get(next.word)! && adjacent(tokens[j], next, text)) {
      value = value / FRACTIONS.get(next.word)!;
      tolerance = 0.005;
      fraction = true;
      j++;
    }
  } else if (aFractionOfScale(tokens, i, text)) {
    // "a quarter of a million", "a third of a billion" (not "a third term": only before a scale).
    j = i + 1;
    value = 1 / FRACTIONS.get(tokens[j].word)!;
    tolerance = 0.005;
    fraction = true;
  } else if (tok.word === 'half') {
    value = 0.5;
    tolerance = 0.005;
    fraction = true;
  } else return null;
  // "half a million", "two-thirds of a million", "half million": a fraction of a scale is a count.
  if (fraction) {
    const k = scaleAfterFraction(tokens, j, text);
    if (k > j) {
      const scale = tokens[k].word === 'dozen' ? 12 : SCALES.get(tokens[k].word)!;
      value *= scale;
      tolerance *= scale;
      fraction = false;
      j = k;
    }
  }

  // Scale words: "3 million", "two hundred thousand".
  while (!fraction && tokens[j + 1] && SCALES.has(tokens[j + 1].word) && tokens[j + 1].word.length > 2 && adjacent(tokens[j], tokens[j + 1], text)) {
    j++;
    const scale = SCALES.get(tokens[j].word)!;
    value *= scale;
    tolerance *= scale;
    plain = false;
  }
  let percent = false;
  const after = text.slice(tokens[j].end, tokens[j].end + 3);
  if (/^\s?%/.test(after)) percent = true;
  else if (tokens[j + 1]?.word === 'percent' || (tokens[j + 1]?.word === 'per' && tokens[j + 2]?.word === 'cent')) {
    j += tokens[j + 1].word === 'percent' ? 1 : 2;
    percent = true;
  }
  const year = plain && !percent && tok.word.length === 4 && value >= 1000 && value <= 2100;
  if (year && j === i) {
    const span = shortSpan(tokens, i, text, value);
    if (span) return { value, tolerance: 0, percent: false, fraction: false, year: true, span, first: i, last: i + 1, start: tok.start, end: tokens[i + 1].end };
  }
  const end = percent && /^\s?%/.test(after) ? tokens[j].end + after.indexOf('%') + 1 : tokens[j].end;
  // Two literals rather than a spread of a conditional object (the slow path of object creation);
  // the same keys in the same order.
  return year
    ? { value, tolerance, percent, fraction, year, date: [{ year: value }], first: i, last: j, start: tok.start, end }
    : { value, tolerance, percent, fraction, year, first: i, last: j, start: tok.start, end };
}

/**
 * "2018–19": a four-digit year, a dash, hyphen or slash, and two digits naming a later year of the
 * same century (or "1999–00"). Not "2020-03" (the continuation is not later: a year and a
 * month, or a count), nor a longer code ("2018-19-20").
 */
function shortSpan(tokens: Token[], i: number, text: string, from: number): { from: number; to: number } | null {
  const next = tokens[i + 1];
  if (!next || !/^\d{2}$/.test(next.word) || !/^(?:[-‐‑–—/]|\s[-–—]\s)$/.test(text.slice(tokens[i].end, next.start))) return null;
  if (/^\s?[-‐‑–—/.]?\d|^\s?%/.test(text.slice(next.end, next.end + 3))) return null;
  const yy = Number(next.word);
  let to = from - (from % 100) + yy;
  if (to <= from && from % 100 === 99 && yy === 0) to = from + 1;
  return to > from ? { from, to } : null;
}

/**
 * "class of '92", "in ’86": two digits after an apostrophe that follows no letter or digit are a
 * year of either century, a date with the readings 19yy and 20yy (so never a reliable conflict:
 * `ambiguousDate`). It keeps the value written, so it still agrees with a count of those digits.
 * Not before a digit, a letter, "%", a dash and a digit ("'86-3", a code) or a closing quote
 * ("'22.'", a title).
 */
function shortYear(tokens: Token[], i: number, text: string): NumberMention | null {
  const tok = tokens[i];
  if (tok.end - tok.start !== 2 || !/^\d{2}$/.test(tok.word)) return null;
  if (!/['’]/.test(text.charAt(tok.start - 1)) || /[\p{L}\d]/u.test(text.charAt(tok.start - 2))) return null;
  if (/^(?:[\p{L}\d%]|\s?%|[-‐‑–]\d|[.,!?]?['’])/u.test(text.slice(tok.end, tok.end + 3))) return null;
  const yy = Number(tok.word);
  return { value: yy, tolerance: 0, percent: false, fraction: false, year: true, date: [{ year: 1900 + yy }, { year: 2000 + yy }], first: i, last: i, start: tok.start, end: tok.end };
}

/** Does the mention write the year `y`: a year or a date of that year, or a span beginning or ending with it? */
function writesYear(m: NumberMention, y: number): boolean {
  if (m.span) return m.span.from === y || m.span.to === y;
  return m.year && m.value === y;
}

/**
 * Does a sentence whose numbers are `mentions` state the claim's number? As `sameNumber`, except
 * for a year span: the claim's "2018–19" is stated by a span of the same two years or by both
 * years written in the sentence ("2018-2019", "from 2018 to 2019"), never by one of them alone
 * (the claim's season is not the source's year). A claim's year (or date) is stated by a span that
 * begins or ends with it, as by that year written alone.
 */
export function statedIn(mentions: readonly NumberMention[], claim: NumberMention): boolean {
  const span = claim.span;
  if (!span) return mentions.some((m) => sameNumber(m, claim));
  return mentions.some((m) => m.span?.from === span.from && m.span.to === span.to) || (mentions.some((m) => writesYear(m, span.from)) && mentions.some((m) => writesYear(m, span.to)));
}

/**
 * The index of the scale word a fraction ending at token `j` is taken of ("half a million", "a
 * third of a billion", "half million", "half a dozen"), or `j` when none follows.
 */
function scaleAfterFraction(tokens: Token[], j: number, text: string): number {
  let k = j + 1;
  if (tokens[k]?.word === 'a') k++;
  else if (tokens[k]?.word === 'of' && tokens[k + 1]?.word === 'a') k += 2;
  const scale = tokens[k];
  if (!scale || !(scale.word === 'dozen' || (SCALES.has(scale.word) && scale.word.length > 2))) return j;
  for (let t = j; t < k; t++) if (!adjacent(tokens[t], tokens[t + 1], text)) return j;
  return k;
}

/** "a quarter million", "a third of a billion": "a", a fraction word, and a scale it is taken of. */
function aFractionOfScale(tokens: Token[], i: number, text: string): boolean {
  const next = tokens[i + 1];
  return tokens[i].word === 'a' && next !== undefined && FRACTIONS.has(next.word) && !next.word.endsWith('s') && adjacent(tokens[i], next, text) && scaleAfterFraction(tokens, i + 1, text) > i + 1;
}

/** Only whitespace or a hyphen between two tokens. */
function adjacent(a: Token, b: Token, text: string): boolean {
  return /^[\s\-‐‑–]{0,2}$/.test(text.slice(a.end, b.start));
}

/** Do two mentions denote the same quantity, at the precision they were written with? */
export function sameNumber(a: NumberMention, b: NumberMention): boolean {
  // A span agrees with the same span, and (loosely, so that it is never a rival of either) with a
  // year or date of either of its years; what states a claim's span is `statedIn`'s stricter rule.
  if (a.span && b.span) return a.span.from === b.span.from && a.span.to === b.span.to;
  if (a.span || b.span) {
    const [span, other] = a.span ? [a.span, b] : [b.span!, a];
    return other.year && (other.value === span.from || other.value === span.to);
  }
  if (a.date && b.date) return sameDate(a.date, b.date);
  // A plain "1000" may be a year or a count, so it also agrees with "1,000"; years never round.
  if (a.date || b.date) return onlyYear(a) && onlyYear(b) && a.value === b.value;
  const close = (x: number, tx: number, y: number, ty: number) => Math.abs(x - y) <= Math.max(tx, ty) + 1e-9;
  if (close(a.value, a.tolerance, b.value, b.tolerance)) return true;
  // 67% and two-thirds; 50 percent and half.
  if (a.percent && b.fraction) return close(a.value / 100, a.tolerance / 100, b.value, b.tolerance);
  if (b.percent && a.fraction) return close(b.value / 100, b.tolerance / 100, a.value, a.tolerance);
  return false;
}

/** Could the two mentions be the same slot in two statements (so that differing is a conflict)? */
export function comparable(a: NumberMention, b: NumberMention): boolean {
  // A span is compared only with a span: against a single year it may be either end, never a rival.
  if (a.span || b.span) return !!a.span && !!b.span;
  if (a.date || b.date) return !!a.date && !!b.date && sharesField(a.date, b.date);
  return (a.percent || a.fraction) === (b.percent || b.fraction);
}

/** A count, or a year with no month or day. */
function onlyYear(n: NumberMention): boolean {
  return !n.date || n.date.every((d) => d.month === undefined && d.day === undefined);
}

/** A date whose day and month could be either way round ("05/03/2020"): never a reliable conflict. */
export function ambiguousDate(n: NumberMention): boolean {
  return (n.date?.length ?? 0) > 1;
}
