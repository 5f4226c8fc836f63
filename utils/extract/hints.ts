/**
 * The cheap pre-check the content script runs on every page: is there anything that could be a
 * citation? It must cost next to nothing on a page without one, so it never walks the whole page:
 * it looks at superscripts (footnote markers link in-page from a <sup>), then at the text of
 * paragraphs, list items and cells, up to a character budget, for a bracketed marker or for an
 * attribution cue next to a link. A false "yes" only costs one extraction that finds nothing; a
 * "no" on a page with citations hidden outside paragraphs is the price of being cheap, and the
 * content script asks again when the page changes.
 */
import { BADGE_TAG, BLOCK_TAGS, LIMITS } from './config';
import { closestTag, toArray } from './dom';
import { looksLikeMarkerText } from './markers';
import { inPageFragment, pageAddresses, readHref } from './text';
import { REGEXPS } from './vocabulary';
import { isAttributedLink, isLinkDense, type LinkSpan } from './inline';

/** Longer list items are menus or containers of other items, read through their own children. */
const MAX_ITEM_CHARS = 3000;
/** Links looked at per paragraph. */
const MAX_LINKS = 40;
const IGNORED = new Set(['script', 'style', 'code', 'pre', 'template', 'textarea', 'nav', 'blockquote', 'q', BADGE_TAG]);
const TEXT_TAGS = ['p', 'li', 'dd', 'td', 'th', 'caption', 'figcaption'];

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

  // Bracketed markers and attributed links in running text, within a character budget.
  let budget = LIMITS.hintChars;
  // Whether a link leaves the page, by href, once per call: nested list items and repeated
  // links (a teaser's image and headline) ask about the same address again.
  const leavesByHref = new Map<string, boolean>();
  const leaves = (link: Element): boolean => {
    const href = link.getAttribute('href');
    if (href === null) return false;
    let known = leavesByHref.get(href);
    if (known === undefined) {
      addresses ??= pageAddresses(doc, doc.URL, base);
      const target = readHref(href, addresses, base);
      known = target !== undefined && 'url' in target;
      leavesByHref.set(href, known);
    }
    return known;
  };
  // Whether a link's text is an author-year citation, once per link: a link is asked about by
  // its own item, by the items around it and by the wrapper <div> it sits in.
  const authorYearByLink = new Map<Element, boolean>();
  const tests: LinkTests = {
    leaves,
    authorYear(link) {
      let known = authorYearByLink.get(link);
      if (known === undefined) authorYearByLink.set(link, (known = isAuthorYearText(link)));
      return known;
    },
  };
  for (const tag of TEXT_TAGS) {
    for (const el of toArray(body.getElementsByTagName(tag))) {
      const text = el.textContent ?? '';
      budget -= text.length;
      if (budget < 0) return false;
      if (tag !== 'p' && text.length > MAX_ITEM_CHARS) continue;
      if (text.indexOf('[') >= 0 && looksLikeMarkerText(text) && hasMarkerText(doc, el)) return true;
      if (hasCitingLink(el, text, tests)) return true;
    }
  }

  // Links whose text sits straight in a <div> or <section> (blog templates write posts so): the
  // block around each, read once, within what is left of the budget.
  const read = new Set<Element>();
  const links = body.getElementsByTagName('a');
  for (let i = 0, n = Math.min(links.length, LIMITS.hintLinks); i < n; i++) {
    const href = links[i].getAttribute('href');
    if (!href || href.startsWith('#') || /^\s*javascript:/i.test(href)) continue;
    const block = closestTag(links[i], BLOCK_TAGS, 16);
    if (!block || TEXT_TAG_SET.has(block.localName) || read.has(block)) continue;
    read.add(block);
    const text = ownText(block);
    budget -= text.length;
    if (budget < 0) return false;
    if (hasCitingLink(block, text, tests, true)) return true;
  }
  return false;
}

const TEXT_TAG_SET = new Set(TEXT_TAGS);

/**
 * A block's own text, without that of the blocks nested in it at any depth (a post's <div>, not
 * the page's, nor the menu of a <nav> inside it) and without scripts and styles: the text that
 * blockTexts reads for it with `ownOnly`.
 */
function ownText(block: Element): string {
  let text = '';
  let node: Node | null = block.firstChild;
  while (node) {
    if (node.nodeType === 3) text += (node as Text).data;
    else if (node.nodeType === 1 && node.firstChild && !notOwn((node as Element).localName)) {
      node = node.firstChild;
      continue;
    }
    while (node && node !== block && !node.nextSibling) node = node.parentNode;
    node = !node || node === block ? null : node.nextSibling;
  }
  return text;
}

/** Elements whose text is not a block's own: nested blocks, and scripts and styles, which no reader sees. */
function notOwn(name: string): boolean {
  return BLOCK_TAGS.has(name) || name === 'script' || name === 'style';
}

/** A marker in one of the element's own text nodes, not in code or a quotation. */
function hasMarkerText(doc: Document, el: Element): boolean {
  if (closestTag(el, IGNORED)) return false;
  const walker = doc.createTreeWalker(el, 4 /* NodeFilter.SHOW_TEXT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const data = (node as Text).data;
    if (data.indexOf('[') < 0 || !looksLikeMarkerText(data) || closestTag(node.parentElement, IGNORED, 16)) continue;
    // "Go to content [1]" is a link's label (an access key), not a marker; a link reading "[1]" is one.
    const link = closestTag(node.parentElement, LINK, 8);
    if (link && !/^\s*\[[^\]]{1,16}\]\s*$/.test(link.textContent ?? '')) continue;
    return true;
  }
  return false;
}

/** What the pre-check asks of a link, each answered once per call. */
interface LinkTests {
  /** An http(s) address off the page. */
  leaves(link: Element): boolean;
  /** Text that is a linked author-year citation. */
  authorYear(link: Element): boolean;
}

/**
 * An outbound link that is a citation by the rules extraction uses (inline.ts): a linked
 * author-year citation, or a link an attribution ties to its text. The element's text is only
 * walked when it holds a cue word or a quotation mark at all.
 */
function hasCitingLink(el: Element, text: string, { leaves, authorYear }: LinkTests, ownOnly = false): boolean {
  const links = el.getElementsByTagName('a');
  if (links.length === 0) return false;
  const cued = REGEXPS.cueWord.test(text) || /[“"‘«]/.test(text);
  const n = Math.min(links.length, MAX_LINKS);
  // As in extraction: only http(s) links off the page are sources (never `javascript:`, never "#…").
  // Without a cue only a linked author-year citation can cite: its text is the cheaper test.
  if (!cued) {
    // Every author-year citation holds a year; `text` holds the text of every link (unless `ownOnly`).
    if (!ownOnly && !YEAR.test(text)) return false;
    for (let i = 0; i < n; i++) if (authorYear(links[i]) && leaves(links[i])) return true;
    return false;
  }
  let outbound = false;
  for (let i = 0; i < n; i++) {
    if (!leaves(links[i])) continue;
    outbound = true;
    if (authorYear(links[i])) return true;
  }
  if (!outbound || closestTag(el, IGNORED) || underSourceHeading(el)) return false;
  const blocks = blockTexts(el, ownOnly, leaves);
  for (const block of blocks.values()) {
    // Menus, teaser lists and comment headers are mostly links: extraction takes none of their links.
    if (block.outbound.size === 0 || isLinkDense(block.flat, [...block.every.values()])) continue;
    for (const span of block.outbound.values()) if (isAttributedLink(block.flat, span, 0)) return true;
  }
  return false;
}

/**
 * Paragraphs and lists right under a "Sources" or "Notes" heading are a list of sources
 * (extraction reads them as such), not running text whose links could cite.
 */
function underSourceHeading(el: Element): boolean {
  let sibling = (el.localName === 'li' ? el.parentElement : el)?.previousElementSibling ?? null;
  for (let i = 0; sibling && sibling.localName === 'p' && i < LIMITS.headingSiblings; i++) sibling = sibling.previousElementSibling;
  if (!sibling || !/^h[1-6]$/.test(sibling.localName)) return false;
  const title = (sibling.textContent ?? '').replace(/\s+/g, ' ').replace(/\[\s*edit(?:\s+source)?\s*\]/gi, '').replace(/[\s:]+$/, '').trim();
  return REGEXPS.sourceHeading.test(title);
}

const LINK = new Set(['a']);

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

function isAuthorYearText(link: Element): boolean {
  const linkText = (link.textContent ?? '').trim();
  return linkText.length <= 80 && REGEXPS.authorYear.test(linkText);
}
