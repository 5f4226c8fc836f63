/**
 * One judge interface for every tier, and the one way to ask it about a claim: bounded in time,
 * cancellable, never throwing. Whatever goes wrong (the model hangs, fails, answers off-schema
 * or invents its quote) the outcome says so and the word-match verdict stands.
 */
import { gateAnswer, type AcceptedJudgement, type DropReason } from './gate';
import { buildPrompt, type JudgeInput, type JudgePrompt, type ShownPassage } from './prompt';

import type { JudgeTier } from './settings';

export { JUDGE_TIERS, type JudgeTier } from './settings';

/** What a tier hands back: the model's answer (any shape; the gate decides) and the passages it saw. */
export interface JudgeReply {
  answer: unknown;
  shown: ShownPassage[];
}

export interface Judge {
  tier: JudgeTier;
  /** How the card names it: "Gemini Nano in Chrome", "llama3.2 at 127.0.0.1:11434". */
  name: string;
  /** Null when the judge has nothing to say (no passage fits its context). */
  judge(input: JudgeInput, signal: AbortSignal): Promise<JudgeReply | null>;
  /** Frees the model's session, when it has one. */
  close?(): void;
}

/** A judge that reads a prompt: the Chrome and local-server tiers. */
export function promptJudge(
  tier: JudgeTier,
  name: string,
  contextTokens: number,
  ask: (prompt: JudgePrompt, signal: AbortSignal) => Promise<unknown>,
  close?: () => void,
): Judge {
  return {
    tier,
    name,
    close,
    async judge(input, signal) {
      const prompt = buildPrompt(input, contextTokens);
      if (!prompt) return null;
      return { answer: await ask(prompt, signal), shown: prompt.shown };
    },
  };
}

export type JudgeFailure = DropReason | 'timeout' | 'cancelled' | 'error' | 'nothing_to_judge';
export type JudgeOutcome = (AcceptedJudgement & { ms: number }) | { ok: false; reason: JudgeFailure; detail?: string; ms: number };

/** How long one claim may take (Gemini Nano on a CPU, a 7B model on a laptop). */
export const DEFAULT_TIMEOUT_MS = 60_000;
/** Claims judged at once: one local model serves one request at a time well. */
export const DEFAULT_CONCURRENCY = 2;

export interface AskOptions {
  timeoutMs?: number;
  signal?: AbortSignal;
  now?: () => number;
}

/** Asks a judge about one claim and gates its answer. Never throws; late answers are dropped. */
export async function askJudge(judge: Judge, input: JudgeInput, options: AskOptions = {}): Promise<JudgeOutcome> {
  const now = options.now ?? (() => performance.now());
  const t0 = now();
  const ms = () => Math.round(now() - t0);
  const timeout = AbortSignal.timeout(options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
  if (signal.aborted) return { ok: false, reason: options.signal?.aborted ? 'cancelled' : 'timeout', ms: ms() };
  // A tier that ignores its signal must not hold the claim: the race ends at the abort.
  const aborted = new Promise<'aborted'>((resolve) => signal.addEventListener('abort', () => resolve('aborted'), { once: true }));
  try {
    const reply = await Promise.race([judge.judge(input, signal), aborted]);
    if (reply === 'aborted' || signal.aborted) {
      return { ok: false, reason: options.signal?.aborted ? 'cancelled' : 'timeout', ms: ms() };
    }
    if (!reply) return { ok: false, reason: 'nothing_to_judge', ms: ms() };
    return { ...gateAnswer(reply.answer, reply.shown), ms: ms() };
  } catch (error) {
    if (signal.aborted) return { ok: false, reason: options.signal?.aborted ? 'cancelled' : 'timeout', ms: ms() };
    return { ok: false, reason: 'error', detail: error instanceof Error ? error.message : String(error), ms: ms() };
  }
}

/**
 * A queue in front of a judge: at most `concurrency` claims at once, each within `timeoutMs`.
 * A claim still waiting when its signal aborts (the tab closed) is never sent.
 */
export function createJudgeQueue(judge: Judge, options: { concurrency?: number; timeoutMs?: number } = {}) {
  const limit = Math.max(1, options.concurrency ?? DEFAULT_CONCURRENCY);
  let running = 0;
  const waiting: (() => void)[] = [];
  const release = () => {
    running--;
    waiting.shift()?.();
  };
  return {
    judge,
    async ask(input: JudgeInput, signal?: AbortSignal): Promise<JudgeOutcome> {
      if (signal?.aborted) return { ok: false, reason: 'cancelled', ms: 0 };
      if (running >= limit) {
        const cancelled = await new Promise<boolean>((resolve) => {
          const go = () => {
            signal?.removeEventListener('abort', stop);
            resolve(false);
          };
          const stop = () => {
            const at = waiting.indexOf(go);
            if (at >= 0) waiting.splice(at, 1);
            resolve(true);
          };
          waiting.push(go);
          signal?.addEventListener('abort', stop, { once: true });
        });
        if (cancelled) return { ok: false, reason: 'cancelled', ms: 0 };
      }
      running++;
      try {
        return await askJudge(judge, input, { timeoutMs: options.timeoutMs, signal });
      } finally {
        release();
      }
    },
  };
}
export type JudgeQueue = ReturnType<typeof createJudgeQueue>;
