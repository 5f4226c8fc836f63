/**
 * The cheap pre-check the content script runs on every page: is there anything that could be a
 * citation? It must cost next to nothing on a page without one, so it never walks the whole page:
 * it looks at superscripts (footnote markers link in-page from a <sup>), then at the text of
 * paragraphs, list items and cells, up to a character budget, for a bracketed marker or for an
 * attribution cue next to a link. A false "yes" only costs one extraction that finds nothing; a
 * "no" on a page with citations hidden outside paragraphs is the price of being cheap, and the
 * content script asks again when the page changes.
 */
import { BADGE_TAG, LIMITS } from './config';
import { closestTag, toArray } from './dom';
import { looksLikeMarkerText } from './markers';
import { inPageFragment, pageAddresses } from './text';
import { REGEXPS } from './vocabulary';
import { isAttributedLink } from './inline';

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
  for (const tag of TEXT_TAGS) {
    for (const el of toArray(body.getElementsByTagName(tag))) {
      const text = el.textContent ?? '';
      budget -= text.length;
      if (budget < 0) return false;
      if (tag !== 'p' && text.length > MAX_ITEM_CHARS) continue;
      if (text.indexOf('[') >= 0 && looksLikeMarkerText(text) && hasMarkerText(doc, el)) return true;
      if (hasCitingLink(doc, el, text)) return true;
    }
  }
  return false;
}

/** A marker in one of the element's own text nodes, not in code or a quotation. */
function hasMarkerText(doc: Document, el: Element): boolean {
  if (closestTag(el, IGNORED)) return false;
  const walker = doc.createTreeWalker(el, 4 /* NodeFilter.SHOW_TEXT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const data = (node as Text).data;
    if (data.indexOf('[') >= 0 && looksLikeMarkerText(data) && !closestTag(node.parentElement, IGNORED, 16)) return true;
  }
  return false;
}

/**
 * An outbound link that is a citation by the rules extraction uses (inline.ts): a linked
 * author-year citation, or a link an attribution ties to its text. The element's text is only
 * walked when it holds a cue word or a quotation mark at all.
 */
function hasCitingLink(doc: Document, el: Element, text: string): boolean {
  const links = el.getElementsByTagName('a');
  if (links.length === 0) return false;
  const cued = REGEXPS.cueWord.test(text) || /[“"‘«]/.test(text);
  let outbound = false;
  for (let i = 0, n = Math.min(links.length, MAX_LINKS); i < n; i++) {
    const href = links[i].getAttribute('href');
    if (!href || href.startsWith('#')) continue;
    outbound = true;
    const linkText = (links[i].textContent ?? '').trim();
    if (linkText.length <= 80 && REGEXPS.authorYear.test(linkText)) return true;
  }
  if (!outbound || !cued || closestTag(el, IGNORED)) return false;
  // The element's text with the span of each link in it.
  const spans = new Map<Element, { start: number; end: number }>();
  let flat = '';
  const walker = doc.createTreeWalker(el, 4 /* NodeFilter.SHOW_TEXT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const data = (node as Text).data.replace(/[\n\r\t\f]/g, ' ');
    const link = closestTag(node.parentElement, LINK, 8);
    if (link && el.contains(link) && link.getAttribute('href') && !link.getAttribute('href')!.startsWith('#')) {
      const span = spans.get(link) ?? { start: flat.length, end: flat.length };
      span.end = flat.length + data.length;
      spans.set(link, span);
    }
    flat += data;
  }
  for (const span of spans.values()) if (isAttributedLink(flat, span, 0)) return true;
  return false;
}

const LINK = new Set(['a']);
