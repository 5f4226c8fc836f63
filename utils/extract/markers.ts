/**
 * Citation markers written in text: "[Source 2]", "[12]", "[1, 3]", "[2–4]", "[1][2]".
 *
 * A number in square brackets is only a marker when it is small (1–999, no leading zero): a year
 * "[2019]" or an index "[0]" is not. Ranges expand to at most LIMITS.maxRange labels so that
 * "[1–999]" on a hostile page cannot blow up. Numbers are labels, resolved against the page's
 * source lists later; a label with no source makes the claim `unlinked`.
 */
import { LIMITS } from './config';
import { normalizeSpace } from './text';

export interface TextMarker {
  start: number;
  end: number;
  /** As shown: "[Source 2]", "[1, 3]". */
  text: string;
  /** Numbers named, in order: [1, 3] for "[1, 3]", [2, 3, 4] for "[2–4]". */
  numbers: number[];
  /** True for "[Source N]" markers. */
  sourceStyle: boolean;
}

const NUMBER = '[1-9]\\d{0,2}';
const LIST = `${NUMBER}(?:\\s*(?:,|;|–|—|-|and)\\s*${NUMBER})*`;
const MARKER_SOURCE = `\\[\\s*(?:(Sources?)\\s+)?(${LIST})\\s*\\]`;
// Two instances: a global one only ever used through matchAll (which copies it), and a plain
// one for a yes/no test, so that no call leaves a lastIndex behind for another.
const MARKER_ALL = new RegExp(MARKER_SOURCE, 'g');
const MARKER_ONE = new RegExp(MARKER_SOURCE);

/** Expands "1, 3" / "2–4" / "1-2, 5" into numbers (ranges capped). */
export function expandNumbers(list: string): number[] {
  const numbers: number[] = [];
  for (const part of list.split(/\s*(?:,|;|and)\s*/)) {
    const range = part.match(/^(\d+)\s*[–—-]\s*(\d+)$/);
    if (range) {
      const from = Number(range[1]);
      const to = Number(range[2]);
      if (to >= from && to - from < LIMITS.maxRange) {
        for (let n = from; n <= to; n++) numbers.push(n);
      } else {
        numbers.push(from, to);
      }
    } else if (/^\d+$/.test(part)) {
      numbers.push(Number(part));
    }
  }
  return numbers;
}

/** Every bracketed marker in `text` (or in its part [from, to), offsets still in `text`), in order. */
export function findTextMarkers(text: string, from = 0, to = text.length): TextMarker[] {
  const bracket = text.indexOf('[', from);
  if (bracket < 0 || bracket >= to) return [];
  const part = from === 0 && to === text.length ? text : text.slice(from, to);
  const found: TextMarker[] = [];
  for (const m of part.matchAll(MARKER_ALL)) {
    const numbers = expandNumbers(m[2]);
    if (numbers.length === 0) continue;
    found.push({ start: from + m.index, end: from + m.index + m[0].length, text: m[0], numbers, sourceStyle: Boolean(m[1]) });
  }
  return found;
}

/** The label a marker number takes: "Source 2" in [Source N] style, "2" otherwise. */
export function labelFor(n: number, sourceStyle: boolean): string {
  return sourceStyle ? `Source ${n}` : String(n);
}

/** A quick test for the pre-check: does this text hold something that looks like a marker? */
export function looksLikeMarkerText(text: string): boolean {
  if (text.indexOf('[') < 0) return false;
  return MARKER_ONE.test(text);
}

/**
 * The text of a linked or superscript marker element ("[12]", "12", "[a]", "[note 3]"), or
 * undefined when the element reads like ordinary text.
 */
export function markerLabelOf(text: string): { label: string; bracketed: boolean } | undefined {
  const t = normalizeSpace(text);
  if (t.length === 0 || t.length > LIMITS.markerChars) return undefined;
  const bracketed = t.match(/^\[\s*([^\[\]]{1,12}?)\s*\]$/);
  const inner = bracketed ? bracketed[1] : t;
  // Up to four digits in an element (a long page's "[1204]"); text markers stop at three (a year "[2019]").
  if (/^(?:[1-9]\d{0,3}|[a-z]{1,2}|(?:note|n|fn|ref|nb)\s*[1-9]\d{0,2}|Source\s+[1-9]\d{0,2})$/i.test(inner)) {
    return { label: inner, bracketed: Boolean(bracketed) };
  }
  return undefined;
}
