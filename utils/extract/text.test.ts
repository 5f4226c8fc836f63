import { describe, expect, it } from 'vitest';
import { domainOf, inPageFragment, normalizeSpace, pageAddresses, readHref, resolveHttpUrl, tidyClaim } from '@/utils/extract/text';
import { parseHtml } from '../../tests/helpers/extract';

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

/** Every string of up to `length` characters over `alphabet`. */
function* strings(alphabet: readonly string[], length: number): Generator<string> {
  yield '';
  if (length === 0) return;
  for (const rest of strings(alphabet, length - 1)) for (const ch of alphabet) yield ch + rest;
}

/** Every code unit JavaScript's \s matches, and neighbours of the ranges that it does not. */
const SPACES = ['\t', '\n', '\v', '\f', '\r', ' ', '\u00a0', '\u1680', '\u2000', '\u200a', '\u2028', '\u2029', '\u202f', '\u205f', '\u3000', '\ufeff'];
const NOT_SPACES = ['\u0008', '\u000e', '\u00a1', '\u1fff', '\u200b', '\u2027', '\u202a', '\u205e', '\u3001', '\ufefe'];

/** tidyClaim's clean-ups as patterns run one after another, with no shortcut: the meaning its fast path keeps. */
function patternTidy(text: string): string {
  let tidy = text.replace(/\s+/g, ' ').trim();
  tidy = tidy.replace(/\s*\(\s*[,;]?\s*\)/g, '').replace(/\s*[,;]\s*\)/g, ')').replace(/\(\s*[,;]\s*/g, '(').replace(/\s+([,;])/g, '$1');
  tidy = tidy.replace(/\s+/g, ' ').trim();
  tidy = tidy.replace(/^[\s,;:.)\]–—-]+/, '').replace(/[\s,;:(\[–—-]+$/, '').replace(/\s+\.$/, '.');
  return tidy.trim();
}

describe('normalizeSpace and tidyClaim keep what their patterns give', () => {
  it('normalizeSpace collapses and trims exactly as the pattern does', () => {
    let checked = 0;
    for (const s of strings(['a', ' ', ' ', '\u00a0', '\n', '\u2009'], 6)) {
      expect(normalizeSpace(s), JSON.stringify(s)).toBe(s.replace(/\s+/g, ' ').trim());
      checked++;
    }
    for (const ch of [...SPACES, ...NOT_SPACES]) {
      for (const s of [ch, `a${ch}b`, `a ${ch}b`, `${ch}a`, `a${ch}`, `a${ch}${ch}b`]) expect(normalizeSpace(s), JSON.stringify(s)).toBe(s.replace(/\s+/g, ' ').trim());
    }
    expect(checked).toBeGreaterThan(50_000);
  });

  it('tidyClaim leaves a tidy claim as it is and still cleans what a removed citation leaves', () => {
    expect(tidyClaim('New Zealand has a population of 5 million.')).toBe('New Zealand has a population of 5 million.');
    expect(tidyClaim('Population\u00a05 million')).toBe('Population 5 million');
    expect(tidyClaim('first (Yasunaga et al. 2023) .')).toBe('first (Yasunaga et al. 2023).');
    expect(tidyClaim('first .')).toBe('first.');
    expect(tidyClaim('shown ( ; Reason) here')).toBe('shown (Reason) here');
    expect(tidyClaim('robustness ; this holds')).toBe('robustness; this holds');
    expect(tidyClaim(', and more')).toBe('and more');
    expect(tidyClaim('more –')).toBe('more');
    let checked = 0;
    for (const s of strings(['a', ' ', ',', '.', '(', ')', '-', '\u00a0', '\n'], 5)) {
      expect(tidyClaim(s), JSON.stringify(s)).toBe(patternTidy(s));
      checked++;
    }
    expect(checked).toBeGreaterThan(50_000);
  });
});

describe('pageAddresses', () => {
  /** A saved page: served from a local address, its own links spelled with its original one. */
  function savedPage(linksBefore: number): string {
    const styles = Array.from({ length: linksBefore }, (_, i) => `<link rel="stylesheet" href="/static/s${i}.css">`).join('');
    return `<html><head><title>Ferry</title>${styles}<link rel="preload" href="/font.woff2" as="font"><link rel="Canonical" href="https://en.wikipedia.org/wiki/Ferry"></head><body>
      <div class="mw-parser-output"><p>The night ferry carried 18,400 passengers in its first year.<sup id="cite_ref-1" class="reference"><a href="https://en.wikipedia.org/wiki/Ferry#cite_note-1">[1]</a></sup></p>
      <h2>References</h2><ol class="references"><li id="cite_note-1"><span class="reference-text"><a class="external text" href="https://harbour.example.org/ferry-2020.html">"Night ferry figures"</a>. Harbour Authority. 2020.</span></li></ol></div></body></html>`;
  }
  const SAVED_AT = 'http://127.0.0.1:8080/saved/ferry.html';

  it.each([0, 49, 120])('reads the canonical link after %i other <link> elements', (count) => {
    const doc = parseHtml(savedPage(count));
    const addresses = pageAddresses(doc, SAVED_AT, SAVED_AT);
    expect([...addresses].sort()).toEqual([SAVED_AT, 'https://en.wikipedia.org/wiki/Ferry'].sort());
    expect(inPageFragment('https://en.wikipedia.org/wiki/Ferry#cite_note-1', addresses, SAVED_AT)).toBe('cite_note-1');
  });

  it('reads rel as words: "canonicalx" is not canonical, "alternate canonical" is', () => {
    const doc = parseHtml(`<html><head><link rel="canonicalx" href="https://a.example/x"><link rel="alternate canonical" href="https://b.example/y#top"></head><body></body></html>`);
    expect([...pageAddresses(doc, SAVED_AT, SAVED_AT)].sort()).toEqual([SAVED_AT, 'https://b.example/y'].sort());
  });
});
