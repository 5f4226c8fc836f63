/**
 * The score and the verdict.
 *
 * score = coverage × (f + (1 − f) × numbers) × (f + (1 − f) × names), the factors of
 * `features.ts`. A floor f of 0 (set, not fitted) makes a missing number or name a full veto, 1
 * ignores it. The vetoes decide `supported` only: a claim whose number the source lacks can
 * still be partly stated, so the partial threshold reads the coverage itself. Two thresholds
 * (supported on the score, partial on the coverage) are the only fitted parameters; the share of
 * its words every part needs for `supported` is set (0.3). They and a two-parameter calibration
 * (Platt: P(supported) = σ(a × score + b), fitted on out-of-fold predictions) come from
 * `scripts/fit-match.ts` through `weights.json`, checked with a schema when loaded. The shown
 * score is the calibrated one; the thresholds apply to the raw score and coverage (the
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
    maxWindow: z.optional(z.int().check(z.gte(1), z.lte(6))),
  }),
  /** What a missing number or name leaves of the score (set: 0, a full veto). */
  score: z.object({ floor: unit }),
  thresholds: z
    /**
     * `supported`: on the score; `partial`: on the coverage, without the vetoes; `everyPart`: for
     * `supported`, each part of the claim needs this share of its weighted key words.
     */
    .object({ supported: unit, partial: unit, everyPart: unit })
    .check(z.refine((t) => t.partial <= t.supported, 'partial threshold above supported')),
  calibration: z.object({ a: z.number(), b: z.number() }),
  /** A part counts as stated at this share of its weighted key words (set, not fitted). */
  partStated: unit,
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
  return f.coverage * veto(score.floor, f.numbers) * veto(score.floor, f.names);
}

export function calibrated(params: MatchParams, raw: number): number {
  const p = 1 / (1 + Math.exp(-(params.calibration.a * raw + params.calibration.b)));
  return Number.isFinite(p) ? p : 0;
}

/** Each part's best coverage (`PartCoverage.best`) and the share at which a part counts as stated. */
export interface PartsStated {
  best: number[];
  stated: number;
}

/**
 * The verdict: a reliable contradiction in a tightly aligned passage wins; supported at the
 * supported threshold of the score when every part holds `everyPart` of its words; partial at
 * the partial threshold of the coverage (`raw` when not given), or when the claim has several
 * parts and at least one of them is stated.
 */
export function decide(thresholds: MatchParams['thresholds'], raw: number, contradicted: boolean, parts: PartsStated, coverage = raw): MatchVerdict {
  if (contradicted) return 'contradicted';
  if (raw >= thresholds.supported && parts.best.every((c) => c >= thresholds.everyPart)) return 'supported';
  // "Some parts stated, others missing" needs parts: a claim of one part is partial by its coverage alone.
  if (coverage >= thresholds.partial || (parts.best.length > 1 && parts.best.some((c) => c >= parts.stated))) return 'partial';
  return 'unsupported';
}
