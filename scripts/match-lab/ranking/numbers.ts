/**
 * Lab: which of a sentence's number mentions state a claim's number, for the lab's counts of a
 * number term in a window.
 */
import { sameNumber, type NumberMention } from '../../../utils/match/numbers';

export function mentionsStating(mentions: readonly NumberMention[], claim: NumberMention): NumberMention[] {
  return mentions.filter((m) => sameNumber(m, claim));
}
