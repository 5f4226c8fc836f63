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
 * - A paywall, login or cookie wall is a short text plus a wall. A strong sign (a wall phrase such
 *   as "subscribe to continue" inside the readable text, or JSON-LD `isAccessibleForFree: false`)
 *   counts under 400 words of readable text; a weak one (the phrase only elsewhere on the page, a
 *   `paywall` class, a password field: many free pages carry a hidden login box) only under 150,
 *   the size of a teaser. A long article with a "Subscribe" footer is never a paywall.
 * - `<form>` is not removed: some sites wrap the whole page in one.
 * - Text too thin to check ("Loading…") is empty, not "unsupported". When the page is an app
 *   shell (a `<noscript>` asking for JavaScript, an empty or "Loading…" root element of a
 *   script-built page, or a thin text that itself asks for JavaScript) the reason is
 *   `js_required`: the text exists, only not without running the page's scripts.
 */
import { Readability } from '@mozilla/readability';
import type { UnavailableReason } from './types';
import type { ReadSource } from './types';
import { BLOCK_TAGS } from './blocks';

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

/** Under this many readable words, a strong wall sign makes a paywall. */
const PAYWALL_SHORT_WORDS = 400;
/** Under this many (a teaser), a weak sign is enough. */
const PAYWALL_TEASER_WORDS = 150;
const EMPTY_MIN_WORDS = 8;

/** Phrases of subscription, login and cookie walls. */
const WALL_PHRASES = [
  /\bsubscribe (?:now |today )?to (?:continue|read|keep reading|unlock|access|get full access)/i,
  /\b(?:subscribers?|members?)[- ]only\b/i,
  /\bonly (?:available )?(?:to|for) (?:paid |paying )?(?:subscribers|members)\b/i,
  /\balready (?:a )?(?:subscriber|member)\b/i,
  /\b(?:sign|log) ?in to (?:continue|read|view|keep reading|access|see)/i,
  /\b(?:create|register for) (?:a |an )?(?:free )?account to (?:continue|read|keep reading|access)/i,
  /\bregister (?:now )?to (?:continue|read|keep reading)/i,
  /\byou(?:'ve| have) (?:reached|used) (?:your|all your|the) (?:limit|free articles?|article limit)/i,
  /\b(?:remaining|free) articles? (?:left|remaining|this month)\b/i,
  /\bthis (?:article|story|content|page) is (?:only )?(?:available|reserved|exclusive) (?:to|for) (?:subscribers|members)/i,
  /\bcontinue reading with (?:a )?subscription/i,
  /\b(?:accept|allow|agree to) (?:all )?cookies (?:to|in order to|before)/i,
  /\byou must (?:accept|enable|allow) cookies/i,
  /\bplease (?:enable|accept) cookies\b/i,
  /\bunlock (?:this|the full) (?:article|story)\b/i,
];

const WALL_MARKUP =
  '[class*="paywall"],[id*="paywall"],[class*="Paywall"],[id*="Paywall"],[class*="regwall"],[class*="subscriber-only"],[class*="piano-"],input[type="password"]';

const NEEDS_SCRIPT = /\b(?:enable|turn on|activate|allow) javascript\b|\bjavascript (?:is )?(?:required|disabled|needed)\b|\brequires? javascript\b/i;
const LOADING_ONLY = /^\s*loading\s*(?:\.\.\.|…)?\s*$/i;
/** Mount points of script-built pages (React, Vue, Next, Nuxt, Angular, Svelte…). */
const APP_ROOTS = '#root,#app,#__next,#__nuxt,#svelte,#main-app,[data-reactroot],app-root,[ng-version]';
/** Under this many words, signs of an app shell make the page `js_required`. */
const SHELL_MAX_WORDS = 50;

export function countWords(text: string): number {
  // Counting with a regex over the whole text is linear, unlike Node 20's Intl.Segmenter.
  const matches = text.match(/[\p{L}\p{N}]+/gu);
  return matches ? matches.length : 0;
}

export interface PaywallSignals {
  /** The readable text (after Readability and boilerplate removal). */
  text: string;
  /** All the page's visible text, walls included (Readability drops them). */
  pageText?: string;
  /** Wall-like markup: a `paywall`/`regwall` class, a password field. Weak: free pages carry these too. */
  wallMarkup?: boolean;
  /** The page declares itself paid (JSON-LD `isAccessibleForFree: false`). */
  declaredPaid?: boolean;
}

/** Is this a subscription, login or cookie wall rather than the cited content? */
export function looksLikePaywall(signals: PaywallSignals): boolean {
  const words = countWords(signals.text);
  if (words >= PAYWALL_SHORT_WORDS) return false;
  if (signals.declaredPaid || WALL_PHRASES.some((phrase) => phrase.test(signals.text))) return true;
  if (words >= PAYWALL_TEASER_WORDS) return false;
  if (signals.wallMarkup) return true;
  // Walls sit at the edges of a page; a long page's middle is not worth scanning.
  const pageText = (signals.pageText ?? '').slice(0, 100_000);
  return WALL_PHRASES.some((phrase) => phrase.test(pageText));
}

/** Why a read page cannot be checked, or null when it can. */
export function unreadableReason(read: ReadSource, truncated: boolean): UnavailableReason | null {
  if (read.paywall) return 'paywall';
  const words = countWords(read.text);
  if (words < SHELL_MAX_WORDS && (read.jsRequired || NEEDS_SCRIPT.test(read.text.trim()))) return 'js_required';
  if (words === 0) return truncated ? 'too_large' : 'empty';
  if (words < EMPTY_MIN_WORDS || LOADING_ONLY.test(read.text)) return 'empty';
  return null;
}

/** Signs, in the page as served, that its text is written by its scripts (see the header). */
function looksLikeAppShell(doc: Document): boolean {
  for (const noscript of Array.from(doc.querySelectorAll('noscript'))) {
    if (/javascript|\bjs\b/i.test(noscript.textContent ?? '')) return true;
  }
  if (!doc.querySelector('script')) return false;
  for (const root of Array.from(doc.querySelectorAll(APP_ROOTS))) {
    const text = collapse(root.textContent ?? '');
    if (!text || LOADING_ONLY.test(text)) return true;
  }
  return false;
}

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

function hasWallMarkup(doc: Document): boolean {
  return doc.querySelector(WALL_MARKUP) !== null;
}

function declaresPaid(doc: Document): boolean {
  for (const script of Array.from(doc.querySelectorAll('script[type="application/ld+json"]'))) {
    if (/"isAccessibleForFree"\s*:\s*"?false"?/i.test(script.textContent ?? '')) return true;
  }
  return false;
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
