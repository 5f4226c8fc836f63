/**
 * The reader's judge settings: off by default; which tier; for the local server, its base URL,
 * the model, and whether the reader confirmed an address that is not on this machine.
 */
import * as z from 'zod/mini';
import { JUDGE_TIERS } from './judge';
import { DEFAULT_BASE_URL } from './tiers/local-server';

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
