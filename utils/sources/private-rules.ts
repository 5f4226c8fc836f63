/**
 * Chrome's request rules that keep a public page's sources off private addresses before a
 * request leaves (see request-guard.ts for when they are installed).
 *
 * Judgement calls:
 * - The rules match the URL as the browser writes it, after its own parsing: `0x7f.1`,
 *   `2130706433` and `%31%32%37.0.0.1` all reach the rules as `127.0.0.1`, so only that canonical
 *   form needs a pattern. The IPv4 ranges come from url.ts's table, so the two cannot drift.
 * - One rule set per kind of address (loopback, private): a public page's requests run under
 *   both, a loopback page's under the private set, a private page's under the loopback set.
 * - IPv6 addresses that carry an IPv4 address (`::ffff:…`, `::ffff:0:…`, `::a.b.c.d`, `64:ff9b::…`, `2002:…`)
 *   are matched by the IPv4 range they carry, written in hex as the browser writes them
 *   (`::ffff:7f00:1`), from the same table: a public one passes, as it does in url.ts.
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
export const MAX_RULES = 80;

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

/** IPv6 literals (inside the brackets) of each kind that carry no IPv4 address. */
const IPV6_PATTERNS: Record<AddressKind, string[]> = {
  loopback: ['::1?'], // loopback, unspecified
  private: [
    `f[cd]${HEX}{2}:${REST}`, // unique local fc00::/7
    `fe[89ab]${HEX}:${REST}`, // link-local fe80::/10
    `fe[c-f]${HEX}:${REST}`, // site-local fec0::/10
    `ff${HEX}{2}:${REST}`, // multicast
    `2001:db8:${REST}`, // documentation
    `64:ff9b:1:${REST}`, // local-use NAT64 64:ff9b:1::/48
    `2001:0?:${REST}`, // Teredo 2001::/32 (`2001:0:…` or `2001::…`)
  ],
};

/**
 * The spellings of the 16-bit values `base` … `base + 2^(16 - bits) - 1` (an aligned block) as
 * one IPv6 group in its shortest lower-case hex, the form the browser writes. Spellings with
 * leading zeros that the browser never writes may match too; no other value's spelling does.
 */
export function hexGroupPattern(base: number, bits: number): string {
  const nibbles = [12, 8, 4, 0].map((shift, i) => {
    const fixed = Math.min(4, Math.max(0, bits - 4 * i));
    const value = (base >> shift) & 0xf;
    if (fixed === 4) return [value];
    const low = value & (0xf << (4 - fixed)) & 0xf;
    return Array.from({ length: 1 << (4 - fixed) }, (_, k) => low + k);
  });
  // Leading nibbles that are zero for every value are never written.
  while (nibbles.length > 1 && nibbles[0].length === 1 && nibbles[0][0] === 0) nibbles.shift();
  const digitClass = (set: number[]) =>
    set.length === 16 ? HEX : set.length === 1 ? set[0].toString(16) : `[${set.map((n) => n.toString(16)).join('')}]`;
  const [first, ...rest] = nibbles;
  // Below a fixed non-zero first nibble, every nibble is written.
  if (first.length === 1 || rest.length === 0) return nibbles.map(digitClass).join('');
  // The first nibble varies: the nibbles after it vary fully, and a zero first nibble is dropped.
  if (first.length === 16) return `${HEX}{1,${nibbles.length}}`;
  const nonZero = first.filter((n) => n !== 0);
  const written = `${digitClass(nonZero)}${HEX}{${rest.length}}`;
  return nonZero.length === first.length ? written : `(?:${written}|${HEX}{1,${rest.length}})`;
}

/**
 * IPv6 literals that carry an IPv4 address of the CIDR `address/bits`: mapped (`::ffff:h:l`),
 * translated (`::ffff:0:h:l`, never shortened further: its leading zero run is the longest), compatible (`::h:l`), NAT64 (`64:ff9b::h:l`) and 6to4 (`2002:h:l:…`), in the browser's form,
 * where a run of zero groups is written `::` (so a zero `h`, or `h` and `l`, may vanish). Several
 * patterns, one rule each: joined, some pass the memory Chrome allows a rule's pattern.
 */
export function embeddedIpv4Patterns(address: string, bits: number): string[] {
  const [a, b, c, d] = address.split('.').map(Number);
  const hiBits = Math.min(16, bits);
  const loBits = Math.max(0, bits - 16);
  const hiBase = ((a << 8) | b) & (0xffff << (16 - hiBits)) & 0xffff;
  const loBase = ((c << 8) | d) & (0xffff << (16 - loBits)) & 0xffff;
  const hi = hexGroupPattern(hiBase, hiBits);
  const lo = hexGroupPattern(loBase, loBits);
  // Aligned blocks hold a zero value exactly when their base is zero.
  const hiZero = hiBase === 0;
  const loZero = loBase === 0;
  const forms = [`(?:::ffff:|::ffff:0:|::|64:ff9b::)${hi}:${lo}`, `2002:${hi}:${lo}:${REST}`];
  if (hiZero) forms.push(`(?:::|64:ff9b::)${lo}`);
  if (hiZero && loZero) forms.push('64:ff9b::', `2002::${REST}`);
  if (loZero) forms.push(`2002:${hi}::${REST}`);
  return forms;
}

const LABEL = '[^/?#@:.\\[\\]]+';
const escapeDots = (suffix: string) => suffix.replace(/\./g, String.raw`\.`);

export type AddressKind = 'loopback' | 'private';

/** Host patterns for the given kinds of address, each matched as the whole host. */
export function privateHostPatterns(kinds: AddressKind[] = ['loopback', 'private']): string[] {
  return kinds.flatMap((kind) => {
    const ipv4 = IPV4_RANGES[kind];
    return [
      ...ipv4.map(([address, bits]) => ipv4CidrPattern(address.toString(), bits)),
      // One rule each: together they exceed the 2 kB a compiled rule pattern may take in Chrome.
      ...[...IPV6_PATTERNS[kind], ...ipv4.flatMap(([address, bits]) => embeddedIpv4Patterns(address.toString(), bits))].map(
        (v6) => String.raw`\[(?:${v6})\]`,
      ),
      ...(kind === 'loopback'
        ? [`(?:${LABEL}\\.)*localhost\\.?`]
        : [
            `(?:${LABEL}\\.)*${LABEL}(?:${PRIVATE_SUFFIXES.map(escapeDots).join('|')})\\.?`,
            // Single-label names (`http://router/`) resolve only inside a network.
            `${LABEL}\\.?`,
          ]),
    ];
  });
}

/** Full-URL patterns, one per rule. */
export function privateUrlPatterns(kinds?: AddressKind[]): string[] {
  return privateHostPatterns(kinds).map((host) => `${BEFORE_HOST}(?:${host})${AFTER_HOST}`);
}

export interface SessionRule {
  id: number;
  priority: number;
  action: { type: 'redirect'; redirect: { url: string } } | { type: 'block' } | { type: 'allow' };
  condition: {
    regexFilter: string;
    initiatorDomains: string[];
    tabIds: number[];
    requestMethods: string[];
  };
}

/**
 * The rules that keep the requests of an extension whose own origin's host is `extensionHost`
 * (Chrome: its id) off the given kinds of address.
 */
export function privateAddressRules(extensionHost: string, kinds: AddressKind[] = ['loopback', 'private']): SessionRule[] {
  const condition = (regexFilter: string) => ({ regexFilter, initiatorDomains: [extensionHost], tabIds: [-1], requestMethods: ['get'] });
  const refusals: SessionRule[] = privateUrlPatterns(kinds).map((regexFilter, i) => ({
    id: FIRST_RULE_ID + i,
    priority: 1,
    action: { type: 'redirect', redirect: { url: PRIVATE_REFUSAL_URL } },
    condition: condition(regexFilter),
  }));
  // The single-label pattern also matches `localhost` (RE2 has no look-ahead to leave it out):
  // where loopback is allowed, a rule of higher priority lets localhost names pass.
  const allowed: SessionRule[] = kinds.includes('loopback')
    ? []
    : privateUrlPatterns(['loopback'])
        .filter((pattern) => pattern.includes('localhost'))
        .map((regexFilter, i) => ({ id: FIRST_RULE_ID + refusals.length + i, priority: 2, action: { type: 'allow' }, condition: condition(regexFilter) }));
  const rules = [...refusals, ...allowed];
  if (rules.length > MAX_RULES) throw new Error('more private-address rules than rule ids');
  return rules;
}

/** Every id this module may use (to clear rules left by an earlier run of the worker). */
export function privateRuleIds(): number[] {
  return Array.from({ length: MAX_RULES }, (_, i) => FIRST_RULE_ID + i);
}
