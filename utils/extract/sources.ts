/**
 * Source lists: where a page names the works it cites, and which URL stands for each work.
 *
 * A list is found on the page as served, in four ways, strongest first: the items that in-page
 * markers link to (Wikipedia's `cite_note-…`, Markdown footnotes), a heading such as "Sources" or
 * "References" followed by a list or by lines holding URLs, a container named as a source list
 * (`<section class="sources">`, `role="doc-endnotes"`), and, only where the page shows none, the
 * article's JSON-LD `citation` / `isBasedOn`.
 *
 * Judgement calls in picking an item's URL: the cited work's own link wins over an archive copy
 * (kept as `archiveUrl`) and over identifier resolvers (doi.org, Bibcode), which are used only when
 * nothing else is there. When a page marks its external links (MediaWiki's `a.external`), only
 * those count, so that internal links (ISBN lookups, article links) are never taken for sources.
 * A short footnote that only points at bibliography entries ("King 2003, p. 41") cites their works:
 * it stands for their sources (one per work, shared by every footnote naming it), not for one of
 * its own. An item with no usable URL is either a work without a link (a book, a print
 * article: it has a formatted citation, an ISBN, pages, or an italic title and a year), which
 * becomes a source that cannot be fetched (`no_url`), or a note that only explains, which is no
 * source: markers pointing at it alone make no claim. An entry whose only link has a scheme that
 * is never fetched (`javascript:`, `data:`, `file:`) is a source with reason `blocked_scheme`.
 */
import type { CitedSource } from './types';
import { MAX_SOURCES } from './types';
import { LIMITS, isSourceContainer } from './config';
import { REGEXPS } from './vocabulary';
import { anchorsWithHref, elementsByTags, toArray, closestTag, firstByTags, hasClass } from './dom';
import { domainOf, normalizeSpace, pageAddresses, resolveHttpUrl } from './text';
import { EntryNodes, citedEntries, leadingNumber, readItem, unfetchableItem, type CitedEntry, type ReadItem } from './source-entry';

/** One entry of a source list: usually a list item, sometimes one line of a paragraph. */
interface ListItem {
  /** The element that in-page markers may target (a list item or a paragraph). */
  el: Element;
  /** The nodes making up the entry (one element, or the nodes of one line between <br>s). */
  nodes: Node[];
  ordinal: number;
}

export interface FoundList {
  containers: Element[];
  items: ListItem[];
  /** Named by a heading, class or role as a list of sources (vs. only reached through a marker). */
  named: boolean;
}

export interface PageSources {
  sources: CitedSource[];
  /**
   * List entry element → the works it cites: its own source, or for a short footnote those of
   * the entries it points at (entries without a usable URL are absent).
   */
  byElement: Map<Element, CitedSource[]>;
  /** Marker number → the works, from the page's primary numbering. */
  byNumber: Map<number, CitedSource[]>;
  /** Entry elements that exist but hold no URL (explanatory notes), or came after the cap. */
  notes: Set<Element>;
  /** Numbers of entries that exist but hold no URL: a marker naming them is a note, not unlinked. */
  noteNumbers: Set<number>;
  /** Elements whose text is a source list, never claims. */
  listContainers: Element[];
  capped: boolean;
}

export interface SourceContext {
  doc: Document;
  base: string;
  pageDomain: string;
  /** The page's own addresses: links to them are in-page links, never sources. */
  addresses: ReadonlySet<string>;
  /** The page marks external links with class "external": only those are sources. */
  externalClassOnly: boolean;
  /** The page is in quirks mode, where a lookup by class name ignores case. */
  quirksMode: boolean;
  /** Headings, bold lines, <base> elements and the fragment links, by tag name (elementsByTags). */
  tagged: Map<string, Element[]>;
  /** The links whose href holds a "#" (those that can point within the page), in document order. */
  fragmentLinks: readonly Element[];
  /** getElementById, remembered: markers, the walk and footnotes look up the same ids. */
  elementById(id: string): Element | null;
  /**
   * The `a.external` links with an href inside a list item, in document order, from one query for
   * the whole page (list entries are read one by one: a query per entry costs more); undefined
   * for any other element.
   */
  externalAnchorsUnder(el: Element): Element[] | undefined;
}

const HEADING_TAGS = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'];

const LI = new Set(['li']);
const LISTS = ['ol', 'ul'];

/** Does the page mark its outbound links (MediaWiki: `a.external` inside reference items)? */
function marksExternalLinks(external: readonly Element[]): boolean {
  for (const el of external) {
    if (el.localName === 'a' && closestTag(el, LI, 12)) return true;
  }
  return false;
}

const NO_ITEMS: readonly Element[] = [];

/**
 * The list items an element is or lies in, nearest first, remembered per element: the links and
 * citations of a reference list share their ancestors, so each ancestor is read once.
 */
function listItemsAround(): (el: Element | null) => readonly Element[] {
  const memo = new Map<Element, readonly Element[]>();
  return (start) => {
    const chain: Element[] = [];
    let known: readonly Element[] = NO_ITEMS;
    for (let el = start; el; el = el.parentElement) {
      const found = memo.get(el);
      if (found) {
        known = found;
        break;
      }
      chain.push(el);
    }
    for (let i = chain.length - 1; i >= 0; i--) {
      const el = chain[i];
      if (el.localName === 'li') known = [el, ...known];
      memo.set(el, known);
    }
    return known;
  };
}

/** List item → the `a.external` links with an href inside it, in document order. */
function externalAnchorsByItem(external: readonly Element[], itemsAround: (el: Element | null) => readonly Element[]): Map<Element, Element[]> {
  const byItem = new Map<Element, Element[]>();
  for (const a of external) {
    if (a.localName !== 'a' || !a.hasAttribute('href')) continue;
    for (const p of itemsAround(a.parentElement)) {
      const list = byItem.get(p);
      if (list) list.push(a);
      else byItem.set(p, [a]);
    }
  }
  return byItem;
}

export function sourceContext(doc: Document, pageUrl: string): SourceContext {
  // Plain tag names: jsdom's selector engine takes a second over combinators on a large page.
  // The links with a fragment come from one query of their own (one selector, no list).
  const tagged = elementsByTags(doc, [...HEADING_TAGS, 'strong', 'b', 'base'], 'a[href*="#"]');
  const baseHref = tagged.get('base')![0]?.getAttribute('href');
  const base = resolveHttpUrl(baseHref, pageUrl) ?? pageUrl;
  const ids = new Map<string, Element | null>();
  const external = toArray(doc.getElementsByClassName('external'));
  // Built on the first entry read: pages without a source list never pay for it.
  let byItem: Map<Element, Element[]> | undefined;
  return {
    doc,
    base,
    pageDomain: domainOf(pageUrl),
    addresses: pageAddresses(doc, pageUrl, base),
    externalClassOnly: marksExternalLinks(external),
    quirksMode: doc.compatMode === 'BackCompat',
    tagged,
    fragmentLinks: tagged.get('a')!,
    elementById(id) {
      let el = ids.get(id);
      if (el === undefined) {
        el = byId(doc, id);
        ids.set(id, el);
      }
      return el;
    },
    externalAnchorsUnder(el) {
      if (el.localName !== 'li') return undefined;
      byItem ??= externalAnchorsByItem(external, listItemsAround());
      return byItem.get(el) ?? [];
    },
  };
}

/**
 * Reads the page's source lists, one source per entry: `early` from findEarlyLists, plus the
 * named containers the text walk met (so that no second pass over every element is needed).
 */
export function findSources(ctx: SourceContext, early: FoundList[], containers: Element[]): PageSources {
  const lists = withContainers(early, containers);
  const result: PageSources = {
    sources: [],
    byElement: new Map(),
    byNumber: new Map(),
    notes: new Set(),
    noteNumbers: new Set(),
    listContainers: lists.flatMap((l) => l.containers),
    capped: false,
  };
  // `at`: the entry's place among all lists' entries, which decides whose number a marker names.
  const numbered: { list: FoundList; sources: CitedSource[]; n: number; at: number }[] = [];
  const pointers: { list: FoundList; item: ListItem; entry: EntryNodes; cited: CitedEntry[]; at: number }[] = [];
  // Sources labelled by their place in a list that shows no numbers (a bibliography's <ul>).
  const unnumbered = new Set<CitedSource>();
  const add = (list: FoundList, item: ListItem, read: ReadItem | undefined, at: number): void => {
    if (!read) {
      result.notes.add(item.el);
      if (list.named) result.noteNumbers.add(item.ordinal);
      return;
    }
    const n = read.number ?? item.ordinal;
    const source = newSource(result, read, read.sourceStyle ? `Source ${n}` : String(n));
    if (!source) {
      // Past the cap: markers pointing here make no claim (and are not called unlinked).
      result.notes.add(item.el);
      if (list.named) result.noteNumbers.add(n);
      return;
    }
    if (read.number === undefined && item.el.parentElement?.localName === 'ul') unnumbered.add(source);
    if (!result.byElement.has(item.el)) result.byElement.set(item.el, [source]);
    numbered.push({ list, sources: [source], n, at });
  };
  let at = 0;
  for (const list of lists) {
    for (const item of list.items) {
      at++;
      const entry = new EntryNodes(item.nodes);
      const own = readItem(ctx, entry);
      // No link of its own, but links to other entries: a short footnote, read once every list is.
      const cited = own ? undefined : citedEntries(ctx, entry);
      if (cited && cited.length > 0) pointers.push({ list, item, entry, cited, at });
      else add(list, item, own ?? unfetchableItem(entry), at);
    }
  }
  // A short footnote ("King 2003, p. 41") cites the works it points at: the sources of their
  // entries when those are listed, else a source read from each entry, named as the footnote
  // names it. A footnote whose pointers reach no work is read as any other entry.
  const outside = new Map<Element, CitedSource | null>();
  for (const { list, item, entry, cited, at } of pointers) {
    const works: CitedSource[] = [];
    for (const { el, name } of cited) {
      let work = listedWork(result, el);
      if (work === undefined) {
        work = outside.get(el);
        if (work === undefined) {
          const target = new EntryNodes([el]);
          const read = readItem(ctx, target) ?? unfetchableItem(target);
          work = (read && newSource(result, read, name || String(result.sources.length + 1))) || null;
          outside.set(el, work);
        }
      } else if (work && unnumbered.has(work) && name) {
        // The page shows no number for it: it names it as its footnotes do ("King 2003").
        work.label = name;
        unnumbered.delete(work);
      }
      if (work && !works.includes(work)) works.push(work);
    }
    if (works.length === 0) {
      add(list, item, unfetchableItem(entry), at);
      continue;
    }
    if (!result.byElement.has(item.el)) result.byElement.set(item.el, works);
    numbered.push({ list, sources: works, n: leadingNumber(entry) ?? item.ordinal, at });
  }
  if (pointers.length > 0) numbered.sort((a, b) => a.at - b.at);
  // Text markers ("[3]") carry only a number: named lists own the numbering before lists that
  // were reached only through linked markers, and within each group the first list wins.
  for (const named of [true, false]) {
    for (const entry of numbered) {
      if (entry.list.named === named && !result.byNumber.has(entry.n)) result.byNumber.set(entry.n, entry.sources);
    }
  }
  if (result.sources.length === 0) {
    // JSON-LD entries are numbered by position; an entry without a URL keeps its number.
    for (const entry of jsonLdSources(ctx)) {
      if (entry.source) {
        result.sources.push(entry.source);
        result.byNumber.set(entry.position, [entry.source]);
      } else {
        result.noteNumbers.add(entry.position);
      }
    }
  }
  return result;
}

/** A new source for a read entry, or undefined past the cap (then `capped` is set). */
function newSource(result: PageSources, read: ReadItem, label: string): CitedSource | undefined {
  if (result.sources.length >= MAX_SOURCES) {
    result.capped = true;
    return undefined;
  }
  const source: CitedSource = {
    id: `s${result.sources.length + 1}`,
    label,
    url: read.url,
    ...(read.archiveUrl ? { archiveUrl: read.archiveUrl } : {}),
    ...(read.title ? { title: read.title } : {}),
    domain: read.url ? (read.domain ?? domainOf(read.url)) : '',
    ...(read.reason ? { status: 'unavailable' as const, reason: read.reason } : {}),
  };
  result.sources.push(source);
  return source;
}

/**
 * The source of the listed entry an element is or lies in (a <cite> inside its list item); null
 * for an entry that is listed but holds no work; undefined for an element outside every list.
 */
function listedWork(result: PageSources, el: Element): CitedSource | null | undefined {
  for (let p: Element | null = el, depth = 0; p && depth < 4; p = p.parentElement, depth++) {
    const sources = result.byElement.get(p);
    if (sources) return sources.length === 1 ? sources[0] : null;
    if (result.notes.has(p)) return null;
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Finding lists

function listAdder(found: FoundList[]): (list: FoundList | undefined) => void {
  const taken = new Set<Element>(found.flatMap((l) => l.containers));
  return (list) => {
    if (!list) return;
    // Containers first: a list already taken is never read item by item.
    if (list.containers.some((c) => taken.has(c) || insideAny(c, taken))) return;
    if (list.items.length === 0) return;
    for (const c of list.containers) taken.add(c);
    found.push(list);
  };
}

/**
 * The in-page elements that marker links lead to, in link order (a target may repeat), and the
 * test that tells a citation's link from a note's back-link, asked only of a target that would
 * open a list not yet found: a long page's markers mostly point into one list, found at the first.
 */
export interface MarkerTargets {
  targets: readonly Element[];
  cites(index: number): boolean;
}

/** Lists found before the text walk: those markers point into, and those under a "Sources" heading. */
export function findEarlyLists(ctx: SourceContext, markers: MarkerTargets): FoundList[] {
  const found: FoundList[] = [];
  const add = listAdder(found);
  const taken = new Set<Element>();

  // 1. Lists that in-page markers point into.
  markers.targets.forEach((target, index) => {
    const item = closestTag(target, LI, 8) ?? target;
    const list = item.parentElement;
    if (!list || taken.has(list) || !markers.cites(index)) return;
    taken.add(list);
    if (item.localName === 'li' && (list.localName === 'ol' || list.localName === 'ul')) {
      add(wholeList(list, isNamedList(list)));
    }
  });
  // 2. A heading such as "Sources" or "References", then a list or lines with URLs.
  const headings = HEADING_TAGS.flatMap((tag) => ctx.tagged.get(tag)!);
  // "<p><strong>Sources</strong></p>" works as a heading too.
  for (const bold of [...ctx.tagged.get('strong')!, ...ctx.tagged.get('b')!]) {
    const p = bold.parentElement;
    if (p && p.localName === 'p' && p.children.length === 1) headings.push(bold);
  }
  for (const heading of headings) {
    const title = headingText(heading);
    if (!REGEXPS.sourceHeading.test(title)) continue;
    const anchor = heading.localName === 'strong' || heading.localName === 'b' ? heading.parentElement! : heading;
    if (anchor.localName === 'p' && normalizeSpace(anchor.textContent ?? '') !== normalizeSpace(heading.textContent ?? '')) continue;
    add(listAfterHeading(anchor));
  }
  return found;
}

/** Adds the lists of containers named as source lists, and puts all lists in page order. */
function withContainers(early: FoundList[], containers: Element[]): FoundList[] {
  const found = [...early];
  const add = listAdder(found);
  for (const container of containers) {
    if (container.localName === 'ol' || container.localName === 'ul') {
      add(wholeList(container, true));
      continue;
    }
    const list = firstByTags(container, LISTS);
    if (list) add(wholeList(list, true));
    else add(lineList(toArray(container.children).filter((c) => c.localName === 'p' || c.localName === 'div')));
  }
  return found.sort((a, b) => documentOrder(a.containers[0], b.containers[0]));
}

function insideAny(el: Element, set: Set<Element>): boolean {
  for (let p = el.parentElement; p; p = p.parentElement) if (set.has(p)) return true;
  return false;
}

function documentOrder(a: Element, b: Element): number {
  if (a === b) return 0;
  // DOCUMENT_POSITION_FOLLOWING (4): b comes after a.
  return a.compareDocumentPosition(b) & 4 ? -1 : 1;
}

function isNamedList(list: Element): boolean {
  for (let p: Element | null = list, depth = 0; p && depth < 4; p = p.parentElement, depth++) {
    if (isSourceContainer(p) || hasClass(p, 'reflist')) return true;
  }
  return false;
}

/** A heading's title as the source-list rules read it: spaces folded, Wikipedia's "[edit]" and a closing colon left out. */
export function headingText(heading: Element): string {
  return normalizeSpace(heading.textContent ?? '')
    .replace(/\[\s*edit(?:\s+source)?\s*\]/gi, '')
    .replace(/[\s:]+$/, '')
    .trim();
}

function isHeading(el: Element): boolean {
  return /^h[1-6]$/.test(el.localName) || (el.firstElementChild !== null && /^h[1-6]$/.test(el.firstElementChild.localName) && el.children.length === 1);
}

/** A list (<ol>, <ul>) as one FoundList; its items are read when first asked for. */
function wholeList(list: Element, named: boolean): FoundList {
  let items: ListItem[] | undefined;
  return {
    containers: [list],
    named,
    get items() {
      return (items ??= listItems(list));
    },
  };
}

function listItems(list: Element): ListItem[] {
  const items: ListItem[] = [];
  const start = list.getAttribute('start');
  let ordinal = list.localName === 'ol' && start !== null && Number.isInteger(Number(start)) ? Number(start) : 1;
  for (const child of toArray(list.children)) {
    if (child.localName !== 'li') continue;
    const value = child.getAttribute('value');
    if (value !== null && Number.isInteger(Number(value))) ordinal = Number(value);
    items.push({ el: child, nodes: [child], ordinal });
    ordinal++;
  }
  return items;
}

function listAfterHeading(heading: Element): FoundList | undefined {
  // New MediaWiki markup wraps the heading: <div class="mw-heading"><h2>…</h2>[edit]</div>.
  let start: Element = heading;
  const parent = heading.parentElement;
  if (parent && parent.localName === 'div' && parent.firstElementChild === heading && !firstByTags(parent, ['ol', 'ul', 'p'])) start = parent;
  const paragraphs: Element[] = [];
  let sibling = start.nextElementSibling;
  for (let i = 0; sibling && i < LIMITS.headingSiblings; i++, sibling = sibling.nextElementSibling) {
    if (isHeading(sibling)) break;
    if (sibling.localName === 'ol' || sibling.localName === 'ul') {
      if (paragraphs.length > 0) break;
      return wholeList(sibling, true);
    }
    if (sibling.localName === 'p') {
      paragraphs.push(sibling);
      continue;
    }
    const list = firstByTags(sibling, LISTS);
    if (list && paragraphs.length === 0) return wholeList(list, true);
    if (paragraphs.length > 0) break;
    // A wrapper of reference paragraphs: <h3>Sources:</h3><div><p>…</p><p>…</p></div>.
    if (sibling.localName === 'div') {
      const lines = lineList(toArray(sibling.children).filter((c) => c.localName === 'p'));
      if (lines) return lines;
    }
  }
  return lineList(paragraphs);
}

/** Paragraphs of references written as lines ("[1] Title. https://…<br>"), one entry per line. */
function lineList(paragraphs: Element[]): FoundList | undefined {
  const items: ListItem[] = [];
  const containers: Element[] = [];
  for (const p of paragraphs) {
    const lines = splitLines(p);
    let any = false;
    for (const nodes of lines) {
      const text = nodes.map((n) => n.textContent ?? '').join('');
      const hasLink = nodes.some((n) => n.nodeType === 1 && ((n as Element).localName === 'a' || anchorsWithHref(n as Element).length > 0));
      if (!hasLink && !/https?:\/\//.test(text)) continue;
      items.push({ el: p, nodes, ordinal: items.length + 1 });
      any = true;
    }
    if (any) containers.push(p);
  }
  return items.length > 0 ? { containers, items, named: true } : undefined;
}

function splitLines(p: Element): Node[][] {
  const lines: Node[][] = [[]];
  for (const child of toArray(p.childNodes)) {
    if (child.nodeType === 1 && (child as Element).localName === 'br') lines.push([]);
    else lines[lines.length - 1].push(child);
  }
  return lines.filter((l) => l.length > 0);
}

export function byId(doc: Document, id: string): Element | null {
  if (!id) return null;
  let decoded = id;
  // Only a "%" escape decodes to something else.
  if (id.indexOf('%') >= 0) {
    try {
      decoded = decodeURIComponent(id);
    } catch {
      // keep the raw id
    }
  }
  return doc.getElementById(decoded) ?? (decoded !== id ? doc.getElementById(id) : null);
}

// ---------------------------------------------------------------------------------------------
// JSON-LD fallback

const JSON_LD_MAX_CHARS = 200_000;

/** Entries of the article's JSON-LD `citation` / `isBasedOn`, in order; URLs deduplicated. */
function jsonLdSources(ctx: SourceContext): { position: number; source?: CitedSource }[] {
  const found: { url?: string; title?: string }[] = [];
  for (const script of toArray(ctx.doc.getElementsByTagName('script'))) {
    if ((script.getAttribute('type') ?? '').trim().toLowerCase() !== 'application/ld+json') continue;
    const raw = script.textContent ?? '';
    if (raw.length > JSON_LD_MAX_CHARS || !/"(?:citation|isBasedOn)"/.test(raw)) continue;
    let data: unknown;
    try {
      data = JSON.parse(raw);
    } catch {
      continue;
    }
    visitJson(data, 0, (value) => collectCited(ctx, value, found));
  }
  const seen = new Set<string>();
  const entries: { position: number; source?: CitedSource }[] = [];
  let count = 0;
  found.forEach((entry, index) => {
    const position = index + 1;
    if (!entry.url) {
      entries.push({ position });
      return;
    }
    if (seen.has(entry.url) || count >= MAX_SOURCES) return;
    seen.add(entry.url);
    count++;
    const source: CitedSource = { id: `s${count}`, label: String(position), url: entry.url, ...(entry.title ? { title: entry.title } : {}), domain: domainOf(entry.url) };
    entries.push({ position, source });
  });
  return entries;
}

function visitJson(value: unknown, depth: number, onObject: (o: Record<string, unknown>) => void): void {
  if (depth > 6 || value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    for (const v of value.slice(0, 100)) visitJson(v, depth + 1, onObject);
    return;
  }
  const obj = value as Record<string, unknown>;
  onObject(obj);
  if (Array.isArray(obj['@graph'])) visitJson(obj['@graph'], depth + 1, onObject);
  if (obj.mainEntity) visitJson(obj.mainEntity, depth + 1, onObject);
}

function collectCited(ctx: SourceContext, obj: Record<string, unknown>, out: { url?: string; title?: string }[]): void {
  for (const key of ['citation', 'isBasedOn']) {
    const value = obj[key];
    const entries = Array.isArray(value) ? value.slice(0, MAX_SOURCES) : value === undefined ? [] : [value];
    for (const entry of entries) {
      if (typeof entry === 'string') {
        const url = resolveHttpUrl(entry, ctx.base);
        if (url && /^https?:\/\//i.test(entry.trim())) out.push({ url });
        continue;
      }
      if (!entry || typeof entry !== 'object') continue;
      const e = entry as Record<string, unknown>;
      const href = [e.url, e['@id'], e.sameAs].find((v): v is string => typeof v === 'string' && /^https?:\/\//i.test(v));
      const url = href ? resolveHttpUrl(href, ctx.base) : undefined;
      const title = [e.name, e.headline].find((v): v is string => typeof v === 'string');
      out.push({ ...(url ? { url } : {}), ...(title ? { title: normalizeSpace(title) } : {}) });
    }
  }
}
