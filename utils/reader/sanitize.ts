/**
 * A cited source's readable HTML, made safe to show in the reader view with DOMPurify.
 *
 * Judgement calls:
 * - An allow-list, not a block-list: only the elements that carry a text's structure (paragraphs,
 *   headings, lists, tables, quotes, code, emphasis, links) survive, and only the attributes that
 *   shape a table or a link. Everything else goes, its text kept (a `<font>` or a `<form>` keeps
 *   its words); scripts, styles, SVG, MathML and templates go with their content.
 * - Nothing loads: no `img`, `picture`, `source`, `video`, `audio`, `iframe`, `object`, `embed`,
 *   `link`, `meta`, `base`, no `style` element or attribute, no `srcset`, `poster`, `background`
 *   or `ping`. The extension pages' CSP (wxt.config.ts) forbids remote loads as a second layer.
 * - Links: only absolute http(s) addresses survive (Readability has already made them absolute
 *   against the source's address); each opens in a new tab with `rel="noopener noreferrer"`.
 * - No `id`, `class`, `data-*` or ARIA attributes: the source cannot clobber the page's DOM names,
 *   take the reader view's own styles, or relabel its landmarks.
 * - Run where the HTML is read (the offscreen document, Firefox's background page), so only
 *   sanitised HTML is cached, and again in the reader view before it is shown.
 */
import createDOMPurify, { type DOMPurify } from 'dompurify';

export { READER_HTML_MAX_CHARS } from './limits';

const ALLOWED_TAGS = [
  'a', 'abbr', 'article', 'b', 'bdi', 'bdo', 'blockquote', 'br', 'caption', 'cite', 'code', 'col', 'colgroup',
  'dd', 'del', 'details', 'dfn', 'div', 'dl', 'dt', 'em', 'figcaption', 'figure', 'h1', 'h2', 'h3', 'h4', 'h5',
  'h6', 'hr', 'i', 'ins', 'kbd', 'li', 'main', 'mark', 'ol', 'p', 'pre', 'q', 's', 'samp', 'section', 'small',
  'span', 'strong', 'sub', 'summary', 'sup', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'time', 'tr', 'u',
  'ul', 'var', 'wbr',
];
const ALLOWED_ATTR = ['href', 'title', 'lang', 'dir', 'colspan', 'rowspan', 'scope', 'headers', 'datetime', 'start', 'reversed', 'abbr'];

let purifier: DOMPurify | null = null;

/** One DOMPurify of our own (its hooks are per instance), made on first use in this window. */
function getPurifier(): DOMPurify {
  if (purifier) return purifier;
  const instance = createDOMPurify(window);
  instance.addHook('afterSanitizeAttributes', (node) => {
    if (node.nodeName !== 'A') return;
    const link = node as Element;
    const href = link.getAttribute('href');
    if (href !== null) {
      const url = httpUrl(href);
      if (url) link.setAttribute('href', url);
      else link.removeAttribute('href');
    }
    if (link.hasAttribute('href')) {
      link.setAttribute('target', '_blank');
      link.setAttribute('rel', 'noopener noreferrer');
    }
  });
  purifier = instance;
  return instance;
}

function httpUrl(href: string): string | null {
  try {
    const url = new URL(href.trim());
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

const CONFIG = {
  ALLOWED_TAGS,
  ALLOWED_ATTR,
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
  ALLOW_UNKNOWN_PROTOCOLS: false,
  ALLOWED_URI_REGEXP: /^https?:\/\//i,
  KEEP_CONTENT: true,
};

/** The source's HTML as a sanitised string (what is cached). */
export function sanitizeSourceHtml(html: string): string {
  return getPurifier().sanitize(html, { ...CONFIG, RETURN_TRUSTED_TYPE: false });
}

/** The source's HTML as a sanitised fragment of this document (what the reader view shows). */
export function sanitizedFragment(html: string): DocumentFragment {
  return getPurifier().sanitize(html, { ...CONFIG, RETURN_DOM_FRAGMENT: true });
}
