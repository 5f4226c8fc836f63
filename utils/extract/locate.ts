/**
 * Extraction proper: source lists first (found on the page as served), then one walk over the
 * rest of the page's text, then claims for marker groups and attributed inline links.
 *
 * Markers resolve by what they link to when they link in-page (Wikipedia's `#cite_note-…`),
 * otherwise by number against the page's primary source list. A marker naming no source makes an
 * `unlinked` claim; a marker pointing only at an explanatory note makes none; a bare superscript
 * number that names no source is read as an exponent, not a marker.
 *
 * Inline links become claims only inside an attribution ("according to <a>", "a study published
 * in <a>", "<a> reports that"), only when they lead off the page's own site, and only in a
 * sentence without a marker: a marker, where there is one, says what the sentence cites.
 */
import { MAX_MARKERS, MAX_SOURCES, type CitedClaim, type CitedSource, type PageCitations } from './types';
import { attributionMatches, isGenericName, splitAttribution } from './attribution';
import { collectBlocks, pointAt, type Block, type ElementMarker } from './blocks';
import { BlockText, type Span } from './claims';
import { LIMITS } from './config';
import { toArray } from './dom';
import { findTextMarkers, labelFor, markerLabelOf } from './markers';
import { byId, findEarlyLists, findSources, sourceContext, type PageSources } from './sources';
import { domainOf, normalizeSpace } from './text';

export interface LocatedCitations {
  citations: PageCitations;
  /** Claim id → the Range of its marker(s) (or its attributed link) in the live document. */
  anchors: Map<string, Range>;
}

/** A marker of a block, element or text, with what it refers to. */
interface BlockMarker extends Span {
  text: string;
  element?: ElementMarker;
  refs: Ref[];
}

type Ref =
  | { kind: 'target'; target: Element | null; label: string; strong: boolean }
  | { kind: 'number'; n: number; sourceStyle: boolean; strict: boolean };

interface Resolved {
  sourceIds: string[];
  unlinked: string[];
}

interface PendingClaim {
  text: string;
  markers: string[];
  resolved: Resolved;
  attribution?: string;
  range: () => Range | undefined;
}

const ATTRIBUTION_BEFORE = /(?:according to(?: [^.!?;,]{1,40})?|published (?:in|by)|reported (?:in|by)|appeared in|as (?:reported|noted|stated|described) (?:by|in)|(?:study|report|survey|analysis|paper|poll|data|article|investigation|review) (?:by|from|in)|writing in)\s+(?:the\s+)?$/i;
const ATTRIBUTION_AFTER = /^\s*,?\s*(?:reports|reported|says|said|found|finds|notes|noted|states|stated|estimates|estimated|shows|showed|concluded|concludes|revealed|reveals|writes|wrote|argues|argued|suggests|suggested)\b/i;

/** Elements that in-page markers link to: the candidates for source-list entries. */
function markerTargets(doc: Document): Element[] {
  const targets: Element[] = [];
  const seen = new Set<Element>();
  for (const a of toArray(doc.getElementsByTagName('a'))) {
    if (!(a.getAttribute('href') ?? '').startsWith('#')) continue;
    const text = a.textContent ?? '';
    if (text.length > LIMITS.markerChars * 2 || !markerLabelOf(text)) continue;
    const target = byId(doc, (a.getAttribute('href') ?? '').slice(1));
    if (target && !seen.has(target)) {
      seen.add(target);
      targets.push(target);
    }
  }
  return targets;
}

function numberOfLabel(label: string): { n: number; sourceStyle: boolean } | undefined {
  const m = label.match(/^(Source\s+)?([1-9]\d{0,2})$/i);
  return m ? { n: Number(m[2]), sourceStyle: Boolean(m[1]) } : undefined;
}

function refsOfElement(marker: ElementMarker): Ref[] {
  if (marker.target !== undefined) return [{ kind: 'target', target: marker.target, label: marker.label, strong: marker.strong }];
  const parsed = numberOfLabel(marker.label);
  if (!parsed) return [];
  // An unlinked, unbracketed superscript number counts only if it names a listed source.
  return [{ kind: 'number', n: parsed.n, sourceStyle: parsed.sourceStyle, strict: !marker.bracketed }];
}

function resolveTarget(found: PageSources, target: Element): CitedSource | 'note' | undefined {
  for (let el: Element | null = target, depth = 0; el && depth < 4; el = el.parentElement, depth++) {
    const source = found.byElement.get(el);
    if (source) return source;
    if (found.notes.has(el)) return 'note';
  }
  return undefined;
}

function resolveRefs(found: PageSources, refs: Ref[], into: Resolved): void {
  for (const ref of refs) {
    if (ref.kind === 'target') {
      const hit = ref.target ? resolveTarget(found, ref.target) : undefined;
      if (hit === 'note') continue;
      const byNumber = hit ?? (numberOfLabel(ref.label) ? found.byNumber.get(numberOfLabel(ref.label)!.n) : undefined);
      if (byNumber) pushUnique(into.sourceIds, byNumber.id);
      else if (ref.strong) pushUnique(into.unlinked, ref.label);
      continue;
    }
    const source = found.byNumber.get(ref.n);
    if (!source && found.noteNumbers.has(ref.n)) continue;
    if (source) pushUnique(into.sourceIds, source.id);
    else if (!ref.strict) pushUnique(into.unlinked, labelFor(ref.n, ref.sourceStyle));
  }
}

function pushUnique(list: string[], value: string): void {
  if (!list.includes(value)) list.push(value);
}

/** The markers of a block, element and text, in order; text markers inside marker elements are not counted twice. */
function blockMarkers(block: Block): BlockMarker[] {
  const markers: BlockMarker[] = block.markers.map((m) => ({ start: m.start, end: m.end, text: m.text, element: m, refs: refsOfElement(m) }));
  const taken = block.markers;
  for (const t of findTextMarkers(block.text)) {
    if (taken.some((m) => t.start < m.end && m.start < t.end)) continue;
    // "Go to content [1]" is a link's label, not a marker; a link reading only "[1]" is one.
    const insideLink = block.anchors.find((a) => a.start <= t.start && t.end <= a.end);
    if (insideLink && block.text.slice(insideLink.start, insideLink.end).trim() !== t.text) continue;
    markers.push({
      start: t.start,
      end: t.end,
      text: t.text.replace(/\s+/g, ' '),
      refs: t.numbers.map((n) => ({ kind: 'number' as const, n, sourceStyle: t.sourceStyle, strict: false })),
    });
  }
  return markers.sort((a, b) => a.start - b.start);
}

/** Adjacent markers ("[1][2]", "[1], [3]") form one group: one claim, several sources. */
function groupMarkers(text: string, markers: BlockMarker[]): BlockMarker[][] {
  const groups: BlockMarker[][] = [];
  for (const m of markers) {
    const last = groups[groups.length - 1];
    if (last && /^[\s,;]*$/.test(text.slice(last[last.length - 1].end, m.start))) last.push(m);
    else groups.push([m]);
  }
  return groups;
}

/**
 * A Range from the first marker of a group to the end of its last. It is opened on the first
 * marker (selectNode / selectNodeContents) and then extended: setting a start and an end on a
 * fresh Range compares each with the document's start, which some DOM implementations (jsdom)
 * do by walking the whole document.
 */
function rangeOver(doc: Document, block: Block, first: BlockMarker, last: BlockMarker): Range | undefined {
  const range = doc.createRange();
  try {
    if (first.element) {
      range.selectNode(first.element.el);
    } else {
      const p = pointAt(block, first.start, false);
      if (!p) return undefined;
      range.selectNodeContents(p.node);
      range.setStart(p.node, p.offset);
    }
    if (last.element) {
      if (last.element !== first.element) range.setEndAfter(last.element.el);
    } else {
      const p = pointAt(block, last.end, true);
      if (!p) return undefined;
      range.setEnd(p.node, p.offset);
    }
    return range;
  } catch {
    return undefined;
  }
}

/** A Range over attributed links, opened on the first link (see rangeOver). */
function rangeOverLinks(doc: Document, first: Element, last: Element): Range | undefined {
  const range = doc.createRange();
  try {
    range.selectNode(first);
    if (last !== first) range.setEndAfter(last);
    return range;
  } catch {
    return undefined;
  }
}

export function locateCitations(doc: Document, pageUrl: string): LocatedCitations {
  return scanPage(doc, pageUrl, true);
}

/** The page's cited claims and sources, as plain data. */
export function extractCitations(doc: Document, pageUrl: string): PageCitations {
  return scanPage(doc, pageUrl, false).citations;
}

function scanPage(doc: Document, pageUrl: string, withAnchors: boolean): LocatedCitations {
  const ctx = sourceContext(doc, pageUrl);
  const early = findEarlyLists(ctx, markerTargets(doc));
  const root = doc.body ?? doc.documentElement;
  const containers: Element[] = [];
  const skip = new Set(early.flatMap((l) => l.containers));
  const blocks = root ? collectBlocks(root, { doc, base: ctx.base, pageDomain: ctx.pageDomain, skip, containers }) : [];
  const found = findSources(ctx, early, containers);

  const pending: PendingClaim[] = [];
  const inlineSources: CitedSource[] = [];
  const sourceByUrl = new Map(found.sources.map((s) => [s.url, s]));
  let markerCount = 0;
  let markersCapped = false;
  let sourceStyleMarkers = 0;
  let numericMarkers = 0;

  for (const block of blocks) {
    if (markersCapped) break;
    const markers = blockMarkers(block);
    const groups = groupMarkers(block.text, markers);
    const text = new BlockText(block.text, groups.map((g) => ({ start: g[0].start, end: g[g.length - 1].end })));
    const items: { at: number; claim: PendingClaim }[] = [];

    groups.forEach((group, index) => {
      if (markersCapped) return;
      if (markerCount + group.length > MAX_MARKERS) {
        markersCapped = true;
        return;
      }
      markerCount += group.length;
      const resolved: Resolved = { sourceIds: [], unlinked: [] };
      for (const m of group) {
        resolveRefs(found, m.refs, resolved);
        if (/^\[\s*Sources?\b/i.test(m.text) || /^Source\b/i.test(m.element?.label ?? '')) sourceStyleMarkers++;
        else numericMarkers++;
      }
      if (resolved.sourceIds.length === 0 && resolved.unlinked.length === 0) return;
      const raw = text.claimOf(index);
      if (!raw) return;
      const split = splitAttribution(raw);
      if (!split.text) return;
      items.push({
        at: group[0].start,
        claim: {
          text: split.text,
          markers: group.map((m) => m.text),
          resolved,
          attribution: split.attribution,
          range: () => rangeOver(doc, block, group[0], group[group.length - 1]),
        },
      });
    });

    // Attributed inline links, one claim per sentence.
    const bySentence = new Map<number, { links: typeof block.links; sentence: { start: number; end: number; text: string } }>();
    for (const link of block.links) {
      if (markers.some((m) => link.start < m.end && m.start < link.end)) continue;
      const before = block.text.slice(Math.max(0, link.start - LIMITS.attributionWindow), link.start);
      const after = block.text.slice(link.end, link.end + LIMITS.attributionWindow);
      const linkText = normalizeSpace(block.text.slice(link.start, link.end));
      if (!linkText) continue;
      const leadsClause = /(?:^|[.!?;:]\s+|\n\s*)(?:(?:the|a|an)\s+)?$/i.test(before);
      if (!ATTRIBUTION_BEFORE.test(before) && !(ATTRIBUTION_AFTER.test(after) && leadsClause)) continue;
      const sentence = text.sentenceAround(text.toClean(link.start));
      if (text.groupAt.some((g) => g > sentence.start && g <= sentence.end)) continue;
      const entry = bySentence.get(sentence.start) ?? { links: [], sentence };
      entry.links.push(link);
      bySentence.set(sentence.start, entry);
    }
    for (const { links, sentence } of bySentence.values()) {
      if (markersCapped || markerCount + links.length > MAX_MARKERS) {
        markersCapped = true;
        break;
      }
      markerCount += links.length;
      const resolved: Resolved = { sourceIds: [], unlinked: [] };
      const labels: string[] = [];
      for (const link of links) {
        const label = normalizeSpace(block.text.slice(link.start, link.end));
        labels.push(label);
        let source = sourceByUrl.get(link.url);
        if (!source) {
          if (found.sources.length + inlineSources.length >= MAX_SOURCES) {
            found.capped = true;
            continue;
          }
          // The link text is already the label; a title only from the link's own title attribute,
          // so that the attribution is never compared with itself.
          const title = normalizeSpace(link.el.getAttribute('title') ?? '') || undefined;
          source = { id: '', label, url: link.url, ...(title ? { title } : {}), domain: domainOf(link.url) };
          inlineSources.push(source);
          sourceByUrl.set(link.url, source);
        }
        pushUnique(resolved.sourceIds, source.id || `inline:${link.url}`);
      }
      if (resolved.sourceIds.length === 0) continue; // every link fell past the source cap
      const split = splitAttribution(sentence.text, labels[0]);
      if (!split.text) continue;
      // The link names the source: "answers posted on Quora" attributes to "Quora".
      const attribution = isGenericName(labels[0]) ? undefined : labels[0];
      items.push({
        at: links[0].start,
        claim: {
          text: split.text,
          markers: labels,
          resolved,
          attribution,
          range: () => rangeOverLinks(doc, links[0].el, links[links.length - 1].el),
        },
      });
    }
    items.sort((a, b) => a.at - b.at);
    for (const item of items) pending.push(item.claim);
  }

  // Inline sources are numbered after the listed ones, in page order.
  const sources = [...found.sources];
  for (const s of inlineSources) {
    s.id = `s${sources.length + 1}`;
    sources.push(s);
  }
  const idOfInline = new Map(inlineSources.map((s) => [`inline:${s.url}`, s.id]));
  if (sourceStyleMarkers > numericMarkers) {
    for (const s of found.sources) if (/^\d+$/.test(s.label)) s.label = `Source ${s.label}`;
  }
  const byId = new Map(sources.map((s) => [s.id, s]));

  const claims: CitedClaim[] = [];
  const anchors = new Map<string, Range>();
  for (const p of pending) {
    const id = `c${claims.length + 1}`;
    const sourceIds = p.resolved.sourceIds.map((sid) => idOfInline.get(sid) ?? sid);
    const cited = sourceIds.map((sid) => byId.get(sid)).filter((s): s is CitedSource => s !== undefined);
    const matches = attributionMatches(p.attribution, cited);
    claims.push({
      id,
      text: p.text,
      markers: p.markers,
      sourceIds,
      unlinkedLabels: p.resolved.unlinked,
      ...(p.attribution ? { attribution: p.attribution } : {}),
      ...(matches !== undefined ? { attributionMatches: matches } : {}),
    });
    if (withAnchors) {
      const range = p.range();
      if (range) anchors.set(id, range);
    }
  }

  return {
    citations: {
      url: pageUrl,
      title: normalizeSpace(doc.title ?? ''),
      claims,
      sources,
      limits: { markersCapped, sourcesCapped: found.capped },
    },
    anchors,
  };
}
