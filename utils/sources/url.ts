/**
 * Which cited URLs the extension may fetch, and the cache key of a URL.
 *
 * Judgement calls:
 * - Only http: and https: are fetched; everything else is `blocked_scheme`.
 * - A host is public, loopback or private. A public article may fetch only public hosts: a hostile
 *   page must not turn the reader's browser into a probe of their router or intranet. An article on
 *   loopback (local testing) may also fetch loopback; an article on a private address (an intranet
 *   wiki) may also fetch private addresses; the reader's `allowPrivate` option lifts the guard.
 * - Names that only resolve inside a network count as private: `*.local`, `*.internal`, `*.lan`,
 *   `*.home.arpa`, and single-label names such as `http://router/`.
 * - Only what the URL itself says can be checked here. A public name whose DNS answer is a private
 *   address (DNS rebinding) is caught in Firefox by asking its resolver (webrequest-guard.ts);
 *   Chrome gives an extension no DNS answer before a request (request-guard.ts).
 * - WHATWG URL parsing already turns `http://0x7f.1/`, `http://2130706433/` and `http://0177.0.0.1/`
 *   into `127.0.0.1`, and IPv6 into its compressed hex form, so ranges are checked on that form.
 *   Addresses are parsed and matched with ipaddr.js; which ranges count as loopback or private is
 *   this module's policy, written out in the tables below.
 */
import ipaddr from 'ipaddr.js';

export type HostClass = 'public' | 'loopback' | 'private';

export type UrlCheck =
  | { ok: true; url: URL }
  | { ok: false; reason: 'invalid_url' | 'blocked_scheme' | 'blocked_private' };

/** Longer URLs are refused: no real citation needs them, and they are cheap to abuse. */
const MAX_URL_LENGTH = 8192;

export const PRIVATE_SUFFIXES = ['.local', '.internal', '.lan', '.home.arpa', '.intranet'];

/** Query parameters that identify a click, not a document: dropped from cache keys. */
const TRACKING_PARAM = /^(utm_[a-z_]+|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|_hsenc|_hsmi|igshid)$/i;

type Cidr = [ipaddr.IPv4 | ipaddr.IPv6, number];
const v4 = (cidr: string): Cidr => ipaddr.IPv4.parseCIDR(cidr);
const v6 = (cidr: string): Cidr => ipaddr.IPv6.parseCIDR(cidr);

/** Our policy for IPv4, by range (ipaddr.js matches; the choice of ranges is ours). */
export const IPV4_RANGES: Record<'loopback' | 'private', Cidr[]> = {
  // 0.0.0.0 reaches the local host on Linux and macOS.
  loopback: [v4('127.0.0.0/8'), v4('0.0.0.0/8')],
  private: [
    v4('10.0.0.0/8'),
    v4('172.16.0.0/12'),
    v4('192.168.0.0/16'),
    v4('169.254.0.0/16'), // link-local, cloud metadata endpoints
    v4('100.64.0.0/10'), // carrier-grade NAT
    v4('192.0.0.0/24'),
    v4('198.18.0.0/15'),
    v4('224.0.0.0/3'), // multicast, reserved, broadcast
  ],
};

/** IPv6 ranges that carry an IPv4 address: classified by that address. */
const IPV6_EMBEDDING: Record<'mapped' | 'translated' | 'compatible' | 'nat64' | 'sixToFour', Cidr[]> = {
  mapped: [v6('::ffff:0:0/96')],
  translated: [v6('::ffff:0:0:0/96')], // stateless IP/ICMP translation
  compatible: [v6('::/96')], // deprecated
  nat64: [v6('64:ff9b::/96')],
  sixToFour: [v6('2002::/16')],
};

const IPV6_RANGES: Record<'loopback' | 'private', Cidr[]> = {
  // "::" reaches the local host like 0.0.0.0.
  loopback: [v6('::1/128'), v6('::/128')],
  private: [
    v6('fc00::/7'), // unique local
    v6('fe80::/10'), // link-local
    v6('fec0::/10'), // site-local
    v6('ff00::/8'), // multicast
    v6('2001:db8::/32'), // documentation range
    // Local-use NAT64: a prefix each network picks for itself, so its translator is on that network.
    v6('64:ff9b:1::/48'),
    // Teredo tunnels: reached through a tunnel on the reader's machine, and they carry an
    // (inverted) IPv4 address of their own; no cited page is served from one.
    v6('2001::/32'),
  ],
};

/** Four decimal octets only: other IPv4 spellings never reach here (see the header). */
const DOTTED_QUAD = /^\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}$/;

function classifyIpv4(address: ipaddr.IPv4): HostClass {
  return ipaddr.subnetMatch(address, IPV4_RANGES, 'public') as HostClass;
}

function embeddedIpv4(address: ipaddr.IPv6, kind: keyof typeof IPV6_EMBEDDING): ipaddr.IPv4 {
  const g = address.parts;
  const [hi, lo] = kind === 'sixToFour' ? [g[1], g[2]] : [g[6], g[7]];
  return new ipaddr.IPv4([hi >> 8, hi & 0xff, lo >> 8, lo & 0xff]);
}

function classifyIpv6(address: ipaddr.IPv6): HostClass {
  const direct = ipaddr.subnetMatch(address, IPV6_RANGES, 'public') as HostClass;
  if (direct !== 'public') return direct;
  const embedding = ipaddr.subnetMatch(address, IPV6_EMBEDDING, 'none') as keyof typeof IPV6_EMBEDDING | 'none';
  return embedding === 'none' ? 'public' : classifyIpv4(embeddedIpv4(address, embedding));
}

/** Classifies a URL's hostname as the WHATWG URL parser leaves it. */
export function classifyHost(hostname: string): HostClass {
  const host = hostname.toLowerCase().replace(/\.+$/, '');
  if (host.startsWith('[') && host.endsWith(']')) {
    const inner = host.slice(1, -1);
    // Unparseable brackets are refused, never waved through.
    return ipaddr.IPv6.isValid(inner) ? classifyIpv6(ipaddr.IPv6.parse(inner)) : 'private';
  }
  if (DOTTED_QUAD.test(host) && ipaddr.IPv4.isValidFourPartDecimal(host)) return classifyIpv4(ipaddr.IPv4.parse(host));
  if (host === 'localhost' || host.endsWith('.localhost')) return 'loopback';
  if (!host.includes('.')) return 'private';
  if (PRIVATE_SUFFIXES.some((suffix) => host.endsWith(suffix))) return 'private';
  return 'public';
}

/** The class of the address a page is on; pages that are not http(s) get the strict rule. */
export function pageClass(pageUrl: string): HostClass {
  try {
    const page = new URL(pageUrl);
    return page.protocol === 'http:' || page.protocol === 'https:' ? classifyHost(page.hostname) : 'public';
  } catch {
    return 'public';
  }
}

/** May a page at `pageUrl` make the extension fetch `url`? */
export function checkSourceUrl(url: string, pageUrl: string, opts: { allowPrivate: boolean }): UrlCheck {
  if (typeof url !== 'string' || url.length > MAX_URL_LENGTH) return { ok: false, reason: 'invalid_url' };
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return { ok: false, reason: 'invalid_url' };
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return { ok: false, reason: 'blocked_scheme' };
  if (!parsed.hostname) return { ok: false, reason: 'invalid_url' };
  // Credentials written into a cited URL are never sent (fetch refuses such URLs anyway).
  parsed.username = '';
  parsed.password = '';
  const target = classifyHost(parsed.hostname);
  if (target !== 'public' && !opts.allowPrivate && target !== pageClass(pageUrl)) {
    return { ok: false, reason: 'blocked_private' };
  }
  return { ok: true, url: parsed };
}

/**
 * The cache key of a URL: no fragment, no credentials, no trailing dot on the host, no tracking
 * parameters. Everything else (path case, parameter order, trailing slash) can name a different
 * document and is kept. Null when the string is not an absolute URL.
 */
export function normalizeUrl(url: string | URL): string | null {
  let parsed: URL;
  try {
    parsed = new URL(String(url).trim());
  } catch {
    return null;
  }
  parsed.hash = '';
  parsed.username = '';
  parsed.password = '';
  if (parsed.hostname.endsWith('.')) parsed.hostname = parsed.hostname.replace(/\.+$/, '');
  if (parsed.search) {
    const kept = [...parsed.searchParams].filter(([name]) => !TRACKING_PARAM.test(name));
    if (kept.length !== [...parsed.searchParams].length) {
      parsed.search = kept.length ? '?' + new URLSearchParams(kept).toString() : '';
    }
  }
  let href = parsed.href;
  if (href.endsWith('?')) href = href.slice(0, -1);
  return href;
}

/** Is the cited source the article itself (same normalized URL, fragment ignored)? */
export function isSelfCitation(sourceUrl: string, pageUrl: string): boolean {
  const source = normalizeUrl(sourceUrl);
  return source !== null && source === normalizeUrl(pageUrl);
}
