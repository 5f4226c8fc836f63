import { describe, expect, it } from 'vitest';
import { summarizeReport } from './summary';
import { claim, nineClaims, report, source } from '../../tests/helpers/ui-fixtures';

describe('summarizeReport', () => {
  it('counts every kind of claim', () => {
    const s = summarizeReport(nineClaims());
    expect(s.total).toBe(9);
    expect(s.counts.supported).toBe(5);
    expect(s.needsLook).toBe(4);
    expect(s.worst).toBe('unsupported');
  });

  it('has nothing to count on a page without cited claims', () => {
    const s = summarizeReport(report([], []));
    expect(s.worst).toBeNull();
    expect(s.needsLook).toBe(0);
  });

  it('does not count pending claims as needing a look, nor as the worst verdict', () => {
    const s = summarizeReport(report([claim('c1', 'pending'), claim('c2', 'partial'), claim('c3', 'pending')], [source('s1', { status: 'pending' })], { state: 'running' }));
    expect(s.needsLook).toBe(1);
    expect(s.worst).toBe('partial');
  });

  it('does not count claims not asked for yet as needing a look', () => {
    const s = summarizeReport(report([claim('c1', 'unchecked'), claim('c2', 'supported')], [source('s1', { status: 'pending' })]));
    expect(s.counts.unchecked).toBe(1);
    expect(s.needsLook).toBe(0);
    expect(s.worst).toBe('supported');
  });

  it('counts a claim whose every source has no link to read apart from unavailable ones', () => {
    const r = report(
      [claim('c1', 'unavailable', { sourceIds: ['s1'] }), claim('c2', 'unavailable', { sourceIds: ['s1', 's2'] }), claim('c3', 'unavailable', { sourceIds: ['s3'] })],
      [
        source('s1', { status: 'unavailable', reason: 'no_url' }),
        source('s2', { status: 'unavailable', reason: 'timeout' }),
        source('s3', { status: 'unavailable', reason: 'blocked_scheme' }),
      ],
    );
    const s = summarizeReport(r);
    expect(s.counts.uncheckable).toBe(2);
    expect(s.counts.unavailable).toBe(1);
    expect(s.needsLook).toBe(3);
    expect(s.worst).toBe('unavailable');
  });

  it('counts progress over cited sources only', () => {
    const r = report([claim('c1', 'pending')], [
      source('s1', { status: 'ok' }),
      source('s2', { status: 'pending' }),
      source('s3', { status: 'unavailable', reason: 'timeout' }),
      source('s4', { status: 'pending', cited: false }),
    ], { state: 'running' });
    expect(summarizeReport(r).progress).toEqual({ done: 2, total: 3 });
  });

  it.each([
    [['supported', 'partial', 'unavailable'], 'partial'],
    [['unavailable', 'unlinked'], 'unavailable'],
    [['partial', 'contradicted', 'unsupported'], 'contradicted'],
    [['supported'], 'supported'],
  ] as const)('ranks %j with %s as the worst', (verdicts, worst) => {
    expect(summarizeReport(report(verdicts.map((v, i) => claim(`c${i}`, v)))).worst).toBe(worst);
  });
});
