/**
 * The markers of one block and how they group: element markers (`<sup><a href="#cite_note-3">`),
 * bracketed text markers ("[3]", "[1, 4]"), and linked author-year citations ("(Snell et al.
 * 2024)"), in text order; adjacent ones form one group, one claim.
 *
 * Bracketed numbers that read as code or mathematics (`items[2]`, "the interval [2, 8]") are weak:
 * they count only when they name a listed source, never as `unlinked`.
 */
import type { Block, ElementMarker, LinkHit } from './blocks';
import type { Span } from './claims';
import { findTextMarkers, type TextMarker } from './markers';
import { normalizeSpace } from './text';
import { REGEXPS } from './vocabulary';

export type Ref =
  | { kind: 'target'; target: Element | null; label: string; strong: boolean }
  | { kind: 'number'; n: number; sourceStyle: boolean; strict: boolean }
  | { kind: 'link'; link: LinkHit; label: string };

export interface BlockMarker extends Span {
  text: string;
  element?: ElementMarker;
  /** A linked author-year citation: it names its work in the sentence's grammar. */
  authorYear?: LinkHit;
  refs: Ref[];
}

export interface MarkerGroup extends Span {
  markers: BlockMarker[];
  authorYear: boolean;
  opensSentence: boolean;
}

/** Depth of open parentheses in `text` before `at`. */
function parenDepth(text: string, at: number): number {
  let depth = 0;
  for (let i = 0; i < at; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 40) depth++;
    else if (ch === 41 && depth > 0) depth--;
  }
  return depth;
}

/** What may stand between the markers of one group: separators, and a page locator (":p. 234"). */
const PAGE_LOCATOR = /^[\s,;]*(?::\s?(?:pp?\.\s*)?\d[\d–-]*[\s,;]*)?$/;

/** Longest link text read as an author-year citation. */
export const AUTHOR_YEAR_CHARS = 80;

function numberOfLabel(label: string): { n: number; sourceStyle: boolean } | undefined {
  const m = label.match(/^(Source\s+)?([1-9]\d{0,3})$/i);
  return m ? { n: Number(m[2]), sourceStyle: Boolean(m[1]) } : undefined;
}

export { numberOfLabel };

function refsOfElement(marker: ElementMarker): Ref[] {
  if (marker.target !== undefined) return [{ kind: 'target', target: marker.target, label: marker.label, strong: marker.strong }];
  const parsed = numberOfLabel(marker.label);
  if (!parsed) return [];
  // An unlinked, unbracketed superscript number counts only if it names a listed source.
  return [{ kind: 'number', n: parsed.n, sourceStyle: parsed.sourceStyle, strict: !marker.bracketed }];
}

/** The year in parentheses right after a link whose text is an author-year citation's names ("<a>Wei et al.</a> (2022)"), or "". */
export function yearAfterNames(block: Block, link: LinkHit): string {
  const year = REGEXPS.yearAfter.exec(block.text.slice(link.end, link.end + 9));
  return year && REGEXPS.authorNames.test(normalizeSpace(block.text.slice(link.start, link.end))) ? year[0] : '';
}

/** Is this outbound link an author-year citation ("Wang & Zhou (2024)", "<a>Wei et al.</a> (2022)")? */
export function isAuthorYearLink(block: Block, link: LinkHit): boolean {
  if (link.ownSite) return false;
  const text = normalizeSpace(block.text.slice(link.start, link.end));
  if (text.length > AUTHOR_YEAR_CHARS || !(REGEXPS.authorYear.test(text) || yearAfterNames(block, link))) return false;
  // "(Image source: Xie et al. 2023)" credits a figure: it cites no claim.
  return !REGEXPS.figureCredit.test(block.text.slice(Math.max(0, link.start - 40), link.start));
}

/** A bracketed text marker that reads as code or an interval rather than a citation. */
function isWeakTextMarker(text: string, start: number, numbers: number[], marker: string): boolean {
  const before = text.slice(Math.max(0, start - 24), start);
  if (REGEXPS.codeLikeBefore.test(before)) return true;
  return numbers.length >= 2 && /,/.test(marker) && REGEXPS.mathContext.test(before);
}

/**
 * Text markers in the gaps between a block's marker elements (`elements`, in text order and
 * apart). A marker element's own text ("[12]") is no second marker, and reading it costs a
 * match per marker; a text marker cannot straddle an element either, since a bracket opens it
 * and nothing inside it but the closing bracket is one.
 */
function textMarkersBetween(text: string, elements: readonly ElementMarker[]): TextMarker[] {
  if (elements.length === 0) return findTextMarkers(text);
  const found: TextMarker[] = [];
  let from = 0;
  for (const m of elements) {
    if (m.start > from) found.push(...findTextMarkers(text, from, m.start));
    from = Math.max(from, m.end);
  }
  if (from < text.length) found.push(...findTextMarkers(text, from));
  return found;
}

function unclosedParen(text: string): boolean {
  return text.split('(').length > text.split(')').length;
}

/** The markers of a block in text order; text markers inside marker elements are not counted twice. */
export function blockMarkers(block: Block, authorYearLinks: LinkHit[]): BlockMarker[] {
  const markers: BlockMarker[] = block.markers.map((m) => ({ start: m.start, end: m.end, text: m.text, element: m, refs: refsOfElement(m) }));
  const taken = block.markers;
  for (const t of textMarkersBetween(block.text, taken)) {
    if (taken.some((m) => t.start < m.end && m.start < t.end)) continue;
    if (block.code.some((c) => t.start < c.end && c.start < t.end)) continue;
    // "Go to content [1]" is a link's label, not a marker; a link reading only "[1]" is one.
    const insideLink = block.anchors.find((a) => a.start <= t.start && t.end <= a.end);
    if (insideLink && block.text.slice(insideLink.start, insideLink.end).trim() !== t.text) continue;
    const weak = !t.sourceStyle && isWeakTextMarker(block.text, t.start, t.numbers, t.text);
    markers.push({
      start: t.start,
      end: t.end,
      text: t.text.replace(/\s+/g, ' '),
      refs: t.numbers.map((n) => ({ kind: 'number' as const, n, sourceStyle: t.sourceStyle, strict: weak })),
    });
  }
  for (const link of authorYearLinks) {
    if (markers.some((m) => link.start < m.end && m.start < link.end)) continue;
    const label = normalizeSpace(block.text.slice(link.start, link.end));
    // "<a>Wei et al.</a> (2022)": the year after the link is the citation's.
    const year = REGEXPS.authorYear.test(label) ? '' : yearAfterNames(block, link);
    if (year) {
      markers.push({ start: link.start, end: link.end + year.length, text: `${label} ${year.trim()}`, authorYear: link, refs: [{ kind: 'link', link, label }] });
      continue;
    }
    // "<a>Snell et al. (2024</a>)": the page shows the citation with its bracket closed.
    const text = block.text.charAt(link.end) === ')' && unclosedParen(label) ? `${label})` : label;
    markers.push({ start: link.start, end: link.end, text, authorYear: link, refs: [{ kind: 'link', link, label }] });
  }
  return markers.sort((a, b) => a.start - b.start);
}

/**
 * Adjacent markers ("[1][2]", "[1], [3]") form one group: one claim, several sources. Author-year
 * citations in one parenthesis group across the unlinked ones between them ("(Turpin et al. 2023,
 * Chua & Evans, 2025, Chen et al. 2025)"), and the group takes in the parenthesis itself when
 * nothing else is inside it. An author-year citation outside any parenthesis is narrative: it
 * keeps its words in the claim. A page number after a marker ("[50]: 11") belongs to the marker.
 */
export function groupMarkers(text: string, markers: BlockMarker[]): MarkerGroup[] {
  const groups: MarkerGroup[] = [];
  for (const m of markers) {
    const last = groups[groups.length - 1];
    const between = last ? text.slice(last.end, m.start) : '';
    const joins = last && (PAGE_LOCATOR.test(between) || (last.authorYear && m.authorYear && REGEXPS.authorYearFiller.test(between)));
    if (last && joins) {
      last.markers.push(m);
      last.end = m.end;
      last.authorYear ||= Boolean(m.authorYear);
      last.opensSentence = last.authorYear;
    } else {
      groups.push({ start: m.start, end: m.end, markers: [m], authorYear: Boolean(m.authorYear), opensSentence: Boolean(m.authorYear) });
    }
  }
  for (const g of groups) {
    if (g.authorYear) {
      const open = text.slice(Math.max(0, g.start - 3), g.start).match(/\(\s*$/);
      const close = text.slice(g.end, g.end + 3).match(/^\s*\)/);
      const unclosed = (text.slice(g.start, g.end).match(/\(/g) ?? []).length > (text.slice(g.start, g.end).match(/\)/g) ?? []).length;
      if (open && close) {
        g.start -= open[0].length;
        g.end += close[0].length;
      } else {
        if (unclosed && close) g.end += close[0].length;
        // Outside any parenthesis the citation is a word of its sentence, its subject or object
        // ("was explored by Ling et al. 2017, who …", "Xie et al. (2023) used …"): its words stay.
        g.keepWords = parenDepth(text, g.start) === 0;
      }
    } else {
      const pages = text.slice(g.end, g.end + 16).match(/^:\s?(?:pp?\.\s*)?\d[\d–-]*(?=[\s.,;]|$)/);
      if (pages) g.end += pages[0].length;
    }
  }
  return groups;
}
