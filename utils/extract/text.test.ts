import { describe, expect, it } from 'vitest';
import { domainOf, inPageFragment, readHref, resolveHttpUrl } from '@/utils/extract/text';

/** What the URL parser says, with no shortcut: the meaning the fast paths must keep. */
function parsed(href: string, base: string): string | undefined {
  const trimmed = href.trim();
  if (!trimmed || trimmed.startsWith('#')) return undefined;
  try {
    const url = new URL(trimmed, base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

function parsedHost(url: string): string {
  try {
    return new URL(url).hostname.toLowerCase().replace(/^www\./, '');
  } catch {
    return '';
  }
}

const BASE = 'https://news.example.org/section/story';

/** Addresses the parser rewrites (case, ports, dot segments, IP numbers, escapes, punycode) next to ones it keeps. */
const HOSTS = ['example.org', 'www.example.org', 'EXAMPLE.org', 'ex-ample.co.uk', 'example.org.', '127.0.0.1', '0x7f.1', '1.2.3', 'a.b.0x10', 'xn--nxasmq6b.com', 'xn--a.com', 'bücher.de', 'a..b', 'a_b.org', 'example.org:443', 'example.org:80', 'user@example.org', '[::1]', 'x'];
const PATHS = ['', '/', '/a/b', '/a/./b', '/a/../b', '/a/.', '/a/..', '/%2e%2E/x', '/a%20b', '/a b', '/ä', "/it's", '/a|b', '/a^b', '/{x}', '/a\\b', '/a`b', '/%zz', '/.hidden', '/a/..b'];
const TAILS = ['', '?', '?q=1&r=2', "?q='x'", '?q=a b', '?q=<x>', '?q=ä', '#', '#top', '#a#b', '#a b', "#it's", '?q#f', '#%41'];
const SCHEMES = ['https://', 'http://', 'HTTP://', 'ftp://', 'https:/', 'https:', '//'];

function* addresses(): Generator<string> {
  for (const scheme of SCHEMES) for (const host of HOSTS) for (const path of PATHS) for (const tail of TAILS) yield `${scheme}${host}${path}${tail}`;
  yield* ['  https://example.org/a  ', '\thttps://example.org/\n', 'javascript:alert(1)', 'data:text/html,x', 'mailto:a@example.org', '/relative/path', 'relative', '#cite_note-2', '?page=2', '', ' '];
}

describe('links read without a parse where the parser would change nothing', () => {
  it('resolveHttpUrl gives what the URL parser gives, for every address of the grid', () => {
    let checked = 0;
    for (const href of addresses()) {
      expect(resolveHttpUrl(href, BASE), href).toBe(parsed(href, BASE));
      checked++;
    }
    expect(checked).toBeGreaterThan(10_000);
  });

  it('resolveHttpUrl resolves protocol-relative links as the parser does, against other bases', () => {
    // The base's scheme is what a "//host/path" link takes; a base that does not parse gives nothing.
    for (const base of ['http://plain.example.org/a', 'https://secure.example.org/', 'file:///home/x.html', 'not a url', 'https://[bad/']) {
      for (const href of addresses()) if (href.startsWith('//')) expect(resolveHttpUrl(href, base), `${href} against ${base}`).toBe(parsed(href, base));
    }
  });

  it('domainOf gives the parser’s host, for every address of the grid', () => {
    for (const href of addresses()) expect(domainOf(href), href).toBe(parsedHost(href));
  });

  it('readHref agrees with inPageFragment and resolveHttpUrl together', () => {
    const own = new Set(['https://news.example.org/section/story', 'https://example.org/a/b']);
    for (const href of [...addresses(), 'https://example.org/a/b#cite_note-3', '//example.org/a/b#cite_note-3', 'https://EXAMPLE.org/a/b#x', 'https://example.org/a/./b#x', '#x', '#', ' #x']) {
      const fragment = inPageFragment(href, own, BASE);
      const target = readHref(href, own, BASE);
      if (fragment !== undefined) {
        expect(target, href).toEqual({ fragment });
        continue;
      }
      const url = resolveHttpUrl(href, BASE);
      expect(target, href).toEqual(url === undefined ? undefined : { url, host: parsedHost(url) });
    }
  });
});
