/**
 * A fetched page into the text a claim is matched against.
 *
 * Judgement calls:
 * - Words in a source's own bibliography, navigation, comments or footer must never count as
 *   support: a page that merely cites a paper with the claim's words in its title has not said
 *   the claim. So reference lists, footnotes, navigation and boilerplate are removed before
 *   Readability runs, both by their markup (roles, well-known classes) and by their heading
 *   ("References", "Bibliography", "Further reading"… up to the next heading of the same rank).
 * - Readability works on a clone: the caller's document is never changed.
 * - The text keeps its blocks: one paragraph, list item, heading or cell per block, blocks
 *   separated by a blank line, so the matcher can segment block by block.
 * - `<form>` is not removed: some sites wrap the whole page in one.
 * - Walls, app shells and text too thin to check are told apart in walls.ts.
 */
import { Readability } from '@mozilla/readability';
import type { ReadSource } from './types';
import { BLOCK_TAGS } from './blocks';
import { countWords, declaresPaid, hasWallMarkup, looksLikeAppShell, looksLikePaywall, SHELL_MAX_WORDS } from './walls';

/** Removed wherever they are: never the content of a source. */
const BOILERPLATE_SELECTORS = [
  'script',
  'style',
  'noscript',
  'template',
  'iframe',
  'object',
  'embed',
  'svg',
  'canvas',
  'button',
  'input',
  'select',
  'textarea',
  'nav',
  '[role="navigation"]',
  '[role="banner"]',
  '[role="contentinfo"]',
  '[role="complementary"]',
  '[role="search"]',
  '[role="doc-bibliography"]',
  '[role="doc-endnotes"]',
  '[role="doc-footnote"]',
  '[aria-hidden="true"]',
  'body > header',
  'footer',
  'aside',
  '.references',
  '.reflist',
  '.refbegin',
  '.mw-references-wrap',
  '.mw-editsection',
  'sup.reference',
  '.navbox',
  '.catlinks',
  '.footnotes',
  '.endnotes',
  '.bibliography',
  '#references',
  '#bibliography',
  '#footnotes',
  '#toc',
  '.toc',
  '#comments',
  '.comments',
  '.comment-list',
  '#disqus_thread',
  '.breadcrumb',
  '.breadcrumbs',
].join(',');

/** A heading that opens a reference list or other non-content section. */
const REFERENCE_HEADING =
  /^(?:\d+(?:\.\d+)*\.?\s*)?(?:references?|reference list|bibliography|sources|sources cited|works cited|literature cited|citations|notes|notes and references|footnotes|endnotes|further reading|external links|see also|related articles|related posts|comments)\s*:?$/i;

const HEADING = /^H[1-6]$/;

const SKIP_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'MATH']);

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** The text of an element, one block per paragraph/item/heading, blocks joined by a blank line. */
export function blockText(root: Node): string {
  const blocks: string[] = [];
  let buffer = '';
  const flush = () => {
    const block = collapse(buffer);
    if (block) blocks.push(block);
    buffer = '';
  };
  // Iterative walk: a hostile page can nest elements deeper than the call stack.
  const stack: Array<{ node: Node; leaving: boolean }> = [{ node: root, leaving: false }];
  while (stack.length) {
    const { node, leaving } = stack.pop()!;
    if (node.nodeType === 3 /* text */) {
      buffer += (node as Text).data;
      continue;
    }
    if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) continue;
    const tag = node.nodeType === 1 ? (node as Element).tagName.toUpperCase() : '';
    if (SKIP_TAGS.has(tag)) continue;
    const block = BLOCK_TAGS.has(tag);
    if (leaving) {
      if (block) flush();
      continue;
    }
    if (block) flush();
    stack.push({ node, leaving: true });
    for (let child = node.lastChild; child; child = child.previousSibling) {
      stack.push({ node: child, leaving: false });
    }
  }
  flush();
  return blocks.join('\n\n');
}

function headingLevel(el: Element): number {
  if (HEADING.test(el.tagName.toUpperCase())) return Number(el.tagName[1]);
  // Wrappers such as Wikipedia's <div class="mw-heading"><h2>…</h2></div>.
  if (el.childElementCount === 1 && el.firstElementChild && HEADING.test(el.firstElementChild.tagName.toUpperCase())) {
    return Number(el.firstElementChild.tagName[1]);
  }
  return 0;
}

/** Removes each reference-like heading and what follows it up to the next heading of its rank. */
function dropReferenceSections(doc: Document): void {
  const headings = Array.from(doc.querySelectorAll('h1,h2,h3,h4,h5,h6'));
  for (const heading of headings) {
    if (!heading.isConnected || !REFERENCE_HEADING.test(collapse(heading.textContent ?? ''))) continue;
    const level = Number(heading.tagName[1]);
    let anchor: Element = heading;
    while (
      anchor.parentElement &&
      anchor.parentElement !== doc.body &&
      anchor.parentElement.childElementCount === 1 &&
      collapse(anchor.parentElement.textContent ?? '') === collapse(anchor.textContent ?? '')
    ) {
      anchor = anchor.parentElement;
    }
    for (let next = anchor.nextElementSibling; next; ) {
      const nextLevel = headingLevel(next);
      if (nextLevel && nextLevel <= level) break;
      const after: Element | null = next.nextElementSibling;
      next.remove();
      next = after;
    }
    anchor.remove();
  }
}

function metaContent(doc: Document, selectors: string[]): string | undefined {
  for (const selector of selectors) {
    const value = doc.querySelector(selector)?.getAttribute(selector.startsWith('time') ? 'datetime' : 'content');
    if (value && value.trim()) return value.trim();
  }
  return undefined;
}

/** An ISO date (or date-time) from whatever the page states, or undefined. */
export function toIsoDate(value: string | null | undefined): string | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(trimmed)) return trimmed;
  const time = Date.parse(trimmed);
  if (Number.isNaN(time)) return undefined;
  const year = new Date(time).getUTCFullYear();
  return year >= 1000 && year <= 9999 ? new Date(time).toISOString() : undefined;
}

function cleanField(value: string | null | undefined, max: number): string | undefined {
  if (!value) return undefined;
  const text = collapse(value);
  return text ? text.slice(0, max) : undefined;
}

export interface ReadOptions {
  /** Also give the readable part's HTML (`ReadSource.html`, unsanitised) for the reader view. */
  html?: boolean;
}

/** Reads a parsed page into text, title, byline and date. The document is not modified. */
export function readDocument(doc: Document, options: ReadOptions = {}): ReadSource {
  const pageText = doc.body ? collapse(doc.body.textContent ?? '') : '';
  const wallMarkup = hasWallMarkup(doc);
  const appShell = looksLikeAppShell(doc);
  const declaredPaid = declaresPaid(doc);
  const metaDate = toIsoDate(
    metaContent(doc, [
      'meta[property="article:published_time"]',
      'meta[name="article:published_time"]',
      'meta[itemprop="datePublished"]',
      'meta[name="date"]',
      'meta[name="dc.date"]',
      'meta[name="DC.date"]',
      'meta[name="citation_publication_date"]',
    ]),
  );
  // Any <time> is a last resort: it may as well date a comment or an update.
  const timeDate = toIsoDate(metaContent(doc, ['time[datetime]']));
  const docTitle = cleanField(doc.title, 500);

  const clone = doc.cloneNode(true) as Document;
  clone.querySelectorAll(BOILERPLATE_SELECTORS).forEach((el) => el.remove());
  dropReferenceSections(clone);
  // Readability mutates what it reads, so the fallback gets its own cleaned copy.
  const fallbackRoot = clone.body ? (clone.body.cloneNode(true) as Element) : null;
  const fallback = fallbackRoot ? blockText(fallbackRoot) : '';

  let text = '';
  let content: Element | null = null;
  let title = docTitle;
  let byline: string | undefined;
  let readabilityDate: string | undefined;
  try {
    const article = new Readability<Node>(clone, { serializer: (node) => node }).parse();
    if (article?.content) {
      text = blockText(article.content);
      content = article.content as Element;
    }
    title = cleanField(article?.title, 500) ?? docTitle;
    byline = cleanField(article?.byline, 200);
    readabilityDate = toIsoDate(article?.publishedTime);
  } catch {
    // Readability gives up on some odd documents; the cleaned body below is still the page.
  }
  // Readability keeps only the main candidate; when that is a sliver of the page, keep the page.
  if (countWords(text) < Math.min(50, countWords(fallback) / 4)) {
    text = fallback;
    content = fallbackRoot;
  }

  const result: ReadSource = { text };
  // The HTML of the very part the text came from, so the reader view can find its passages in it.
  if (options.html && content) result.html = content.innerHTML;
  if (title) result.title = title;
  if (byline) result.byline = byline;
  const date = metaDate ?? readabilityDate ?? timeDate;
  if (date) result.published = date;
  if (looksLikePaywall({ text, pageText, wallMarkup, declaredPaid })) result.paywall = true;
  if (appShell && countWords(text) < SHELL_MAX_WORDS) result.jsRequired = true;
  return result;
}

/** Plain text as is: paragraphs at blank lines, whitespace inside a paragraph collapsed. */
export function readPlainText(body: string): ReadSource {
  const text = body
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/)
    .map(collapse)
    .filter(Boolean)
    .join('\n\n');
  const result: ReadSource = { text };
  if (looksLikePaywall({ text })) result.paywall = true;
  return result;
}

const HTML_MIME = /^(?:text\/html|application\/xhtml\+xml)\b/i;

/** Reads a fetched body by its content type; HTML goes through `parseHtml` and `readDocument`. */
export function readText(
  body: string,
  contentType: string,
  parseHtml: (html: string) => Document,
  options: ReadOptions = {},
): ReadSource {
  if (HTML_MIME.test(contentType.trim())) return readDocument(parseHtml(body), options);
  return readPlainText(body);
}
