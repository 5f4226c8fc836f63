/**
 * The judge as the background worker runs it: made from the reader's settings when first needed,
 * made again when they change, and asked about one claim at a time through a bounded queue.
 *
 * Judgement calls:
 * - Off unless the reader turned it on. A tier that cannot run (Chrome's model not downloaded,
 *   the trialML permission not granted, the server's address refused) judges nothing: the
 *   word-match verdicts stand, and the options page says why.
 * - The background never starts Chrome's model download: that takes the reader's click in the
 *   options page.
 * - Nothing here throws into the checker: every failure is a claim left as the words judged it.
 */
import type { Claim, Source } from '../report/schema';
import { judgeInputOf, withJudgement } from './claims';
import { createJudgeQueue, type Judge, type JudgeOutcome, type JudgeQueue } from './judge';
import type { JudgeSettings } from './settings';
import { createChromeJudge, createChromeSession, findLanguageModel, type LanguageModelStatic } from './tiers/chrome-builtin';
import { createFirefoxJudge, findTrialMl, type TrialMl } from './tiers/firefox-ml';
import { checkBaseUrl, createLocalServerJudge, probeLocalServer, type FetchLike } from './tiers/local-server';

export interface JudgeEnvironment {
  languageModel?: LanguageModelStatic | null;
  trialMl?: TrialMl | null;
  fetch?: FetchLike;
}

/** Makes the judge the settings ask for; null when it is off or cannot run here. */
export async function openJudge(settings: JudgeSettings, env: JudgeEnvironment = {}): Promise<Judge | null> {
  switch (settings.tier) {
    case 'off':
      return null;
    case 'chrome-builtin': {
      const api = env.languageModel === undefined ? findLanguageModel() : env.languageModel;
      if (!api || (await api.availability().catch(() => 'unavailable')) !== 'available') return null;
      return createChromeJudge(await createChromeSession(api));
    }
    case 'firefox-ml': {
      const ml = env.trialMl === undefined ? findTrialMl() : env.trialMl;
      return ml ? createFirefoxJudge(ml) : null;
    }
    case 'local-server': {
      if (!checkBaseUrl(settings.baseUrl, settings.allowNonLoopback).ok) return null;
      let model = settings.model;
      if (!model) {
        const probe = await probeLocalServer(settings.baseUrl, { fetch: env.fetch, allowNonLoopback: settings.allowNonLoopback });
        if (probe.status !== 'ok' || probe.models.length === 0) return null;
        model = probe.models[0];
      }
      return createLocalServerJudge({ baseUrl: settings.baseUrl, model, allowNonLoopback: settings.allowNonLoopback, fetch: env.fetch });
    }
  }
}

export interface JudgeServiceOptions {
  settings: () => Promise<JudgeSettings>;
  env?: JudgeEnvironment;
  concurrency?: number;
  timeoutMs?: number;
  /** Each outcome, for the worker's log and the tests. */
  onOutcome?: (claimId: string, outcome: JudgeOutcome) => void;
}

export function createJudgeService(options: JudgeServiceOptions) {
  let current: { key: string; queue: Promise<JudgeQueue | null> } | null = null;

  async function queueFor(settings: JudgeSettings): Promise<JudgeQueue | null> {
    const key = JSON.stringify(settings);
    if (current?.key !== key) {
      const previous = current?.queue;
      const queue = openJudge(settings, options.env)
        .then((judge) => (judge ? createJudgeQueue(judge, { concurrency: options.concurrency, timeoutMs: options.timeoutMs }) : null))
        .catch(() => null);
      current = { key, queue };
      void previous?.then((q) => q?.judge.close?.());
      // A judge that could not be made is tried again on the next claim.
      void queue.then((q) => {
        if (!q && current?.key === key) current = null;
      });
    }
    return current.queue;
  }

  return {
    /** Is the judge turned on (whether or not it can run)? */
    async enabled(): Promise<boolean> {
      return (await options.settings().catch(() => null))?.tier !== 'off';
    },
    /**
     * Asks the judge about a claim whose word-match verdict is out: resolves with the judged claim,
     * or null when the verdict stays (off, nothing to judge, answer dropped). Never rejects.
     */
    async judgeClaim(claim: Claim, sources: readonly Source[], signal?: AbortSignal): Promise<Claim | null> {
      try {
        const settings = await options.settings();
        if (settings.tier === 'off') return null;
        const input = judgeInputOf(claim, sources);
        if (!input) return null;
        const queue = await queueFor(settings);
        if (!queue) return null;
        const outcome = await queue.ask(input, signal);
        options.onOutcome?.(claim.id, outcome);
        return outcome.ok ? withJudgement(claim, outcome, queue.judge.name) : null;
      } catch {
        return null;
      }
    },
  };
}
export type JudgeService = ReturnType<typeof createJudgeService>;
