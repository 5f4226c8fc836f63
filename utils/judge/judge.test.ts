import { describe, expect, it } from 'vitest';
import { askJudge, createJudgeQueue, type Judge, type JudgeReply } from './judge';
import type { JudgeInput } from './prompt';

const input: JudgeInput = {
  claimId: 'c1',
  claim: 'Ridership fell to 21 percent.',
  passages: [{ sourceId: 's1', text: 'Ridership fell to 21 percent in 2023, the agency said.' }],
};
const shown = [{ sourceId: 's1', index: 0, text: input.passages[0].text }];
const good: JudgeReply = { answer: { verdict: 'supported', quote: 'Ridership fell to 21 percent', reason: 'Stated.' }, shown };

function fakeJudge(behave: (signal: AbortSignal) => Promise<JudgeReply | null>): Judge & { calls: number } {
  const judge = {
    tier: 'local-server' as const,
    name: 'fake',
    calls: 0,
    judge: (_input: JudgeInput, signal: AbortSignal) => {
      judge.calls++;
      return behave(signal);
    },
  };
  return judge;
}

/** A judge that never answers and ignores its signal. */
const deaf = () => fakeJudge(() => new Promise(() => undefined));

describe('asking a judge', () => {
  it('gates the answer', async () => {
    expect(await askJudge(fakeJudge(async () => good), input)).toMatchObject({ ok: true, verdict: 'supported', quote: 'Ridership fell to 21 percent' });
  });

  it('drops a late answer at the timeout, even from a judge that ignores its signal', async () => {
    const outcome = await askJudge(deaf(), input, { timeoutMs: 50 });
    expect(outcome).toMatchObject({ ok: false, reason: 'timeout' });
  });

  it('says cancelled when the caller aborts (the tab closed)', async () => {
    const controller = new AbortController();
    const pending = askJudge(deaf(), input, { signal: controller.signal, timeoutMs: 10_000 });
    controller.abort();
    expect(await pending).toMatchObject({ ok: false, reason: 'cancelled' });
  });

  it('turns a throwing judge into an outcome, never an exception', async () => {
    const outcome = await askJudge(fakeJudge(async () => { throw new Error('model crashed'); }), input);
    expect(outcome).toMatchObject({ ok: false, reason: 'error', detail: 'model crashed' });
  });

  it('says when the judge had nothing to judge', async () => {
    expect(await askJudge(fakeJudge(async () => null), input)).toMatchObject({ ok: false, reason: 'nothing_to_judge' });
  });
});

describe('the judge queue', () => {
  it('runs at most `concurrency` claims at once', async () => {
    let active = 0;
    let most = 0;
    const judge = fakeJudge(async () => {
      active++;
      most = Math.max(most, active);
      await new Promise((r) => setTimeout(r, 10));
      active--;
      return good;
    });
    const queue = createJudgeQueue(judge, { concurrency: 2 });
    const outcomes = await Promise.all(Array.from({ length: 7 }, () => queue.ask(input)));
    expect(outcomes.every((o) => o.ok)).toBe(true);
    expect(judge.calls).toBe(7);
    expect(most).toBe(2);
  });

  it('never sends claims that were waiting when their tab closed, and frees its places after timeouts', async () => {
    const judge = deaf();
    const queue = createJudgeQueue(judge, { concurrency: 1, timeoutMs: 40 });
    const controller = new AbortController();
    const first = queue.ask(input, controller.signal);
    const waiting = [queue.ask(input, controller.signal), queue.ask(input, controller.signal)];
    controller.abort();
    expect(await Promise.all(waiting)).toEqual([
      { ok: false, reason: 'cancelled', ms: 0 },
      { ok: false, reason: 'cancelled', ms: 0 },
    ]);
    expect(await first).toMatchObject({ ok: false, reason: 'cancelled' });
    expect(judge.calls).toBe(1);
    // A hung judge holds its place only until the timeout.
    const later = await Promise.all([queue.ask(input), queue.ask(input)]);
    expect(later.map((o) => o.ok || o.reason)).toEqual(['timeout', 'timeout']);
    expect(judge.calls).toBe(3);
  });

  it('refuses at once what is asked with an aborted signal', async () => {
    const judge = fakeJudge(async () => good);
    const outcome = await createJudgeQueue(judge).ask(input, AbortSignal.abort());
    expect(outcome).toMatchObject({ ok: false, reason: 'cancelled' });
    expect(judge.calls).toBe(0);
  });
});
