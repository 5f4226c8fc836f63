import { describe, expect, it } from 'vitest';
import { fakeTrialMl } from '../../../tests/helpers/fake-trial-ml';
import { askJudge } from '../judge';
import type { JudgeInput } from '../prompt';
import { createFirefoxJudge, ENGINE_REQUEST, findTrialMl } from './firefox-ml';

const input: JudgeInput = {
  claimId: 'c1',
  claim: 'Street trees cooled the pavement by 4 degrees.',
  passages: [
    { sourceId: 's1', text: 'The city planted trees in 2019. Shaded pavement was 4 degrees Celsius cooler than pavement in full sun.' },
    { sourceId: 's2', text: 'Council members met on Tuesday to discuss the budget.' },
  ],
};

describe('the firefox-ml tier with a fake browser.trial.ml', () => {
  it('is found only where browser.trial.ml exists (the permission granted)', () => {
    expect(findTrialMl({ browser: {} })).toBeNull();
    const { ml } = fakeTrialMl(() => 0);
    expect(findTrialMl({ browser: { trial: { ml } } })).toBe(ml);
  });

  it('scores each sentence against the claim and quotes the one that entails it', async () => {
    const { ml, log } = fakeTrialMl((sentence) => (sentence.startsWith('Shaded') ? 0.97 : 0.2));
    const judge = createFirefoxJudge(ml);
    const outcome = await askJudge(judge, input);
    expect(outcome).toMatchObject({ ok: true, verdict: 'supported', quote: 'Shaded pavement was 4 degrees Celsius cooler than pavement in full sun.', at: { sourceId: 's1', index: 0 } });
    expect(log.engines).toEqual([ENGINE_REQUEST]);
    expect(log.runs.map((r) => r.args[0])).toEqual([
      'The city planted trees in 2019.',
      'Shaded pavement was 4 degrees Celsius cooler than pavement in full sun.',
      'Council members met on Tuesday to discuss the budget.',
    ]);
    expect(log.runs[0].args[1]).toEqual([input.claim]);
    expect(log.runs[0].options).toEqual({ hypothesis_template: '{}', multi_label: true });
    // One engine for the extension, made once.
    await askJudge(judge, input);
    expect(log.engines).toHaveLength(1);
  });

  it('answers unsupported when no sentence comes near, and has no opinion in between', async () => {
    expect(await askJudge(createFirefoxJudge(fakeTrialMl(() => 0.02).ml), input)).toMatchObject({ ok: true, verdict: 'unsupported', quote: '' });
    expect(await askJudge(createFirefoxJudge(fakeTrialMl(() => 0.5).ml), input)).toMatchObject({ ok: false, reason: 'nothing_to_judge' });
  });

  it('reports an engine that cannot be made (the API turned off) as an error, and tries again next time', async () => {
    const { ml, log } = fakeTrialMl(() => 0.99, { failCreate: 'Trial ML API is disabled.' });
    const judge = createFirefoxJudge(ml);
    expect(await askJudge(judge, input)).toMatchObject({ ok: false, reason: 'error', detail: 'Trial ML API is disabled.' });
    await askJudge(judge, input);
    expect(log.engines).toHaveLength(2);
  });
});
