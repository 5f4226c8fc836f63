import { describe, expect, it } from 'vitest';
import { summarizeReport, toolbarBadge, VERDICT_COLOR } from './summary';
import { claim, nineClaims, report, source } from '../../tests/helpers/ui-fixtures';

describe('summarizeReport', () => {
  it('writes the summary line in verdict order with only the verdicts present', () => {
    const s = summarizeReport(nineClaims());
    expect(s.line).toBe('9 claims: 5 supported, 2 partly, 1 not found, 1 source unavailable');
    expect(s.total).toBe(9);
    expect(s.counts.supported).toBe(5);
    expect(s.needsLook).toBe(4);
    expect(s.worst).toBe('unsupported');
  });

  it('says so when the page has no cited claims', () => {
    const s = summarizeReport(report([], []));
    expect(s.line).toBe('No cited claims found');
    expect(s.worst).toBeNull();
    expect(s.needsLook).toBe(0);
  });

  it('uses the singular for one claim', () => {
    expect(summarizeReport(report([claim('c1', 'contradicted')])).line).toBe('1 claim: 1 contradicted');
  });

  it('does not count pending claims as needing a look, nor as the worst verdict', () => {
    const s = summarizeReport(report([claim('c1', 'pending'), claim('c2', 'partial'), claim('c3', 'pending')], [source('s1', { status: 'pending' })], { state: 'running' }));
    expect(s.needsLook).toBe(1);
    expect(s.worst).toBe('partial');
    expect(s.line).toBe('3 claims: 1 partly, 2 checking');
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

describe('toolbarBadge', () => {
  it('shows the number of claims that need a look, coloured by the worst verdict', () => {
    const badge = toolbarBadge(nineClaims());
    expect(badge.text).toBe('4');
    expect(badge.color).toBe(VERDICT_COLOR.unsupported);
    expect(badge.title).toBe('Citecheck: 4 of 9 claims need a look (2 partly, 1 not found, 1 source unavailable)');
  });

  it('shows no number when every claim is supported', () => {
    const badge = toolbarBadge(report([claim('c1', 'supported'), claim('c2', 'supported')]));
    expect(badge.text).toBe('');
    expect(badge.title).toBe('Citecheck: all 2 cited claims supported by their sources');
  });

  it('shows nothing for a page without a report or without claims', () => {
    expect(toolbarBadge(null).text).toBe('');
    expect(toolbarBadge(report([], [])).text).toBe('');
    expect(toolbarBadge(null).title).toMatch(/no cited claims/);
  });

  it('says sources are still loading while the report runs', () => {
    const r = report([claim('c1', 'unavailable'), claim('c2', 'pending')], [source('s1', { status: 'unavailable', reason: 'timeout' }), source('s2', { status: 'pending' })], { state: 'running' });
    const badge = toolbarBadge(r);
    expect(badge.text).toBe('1');
    expect(badge.color).toBe(VERDICT_COLOR.unavailable);
    expect(badge.title).toContain('checking sources: 1 of 2 loaded');
    expect(badge.title).toContain('1 of 2 claims needs a look');
  });
});
