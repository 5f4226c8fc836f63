// @vitest-environment node
import { afterEach, describe, expect, it } from 'vitest';
import { goldAnswers, inventsQuotes, neverAnswers, startFakeModelServer, type FakeModelServer } from '../tests/helpers/fake-model-server';
import { judgeAll, takeJudgeArgs, wilson } from './eval-judge';

const evidence = (text: string) => [{ sourceId: 's', text, start: 0, end: text.length, score: 0.5, matched: [], missing: [], conflicts: [] }];
const claims = [
  { claim: 'Trees cool streets by four degrees.', verdict: 'partial', evidence: evidence('Shaded streets were four degrees cooler in July.') },
  { claim: 'Ridership rose to 27 percent.', verdict: 'supported', evidence: evidence('Ridership fell to 21 percent in 2023.') },
  { claim: 'The library opened in 1901.', verdict: 'unsupported', evidence: [] },
];
const gold = [
  { claim: claims[0].claim, label: 'supported', evidence: [0], source_sentences: ['Shaded streets were four degrees cooler in July.'] },
  { claim: claims[1].claim, label: 'unsupported', evidence: [], source_sentences: [] },
  { claim: claims[2].claim, label: 'supported', evidence: [], source_sentences: [] },
];
// Judges that answer get a timeout no loaded machine reaches; the one that never answers gets a short one.
const options = (baseUrl: string, timeoutMs = 10_000) => ({ baseUrl, timeoutMs, concurrency: 2, anyHost: false });

let server: FakeModelServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

describe('eval --judge', () => {
  it('reads its options and leaves the rest to the eval', () => {
    expect(takeJudgeArgs(['f.jsonl', '--json'])).toEqual({ judge: null, rest: ['f.jsonl', '--json'] });
    expect(takeJudgeArgs(['f.jsonl', '--judge', 'http://127.0.0.1:1/v1', '--judge-timeout=500', '--out', 'p.jsonl'])).toEqual({
      judge: { baseUrl: 'http://127.0.0.1:1/v1', model: undefined, timeoutMs: 500, concurrency: 2, anyHost: false },
      rest: ['f.jsonl', '--out', 'p.jsonl'],
    });
    expect(() => takeJudgeArgs(['--judge', 'http://127.0.0.1:1/v1', '--judge-concurrency', '0'])).toThrow(/positive/);
    expect(() => takeJudgeArgs(['--judge-model', 'm'])).toThrow(/base URL/);
  });

  it('against a judge that quotes what no source says, every verdict is the word-match verdict', async () => {
    server = await startFakeModelServer(inventsQuotes);
    const { predictions, figures } = await judgeAll(claims, options(server.baseUrl));
    expect(predictions.map((p) => p.verdict)).toEqual(claims.map((c) => c.verdict));
    expect(predictions.every((p) => p.judgedBy === 'words')).toBe(true);
    expect(figures).toMatchObject({ asked: 2, accepted: 0, coverage: 0, changed: 0, dropped: { quote_not_found: 2 } });
  });

  it('against a judge that never answers, it finishes at the timeout with the word-match verdicts', async () => {
    server = await startFakeModelServer(neverAnswers);
    const t0 = Date.now();
    const { predictions, figures } = await judgeAll(claims, options(server.baseUrl, 300));
    expect(Date.now() - t0).toBeLessThan(5_000);
    expect(predictions.map((p) => p.verdict)).toEqual(claims.map((c) => c.verdict));
    expect(figures.dropped).toEqual({ timeout: 2 });
  });

  it('against a judge that answers the gold label with a gold quote, the verdicts follow the judge', async () => {
    server = await startFakeModelServer(goldAnswers(gold));
    const { predictions, figures } = await judgeAll(claims, options(server.baseUrl));
    expect(predictions.map((p) => p.verdict)).toEqual(['supported', 'unsupported', 'unsupported']);
    expect(predictions[0]).toMatchObject({ wordVerdict: 'partial', judgedBy: `fake-judge at ${new URL(server.origin).host}`, quote: 'Shaded streets were four degrees cooler in July.' });
    // The claim without passages is never sent.
    expect(server.prompts).toHaveLength(2);
    expect(figures).toMatchObject({ asked: 2, accepted: 2, coverage: 1, changed: 2 });
    expect(figures.latencyMedianMs).toBeGreaterThanOrEqual(0);
  });

  it('refuses a model the server does not have, and an address off this machine', async () => {
    server = await startFakeModelServer(inventsQuotes);
    await expect(judgeAll(claims, { ...options(server.baseUrl), model: 'gpt-9' })).rejects.toThrow(/no model gpt-9/);
    await expect(judgeAll(claims, options('http://10.1.2.3:11434/v1'))).rejects.toThrow(/--judge-any-host/);
    expect(server.prompts).toHaveLength(0);
  });

  it('computes the Wilson interval', () => {
    const [lo, hi] = wilson(50, 100)!;
    expect(lo).toBeCloseTo(0.404, 3);
    expect(hi).toBeCloseTo(0.596, 3);
    expect(wilson(0, 0)).toBeNull();
  });
});
