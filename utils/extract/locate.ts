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
import { attributionMatches, dropSourceAside, isAttributionOnly, isGenericName, splitAttribution, stripLeadingVerb } from './attribution';
import { collectBlocks, pointAt, type Block, type LinkHit, type WalkOptions } from './blocks';
import { BlockText } from './claims';
import { captionContinued, cellHeader, cellListBefore, rowClaim } from './cells';
import { closestClass, closestTag } from './dom';
import { blockMarkers, groupMarkers, isAuthorYearLink, numberOfLabel, type BlockMarker, type MarkerGroup, type Ref } from './groups';
import { isAttributedLink, isHomepageName, isLinkDense, mayBeAttributedLink, mergeAdjacentLinks } from './inline';
import { REGEXPS, verbLanguage } from './vocabulary';
import { labelFor, markerLabelOf } from './markers';
import { BLOCK_TAGS, LIMITS } from './config';
import { findEarlyLists, findSources, sourceContext, type MarkerTargets, type PageSources, type SourceContext } from './sources';
import { wordCount } from './phrases';
import { domainOf, HAS_WORD, inPageFragment, normalizeSpace } from './text';
import { introducedContinuation, introducedPassage } from './introduced';

export interface LocatedCitations {
  citations: PageCitations;
  /** Claim id → the Range of its marker(s) (or its attributed link) in the live document. */
  anchors: Map<string, Range>;
}

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

/** What the page's marker links lead to (markerTargets). */
interface PageMarkers extends MarkerTargets {
  /**
   * The in-page elements that markers lettered as a note's ("[n 7]", "[a]") lead to, in link
   * order, back-links' targets included: read here with the other markers' so that noteBlocks
   * reads no link's text a second time.
   */
  noteTargets: readonly Element[];
}

/** Elements that in-page markers link to: the candidates for source-list entries. */
function markerTargets(ctx: SourceContext): PageMarkers {
  const targets: Element[] = [];
  const links: Element[] = [];
  const noteTargets: Element[] = [];
  // Only links with a fragment can point within the page (found with the page's other elements).
  for (const a of ctx.fragmentLinks) {
    const href = a.getAttribute('href');
    if (!href) continue;
    const text = a.textContent ?? '';
    const label = text.length > LIMITS.markerChars * 2 ? undefined : markerLabelOf(text);
    if (!label) continue;
    const fragment = inPageFragment(href, ctx.addresses, ctx.base);
    if (fragment === undefined) continue;
    const target = ctx.elementById(fragment);
    if (!target) continue;
    if (text.length <= LIMITS.markerChars && NOTE_LABEL.test(label.label)) noteTargets.push(target);
    // A back-link from a note ("^ a b") leads to the marker itself, not to a list of sources.
    if (target.localName === 'sup' || target.parentElement?.localName === 'sup') continue;
    targets.push(target);
    links.push(a);
  }
  // The back-link test reads the link's ancestors: only for a target that would open a new list.
  return { targets, cites: (index) => !closestClass(links[index], 'mw-cite-backlink', 4), noteTargets };
}

function resolveTarget(found: PageSources, target: Element): CitedSource[] | 'note' | undefined {
  for (let el: Element | null = target, depth = 0; el && depth < 4; el = el.parentElement, depth++) {
    const sources = found.byElement.get(el);
    if (sources) return sources;
    if (found.notes.has(el)) return 'note';
  }
  return undefined;
}

/** The walk's options for a subtree of the page: its elements to skip, and where named source lists go. */
function walkOptions(ctx: SourceContext, skip: Set<Element>, containers: Element[]): WalkOptions {
  return { doc: ctx.doc, base: ctx.base, pageDomain: ctx.pageDomain, addresses: ctx.addresses, elementById: ctx.elementById, skip, containers, externalOnly: ctx.externalClassOnly };
}

/** A marker's superscript, looked up a few levels above its link (noteBlocks). */
const SUP_TAG: ReadonlySet<string> = new Set(['sup']);

/**
 * The text of the notes that cite: a source list's entry that holds no work of its own (a note)
 * but whose text carries markers pointing at other entries that are works ("… is projected to
 * rise to 5.1 million in 2025.[246]"). The walk never enters source lists; these entries are
 * walked here, one block each, without their back-links ("^ a b"), so that each cited statement
 * of a note makes a claim. Entries that are works (a URL, a book) and notes that only explain
 * make none.
 */
function noteBlocks(ctx: SourceContext, found: PageSources, noteTargets: readonly Element[]): Block[] {
  const blocks: Block[] = [];
  // A note read as a work without a link is a candidate too, when a marker pointing at it is
  // lettered as a note's ("[n 7]", "[a]"): resolveRefs reads it as a note. A book (its markers
  // numbered) is a work, never a claim.
  const entries = [...found.notes];
  const unfetchable = new Set<Element>();
  for (const [el, sources] of found.byElement) if (sources.every((s) => s.reason === 'no_url')) unfetchable.add(el);
  if (unfetchable.size > 0) {
    for (const target of noteTargets) {
      let el: Element | null = target;
      for (let depth = 0; el && depth < 4; el = el.parentElement, depth++) {
        if (!unfetchable.has(el)) continue;
        entries.push(el);
        unfetchable.delete(el);
        break;
      }
    }
  }
  for (const entry of entries) {
    const skip = new Set<Element>();
    let cites = false;
    for (const a of entry.querySelectorAll('a[href*="#"]')) {
      const fragment = inPageFragment(a.getAttribute('href'), ctx.addresses, ctx.base);
      if (fragment === undefined) continue;
      const target = ctx.elementById(fragment);
      if (!target) continue;
      const backlink = closestClass(a, 'mw-cite-backlink', 4);
      if (target.localName === 'sup' || target.parentElement?.localName === 'sup' || backlink) {
        // A back-link to the marker in the text: furniture of the entry, never its words.
        skip.add(backlink ?? a);
        continue;
      }
      // Only a marker cites ("[246]"): a short footnote's link to its bibliography entry
      // ("King 2003, p. 41") is that entry's work, not a statement.
      const text = a.textContent ?? '';
      if (entry.contains(target) || text.length > LIMITS.markerChars || !markerLabelOf(text) || !closestTag(a, SUP_TAG, 3)) continue;
      const hit = resolveTarget(found, target);
      if (hit && hit !== 'note') cites = true;
    }
    if (!cites) continue;
    blocks.push(...collectBlocks(entry, walkOptions(ctx, skip, [])));
  }
  return blocks;
}

/**
 * A cited line in a navigation box (a table of figures under the class "navbox", its caption
 * "… June 2018 estimate (… boundaries)[254]"): the walk skips the box as furniture, so the block
 * that holds a marker pointing at a work is walked here, alone.
 */
function boxBlocks(ctx: SourceContext, found: PageSources): Block[] {
  const roots: Element[] = [];
  for (const box of ctx.doc.getElementsByClassName('navbox')) {
    for (const a of box.querySelectorAll('sup a[href*="#"]')) {
      const text = a.textContent ?? '';
      if (text.length > LIMITS.markerChars || !markerLabelOf(text)) continue;
      const fragment = inPageFragment(a.getAttribute('href'), ctx.addresses, ctx.base);
      const target = fragment === undefined ? null : ctx.elementById(fragment);
      const hit = target ? resolveTarget(found, target) : undefined;
      if (!hit || hit === 'note') continue;
      const block = closestTag(a, BLOCK_TAGS, 16);
      if (block && box.contains(block) && !roots.some((r) => r.contains(block) || block.contains(r))) roots.push(block);
    }
  }
  return roots.flatMap((root) => collectBlocks(root, walkOptions(ctx, new Set(), [])));
}

/** The walk's blocks with the notes' blocks put where they stand on the page. */
function inPageOrder(blocks: Block[], notes: Block[]): Block[] {
  notes.sort((a, b) => (a.el.compareDocumentPosition(b.el) & 4 ? -1 : 1));
  const merged: Block[] = [];
  let i = 0;
  for (const note of notes) {
    // FOLLOWING: the walk's block comes after the note's entry (4 = DOCUMENT_POSITION_FOLLOWING).
    while (i < blocks.length && !(note.el.compareDocumentPosition(blocks[i].el) & 4)) merged.push(blocks[i++]);
    merged.push(note);
  }
  while (i < blocks.length) merged.push(blocks[i++]);
  return merged;
}

/** A lettered marker ("[a]", "[note 3]") belongs to a group of notes: a work without a link there is an aside. */
const NOTE_LABEL = /^(?:[a-z]{1,2}|(?:note|n|nb)\s*\d+)$/i;

interface InlineSources {
  add(link: LinkHit, label: string): string;
}

function resolveRefs(found: PageSources, inline: InlineSources, refs: Ref[], into: Resolved): void {
  for (const ref of refs) {
    if (ref.kind === 'link') {
      pushUnique(into.sourceIds, inline.add(ref.link, ref.label));
      continue;
    }
    if (ref.kind === 'target') {
      let hit = ref.target ? resolveTarget(found, ref.target) : undefined;
      if (hit && hit !== 'note' && hit.every((s) => s.reason === 'no_url') && NOTE_LABEL.test(ref.label)) hit = 'note';
      if (hit === 'note') continue;
      const byNumber = hit ?? byLabel(found, ref.label);
      if (byNumber) for (const source of byNumber) pushUnique(into.sourceIds, source.id);
      else if (ref.strong) pushUnique(into.unlinked, ref.label);
      continue;
    }
    const sources = found.byNumber.get(ref.n);
    if (!sources && found.noteNumbers.has(ref.n)) continue;
    if (sources) for (const source of sources) pushUnique(into.sourceIds, source.id);
    else if (!ref.strict) pushUnique(into.unlinked, labelFor(ref.n, ref.sourceStyle));
  }
}

/** The listed source a marker's label numbers ("12", "Source 3"), if any. */
function byLabel(found: PageSources, label: string): CitedSource[] | undefined {
  const parsed = numberOfLabel(label);
  return parsed ? found.byNumber.get(parsed.n) : undefined;
}

function pushUnique(list: string[], value: string): void {
  if (!list.includes(value)) list.push(value);
}

function markerElement(m: BlockMarker): Element | undefined {
  return m.element?.el ?? m.authorYear?.el;
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
    const firstEl = markerElement(first);
    const lastEl = markerElement(last);
    if (firstEl) {
      range.selectNode(firstEl);
    } else {
      const p = pointAt(block, first.start, false);
      if (!p) return undefined;
      range.selectNodeContents(p.node);
      range.setStart(p.node, p.offset);
    }
    if (lastEl) {
      if (lastEl !== firstEl) range.setEndAfter(lastEl);
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

/**
 * The claim of one marker group (see claims.ts for the boundary). An author-year citation inside
 * its sentence ("X et al. (2024) showed that …", "Self-consistency (Wang et al. 2023) is used …")
 * names its work in the sentence's grammar: its claim is the sentence, and a narrative one keeps
 * its words there ("was explored by Ling et al. 2017, who …"); unless a statement of its own
 * ends at it and a later group in the sentence cites the words after it (BlockText
 * closesOwnStatement): then its claim ends there, as any group's does. A clause that is only an
 * attribution ("According to Mozilla's manifesto,[12] the web …") takes what follows it.
 */
function claimOfGroup(text: BlockText, index: number, group: MarkerGroup): { text: string; attribution?: string } | undefined {
  if (group.authorYear && text.continuesAfter(index) && !text.closesOwnStatement(index)) {
    const raw = text.claimOf(index, true);
    if (!raw) return undefined;
    if (!text.startsSentence(index)) return { text: raw };
    // "Snell et al. (2024) showed that X": the citation and its reporting verb attribute X, the
    // claim; "Xie et al. (2023) used …" keeps its subject.
    const words = text.keptWords(index);
    const rest = words && raw.startsWith(words) ? raw.slice(words.length).replace(/^[\s,]+/, '') : raw;
    const stripped = stripLeadingVerb(rest);
    return { text: stripped !== rest ? stripped : raw };
  }
  const raw = text.claimOf(index);
  if (!raw) return undefined;
  if (isAttributionOnly(raw) && text.continuesAfter(index)) {
    const split = splitAttribution(text.claimOf(index, true));
    return split.text ? { text: split.stripped ? dropSourceAside(split.text) : split.text, attribution: split.attribution } : undefined;
  }
  const split = splitAttribution(raw);
  return split.text ? { text: split.text, attribution: split.attribution } : undefined;
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
  const marked = markerTargets(ctx);
  const early = findEarlyLists(ctx, marked);
  const root = doc.body ?? doc.documentElement;
  const containers: Element[] = [];
  const skip = new Set(early.flatMap((l) => l.containers));
  let blocks = root ? collectBlocks(root, walkOptions(ctx, skip, containers)) : [];
  const found = findSources(ctx, early, containers);
  const notes = [...noteBlocks(ctx, found, marked.noteTargets), ...boxBlocks(ctx, found)];
  if (notes.length > 0) blocks = inPageOrder(blocks, notes);

  const pending: PendingClaim[] = [];
  const inlineSources: CitedSource[] = [];
  const sourceByUrl = new Map(found.sources.filter((s) => s.url).map((s) => [s.url, s]));
  const inline: InlineSources = {
    add(link, label) {
      let source = sourceByUrl.get(link.url);
      if (!source) {
        // The link text is already the label; a title only from the link's own title attribute,
        // so that the attribution is never compared with itself.
        const title = normalizeSpace(link.el.getAttribute('title') ?? '') || undefined;
        source = { id: '', label, url: link.url, ...(title ? { title } : {}), domain: domainOf(link.url) };
        inlineSources.push(source);
        sourceByUrl.set(link.url, source);
      }
      return source.id || `inline:${link.url}`;
    },
  };
  let markerCount = 0;
  let markersCapped = false;
  let sourceStyleMarkers = 0;
  let numericMarkers = 0;

  for (const block of blocks) {
    if (markersCapped) break;
    // MediaWiki marks its outbound links: its other links are the wiki's own articles, and the
    // walk keeps no link for them (collectBlocks' externalOnly).
    const outbound = mergeAdjacentLinks(block.text, block.links);
    const authorYear = outbound.filter((l) => isAuthorYearLink(block, l));
    const markers = blockMarkers(block, authorYear);
    const groups = groupMarkers(block.text, markers);
    // The verb test reads the other languages' verbs only where the block may be in them: its
    // nearest `lang` (an element's own, or the document's).
    const text = new BlockText(block.text, groups, verbLanguage(block.el.closest('[lang]')?.getAttribute('lang')));
    const items: { at: number; claim: PendingClaim }[] = [];
    // The block's cell header (cells.ts), read for its first claim only.
    let header: string | undefined;
    let headerRead = false;

    groups.forEach((group, index) => {
      if (markersCapped) return;
      if (markerCount + group.markers.length > MAX_MARKERS) {
        markersCapped = true;
        return;
      }
      markerCount += group.markers.length;
      const resolved: Resolved = { sourceIds: [], unlinked: [] };
      for (const m of group.markers) {
        resolveRefs(found, inline, m.refs, resolved);
        if (/^\[\s*Sources?\b/i.test(m.text) || /^Source\b/i.test(m.element?.label ?? '')) sourceStyleMarkers++;
        else numericMarkers++;
      }
      if (resolved.sourceIds.length === 0 && resolved.unlinked.length === 0) return;
      let claim = claimOfGroup(text, index, group);
      // A marker in a cell of its own (a table's "Ref." column) cites its row (cells.ts).
      if (!claim && !HAS_WORD.test(text.clean)) {
        const row = rowClaim(block.el, false);
        if (row) claim = { text: row };
      }
      if (!claim) return;
      // "According to the Mozilla Foundation:[41]" and then a quotation: the quoted passage is
      // what the source is credited with, never the lead-in alone.
      const after = block.text.slice(group.end);
      const endsWithColon = /^\s*:?\s*$/.test(after) && /:\s*$/.test(block.text.slice(Math.max(0, group.start - 3), group.start) + after);
      if (endsWithColon && isAttributionOnly(claim.text)) {
        const passage = introducedPassage(block.el);
        if (passage) Object.assign(claim, splitAttribution(`${claim.text}, ${passage}`));
      } else if (endsWithColon && RUNS_ON.test(claim.text)) {
        // "… accords de partenariat avec[18] :" and a list, "… is defined as:[3]" and a formula:
        // the sentence ends in the block its colon introduces.
        const rest = introducedContinuation(block.el);
        if (rest) claim.text = `${claim.text}: ${rest}`;
      }
      // A data cell ("41") says little alone: its header names what it measures (cells.ts).
      if (!headerRead) {
        header = cellHeader(block.el);
        headerRead = true;
      }
      const short = claim.text.length < SHORT_CELL;
      // The last item of a cell's list, its only group at its end: the group cites the list (cells.ts).
      const listed = groups.length === 1 && !text.continuesAfter(index) ? cellListBefore(block.el) : undefined;
      if (listed) claim.text = `${listed.join('; ')}; ${claim.text}`;
      // A data cell of a few words ("Won", "120,000") in a row of other cells: the row says what it is.
      const row = !header && !listed && wordCount(text.clean, DATA_CELL_WORDS + 1) <= DATA_CELL_WORDS ? rowClaim(block.el, true) : undefined;
      if (header && short && !claim.text.startsWith(header)) claim.text = `${header}: ${claim.text}`;
      else if (row) claim.text = row;
      else if (!header && /^\p{Ll}/u.test(claim.text)) {
        // A header cell that continues its table's caption ("… through analysis of" over "nuclear DNA:").
        const caption = captionContinued(block.el);
        if (caption) claim.text = `${caption} ${claim.text}`;
      }
      const first = group.markers[0];
      const last = group.markers[group.markers.length - 1];
      items.push({
        at: group.start,
        claim: {
          text: claim.text,
          markers: group.markers.map((m) => m.text),
          resolved,
          attribution: claim.attribution,
          range: () => rangeOver(doc, block, first, last),
        },
      });
    });

    // Attributed inline links, one claim per sentence, only in sentences without a marker: a
    // marker, where there is one, says what the sentence cites.
    const bySentence = new Map<number, { links: (LinkHit & { lastEl: Element })[]; sentence: { start: number; end: number; text: string } }>();
    const dense = outbound.length > 0 && isLinkDense(block.text, block.anchors);
    for (const link of dense ? [] : outbound) {
      if (markers.some((m) => link.start < m.end && m.start < link.end)) continue;
      // A link that no sentence could make a citation is dropped before its sentence is found, so
      // that a block is segmented only for a link with a cue word near it.
      if (!mayBeAttributedLink(block.text, link)) continue;
      const sentence = text.sentenceAround(text.toClean(link.start));
      if (text.groupAt.some((g) => g > sentence.start && g <= sentence.end)) continue;
      if (!isAttributedLink(block.text, link, text.toRaw(sentence.start))) continue;
      if (isHomepageName(block.text, link, text.toRaw(sentence.start))) continue;
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
      if (inlineSources.length + found.sources.length + links.length > MAX_SOURCES) {
        found.capped = true;
        continue;
      }
      const resolved: Resolved = { sourceIds: [], unlinked: [] };
      const labels: string[] = [];
      for (const link of links) {
        const label = normalizeSpace(block.text.slice(link.start, link.end));
        labels.push(label);
        pushUnique(resolved.sourceIds, inline.add(link, label));
      }
      const split = splitAttribution(sentence.text, labels[0]);
      // A claim is never only its attribution: keep the sentence when nothing else is left.
      const claimText = split.text && !sameWords(split.text, labels[0]) ? split.text : sentence.text;
      if (!claimText) continue;
      // The link names the source ("answers posted on Quora" attributes to "Quora"), not the
      // occasion or the work ("he said during a <a>stop in New Hampshire</a>").
      const attribution = isGenericName(labels[0]) || !namesSource(labels[0]) || !namedAsSource(block.text, links[0]) ? undefined : labels[0];
      items.push({
        at: links[0].start,
        claim: {
          text: claimText,
          markers: labels,
          resolved,
          attribution,
          range: () => rangeOverLinks(doc, links[0].el, links[links.length - 1].lastEl),
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
  const byIdMap = new Map<string, CitedSource>();
  for (const s of sources) byIdMap.set(s.id, s);

  const claims: CitedClaim[] = [];
  const anchors = new Map<string, Range>();
  for (const p of pending) {
    const id = `c${claims.length + 1}`;
    // Listed sources already carry their id; an inline one is named by its URL until numbered.
    const sourceIds = p.resolved.sourceIds.map((sid) => (sid.startsWith('inline:') ? (idOfInline.get(sid) ?? sid) : sid));
    const cited = sourceIds.map((sid) => byIdMap.get(sid)).filter((s): s is CitedSource => s !== undefined && s.url !== '');
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

function sameWords(a: string, b: string): boolean {
  const words = (t: string) => t.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  return words(a) === words(b);
}

/** A claim that stops on a lower-case word before its colon: its sentence goes on after it. */
const RUNS_ON = /\p{Ll}$/u;

/** Longest cell claim that gets its row's header in front. */
const SHORT_CELL = 60;
/** Most words of a data cell that its row explains (rowClaim). */
const DATA_CELL_WORDS = 3;

/**
 * Does the sentence name the link as its source: after a lead-in that names one ("according to
 * the <a>", "per <a>"), or as the subject of a reporting verb ("<a>The Associated Press</a>
 * reports", "as <a>Reuters</a> reported")? A link introduced as one work ("<a>An analysis of
 * labour statistics</a> shows") describes the work, not who stands behind it.
 */
function namedAsSource(text: string, link: LinkHit): boolean {
  const label = normalizeSpace(text.slice(link.start, link.end));
  if (/^(?:a|an|one|another|some|this|these)\s/i.test(label)) return false;
  if (REGEXPS.verbAfter.test(text.slice(link.end, link.end + 40))) return true;
  return REGEXPS.sourceNamedBefore.test(text.slice(Math.max(0, link.start - 80), link.start));
}

/**
 * Does a link's text name a source ("Reuters", "the Sleep Foundation") rather than say what it
 * did ("told the jury", "will also add this feature", "“terrible”")? Only a name is an
 * attribution that can be compared with the cited site.
 */
function namesSource(label: string): boolean {
  if (REGEXPS.reportingVerb.test(label) || /^["“‘«]/.test(label)) return false;
  return /^(?:(?:the|a|an)\s+)?[\p{Lu}\p{N}]/u.test(label);
}
