/**
 * Chrome's request rules that keep a public page's sources off private addresses before a
 * request leaves (see request-guard.ts for when they are installed).
 *
 * Judgement calls:
 * - The rules match the URL as the browser writes it, after its own parsing: `0x7f.1`,
 *   `2130706433` and `%31%32%37.0.0.1` all reach the rules as `127.0.0.1`, so only that canonical
 *   form needs a pattern. The IPv4 ranges come from url.ts's table, so the two cannot drift.
 * - One rule set for loopback and private together: the rules only ever serve a public page,
 *   which may reach neither.
 * - IPv6 addresses that carry an IPv4 address (`::ffff:…`, `::a.b.c.d`, `64:ff9b::…`, `2002:…`)
 *   are all matched, whatever the IPv4 address they carry: writing each embedded range in hex
 *   is not worth it for spellings no real source uses. So such an address, public or not, is
 *   `blocked_private` from a public page in Chrome.
 * - Only the extension's own GET requests outside tabs are matched (`initiatorDomains`,
 *   `tabIds: [-1]`, `requestMethods`): the reader's pages, the options page's server probe and
 *   the judge's POSTs to the reader's model server are never touched.
 * - A matched request is redirected to a fixed `data:` URL instead of blocked: a blocked fetch
 *   fails like any network error, a redirected one lands on an address the fetcher knows, so the
 *   reason shown is `blocked_private`, not `network`. A server cannot send a fetch to a `data:`
 *   URL itself (fetch refuses such redirects), so the marker cannot be forged.
 */
import { IPV4_RANGES, PRIVATE_SUFFIXES } from './url';

/** Where a refused request lands (Chrome). */
export const PRIVATE_REFUSAL_URL = 'data:text/plain,citecheck-refused-a-private-address';

/** The ids of our session rules: the first, and how many at most. */
export const FIRST_RULE_ID = 9100;
export const MAX_RULES = 40;

const BEFORE_HOST = String.raw`^https?://(?:[^/?#@]*@)?`;
const AFTER_HOST = String.raw`(?::\d*)?(?:[/?#]|$)`;

/** An IPv4 CIDR as a pattern of four dotted decimal octets. */
export function ipv4CidrPattern(address: string, bits: number): string {
  const octets = address.split('.').map(Number);
  const parts: string[] = [];
  for (let i = 0; i < 4; i++) {
    const fixedBits = Math.min(8, Math.max(0, bits - 8 * i));
    if (fixedBits === 8) parts.push(String(octets[i]));
    else if (fixedBits === 0) parts.push(String.raw`\d{1,3}`);
    else {
      const low = octets[i] & (0xff << (8 - fixedBits)) & 0xff;
      const count = 1 << (8 - fixedBits);
      parts.push(`(?:${Array.from({ length: count }, (_, k) => low + k).join('|')})`);
    }
  }
  return parts.join(String.raw`\.`);
}

const HEX = '[0-9a-f]';
const REST = String.raw`[0-9a-f:.]*`;

/** IPv6 literals (inside the brackets) that are loopback, private, or carry an IPv4 address. */
const IPV6_PATTERNS = [
  '::1?', // loopback, unspecified
  `f[cd]${HEX}{2}:${REST}`, // unique local fc00::/7
  `fe[89ab]${HEX}:${REST}`, // link-local fe80::/10
  `fe[c-f]${HEX}:${REST}`, // site-local fec0::/10
  `ff${HEX}{2}:${REST}`, // multicast
  `2001:db8:${REST}`, // documentation
  `::ffff:${REST}`, // IPv4-mapped
  `::${HEX}{1,4}(?::${HEX}{1,4})?`, // IPv4-compatible (::/96)
  `64:ff9b::${REST}`, // NAT64
  `2002:${REST}`, // 6to4
];

const LABEL = '[^/?#@:.\\[\\]]+';
const escapeDots = (suffix: string) => suffix.replace(/\./g, String.raw`\.`);

/** Host patterns, each matched as the whole host. */
export function privateHostPatterns(): string[] {
  const ipv4 = [...IPV4_RANGES.loopback, ...IPV4_RANGES.private].map(([address, bits]) => ipv4CidrPattern(address.toString(), bits));
  return [
    ...ipv4,
    // One rule each: together they exceed the 2 kB a compiled rule pattern may take in Chrome.
    ...IPV6_PATTERNS.map((v6) => String.raw`\[(?:${v6})\]`),
    `(?:${LABEL}\\.)*localhost\\.?`,
    `(?:${LABEL}\\.)*${LABEL}(?:${PRIVATE_SUFFIXES.map(escapeDots).join('|')})\\.?`,
    // Single-label names (`http://router/`) resolve only inside a network.
    `${LABEL}\\.?`,
  ];
}

/** Full-URL patterns, one per rule. */
export function privateUrlPatterns(): string[] {
  return privateHostPatterns().map((host) => `${BEFORE_HOST}(?:${host})${AFTER_HOST}`);
}

export interface SessionRule {
  id: number;
  priority: number;
  action: { type: 'redirect'; redirect: { url: string } } | { type: 'block' };
  condition: {
    regexFilter: string;
    initiatorDomains: string[];
    tabIds: number[];
    requestMethods: string[];
  };
}

/** The rules for an extension whose own origin's host is `extensionHost` (Chrome: its id). */
export function privateAddressRules(extensionHost: string): SessionRule[] {
  const patterns = privateUrlPatterns();
  if (patterns.length > MAX_RULES) throw new Error('more private-address patterns than rule ids');
  return patterns.map((regexFilter, i) => ({
    id: FIRST_RULE_ID + i,
    priority: 1,
    action: { type: 'redirect', redirect: { url: PRIVATE_REFUSAL_URL } },
    condition: { regexFilter, initiatorDomains: [extensionHost], tabIds: [-1], requestMethods: ['get'] },
  }));
}

/** Every id this module may use (to clear rules left by an earlier run of the worker). */
export function privateRuleIds(): number[] {
  return Array.from({ length: MAX_RULES }, (_, i) => FIRST_RULE_ID + i);
}
