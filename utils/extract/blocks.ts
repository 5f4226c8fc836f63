/**
 * One walk over the page's text, cut into blocks (a paragraph, a list item, a table cell), with
 * the map from each block's characters back to DOM text nodes (for Ranges) and the marker
 * elements and outbound links met on the way.
 *
 * The walk is iterative and linear in the number of nodes. It never enters skipped subtrees
 * (code blocks, navigation, quotations, hidden elements, source lists, Citecheck's own badges), so
 * text there can never become a claim. Inline code is read as words, never as markers or links. Only blocks that could hold a citation are kept: those with a
 * marker element, a "[" or an outbound link.
 */
import { BLOCK_TAGS, CONTAINER_TAGS, INLINE_CODE_TAGS, SKIP_CLASS, SKIP_TAGS, isSourceContainer } from './config';
import { classListed, firstAnchorWithHref } from './dom';
import { formulaText } from './math';
import { markerLabelOf } from './markers';
import { inPageFragment, normalizeSpace, readHref } from './text';
import { REGEXPS } from './vocabulary';

export interface ElementMarker {
  el: Element;
  start: number;
  end: number;
  /** Text as shown, e.g. "[12]". */
  text: string;
  label: string;
  bracketed: boolean;
  /**
   * Reads unmistakably as a citation marker (brackets, a superscript, a footnote role or a
   * footnote-like target): when it names no source it is an unlinked claim, not ordinary text.
   */
  strong: boolean;
  /** The in-page element the marker links to (undefined: no link; null: link to a missing id). */
  target: Element | null | undefined;
}

export interface LinkHit {
  el: Element;
  url: string;
  start: number;
  end: number;
  /** The link leads to the page's own site (its reporting, a document mirror, a staff page). */
  ownSite: boolean;
}

export interface Block {
  el: Element;
  text: string;
  /** Text nodes of the block (null for a line break) and where each starts in `text`. */
  nodes: (Text | null)[];
  starts: number[];
  markers: ElementMarker[];
  links: LinkHit[];
  /** Every link's span: a "[1]" that is only part of a link's label is no marker. */
  anchors: { start: number; end: number }[];
  /** Spans of inline code: a "[2]" there is an index, no marker. */
  code: { start: number; end: number }[];
}

export interface WalkOptions {
  doc: Document;
  base: string;
  pageDomain: string;
  /** The page's own addresses (see pageAddresses): links to them are in-page links. */
  addresses: ReadonlySet<string>;
  /** getElementById (remembered by the caller). */
  elementById(id: string): Element | null;
  /** Elements never entered (source lists). */
  skip: Set<Element>;
  /** Receives the containers named as source lists that the walk met (and did not enter). */
  containers: Element[];
  /** The page marks its outbound links (MediaWiki's `a.external`): no other link is a source. */
  externalOnly?: boolean;
}

/** Attributes that can make the walk skip an element, as bits (see isSkipped). */
const SKIP_ATTRIBUTES: ReadonlyMap<string, number> = new Map([['role', 1], ['class', 2], ['hidden', 4], ['aria-hidden', 8], ['style', 16], ['id', 32], ['aria-label', 64]]);

/**
 * The attributes of the element the walk is at that both the skip test and entering it read: a
 * link's href and the class, each read once (a fresh document pays most for a value's first read).
 */
interface ReadAttributes {
  href: string | null;
  cls: string | null;
  /** The local names of the elements in `options.skip`: most elements need no lookup in it. */
  skipNames: ReadonlySet<string>;
}

function isSkipped(el: Element, name: string, options: WalkOptions, read: ReadAttributes): boolean {
  read.href = name === 'a' ? el.getAttribute('href') : null;
  read.cls = null;
  if (SKIP_TAGS.has(name) || (read.skipNames.has(name) && options.skip.has(el))) return true;
  if (name === 'a' && isListenLink(el, read.href)) return true;
  if (INLINE_CODE_TAGS.has(name) && (el.textContent ?? '').indexOf('\n') >= 0) return true;
  // Most elements of running text (p, li, b, i) carry no attribute at all; the others mostly
  // carry none of these (a link's href and title): one call lists the names, and only the
  // attributes present are read.
  if (!el.hasAttributes()) return false;
  let present = 0;
  for (const attribute of el.getAttributeNames()) present |= SKIP_ATTRIBUTES.get(attribute) ?? 0;
  if (present === 0) return false;
  const role = present & 1 ? el.getAttribute('role') : null;
  const cls = present & 2 ? el.getAttribute('class') : null;
  read.cls = cls;
  if (present & (1 | 2 | 32 | 64) && CONTAINER_TAGS.has(name) && isSourceContainer(el, role, cls)) {
    options.containers.push(el);
    return true;
  }
  if (role === 'navigation' || role === 'doc-endnotes' || role === 'doc-bibliography') return true;
  if (cls && SKIP_CLASS.test(cls)) return true;
  if (present & 4 || (present & 8 && el.getAttribute('aria-hidden') === 'true')) return true;
  const style = present & 16 ? el.getAttribute('style') : null;
  return style !== null && /display\s*:\s*none/i.test(style);
}

/**
 * The walk's skip rule alone, for text read outside the walk (the list a colon introduces,
 * introduced.ts): page furniture, hidden copies and source lists are passed over there too.
 */
export function isSkippedElement(el: Element, name: string): boolean {
  return isSkipped(el, name, { skip: NOTHING_SKIPPED, containers: [] } as unknown as WalkOptions, { href: null, cls: null, skipNames: NO_NAMES });
}

const NOTHING_SKIPPED = new Set<Element>();
const NO_NAMES = new Set<string>();

/**
 * A pronunciation's sound link in running text ("Harrowgate (<a href="….ogg">listen</a>)"): page
 * furniture, like the pronunciation classes of SKIP_CLASS. Read for every link, so the address is
 * looked at only when a dot stands where a sound file's extension would start (".ogg", ".flac").
 */
function isListenLink(el: Element, href: string | null): boolean {
  if (href === null || (href.charCodeAt(href.length - 4) !== 46 && href.charCodeAt(href.length - 5) !== 46)) return false;
  return REGEXPS.soundFile.test(href) && REGEXPS.listenText.test(el.textContent ?? '');
}

/** The marker an element stands for, if it is one: a <sup> holding a short label, or a short in-page link. */
function markerOf(el: Element, name: string, href: string | null, options: WalkOptions): Omit<ElementMarker, 'start' | 'end'> | undefined {
  if (name !== 'sup' && name !== 'a') return undefined;
  // An in-page link has a "#": most links have none, and are no markers.
  if (name === 'a' && (!href || href.indexOf('#') < 0)) return undefined;
  const text = el.textContent ?? '';
  const parsed = markerLabelOf(text);
  if (!parsed) return undefined;
  if (name === 'a' && !inPageFragment(href, options.addresses, options.base)) return undefined;
  const link = name === 'a' ? el : firstAnchorWithHref(el);
  // A bare superscript number is an exponent ("km²") unless it links somewhere or says it cites.
  if (!link && !parsed.bracketed && !/cite|ref|foot|note|fn/i.test(`${el.getAttribute('class') ?? ''} ${el.id}`)) return undefined;
  let target: Element | null | undefined;
  let fragment: string | undefined;
  if (link) {
    fragment = inPageFragment(link === el ? href : link.getAttribute('href'), options.addresses, options.base);
    if (fragment === undefined) {
      // A superscript linking elsewhere is a link, not a marker (unless it reads "[n]").
      if (!parsed.bracketed) return undefined;
    } else {
      target = options.elementById(fragment);
    }
  }
  const strong =
    parsed.bracketed ||
    name === 'sup' ||
    el.parentElement?.localName === 'sup' ||
    el.getAttribute('role') === 'doc-noteref' ||
    /^(?:cite|fn|foot|note|ref|src|source)/i.test(fragment ?? '');
  return { el, text: normalizeSpace(text), label: parsed.label, bracketed: parsed.bracketed, strong, target };
}

const CELL_TAGS = new Set(['td', 'th', 'caption', 'dt']);

/** Walks `root` and returns its candidate blocks in document order. */
export function collectBlocks(root: Element, options: WalkOptions): Block[] {
  const blocks: Block[] = [];
  const parts: string[] = [];
  /** Where a line break (<br>) stands in the block's text as "\n". */
  const lineBreaks: number[] = [];
  let length = 0;
  let nodes: (Text | null)[] = [];
  let starts: number[] = [];
  let markers: ElementMarker[] = [];
  let links: LinkHit[] = [];
  let anchors: { start: number; end: number }[] = [];
  let code: { start: number; end: number }[] = [];
  let hasBracket = false;
  let blockEl: Element = root;
  // Elements are entered and left in nesting order, so what is open is a stack (at most one
  // marker: none opens inside another), each left when its element is on top.
  let openMarker: (Omit<ElementMarker, 'start' | 'end'> & { start: number }) | undefined;
  const openLinks: { el: Element; target: { url: string; host: string } | undefined; start: number; block: number }[] = [];
  // Counts flushed blocks: a link that wraps blocks (a teaser card) belongs to none of them.
  let blockSerial = 0;
  // A line break inside a cell or a caption breaks a line of a title, not a sentence.
  let lineBreak = '\n';
  const openCode: { el: Element; start: number }[] = [];

  const flush = (nextBlock: Element, nextName: string) => {
    if (length > 0 && (markers.length > 0 || links.length > 0 || hasBracket)) {
      blocks.push({ el: blockEl, text: blockText(parts, lineBreaks), nodes, starts, markers, links, anchors, code });
      nodes = [];
      starts = [];
      markers = [];
      links = [];
      anchors = [];
      code = [];
    } else if (parts.length > 0 || anchors.length > 0 || code.length > 0 || markers.length > 0) {
      // A block kept by nobody: its arrays are emptied, not replaced (most blocks are dropped).
      nodes.length = 0;
      starts.length = 0;
      markers.length = 0;
      anchors.length = 0;
      code.length = 0;
    }
    parts.length = 0;
    lineBreaks.length = 0;
    length = 0;
    hasBracket = false;
    blockEl = nextBlock;
    blockSerial++;
    lineBreak = CELL_TAGS.has(nextName) ? ' ' : '\n';
  };

  const enter = (el: Element, name: string, href: string | null, cls: string | null) => {
    if (BLOCK_TAGS.has(name)) flush(el, name);
    if (INLINE_CODE_TAGS.has(name) || openCode.length > 0) {
      openCode.push({ el, start: length });
      return;
    }
    if (!openMarker) {
      const marker = markerOf(el, name, href, options);
      if (marker) {
        openMarker = { ...marker, start: length };
        return;
      }
    }
    if (href !== null) {
      // On a page that marks its outbound links the others only count as link spans, unparsed.
      const target = options.externalOnly && !classListed(cls, 'external') ? undefined : readHref(href, options.addresses, options.base);
      openLinks.push({ el, target: target && 'url' in target ? target : undefined, start: length, block: blockSerial });
    }
  };

  // `parentName`: the local name of the element the walk returns to (root's, at the top).
  const exit = (el: Element, name: string, parentName: string) => {
    const openedCode = openCode.length > 0 && openCode[openCode.length - 1].el === el ? openCode.pop() : undefined;
    if (openedCode) {
      if (openCode.length === 0 && length > openedCode.start) code.push({ start: openedCode.start, end: length });
      if (BLOCK_TAGS.has(name)) flush(el.parentElement ?? root, parentName);
      return;
    }
    if (openMarker && openMarker.el === el) {
      markers.push({ ...openMarker, end: length });
      openMarker = undefined;
    }
    const link = openLinks.length > 0 && openLinks[openLinks.length - 1].el === el ? openLinks.pop() : undefined;
    if (link) {
      if (length > link.start && link.block === blockSerial) {
        anchors.push({ start: link.start, end: length });
        if (link.target) links.push({ el, url: link.target.url, start: link.start, end: length, ownSite: link.target.host === options.pageDomain });
      }
    }
    if (BLOCK_TAGS.has(name)) flush(el.parentElement ?? root, parentName);
  };

  const appendText = (text: string, node: Text | null) => {
    if (text.length === 0) return;
    if (node === null && text === '\n') lineBreaks.push(length);
    nodes.push(node);
    starts.push(length);
    parts.push(text);
    length += text.length;
    if (!hasBracket && openCode.length === 0 && text.indexOf('[') >= 0) hasBracket = true;
  };

  // Local names of the entered elements the walk is inside, innermost last: each is read once.
  const rootName = root.localName;
  const openNames: string[] = [];
  let node: Node | null = root.firstChild;
  let formula: string | undefined;
  const skipNames = new Set<string>();
  for (const el of options.skip) skipNames.add(el.localName);
  const read: ReadAttributes = { href: null, cls: null, skipNames };
  while (node) {
    let descended = false;
    const type = node.nodeType;
    if (type === 3) {
      // Read as written: the source's line breaks become spaces once the block is kept (blockText).
      appendText((node as Text).data, node as Text);
    } else if (type === 1) {
      const el = node as Element;
      const name = el.localName;
      if (name === 'br') {
        appendText(lineBreak, null);
      } else if ((name === 'math' || name === 'img') && (formula = formulaText(el))) {
        // A formula reads as its text, with no node of its own: no anchor points into it.
        appendText(` ${formula} `, null);
      } else if (!isSkipped(el, name, options, read)) {
        enter(el, name, read.href, read.cls);
        const child = el.firstChild;
        if (child) {
          openNames.push(name);
          node = child;
          descended = true;
        } else {
          exit(el, name, openNames.length > 0 ? openNames[openNames.length - 1] : rootName);
        }
      }
    }
    if (descended) continue;
    let next: Node | null = null;
    while (node && node !== root && !(next = node.nextSibling)) {
      node = node.parentNode;
      if (node && node !== root) {
        const name = openNames.pop()!;
        exit(node as Element, name, openNames.length > 0 ? openNames[openNames.length - 1] : rootName);
      }
    }
    if (!node || node === root) break;
    node = next;
  }
  flush(root, rootName);
  return blocks;
}

const SOURCE_BREAKS = /[\n\r\t\f]/;

/**
 * A kept block's text from its parts: line breaks and tabs of the HTML source are spaces on
 * screen, never sentence ends (one character for one, so offsets still map to the nodes); a
 * <br> stays a line break.
 */
function blockText(parts: readonly string[], lineBreaks: readonly number[]): string {
  let text = parts.join('');
  if (!SOURCE_BREAKS.test(text)) return text;
  text = text.replace(/[\n\r\t\f]/g, ' ');
  for (const at of lineBreaks) text = `${text.slice(0, at)}\n${text.slice(at + 1)}`;
  return text;
}

/**
 * The DOM point for a character offset of a block: for a start, the first character at or after
 * the offset; for an end, just after the last character before it.
 */
export function pointAt(block: Block, offset: number, asEnd: boolean): { node: Node; offset: number } | undefined {
  const { starts, nodes } = block;
  // Last node starting at or before the offset (strictly before, for an end point).
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (asEnd ? starts[mid] < offset : starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  if (asEnd) {
    for (let i = lo; i >= 0; i--) {
      const node = nodes[i];
      if (node) return { node, offset: Math.min(node.data.length, Math.max(0, offset - starts[i])) };
    }
    return undefined;
  }
  for (let i = lo; i < nodes.length; i++) {
    const node = nodes[i];
    if (!node) continue;
    const local = offset - starts[i];
    if (local < node.data.length) return { node, offset: Math.max(0, local) };
  }
  return undefined;
}
