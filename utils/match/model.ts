/**
 * The score and the verdict.
 *
 * score = coverage × (f_n + (1 − f_n) × numbers) × (f_m + (1 − f_m) × names), the factors of
 * `features.ts`. A floor f of 0 makes a missing number or name a full veto, 1 ignores it. Two
 * floors and two thresholds (supported, partial) are the only fitted parameters; they and a
 * two-parameter calibration (Platt: P(supported) = σ(a × score + b), fitted on out-of-fold
 * predictions) come from `scripts/fit-match.ts` through `weights.json`, checked with a schema
 * when loaded. The shown score is the calibrated one; the thresholds apply to the raw score (the
 * calibration is monotone, so the verdicts are the same either way).
 */
import * as z from 'zod/mini';
import type { ScoreFactors } from './features';
import type { MatchVerdict } from './types';
import weightsJson from './weights.json';

const unit = z.number().check(z.gte(0), z.lte(1));

export const WeightsSchema = z.object({
  retrieval: z.object({
    nameBoost: z.number().check(z.positive()),
    numberBoost: z.number().check(z.positive()),
    windowPenalty: unit,
    synonyms: z.optional(z.boolean()),
    synonymCredit: z.optional(unit),
  }),
  score: z.object({ numberFloor: unit, nameFloor: unit }),
  thresholds: z
    .object({ supported: unit, partial: unit })
    .check(z.refine((t) => t.partial <= t.supported, 'partial threshold above supported')),
  calibration: z.object({ a: z.number(), b: z.number() }),
  /** A part counts as stated at this share of its weighted key words (set, not fitted). */
  partStated: unit,
  /** How the figures were obtained and what they were; free-form, written by the fitting script. */
  cv: z.optional(z.unknown()),
});
export type MatchParams = z.infer<typeof WeightsSchema>;

export function loadParams(raw: unknown): MatchParams {
  const parsed = WeightsSchema.safeParse(raw);
  if (!parsed.success) throw new Error(`utils/match/weights.json: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return parsed.data;
}

export const DEFAULT_PARAMS: MatchParams = loadParams(weightsJson);

export function rawScore(score: MatchParams['score'], f: ScoreFactors): number {
  const veto = (floor: number, share: number) => floor + (1 - floor) * share;
  return f.coverage * veto(score.numberFloor, f.numbers) * veto(score.nameFloor, f.names);
}

export function calibrated(params: MatchParams, raw: number): number {
  const p = 1 / (1 + Math.exp(-(params.calibration.a * raw + params.calibration.b)));
  return Number.isFinite(p) ? p : 0;
}

/** How many of the claim's parts the sources state, of how many. */
export interface PartsStated {
  stated: number;
  of: number;
}

/**
 * The verdict: a reliable contradiction in a tightly aligned passage wins; supported at the
 * supported threshold; partial at the partial threshold, or when at least one part of the claim
 * is stated. (Requiring every part stated for `supported` as well cost 0.04 WiCE balanced
 * accuracy: a paraphrased part often falls under the share, while the chunked coverage already
 * counts what a missing part lacks.)
 */
export function decide(thresholds: MatchParams['thresholds'], raw: number, contradicted: boolean, parts: PartsStated): MatchVerdict {
  if (contradicted) return 'contradicted';
  if (raw >= thresholds.supported) return 'supported';
  if (raw >= thresholds.partial || parts.stated > 0) return 'partial';
  return 'unsupported';
}
