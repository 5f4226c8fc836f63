/**
 * The chrome-builtin tier: Chrome's Prompt API (`LanguageModel`, Gemini Nano), which extensions
 * can use from Chrome 138 on, in the service worker and extension pages, without a permission.
 *
 * Judgement calls:
 * - One base session holds the system prompt; each claim is asked in a clone of it, destroyed
 *   afterwards, so claims never see each other and the context never fills up.
 * - The budget is measured: the prompt built from the estimate is measured with
 *   `measureContextUsage` (older builds: `measureInputUsage`) and rebuilt smaller when it would not
 *   fit in what the base session leaves of `contextWindow` (older: `inputQuota`).
 * - The API's shape is read defensively (any of it may be missing in a given build): a missing
 *   piece is "unavailable" with the reason, never a crash.
 */
import { JUDGE_ANSWER_JSON_SCHEMA, parseAnswerText } from '../answer';
import type { Judge } from '../judge';
import { ANSWER_RESERVE_TOKENS, buildPrompt, estimateTokens, SYSTEM_PROMPT } from '../prompt';

export type ChromeAvailability = 'unavailable' | 'downloadable' | 'downloading' | 'available';

/** The parts of Chrome's LanguageModel this tier uses. */
export interface LanguageModelSession {
  prompt(input: string, options?: { responseConstraint?: object; signal?: AbortSignal }): Promise<string>;
  clone?(options?: { signal?: AbortSignal }): Promise<LanguageModelSession>;
  destroy?(): void;
  measureContextUsage?(input: string): Promise<number>;
  measureInputUsage?(input: string): Promise<number>;
  contextWindow?: number;
  contextUsage?: number;
  inputQuota?: number;
  inputUsage?: number;
}
export interface LanguageModelStatic {
  availability(options?: object): Promise<ChromeAvailability>;
  create(options?: object): Promise<LanguageModelSession>;
}

export const CHROME_JUDGE_NAME = 'Gemini Nano in Chrome';
const LANGUAGE_OPTIONS = {
  expectedInputs: [{ type: 'text', languages: ['en'] }],
  expectedOutputs: [{ type: 'text', languages: ['en'] }],
};

export function findLanguageModel(scope: unknown = globalThis): LanguageModelStatic | null {
  const candidate = (scope as { LanguageModel?: unknown }).LanguageModel as Partial<LanguageModelStatic> | undefined;
  return candidate && typeof candidate.availability === 'function' && typeof candidate.create === 'function'
    ? (candidate as LanguageModelStatic)
    : null;
}

export type ChromeStatus =
  | { state: 'available' | 'downloadable' | 'downloading' }
  | { state: 'unavailable'; why: 'no_api' | 'device' | 'error'; detail?: string };

export async function chromeStatus(api = findLanguageModel()): Promise<ChromeStatus> {
  if (!api) return { state: 'unavailable', why: 'no_api' };
  try {
    const state = await api.availability(LANGUAGE_OPTIONS);
    if (state === 'available' || state === 'downloadable' || state === 'downloading') return { state };
    return { state: 'unavailable', why: 'device' };
  } catch (error) {
    return { state: 'unavailable', why: 'error', detail: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * Creates the base session, which downloads the model when needed (the first time, that needs
 * the reader's click: call it from a button). `onProgress` gets 0..1.
 */
export async function createChromeSession(
  api: LanguageModelStatic,
  options: { onProgress?: (loaded: number) => void; signal?: AbortSignal } = {},
): Promise<LanguageModelSession> {
  return api.create({
    ...LANGUAGE_OPTIONS,
    initialPrompts: [{ role: 'system', content: SYSTEM_PROMPT }],
    signal: options.signal,
    monitor(m: EventTarget) {
      m.addEventListener('downloadprogress', (e) => options.onProgress?.(Number((e as Event & { loaded?: number }).loaded ?? 0)));
    },
  });
}

function windowOf(session: LanguageModelSession): { total: number; used: number } | null {
  const total = session.contextWindow ?? session.inputQuota;
  const used = session.contextUsage ?? session.inputUsage ?? 0;
  return typeof total === 'number' && Number.isFinite(total) ? { total, used } : null;
}

async function measure(session: LanguageModelSession, text: string): Promise<number | null> {
  const fn = session.measureContextUsage ?? session.measureInputUsage;
  if (!fn) return null;
  return fn.call(session, text);
}

export function createChromeJudge(base: LanguageModelSession): Judge {
  return {
    tier: 'chrome-builtin',
    name: CHROME_JUDGE_NAME,
    close: () => base.destroy?.(),
    async judge(input, signal) {
      const context = windowOf(base);
      // What the base session leaves; the prompt builder counts the system prompt in its budget.
      const free = context ? context.total - context.used : 4096;
      // buildPrompt's budget counts the system prompt and the answer reserve on top of the user message.
      const overhead = estimateTokens(SYSTEM_PROMPT) + ANSWER_RESERVE_TOKENS;
      let prompt = buildPrompt(input, free - ANSWER_RESERVE_TOKENS + overhead);
      for (let tries = 0; prompt && tries < 3; tries++) {
        const used = await measure(base, prompt.user);
        if (used === null || used + ANSWER_RESERVE_TOKENS <= free) break;
        // The model's tokens per estimated token, measured on this prompt; aim 5% under.
        const ratio = used / estimateTokens(prompt.user);
        prompt = buildPrompt(input, Math.floor(((free - ANSWER_RESERVE_TOKENS) / ratio) * 0.95) + overhead);
      }
      if (!prompt) return null;
      const session = base.clone ? await base.clone({ signal }) : base;
      try {
        const text = await session.prompt(prompt.user, { responseConstraint: JUDGE_ANSWER_JSON_SCHEMA, signal });
        return { answer: parseAnswerText(text), shown: prompt.shown };
      } finally {
        if (session !== base) session.destroy?.();
      }
    },
  };
}
