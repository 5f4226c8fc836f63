// @vitest-environment node
import { afterEach, describe, expect, it } from 'vitest';
import {
  fromTable,
  INVENTED_QUOTE,
  inventsQuotes,
  neverAnswers,
  offSchema,
  startFakeModelServer,
  type FakeModelServer,
} from '../../../tests/helpers/fake-model-server';
import { askJudge } from '../judge';
import type { JudgeInput } from '../prompt';
import { checkBaseUrl, createLocalServerJudge, OLLAMA_ORIGINS_LINE, probeLocalServer } from './local-server';

const input: JudgeInput = {
  claimId: 'c5',
  claim: 'Ridership rose to 27 percent.',
  passages: [
    { sourceId: 's2', label: 'Source 2', text: 'Ridership fell to 21 percent in 2023, the agency said.' },
    { sourceId: 's2', label: 'Source 2', text: 'Buses ran every ten minutes.' },
  ],
};

let server: FakeModelServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

describe('base URL', () => {
  it('takes loopback addresses only, unless the reader confirmed another', () => {
    expect(checkBaseUrl('http://127.0.0.1:11434/v1/')).toEqual({ ok: true, base: 'http://127.0.0.1:11434/v1', loopback: true });
    expect(checkBaseUrl('http://localhost:8080/v1')).toMatchObject({ ok: true, loopback: true });
    expect(checkBaseUrl('http://[::1]:1234/v1')).toMatchObject({ ok: true, loopback: true });
    expect(checkBaseUrl('http://0x7f.1:11434/v1')).toMatchObject({ ok: true, base: 'http://127.0.0.1:11434/v1' });
    expect(checkBaseUrl('http://192.168.1.20:11434/v1')).toEqual({ ok: false, reason: 'not_loopback' });
    expect(checkBaseUrl('https://api.example.com/v1')).toEqual({ ok: false, reason: 'not_loopback' });
    expect(checkBaseUrl('http://127.0.0.1.example.com/v1')).toEqual({ ok: false, reason: 'not_loopback' });
    expect(checkBaseUrl('http://192.168.1.20:11434/v1', true)).toMatchObject({ ok: true, loopback: false });
    expect(checkBaseUrl('file:///etc/passwd', true)).toEqual({ ok: false, reason: 'scheme' });
    expect(checkBaseUrl('http://user:pw@127.0.0.1/v1')).toEqual({ ok: false, reason: 'invalid' });
    expect(checkBaseUrl('not a url')).toEqual({ ok: false, reason: 'invalid' });
    expect(() => createLocalServerJudge({ baseUrl: 'http://10.0.0.5/v1', model: 'm' })).toThrow(/refused/);
  });
});

describe('the local-server tier against a fake OpenAI-compatible server', () => {
  it('lists the models', async () => {
    server = await startFakeModelServer(inventsQuotes, { models: ['llama3.2', 'bespoke-minicheck'] });
    expect(await probeLocalServer(server.baseUrl)).toEqual({ status: 'ok', models: ['llama3.2', 'bespoke-minicheck'] });
  });

  it('on a 403 names the exact OLLAMA_ORIGINS line', async () => {
    server = await startFakeModelServer(inventsQuotes, { forbidden: true });
    expect(await probeLocalServer(server.baseUrl)).toEqual({ status: 'forbidden', httpStatus: 403, fix: 'OLLAMA_ORIGINS=chrome-extension://*,moz-extension://*' });
    const outcome = await askJudge(createLocalServerJudge({ baseUrl: server.baseUrl, model: 'm' }), input);
    expect(outcome).toMatchObject({ ok: false, reason: 'error' });
    expect(outcome.ok === false && outcome.detail).toContain(OLLAMA_ORIGINS_LINE);
  });

  it('says unreachable when nothing listens', async () => {
    server = await startFakeModelServer(inventsQuotes);
    const base = server.baseUrl;
    await server.close();
    server = null;
    expect(await probeLocalServer(base)).toMatchObject({ status: 'unreachable' });
  });

  it('sends the contract: messages, a JSON-schema response_format, the chosen model, and reads choices[0].message.content', async () => {
    server = await startFakeModelServer(
      fromTable({ [input.claim]: { verdict: 'contradicted', quote: 'Ridership fell to 21 percent in 2023', reason: 'It fell, to 21.' } }),
    );
    const judge = createLocalServerJudge({ baseUrl: server.baseUrl, model: 'bespoke-minicheck' });
    expect(judge.name).toBe(`bespoke-minicheck at ${new URL(server.origin).host}`);
    const outcome = await askJudge(judge, input);
    expect(outcome).toMatchObject({ ok: true, verdict: 'contradicted', quote: 'Ridership fell to 21 percent in 2023', reason: 'It fell, to 21.', at: { sourceId: 's2', index: 0 } });
    const [seen] = server.prompts;
    expect(seen.model).toBe('bespoke-minicheck');
    expect(seen.claim).toBe(input.claim);
    expect(seen.passages).toEqual(input.passages.map((p) => p.text));
    expect(seen.body.response_format).toMatchObject({ type: 'json_schema', json_schema: { schema: { required: ['verdict', 'quote', 'reason'] } } });
    expect(seen.body.stream).toBe(false);
    expect(server.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['POST /v1/chat/completions']);
  });

  it('drops invented quotes and off-schema answers', async () => {
    server = await startFakeModelServer(inventsQuotes);
    const invented = await askJudge(createLocalServerJudge({ baseUrl: server.baseUrl, model: 'm' }), input);
    expect(invented).toMatchObject({ ok: false, reason: 'quote_not_found' });
    expect(server.prompts[0].user).not.toContain(INVENTED_QUOTE);
    await server.close();
    server = await startFakeModelServer(offSchema);
    const judge = createLocalServerJudge({ baseUrl: server.baseUrl, model: 'm' });
    const claims = ['a', 'ab', 'abc'].map((suffix) => ({ ...input, claim: `${input.claim} ${suffix}` }));
    const outcomes = await Promise.all(claims.map((c) => askJudge(judge, c)));
    expect(outcomes.map((o) => o.ok || o.reason)).toEqual(['off_schema', 'off_schema', 'off_schema']);
  });

  it('gives up on a server that never answers at the per-claim timeout', async () => {
    server = await startFakeModelServer(neverAnswers);
    const t0 = Date.now();
    const outcome = await askJudge(createLocalServerJudge({ baseUrl: server.baseUrl, model: 'm' }), input, { timeoutMs: 200 });
    expect(outcome).toMatchObject({ ok: false, reason: 'timeout' });
    expect(Date.now() - t0).toBeLessThan(5_000);
  });

  it('sends nothing anywhere but the base URL the reader gave: no redirect is followed', async () => {
    const other = await startFakeModelServer(inventsQuotes);
    const seen: string[] = [];
    const spy = (url: string, init: RequestInit) => {
      seen.push(url);
      return fetch(url, init);
    };
    // A loopback server that redirects to another one: the redirect must not be followed.
    const redirecting = await (await import('node:http')).createServer((_req, res) => {
      res.writeHead(302, { Location: `${other.baseUrl}/chat/completions` });
      res.end();
    });
    await new Promise<void>((r) => redirecting.listen(0, '127.0.0.1', () => r()));
    const base = `http://127.0.0.1:${(redirecting.address() as { port: number }).port}/v1`;
    const outcome = await askJudge(createLocalServerJudge({ baseUrl: base, model: 'm', fetch: spy }), input);
    expect(await probeLocalServer(base, { fetch: spy })).toMatchObject({ status: 'unreachable' });
    expect(outcome).toMatchObject({ ok: false, reason: 'error' });
    expect(seen.every((url) => url.startsWith(`${base}/`))).toBe(true);
    expect(seen).toEqual([`${base}/chat/completions`, `${base}/models`]);
    expect(other.requests).toEqual([]);
    redirecting.closeAllConnections();
    await new Promise<void>((r) => redirecting.close(() => r()));
    await other.close();
  });
});
