/**
 * The reader view's text cut into runs, plain or marked, for the passages to highlight. Pure, so
 * the view renders runs as text nodes (never markup) and the tests check the cuts.
 */

export interface Highlight {
  start: number;
  end: number;
  /** Which passage this is: `evidence` (the best one) or `part` (a stated part of a partial claim). */
  kind: 'evidence' | 'part';
}

export interface Run {
  text: string;
  /** The highlight this run is inside, if any. */
  mark?: Highlight['kind'];
}

/**
 * Highlights clamped to `[0, length)`, empty ones dropped, sorted, and overlapping ones merged
 * (the evidence wins the kind), so no character is marked twice.
 */
export function mergeHighlights(length: number, highlights: readonly Highlight[]): Highlight[] {
  const ranges = highlights
    .map((h) => ({ start: Math.max(0, Math.min(h.start, length)), end: Math.max(0, Math.min(h.end, length)), kind: h.kind }))
    .filter((h) => h.end > h.start)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: Highlight[] = [];
  for (const range of ranges) {
    const last = merged[merged.length - 1];
    if (last && range.start < last.end) {
      last.end = Math.max(last.end, range.end);
      if (range.kind === 'evidence') last.kind = 'evidence';
    } else merged.push({ ...range });
  }
  return merged;
}

/** Splits `text` at the highlights, merged as `mergeHighlights` says. */
export function splitRuns(text: string, highlights: readonly Highlight[]): Run[] {
  const merged = mergeHighlights(text.length, highlights);
  const runs: Run[] = [];
  let at = 0;
  for (const range of merged) {
    if (range.start > at) runs.push({ text: text.slice(at, range.start) });
    runs.push({ text: text.slice(range.start, range.end), mark: range.kind });
    at = range.end;
  }
  if (at < text.length || runs.length === 0) runs.push({ text: text.slice(at) });
  return runs;
}

/** The 1-based page an offset is on, from where each page starts (`pages[i]` is page i + 1). */
export function pageAt(pages: readonly number[] | undefined, offset: number): number | undefined {
  if (!pages?.length) return undefined;
  let page = 1;
  for (let i = 0; i < pages.length; i++) if (pages[i] <= offset) page = i + 1;
  return page;
}
