import { describe, expect, it } from 'vitest';
import { fakeLanguageModel } from '../../../tests/helpers/fake-language-model';
import { JUDGE_ANSWER_JSON_SCHEMA } from '../answer';
import { askJudge } from '../judge';
import type { JudgeInput } from '../prompt';
import { SYSTEM_PROMPT } from '../prompt';
import { chromeStatus, createChromeJudge, createChromeSession, findLanguageModel } from './chrome-builtin';

const input: JudgeInput = {
  claimId: 'c1',
  claim: 'Street trees cooled the pavement by 4 degrees.',
  passages: [{ sourceId: 's1', label: 'Source 1', text: 'Shaded pavement was 4 degrees Celsius cooler than pavement in full sun.' }],
};
const supported = JSON.stringify({ verdict: 'supported', quote: 'Shaded pavement was 4 degrees Celsius cooler', reason: 'Stated.' });

describe('the chrome-builtin tier with a fake LanguageModel', () => {
  it('reports why it is unavailable, and each download state', async () => {
    expect(findLanguageModel({})).toBeNull();
    expect(await chromeStatus(null)).toEqual({ state: 'unavailable', why: 'no_api' });
    expect(await chromeStatus(fakeLanguageModel({ availability: 'unavailable', answer: () => '' }).api)).toEqual({ state: 'unavailable', why: 'device' });
    for (const state of ['downloadable', 'downloading', 'available'] as const) {
      expect(await chromeStatus(fakeLanguageModel({ availability: state, answer: () => '' }).api)).toEqual({ state });
    }
    const throwing = { availability: async () => { throw new Error('blocked by policy'); }, create: async () => { throw new Error('x'); } };
    expect(await chromeStatus(throwing)).toEqual({ state: 'unavailable', why: 'error', detail: 'blocked by policy' });
  });

  it('finds the global the way Chrome exposes it', () => {
    const { api } = fakeLanguageModel({ answer: () => '' });
    expect(findLanguageModel({ LanguageModel: api })).toBe(api);
  });

  it('reports download progress while creating the base session with the system prompt', async () => {
    const { api, log } = fakeLanguageModel({ availability: 'downloadable', answer: () => supported });
    const progress: number[] = [];
    await createChromeSession(api, { onProgress: (p) => progress.push(p) });
    expect(progress).toEqual([0, 0.5, 1]);
    expect(log.created[0].initialPrompts).toEqual([{ role: 'system', content: SYSTEM_PROMPT }]);
  });

  it('asks each claim in its own clone, with the answer schema as responseConstraint, and gates the answer', async () => {
    const { api, log } = fakeLanguageModel({ answer: () => supported });
    const judge = createChromeJudge(await createChromeSession(api));
    const outcome = await askJudge(judge, input);
    expect(outcome).toMatchObject({ ok: true, verdict: 'supported', quote: 'Shaded pavement was 4 degrees Celsius cooler' });
    expect(log.prompts[0].responseConstraint).toEqual(JUDGE_ANSWER_JSON_SCHEMA);
    expect(log.prompts[0].text).toContain(input.claim);
    expect(log.clones).toBe(1);
    expect(log.destroyed).toBe(1);
  });

  it('drops an invented quote', async () => {
    const { api } = fakeLanguageModel({ answer: () => JSON.stringify({ verdict: 'supported', quote: 'Trees cool cities by 10 degrees.', reason: 'r' }) });
    const outcome = await askJudge(createChromeJudge(await createChromeSession(api)), input);
    expect(outcome).toMatchObject({ ok: false, reason: 'quote_not_found' });
  });

  it('measures the prompt and cuts the passages to what the context window leaves (old and new API names)', async () => {
    for (const oldNames of [false, true]) {
      const long = Array.from({ length: 900 }, (_, i) => `shade${i}`).join(' ');
      // The fake counts one token per character: far more than the builder's estimate.
      const { api, log } = fakeLanguageModel({ contextWindow: 3000, oldNames, answer: () => JSON.stringify({ verdict: 'unsupported', quote: '', reason: 'r' }) });
      const judge = createChromeJudge(await createChromeSession(api));
      const outcome = await askJudge(judge, { ...input, passages: [{ sourceId: 's1', text: long }] });
      expect(outcome).toMatchObject({ ok: true, verdict: 'unsupported' });
      expect(SYSTEM_PROMPT.length + log.prompts[0].text.length + 400).toBeLessThanOrEqual(3000);
      expect(log.prompts[0].text.length).toBeGreaterThan(500);
    }
  });
});
