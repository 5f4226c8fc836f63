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

const CUE_BEFORE = /(?:according to(?: [^.!?;,]{1,40})?|published (?:in|by)|reported (?:in|by)|appeared in|as (?:reported|noted|stated) (?:by|in)|(?:study|report|survey|analysis|paper|poll) (?:by|from|in)|writing in)\s+(?:the\s+)?$/i;
const CUE_AFTER = /^\s*,?\s*(?:reports|reported|says|said|found|finds|notes|noted|states|stated|estimates|estimated|shows|showed|concluded|concludes|revealed|reveals|writes|wrote|argues|argued|suggests|suggested)\b/i;
/**
 * Any attribution word at all, in lower case after a space (so that menu entries such as "TV
 * Shows" or "Reports" do not count): only text holding one has its links looked at.
 */
const CUE_ANY = /[Aa]ccording to|published (?:in|by)|reported|appeared in|writing in| (?:reports|says|said|found|finds|notes|noted|states|stated|estimates|shows|showed|concludes?|revealed|reveals|writes|wrote|argues|suggests)\b/;
/** Longer list items are menus or containers of other items, read through their own children. */
const MAX_ITEM_CHARS = 3000;
/** Links looked at per paragraph. */
const MAX_LINKS = 40;
const IGNORED = new Set(['script', 'style', 'code', 'pre', 'template', 'textarea', 'nav', 'blockquote', 'q', BADGE_TAG]);
const TEXT_TAGS = ['p', 'li', 'dd', 'td'];

export function hasCitationHints(doc: Document): boolean {
  const body = doc.body;
  if (!body) return false;

  // Footnote markers: a superscript linking within the page.
  const sups = body.getElementsByTagName('sup');
  for (let i = 0, n = Math.min(sups.length, LIMITS.hintLinks); i < n; i++) {
    const link = sups[i].getElementsByTagName('a')[0];
    if (link && (link.getAttribute('href') ?? '').startsWith('#')) return true;
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
      if (CUE_ANY.test(text) && hasAttributedLink(el)) return true;
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

function hasAttributedLink(el: Element): boolean {
  const links = el.getElementsByTagName('a');
  for (let i = 0, n = Math.min(links.length, MAX_LINKS); i < n; i++) {
    const a = links[i];
    const href = a.getAttribute('href');
    if (!href || href.startsWith('#')) continue;
    const before = a.previousSibling;
    if (before && before.nodeType === 3 && CUE_BEFORE.test((before as Text).data.slice(-LIMITS.attributionWindow))) return true;
    const after = a.nextSibling;
    if (after && after.nodeType === 3 && CUE_AFTER.test((after as Text).data.slice(0, LIMITS.attributionWindow))) return true;
  }
  return false;
}
