/**
 * Lab: which of a sentence's number mentions state a claim's number, for the lab's counts of a
 * number term in a window. The same agreement as retrieval's (`statedIn`): a claim's year span
 * ("2018–19") is stated by the same span, or by both of its years written in the sentence, never
 * by one year alone (`sameNumber` alone lets a single year agree with a span, loosely).
 */
import { sameNumber, statedIn, type NumberMention } from '../../../utils/match/numbers';

export function mentionsStating(mentions: readonly NumberMention[], claim: NumberMention): NumberMention[] {
  if (!claim.span) return mentions.filter((m) => sameNumber(m, claim));
  if (!statedIn(mentions, claim)) return [];
  const same = mentions.filter((m) => statedIn([m], claim));
  // Both years written apart ("from 2018 to 2019"): the mentions of either.
  return same.length ? same : mentions.filter((m) => sameNumber(m, claim));
}
