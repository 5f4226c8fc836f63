/**
 * The local-server tier: the reader's own OpenAI-compatible model server (Ollama, llama.cpp's
 * llama-server, LM Studio) at a base URL they give, such as http://127.0.0.1:11434/v1.
 *
 * The contract: `GET <base>/models` lists the models; `POST <base>/chat/completions` with
 * `messages` and a `response_format` JSON schema answers with the judgement's JSON object in
 * `choices[0].message.content`.
 *
 * Judgement calls:
 * - Only loopback addresses, unless the reader confirmed another one: the claim and passages
 *   must not leave the machine by a typo.
 * - No cookies, no referrer, and redirects refused, so a request cannot be bounced to another
 *   host: every request goes to the base URL the reader gave and nowhere else.
 * - A 403 is what Ollama answers an extension's origin until the reader allows it; the status
 *   says exactly what to set.
 */
import * as z from 'zod/mini';
import { JUDGE_ANSWER_JSON_SCHEMA, parseAnswerText } from '../answer';
import { promptJudge, type Judge } from '../judge';
import { DEFAULT_CONTEXT_TOKENS, ANSWER_RESERVE_TOKENS } from '../prompt';

/** What the reader sets for Ollama to answer Citecheck's requests. */
export const OLLAMA_ORIGINS_LINE = 'OLLAMA_ORIGINS=chrome-extension://*,moz-extension://*';
export { DEFAULT_BASE_URL } from '../settings';

export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  return host === 'localhost' || host.endsWith('.localhost') || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host) || host === '[::1]';
}

export type BaseUrlCheck = { ok: true; base: string; loopback: boolean } | { ok: false; reason: 'invalid' | 'scheme' | 'not_loopback' };

/** The base URL as the judge uses it (no trailing slash), or why it cannot be used. */
export function checkBaseUrl(input: string, allowNonLoopback = false): BaseUrlCheck {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    return { ok: false, reason: 'invalid' };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { ok: false, reason: 'scheme' };
  if (url.username || url.password || url.search || url.hash) return { ok: false, reason: 'invalid' };
  const loopback = isLoopbackHost(url.hostname);
  if (!loopback && !allowNonLoopback) return { ok: false, reason: 'not_loopback' };
  return { ok: true, base: url.href.replace(/\/+$/, ''), loopback };
}

const REQUEST: RequestInit = {
  credentials: 'omit',
  redirect: 'error',
  referrerPolicy: 'no-referrer',
  cache: 'no-store',
};

const ModelsAnswerSchema = z.object({ data: z.array(z.object({ id: z.string() })) });
const ChatAnswerSchema = z.object({
  choices: z.array(z.object({ message: z.object({ content: z.nullable(z.optional(z.string())) }) })).check(z.minLength(1)),
});

export type ProbeResult =
  | { status: 'ok'; models: string[] }
  | { status: 'forbidden'; httpStatus: number; fix: string }
  | { status: 'http_error'; httpStatus: number }
  | { status: 'bad_answer' }
  | { status: 'unreachable'; detail: string }
  | { status: 'refused_url'; reason: 'invalid' | 'scheme' | 'not_loopback' };

/** Asks the server for its models: the options page's probe, and the eval's start. */
export async function probeLocalServer(
  baseUrl: string,
  options: { fetch?: FetchLike; allowNonLoopback?: boolean; signal?: AbortSignal; timeoutMs?: number } = {},
): Promise<ProbeResult> {
  const checked = checkBaseUrl(baseUrl, options.allowNonLoopback);
  if (!checked.ok) return { status: 'refused_url', reason: checked.reason };
  const doFetch = options.fetch ?? ((url, init) => fetch(url, init));
  const timeout = AbortSignal.timeout(options.timeoutMs ?? 5_000);
  let response: Response;
  try {
    response = await doFetch(`${checked.base}/models`, {
      ...REQUEST,
      method: 'GET',
      signal: options.signal ? AbortSignal.any([options.signal, timeout]) : timeout,
    });
  } catch (error) {
    return { status: 'unreachable', detail: error instanceof Error ? error.message : String(error) };
  }
  if (response.status === 403) return { status: 'forbidden', httpStatus: 403, fix: OLLAMA_ORIGINS_LINE };
  if (!response.ok) return { status: 'http_error', httpStatus: response.status };
  try {
    const parsed = ModelsAnswerSchema.safeParse(await response.json());
    if (!parsed.success) return { status: 'bad_answer' };
    return { status: 'ok', models: parsed.data.data.map((m) => m.id) };
  } catch {
    return { status: 'bad_answer' };
  }
}

export interface LocalServerConfig {
  baseUrl: string;
  model: string;
  allowNonLoopback?: boolean;
  /** The model's context in tokens; Ollama's default on smaller GPUs when not known. */
  contextTokens?: number;
  fetch?: FetchLike;
}

export class LocalServerError extends Error {
  constructor(
    message: string,
    readonly httpStatus?: number,
  ) {
    super(message);
  }
}

export function createLocalServerJudge(config: LocalServerConfig): Judge {
  const checked = checkBaseUrl(config.baseUrl, config.allowNonLoopback);
  if (!checked.ok) throw new LocalServerError(`the judge's address is refused (${checked.reason})`);
  const doFetch = config.fetch ?? ((url, init) => fetch(url, init));
  const host = new URL(checked.base).host;
  const contextTokens = config.contextTokens ?? DEFAULT_CONTEXT_TOKENS;
  return promptJudge('local-server', `${config.model} at ${host}`, contextTokens, async (prompt, signal) => {
    const response = await doFetch(`${checked.base}/chat/completions`, {
      ...REQUEST,
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      signal,
      body: JSON.stringify({
        model: config.model,
        messages: [
          { role: 'system', content: prompt.system },
          { role: 'user', content: prompt.user },
        ],
        temperature: 0,
        stream: false,
        max_tokens: ANSWER_RESERVE_TOKENS,
        response_format: {
          type: 'json_schema',
          json_schema: { name: 'judgement', strict: true, schema: JUDGE_ANSWER_JSON_SCHEMA },
        },
      }),
    });
    if (response.status === 403) throw new LocalServerError(`the model server refused the request (403): set ${OLLAMA_ORIGINS_LINE}`, 403);
    if (!response.ok) throw new LocalServerError(`the model server answered ${response.status}`, response.status);
    const parsed = ChatAnswerSchema.safeParse(await response.json());
    // Off-schema at the transport level is off-schema for the gate too.
    return parsed.success ? parseAnswerText(parsed.data.choices[0].message.content) : null;
  });
}
