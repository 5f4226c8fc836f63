/**
 * The reader's judge settings: off by default; which tier; for the local server, its base URL,
 * the model, and whether the reader confirmed an address that is not on this machine.
 */
import * as z from 'zod/mini';

// The tiers and the local server's default address live here, not with the judge's code: the
// content script reads the settings, and must not carry the judge's prompt and gate with them.
export const JUDGE_TIERS = ['chrome-builtin', 'firefox-ml', 'local-server'] as const;
export type JudgeTier = (typeof JUDGE_TIERS)[number];
export const DEFAULT_BASE_URL = 'http://127.0.0.1:11434/v1';

export const JudgeChoiceSchema = z.enum(['off', ...JUDGE_TIERS]);
export type JudgeChoice = z.infer<typeof JudgeChoiceSchema>;

export const JudgeSettingsSchema = z.object({
  tier: z.catch(JudgeChoiceSchema, 'off'),
  baseUrl: z.catch(z.string(), DEFAULT_BASE_URL),
  model: z.catch(z.string(), ''),
  /** The reader confirmed that claims and passages may go to a non-loopback address. */
  allowNonLoopback: z.catch(z.boolean(), false),
});
export type JudgeSettings = z.infer<typeof JudgeSettingsSchema>;

export const DEFAULT_JUDGE_SETTINGS: JudgeSettings = {
  tier: 'off',
  baseUrl: DEFAULT_BASE_URL,
  model: '',
  allowNonLoopback: false,
};
