import { describe, expect, it } from 'vitest';
import type { PageCitations } from './extract/types';
import { FinishedReportSchema, type Report } from './report/schema';
import type { LoadOptions, SourceLoader, SourceOutcome } from './sources/types';
import { initialReport, verifyCitations } from './verify';

const FETCHED_AT = '2026-01-01T00:00:00.000Z';

function page(claims: Array<{ text: string; sourceIds: string[] }>, sourceCount: number): PageCitations {
  return {
    url: 'http://127.0.0.1:8000/article.html',
    title: 'Article',
    claims: claims.map((c, i) => ({
      id: `c${i + 1}`,
      text: c.text,
      markers: c.sourceIds.length ? c.sourceIds.map((id) => `[Source ${id.slice(1)}]`) : ['[Source 9]'],
      sourceIds: c.sourceIds,
      unlinkedLabels: c.sourceIds.length ? [] : ['Source 9'],
    })),
    sources: Array.from({ length: sourceCount }, (_, i) => ({
      id: `s${i + 1}`,
      label: `Source ${i + 1}`,
      url: `http://127.0.0.1:8000/source-${i + 1}.html`,
      domain: '127.0.0.1',
    })),
    limits: { markersCapped: false, sourcesCapped: false },
  };
}

/** A loader that answers from a table and records what it was asked. */
function tableLoader(table: Record<string, Partial<SourceOutcome> & { ok: boolean }>) {
  const calls: Array<{ url: string; options: LoadOptions }> = [];
  const loader: SourceLoader = {
    async load(url, options) {
      calls.push({ url, options });
      const entry = table[url.split('/').pop()!];
      if (!entry) throw new Error(`unexpected load of ${url}`);
      return entry.ok
        ? ({ url, finalUrl: url, fetchedAt: FETCHED_AT, fromCache: false, truncated: false, text: '', ...entry } as SourceOutcome)
        : ({ url, fetchedAt: FETCHED_AT, fromCache: false, reason: 'network', ...entry } as SourceOutcome);
    },
  };
  return { loader, calls };
}

const TREES = 'Blocks lined with mature street trees were up to 4 degrees Celsius cooler in the afternoon than treeless blocks.';

describe('verifyCitations', () => {
  it('a work extraction found unfetchable (no link, a blocked scheme) is passed through, never loaded, and its claim is unavailable', async () => {
    const { loader, calls } = tableLoader({ 'source-3.html': { ok: true, text: TREES } });
    const input = page(
      [
        { text: TREES, sourceIds: ['s1'] },
        { text: TREES, sourceIds: ['s2'] },
        { text: TREES, sourceIds: ['s1', 's3'] },
      ],
      3,
    );
    input.sources[0] = { id: 's1', label: '1', url: '', title: 'A book, 1998. ISBN 9780000000000.', domain: '', status: 'unavailable', reason: 'no_url' };
    input.sources[1] = { id: 's2', label: '2', url: '', domain: '', status: 'unavailable', reason: 'blocked_scheme' };
    const report = await verifyCitations(input, { loader });
    expect(calls.map((c) => c.url)).toEqual(['http://127.0.0.1:8000/source-3.html']);
    expect(report.sources.map((s) => [s.status, s.reason])).toEqual([
      ['unavailable', 'no_url'],
      ['unavailable', 'blocked_scheme'],
      ['ok', undefined],
    ]);
    expect(report.claims.map((c) => c.verdict)).toEqual(['unavailable', 'unavailable', 'supported']);
    expect(FinishedReportSchema.safeParse(report).success).toBe(true);
  });

  it('a claim whose number its source lacks carries that number in the report', async () => {
    const { loader } = tableLoader({ 'source-1.html': { ok: true, text: TREES } });
    const claimText = 'Blocks lined with 2,000 mature street trees were up to 4 degrees Celsius cooler in the afternoon than treeless blocks.';
    const report = await verifyCitations(page([{ text: claimText, sourceIds: ['s1'] }, { text: TREES, sourceIds: ['s1'] }], 1), { loader });
    expect(report.claims[0].absent).toEqual([{ kind: 'number', text: '2,000' }]);
    expect(report.claims[1].absent).toBeUndefined();
    expect(FinishedReportSchema.safeParse(report).success).toBe(true);
  });

  it('a claim whose marker names no listed source is unlinked and nothing is fetched for it', async () => {
    const { loader, calls } = tableLoader({});
    const report = await verifyCitations(page([{ text: TREES, sourceIds: [] }], 0), { loader });
    expect(report.claims[0]).toMatchObject({ verdict: 'unlinked', score: 0, evidence: [] });
    expect(calls).toHaveLength(0);
    expect(FinishedReportSchema.safeParse(report).success).toBe(true);
  });

  it('a 404 source is unavailable with its status, and its claim is unavailable, never a low score', async () => {
    const { loader } = tableLoader({ 'source-1.html': { ok: false, reason: 'http_error', httpStatus: 404 } });
    const report = await verifyCitations(page([{ text: TREES, sourceIds: ['s1'] }], 1), { loader });
    expect(report.sources[0]).toMatchObject({ status: 'unavailable', reason: 'http_error', httpStatus: 404 });
    expect(report.claims[0]).toMatchObject({ verdict: 'unavailable', score: 0, evidence: [] });
  });

  it('a source that reads as empty text is unavailable with reason empty', async () => {
    const { loader } = tableLoader({ 'source-1.html': { ok: true, text: '   ' } });
    const report = await verifyCitations(page([{ text: TREES, sourceIds: ['s1'] }], 1), { loader });
    expect(report.sources[0]).toMatchObject({ status: 'unavailable', reason: 'empty' });
    expect(report.claims[0].verdict).toBe('unavailable');
  });

  it('a source that states the claim supports it, with the passage as evidence', async () => {
    const { loader } = tableLoader({
      'source-1.html': { ok: true, text: `The lab walked forty blocks in July 2023.\n\n${TREES}\n\nYoung trees gave little cooling yet.`, title: 'Street trees' },
    });
    const report = await verifyCitations(page([{ text: TREES, sourceIds: ['s1'] }], 1), { loader });
    expect(report.claims[0].verdict).toBe('supported');
    expect(report.claims[0].evidence[0].text).toContain('4 degrees Celsius cooler');
    expect(report.sources[0]).toMatchObject({ status: 'ok', title: 'Street trees', fetchedAt: FETCHED_AT });
  });

  it('matches a claim against its usable sources when one of several failed', async () => {
    const { loader } = tableLoader({
      'source-1.html': { ok: false, reason: 'timeout' },
      'source-2.html': { ok: true, text: TREES },
    });
    const report = await verifyCitations(page([{ text: TREES, sourceIds: ['s1', 's2'] }], 2), { loader });
    expect(report.claims[0].verdict).toBe('supported');
    expect(report.claims[0].evidence.every((e) => e.sourceId === 's2')).toBe(true);
  });

  it('lists a source nothing cites without fetching it, and the report still counts as finished', async () => {
    const { loader, calls } = tableLoader({ 'source-1.html': { ok: true, text: TREES } });
    const report = await verifyCitations(page([{ text: TREES, sourceIds: ['s1'] }], 2), { loader });
    expect(calls.map((c) => c.url)).toEqual(['http://127.0.0.1:8000/source-1.html']);
    expect(report.sources[1]).toMatchObject({ status: 'pending', cited: false });
    expect(FinishedReportSchema.safeParse(report).success).toBe(true);
  });

  it('reports progress after every source, ending with a finished report', async () => {
    const { loader } = tableLoader({ 'source-1.html': { ok: true, text: TREES }, 'source-2.html': { ok: false, reason: 'pdf' } });
    const updates: Report[] = [];
    await verifyCitations(page([{ text: TREES, sourceIds: ['s1'] }, { text: TREES, sourceIds: ['s2'] }], 2), {
      loader,
      onUpdate: (r) => updates.push(r),
    });
    expect(updates[0].state).toBe('running');
    expect(updates[0].claims.map((c) => c.verdict)).toEqual(['pending', 'pending']);
    expect(updates.at(-1)!.state).toBe('done');
    expect(updates.length).toBe(4);
  });

  it('passes re-check through to the loader as a cache bypass', async () => {
    const { loader, calls } = tableLoader({ 'source-1.html': { ok: true, text: TREES } });
    await verifyCitations(page([{ text: TREES, sourceIds: ['s1'] }], 1), { loader, force: true });
    expect(calls[0].options).toEqual({ pageUrl: 'http://127.0.0.1:8000/article.html', bypassCache: true });
  });

  it('a loader that throws still yields a precise reason, not a crash', async () => {
    const loader: SourceLoader = { load: async () => { throw new Error('boom'); } };
    const report = await verifyCitations(page([{ text: TREES, sourceIds: ['s1'] }], 1), { loader });
    expect(report.sources[0]).toMatchObject({ status: 'unavailable', reason: 'network' });
  });

  it('starts every cited claim as pending and the report as running', () => {
    const report = initialReport(page([{ text: TREES, sourceIds: ['s1'] }, { text: TREES, sourceIds: [] }], 1));
    expect(report.state).toBe('running');
    expect(report.claims.map((c) => c.verdict)).toEqual(['pending', 'unlinked']);
  });
});

describe('verifyCitations: PDFs and archived copies', () => {
  const PAGE_ONE = 'The harbour district council carried out a survey of its street trees in the spring of that year.';
  const PAGE_TWO = 'The survey counted 4,210 street trees in the harbour district, up from 3,650 in the previous survey.';

  it('gives a PDF passage the page it starts on, and the source its page count', async () => {
    const text = `${PAGE_ONE}\n\n${PAGE_TWO}`;
    const { loader } = tableLoader({ 'source-1.html': { ok: true, text, pages: [0, PAGE_ONE.length + 2], pageCount: 2 } });
    const report = await verifyCitations(page([{ text: 'The survey counted 4,210 street trees in the harbour district.', sourceIds: ['s1'] }], 1), { loader });
    expect(report.claims[0].verdict).toBe('supported');
    expect(report.claims[0].evidence[0].page).toBe(2);
    expect(report.sources[0].pageCount).toBe(2);
    expect(FinishedReportSchema.safeParse(report).success).toBe(true);
  });

  it('gives no page to a passage of a web page', async () => {
    const { loader } = tableLoader({ 'source-1.html': { ok: true, text: PAGE_TWO } });
    const report = await verifyCitations(page([{ text: 'The survey counted 4,210 street trees in the harbour district.', sourceIds: ['s1'] }], 1), { loader });
    expect(report.claims[0].evidence[0].page).toBeUndefined();
  });

  it('hands the loader the page’s archived copy and marks a source read from it', async () => {
    const archiveUrl = 'https://web.archive.org/web/20210602101500/http://127.0.0.1:8000/source-1.html';
    const { loader, calls } = tableLoader({
      'source-1.html': { ok: true, text: PAGE_TWO, readFrom: 'archive', archiveUrl, archivedAt: '2021-06-02T10:15:00.000Z' },
    });
    const cited = page([{ text: 'The survey counted 4,210 street trees in the harbour district.', sourceIds: ['s1'] }], 1);
    cited.sources[0].archiveUrl = archiveUrl;
    const report = await verifyCitations(cited, { loader });
    expect(calls[0].options.archiveUrl).toBe(archiveUrl);
    expect(report.sources[0]).toMatchObject({
      url: 'http://127.0.0.1:8000/source-1.html',
      readFrom: 'archive',
      archiveUrl,
      archivedAt: '2021-06-02T10:15:00.000Z',
      status: 'ok',
    });
    expect(report.claims[0].verdict).toBe('supported');
  });
});
