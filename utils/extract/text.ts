/**
 * String helpers for extraction: whitespace, sentences, URLs. No DOM here.
 *
 * Sentences come from `Intl.Segmenter`, never from a hand-written splitter. Node 20's segmenter
 * slows down sharply with the length of its input, so long text is cut into chunks of at most
 * SEGMENT_CHUNK characters at a line break or a full stop before it is segmented; a sentence longer
 * than a chunk is rare enough that splitting it there is the lesser harm.
 */

const SEGMENT_CHUNK = 2000;

let sentenceSegmenter: Intl.Segmenter | undefined;
function segmenter(): Intl.Segmenter {
  sentenceSegmenter ??= new Intl.Segmenter('en', { granularity: 'sentence' });
  return sentenceSegmenter;
}

/** Collapses every run of whitespace (including no-break spaces) to one space and trims. */
export function normalizeSpace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Start offsets of the sentences of `text`, ascending, always beginning with 0. */
export function sentenceStarts(text: string): number[] {
  const starts: number[] = [];
  let offset = 0;
  while (offset < text.length) {
    let end = Math.min(text.length, offset + SEGMENT_CHUNK);
    if (end < text.length) {
      const window = text.slice(offset, end);
      // Cut just after a line break or after the space that follows a full stop.
      const cut = Math.max(window.lastIndexOf('\n') + 1, window.lastIndexOf('. ') + 2);
      if (cut > SEGMENT_CHUNK / 4) end = offset + cut;
    }
    for (const part of segmenter().segment(text.slice(offset, end))) starts.push(offset + part.index);
    offset = end;
  }
  if (starts.length === 0 || starts[0] !== 0) starts.unshift(0);
  return starts;
}

/** Index of the last start in `starts` that is ≤ `position` (binary search). */
export function floorIndex(starts: readonly number[], position: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= position) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** An absolute http(s) URL for `href` against `base`, or undefined for anything else. */
export function resolveHttpUrl(href: string | null | undefined, base: string): string | undefined {
  if (!href) return undefined;
  const trimmed = href.trim();
  if (!trimmed || trimmed.startsWith('#')) return undefined;
  try {
    const url = new URL(trimmed, base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** Hostname without a leading "www.", lower case; "" when the URL does not parse. */
export function domainOf(url: string): string {
  try {
    return new URL(url).hostname.toLowerCase().replace(/^www\./, '');
  } catch {
    return '';
  }
}

/** Bare http(s) URLs written out in text, with sentence punctuation trimmed from their ends. */
export function findBareUrls(text: string): { url: string; start: number; end: number }[] {
  const found: { url: string; start: number; end: number }[] = [];
  for (const m of text.matchAll(/https?:\/\/[^\s<>"'\u00a0]+/g)) {
    let url = m[0];
    // A URL at the end of a sentence or inside brackets carries the punctuation that follows it.
    while (/[.,;:!?)\]}>»”’]$/.test(url)) {
      if (url.endsWith(')') && url.split('(').length > url.split(')').length - 1) break;
      url = url.slice(0, -1);
    }
    found.push({ url, start: m.index, end: m.index + url.length });
  }
  return found;
}

/** Upper-cases the first letter (after any opening quotes or brackets). */
export function capitalizeFirst(text: string): string {
  return text.replace(/^([\s"'“‘(\[]*)(\p{Ll})/u, (_, lead: string, first: string) => lead + first.toUpperCase());
}
