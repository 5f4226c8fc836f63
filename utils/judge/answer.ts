/**
 * What a judge must answer, as a zod schema (the gate parses every answer with it) and as the
 * JSON schema handed to the model (`response_format`, `responseConstraint`), kept side by side
 * so the two cannot drift apart.
 */
import * as z from 'zod/mini';

export const JUDGE_VERDICTS = ['supported', 'partial', 'unsupported', 'contradicted'] as const;
export type JudgeVerdict = (typeof JUDGE_VERDICTS)[number];

/** Long enough for a sentence or two of a passage; a longer "quote" is a copied passage, not a quote. */
export const MAX_QUOTE_CHARS = 600;
export const MAX_REASON_CHARS = 400;

export const JudgeAnswerSchema = z.object({
  verdict: z.enum(JUDGE_VERDICTS),
  quote: z.string().check(z.maxLength(MAX_QUOTE_CHARS)),
  reason: z.string().check(z.maxLength(MAX_REASON_CHARS)),
});
export type JudgeAnswer = z.infer<typeof JudgeAnswerSchema>;

export const JUDGE_ANSWER_JSON_SCHEMA = {
  type: 'object',
  properties: {
    verdict: { type: 'string', enum: [...JUDGE_VERDICTS] },
    quote: { type: 'string', maxLength: MAX_QUOTE_CHARS },
    reason: { type: 'string', maxLength: MAX_REASON_CHARS },
  },
  required: ['verdict', 'quote', 'reason'],
  additionalProperties: false,
} as const;

/** A model's raw text as an answer: JSON (optionally in a ``` fence), or null when it is not one. */
export function parseAnswerText(text: unknown): JudgeAnswer | null {
  if (typeof text !== 'string') return null;
  const unfenced = text.trim().replace(/^```(?:json)?\s*([\s\S]*?)\s*```$/i, '$1');
  let value: unknown;
  try {
    value = JSON.parse(unfenced);
  } catch {
    return null;
  }
  const parsed = JudgeAnswerSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}
