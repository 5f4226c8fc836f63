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
 * - Only what the URL itself says can be checked. A public name whose DNS answer is a private
 *   address (DNS rebinding) cannot be caught here: an extension sees neither the resolved address
 *   nor the socket. Browsers' own Private Network Access rules are the remaining line there.
 * - WHATWG URL parsing already turns `http://0x7f.1/`, `http://2130706433/` and `http://0177.0.0.1/`
 *   into `127.0.0.1`, and IPv6 into its compressed hex form, so ranges are checked on that form.
 */

export type HostClass = 'public' | 'loopback' | 'private';

export type UrlCheck =
  | { ok: true; url: URL }
  | { ok: false; reason: 'invalid_url' | 'blocked_scheme' | 'blocked_private' };

/** Longer URLs are refused: no real citation needs them, and they are cheap to abuse. */
const MAX_URL_LENGTH = 8192;

const PRIVATE_SUFFIXES = ['.local', '.internal', '.lan', '.home.arpa', '.intranet'];

/** Query parameters that identify a click, not a document: dropped from cache keys. */
const TRACKING_PARAM = /^(utm_[a-z_]+|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|_hsenc|_hsmi|igshid)$/i;

function parseIpv4(host: string): number[] | null {
  const parts = host.split('.');
  if (parts.length !== 4) return null;
  const bytes = parts.map((p) => (/^\d{1,3}$/.test(p) ? Number(p) : NaN));
  return bytes.every((b) => b >= 0 && b <= 255) ? bytes : null;
}

function classifyIpv4([a, b, c]: number[]): HostClass {
  if (a === 127 || a === 0) return 'loopback'; // 0.0.0.0 reaches the local host on Linux and macOS
  if (a === 10) return 'private';
  if (a === 172 && b >= 16 && b <= 31) return 'private';
  if (a === 192 && b === 168) return 'private';
  if (a === 169 && b === 254) return 'private'; // link-local, cloud metadata endpoints
  if (a === 100 && b >= 64 && b <= 127) return 'private'; // carrier-grade NAT
  if (a === 192 && b === 0 && c === 0) return 'private';
  if (a === 198 && (b === 18 || b === 19)) return 'private';
  if (a >= 224) return 'private'; // multicast, reserved, broadcast
  return 'public';
}

/** Eight 16-bit groups of an IPv6 address (without brackets), or null. */
function parseIpv6(host: string): number[] | null {
  let text = host.toLowerCase();
  const zone = text.indexOf('%');
  if (zone >= 0) text = text.slice(0, zone);
  const lastColon = text.lastIndexOf(':');
  const maybeV4 = text.slice(lastColon + 1);
  if (maybeV4.includes('.')) {
    // A trailing dotted quad ("::ffff:10.0.0.1") stands for the last two groups.
    const v4 = parseIpv4(maybeV4);
    if (!v4) return null;
    text = `${text.slice(0, lastColon + 1)}${((v4[0] << 8) | v4[1]).toString(16)}:${((v4[2] << 8) | v4[3]).toString(16)}`;
  }
  const halves = text.split('::');
  if (halves.length > 2) return null;
  const toGroups = (s: string) => (s === '' ? [] : s.split(':').map((g) => (/^[0-9a-f]{1,4}$/.test(g) ? parseInt(g, 16) : NaN)));
  const head = toGroups(halves[0]);
  const rest = halves.length === 2 ? toGroups(halves[1]) : [];
  const explicit = head.length + rest.length;
  if (halves.length === 1 && explicit !== 8) return null;
  if (halves.length === 2 && explicit > 7) return null;
  const groups = [...head, ...new Array(8 - explicit).fill(0), ...rest];
  return groups.every((g) => Number.isInteger(g) && g >= 0 && g <= 0xffff) ? groups : null;
}

function embeddedIpv4(hi: number, lo: number): number[] {
  return [hi >> 8, hi & 0xff, lo >> 8, lo & 0xff];
}

function classifyIpv6(g: number[]): HostClass {
  const zeros = (from: number, to: number) => g.slice(from, to).every((x) => x === 0);
  if (zeros(0, 7) && g[7] === 1) return 'loopback';
  if (zeros(0, 8)) return 'loopback'; // "::" reaches the local host like 0.0.0.0
  if (zeros(0, 5) && g[5] === 0xffff) return classifyIpv4(embeddedIpv4(g[6], g[7])); // IPv4-mapped
  if (zeros(0, 6)) return classifyIpv4(embeddedIpv4(g[6], g[7])); // IPv4-compatible (deprecated)
  if (g[0] === 0x64 && g[1] === 0xff9b && zeros(2, 6)) return classifyIpv4(embeddedIpv4(g[6], g[7])); // NAT64
  if (g[0] === 0x2002) return classifyIpv4(embeddedIpv4(g[1], g[2])); // 6to4
  if ((g[0] & 0xfe00) === 0xfc00) return 'private'; // unique local
  if ((g[0] & 0xffc0) === 0xfe80 || (g[0] & 0xffc0) === 0xfec0) return 'private'; // link/site-local
  if ((g[0] & 0xff00) === 0xff00) return 'private'; // multicast
  if (g[0] === 0x2001 && g[1] === 0x0db8) return 'private'; // documentation range
  return 'public';
}

/** Classifies a URL's hostname as the WHATWG URL parser leaves it. */
export function classifyHost(hostname: string): HostClass {
  const host = hostname.toLowerCase().replace(/\.+$/, '');
  if (host.startsWith('[') && host.endsWith(']')) {
    const groups = parseIpv6(host.slice(1, -1));
    return groups ? classifyIpv6(groups) : 'private';
  }
  const v4 = parseIpv4(host);
  if (v4) return classifyIpv4(v4);
  if (host === 'localhost' || host.endsWith('.localhost')) return 'loopback';
  if (!host.includes('.')) return 'private';
  if (PRIVATE_SUFFIXES.some((suffix) => host.endsWith(suffix))) return 'private';
  return 'public';
}

function pageClass(pageUrl: string): HostClass {
  try {
    const page = new URL(pageUrl);
    // Only http(s) pages are "on" an address; any other page (file:, about:) gets the strict rule.
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
