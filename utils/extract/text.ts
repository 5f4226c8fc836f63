/**
 * String helpers for extraction: whitespace, sentences, URLs. No DOM here.
 *
 * Sentences come from `Intl.Segmenter`, never from a hand-written splitter. Node 20's segmenter
 * slows down sharply with the length of its input, so long text is cut into chunks of at most
 * SEGMENT_CHUNK characters at a line break or a full stop before it is segmented; a sentence longer
 * than a chunk is rare enough that splitting it there is the lesser harm.
 */

import type { VerbLanguage } from './vocabulary';

const SEGMENT_CHUNK = 2000;

let sentenceSegmenter: Intl.Segmenter | undefined;
function segmenter(): Intl.Segmenter {
  sentenceSegmenter ??= new Intl.Segmenter('en', { granularity: 'sentence' });
  return sentenceSegmenter;
}

/** Collapses every run of whitespace (including no-break spaces) to one space and trims. */
export function normalizeSpace(text: string): string {
  // A test costs less than a replace, and most text is already single-spaced.
  return UNUSUAL_SPACE.test(text) ? text.replace(/\s+/g, ' ').trim() : text;
}

const UNUSUAL_SPACE = /[^\S ]| {2}|^ | $/;

/** The code units above U+00A0 that JavaScript's \s matches. */
export function isOtherSpaceCode(ch: number): boolean {
  return ch === 0x1680 || (ch >= 0x2000 && ch <= 0x200a) || ch === 0x2028 || ch === 0x2029 || ch === 0x202f || ch === 0x205f || ch === 0x3000 || ch === 0xfeff;
}

/**
 * Start offsets of the sentences of `text`, ascending, always beginning with 0. `language`: the
 * text's language where known (its block's nearest `lang`), for the starts that only German
 * ordinals rule out (see continuesSentence).
 */
export function sentenceStarts(text: string, language?: VerbLanguage): number[] {
  const starts: number[] = [];
  let offset = 0;
  while (offset < text.length) {
    let end = Math.min(text.length, offset + SEGMENT_CHUNK);
    if (end < text.length) {
      const window = text.slice(offset, end);
      // Cut just after a line break or after the space that follows a full stop.
      const cut = Math.max(window.lastIndexOf('\n') + 1, window.lastIndexOf('. ') + 2);
      if (cut > SEGMENT_CHUNK / 4) end = offset + cut;
    }
    for (const part of segmenter().segment(text.slice(offset, end))) starts.push(offset + part.index);
    offset = end;
  }
  if (starts.length === 0 || starts[0] !== 0) starts.unshift(0);
  addNumberLedStarts(text, starts);
  return starts.filter((start, i) => i === 0 || !continuesSentence(text, start, language));
}

/**
 * The segmenter runs a sentence on when the next one opens with a number and then a lower-case
 * word ("… and French (1.2%). 20,235 people reported …"). A full stop after a bracket, a percent
 * sign or a number of three digits or more, then spaces and a number, starts a sentence there (a
 * date's "1. 2. 2019" has shorter numbers).
 */
const NUMBER_LED = /(?:[)\]%]|\d{3})[.!?]["”’)]*\s+(?=\d)/g;

function addNumberLedStarts(text: string, starts: number[]): void {
  NUMBER_LED.lastIndex = 0;
  let m: RegExpExecArray | null;
  let added = false;
  while ((m = NUMBER_LED.exec(text))) {
    const at = m.index + m[0].length;
    if (!starts.includes(at)) {
      starts.push(at);
      added = true;
    }
  }
  if (added) starts.sort((a, b) => a - b);
}

/**
 * Initialisms ("U.S.", "D.C."), titles ("Dr.", "Sen.") and "et al." never end a sentence; nor do
 * German abbreviations ("Hrsg. Karl Weber", "Bd. 2", "bzw. die") and a single lower-case letter
 * with its full stop, the pieces of "z. B.", "u. a.", "d. h.", "v. Chr.".
 */
const NEVER_FINAL = /(?:^|[\s(])(?:(?:\p{Lu}\.){2,}|(?:Mr|Mrs|Ms|Dr|Prof|St|Sen|Rep|Gov|Gen|Lt|Col|Sgt|Capt|Rev|Hon|Jr|Sr|vs|e\.g|i\.e|cf|Fig|No|Nos|Vol|pp?|ca|approx|et al|\p{Ll}|Hrsg|Nr|Bde?|[Vv]gl|sog|bzw|geb|gest|Abs|Kap|Aufl|insb|evtl|ggf|inkl|zzgl|ehem)\.)\s+$/u;
/** Month and place abbreviations end a sentence only before a capital: "on Nov. 6", "Monroe, La., on". */
const FINAL_BEFORE_CAPITAL = /(?:^|[\s(])(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|La|Ala|Ariz|Calif|Colo|Conn|Fla|Ga|Ill|Ind|Kan|Ky|Md|Mass|Mich|Minn|Miss|Mo|Mont|Neb|Nev|Okla|Ore|Pa|Tenn|Tex|Va|Wash|Wis|Wyo)\.,?\s+$/;

/** "S. 41": a page number after its abbreviation. */
const PAGE_BEFORE_NUMBER = /(?:^|[\s(])S\.\s+$/;
/** Spanish plurals of initials ("EE. UU.", "FF. AA."): the first half, then the second. */
const DOUBLED_INITIAL = /(?:^|[\s(])(\p{Lu})\1\.\s+$/u;
const DOUBLED_INITIAL_NEXT = /^(\p{Lu})\1\./u;
/** A number with a full stop: an ordinal in German ("am 3. Oktober", "im 19. Jahrhundert"). */
const ORDINAL = /(?:^|[\s(–-])\d{1,3}\.\s+$/;
/** What only follows an ordinal: a German month or century. */
const AFTER_ORDINAL = /^(?:Januar|Jänner|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember|Jahrhunderts?|Jahrtausends?|Jh|Jhd)(?![\p{L}\p{N}])/u;
/**
 * A word before a number that makes it an ordinal in German text ("der 2. Weltkrieg", "das 1. FC",
 * "die 3. Etappe"): articles and the prepositions merged with one.
 */
const BEFORE_ORDINAL = /(?:^|[\s(])(?:am|im|vom|zum|zur|beim|der|die|das|dem|den|des|ein|eine|einem|einen|einer|eines|seine[mnrs]?|ihre[mnrs]?|jede[mnrs]?|diese[mnrs]?)\s+\d{1,3}\.\s+$/iu;

/**
 * Is a start the segmenter found not one: after an abbreviation or an initialism, or after a
 * German ordinal, which the segmenter takes for a sentence's last number when a capital follows
 * ("Er wurde am 3. Oktober 1990 geboren." is one sentence; German nouns have capitals).
 */
function continuesSentence(text: string, start: number, language: VerbLanguage): boolean {
  const before = text.slice(Math.max(0, start - 16), start);
  if (NEVER_FINAL.test(before)) return true;
  const next = text.charAt(start);
  if (FINAL_BEFORE_CAPITAL.test(before) && !/\p{Lu}/u.test(next)) return true;
  if (PAGE_BEFORE_NUMBER.test(before) && next >= '0' && next <= '9') return true;
  if (DOUBLED_INITIAL.test(before) && DOUBLED_INITIAL_NEXT.test(text.slice(start, start + 3))) return true;
  if (!ORDINAL.test(before)) return false;
  if (AFTER_ORDINAL.test(text.slice(start, start + 16))) return true;
  return language === 'de' && BEFORE_ORDINAL.test(text.slice(Math.max(0, start - 24), start));
}

/** The index of the first value at or above `value` in an ascending list (its length when none). */
export function lowerBound(sorted: readonly number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the last start in `starts` that is ≤ `position` (binary search). */
export function floorIndex(starts: readonly number[], position: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= position) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * An absolute http(s) address already written the way the URL parser writes it back: lower-case
 * host that is not an IP number nor punycode, no port, an explicit path without dot segments, and
 * no character the parser would escape. Most links on real pages are written so; for them the
 * address is its own href and the host is read off without a parse (URL parsing is a good part of
 * extraction's cost on a page with thousands of links). text.test.ts holds this to the parser.
 */
const CANONICAL_HTTP = /^https?:\/\/((?:[a-z0-9-]+\.)*[a-z][a-z0-9-]*\.?)\/[A-Za-z0-9\-._~!$&'()*+,;=:@%/]*(?:\?[A-Za-z0-9\-._~!$&()*+,;=:@%/?]*)?(?:#[A-Za-z0-9\-._~!$&'()*+,;=:@%/?]*)?$/;
const NOT_CANONICAL = /\/\.\.?(?:[/?#]|$)|%2e|(?:^|[/.])xn--/i;

/** The hostname of an address in the parser's own form (see CANONICAL_HTTP), else undefined. */
function canonicalHostname(address: string): string | undefined {
  const m = CANONICAL_HTTP.exec(address);
  if (!m) return undefined;
  const rest = address.slice(address.indexOf('//') + 2);
  return NOT_CANONICAL.test(rest) ? undefined : m[1];
}

let lastBase: string | undefined;
let lastBaseScheme: string | undefined;

/** The scheme of a base address when it is http(s) and parses ("https:"), else undefined. */
function httpSchemeOf(base: string): string | undefined {
  if (base !== lastBase) {
    lastBase = base;
    try {
      const protocol = new URL(base).protocol;
      lastBaseScheme = protocol === 'http:' || protocol === 'https:' ? protocol : undefined;
    } catch {
      lastBaseScheme = undefined;
    }
  }
  return lastBaseScheme;
}

/**
 * A protocol-relative link ("//doi.org/10.1/x", as MediaWiki writes its identifier links) as the
 * absolute address it resolves to against an http(s) base, when that is in the parser's own form
 * (see CANONICAL_HTTP): the base's scheme is all the parser adds.
 */
function canonicalProtocolRelative(trimmed: string, base: string): { url: string; hostname: string } | undefined {
  if (!trimmed.startsWith('//')) return undefined;
  const scheme = httpSchemeOf(base);
  if (!scheme) return undefined;
  const url = scheme + trimmed;
  const hostname = canonicalHostname(url);
  return hostname === undefined ? undefined : { url, hostname };
}

/** An absolute http(s) URL for `href` against `base`, or undefined for anything else. */
export function resolveHttpUrl(href: string | null | undefined, base: string): string | undefined {
  if (!href) return undefined;
  const trimmed = href.trim();
  if (!trimmed || trimmed.startsWith('#')) return undefined;
  if (canonicalHostname(trimmed) !== undefined) return trimmed;
  const relative = canonicalProtocolRelative(trimmed, base);
  if (relative) return relative.url;
  try {
    const url = new URL(trimmed, base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The addresses under which a page knows itself, without fragments: its URL, its `<base>` and
 * its canonical link. Saved pages keep absolute links to their original site
 * ("https://en.wikipedia.org/wiki/Cat#cite_note-2"), so an in-page link is recognised by its
 * address, not only by a leading "#".
 */
export function pageAddresses(doc: Document, pageUrl: string, base: string): Set<string> {
  const keys = new Set<string>();
  const add = (href: string | null | undefined, against: string) => {
    if (!href) return;
    try {
      const url = new URL(href.trim(), against);
      url.hash = '';
      keys.add(url.href);
    } catch {
      // not an address
    }
  };
  add(pageUrl, pageUrl);
  add(base, pageUrl);
  // Every <link>, not the first few: a CMS page may put hundreds of stylesheets and preloads
  // before its canonical link (wikipedia-2 has 376). By tag name, not by an attribute selector:
  // jsdom's selector engine costs about 5x more for the same list (48 against 9 ms on yahoo-2).
  const links = doc.getElementsByTagName('link');
  for (let i = 0, n = links.length; i < n; i++) {
    const rel = links[i].getAttribute('rel');
    if (rel && /(?:^|\s)canonical(?:\s|$)/i.test(rel)) add(links[i].getAttribute('href'), base);
  }
  return keys;
}

/** The fragment an in-page link points at ("#cite_note-2", or this page's own address with one). */
export function inPageFragment(href: string | null | undefined, addresses: ReadonlySet<string>, base: string): string | undefined {
  if (!href) return undefined;
  const hash = href.indexOf('#');
  if (hash < 0 || hash === href.length - 1) return undefined;
  if (hash === 0) return href.slice(1);
  // Saved pages spell their own address exactly as the canonical link does: no parse needed.
  if (addresses.has(href.slice(0, hash))) return href.slice(hash + 1);
  try {
    const url = new URL(href.slice(0, hash), base);
    return addresses.has(url.href) ? href.slice(hash + 1) : undefined;
  } catch {
    return undefined;
  }
}

/** What a link's href leads to: a fragment of this page, or an http(s) address and its host. */
export type HrefTarget = { fragment: string } | { url: string; host: string };

/**
 * inPageFragment and resolveHttpUrl with one URL parse (a large page has thousands of links, and
 * parsing them is a good part of extraction's cost): the in-page fragment when the link points
 * within the page, else the absolute http(s) address with its host as domainOf gives it.
 */
export function readHref(href: string | null | undefined, addresses: ReadonlySet<string>, base: string): HrefTarget | undefined {
  if (!href) return undefined;
  const hash = href.indexOf('#');
  const hasFragment = hash >= 0 && hash < href.length - 1;
  if (hash === 0) return hasFragment ? { fragment: href.slice(1) } : undefined;
  if (hasFragment && addresses.has(href.slice(0, hash))) return { fragment: href.slice(hash + 1) };
  const trimmed = href.trim();
  const hostname = canonicalHostname(trimmed);
  if (hostname !== undefined) {
    if (hasFragment && addresses.has(trimmed.slice(0, trimmed.indexOf('#')))) return { fragment: href.slice(hash + 1) };
    return { url: trimmed, host: stripWww(hostname) };
  }
  const relative = canonicalProtocolRelative(trimmed, base);
  if (relative) {
    if (hasFragment && addresses.has(relative.url.slice(0, relative.url.indexOf('#')))) return { fragment: href.slice(hash + 1) };
    return { url: relative.url, host: stripWww(relative.hostname) };
  }
  let url: URL;
  try {
    url = new URL(trimmed || href, base);
  } catch {
    return undefined;
  }
  const full = url.href;
  if (hasFragment) {
    url.hash = '';
    if (addresses.has(url.href)) return { fragment: href.slice(hash + 1) };
  }
  if (!trimmed || trimmed.startsWith('#')) return undefined;
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  return { url: full, host: hostOf(url) };
}

function hostOf(url: URL): string {
  return stripWww(url.hostname.toLowerCase());
}

function stripWww(hostname: string): string {
  return hostname.startsWith('www.') ? hostname.slice(4) : hostname;
}

/** Hostname without a leading "www.", lower case; "" when the URL does not parse. */
export function domainOf(url: string): string {
  const hostname = canonicalHostname(url);
  if (hostname !== undefined) return stripWww(hostname);
  try {
    return hostOf(new URL(url));
  } catch {
    return '';
  }
}

/** Bare http(s) URLs written out in text, with sentence punctuation trimmed from their ends. */
export function findBareUrls(text: string): { url: string; start: number; end: number }[] {
  const found: { url: string; start: number; end: number }[] = [];
  for (const m of text.matchAll(/https?:\/\/[^\s<>"'\u00a0]+/g)) {
    let url = m[0];
    // A URL at the end of a sentence or inside brackets carries the punctuation that follows it.
    while (/[.,;:!?)\]}>»”’]$/.test(url)) {
      if (url.endsWith(')') && url.split('(').length > url.split(')').length - 1) break;
      url = url.slice(0, -1);
    }
    found.push({ url, start: m.index, end: m.index + url.length });
  }
  return found;
}

/** Upper-cases the first letter (after any opening quotes or brackets). */
export function capitalizeFirst(text: string): string {
  return text.replace(/^([\s"'“‘(\[]*)(\p{Ll})/u, (_, lead: string, first: string) => lead + first.toUpperCase());
}

/** A letter or a digit: a text that holds one holds a word. */
export const HAS_WORD = /[\p{L}\p{N}]/u;

/** Normalises spaces and trims separators a clause starts or ends with. */
export function tidyClaim(text: string): string {
  const known = tidiness(text);
  if (known === 1) return text;
  if (known === 2) return text.replaceAll('\u00a0', ' ');
  let tidy = normalizeSpace(text);
  // What a removed parenthesised citation leaves: "( )", "(PRM; )", "( ; Reason)", "(CoT) , have", "robustness ; this".
  if (tidy.indexOf('(') >= 0 || tidy.indexOf(')') >= 0 || tidy.indexOf(' ,') >= 0 || tidy.indexOf(' ;') >= 0) {
    // Each pattern is run only where its core, which opens with a fixed character, is found:
    // most claims hold a parenthesis that none of them touches.
    let cleaned = tidy;
    if (EMPTY_PARENS_CORE.test(cleaned)) cleaned = cleaned.replace(/\s*\(\s*[,;]?\s*\)/g, '');
    if (SEPARATOR_CLOSE_CORE.test(cleaned)) cleaned = cleaned.replace(/\s*[,;]\s*\)/g, ')');
    if (OPEN_SEPARATOR_CORE.test(cleaned)) cleaned = cleaned.replace(/\(\s*[,;]\s*/g, '(');
    if (SPACE_SEPARATOR_CORE.test(cleaned)) cleaned = cleaned.replace(/\s+([,;])/g, '$1');
    // Already single-spaced when no pattern changed it.
    if (cleaned !== tidy) tidy = normalizeSpace(cleaned);
  }
  // Most claims start and end with words: the patterns run only when they can match.
  if (LEADING_SEPARATORS.includes(tidy.charAt(0))) tidy = tidy.replace(/^[\s,;:.)\]–—-]+/, '');
  if (TRAILING_SEPARATORS.includes(tidy.charAt(tidy.length - 1))) tidy = tidy.replace(/[\s,;:(\[–—-]+$/, '');
  // "first (Yasunaga et al. 2023)." leaves "first .".
  if (tidy.endsWith(' .')) tidy = tidy.replace(/\s+\.$/, '.');
  return tidy.trim();
}

/**
 * What tidyClaim does to `text`, when one pass over its characters can tell instead of a pattern
 * per clean-up: 1, nothing (single spaces only, none at either end, no parenthesis, no space
 * before a comma or a semicolon, no separator at either end, no " ." at the end: most claims); 2,
 * only its lone no-break spaces become spaces ("5&nbsp;million"); 0, ask the patterns.
 */
function tidiness(text: string): 0 | 1 | 2 {
  const n = text.length;
  if (n === 0 || LEADING_SEPARATORS.includes(text.charAt(0)) || TRAILING_SEPARATORS.includes(text.charAt(n - 1))) return 0;
  let noBreak = false;
  for (let i = 0; i < n; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 32 || ch === 0xa0) {
      // A space is never at either end (a plain one is a separator, tested above), never next to
      // another, never before "," ";" or a closing ".".
      if (ch === 0xa0) {
        if (i === 0 || i === n - 1) return 0;
        noBreak = true;
      }
      const next = text.charCodeAt(i + 1);
      if (next === 32 || next === 0xa0 || next === 44 || next === 59 || (next === 46 && i + 2 === n)) return 0;
    } else if (ch === 40 || ch === 41 || (ch < 32 ? ch >= 9 && ch <= 13 : ch > 0xa0 && isOtherSpaceCode(ch))) {
      return 0;
    }
  }
  return noBreak ? 2 : 1;
}

/** What each of tidyClaim's clean-ups needs to find before it can change anything. */
const EMPTY_PARENS_CORE = /\(\s*[,;]?\s*\)/;
const SEPARATOR_CLOSE_CORE = /[,;]\s*\)/;
const OPEN_SEPARATOR_CORE = /\(\s*[,;]/;
const SPACE_SEPARATOR_CORE = /\s[,;]/;

const LEADING_SEPARATORS = ' ,;:.)]–—-';
const TRAILING_SEPARATORS = ' ,;:([–—-';
