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
  for (const tag of TEXT_TAGS) {
    for (const el of toArray(body.getElementsByTagName(tag))) {
      const text = el.textContent ?? '';
      budget -= text.length;
      if (budget < 0) return false;
      if (tag !== 'p' && text.length > MAX_ITEM_CHARS) continue;
      if (text.indexOf('[') >= 0 && looksLikeMarkerText(text) && hasMarkerText(doc, el)) return true;
      if (hasCitingLink(doc, el, text, leaves)) return true;
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
    if (hasCitingLink(doc, block, text, leaves, true)) return true;
  }
  return false;
}

const TEXT_TAG_SET = new Set(TEXT_TAGS);

/** A block's own text, without that of the blocks nested in it (a post's <div>, not the page's). */
function ownText(block: Element): string {
  let text = '';
  for (let child = block.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === 3) text += (child as Text).data;
    else if (child.nodeType === 1 && !BLOCK_TAGS.has((child as Element).localName)) text += child.textContent ?? '';
  }
  return text;
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

/**
 * An outbound link that is a citation by the rules extraction uses (inline.ts): a linked
 * author-year citation, or a link an attribution ties to its text. The element's text is only
 * walked when it holds a cue word or a quotation mark at all.
 */
function hasCitingLink(doc: Document, el: Element, text: string, leaves: (link: Element) => boolean, ownOnly = false): boolean {
  const links = el.getElementsByTagName('a');
  if (links.length === 0) return false;
  const cued = REGEXPS.cueWord.test(text) || /[“"‘«]/.test(text);
  const n = Math.min(links.length, MAX_LINKS);
  // As in extraction: only http(s) links off the page are sources (never `javascript:`, never "#…").
  // Without a cue only a linked author-year citation can cite: its text is the cheaper test.
  if (!cued) {
    // Every author-year citation holds a year; `text` holds the text of every link (unless `ownOnly`).
    if (!ownOnly && !YEAR.test(text)) return false;
    for (let i = 0; i < n; i++) if (isAuthorYearText(links[i]) && leaves(links[i])) return true;
    return false;
  }
  let outbound = false;
  for (let i = 0; i < n; i++) {
    if (!leaves(links[i])) continue;
    outbound = true;
    if (isAuthorYearText(links[i])) return true;
  }
  if (!outbound || closestTag(el, IGNORED) || underSourceHeading(el)) return false;
  // The text of each block inside the element (extraction's unit: a nested <div> or <h3> is a
  // block of its own), with the span of each link in it: outbound ones, and all, for density.
  interface BlockSpans {
    flat: string;
    outbound: Map<Element, LinkSpan>;
    every: Map<Element, LinkSpan>;
  }
  const blocks = new Map<Element, BlockSpans>();
  // With `ownOnly` the blocks nested in the element are left out (each is read on its own): a
  // wrapper <div> would otherwise walk the page under it once for every wrapper around it.
  const walker = ownOnly ? ownTextNodes(el) : doc.createTreeWalker(el, 4 /* NodeFilter.SHOW_TEXT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const data = (node as Text).data.replace(/[\n\r\t\f]/g, ' ');
    const blockEl = closestTag(node.parentElement, BLOCK_TAGS, 16) ?? el;
    const block = blocks.get(blockEl) ?? { flat: '', outbound: new Map(), every: new Map() };
    blocks.set(blockEl, block);
    const link = closestTag(node.parentElement, LINK, 8);
    if (link && el.contains(link) && link.hasAttribute('href')) {
      const span = block.every.get(link) ?? { start: block.flat.length, end: block.flat.length };
      span.end = block.flat.length + data.length;
      block.every.set(link, span);
      if (leaves(link)) block.outbound.set(link, span);
    }
    block.flat += data;
  }
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

/**
 * The text nodes of an element outside the blocks nested in it, in document order. A plain walk:
 * a TreeWalker with a filter function throws in Chromium where the page's scripts are off.
 */
function ownTextNodes(root: Element): { nextNode(): Node | null } {
  let node: Node | null = root;
  return {
    nextNode() {
      while (node) {
        const el: Node | null = node.nodeType === 1 && (node === root || !BLOCK_TAGS.has((node as Element).localName)) ? node.firstChild : null;
        if (el) node = el;
        else {
          while (node && node !== root && !node.nextSibling) node = node.parentNode;
          node = !node || node === root ? null : node.nextSibling;
        }
        if (node && node.nodeType === 3) return node;
      }
      return null;
    },
  };
}

/** What every alternative of REGEXPS.authorYear requires. */
const YEAR = /(?:1[6-9]|20)\d{2}/;

function isAuthorYearText(link: Element): boolean {
  const linkText = (link.textContent ?? '').trim();
  return linkText.length <= 80 && REGEXPS.authorYear.test(linkText);
}
