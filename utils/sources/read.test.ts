// @vitest-environment jsdom
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { blockText, readDocument, readText, toIsoDate } from './read';
import { unreadableReason } from './walls';
import { fixture } from '../../tests/helpers/source-server';

const URL_ = 'https://source.example/page';
const parse = (html: string) => new JSDOM(html, { url: URL_ }).window.document;
const read = (name: string) => readDocument(parse(fixture(name)));

describe('readDocument', () => {
  it('keeps the article text, title, byline and date, and drops navigation and footer', () => {
    const source = read('article.html');
    expect(source.title).toBe('Harbour town doubles its tidal turbine output');
    expect(source.byline).toMatch(/Maren Holt/);
    expect(source.published).toBe('2024-03-18T09:30:00.000Z');
    expect(source.text).toContain('41 gigawatt hours of electricity');
    expect(source.text).toContain('pay for themselves within fourteen years');
    expect(source.text).not.toContain('Newsletter');
    expect(source.text).not.toContain('Copyright');
    expect(source.paywall).toBeUndefined();
    expect(unreadableReason(source, false)).toBeNull();
  });

  it('separates paragraphs by a blank line', () => {
    const paragraphs = read('article.html').text.split('\n\n');
    expect(paragraphs.length).toBeGreaterThanOrEqual(5);
    expect(paragraphs.some((p) => p.startsWith('The increase came from four new turbines'))).toBe(true);
    expect(paragraphs.every((p) => p === p.trim() && !/\s{2,}/.test(p))).toBe(true);
  });

  it('never counts words of the source’s own reference list', () => {
    const source = read('references.html');
    expect(source.text).toContain('placing hives on the library roof');
    for (const word of ['Lindqvist', 'Rooftop colonies', 'Pesticide exposure', 'harmonic radar', 'References', 'Further reading']) {
      expect(source.text).not.toContain(word);
    }
  });

  it('drops encyclopedia reference lists, footnote markers and external links', () => {
    const source = read('wiki-refs.html');
    expect(source.text).toContain('The Skelvik tidal array is a group of underwater turbines');
    expect(source.text).toContain('fish processing plant');
    for (const word of ['Volcanic eruption', 'penguin migration', 'glacier museum', '[1]', '[edit]']) {
      expect(source.text).not.toContain(word);
    }
  });

  it('does not modify the document it reads', () => {
    const doc = parse(fixture('references.html'));
    const before = doc.documentElement.outerHTML;
    readDocument(doc);
    expect(doc.documentElement.outerHTML).toBe(before);
  });

  it.each([
    ['paywall.html', 'a subscription wall'],
    ['login.html', 'a login form'],
    ['cookie-wall.html', 'a cookie wall'],
  ])('recognises %s (%s) as a paywall', (name) => {
    const source = read(name);
    expect(source.paywall).toBe(true);
    expect(unreadableReason(source, false)).toBe('paywall');
  });

  it('recognises a wall declared in JSON-LD on a short page', () => {
    const html = `<html><head><script type="application/ld+json">{"@type":"NewsArticle","isAccessibleForFree":"False"}</script></head>
      <body><article><h1>Port strike enters second week</h1><p>Dockworkers at the southern terminal stayed out for an eighth day on Tuesday as talks stalled.</p></article></body></html>`;
    expect(readDocument(parse(html)).paywall).toBe(true);
  });

  it('does not call a long article with a subscribe footer a paywall', () => {
    const long = Array.from({ length: 60 }, (_, i) => `<p>Paragraph ${i} of the long report on regional rail describes the timetable and its delays in detail.</p>`).join('');
    const html = `<html><body><article><h1>Rail report</h1>${long}</article><div class="promo">Subscribe to continue reading our newsletter. Already a subscriber? Sign in.</div></body></html>`;
    expect(readDocument(parse(html)).paywall).toBeUndefined();
  });

  it('does not call a short free article a paywall for its header login box', () => {
    const body = Array.from({ length: 12 }, (_, i) => `<p>Sentence group ${i}: the district council approved the new cycle lanes along the river road after a long debate.</p>`).join('');
    const html = `<html><body><header><a href="/login">Already a subscriber? Sign in to continue</a><div class="paywall-modal" hidden><input type="password"></div></header>
      <article><h1>Cycle lanes approved</h1>${body}</article></body></html>`;
    const source = readDocument(parse(html));
    expect(source.text).toContain('approved the new cycle lanes');
    expect(source.paywall).toBeUndefined();
  });

  it.each([
    ['empty.html', 'empty'],
    ['loading-only.html', 'empty'],
    ['js-app.html', 'js_required'],
    ['app-shell.html', 'js_required'],
  ])('names %s as %s', (name, reason) => {
    expect(unreadableReason(read(name), false)).toBe(reason);
  });

  it('walks a nesting deeper than the call stack without recursion', () => {
    // Built as plain node-like objects: jsdom itself overflows building such a tree.
    type FakeNode = { nodeType: number; tagName?: string; data?: string; lastChild: FakeNode | null; previousSibling: FakeNode | null };
    const text: FakeNode = { nodeType: 3, data: 'Deep text that still counts.', lastChild: null, previousSibling: null };
    let node: FakeNode = { nodeType: 1, tagName: 'P', lastChild: text, previousSibling: null };
    for (let i = 0; i < 200_000; i++) node = { nodeType: 1, tagName: 'DIV', lastChild: node, previousSibling: null };
    expect(blockText(node as unknown as Node)).toBe('Deep text that still counts.');
  });
});

describe('readText', () => {
  it('reads HTML through the given parser and plain text as is, paragraph by paragraph', () => {
    const html = readText(fixture('article.html'), 'text/html', parse);
    expect(html.text).toContain('41 gigawatt hours');
    const xhtml = readText(fixture('article.html'), 'application/xhtml+xml', parse);
    expect(xhtml.text).toContain('41 gigawatt hours');
    const plain = readText(fixture('plain.txt'), 'text/plain', () => {
      throw new Error('plain text is never parsed as HTML');
    });
    expect(plain.text.split('\n\n')).toEqual([
      'Field notes, lighthouse survey, week 12',
      "The keeper's log records 212 ships passing the northern light between March and May, most of them coastal freighters bound for the grain port.",
      'Fog closed the channel on nine days. On each of those days the horn sounded at the regulation interval of thirty seconds, and no ship was reported aground.',
    ]);
  });

  it('shows markup in a text/plain body as text, never as elements', () => {
    const plain = readText('<script>alert(1)</script> The report lists eleven stations along the coast line.', 'text/plain', parse);
    expect(plain.text).toContain('<script>alert(1)</script>');
  });
});


describe('toIsoDate', () => {
  it.each([
    ['2021-05-04', '2021-05-04'],
    ['2021-05-04T10:00:00+02:00', '2021-05-04T08:00:00.000Z'],
    ['not a date', undefined],
    ['', undefined],
    [undefined, undefined],
  ])('%s → %s', (input, expected) => {
    expect(toIsoDate(input)).toBe(expected);
  });
});
