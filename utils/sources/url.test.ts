import { describe, expect, it } from 'vitest';
import { checkSourceUrl, classifyHost, isSelfCitation, normalizeUrl } from './url';

const PUBLIC_PAGE = 'https://news.example.com/story';
const LOOPBACK_PAGE = 'http://127.0.0.1:8080/article.html';
const PRIVATE_PAGE = 'http://10.1.2.3/wiki/page';

describe('checkSourceUrl: what a public article may make the extension fetch', () => {
  const cases: Array<[string, 'ok' | 'invalid_url' | 'blocked_scheme' | 'blocked_private']> = [
    ['https://www.nature.com/articles/x', 'ok'],
    ['http://example.org/a?b=c#d', 'ok'],
    ['http://93.184.216.34/', 'ok'],
    ['http://[2606:4700::1111]/', 'ok'],
    ['not a url', 'invalid_url'],
    ['/relative/path', 'invalid_url'],
    ['', 'invalid_url'],
    ['javascript:alert(1)', 'blocked_scheme'],
    ['file:///etc/passwd', 'blocked_scheme'],
    ['ftp://files.example.org/a.txt', 'blocked_scheme'],
    ['data:text/html,hello', 'blocked_scheme'],
    ['chrome://settings', 'blocked_scheme'],
    ['http://localhost/', 'blocked_private'],
    ['http://LOCALHOST./admin', 'blocked_private'],
    ['http://api.localhost:3000/', 'blocked_private'],
    ['http://127.0.0.1/', 'blocked_private'],
    ['http://127.8.9.10/', 'blocked_private'],
    ['http://0.0.0.0:8000/', 'blocked_private'],
    ['http://2130706433/', 'blocked_private'], // decimal 127.0.0.1
    ['http://0x7f.1/', 'blocked_private'], // hex, shortened
    ['http://0177.0.0.1/', 'blocked_private'], // octal
    ['http://0xc0.0xa8.0x01.0x01/', 'blocked_private'], // 192.168.1.1 in hex
    ['http://10.0.0.1/', 'blocked_private'],
    ['http://172.16.0.1/', 'blocked_private'],
    ['http://172.31.255.255/', 'blocked_private'],
    ['http://192.168.1.1/admin', 'blocked_private'],
    ['http://169.254.169.254/latest/meta-data/', 'blocked_private'],
    ['http://100.64.0.1/', 'blocked_private'],
    ['http://224.0.0.1/', 'blocked_private'],
    ['http://[::1]/', 'blocked_private'],
    ['http://[::]/', 'blocked_private'],
    ['http://[::ffff:127.0.0.1]/', 'blocked_private'], // IPv4-mapped loopback
    ['http://[::ffff:192.168.0.1]/', 'blocked_private'],
    ['http://[::ffff:c0a8:1]/', 'blocked_private'],
    ['http://[64:ff9b::a00:1]/', 'blocked_private'], // NAT64 of 10.0.0.1
    ['http://[2002:c0a8:101::1]/', 'blocked_private'], // 6to4 of 192.168.1.1
    ['http://[fc00::1]/', 'blocked_private'],
    ['http://[fd12:3456::1]/', 'blocked_private'],
    ['http://[fe80::1]/', 'blocked_private'],
    ['http://printer.local/', 'blocked_private'],
    ['http://build.corp.internal/', 'blocked_private'],
    ['http://nas.home.arpa/', 'blocked_private'],
    ['http://router/', 'blocked_private'],
  ];
  it.each(cases)('%s → %s', (url, expected) => {
    const result = checkSourceUrl(url, PUBLIC_PAGE, { allowPrivate: false });
    expect(result.ok ? 'ok' : result.reason).toBe(expected);
  });

  it.each([
    ['[::a00:1]', 'private'], // IPv4-compatible 10.0.0.1
    ['[::7f00:1]', 'loopback'], // IPv4-compatible 127.0.0.1
    ['[64:ff9b::7f00:1]', 'loopback'], // NAT64 of 127.0.0.1
    ['[2002:808:808::1]', 'public'], // 6to4 of 8.8.8.8
    ['[::ffff:0:a00:1]', 'private'], // translated 10.0.0.1
    ['[::ffff:0:7f00:1]', 'loopback'], // translated 127.0.0.1
    ['[::ffff:0:808:808]', 'public'], // translated 8.8.8.8
    ['[64:ff9b:1::a00:1]', 'private'], // local-use NAT64
    ['[64:ff9b:1:ffff::1]', 'private'],
    ['[2001:0:4136:e378:8000:63bf:3fff:fdd2]', 'private'], // Teredo
    ['[2001::1]', 'private'],
    ['[2001:1::1]', 'public'],
    ['[fec0::1]', 'private'],
    ['[ff02::1]', 'private'],
    ['[2001:db8::1]', 'private'],
    ['[2001:db9::1]', 'public'],
    ['[not-an-address]', 'private'],
    ['198.19.255.255', 'private'],
    ['198.20.0.1', 'public'],
    ['192.0.0.8', 'private'],
    ['192.0.2.1', 'public'],
    ['223.255.255.255', 'public'],
    ['255.255.255.255', 'private'],
    ['0.1.2.3', 'loopback'],
  ])('classifies %s as %s', (host, expected) => {
    expect(classifyHost(host)).toBe(expected);
  });

  it('keeps public addresses just outside the private ranges', () => {
    for (const host of ['172.15.255.255', '172.32.0.1', '192.169.0.1', '100.128.0.1', '11.0.0.1', '169.255.0.1']) {
      expect(checkSourceUrl(`http://${host}/`, PUBLIC_PAGE, { allowPrivate: false }).ok, host).toBe(true);
    }
  });

  it('drops credentials written into the URL', () => {
    const result = checkSourceUrl('https://user:secret@example.org/x', PUBLIC_PAGE, { allowPrivate: false });
    expect(result.ok && result.url.href).toBe('https://example.org/x');
  });
});

describe('checkSourceUrl: pages off the public internet', () => {
  it('lets an article on loopback cite loopback sources (local testing), but not the private network', () => {
    expect(checkSourceUrl('http://127.0.0.1:9000/a.html', LOOPBACK_PAGE, { allowPrivate: false }).ok).toBe(true);
    expect(checkSourceUrl('http://localhost:9000/a.html', LOOPBACK_PAGE, { allowPrivate: false }).ok).toBe(true);
    expect(checkSourceUrl('http://[::1]:9000/', 'http://localhost/', { allowPrivate: false }).ok).toBe(true);
    const privateTarget = checkSourceUrl('http://192.168.1.1/', LOOPBACK_PAGE, { allowPrivate: false });
    expect(privateTarget.ok ? 'ok' : privateTarget.reason).toBe('blocked_private');
  });

  it('lets an intranet article cite intranet sources, but not the reader’s own machine', () => {
    expect(checkSourceUrl('http://10.9.9.9/doc', PRIVATE_PAGE, { allowPrivate: false }).ok).toBe(true);
    const loopback = checkSourceUrl('http://127.0.0.1/', PRIVATE_PAGE, { allowPrivate: false });
    expect(loopback.ok ? 'ok' : loopback.reason).toBe('blocked_private');
  });

  it('treats a page that is not on http(s) like a public page', () => {
    const fromFile = checkSourceUrl('http://127.0.0.1/', 'file:///home/me/a.html', { allowPrivate: false });
    expect(fromFile.ok ? 'ok' : fromFile.reason).toBe('blocked_private');
    const fromGarbage = checkSourceUrl('http://127.0.0.1/', 'not a url', { allowPrivate: false });
    expect(fromGarbage.ok ? 'ok' : fromGarbage.reason).toBe('blocked_private');
  });

  it('allows every private and loopback address when the reader turns the option on', () => {
    for (const url of ['http://127.0.0.1/', 'http://192.168.1.1/', 'http://printer.local/', 'http://[fe80::1]/']) {
      expect(checkSourceUrl(url, PUBLIC_PAGE, { allowPrivate: true }).ok, url).toBe(true);
    }
    const scheme = checkSourceUrl('file:///etc/passwd', PUBLIC_PAGE, { allowPrivate: true });
    expect(scheme.ok ? 'ok' : scheme.reason).toBe('blocked_scheme');
  });
});

describe('classifyHost', () => {
  it.each([
    ['example.com', 'public'],
    ['127.0.0.1', 'loopback'],
    ['[::1]', 'loopback'],
    ['[::ffff:7f00:1]', 'loopback'],
    ['[::7f00:1]', 'loopback'],
    ['10.0.0.1', 'private'],
    ['[fe80::1]', 'private'],
    ['[not-an-address]', 'private'],
    ['localhost', 'loopback'],
    ['intranet', 'private'],
  ] as const)('%s is %s', (host, expected) => {
    expect(classifyHost(host)).toBe(expected);
  });
});

describe('normalizeUrl', () => {
  it.each([
    ['https://Example.COM/a/b?x=1#section', 'https://example.com/a/b?x=1'],
    ['https://example.com:443/a', 'https://example.com/a'],
    ['http://example.com', 'http://example.com/'],
    ['https://example.com/a?utm_source=x&id=7&fbclid=abc', 'https://example.com/a?id=7'],
    ['https://example.com/a?utm_medium=email', 'https://example.com/a'],
    ['https://user:pw@example.com./p', 'https://example.com/p'],
    ['https://example.com/A/B/', 'https://example.com/A/B/'],
    ['https://example.com/a?b=2&a=1', 'https://example.com/a?b=2&a=1'],
  ])('%s → %s', (input, expected) => {
    expect(normalizeUrl(input)).toBe(expected);
  });

  it('returns null for what is not an absolute URL', () => {
    expect(normalizeUrl('nope')).toBeNull();
    expect(normalizeUrl('/a/b')).toBeNull();
  });
});

describe('isSelfCitation', () => {
  it('flags a source that is the article itself, whatever its fragment', () => {
    expect(isSelfCitation('https://blog.example/post#ref-3', 'https://blog.example/post')).toBe(true);
    expect(isSelfCitation('https://BLOG.example/post?utm_source=feed', 'https://blog.example/post#top')).toBe(true);
  });
  it('does not flag another page of the same site', () => {
    expect(isSelfCitation('https://blog.example/other', 'https://blog.example/post')).toBe(false);
    expect(isSelfCitation('not a url', 'not a url')).toBe(false);
  });
});
