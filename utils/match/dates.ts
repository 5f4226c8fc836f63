/**
 * Calendar dates in the forms prose and data write them, read from a sentence's tokens.
 *
 * Numeric: "2020-03-05" and "2020/03/05" (year first: unambiguous), "05/03/2020", "3/5/2020",
 * "05-03-2020" (day and month either way round unless one of them exceeds 12), "5.3.2020" (day
 * first, the dotted order). Worded: "5 March 2020", "5th of March 2020", "March 5, 2020",
 * "March 2020", "December of 2019", "5 March", "March 5". A date keeps the precision written:
 * "March 2020" has no day.
 *
 * What is not a date: a month name alone ("in March" stays a word), two parts ("2019-2020" is a
 * range, "3-1" a score, "3/4" a fraction), a year that is not four digits from 1000 to 2100
 * ("1.2.3" is a version, "555-123-4567" a phone number), a month over 12 or a day the month lacks,
 * and a numeric form glued to more digits ("2020-03-05-01").
 */
import type { Token } from './text';

export interface CalendarDate {
  year?: number;
  month?: number;
  day?: number;
}

export interface DateReading {
  /** One reading, or two when day and month could be either way round ("05/03/2020"). */
  readings: CalendarDate[];
  last: number;
  end: number;
}

// A map, not an object: a capitalised "Constructor" is not a month (and a word is found by its hash).
const MONTH_NAMES = new Map<string, number>(Object.entries({
  january: 1, february: 2, march: 3, april: 4, may: 5, june: 6, july: 7, august: 8,
  september: 9, october: 10, november: 11, december: 12,
  jan: 1, feb: 2, mar: 3, apr: 4, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
}));
const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function validDay(month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= DAYS_IN_MONTH[month - 1];
}

function asYear(word: string): number | undefined {
  if (!/^\d{4}$/.test(word)) return undefined;
  const y = Number(word);
  return y >= 1000 && y <= 2100 ? y : undefined;
}

function asDay(word: string): number | undefined {
  const m = /^(\d{1,2})(?:st|nd|rd|th)?$/.exec(word);
  if (!m) return undefined;
  const d = Number(m[1]);
  return d >= 1 && d <= 31 ? d : undefined;
}

/** A capitalised month name ("may" in lower case is the verb). */
function asMonth(tok: Token | undefined): number | undefined {
  return tok && tok.capital ? MONTH_NAMES.get(tok.word) : undefined;
}

/** The date starting at token `i`, if one does. */
export function readDate(tokens: Token[], i: number, text: string): DateReading | null {
  return numericDate(tokens, i, text) ?? wordDate(tokens, i, text);
}

function gap(tokens: Token[], a: number, text: string): string {
  return text.slice(tokens[a].end, tokens[a + 1].start);
}

function numericDate(tokens: Token[], i: number, text: string): DateReading | null {
  const tok = tokens[i];
  const dotted = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(tok.word);
  if (dotted) {
    const [day, month, year] = [Number(dotted[1]), Number(dotted[2]), asYear(dotted[3])];
    if (year === undefined || !validDay(month, day)) return null;
    return { readings: [{ year, month, day }], last: i, end: tok.end };
  }
  if (i + 2 >= tokens.length || !/^\d{1,4}$/.test(tok.word)) return null;
  const sep = gap(tokens, i, text);
  if ((sep !== '-' && sep !== '/') || gap(tokens, i + 1, text) !== sep) return null;
  const [a, b, c] = [tok.word, tokens[i + 1].word, tokens[i + 2].word];
  if (!/^\d{1,2}$/.test(b)) return null;
  // Glued to more digits on either side: a longer code, not a date.
  const before = text.slice(Math.max(0, tok.start - 2), tok.start);
  const after = text.slice(tokens[i + 2].end, tokens[i + 2].end + 2);
  if (/[-/.]\d$/.test(before) || /^[-/.]\d/.test(after)) return null;
  const readings: CalendarDate[] = [];
  const isoYear = asYear(a);
  if (isoYear !== undefined) {
    if (/^\d{1,2}$/.test(c) && validDay(Number(b), Number(c))) readings.push({ year: isoYear, month: Number(b), day: Number(c) });
  } else {
    const year = asYear(c);
    if (year === undefined || !/^\d{1,2}$/.test(a)) return null;
    const [x, y] = [Number(a), Number(b)];
    if (validDay(y, x)) readings.push({ year, month: y, day: x });
    if (x !== y && validDay(x, y)) readings.push({ year, month: x, day: y });
  }
  return readings.length ? { readings, last: i + 2, end: tokens[i + 2].end } : null;
}

/** Only spaces, or a comma and spaces, between two tokens of a worded date. */
function close(tokens: Token[], a: number, text: string, comma = false): boolean {
  return (comma ? /^,?\s+$/ : /^\s+$/).test(gap(tokens, a, text));
}

function wordDate(tokens: Token[], i: number, text: string): DateReading | null {
  let j = i;
  let day: number | undefined;
  let month = asMonth(tokens[i]);
  if (month === undefined) {
    // "5 March", "5th of March"
    day = asDay(tokens[i].word);
    if (day === undefined || !tokens[i + 1] || !close(tokens, i, text)) return null;
    j = i + 1;
    if (tokens[j].word === 'of' && tokens[j + 1] && close(tokens, j, text)) j++;
    month = asMonth(tokens[j]);
    if (month === undefined || !validDay(month, day)) return null;
  } else if (tokens[j + 1] && close(tokens, j, text)) {
    // "March 5"
    const d = asDay(tokens[j + 1].word);
    if (d !== undefined && asYear(tokens[j + 1].word) === undefined && validDay(month, d)) {
      day = d;
      j++;
    }
  }
  // A year after: "5 March 2020", "March 5, 2020", "December of 2019".
  let year: number | undefined;
  let k = j;
  if (tokens[k + 1]?.word === 'of' && day === undefined && close(tokens, k, text)) k++;
  if (tokens[k + 1] && close(tokens, k, text, day !== undefined && k === j)) year = asYear(tokens[k + 1].word);
  if (year !== undefined) j = k + 1;
  if (day === undefined && year === undefined) return null;
  return { readings: [{ year, month, day }], last: j, end: tokens[j].end };
}

/** Do two dates agree on every field both write (at least one)? */
function agree(a: CalendarDate, b: CalendarDate): boolean {
  let shared = 0;
  for (const f of ['year', 'month', 'day'] as const) {
    if (a[f] === undefined || b[f] === undefined) continue;
    if (a[f] !== b[f]) return false;
    shared++;
  }
  return shared > 0;
}

/** Same date at the coarser precision, under some reading of each ("05/03/2020" agrees with 5 March and with 3 May). */
export function sameDate(a: CalendarDate[], b: CalendarDate[]): boolean {
  return a.some((x) => b.some((y) => agree(x, y)));
}

/** Could the two dates fill the same slot: do they write at least one field in common? */
export function sharesField(a: CalendarDate[], b: CalendarDate[]): boolean {
  const fields = (ds: CalendarDate[]) => new Set(ds.flatMap((d) => (['year', 'month', 'day'] as const).filter((f) => d[f] !== undefined)));
  const fb = fields(b);
  return [...fields(a)].some((f) => fb.has(f));
}

/**
 * Is every field the claim's date writes found somewhere, each on its own: its year in some date
 * or year, its month as a month name or in some date, its day in some date with that month? For
 * the presence of a claim's dates anywhere in its sources ("October" here, "2007" there), never for
 * same-slot agreement.
 */
export function fieldsFound(claim: CalendarDate[], found: CalendarDate[], monthNamed: (month: number) => boolean): boolean {
  return claim.some(
    (c) =>
      (c.year === undefined || found.some((d) => d.year === c.year)) &&
      (c.month === undefined || monthNamed(c.month) || found.some((d) => d.month === c.month)) &&
      (c.day === undefined || found.some((d) => d.month === c.month && d.day === c.day)),
  );
}

/** The month a capitalised month name means ("May"; "may" is the verb). */
export function monthOf(tok: Token): number | undefined {
  return asMonth(tok);
}
