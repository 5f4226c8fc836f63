/**
 * Small DOM helpers that avoid selector engines: jsdom's and happy-dom's `querySelector`,
 * `closest` and `matches` run a selector engine in script and cost milliseconds per call on a
 * large page, while `getElementsByTagName` and parent walks are cheap everywhere.
 */

/**
 * A live collection as an array. Reads `length` once: jsdom recomputes a live collection's length
 * on every read, so `Array.from` or a loop testing `i < c.length` turns quadratic.
 */
export function toArray<T>(collection: { readonly length: number; [index: number]: T }): T[] {
  const n = collection.length;
  const out = new Array<T>(n);
  for (let i = 0; i < n; i++) out[i] = collection[i];
  return out;
}

/** The nearest ancestor-or-self with one of these local names, within `maxDepth` steps. */
export function closestTag(el: Element | null, names: ReadonlySet<string>, maxDepth = 64): Element | null {
  for (let e = el, depth = 0; e && depth <= maxDepth; e = e.parentElement, depth++) {
    if (names.has(e.localName)) return e;
  }
  return null;
}

/** The nearest ancestor-or-self carrying this class, within `maxDepth` steps. */
export function closestClass(el: Element | null, name: string, maxDepth = 64): Element | null {
  for (let e = el, depth = 0; e && depth <= maxDepth; e = e.parentElement, depth++) {
    if (hasClass(e, name)) return e;
  }
  return null;
}

export function hasClass(el: Element, name: string): boolean {
  return classListed(el.getAttribute('class'), name);
}

/** Does a class attribute's value (null: none) list this class? */
export function classListed(cls: string | null, name: string): boolean {
  if (!cls || cls.indexOf(name) < 0) return false;
  return cls.split(/\s+/).includes(name);
}

/**
 * Descendant elements with any of these tag names, grouped by tag (not in document order:
 * sorting thousands of elements by position costs more than the callers need).
 */
export function byTags(root: Element | Document, names: readonly string[]): Element[] {
  const found: Element[] = [];
  for (const name of names) for (const el of toArray(root.getElementsByTagName(name))) found.push(el);
  return found;
}

/** The first descendant with one of these tag names, in document order. */
export function firstByTags(root: Element, names: readonly string[]): Element | undefined {
  let best: Element | undefined;
  for (const name of names) {
    const el = root.getElementsByTagName(name)[0];
    if (el && (!best || best.compareDocumentPosition(el) & 2)) best = el;
  }
  return best;
}

/**
 * Elements of several tag names, grouped by name, each group in document order: a
 * `getElementsByTagName` per name. With `links`, a selector for `<a>` elements ('a[href*="#"]';
 * 'a' is not among `names`), the links it matches, grouped under 'a'. Not one
 * `querySelectorAll` of the whole list: Chromium tries each selector of a list on every element
 * (on a long page that costs more than a plain pass per name), and in jsdom the two cost the same.
 */
export function elementsByTags(root: Document | Element, names: readonly string[], links?: string): Map<string, Element[]> {
  const groups = new Map<string, Element[]>(names.map((n) => [n, toArray(root.getElementsByTagName(n))]));
  if (links) groups.set('a', toArray(root.querySelectorAll(links)));
  return groups;
}

/** The first anchor descendant (or the element itself) that carries an href. */
export function firstAnchorWithHref(el: Element): Element | undefined {
  if (el.localName === 'a' && el.hasAttribute('href')) return el;
  // The usual marker, <sup><a href>: the first element child comes first in document order.
  const first = el.firstElementChild;
  if (first && first.localName === 'a' && first.hasAttribute('href')) return first;
  const anchors = el.getElementsByTagName('a');
  for (let i = 0, n = anchors.length; i < n; i++) if (anchors[i].hasAttribute('href')) return anchors[i];
  return undefined;
}

/** Anchor descendants (and the element itself) that carry an href. */
export function anchorsWithHref(el: Element): Element[] {
  const found: Element[] = el.localName === 'a' && el.hasAttribute('href') ? [el] : [];
  for (const a of toArray(el.getElementsByTagName('a'))) if (a.hasAttribute('href')) found.push(a);
  return found;
}
