/**
 * What the reader is shown: the passages that back the claim best, each with the claim's words
 * it has and lacks and any disagreement, and the claim part by part (what is stated, and where).
 *
 * Passages are ordered with synonym-only matches at partial credit (`synonymCredit`): a synonym
 * backs the claim, but a passage in the claim's own words is the better one to show. The passage
 * that contradicts the claim, when one does, comes first.
 */
import type { Evidence } from '../report/schema';
import type { ClaimAnalysis } from './claim';
import type { PartCoverage } from './features';
import type { Window } from './passages';
import type { MatchPart } from './types';

export function chooseEvidence(
  windows: Window[],
  parts: PartCoverage,
  /** Shown first: the passage that contradicts the claim. */
  first: Window | undefined,
  /** Shown too: the passage whose differences are listed. */
  also: Window | undefined,
  maxEvidence: number,
): Window[] {
  const chosen: Window[] = [];
  const consider = (w: Window | undefined) => {
    if (!w || chosen.length >= maxEvidence) return;
    if (chosen.some((c) => c.source === w.source && c.from <= w.to && w.from <= c.to)) return;
    chosen.push(w);
  };
  const ranked = windows.slice().sort((a, b) => b.shown - a.shown || a.to - a.from - (b.to - b.from) || a.from - b.from);
  consider(first);
  consider(ranked[0]);
  consider(also);
  for (const w of parts.window) consider(w);
  for (const w of ranked) consider(w);
  const lead = first ? chosen.slice(0, 1) : [];
  return [...lead, ...chosen.slice(lead.length).sort((a, b) => b.shown - a.shown)];
}

export function toEvidence(w: Window, analysis: ClaimAnalysis, conflicts: string[]): Evidence {
  const start = w.source.sentences[w.from].start;
  const end = w.source.sentences[w.to].end;
  const matched: string[] = [];
  const missing: string[] = [];
  analysis.terms.forEach((t, i) => (w.matched[i] ? matched : missing).push(t.surface));
  return {
    sourceId: w.source.id,
    text: w.source.text.slice(start, end),
    start,
    end,
    score: clamp01(w.shown),
    matched,
    missing,
    conflicts,
  };
}

/** The claim part by part: its words, whether the sources state it, and the passage that does. */
export function explainParts(analysis: ClaimAnalysis, parts: PartCoverage, stated: number): MatchPart[] {
  return analysis.partSpans.map((span, p) => {
    const text = analysis.text.slice(span.start, span.end).replace(/[\s,;:.!?]+$/, '');
    const w = parts.window[p];
    if (!w || parts.best[p] < stated) return { text, stated: false };
    return { text, stated: true, evidence: toEvidence(w, analysis, []) };
  });
}

export function clamp01(x: number): number {
  return x < 0 ? 0 : x > 1 ? 1 : Number.isFinite(x) ? x : 0;
}
