import { describe, expect, it } from 'vitest';
import { filterOptions, initialState, MAX_RECHECK_ANSWERS, reducer, visibleRows, type PopupState } from '../state';
import { claim, nineClaims, report } from '../../../tests/helpers/ui-fixtures';
import { summaryLine } from '../../../components/summary-words';

function loaded(r = nineClaims()): PopupState {
  return reducer(initialState, { type: 'report-loaded', report: r });
}

describe('popup state', () => {
  it('a report makes the popup ready with its summary; no report makes it empty', () => {
    const ready = loaded();
    expect(ready.status).toBe('ready');
    expect(summaryLine(ready.summary!)).toBe('9 claims: 5 supported, 2 partly, 1 not found, 1 source unavailable');
    expect(reducer(initialState, { type: 'report-loaded', report: null }).status).toBe('empty');
  });

  it('a failure with nothing on screen is an error; with a report on screen it keeps the report', () => {
    expect(reducer(initialState, { type: 'load-failed', error: 'x' }).status).toBe('error');
    const kept = reducer(loaded(), { type: 'load-failed', error: 'x' });
    expect(kept.status).toBe('ready');
    expect(kept.report).not.toBeNull();
    expect(kept.error).toBe('x');
  });

  it('filters by verdict and keeps page order', () => {
    const state = reducer(loaded(), { type: 'set-filter', filter: 'partial' });
    expect(visibleRows(state).map((r) => [r.claim.id, r.position])).toEqual([
      ['c6', 6],
      ['c7', 7],
    ]);
  });

  it('sorts weakest or strongest first, unscored verdicts last, ties in page order', () => {
    const r = report([
      claim('a', 'supported', { score: 0.9 }),
      claim('b', 'unavailable'),
      claim('c', 'partial', { score: 0.4 }),
      claim('d', 'unsupported', { score: 0.1 }),
      claim('e', 'partial', { score: 0.4 }),
      claim('f', 'pending'),
    ]);
    const weakest = reducer(loaded(r), { type: 'set-sort', sort: 'weakest' });
    expect(visibleRows(weakest).map((row) => row.claim.id)).toEqual(['d', 'c', 'e', 'a', 'b', 'f']);
    const strongest = reducer(loaded(r), { type: 'set-sort', sort: 'strongest' });
    expect(visibleRows(strongest).map((row) => row.claim.id)).toEqual(['a', 'c', 'e', 'd', 'b', 'f']);
    expect(visibleRows(loaded(r)).map((row) => row.claim.id)).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
  });

  it('toggles a row open and closed', () => {
    const open = reducer(loaded(), { type: 'toggle-claim', claimId: 'c2' });
    expect(open.expanded.has('c2')).toBe(true);
    expect(reducer(open, { type: 'toggle-claim', claimId: 'c2' }).expanded.has('c2')).toBe(false);
  });

  it('forgets expanded rows whose claims are gone after a new check', () => {
    const open = reducer(loaded(), { type: 'toggle-claim', claimId: 'c9' });
    const next = reducer(open, { type: 'report-loaded', report: report([claim('c1', 'supported')]) });
    expect(next.expanded.size).toBe(0);
  });

  it('offers a filter per verdict present, with counts', () => {
    expect(filterOptions(loaded().summary)).toEqual([
      { filter: 'all', count: 9 },
      { filter: 'supported', count: 5 },
      { filter: 'partial', count: 2 },
      { filter: 'unsupported', count: 1 },
      { filter: 'unavailable', count: 1 },
    ]);
  });

  it('re-checking waits for a new report, not the old one answered again', () => {
    const before = loaded();
    const asked = reducer(before, { type: 'recheck-started' });
    expect(asked.recheckFrom).toBe(before.report!.checkedAt);
    const sameAgain = reducer(asked, { type: 'report-loaded', report: nineClaims() });
    expect(sameAgain.recheckFrom).not.toBeNull();
    const noneYet = reducer(sameAgain, { type: 'report-loaded', report: null });
    expect(noneYet.status).toBe('ready');
    expect(noneYet.report).toBe(sameAgain.report);
    const fresh = reducer(noneYet, { type: 'report-loaded', report: { ...nineClaims(), checkedAt: '2026-02-01T00:00:00.000Z' } });
    expect(fresh.recheckFrom).toBeNull();
    expect(fresh.report?.checkedAt).toBe('2026-02-01T00:00:00.000Z');
  });

  it('gives up re-checking after a bounded number of reports that are still the old one', () => {
    let state = reducer(loaded(), { type: 'recheck-started' });
    for (let i = 0; i < MAX_RECHECK_ANSWERS; i++) state = reducer(state, { type: 'report-loaded', report: nineClaims() });
    expect(state.recheckFrom).toBeNull();
  });
});
