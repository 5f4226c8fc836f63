/**
 * The firefox-ml tier: Firefox's `browser.trial.ml` (Firefox 134+, optional permission `trialML`),
 * running Transformers.js' zero-shot classification, whose default model is trained for
 * entailment (MNLI). It is not a chat model: it scores "this sentence entails the claim" for each
 * sentence of the shown passages.
 *
 * Judgement calls:
 * - The quote is the best-scoring sentence itself, so it always passes the gate; the gate still
 *   checks it, as it checks every tier.
 * - Only two answers: "supported" when a sentence entails the claim with probability at least
 *   SUPPORTED_AT, "unsupported" when none reaches UNSUPPORTED_BELOW; between the two the tier
 *   has no opinion and the word-match verdict stands. The model cannot tell "partly" or
 *   "contradicted" apart in this mode. Both thresholds are unmeasured guesses, kept strict.
 */
import type { Judge } from '../judge';
import { buildPrompt, type JudgeInput, type ShownPassage } from '../prompt';

/** The parts of `browser.trial.ml` this tier uses. */
export interface TrialMl {
  createEngine(request: object): Promise<unknown>;
  runEngine(request: object): Promise<unknown>;
  deleteCachedModels?(): Promise<unknown>;
  onProgress?: { addListener(listener: (data: unknown) => void): void; removeListener?(listener: (data: unknown) => void): void };
}

export const FIREFOX_JUDGE_NAME = 'the entailment model in Firefox';
export const SUPPORTED_AT = 0.9;
export const UNSUPPORTED_BELOW = 0.1;
/** Sentences scored per claim: each is a model run. */
export const MAX_SENTENCES = 12;
export const ENGINE_REQUEST = { taskName: 'zero-shot-classification' } as const;

export function findTrialMl(scope: unknown = globalThis): TrialMl | null {
  const browser = (scope as { browser?: { trial?: { ml?: Partial<TrialMl> } } }).browser;
  const ml = browser?.trial?.ml;
  return ml && typeof ml.createEngine === 'function' && typeof ml.runEngine === 'function' ? (ml as TrialMl) : null;
}

function sentencesOf(shown: ShownPassage[]): { text: string; passage: number }[] {
  const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });
  const out: { text: string; passage: number }[] = [];
  shown.forEach((p, passage) => {
    for (const s of segmenter.segment(p.text)) {
      const text = s.segment.trim();
      if (text.split(/\s+/).length >= 3) out.push({ text, passage });
    }
  });
  return out.slice(0, MAX_SENTENCES);
}

/** The entailment score of the claim for one output of the zero-shot pipeline. */
function scoreOf(output: unknown): number | null {
  const o = output as { scores?: unknown };
  return Array.isArray(o?.scores) && typeof o.scores[0] === 'number' ? o.scores[0] : null;
}

export function createFirefoxJudge(ml: TrialMl): Judge {
  let engine: Promise<unknown> | null = null;
  return {
    tier: 'firefox-ml',
    name: FIREFOX_JUDGE_NAME,
    async judge(input: JudgeInput, signal) {
      // The model sees one sentence at a time; a generous budget just selects the passages.
      const prompt = buildPrompt(input, 8192);
      if (!prompt) return null;
      const sentences = sentencesOf(prompt.shown);
      if (sentences.length === 0) return null;
      engine ??= ml.createEngine(ENGINE_REQUEST).catch((error: unknown) => {
        engine = null;
        throw error;
      });
      await engine;
      let best = { score: -1, at: -1 };
      for (const [i, sentence] of sentences.entries()) {
        if (signal.aborted) throw new Error('cancelled');
        const result = (await ml.runEngine({
          args: [sentence.text, [input.claim]],
          options: { hypothesis_template: '{}', multi_label: true },
        })) as { output?: unknown } | unknown;
        const score = scoreOf((result as { output?: unknown })?.output ?? result);
        if (score === null) return { answer: null, shown: prompt.shown };
        if (score > best.score) best = { score, at: i };
      }
      if (best.score >= SUPPORTED_AT) {
        return {
          answer: { verdict: 'supported', quote: sentences[best.at].text, reason: `This sentence entails the claim (model score ${best.score.toFixed(2)}).` },
          shown: prompt.shown,
        };
      }
      if (best.score < UNSUPPORTED_BELOW) {
        return { answer: { verdict: 'unsupported', quote: '', reason: 'No sentence of the passages entails the claim.' }, shown: prompt.shown };
      }
      return null;
    },
  };
}
