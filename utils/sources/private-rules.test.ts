// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { FIRST_RULE_ID, PRIVATE_REFUSAL_URL, hexGroupPattern, ipv4CidrPattern, privateAddressRules, privateRuleIds, privateUrlPatterns, type AddressKind, type SessionRule } from './private-rules';
import { classifyHost, IPV4_RANGES } from './url';

/** RE2's syntax for these patterns is a subset of JavaScript's: JS can test them. */
const compiled = (kinds?: AddressKind[]) => privateUrlPatterns(kinds).map((p) => new RegExp(p, 'i'));
const patterns = compiled();
/** Does any pattern match the URL the browser would request (its canonical form)? */
const matched = (url: string, among: Array<{ test(href: string): boolean }> = patterns) => {
  const href = new URL(url).href;
  return among.some((p) => p.test(href));
};

/** Chrome's choice among matching rules: the highest priority decides; `allow` lets it pass. */
function refusedBy(rules: SessionRule[]) {
  const tests = rules.map((rule) => ({ rule, pattern: new RegExp(rule.condition.regexFilter, 'i') }));
  return (url: string) => {
    const href = new URL(url).href;
    const hits = tests.filter((t) => t.pattern.test(href)).sort((a, b) => b.rule.priority - a.rule.priority);
    return hits.length > 0 && hits[0].rule.action.type !== 'allow';
  };
}
const RULES_FOR = {
  guarded: refusedBy(privateAddressRules('x')),
  loopbackPage: refusedBy(privateAddressRules('x', ['private'])),
  privatePage: refusedBy(privateAddressRules('x', ['loopback'])),
};
/** Refused by the rules of a page that may reach the other kind but not this one. */
const byKind = {
  loopback: { test: (href: string) => RULES_FOR.privatePage(href) },
  private: { test: (href: string) => RULES_FOR.loopbackPage(href) },
};

/** A seeded generator of bytes (the same draws on every run). */
function seededBytes(seed: number) {
  return () => (seed = (seed * 1103515245 + 12345) >>> 0) >>> 24;
}

describe('private-address rules: the patterns match what url.ts calls loopback or private', () => {
  it.each([
    'http://127.0.0.1/',
    'http://127.255.0.9:8080/x',
    'http://0x7f.1/',
    'http://2130706433/',
    'http://0177.0.0.1/',
    'http://%31%32%37.0.0.1/',
    'http://0.0.0.0/',
    'http://10.1.2.3/',
    'http://172.16.0.1/',
    'http://172.31.255.255/',
    'http://192.168.1.1/admin',
    'http://169.254.169.254/latest/meta-data/',
    'http://100.64.0.1/',
    'http://100.127.255.1/',
    'http://198.18.0.1/',
    'http://198.19.3.4/',
    'http://192.0.0.8/',
    'http://224.0.0.1/',
    'http://255.255.255.255/',
    'http://[::1]/',
    'http://[::]/',
    'http://[0:0:0:0:0:0:0:1]:8080/',
    'http://[fc00::1]/',
    'http://[fd12:3456::1]/',
    'http://[fe80::1]/',
    'http://[febf::1]/',
    'http://[fec0::1]/',
    'http://[ff02::1]/',
    'http://[2001:db8::1]/',
    'http://[::ffff:192.168.1.1]/',
    'http://[::ffff:127.0.0.1]/',
    'http://[64:ff9b::c0a8:101]/',
    'http://[2002:c0a8:101::1]/',
    'http://[::ffff:0:a00:1]/',
    'http://[::ffff:0:7f00:1]/',
    'http://[64:ff9b:1::a00:1]/',
    'http://[64:ff9b:1::]/',
    'http://[2001:0:4136:e378:8000:63bf:3fff:fdd2]/',
    'http://[2001::1]/',
    'http://localhost/',
    'http://localhost./',
    'http://LOCALHOST:3000/',
    'http://app.localhost/',
    'http://printer.local/',
    'http://nas.home.arpa/',
    'http://wiki.corp.internal/page',
    'http://router/',
    'http://router./',
    'https://user:pw@10.0.0.1/',
  ])('%s is matched, and url.ts calls it not public', (url) => {
    expect(classifyHost(new URL(url).hostname)).not.toBe('public');
    expect(matched(url)).toBe(true);
  });

  it.each([
    'https://example.com/',
    'https://news.example.com:8443/a?b=c#d',
    'http://8.8.8.8/',
    'http://11.0.0.1/',
    'http://172.15.255.255/',
    'http://172.32.0.1/',
    'http://192.169.0.1/',
    'http://169.253.0.1/',
    'http://100.63.255.255/',
    'http://100.128.0.0/',
    'http://198.20.0.1/',
    'http://223.255.255.255/',
    'http://127.0.0.1.nip.io/',
    'http://10.example.com/',
    'http://localhost.example.com/',
    'http://local.example/',
    'http://[2606:4700::1111]/',
    'http://[2001:db9::1]/',
    'https://example.com/http://127.0.0.1/',
    'https://example.com/?next=http://10.0.0.1/',
    'https://example.com/@127.0.0.1/',
  ])('%s is not matched, and url.ts calls it public', (url) => {
    expect(classifyHost(new URL(url).hostname)).toBe('public');
    expect(matched(url)).toBe(false);
  });

  it('agrees with url.ts on every one of 20,000 IPv4 addresses drawn at random (seeded), kind by kind', () => {
    const next = seededBytes(12345);
    const disagreements: string[] = [];
    for (let i = 0; i < 20_000; i++) {
      // Half of them inside the ranges' first octets, where disagreements would hide.
      const first = i % 2 ? next() : [0, 10, 100, 127, 169, 172, 192, 198, 224, 255][i % 10];
      const host = `${first}.${next()}.${next()}.${next()}`;
      const kind = classifyHost(host);
      if ((kind !== 'public') !== matched(`http://${host}/`)) disagreements.push(host);
      for (const k of ['loopback', 'private'] as const) if ((kind === k) !== matched(`http://${host}/`, [byKind[k]])) disagreements.push(`${host} ${k}`);
    }
    expect(disagreements).toEqual([]);
  });

  it('agrees with url.ts on 20,000 IPv6 addresses that carry an IPv4 address (mapped, compatible, NAT64, 6to4, translated), kind by kind', () => {
    const next = seededBytes(777);
    const ranges = [...IPV4_RANGES.loopback, ...IPV4_RANGES.private];
    const hex = (n: number) => n.toString(16);
    const disagreements: string[] = [];
    let notPublic = 0;
    for (let i = 0; i < 20_000; i++) {
      // Half inside one of the table's ranges (its prefix kept, the rest drawn), half anywhere.
      let octets = [next(), next(), next(), next()];
      if (i % 2) {
        const [base, bits] = ranges[next() % ranges.length];
        const b = base.toByteArray();
        octets = octets.map((o, k) => {
          const fixed = Math.min(8, Math.max(0, bits - 8 * k));
          return (b[k] & (0xff << (8 - fixed)) & 0xff) | (o & (0xff >> fixed));
        });
      }
      // Zeros are drawn often: they decide where the browser writes `::`.
      if (next() < 40) octets[0] = octets[1] = 0;
      if (next() < 40) octets[2] = octets[3] = 0;
      const hi = hex((octets[0] << 8) | octets[1]);
      const lo = hex((octets[2] << 8) | octets[3]);
      const tail = Array.from({ length: 5 }, () => (next() < 128 ? '0' : hex((next() << 8) | next()))).join(':');
      const written = [`::ffff:${hi}:${lo}`, `::${hi}:${lo}`, `64:ff9b::${hi}:${lo}`, `2002:${hi}:${lo}:${tail}`, `::ffff:0:${hi}:${lo}`][i % 5];
      const url = new URL(`http://[${written}]/`);
      const kind = classifyHost(url.hostname);
      if (kind !== 'public') notPublic++;
      if ((kind !== 'public') !== matched(url.href)) disagreements.push(url.hostname);
      for (const k of ['loopback', 'private'] as const) if ((kind === k) !== matched(url.href, [byKind[k]])) disagreements.push(`${url.hostname} ${k}`);
    }
    expect(disagreements).toEqual([]);
    // Both sides of the line were drawn often enough to mean something.
    expect(notPublic).toBeGreaterThan(5_000);
    expect(notPublic).toBeLessThan(15_000);
  });

  it.each(['http://[::ffff:8.8.8.8]/', 'http://[::8.8.8.8]/', 'http://[64:ff9b::8.8.8.8]/', 'http://[2002:808:808::1]/', 'http://[2002:101:101::]/', 'http://[::ffff:0:808:808]/', 'http://[64:ff9b:2::1]/', 'http://[2001:1::1]/', 'http://[2001:4860:4860::8888]/'])(
    '%s carries a public IPv4 address: not matched, and url.ts calls it public',
    (url) => {
      expect(classifyHost(new URL(url).hostname)).toBe('public');
      expect(matched(url)).toBe(false);
    },
  );

  it.each([
    ['http://[::ffff:0.0.0.0]/', 'loopback'],
    ['http://[::0.0.0.5]/', 'loopback'],
    ['http://[64:ff9b::]/', 'loopback'],
    ['http://[64:ff9b::7f00:1]/', 'loopback'],
    ['http://[2002::1]/', 'loopback'],
    ['http://[2002:7f00:1::]/', 'loopback'],
    ['http://[2002:a00::1]/', 'private'],
    ['http://[2002:0:0:1::]/', 'loopback'],
    ['http://[::ffff:169.254.169.254]/', 'private'],
    ['http://[::ffff:192.0.0.1]/', 'private'],
    ['http://[::ffff:0:0:0]/', 'loopback'],
    ['http://[::ffff:0:7f00:1]/', 'loopback'],
    ['http://[::ffff:0:a9fe:a9fe]/', 'private'],
  ] as const)('%s carries a %s IPv4 address, and only that kind’s rules match it', (url, kind) => {
    expect(classifyHost(new URL(url).hostname)).toBe(kind);
    expect(matched(url, [byKind[kind]])).toBe(true);
    expect(matched(url, [byKind[kind === 'loopback' ? 'private' : 'loopback']])).toBe(false);
  });

  it.each([
    ['http://localhost:3000/a', 'loopback'],
    ['http://LOCALHOST./a', 'loopback'],
    ['http://app.localhost/a', 'loopback'],
    ['http://127.0.0.1:8080/a', 'loopback'],
    ['http://[::1]/a', 'loopback'],
    ['http://router/a', 'private'],
    ['http://printer.local/a', 'private'],
    ['http://wiki.corp.internal/a', 'private'],
    ['http://10.0.0.1/a', 'private'],
    ['http://[fe80::1]/a', 'private'],
  ] as const)('%s is %s: refused by a public page’s rules and the other kind’s page’s, passed by its own kind’s page’s', (url, kind) => {
    expect(classifyHost(new URL(url).hostname)).toBe(kind);
    expect(RULES_FOR.guarded(url)).toBe(true);
    expect(RULES_FOR.loopbackPage(url)).toBe(kind === 'private');
    expect(RULES_FOR.privatePage(url)).toBe(kind === 'loopback');
  });

  it.each(['https://example.com/', 'http://8.8.8.8/', 'http://[::ffff:8.8.8.8]/'])('%s passes every page’s rules', (url) => {
    expect(Object.values(RULES_FOR).map((refused) => refused(url))).toEqual([false, false, false]);
  });
});

describe('hexGroupPattern: a block of 16-bit values as the browser writes one IPv6 group', () => {
  it.each([
    [0x7f00, 8, '7f[0-9a-f][0-9a-f]'],
    [0xac10, 12, 'ac1[0-9a-f]'],
    [0x6440, 10, '64[4567][0-9a-f]'],
    [0xc612, 15, 'c61[23]'],
    [0xc000, 16, 'c000'],
    [0x0000, 8, '[0-9a-f]{1,2}'],
    [0x0000, 0, '[0-9a-f]{1,4}'],
    [0x0000, 16, '0'],
    [0x0a00, 8, 'a[0-9a-f][0-9a-f]'],
  ])('%i/%i is %s', (base, bits, expected) => {
    expect(hexGroupPattern(base, bits)).toBe(expected);
  });

  it('matches exactly the shortest spellings of the block’s values, for every block of one nibble’s width and more', () => {
    const wrong: string[] = [];
    for (const bits of [1, 3, 4, 6, 8, 10, 12, 15]) {
      for (const base of [0x0000, 0x0100, 0x0a00, 0x6440, 0xc612 & (0xffff << (16 - bits)), 0xe000 & (0xffff << (16 - bits))]) {
        const block = base & (0xffff << (16 - bits)) & 0xffff;
        const pattern = new RegExp(`^(?:${hexGroupPattern(block, bits)})$`);
        for (let value = 0; value <= 0xffff; value += 7) {
          const inside = value >>> (16 - bits) === block >>> (16 - bits);
          if (pattern.test(value.toString(16)) !== inside) wrong.push(`${block.toString(16)}/${bits} ${value.toString(16)}`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });
});

describe('ipv4CidrPattern', () => {
  it.each([
    ['10.0.0.0', 8, String.raw`10\.\d{1,3}\.\d{1,3}\.\d{1,3}`],
    ['192.168.0.0', 16, String.raw`192\.168\.\d{1,3}\.\d{1,3}`],
    ['198.18.0.0', 15, String.raw`198\.(?:18|19)\.\d{1,3}\.\d{1,3}`],
    ['192.0.0.0', 24, String.raw`192\.0\.0\.\d{1,3}`],
  ])('%s/%i', (address, bits, expected) => {
    expect(ipv4CidrPattern(address, bits)).toBe(expected);
  });
});

describe('privateAddressRules', () => {
  const rules = privateAddressRules('abcdefghijklmnopabcdefghijklmnop');

  it('for one kind, hold that kind’s patterns only (and, where loopback passes, a rule letting localhost names pass)', () => {
    expect(privateAddressRules('x', ['loopback']).map((r) => r.condition.regexFilter)).toEqual(privateUrlPatterns(['loopback']));
    const forLoopbackPage = privateAddressRules('x', ['private']);
    expect(forLoopbackPage.filter((r) => r.action.type !== 'allow').map((r) => r.condition.regexFilter)).toEqual(privateUrlPatterns(['private']));
    expect(forLoopbackPage.filter((r) => r.action.type === 'allow').map((r) => [r.priority, r.condition.regexFilter])).toEqual([
      [2, privateUrlPatterns(['loopback']).find((p) => p.includes('localhost'))],
    ]);
    expect(new Set(forLoopbackPage.map((r) => r.id)).size).toBe(forLoopbackPage.length);
    expect(privateUrlPatterns()).toEqual([...privateUrlPatterns(['loopback']), ...privateUrlPatterns(['private'])]);
  });

  it('touch only the extension’s own GETs outside tabs, and send them to the refusal marker', () => {
    expect(rules.length).toBe(privateUrlPatterns().length);
    for (const rule of rules) {
      expect(rule.action).toEqual({ type: 'redirect', redirect: { url: PRIVATE_REFUSAL_URL } });
      expect(rule.condition).toMatchObject({ initiatorDomains: ['abcdefghijklmnopabcdefghijklmnop'], tabIds: [-1], requestMethods: ['get'] });
    }
  });

  it('use ids of their own range, each once', () => {
    const ids = rules.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids[0]).toBe(FIRST_RULE_ID);
    expect(ids.every((id) => privateRuleIds().includes(id))).toBe(true);
  });

  it('keep each pattern small: Chrome refuses a rule whose compiled pattern passes 2 kB', () => {
    // The longest seen to compile in Chromium 150 was 294 characters; the IPv6 set at 285
    // characters in one pattern did not.
    for (const rule of rules) expect(rule.condition.regexFilter.length).toBeLessThan(300);
  });
});
