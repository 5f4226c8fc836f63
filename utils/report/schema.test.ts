import { describe, expect, it } from 'vitest';
import { FinishedReportSchema, ReportSchema } from './schema';

const base = {
  url: 'http://127.0.0.1/article.html',
  title: 'An article',
  checkedAt: '2026-01-01T00:00:00.000Z',
  claims: [],
  sources: [],
};

describe('report schema', () => {
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

  it('rejects a score outside 0..1', () => {
    const bad = {
      ...base,
      claims: [{ id: 'c1', text: 'x', markers: [], sourceIds: [], verdict: 'supported', score: 1.5, evidence: [] }],
    };
    expect(ReportSchema.safeParse(bad).success).toBe(false);
  });
});
