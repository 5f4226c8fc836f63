/**
 * The cheap pre-check the content script runs on every page: is there anything that could be a
 * citation? It must cost next to nothing on a page without one, so it never reads the page's
 * whole text: one selector query for linked footnote markers, a bounded look at the words just
 * before and after each link (inline attributions), and a bounded probe of text nodes for
 * bracketed markers. A false "yes" only costs one extraction that finds nothing.
 */
import { BADGE_TAG, LIMITS } from './config';
import { closestTag } from './dom';
import { looksLikeMarkerText } from './markers';

const CUE_BEFORE = /(?:according to(?: [^.!?;,]{1,40})?|published (?:in|by)|reported (?:in|by)|appeared in|as (?:reported|noted|stated) (?:by|in)|(?:study|report|survey|analysis|paper|poll) (?:by|from|in)|writing in)\s+(?:the\s+)?$/i;
const CUE_AFTER = /^\s*,?\s*(?:reports|reported|says|said|found|finds|notes|noted|states|stated|estimates|estimated|shows|showed|concluded|concludes|revealed|reveals|writes|wrote|argues|argued|suggests|suggested)\b/i;
const IGNORED = new Set(['script', 'style', 'code', 'pre', 'template', 'textarea', 'nav', 'blockquote', 'q', BADGE_TAG]);

export function hasCitationHints(doc: Document): boolean {
  const body = doc.body;
  if (!body) return false;

  // Linked footnote markers, and attributions around outbound links.
  const anchors = body.getElementsByTagName('a');
  // Read the live collection's length once (jsdom recomputes it on every read).
  for (let i = 0, n = Math.min(anchors.length, LIMITS.hintLinks); i < n; i++) {
    const a = anchors[i];
    const href = a.getAttribute('href');
    if (!href) continue;
    if (href.charCodeAt(0) === 35 /* # */) {
      if (href.startsWith('#cite_note') || href.startsWith('#fn') || a.parentElement?.localName === 'sup' || a.getAttribute('role') === 'doc-noteref') return true;
      continue;
    }
    const before = a.previousSibling;
    if (before && before.nodeType === 3 && CUE_BEFORE.test((before as Text).data.slice(-LIMITS.attributionWindow))) return true;
    const after = a.nextSibling;
    if (after && after.nodeType === 3 && CUE_AFTER.test((after as Text).data.slice(0, LIMITS.attributionWindow))) return true;
  }

  // Bracketed markers written as text ("[Source 2]", "[12]").
  const walker = doc.createTreeWalker(body, 4 /* NodeFilter.SHOW_TEXT */);
  for (let i = 0; i < LIMITS.hintTextNodes; i++) {
    const node = walker.nextNode() as Text | null;
    if (!node) break;
    const data = node.data;
    if (data.indexOf('[') >= 0 && looksLikeMarkerText(data) && !closestTag(node.parentElement, IGNORED, 16)) return true;
  }
  return false;
}
