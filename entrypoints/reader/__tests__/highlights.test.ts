import { describe, expect, it } from 'vitest';
import type { Report } from '../../../utils/report/schema';
import { highlightsFor } from '../App';

const evidence = (sourceId: string, start: number, end: number) => ({
  sourceId, text: 'x', start, end, score: 0.5, matched: [], missing: [], conflicts: [],
});

const report: Report = {
  url: 'https://example.org/a', title: 'A', checkedAt: '2026-01-01T00:00:00Z', state: 'done', sources: [],
  claims: [
    {
      id: 'c1', text: 'A and B', markers: [], sourceIds: ['s1', 's2'], verdict: 'partial', score: 0.5,
      evidence: [evidence('s2', 50, 60), evidence('s1', 10, 20)],
      parts: [
        { text: 'A', stated: true, evidence: evidence('s1', 30, 40) },
        { text: 'B', stated: false },
        { text: 'C', stated: true, evidence: evidence('s2', 70, 80) },
      ],
    } as Report['claims'][number],
  ],
};

describe('highlightsFor', () => {
  it('takes the best passage in this source, then the stated parts it holds', () => {
    expect(highlightsFor(report, 'c1', 's1')).toEqual([
      { start: 10, end: 20, kind: 'evidence' },
      { start: 30, end: 40, kind: 'part' },
    ]);
  });

  it('has nothing for an unknown claim', () => {
    expect(highlightsFor(report, 'c9', 's1')).toEqual([]);
  });
});
