// @vitest-environment node
import { afterEach, describe, expect, it } from 'vitest';
import { fromTable, neverAnswers, startFakeModelServer, type FakeModelServer } from '../../tests/helpers/fake-model-server';
import { fakeLanguageModel } from '../../tests/helpers/fake-language-model';
import { fakeTrialMl } from '../../tests/helpers/fake-trial-ml';
import type { Claim, Source } from '../report/schema';
import { judgedByModel, judgeInputOf, withJudgement } from './claims';
import { createJudgeService, openJudge } from './service';
import { DEFAULT_JUDGE_SETTINGS, type JudgeSettings } from './settings';

const passage = 'Ridership fell to 21 percent in 2023, the agency said.';
const claim: Claim = {
  id: 'c5',
  text: 'Ridership rose to 27 percent.',
  markers: ['[Source 2]'],
  sourceIds: ['s2'],
  verdict: 'unsupported',
  score: 0.4,
  evidence: [{ sourceId: 's2', text: passage, start: 0, end: passage.length, score: 0.4, matched: ['ridership'], missing: ['rose'], conflicts: [] }],
  judgedBy: 'words',
};
const sources: Source[] = [{ id: 's2', label: 'Source 2', url: 'http://127.0.0.1/s2', domain: '127.0.0.1', status: 'ok' }];

let server: FakeModelServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

describe('claims and the judge', () => {
  it('shows the judge the claim and its best passages with their sources’ labels, and nothing for claims it cannot judge', () => {
    expect(judgeInputOf(claim, sources)).toEqual({ claimId: 'c5', claim: claim.text, passages: [{ sourceId: 's2', label: 'Source 2', text: passage }] });
    expect(judgeInputOf({ ...claim, verdict: 'unavailable', evidence: [] }, sources)).toBeNull();
    expect(judgeInputOf({ ...claim, evidence: [] }, sources)).toBeNull();
  });

  it('replaces the verdict only with an answer that passed the gate, and says who decided', () => {
    const judged = withJudgement(claim, { ok: true, verdict: 'contradicted', quote: 'Ridership fell to 21 percent', reason: 'It fell.', at: null, ms: 5 }, 'llama at 127.0.0.1:1');
    expect(judged).toMatchObject({ verdict: 'contradicted', judgedBy: 'llama at 127.0.0.1:1', quote: 'Ridership fell to 21 percent', judgeReason: 'It fell.', score: 0.4 });
    expect(judgedByModel(judged)).toBe(true);
    expect(withJudgement(claim, { ok: false, reason: 'quote_not_found', ms: 5 }, 'x')).toBe(claim);
    expect(judgedByModel(claim)).toBe(false);
  });
});

describe('the judge service', () => {
  const settingsOf = (s: Partial<JudgeSettings>) => async () => ({ ...DEFAULT_JUDGE_SETTINGS, ...s });

  it('judges nothing while off, and asks no server anything', async () => {
    const seen: string[] = [];
    const spy = async (url: string) => {
      seen.push(url);
      return new Response('{}');
    };
    const service = createJudgeService({ settings: settingsOf({ baseUrl: 'http://127.0.0.1:9/v1', model: 'm' }), env: { fetch: spy } });
    expect(await service.enabled()).toBe(false);
    expect(await service.judgeClaim(claim, sources)).toBeNull();
    expect(seen).toEqual([]);
  });

  it('with the local server on, sends requests only to the base URL the reader gave', async () => {
    server = await startFakeModelServer(fromTable({}));
    const seen: string[] = [];
    const spy = (url: string, init: RequestInit) => {
      seen.push(url);
      return fetch(url, init);
    };
    const service = createJudgeService({ settings: settingsOf({ tier: 'local-server', baseUrl: server.baseUrl }), env: { fetch: spy } });
    await service.judgeClaim(claim, sources);
    await service.judgeClaim({ ...claim, id: 'c6' }, sources);
    expect(seen).toEqual([`${server.baseUrl}/models`, `${server.baseUrl}/chat/completions`, `${server.baseUrl}/chat/completions`]);
  });

  it('with the local server on, judges a claim through it, choosing the first model it lists', async () => {
    server = await startFakeModelServer(fromTable({ [claim.text]: { verdict: 'contradicted', quote: 'Ridership fell to 21 percent in 2023', reason: 'It fell.' } }), {
      models: ['first-model', 'second'],
    });
    const service = createJudgeService({ settings: settingsOf({ tier: 'local-server', baseUrl: server.baseUrl }) });
    expect(await service.enabled()).toBe(true);
    const judged = await service.judgeClaim(claim, sources);
    expect(judged).toMatchObject({ verdict: 'contradicted', judgedBy: `first-model at ${new URL(server.origin).host}`, quote: 'Ridership fell to 21 percent in 2023' });
    expect(server.prompts[0].model).toBe('first-model');
  });

  it('keeps the word-match verdict when the server hangs, within the timeout, and when its address is refused', async () => {
    server = await startFakeModelServer(neverAnswers);
    const outcomes: string[] = [];
    const service = createJudgeService({
      settings: settingsOf({ tier: 'local-server', baseUrl: server.baseUrl, model: 'm' }),
      timeoutMs: 100,
      onOutcome: (_id, o) => outcomes.push(o.ok ? 'ok' : o.reason),
    });
    expect(await service.judgeClaim(claim, sources)).toBeNull();
    expect(outcomes).toEqual(['timeout']);
    const refused = createJudgeService({ settings: settingsOf({ tier: 'local-server', baseUrl: 'http://192.168.1.2:11434/v1', model: 'm' }) });
    expect(await refused.judgeClaim(claim, sources)).toBeNull();
  });

  it('stops a claim when its tab closes', async () => {
    server = await startFakeModelServer(neverAnswers);
    const outcomes: string[] = [];
    const service = createJudgeService({
      settings: settingsOf({ tier: 'local-server', baseUrl: server.baseUrl, model: 'm' }),
      onOutcome: (_id, o) => outcomes.push(o.ok ? 'ok' : o.reason),
    });
    const controller = new AbortController();
    const pending = service.judgeClaim(claim, sources, controller.signal);
    setTimeout(() => controller.abort(), 50);
    expect(await pending).toBeNull();
    expect(outcomes).toEqual(['cancelled']);
  });

  it('opens Chrome’s model only once it is downloaded, and Firefox’s only with the permission granted', async () => {
    const settings = { ...DEFAULT_JUDGE_SETTINGS, tier: 'chrome-builtin' as const };
    expect(await openJudge(settings, { languageModel: null })).toBeNull();
    expect(await openJudge(settings, { languageModel: fakeLanguageModel({ availability: 'downloadable', answer: () => '' }).api })).toBeNull();
    expect((await openJudge(settings, { languageModel: fakeLanguageModel({ answer: () => '' }).api }))?.tier).toBe('chrome-builtin');
    const firefox = { ...DEFAULT_JUDGE_SETTINGS, tier: 'firefox-ml' as const };
    expect(await openJudge(firefox, { trialMl: null })).toBeNull();
    expect((await openJudge(firefox, { trialMl: fakeTrialMl(() => 0).ml }))?.tier).toBe('firefox-ml');
  });
});
