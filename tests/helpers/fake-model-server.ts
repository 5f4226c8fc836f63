/**
 * A fake OpenAI-compatible model server on 127.0.0.1 (a random port) for the judge's tests, the
 * end-to-end run and the eval: `GET /v1/models` and `POST /v1/chat/completions`, answering from
 * a function of the claim and passages it was sent. Ready-made behaviours: answers from a table,
 * one that invents quotes, one that answers off-schema, one that never answers, one that answers
 * 403 as Ollama does to an extension origin it was not told to allow, and one that answers each
 * claim's gold label from an eval file.
 *
 * Run alone (for `npm run eval -- … --judge`):
 *   npx tsx tests/helpers/fake-model-server.ts --mode invented|never|gold [--data file.jsonl]
 * prints its base URL and serves until stopped.
 *
 * Bounded: a cap on connections, short keep-alive; a hanging request is released on close.
 */
import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';

export interface SeenPrompt {
  model: string;
  system: string;
  user: string;
  claim: string;
  passages: string[];
  /** The request body as sent. */
  body: Record<string, unknown>;
}

/** What the server does with one chat request. */
export type FakeReply =
  | { answer: { verdict: string; quote: string; reason: string } }
  /** `choices[0].message.content` as given (off-schema text, for one). */
  | { content: string }
  /** A whole response body (off-schema at the transport level). */
  | { raw: unknown }
  | { status: number }
  | { hang: true };

export interface FakeModelServer {
  /** http://127.0.0.1:PORT/v1 */
  baseUrl: string;
  origin: string;
  /** Every request: method, path and the Origin header it came with. */
  requests: { method: string; path: string; origin?: string }[];
  prompts: SeenPrompt[];
  close(): Promise<void>;
}

const unneutralise = (text: string) => text.replace(/‹/g, '<').replace(/›/g, '>');

/** Reads the claim and passages back out of the prompt the judge builds. */
export function readPrompt(user: string): { claim: string; passages: string[] } {
  const claim = /<claim>([\s\S]*?)<\/claim>/.exec(user)?.[1] ?? '';
  const passages = [...user.matchAll(/<passage [^>]*>([\s\S]*?)<\/passage>/g)].map((m) => unneutralise(m[1]));
  return { claim: unneutralise(claim), passages };
}

export async function startFakeModelServer(
  reply: (prompt: SeenPrompt) => FakeReply | Promise<FakeReply>,
  options: { models?: string[]; forbidden?: boolean } = {},
): Promise<FakeModelServer> {
  const requests: FakeModelServer['requests'] = [];
  const prompts: SeenPrompt[] = [];
  const hanging = new Set<http.ServerResponse>();
  const send = (res: http.ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'Content-Type': 'application/json', 'Access-Control-Allow-Origin': '*' });
    res.end(JSON.stringify(body));
  };
  const server = http.createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://fake').pathname;
    requests.push({ method: req.method ?? '', path, origin: req.headers.origin });
    if (req.method === 'OPTIONS') {
      res.writeHead(204, {
        'Access-Control-Allow-Origin': '*',
        'Access-Control-Allow-Methods': 'GET, POST',
        'Access-Control-Allow-Headers': 'Content-Type',
      });
      return res.end();
    }
    if (options.forbidden) {
      res.writeHead(403);
      return res.end();
    }
    if (req.method === 'GET' && path === '/v1/models') {
      return send(res, 200, { object: 'list', data: (options.models ?? ['fake-judge']).map((id) => ({ id, object: 'model' })) });
    }
    if (req.method !== 'POST' || path !== '/v1/chat/completions') return send(res, 404, { error: 'not found' });
    let data = '';
    req.setEncoding('utf8');
    req.on('data', (chunk) => (data += chunk));
    req.on('end', async () => {
      let body: Record<string, unknown>;
      try {
        body = JSON.parse(data);
      } catch {
        return send(res, 400, { error: 'bad json' });
      }
      const messages = (body.messages ?? []) as { role: string; content: string }[];
      const system = messages.find((m) => m.role === 'system')?.content ?? '';
      const user = messages.find((m) => m.role === 'user')?.content ?? '';
      const prompt: SeenPrompt = { model: String(body.model), system, user, ...readPrompt(user), body };
      prompts.push(prompt);
      const what = await reply(prompt);
      if ('hang' in what) {
        hanging.add(res);
        res.on('close', () => hanging.delete(res));
        return;
      }
      if ('status' in what) return send(res, what.status, { error: 'refused' });
      if ('raw' in what) return send(res, 200, what.raw);
      const content = 'content' in what ? what.content : JSON.stringify(what.answer);
      send(res, 200, { id: 'fake', object: 'chat.completion', choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }] });
    });
  });
  server.maxConnections = 64;
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    baseUrl: `${origin}/v1`,
    origin,
    requests,
    prompts,
    async close() {
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

// ---------- ready-made behaviours ----------

/** Answers by claim text from a table; a claim not in it gets "unsupported" without a quote. */
export function fromTable(table: Record<string, { verdict: string; quote: string; reason?: string }>) {
  return (p: SeenPrompt): FakeReply => {
    const row = table[p.claim];
    return { answer: row ? { reason: 'From the table.', ...row } : { verdict: 'unsupported', quote: '', reason: 'Not in the table.' } };
  };
}

/** Always "supported", quoting a sentence that is in no source. */
export const INVENTED_QUOTE = 'The committee unanimously confirmed every figure quoted in this claim.';
export const inventsQuotes = (): FakeReply => ({ answer: { verdict: 'supported', quote: INVENTED_QUOTE, reason: 'Invented.' } });

/** Answers that are JSON of the wrong shape, prose, or a body without choices. */
export function offSchema(p: SeenPrompt): FakeReply {
  const kind = p.claim.length % 3;
  if (kind === 0) return { content: JSON.stringify({ verdict: 'true', quote: p.passages[0] ?? '', reason: 1 }) };
  if (kind === 1) return { content: 'Sure! The claim is supported by the passage.' };
  return { raw: { result: 'supported' } };
}

export const neverAnswers = (): FakeReply => ({ hang: true });

interface GoldRecord {
  claim: string;
  source_text?: string;
  label: string;
  evidence?: number[];
  source_sentences?: string[];
}

/**
 * Answers each claim's gold label, quoting a gold evidence sentence when one was shown whole;
 * otherwise it answers without a quote (which the gate lets through only for "unsupported").
 */
export function goldAnswers(records: GoldRecord[]) {
  const byClaim = new Map<string, GoldRecord[]>();
  for (const r of records) byClaim.set(r.claim, [...(byClaim.get(r.claim) ?? []), r]);
  return (p: SeenPrompt): FakeReply => {
    // One claim may cite several sources, each with its own label: the passages tell which.
    const candidates = byClaim.get(p.claim) ?? [];
    const record = candidates.find((r) => p.passages.every((passage) => r.source_text?.includes(passage))) ?? candidates[0];
    if (!record) return { answer: { verdict: 'unsupported', quote: '', reason: 'Unknown claim.' } };
    const gold = (record.evidence ?? []).map((i) => record.source_sentences?.[i]?.trim()).filter((s): s is string => !!s && s.split(/\s+/).length >= 3);
    const quote = gold.find((s) => p.passages.some((passage) => passage.includes(s))) ?? '';
    return { answer: { verdict: record.label, quote, reason: quote ? 'The gold evidence sentence.' : 'Gold label, no evidence shown.' } };
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { values } = parseArgs({ options: { mode: { type: 'string' }, data: { type: 'string' } } });
  const mode = values.mode ?? 'invented';
  const behaviours: Record<string, () => (p: SeenPrompt) => FakeReply> = {
    invented: () => inventsQuotes,
    never: () => neverAnswers,
    'off-schema': () => offSchema,
    gold: () => {
      if (!values.data) throw new Error('--mode gold needs --data file.jsonl');
      const lines = readFileSync(values.data, 'utf8').split('\n').filter((l) => l.trim());
      return goldAnswers(lines.map((l) => JSON.parse(l) as GoldRecord));
    },
  };
  if (!behaviours[mode]) throw new Error(`unknown --mode ${mode}: ${Object.keys(behaviours).join(', ')}`);
  const server = await startFakeModelServer(behaviours[mode]());
  console.log(server.baseUrl);
  const stop = () => void server.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
