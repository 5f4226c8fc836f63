/**
 * The cheap pre-check the content script runs on every page: is there anything that could be a
 * citation? It must cost next to nothing on a page without one, so it never reads the page's
 * text as a whole. It starts from what a citation is made of: superscripts (footnote markers link
 * in-page from a <sup>), the page's links, each put through its cheapest tests first (its address,
 * whether it is all its block says, its own words) so that only the text around the few links
 * left is read, and the bracket of a marker written in text, looked for in each text node with
 * one indexOf. A false "yes" only costs one extraction that finds nothing; a "no" on a page with
 * citations hidden outside running text is the price of being cheap, and the content script asks
 * again when the page changes.
 */
import { BADGE_TAG, BLOCK_TAGS, LIMITS } from './config';
import { closestTag } from './dom';
import { looksLikeMarkerText } from './markers';
import { inPageFragment, pageAddresses, readHref } from './text';
import { REGEXPS } from './vocabulary';
import { isAttributedLink, isLinkDense, type LinkSpan } from './inline';
import { AUTHOR_YEAR_CHARS } from './groups';
import { headingText } from './sources';

/** Longer list items and cells are menus or containers of other items, read through their own children. */
const MAX_ITEM_CHARS = 3000;
const IGNORED = new Set(['script', 'style', 'code', 'pre', 'template', 'textarea', 'nav', 'blockquote', 'q', BADGE_TAG]);
/** Where a marker written in text is looked for: running text, items, cells, captions. */
const TEXT_TAGS = new Set(['p', 'li', 'dd', 'td', 'th', 'caption', 'figcaption']);
/** Text that no reader sees: its brackets are code, never markers. */
const UNREAD = new Set(['script', 'style', 'template', 'textarea', 'noscript']);
const LINK = new Set(['a']);
/** readHref reads the page's addresses only for an href with a fragment. */
const NO_ADDRESSES: ReadonlySet<string> = new Set();

export function hasCitationHints(doc: Document): boolean {
  const body = doc.body;
  if (!body) return false;
  const base = doc.baseURI || doc.URL;
  let addresses: Set<string> | undefined;

  // Footnote markers: a superscript linking within the page ("#cite_note-2", or the page's own
  // address with a fragment, as saved pages have it).
  const sups = body.getElementsByTagName('sup');
  for (let i = 0, n = Math.min(sups.length, LIMITS.hintLinks); i < n; i++) {
    const href = sups[i].getElementsByTagName('a')[0]?.getAttribute('href');
    if (!href || href.indexOf('#') < 0) continue;
    addresses ??= pageAddresses(doc, doc.URL, base);
    if (inPageFragment(href, addresses, base) !== undefined) return true;
  }

  // Whether a link leaves the page, by href, once per call: a teaser's image and headline link
  // to the same address. The page's own addresses matter only to an href with a fragment.
  const leavesByHref = new Map<string, boolean>();
  const leaves = (link: Element): boolean => {
    const href = link.getAttribute('href');
    if (href === null) return false;
    let known = leavesByHref.get(href);
    if (known === undefined) {
      const hash = href.indexOf('#');
      if (hash >= 0 && hash < href.length - 1) addresses ??= pageAddresses(doc, doc.URL, base);
      const target = readHref(href, addresses ?? NO_ADDRESSES, base);
      known = target !== undefined && 'url' in target;
      leavesByHref.set(href, known);
    }
    return known;
  };
  if (hasCitingLink(body, leaves)) return true;
  return hasTextMarker(doc, body);
}

/** What the pre-check knows of a block once it has read it: null when none of its links can cite. */
type BlockVerdict = BlockSpans | null;

/**
 * A link that is a citation by the rules extraction uses (inline.ts): a linked author-year
 * citation, or a link an attribution ties to its text. Each link meets its cheapest tests first,
 * and only a link that passes them has its block read, once for all the block's links, within
 * the character budget.
 */
function hasCitingLink(body: HTMLElement, leaves: (link: Element) => boolean): boolean {
  let budget = LIMITS.hintChars;
  const read = new Map<Element, BlockVerdict>();
  const links = body.getElementsByTagName('a');
  for (let i = 0, n = Math.min(links.length, LIMITS.hintLinks); i < n; i++) {
    const link = links[i];
    // As in extraction: only http(s) links off the page are sources (never `javascript:`, never "#…").
    const href = link.getAttribute('href');
    if (!href || href.charCodeAt(0) === 35 /* # */ || JAVASCRIPT.test(href)) continue;
    const block = closestTag(link.parentElement, BLOCK_TAGS, BLOCK_REACH);
    // A link that is all its block says (a menu entry, a headline, a teaser) cites nothing.
    if (!block || fillsBlock(link, block)) continue;
    const linkText = link.textContent ?? '';
    if ((YEAR.test(linkText) ? isAuthorYearText(linkText) : namesBeforeYear(link, linkText)) && leaves(link)) return true;
    if (!WORDING.test(linkText) || closestTag(link, IGNORED)) continue;
    let verdict = read.get(block);
    if (verdict === undefined) {
      verdict = readBlock(block);
      budget -= verdict?.flat.length ?? 0;
      if (budget < 0) return false;
      read.set(block, verdict);
    }
    // Whether the link leaves the page is asked last: for an href with a fragment it reads the
    // page's own addresses.
    const span = verdict?.every.get(link);
    if (span && isAttributedLink(verdict!.flat, span, 0) && leaves(link)) return true;
  }
  return false;
}

const JAVASCRIPT = /^\s*javascript:/i;

/**
 * A block's own text and links (see blockTexts), or null when none of its links can be a
 * citation: it sits in code, a quotation or navigation, it lists sources, or it is mostly links
 * (menus, teaser lists, comment headers: extraction takes none of their links).
 */
function readBlock(block: Element): BlockVerdict {
  if (closestTag(block, IGNORED) || underSourceHeading(block)) return null;
  const spans = blockTexts(block, true, ANY_LINK).get(block);
  if (!spans || isLinkDense(spans.flat, [...spans.every.values()])) return null;
  return spans;
}

const ANY_LINK = () => true;


/** A character other than space or punctuation: what inline.ts counts as words beside a link. */
const WORDING = /[^\s.,;:!?"'“”‘’()]/;

/**
 * Whether nothing but spaces and punctuation stands beside the link in its block, read from the
 * link's siblings and its inline ancestors' siblings only (nested blocks and scripts are not the
 * block's text). An element beside it counts as words when its text holds any.
 */
function fillsBlock(link: Element, block: Element): boolean {
  for (let el: Element | null = link; el && el !== block; el = el.parentElement) {
    for (let node = el.nextSibling; node; node = node.nextSibling) if (hasWords(node)) return false;
    for (let node = el.previousSibling; node; node = node.previousSibling) if (hasWords(node)) return false;
  }
  return true;
}

/** Text with words, or an element of the block's own text holding some. */
function hasWords(node: Node): boolean {
  const type = node.nodeType;
  if (type === 3) return WORDING.test((node as Text).data);
  return type === 1 && node.firstChild !== null && !notOwn((node as Element).localName) && WORDING.test(node.textContent ?? '');
}

/**
 * A marker written in text ("[3]", "[Source 2]", "[1, 4]") in a paragraph, an item or a cell,
 * outside code, quotations and navigation; inside a link only when the link reads as the marker
 * ("Go to content [1]" is a link's label, an access key). Every text node is looked at, but only
 * one holding a bracket is read further.
 */
function hasTextMarker(doc: Document, body: HTMLElement): boolean {
  const walker = doc.createTreeWalker(body, 4 /* NodeFilter.SHOW_TEXT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const data = (node as Text).data;
    if (data.indexOf('[') < 0) continue;
    const parent = node.parentElement;
    if (!parent || UNREAD.has(parent.localName) || !looksLikeMarkerText(data) || closestTag(parent, IGNORED)) continue;
    const link = closestTag(parent, LINK, LINK_REACH);
    if (link && !/^\s*\[[^\]]{1,16}\]\s*$/.test(link.textContent ?? '')) continue;
    if (inTextElement(parent)) return true;
  }
  return false;
}

/** Inside a paragraph, or an item, a cell or a caption short enough to be one (not a whole menu). */
function inTextElement(from: Element): boolean {
  for (let el: Element | null = closestTag(from, TEXT_TAGS); el; el = closestTag(el.parentElement, TEXT_TAGS)) {
    if (el.localName === 'p' || (el.textContent ?? '').length <= MAX_ITEM_CHARS) return true;
  }
  return false;
}

/** Elements whose text is not a block's own: nested blocks, and scripts and styles, which no reader sees. */
function notOwn(name: string): boolean {
  return BLOCK_TAGS.has(name) || name === 'script' || name === 'style';
}

/**
 * Paragraphs and lists right under a "Sources" or "Notes" heading are a list of sources
 * (extraction reads them as such), not running text whose links could cite.
 */
function underSourceHeading(el: Element): boolean {
  let sibling = (el.localName === 'li' ? el.parentElement : el)?.previousElementSibling ?? null;
  for (let i = 0; sibling && sibling.localName === 'p' && i < LIMITS.headingSiblings; i++) sibling = sibling.previousElementSibling;
  if (!sibling || !/^h[1-6]$/.test(sibling.localName)) return false;
  return REGEXPS.sourceHeading.test(headingText(sibling));
}

/** The text of one block, with the span of each link in it: outbound ones, and all, for density. */
export interface BlockSpans {
  flat: string;
  outbound: Map<Element, LinkSpan>;
  every: Map<Element, LinkSpan>;
}

/** How far up a text's block and link are looked for, as `closestTag` would from its parent. */
const BLOCK_REACH = 16;
const LINK_REACH = 8;

/**
 * The text of each block inside the element (extraction's unit: a nested <div> or <h3> is a block
 * of its own), in document order. With `ownOnly` only the element's own text is read (see ownText):
 * each nested block is read on its own, and a wrapper <div> would otherwise walk the page under it
 * once for every wrapper around it. One walk down the tree that carries each element's nearest block and link
 * with their distance, so that no text node looks up through its ancestors: a text's block is the
 * nearest within BLOCK_REACH steps of its parent (else the element), its link the nearest `<a>`
 * within LINK_REACH steps, counted only when inside the element. A plain walk, not a TreeWalker
 * with a filter function, which throws in Chromium where the page's scripts are off.
 */
export function blockTexts(root: Element, ownOnly: boolean, leaves: (link: Element) => boolean): Map<Element, BlockSpans> {
  const blocks = new Map<Element, BlockSpans>();
  // Per depth below the root: the nearest block and link of the element there, and how far up.
  const blockAt: (Element | null)[] = [closestTag(root, BLOCK_TAGS, BLOCK_REACH)];
  const blockUp: number[] = [blockAt[0] ? distanceUp(root, blockAt[0]) : 0];
  const linkAt: (Element | null)[] = [closestTag(root, LINK, LINK_REACH)];
  const linkUp: number[] = [linkAt[0] ? distanceUp(root, linkAt[0]) : 0];
  // A link around the element is not one of its links.
  const linkInside: boolean[] = [linkAt[0] === root];
  let depth = 0;
  let node: Node | null = root.firstChild;
  while (node) {
    if (node.nodeType === 3) {
      const data = (node as Text).data.replace(/[\n\r\t\f]/g, ' ');
      const nearest = blockAt[depth];
      const blockEl = nearest && blockUp[depth] <= BLOCK_REACH ? nearest : root;
      const block = blocks.get(blockEl) ?? { flat: '', outbound: new Map(), every: new Map() };
      blocks.set(blockEl, block);
      const link = linkInside[depth] && linkUp[depth] <= LINK_REACH ? linkAt[depth] : null;
      if (link && link.hasAttribute('href')) {
        const span = block.every.get(link) ?? { start: block.flat.length, end: block.flat.length };
        span.end = block.flat.length + data.length;
        block.every.set(link, span);
        if (leaves(link)) block.outbound.set(link, span);
      }
      block.flat += data;
    } else if (node.nodeType === 1 && node.firstChild) {
      const name = (node as Element).localName;
      const isBlock = BLOCK_TAGS.has(name);
      if (!(ownOnly && notOwn(name))) {
        const d = depth + 1;
        blockAt[d] = isBlock ? (node as Element) : blockAt[depth];
        blockUp[d] = isBlock ? 0 : blockUp[depth] + 1;
        const isLink = name === 'a';
        linkAt[d] = isLink ? (node as Element) : linkAt[depth];
        linkUp[d] = isLink ? 0 : linkUp[depth] + 1;
        linkInside[d] = isLink || linkInside[depth];
        depth = d;
        node = node.firstChild;
        continue;
      }
    }
    while (node && node !== root && !node.nextSibling) {
      node = node.parentNode;
      depth--;
    }
    node = !node || node === root ? null : node.nextSibling;
  }
  return blocks;
}

/** Steps from an element up to one of its ancestors-or-self. */
function distanceUp(el: Element, ancestor: Element): number {
  let steps = 0;
  for (let e: Element | null = el; e && e !== ancestor; e = e.parentElement) steps++;
  return steps;
}

/** What every alternative of REGEXPS.authorYear requires. */
const YEAR = /(?:1[6-9]|20)\d{2}/;

/** "<a>Wei et al.</a> (2022)": the names linked, the year in parentheses in the text right after the link. */
function namesBeforeYear(link: Element, linkText: string): boolean {
  const next = link.nextSibling;
  return next?.nodeType === 3 && REGEXPS.yearAfter.test(next.nodeValue ?? '') && REGEXPS.authorNames.test(linkText.trim());
}

function isAuthorYearText(text: string): boolean {
  const linkText = text.trim();
  return linkText.length <= AUTHOR_YEAR_CHARS && REGEXPS.authorYear.test(linkText);
}
