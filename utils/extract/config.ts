import { REGEXPS } from './vocabulary';

/**
 * Tunables and page structure for extraction, in one place, each beside the style it serves.
 * The fixtures under tests/fixtures/extract/ prove each entry.
 */

/** The custom element that holds Citecheck's own badges: never page text, never observed. */
export const BADGE_TAG = 'citecheck-badge';

/**
 * Subtrees whose text is never a claim: code blocks, scripts, forms, media, navigation, and
 * quotations (a quoted passage with its own markers cites for someone else). Lower-case local names.
 */
export const SKIP_TAGS = new Set([
  'script', 'style', 'noscript', 'template', 'head', 'title', 'pre',
  'textarea', 'select', 'option', 'button', 'input', 'svg', 'math', 'iframe', 'object', 'embed',
  'canvas', 'video', 'audio', 'nav', 'blockquote', 'q', BADGE_TAG,
]);

/**
 * Inline code ("<code>DeepSeek-R1</code> is an open-source LLM") is part of its sentence's words,
 * never a marker nor a link (`items[2]`). Code that runs over lines is a code block: skipped.
 */
export const INLINE_CODE_TAGS = new Set(['code', 'kbd', 'samp', 'var']);

/**
 * Class names of page furniture on wikis and blogs (edit links, navigation boxes, contents, the
 * audio links of a pronunciation: "Écouter", "listen"). Infoboxes are read: a cell's cited figure
 * ("3 748 148 hab. (1er janvier 2019)[1]") is a claim its source can be checked for, and each
 * cell is a block of its own.
 */
export const SKIP_CLASS = /(?:^|\s)(?:mw-editsection|navbox|vertical-navbox|toc|catlinks|mw-jump-link|reflist|references|footnotes|sr-only|visually-hidden|prononciation|haudio|ext-phonos)(?:\s|$)/;

/** Elements that end a run of text: sentences never cross them. */
export const BLOCK_TAGS = new Set([
  'address', 'article', 'aside', 'body', 'caption', 'dd', 'details', 'dialog', 'div', 'dl', 'dt',
  'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header',
  'hr', 'li', 'main', 'ol', 'p', 'section', 'summary', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead',
  'tr', 'ul', 'br',
]);

export const CONTAINER_TAGS = new Set(['section', 'aside', 'div', 'ol', 'ul', 'footer']);

/**
 * A container named as a source list by ARIA role, class, id or label:
 * `<section class="sources">`, `<aside aria-label="References">`, `<ol role="doc-endnotes">`.
 */
export function isSourceContainer(el: Element, role = el.getAttribute('role'), cls = el.getAttribute('class')): boolean {
  if (role === 'doc-endnotes' || role === 'doc-bibliography') return true;
  if (!CONTAINER_TAGS.has(el.localName)) return false;
  if (cls && cls.split(/\s+/).some((c) => REGEXPS.sourceName.test(c))) return true;
  const id = el.getAttribute('id');
  if (id && REGEXPS.sourceName.test(id)) return true;
  const label = el.getAttribute('aria-label');
  return label !== null && REGEXPS.sourceName.test(label.trim());
}

/** Hosts of web archives: their links are kept as a fallback copy, not as the cited work. */
export const ARCHIVE_HOSTS = /(?:^|\.)(?:web\.archive\.org|archive\.org|archive\.today|archive\.is|archive\.ph|archive\.li|archive\.md|webcitation\.org|wayback\.archive-it\.org|perma\.cc|ghostarchive\.org)$/;

/** Link texts that name an identifier (doi, Bibcode, PMID, ISBN, arXiv) rather than the work's page. */
export const IDENTIFIER_TEXT = /^(?:10\.\d{4,}\/\S+|\d{4}[A-Za-z][\w.&]{10,}|PMC\d+|\d{5,9}|arXiv:\S+|\d{4}\.\d{4,5}(?:v\d+)?|[\d-]{9,16}[\dX]|doi|pmid|pmc|isbn|issn|oclc|jstor|bibcode|s2cid)$/i;

/** Resolvers of identifiers, used only when an item has no other link. */
export const IDENTIFIER_HOSTS = /(?:^|\.)(?:doi\.org|dx\.doi\.org|hdl\.handle\.net|ui\.adsabs\.harvard\.edu|pubmed\.ncbi\.nlm\.nih\.gov|api\.semanticscholar\.org|worldcat\.org|search\.worldcat\.org)$/;

/** Caps that keep work bounded on hostile pages. */
export const LIMITS = {
  /** Characters of text before and after a link that are read to spot an attribution. */
  attributionWindow: 60,
  /** The widest numeric range a marker like [2–40] may expand to. */
  maxRange: 30,
  /** Sibling elements scanned after a "Sources" heading to find its list. */
  headingSiblings: 40,
  /** Superscripts, and links, inspected by the cheap pre-check. */
  hintLinks: 3000,
  /** Characters of block text read by the cheap pre-check around the links it could not rule out. */
  hintChars: 200_000,
  /** Longest marker text: "[Source 12]", "[note 3]", "[12–15]". */
  markerChars: 16,
} as const;
