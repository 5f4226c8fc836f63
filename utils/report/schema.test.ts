import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { FinishedReportSchema, ReportSchema, wholeNumber } from './schema';

const base = {
  url: 'http://127.0.0.1/article.html',
  title: 'An article',
  checkedAt: '2026-01-01T00:00:00.000Z',
  claims: [],
  sources: [],
};

describe('report schema', () => {
  it('takes as a whole number exactly what z.int() takes', () => {
    const values = [0, 7, -3, 2 ** 53 - 1, -(2 ** 53 - 1), 2 ** 53, -(2 ** 53), 1.5, -0.25, Number.NaN, Infinity, -Infinity, '3', null, undefined, 1e300];
    for (const value of values) expect([value, wholeNumber().safeParse(value).success]).toEqual([value, z.int().safeParse(value).success]);
    expect(wholeNumber().check(z.nonnegative()).safeParse(-1).success).toBe(false);
    expect(ReportSchema.safeParse({ ...base, sources: [{ id: 's1', label: '1', url: 'https://a.example/', domain: 'a.example', status: 'ok', httpStatus: 200.5 }] }).success).toBe(false);
  });

  it('accepts a finished report and defaults its state to done', () => {
    const report = ReportSchema.parse(base);
    expect(report.state).toBe('done');
    expect(FinishedReportSchema.safeParse(base).success).toBe(true);
  });

  it('rejects a verdict outside the closed set', () => {
    const bad = {
      ...base,
      claims: [{ id: 'c1', text: 'x', markers: [], sourceIds: [], verdict: 'maybe', score: 0.5, evidence: [] }],
    };
    expect(ReportSchema.safeParse(bad).success).toBe(false);
  });

  it('rejects an unavailable source without a reason as a finished report', () => {
    const report = {
      ...base,
      sources: [{ id: 's1', label: '1', url: 'https://a.example/', domain: 'a.example', status: 'unavailable' }],
    };
    expect(ReportSchema.safeParse(report).success).toBe(true);
    expect(FinishedReportSchema.safeParse(report).success).toBe(false);
  });

  it('reads what no source holds when a claim carries it, and a claim without it (an older report)', () => {
    const claim = { id: 'c1', text: 'x', markers: [], sourceIds: [], verdict: 'partial', score: 0.5, evidence: [] };
    const withAbsent = (absent: unknown) => ReportSchema.safeParse({ ...base, claims: [{ ...claim, absent }] }).success;
    expect(ReportSchema.safeParse({ ...base, claims: [claim] }).success).toBe(true);
    expect(withAbsent([{ kind: 'number', text: '12,000' }, { kind: 'name', text: 'Harlow', part: 1 }])).toBe(true);
    expect(withAbsent([{ kind: 'html', text: '<b>x</b>' }])).toBe(false);
    expect(withAbsent([{ kind: 'number', text: '' }])).toBe(false);
    expect(withAbsent([{ kind: 'year', text: '2021', part: -1 }])).toBe(false);
  });

  it('rejects a score outside 0..1', () => {
    const bad = {
      ...base,
      claims: [{ id: 'c1', text: 'x', markers: [], sourceIds: [], verdict: 'supported', score: 1.5, evidence: [] }],
    };
    expect(ReportSchema.safeParse(bad).success).toBe(false);
  });

  it('parses a report written before the second-round fields (no parts, judge, page or archive fields)', () => {
    const old = {
      ...base,
      claims: [{ id: 'c1', text: 'x', markers: ['[1]'], sourceIds: ['s1'], verdict: 'supported', score: 0.9, evidence: [] }],
      sources: [{ id: 's1', label: '1', url: 'https://a.example/', domain: 'a.example', status: 'ok' }],
      limits: { markersCapped: false, sourcesCapped: false },
    };
    const report = FinishedReportSchema.parse(old);
    expect(report.claims[0]).not.toHaveProperty('parts');
    expect(report.sources[0]).not.toHaveProperty('readFrom');
  });

  it('carries the second-round fields: parts, judge, PDF page, archived copy and the new reasons', () => {
    const evidence = { sourceId: 's1', text: 'p', start: 0, end: 1, score: 0.8, matched: [], missing: [], conflicts: [], page: 7 };
    const report = FinishedReportSchema.parse({
      ...base,
      claims: [
        {
          id: 'c1', text: 'x and y', markers: ['[1]'], sourceIds: ['s1'], verdict: 'partial', score: 0.5, evidence: [evidence],
          parts: [{ text: 'x', stated: true, evidence }, { text: 'y', stated: false }],
          judgedBy: 'words', quote: 'p', judgeReason: 'The passage states x only.',
        },
        { id: 'c2', text: 'z', markers: ['[2]'], sourceIds: ['s2'], verdict: 'unavailable', score: 0, evidence: [] },
      ],
      sources: [
        { id: 's1', label: '1', url: 'https://a.example/', domain: 'a.example', status: 'ok', readFrom: 'archive', archivedAt: '2021-06-02' },
        { id: 's2', label: '2', url: '', domain: '', status: 'unavailable', reason: 'no_url' },
      ],
    });
    expect(report.claims[0].parts?.[0].evidence?.page).toBe(7);
    expect(report.claims[0].judgedBy).toBe('words');
    expect(report.sources[1].reason).toBe('no_url');
    for (const reason of ['pdf_no_text', 'js_required', 'pdf_encrypted', 'pdf_broken', 'blocked_scheme']) {
      const source = { id: 's1', label: '1', url: 'x', domain: '', status: 'unavailable', reason };
      expect(ReportSchema.safeParse({ ...base, sources: [source] }).success).toBe(true);
    }
    expect(ReportSchema.safeParse({ ...base, sources: [{ id: 's1', label: '1', url: 'x', domain: '', status: 'ok', readFrom: 'cache' }] }).success).toBe(false);
    expect(ReportSchema.safeParse({ ...base, claims: [{ ...report.claims[0], evidence: [{ ...evidence, page: 0 }] }] }).success).toBe(false);
  });

  it('lets a finished report keep claims not asked for yet, with their sources unfetched', () => {
    const unchecked = {
      ...base,
      claims: [{ id: 'c1', text: 'x', markers: ['[1]'], sourceIds: ['s1'], verdict: 'unchecked', score: 0, evidence: [] }],
      sources: [{ id: 's1', label: '1', url: 'https://a.example/', domain: 'a.example', status: 'pending' }],
    };
    expect(FinishedReportSchema.safeParse(unchecked).success).toBe(true);
    const checked = { ...unchecked, claims: [...unchecked.claims, { ...unchecked.claims[0], id: 'c2', verdict: 'supported' }] };
    expect(FinishedReportSchema.safeParse(checked).success).toBe(false);
  });
});
