import { describe, expect, it } from 'vitest';
import { ReportSchema, type Claim, type Report, type Source } from '../../utils/report/schema';
import { formatReport } from './format-report';

const source = (id: string, extra: Partial<Source>): Source => ({ id, label: id, url: '', domain: '', status: 'ok', ...extra }) as Source;
const claim = (id: string, sourceIds: string[], extra: Partial<Claim>): Claim =>
  ({ id, text: `Claim ${id}.`, markers: [`[${id}]`], sourceIds, verdict: 'supported', score: 0.8, evidence: [], ...extra }) as Claim;

function report(claims: Claim[], sources: Source[]): Report {
  return ReportSchema.parse({ url: 'https://example.org/a', title: 'A', checkedAt: new Date(0).toISOString(), claims, sources });
}

const rowOf = (text: string, id: string) => text.split('\n').find((line) => line.startsWith(`${id} `)) ?? '';

describe('formatReport', () => {
  it('calls a claim whose only source is a book "not checkable", apart from unavailable ones', () => {
    const text = formatReport(
      report(
        [claim('c1', ['s1'], { verdict: 'unavailable', score: 0 }), claim('c2', ['s2'], { verdict: 'unavailable', score: 0 })],
        [
          source('s1', { status: 'unavailable', reason: 'no_url', title: 'A printed book' }),
          source('s2', { status: 'unavailable', reason: 'http_error', httpStatus: 404, url: 'https://example.org/gone' }),
        ],
      ),
    );
    expect(rowOf(text, 'c1')).toMatch(/^c1\s+not checkable\s+-\s/);
    expect(rowOf(text, 'c2')).toMatch(/^c2\s+unavailable\s+-\s/);
    expect(text).toMatch(/2 claims: 1 not checkable, 1 unavailable$/);
  });

  it('prints a claim not checked yet without crashing and without a score', () => {
    const text = formatReport(report([claim('c1', ['s1'], { verdict: 'unchecked', score: 0 })], [source('s1', { status: 'pending', url: 'https://example.org/s' })]));
    expect(rowOf(text, 'c1')).toMatch(/^c1\s+not checked\s+-\s/);
  });

  it('says when a source was read from its archived copy, and on which PDF page the passage is', () => {
    const text = formatReport(
      report(
        [claim('c1', ['s1'], { evidence: [{ sourceId: 's1', text: 'The passage.', start: 0, end: 12, score: 0.9, matched: [], missing: [], conflicts: [], page: 3 }] })],
        [source('s1', { url: 'https://example.org/dead', readFrom: 'archive', archivedAt: '2021-06-02T10:15:00.000Z', archiveUrl: 'https://web.archive.org/web/2021/https://example.org/dead' })],
      ),
    );
    expect(text).toContain('↳ page 3: "The passage."');
    expect(text).toContain('ok, read from the archived copy of 2021-06-02  https://example.org/dead');
  });

  it('prints what a claim lacks in its source under the claim, but not for a contradicted one', () => {
    const passage = { sourceId: 's1', text: 'The city planted trees.', start: 0, end: 23, score: 0.6, matched: [], missing: ['12,000'], conflicts: [] };
    const absent = [{ kind: 'number' as const, text: '12,000' }];
    const text = formatReport(
      report(
        [claim('c1', ['s1'], { verdict: 'partial', evidence: [passage], absent }), claim('c2', ['s1'], { verdict: 'contradicted', evidence: [passage], absent })],
        [source('s1', { url: 'https://example.org/s' })],
      ),
    );
    expect(text.split('\n').filter((line) => line.includes('· Not in the source: the number 12,000.'))).toHaveLength(1);
    expect(text.indexOf('· Not in the source')).toBeGreaterThan(text.indexOf('\nc1 '));
    expect(text.indexOf('· Not in the source')).toBeLessThan(text.indexOf('\nc2 '));
  });
});
