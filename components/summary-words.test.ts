import { describe, expect, it } from 'vitest';
import { summarizeReport } from '../utils/report/summary';
import { summaryLine, toolbarBadge } from './summary-words';
import { kindColor } from './verdicts';
import { claim, nineClaims, report, source } from '../tests/helpers/ui-fixtures';

describe('summaryLine', () => {
  it('writes the summary line in verdict order with only the verdicts present', () => {
    expect(summaryLine(summarizeReport(nineClaims()))).toBe('9 claims: 5 supported, 2 partly, 1 not found, 1 source unavailable');
  });

  it('says so when the page has no cited claims', () => {
    expect(summaryLine(summarizeReport(report([], [])))).toBe('No cited claims found');
  });

  it('uses the singular for one claim', () => {
    expect(summaryLine(summarizeReport(report([claim('c1', 'contradicted')])))).toBe('1 claim: 1 contradicted');
  });

  it('names claims still checking last', () => {
    const r = report([claim('c1', 'pending'), claim('c2', 'partial'), claim('c3', 'pending')], [source('s1', { status: 'pending' })], { state: 'running' });
    expect(summaryLine(summarizeReport(r))).toBe('3 claims: 1 partly, 2 checking');
  });

  it('names claims that cannot be checked apart from unavailable ones, and claims not checked yet', () => {
    const r = report(
      [claim('c1', 'unavailable', { sourceIds: ['s1'] }), claim('c2', 'unavailable', { sourceIds: ['s2'] }), claim('c3', 'unchecked', { sourceIds: ['s3'] })],
      [source('s1', { status: 'unavailable', reason: 'no_url' }), source('s2', { status: 'unavailable', reason: 'timeout' }), source('s3', { status: 'pending' })],
    );
    expect(summaryLine(summarizeReport(r))).toBe('3 claims: 1 source unavailable, 1 not checkable, 1 not checked');
  });
});

describe('toolbarBadge', () => {
  it('shows the number of claims that need a look, coloured by the worst verdict', () => {
    const badge = toolbarBadge(nineClaims());
    expect(badge.text).toBe('4');
    expect(badge.color).toBe(kindColor('unsupported'));
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
    expect(badge.color).toBe(kindColor('unavailable'));
    expect(badge.title).toContain('checking sources: 1 of 2 loaded');
    expect(badge.title).toContain('1 of 2 claims needs a look');
  });

  it('on a page not checked automatically, still shows that it has cited claims, and how many are not checked', () => {
    const none = toolbarBadge(report([claim('c1', 'unchecked'), claim('c2', 'unchecked'), claim('c3', 'unchecked')]));
    expect(none.text).toBe('3');
    expect(none.color).toBe(kindColor('unchecked'));
    expect(none.title).toBe('Citecheck: 3 cited claims, not checked yet (open Citecheck to check them)');
    const some = toolbarBadge(report([claim('c1', 'supported'), claim('c2', 'unchecked')]));
    expect(some.text).toBe('1');
    expect(some.title).toBe('Citecheck: 2 cited claims; 1 claim not checked yet (open Citecheck to check them)');
    const mixed = toolbarBadge(report([claim('c1', 'unsupported'), claim('c2', 'unchecked')]));
    expect(mixed.text).toBe('1');
    expect(mixed.color).toBe(kindColor('unsupported'));
    expect(mixed.title).toBe('Citecheck: 1 of 2 claims needs a look (1 not found); 1 claim not checked yet');
  });
});
