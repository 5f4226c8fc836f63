// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { cleanup, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Report } from '../../../utils/report/schema';
import { sanitizeSourceHtml } from '../../../utils/reader/sanitize';
import { blockText } from '../../../utils/sources/read';
import { App, type ReaderApi } from '../App';

const hostile = readFileSync(path.resolve(import.meta.dirname, '../../../tests/fixtures/sources/hostile-reader.html'), 'utf8');
const URL_ = 'https://example.org/canal/spring.html';

/** The hostile page's body as its text and its cached (sanitised) HTML. */
function cachedView(html = sanitizeSourceHtml(hostile)) {
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  return { url: URL_, title: 'Canal water quality in spring', fetchedAt: Date.UTC(2026, 0, 5), text: blockText(parsed.body), html, truncated: false };
}

function reportFor(text: string, passages: string[]): Report {
  const range = (p: string) => {
    const start = text.indexOf(p);
    if (start === -1) throw new Error(`not in the text: ${p}`);
    return { start, end: start + p.length };
  };
  const evidence = (p: string) => ({ sourceId: 's1', text: p, ...range(p), score: 0.8, matched: [], missing: [], conflicts: [] });
  return {
    url: 'https://blog.example/a', title: 'A', checkedAt: '2026-01-05T00:00:00Z', state: 'done',
    sources: [{ id: 's1', url: URL_, status: 'ok' } as Report['sources'][number]],
    claims: [
      {
        id: 'c1', text: 'The canal is healthy', markers: [], sourceIds: ['s1'], verdict: 'partial', score: 0.6,
        evidence: [evidence(passages[0])],
        parts: passages.slice(1).map((p) => ({ text: p, stated: true, evidence: evidence(p) })),
      } as Report['claims'][number],
    ],
  };
}

const api = (report: Report, view: ReturnType<typeof cachedView>): ReaderApi => ({
  getReport: async () => report,
  readSource: async (url) => (url === URL_ ? view : null),
});

const target = { tabId: 3, claimId: 'c1', sourceId: 's1' };
let scrolled: Element[] = [];

beforeEach(() => {
  scrolled = [];
  Element.prototype.scrollIntoView = vi.fn(function (this: Element) {
    scrolled.push(this);
  });
});
afterEach(() => {
  cleanup();
  delete document.documentElement.dataset.hostileRan;
});

describe('reader view of an HTML source', () => {
  it('shows the sanitised HTML with the passage marked across its emphasis and link, scrolled to it', async () => {
    const view = cachedView();
    const passage = 'Dissolved oxygen stayed above seven milligrams per litre at every point, a level the board calls healthy for fish,';
    const part = 'Coliform counts were lowest in the upper basin';
    render(<App target={target} api={api(reportFor(view.text, [passage, part]), view)} />);
    const article = await screen.findByTestId('reader-html');
    await waitFor(() => expect(article.querySelector('mark')).not.toBeNull());
    const evidenceMarks = [...article.querySelectorAll('mark[data-kind="evidence"]')];
    expect(evidenceMarks.map((m) => m.textContent).join('').replace(/\s+/g, ' ')).toBe(passage);
    expect(article.querySelector('strong mark')?.textContent).toBe('seven milligrams per litre');
    expect(article.querySelector('mark[data-kind="part"]')?.textContent?.replace(/\s+/g, ' ')).toBe(part);
    expect(scrolled[0]).toBe(evidenceMarks[0]);
    // The formatting is the source's structure: a table, an emphasis, a safe link.
    expect(article.querySelector('th')?.textContent).toBe('Station');
    expect(article.querySelector('a[href="https://example.org/canal/report"]')?.getAttribute('rel')).toBe('noopener noreferrer');
    expect(article.querySelectorAll('script,style,img,svg,iframe,object,embed,form,[style],[src],[srcset]').length).toBe(0);
    expect(document.documentElement.dataset.hostileRan).toBeUndefined();
    expect(screen.queryByTestId('reader-fallback')).toBeNull();
  });

  it('sanitises again what the cache gives, even if a stored entry was not', async () => {
    const view = cachedView();
    const tampered = { ...view, html: hostile };
    render(<App target={target} api={api(reportFor(view.text, ['Coliform counts were lowest in the upper basin']), tampered)} />);
    const article = await screen.findByTestId('reader-html');
    for (const el of article.querySelectorAll('*')) el.dispatchEvent(new Event('click'));
    expect(article.querySelectorAll('script,style,img,svg,iframe,meta,base,link,[onclick],[onload],[style]').length).toBe(0);
    expect(document.documentElement.dataset.hostileRan).toBeUndefined();
  });

  it('falls back to the plain text, passage marked, when the passage is not in the HTML', async () => {
    const view = cachedView('<p>Some other page entirely, whose words do not hold the passage.</p>');
    const text = `${view.text}\n\nThe passage only the text has.`;
    render(<App target={target} api={api(reportFor(text, ['The passage only the text has.']), { ...view, text })} />);
    const mark = await screen.findByTestId('reader-passage');
    expect(mark.textContent).toBe('The passage only the text has.');
    expect(mark.closest('[data-testid="reader-text"]')).not.toBeNull();
    expect(screen.queryByTestId('reader-html')).toBeNull();
    expect(screen.getByTestId('reader-fallback').textContent).toContain('plain text');
    expect(scrolled[0]).toBe(mark);
  });

  it('shows a source without HTML (a PDF, a text) as text, with no fallback note', async () => {
    const { html: _html, ...view } = cachedView();
    render(<App target={target} api={api(reportFor(view.text, ['Coliform counts were lowest']), view as ReturnType<typeof cachedView>)} />);
    const mark = await screen.findByTestId('reader-passage');
    expect(mark.closest('[data-testid="reader-text"]')).not.toBeNull();
    expect(screen.getByTestId('reader-text').querySelectorAll('*:not(mark)').length).toBe(0);
    expect(screen.queryByTestId('reader-fallback')).toBeNull();
  });
});
