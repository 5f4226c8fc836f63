/**
 * Reading one entry of a source list: its number, and which URL stands for the work it cites (the
 * judgement calls are in sources.ts's header: the work's own link over an archive copy or an
 * identifier resolver; a work without a link is `no_url`; a never-fetched scheme `blocked_scheme`).
 */
import { ARCHIVE_HOSTS, IDENTIFIER_HOSTS, IDENTIFIER_TEXT } from './config';
import { REGEXPS } from './vocabulary';
import { anchorsWithHref, toArray, closestClass, closestTag, hasClass } from './dom';
import { domainOf, findBareUrls, inPageFragment, normalizeSpace, readHref, resolveHttpUrl } from './text';
import type { SourceContext } from './sources';

export interface ReadItem {
  /** Empty for a work without a fetchable link (see `reason`). */
  url: string;
  reason?: 'no_url' | 'blocked_scheme';
  archiveUrl?: string;
  title?: string;
  /** The url's host as domainOf gives it, when already known. */
  domain?: string;
  /** The number the entry gives itself ("[3] …", "3. …", "Source 3: …"). */
  number?: number;
  sourceStyle: boolean;
}

interface LinkCandidate {
  url: string;
  /** domainOf(url). */
  host: string;
  text: string;
  kind: 'work' | 'identifier' | 'archive';
}

const ENTRY_TAGS = new Set(['li', 'cite']);
const CITE = new Set(['cite']);
const SUP = new Set(['sup']);

const ENTRY_NUMBER = /^\[?\s*(Source\s+)?([1-9]\d{0,2})\s*(?:\]|\.|:|\))\s*/i;
/** The first characters ENTRY_NUMBER can match. */
const NUMBER_OPENING = /^[[sS1-9]/;

/**
 * The nodes of one entry, with what both readings of it (readItem, then unfetchableItem) use,
 * each read on first use and once: its text and its links.
 */
export class EntryNodes {
  private raw?: string;
  private normalized?: string;
  private links?: Element[];

  constructor(readonly nodes: Node[]) {}

  rawText(): string {
    return (this.raw ??= this.nodes.map((n) => n.textContent ?? '').join(' '));
  }

  text(): string {
    return (this.normalized ??= normalizeSpace(this.rawText()));
  }

  /** The anchors with an href (read-only: shared by both readings). */
  anchors(): readonly Element[] {
    return (this.links ??= anchorsIn(this.nodes));
  }
}

export function readItem(ctx: SourceContext, entry: EntryNodes): ReadItem | undefined {
  const nodes = entry.nodes;
  // The entry's text is read only when it is needed: for its number, when its first character can
  // open one ("[3]", "3.", "Source 3"; not Wikipedia's "^"), and for bare URLs or a quoted title.
  const prefix = NUMBER_OPENING.test(firstCharacter(nodes)) ? normalizeSpace(entry.rawText().trimStart().slice(0, 200)).match(ENTRY_NUMBER) : null;
  const number = prefix ? Number(prefix[2]) : undefined;
  const sourceStyle = Boolean(prefix?.[1]);
  const entryText = () => entry.text();

  // On a page that marks its outbound links only those can be the work's link.
  const outbound = ctx.externalClassOnly ? externalAnchorsIn(ctx, nodes) : entry.anchors();
  const scope = citeScope(outbound);
  let candidates = linkCandidates(ctx, scope);
  if (candidates.length === 0 && scope !== outbound) candidates = linkCandidates(ctx, outbound);

  let chosen = pickLinks(candidates);
  if (!chosen) {
    // URLs written as text.
    const text = entryText();
    const bare = findBareUrls(text).map((b) => classify(b.url, b.url));
    chosen = pickLinks(bare.filter((c): c is LinkCandidate => c !== undefined));
    if (chosen && !chosen.title) {
      const title = titleFromText(text, text.match(ENTRY_NUMBER)?.[0].length ?? 0);
      if (title) chosen.title = title;
    }
  }
  if (!chosen) return undefined;
  if (!chosen.title) {
    // A citation whose only link is an identifier still names its work in quotes.
    const quoted = entryText().match(/["“]([^"“”]{3,200})["”]/);
    if (quoted) chosen.title = quoted[1].trim();
  }
  return { ...chosen, number, sourceStyle };
}

/** A work an entry points at within the page: its entry element and the words that name it. */
export interface CitedEntry {
  el: Element;
  name: string;
}

/**
 * The other entries an entry without a link of its own points at: a short footnote ("King 2003,
 * p. 41", "Bain 2006, p. 3; King 2003, p. 5") links each work it names to its bibliography entry
 * (a <cite>, or a list item); so may a note ("Driscoll 2009 did not conclude …"). Back-links to
 * the text's markers and markers inside a note ("[246]": that note cites, see locate.ts) are no
 * such pointers. Each entry once, in the order named.
 */
export function citedEntries(ctx: SourceContext, entry: EntryNodes): CitedEntry[] {
  const found: CitedEntry[] = [];
  for (const a of entry.anchors()) {
    const fragment = inPageFragment(a.getAttribute('href'), ctx.addresses, ctx.base);
    if (fragment === undefined || closestClass(a, 'mw-cite-backlink', 4) || closestTag(a, SUP, 3)) continue;
    const target = ctx.elementById(fragment);
    // Only a bibliography entry (a <cite> or another list item) counts, never a back-link to the
    // marker in the text.
    const cited = target && !closestTag(target, SUP, 2) ? closestTag(target, ENTRY_TAGS, 6) : null;
    if (!cited || entry.nodes.some((n) => n.contains(cited) || cited.contains(n)) || found.some((f) => f.el === cited)) continue;
    found.push({ el: cited, name: normalizeSpace(a.textContent ?? '') });
  }
  return found;
}

/** The first character of the nodes' joined textContent that is not white space ("" if none). */
function firstCharacter(nodes: Node[]): string {
  for (const node of nodes) {
    if (node.nodeType !== 1) {
      // A text node's or a comment's textContent is its data.
      const found = /\S/.exec(node.textContent ?? '');
      if (found) return found[0];
      continue;
    }
    // textContent of an element: its descendant text nodes (3) and CDATA sections (4), in order.
    for (let n: Node | null = node.firstChild; n && n !== node; ) {
      if (n.nodeType === 3 || n.nodeType === 4) {
        const found = /\S/.exec((n as CharacterData).data);
        if (found) return found[0];
      }
      if (n.firstChild) n = n.firstChild;
      else {
        while (n && n !== node && !n.nextSibling) n = n.parentNode;
        n = n && n !== node ? n.nextSibling : null;
      }
    }
  }
  return '';
}

// Contact links name a person, not a work; every other scheme but http(s) names a work we may not fetch.
const CONTACT_SCHEME = new Set(['mailto:', 'tel:', 'sms:']);

const SCHEME = /^\s*([a-z][a-z0-9+.-]*):/i;

/**
 * A link written with a scheme other than http(s): `javascript:`, `data:`, `file:`, `ftp:`. A
 * relative link is judged by the page's own address, as in the browser, so a saved page read
 * without its address gives the same answers (the command line asks for `--base` instead).
 */
function blockedLink(href: string | null): boolean {
  const scheme = href?.match(SCHEME)?.[1].toLowerCase();
  if (!scheme) return false;
  const protocol = `${scheme}:`;
  return protocol !== 'http:' && protocol !== 'https:' && !CONTACT_SCHEME.has(protocol);
}
const WORK_MARKUP = new Set(['cite', 'i', 'em']);
const YEAR = /\b(?:1[5-9]|20)\d{2}\b/;

const LEADING_NUMBER = /^\[?\s*(Source\s+)?([1-9]\d{0,3})\s*(?:\]|\.|:|\))\s*/i;

/** The number an entry gives itself in its text ("[3] …", "3. …"), if any. */
export function leadingNumber(entry: EntryNodes): number | undefined {
  const prefix = entry.text().match(LEADING_NUMBER);
  return prefix ? Number(prefix[2]) : undefined;
}

/**
 * An entry without an http(s) link that still cites a work: a link of a blocked scheme, or a
 * book or print article described by a formatted citation (`<cite>`, MediaWiki's `citation` or
 * `ouvrage` classes), an ISBN, page numbers, or an italic title with a year. Anything else is a
 * note that explains and cites nothing.
 */
export function unfetchableItem(entry: EntryNodes): ReadItem | undefined {
  const nodes = entry.nodes;
  const text = entry.text();
  const prefix = text.match(LEADING_NUMBER);
  const number = prefix ? Number(prefix[2]) : undefined;
  const sourceStyle = Boolean(prefix?.[1]);
  const body = text.replace(/^\^\s*(?:[a-z]{1,2}\s+)*/, '').replace(/^↑\s*/, '').trim();
  const title = body.length > 200 ? `${body.slice(0, 199)}…` : body;
  // The href's scheme is read first; the back-link test runs only for a link of a blocked scheme.
  if (entry.anchors().some((a) => blockedLink(a.getAttribute('href')) && !closestClass(a, 'mw-cite-backlink', 4))) {
    return { url: '', reason: 'blocked_scheme', ...(title ? { title } : {}), number, sourceStyle };
  }
  if (!title || !citesWork(nodes, body)) return undefined;
  return { url: '', reason: 'no_url', title, number, sourceStyle };
}

function citesWork(nodes: Node[], text: string): boolean {
  for (const node of nodes) {
    if (node.nodeType !== 1) continue;
    const el = node as Element;
    if (el.getElementsByTagName('cite').length > 0) return true;
    for (const name of ['citation', 'ouvrage']) {
      for (const found of toArray(el.getElementsByClassName(name))) if (found.localName === 'span') return true;
    }
  }
  if (REGEXPS.workEntry.test(text) && YEAR.test(text)) return true;
  const italic = nodes.some((n) => n.nodeType === 1 && (WORK_MARKUP.has((n as Element).localName) || (n as Element).getElementsByTagName('i').length > 0 || (n as Element).getElementsByTagName('em').length > 0));
  // A dated italic title, short enough to be a reference rather than a note that explains.
  return italic && YEAR.test(text) && text.length <= 400;
}

/** Anchors with an href and class "external" in the nodes, in document order. */
function externalAnchorsIn(ctx: SourceContext, nodes: Node[]): Element[] {
  const anchors: Element[] = [];
  for (const node of nodes) {
    if (node.nodeType !== 1) continue;
    const el = node as Element;
    if (el.localName === 'a' && hasClass(el, 'external') && el.hasAttribute('href')) anchors.push(el);
    const indexed = ctx.externalAnchorsUnder(el);
    if (indexed) anchors.push(...indexed);
    else for (const a of toArray(el.getElementsByClassName('external'))) if (a.localName === 'a' && a.hasAttribute('href')) anchors.push(a);
  }
  return anchors;
}

function anchorsIn(nodes: Node[]): Element[] {
  const anchors: Element[] = [];
  for (const node of nodes) {
    if (node.nodeType !== 1) continue;
    const el = node as Element;
    anchors.push(...anchorsWithHref(el));
  }
  return anchors;
}

/**
 * Within an entry that holds formatted citations (<cite>), the first citation's links. No test
 * for a <cite> in the entry first: where there is none, no link has one around it inside the
 * entry, and one around the whole entry holds all its links.
 */
function citeScope(anchors: readonly Element[]): readonly Element[] {
  // One link or none: the first citation's links are all of them.
  if (anchors.length <= 1) return anchors;
  let firstCite: Element | null = null;
  for (const a of anchors) if ((firstCite = closestTag(a, CITE, 8))) break;
  return firstCite ? anchors.filter((a) => firstCite.contains(a)) : anchors;
}

function linkCandidates(ctx: SourceContext, anchors: readonly Element[]): LinkCandidate[] {
  const other: LinkCandidate[] = [];
  const same: LinkCandidate[] = [];
  for (const a of anchors) {
    if (ctx.externalClassOnly) {
      // The anchors were looked up by class "external" (MediaWiki's back-links, in-page links, never
      // carry it); a quirks-mode page's lookup ignores case, so there the class is read as written.
      if (ctx.quirksMode && !/(?:^|\s)external(?:\s|$)/.test(a.getAttribute('class') ?? '')) continue;
    } else if (closestClass(a, 'mw-cite-backlink', 4)) continue;
    const target = readHref(a.getAttribute('href'), ctx.addresses, ctx.base);
    if (!target || !('url' in target)) continue;
    const candidate = classify(target.url, withoutDomain(normalizeSpace(a.textContent ?? ''), target.host), target.host);
    if (!candidate) continue;
    (target.host === ctx.pageDomain ? same : other).push(candidate);
  }
  // A self-citation is allowed, but the page's own links come after every other site's.
  return [...other, ...same];
}

/** Answer engines print the domain inside the link ("Geothermal FAQ example.org"): drop it. */
function withoutDomain(text: string, domain: string): string {
  if (!domain || text.length <= domain.length + 4) return text;
  // A host with a dot is never inside a text without one (no letter lowercases to a dot): most
  // titles, and no lower-case copy of them is made.
  if (text.indexOf('.') < 0 && domain.indexOf('.') >= 0) return text;
  if (!text.toLowerCase().includes(domain)) return text;
  const escaped = domain.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return text.replace(new RegExp(`^(?:www\\.)?${escaped}\\s*[-–—|·:]?\\s+|\\s+[-–—|·(]?\\s*(?:www\\.)?${escaped}\\)?$`, 'i'), '').trim();
}

/** `/web/20210602101500/https://…`: the address form of Wayback software (pywb, OpenWayback) on any host. */
const WAYBACK_STYLE_PATH = /^https?:\/\/[^/]+\/(?:[\w-]+\/)?web\/\d{14}(?:[a-z]{2}_)?\/https?:\/\//i;

function classify(url: string, text: string, host = domainOf(url)): LinkCandidate | undefined {
  if (!host) return undefined;
  // Known archives by host; any other by a Wayback-style address holding the original's URL.
  if (ARCHIVE_HOSTS.test(host) || WAYBACK_STYLE_PATH.test(url)) return { url, host, text, kind: 'archive' };
  if (IDENTIFIER_HOSTS.test(host) || IDENTIFIER_TEXT.test(text)) return { url, host, text, kind: 'identifier' };
  return { url, host, text, kind: 'work' };
}

function pickLinks(candidates: LinkCandidate[]): { url: string; domain?: string; archiveUrl?: string; title?: string } | undefined {
  const work = candidates.find((c) => c.kind === 'work');
  const identifier = candidates.find((c) => c.kind === 'identifier');
  const archive = candidates.find((c) => c.kind === 'archive');
  const main = work ?? identifier;
  if (main) {
    const title = linkTitle(archive && !work ? undefined : main.text, archive?.text);
    return { url: main.url, domain: main.host, ...(archive ? { archiveUrl: archive.url } : {}), ...(title ? { title } : {}) };
  }
  if (archive) {
    const original = originalOfArchive(archive.url);
    const title = linkTitle(archive.text);
    if (original) return { url: original, archiveUrl: archive.url, ...(title ? { title } : {}) };
    return { url: archive.url, domain: archive.host, ...(title ? { title } : {}) };
  }
  return undefined;
}

const QUOTE_AT_START = /^["“'‘]/;
const QUOTE_AT_END = /["”'’]$/;

/** The readable title among link texts: not a URL, not "the original", not an identifier. */
function linkTitle(...texts: (string | undefined)[]): string | undefined {
  for (const raw of texts) {
    if (!raw) continue;
    // Quotes are looked for only where one stands at either end.
    const text = (QUOTE_AT_START.test(raw) || QUOTE_AT_END.test(raw) ? raw.replace(/^["“'‘]+|["”'’]+$/g, '') : raw).trim();
    if (text.length < 2 || /^https?:\/\//i.test(text) || /^(?:the )?original$/i.test(text) || /^archived?$/i.test(text) || IDENTIFIER_TEXT.test(text)) continue;
    return text;
  }
  return undefined;
}

/** "https://web.archive.org/web/2015…/http://example.org/x" → "http://example.org/x". */
export function originalOfArchive(url: string): string | undefined {
  const m = url.match(/^https?:\/\/[^/]+\/(?:web\/)?\d{8,14}[a-z_]*\/(.+)$/i);
  if (!m) return undefined;
  const inner = /^https?:\/\//i.test(m[1]) ? m[1] : `http://${m[1]}`;
  return resolveHttpUrl(inner, 'http://invalid.invalid/');
}

function titleFromText(text: string, prefixLength: number): string | undefined {
  const withoutUrls = text
    .slice(prefixLength)
    .replace(/https?:\/\/\S+/g, ' ')
    .replace(/\s+/g, ' ')
    .replace(/^[\s\-–—:,.|]+|[\s\-–—:,.|]+$/g, '')
    .trim();
  return withoutUrls.length >= 2 ? withoutUrls : undefined;
}
