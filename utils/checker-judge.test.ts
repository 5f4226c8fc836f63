import { describe, expect, it } from 'vitest';
import { createTabChecker } from './checker';
import type { Claim, Report } from './report/schema';
import { countingLoader, memoryStore, PAGE } from '../tests/helpers/tab-checker';

const { loader } = countingLoader();
const tick = (ms = 0) => new Promise((r) => setTimeout(r, ms));

describe('tab checker with an on-device judge', () => {
  it('withdraws the questions of a tab that closed', async () => {
    const signals: AbortSignal[] = [];
    const checker = createTabChecker({
      loader,
      store: memoryStore(),
      notify: () => undefined,
      judgeClaim: (_claim, _sources, signal) => {
        signals.push(signal);
        return new Promise(() => undefined);
      },
    });
    await checker.verify(1, PAGE);
    for (let i = 0; i < 50 && signals.length === 0; i++) await tick(5);
    expect(signals).toHaveLength(1);
    expect(signals[0].aborted).toBe(false);
    await checker.forget(1);
    expect(signals[0].aborted).toBe(true);
  });

  it('withdraws the questions of a check that a re-check replaced', async () => {
    const signals: AbortSignal[] = [];
    const store = memoryStore();
    const checker = createTabChecker({
      loader,
      store,
      notify: () => undefined,
      judgeClaim: (_c, _s, signal) => {
        signals.push(signal);
        return new Promise(() => undefined);
      },
    });
    await checker.verify(1, PAGE);
    for (let i = 0; i < 50 && signals.length === 0; i++) await tick(5);
    await checker.recheck(1);
    expect(signals[0].aborted).toBe(true);
  });

  it('publishes the judged claim to the store and the tab, and asks again on request', async () => {
    const store = memoryStore();
    const notified: Report[] = [];
    let answers = 0;
    const checker = createTabChecker({
      loader,
      store,
      notify: (_tab, report) => notified.push(report),
      judgeClaim: async (claim): Promise<Claim> => {
        answers++;
        return { ...claim, verdict: answers === 1 ? 'partial' : 'supported', judgedBy: 'fake model', quote: 'planted 12,000 new street trees' };
      },
    });
    await checker.verify(1, PAGE);
    for (let i = 0; i < 50 && notified.at(-1)?.claims[0].judgedBy !== 'fake model'; i++) await tick(5);
    expect(notified.at(-1)!.claims[0]).toMatchObject({ verdict: 'partial', judgedBy: 'fake model' });
    expect((store.data.get(1) as TabEntry).report.claims[0]).toMatchObject({ verdict: 'partial', judgedBy: 'fake model' });
    const again = await checker.rejudge(1, 'c1');
    expect(again!.claims[0]).toMatchObject({ verdict: 'supported', judgedBy: 'fake model' });
    expect((store.data.get(1) as TabEntry).report.claims[0].verdict).toBe('supported');
    expect(await checker.rejudge(2, 'c1')).toBeNull();
  });
});
