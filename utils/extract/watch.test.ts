import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BADGE_TAG, citationsKey, extractCitations, hasCitationHints, locateCitations, watchCitations } from '@/utils/extract';
import { loadIntoWindow, parseHtml } from '../../tests/helpers/extract';

const url = 'https://example.org/late/';
// The debounce runs on faked timers and clock: a loaded machine must not stretch a 5 ms gap past
// the 30 ms debounce.
const wait = (ms: number) => vi.advanceTimersByTimeAsync(ms);

const PAGE = `<html><head><title>Late page</title></head><body><main id="app"><p>Loading…</p></main></body></html>`;
const CONTENT = `<p>The river rose by two metres overnight.[1] Roads were closed.[2]</p>
<h2>Sources</h2><ol><li><a href="https://river.example/levels">River levels</a></li><li><a href="https://roads.example/closures">Closures</a></li></ol>`;

describe('watching a page that loads late', () => {
  let stop = new AbortController();
  beforeEach(() => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] }));
  afterEach(() => {
    stop.abort();
    vi.useRealTimers();
  });

  it('calls back once, after the page has been quiet for the debounce period', async () => {
    const doc = loadIntoWindow(PAGE);
    expect(hasCitationHints(doc)).toBe(false);
    stop = new AbortController();
    let calls = 0;
    watchCitations(doc, () => calls++, stop.signal, 30);
    const app = doc.getElementById('app')!;
    for (let i = 0; i < 5; i++) {
      app.appendChild(doc.createElement('span'));
      await wait(5);
    }
    app.innerHTML = CONTENT;
    expect(calls).toBe(0);
    await wait(120);
    expect(calls).toBe(1);
    expect(hasCitationHints(doc)).toBe(true);
    expect(extractCitations(doc, url).claims.map((c) => c.text)).toEqual(['The river rose by two metres overnight.', 'Roads were closed.']);
  });

  it("ignores changes made inside Citecheck's own badge hosts", async () => {
    const doc = loadIntoWindow(`<html><body>${CONTENT}</body></html>`);
    stop = new AbortController();
    let calls = 0;
    watchCitations(doc, () => calls++, stop.signal, 20);
    const { anchors } = locateCitations(doc, url);
    for (const range of anchors.values()) {
      const badge = doc.createElement(BADGE_TAG);
      badge.textContent = 'checking';
      range.collapse(false);
      range.insertNode(badge);
    }
    await wait(10);
    for (const badge of Array.from(doc.getElementsByTagName(BADGE_TAG))) badge.textContent = 'supported [1]';
    await wait(80);
    expect(calls).toBe(0);
    doc.body.appendChild(doc.createElement('p'));
    await wait(80);
    expect(calls).toBe(1);
  });

  it('stops calling back once aborted', async () => {
    const doc = loadIntoWindow(PAGE);
    stop = new AbortController();
    let calls = 0;
    watchCitations(doc, () => calls++, stop.signal, 20);
    doc.body.appendChild(doc.createElement('p'));
    stop.abort();
    await wait(60);
    doc.body.appendChild(doc.createElement('p'));
    await wait(60);
    expect(calls).toBe(0);
  });
});

describe('badges and re-scans', () => {
  it('text inside badge hosts is never page text: a badged page extracts the same', () => {
    const doc = loadIntoWindow(`<html><head><title>T</title></head><body>${CONTENT}</body></html>`);
    const before = locateCitations(doc, url);
    for (const range of before.anchors.values()) {
      const badge = doc.createElement(BADGE_TAG);
      badge.textContent = 'unsupported [2] according to x.example, nothing.';
      range.collapse(false);
      range.insertNode(badge);
    }
    expect(doc.getElementsByTagName(BADGE_TAG)).toHaveLength(2);
    const after = extractCitations(doc, url);
    expect(after).toEqual(before.citations);
    expect(citationsKey(after)).toBe(citationsKey(before.citations));
  });

  it('citationsKey is stable for the same citations and changes with a claim or a source', () => {
    const html = `<html><head><title>T</title></head><body>${CONTENT}</body></html>`;
    const a = extractCitations(parseHtml(html), url);
    const b = extractCitations(parseHtml(html), url);
    expect(citationsKey(a)).toBe(citationsKey(b));
    const changedClaim = extractCitations(parseHtml(html.replace('two metres', 'three metres')), url);
    expect(citationsKey(changedClaim)).not.toBe(citationsKey(a));
    const changedSource = extractCitations(parseHtml(html.replace('https://roads.example/closures', 'https://roads.example/other')), url);
    expect(citationsKey(changedSource)).not.toBe(citationsKey(a));
  });
});
