import { describe, expect, it } from 'vitest';
import { escapeMarkdown, reportToMarkdown } from './report-markdown';
import { reportToJson } from '../utils/report/export';
import { ReportSchema } from '../utils/report/schema';
import { claim, evidence, nineClaims, report, source } from '../tests/helpers/ui-fixtures';

describe('reportToMarkdown', () => {
  it('has the title, the summary line, each claim with its verdict, and the sources', () => {
    const md = reportToMarkdown(nineClaims());
    expect(md).toContain('# Citecheck report: An article about parks');
    expect(md).toContain('**9 claims: 5 supported, 2 partly, 1 not found, 1 source unavailable**');
    expect(md).toContain('### 6. Partly — score 50%');
    expect(md).toContain('### 9. Unavailable\n');
    expect(md).toContain('**The source answered 404 Not Found**');
    expect(md).toContain('## Sources');
  });

  it('carries the reasons of the second round and shows a claim with no link to read as not checkable', () => {
    const r = report(
      [claim('c1', 'unavailable', { sourceIds: ['s1'] }), claim('c2', 'unavailable', { sourceIds: ['s2'] }), claim('c3', 'unchecked', { sourceIds: ['s3'] })],
      [
        source('s1', { status: 'unavailable', reason: 'no_url' }),
        source('s2', { status: 'unavailable', reason: 'pdf_no_text' }),
        source('s3', { status: 'unavailable', reason: 'js_required' }),
      ],
    );
    const md = reportToMarkdown(r);
    expect(md).toContain('### 1. Not checkable\n');
    expect(md).toContain('### 2. Unavailable\n');
    expect(md).toContain('### 3. Not checked\n');
    expect(md).toContain('**The cited work has no link to check: a book, a print report**');
    expect(md).toContain('**The source is a scanned PDF: no text to read**');
    expect(md).toContain('**The source page shows its text only with JavaScript**');
    expect(md).toContain('**3 claims: 1 source unavailable, 1 not checkable, 1 not checked**');
    expect(JSON.parse(reportToJson(r)).sources.map((s: { reason: string }) => s.reason)).toEqual(['no_url', 'pdf_no_text', 'js_required']);
  });

  it('names a cited work without a link by its title alone, with no empty brackets for its missing host', () => {
    const r = report(
      [claim('c1', 'unavailable', { sourceIds: ['s1'] })],
      [source('s1', { status: 'unavailable', reason: 'no_url', label: '1', url: '', domain: '', title: 'A Field Guide to Town Ponds. Lakeside Press, 1987. p. 12.' })],
    );
    const md = reportToMarkdown(r);
    expect(md).toContain('- 1: A Field Guide to Town Ponds. Lakeside Press, 1987. p. 12. — **The cited work has no link to check: a book, a print report**');
    expect(md).not.toContain('\\(\\)');
  });

  it('never gives an unavailable claim a score', () => {
    const md = reportToMarkdown(report([claim('c1', 'unavailable')], [source('s1', { status: 'unavailable', reason: 'timeout' })]));
    expect(md).toMatch(/### 1\. Unavailable\n/);
    expect(md).not.toMatch(/score \d/);
    expect(md).toContain('The source took too long to answer');
  });

  it('lists missing words, conflicts and a link to the passage', () => {
    const md = reportToMarkdown(
      report([claim('c1', 'contradicted', { evidence: [evidence('s1', { missing: ['summer'], conflicts: ['source says 57%, claim says 65.7%'] })] })]),
    );
    expect(md).toContain('Missing key words: summer');
    expect(md).toContain('- Conflict: source says 57%, claim says 65.7%');
    expect(md).toMatch(/\[Open the source at this passage\]\(<https:\/\/news1\.example\/story#:~:text=/);
  });

  it('says part by part what the source states, with its passage, and what it does not', () => {
    const stated = evidence('s1', { text: 'The city planted 12,000 trees in 2022.' });
    const parts = [
      { text: 'the city planted 12,000 trees in 2022', stated: true, evidence: stated },
      { text: 'it doubled the maintenance budget', stated: false },
    ];
    const md = reportToMarkdown(report([claim('c1', 'partial', { parts })]));
    expect(md).toContain('States: “the city planted 12,000 trees in 2022”. Not found: “it doubled the maintenance budget”.');
    expect(md).toContain('- “the city planted 12,000 trees in 2022”: The city planted 12,000 trees in 2022.');
    expect(JSON.parse(reportToJson(report([claim('c1', 'partial', { parts })]))).claims[0].parts).toEqual(parts);
  });

  it('names the number a claim lacks in every source, and carries it in the JSON', () => {
    const absent = [{ kind: 'number' as const, text: '12,000' }, { kind: 'name' as const, text: 'Harlow [x](javascript:alert(1))' }];
    const r = report([claim('c1', 'partial', { absent })]);
    const md = reportToMarkdown(r);
    expect(md).toContain('Not in the source: the number 12,000, the name “Harlow \\[x\\]\\(javascript:alert\\(1\\)\\)”.');
    expect(md).not.toContain('](javascript');
    expect(JSON.parse(reportToJson(r)).claims[0].absent).toEqual(absent);
    // A stated part without its number says so part by part.
    const parts = [
      { text: 'the city planted 12,000 trees', stated: true, evidence: evidence('s1', { text: 'The city planted trees.' }) },
      { text: 'doubled its budget', stated: false },
    ];
    expect(reportToMarkdown(report([claim('c1', 'partial', { parts, absent: [{ kind: 'number', text: '12,000', part: 0 }] })]))).toContain(
      'States: “the city planted 12,000 trees” \\(without the number 12,000\\). Not found: “doubled its budget”.',
    );
    // A report stored before the field existed still parses.
    const { absent: _none, ...older } = r.claims[0];
    expect(ReportSchema.parse({ ...r, claims: [older] }).claims[0].absent).toBeUndefined();
  });

  it('escapes page text so it cannot become a link, an image or markup', () => {
    const hostile = '![x](https://evil.example/p.png) [click](javascript:alert(1)) <script>alert(1)</script> # heading';
    const md = reportToMarkdown(report([claim('c1', 'supported', { text: hostile })]));
    expect(md).not.toContain('](https://evil');
    expect(md).not.toContain('](javascript');
    expect(md).not.toContain('<script>');
    expect(md).toContain('\\!\\[x\\]');
  });

  it('shows a javascript: source as text, not a link', () => {
    const md = reportToMarkdown(report([claim('c1', 'unavailable')], [source('s1', { url: 'javascript:alert(1)', status: 'unavailable', reason: 'blocked_scheme' })]));
    expect(md).not.toContain('](<javascript');
  });

  it('escapeMarkdown keeps plain words and flattens newlines', () => {
    expect(escapeMarkdown('Plain words\nhere')).toBe('Plain words here');
    expect(escapeMarkdown('1. not a list')).toBe('1\\. not a list');
  });
});

describe('exports: PDF pages and archived copies', () => {
  const archiveUrl = 'https://web.archive.org/web/20210602101500/https://example.org/r.pdf';
  const archived = () =>
    report(
      [claim('c1', 'supported', { evidence: [evidence('s1', { page: 7 })] })],
      [source('s1', { url: 'https://example.org/r.pdf', readFrom: 'archive', archiveUrl, archivedAt: '2021-06-02T10:15:00.000Z', pageCount: 30 })],
    );
  it('Markdown gives the passage’s page, links the copy at that page and dates the copy', () => {
    const md = reportToMarkdown(archived());
    expect(md).toContain('Best passage (page 7, ');
    expect(md).toContain(`(<${archiveUrl}#page=7>)`);
    expect(md).toContain('read from an archived copy of 2 June 2021');
  });
  it('JSON carries the page, the page count and the archive fields', () => {
    const parsed = ReportSchema.parse(JSON.parse(reportToJson(archived())));
    expect(parsed.claims[0].evidence[0].page).toBe(7);
    expect(parsed.sources[0]).toMatchObject({ readFrom: 'archive', archiveUrl, archivedAt: '2021-06-02T10:15:00.000Z', pageCount: 30 });
  });
});
