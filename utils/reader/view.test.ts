import { describe, expect, it } from 'vitest';
import { parseAnswer } from '../messages';
import { PROTOCOL } from '../protocol';
import type { CachedSource } from '../sources/cache';
import { READER_HTML_MAX_CHARS } from './limits';
import { parseReaderQuery, readerUrl, toSourceView } from './view';

const cached: CachedSource = {
  key: 'https://example.org/report.pdf',
  url: 'https://example.org/report.pdf',
  status: 'ok',
  truncated: false,
  hash: 'a'.repeat(64),
  fetchedAt: 1_700_000_000_000,
  lastUsed: 1_700_000_000_000,
  bytes: 20,
  text: 'Page one.\nPage two.',
  pages: [0, 10],
  pageCount: 2,
  readFrom: 'archive',
  archiveUrl: 'https://web.archive.org/web/20210602101500/https://example.org/report.pdf',
  archivedAt: '2021-06-02T10:15:00.000Z',
};

describe('reader address', () => {
  it('round-trips the tab, claim and source, whatever characters the ids hold', () => {
    const target = { tabId: 42, claimId: 'c 7&x', sourceId: 's/1?' };
    const url = readerUrl(target);
    expect(url.startsWith('/reader.html?')).toBe(true);
    expect(parseReaderQuery(url.slice(url.indexOf('?')))).toEqual(target);
  });

  it('refuses an address missing a part or with a malformed tab', () => {
    expect(parseReaderQuery('?tab=1&claim=c1')).toBeNull();
    expect(parseReaderQuery('?tab=-1&claim=c1&source=s1')).toBeNull();
    expect(parseReaderQuery('?tab=1e3&claim=c1&source=s1')).toBeNull();
  });
});

describe('read-source answer', () => {
  it('carries the cached text, pages and archive date, and passes the call’s schema', () => {
    const view = toSourceView(cached);
    expect(view).toMatchObject({ text: cached.text, pages: [0, 10], readFrom: 'archive', archivedAt: '2021-06-02T10:15:00.000Z' });
    expect(parseAnswer(PROTOCOL['read-source'], { ok: true, value: view })).toEqual(view);
  });

  it('carries an HTML source’s sanitised HTML, and refuses one past the bound', () => {
    const html = { ...cached, pages: undefined, pageCount: undefined, html: '<p>Reader <em>HTML</em>.</p>' };
    const view = toSourceView(html);
    expect(view?.html).toBe('<p>Reader <em>HTML</em>.</p>');
    expect(parseAnswer(PROTOCOL['read-source'], { ok: true, value: view })).toEqual(view);
    expect(toSourceView(cached)).not.toHaveProperty('html');
    expect(() => parseAnswer(PROTOCOL['read-source'], { ok: true, value: { ...view, html: 'x'.repeat(READER_HTML_MAX_CHARS + 1) } })).toThrow(/unexpected answer/);
  });

  it('has nothing for a miss or a cached failure', () => {
    expect(toSourceView(null)).toBeNull();
    expect(toSourceView({ ...cached, status: 'unavailable', reason: 'paywall' })).toBeNull();
  });

  it('rejects an answer without its text', () => {
    const { text: _text, ...withoutText } = toSourceView(cached)!;
    expect(() => parseAnswer(PROTOCOL['read-source'], { ok: true, value: withoutText })).toThrow(/unexpected answer/);
  });
});
