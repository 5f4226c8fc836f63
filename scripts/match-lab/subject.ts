/**
 * Lab, round 11: the subject a claim leaves unnamed, from the article around it. A claim such as
 * "It was her New York stage debut" names its subject only in the article (its title, or the
 * sentence before it); the passage that names that subject is the likelier one to show.
 */
import { sentences, tokenize } from '../../utils/match/text';
import { STOPWORDS } from '../../utils/match/words';

/** A claim whose first word is a personal pronoun or possessive: its subject is elsewhere. */
export const PRONOUN_LED = /^\s*(?:he|she|it|they|his|her|its|their)\b/i;

export interface SubjectWord {
  stem: string;
  /** Capitalised where written: weighed as a name. */
  capital: boolean;
}

function distinct(words: SubjectWord[]): SubjectWord[] {
  const seen = new Set<string>();
  return words.filter((w) => !seen.has(w.stem) && seen.add(w.stem));
}

/**
 * The words of an article's title, a bracketed disambiguation at its end ("PK (film)") and a
 * leading "List of" taken off, stop words out.
 */
export function titleWords(title: string): SubjectWord[] {
  const bare = title.replace(/\s*\([^()]*\)\s*$/, '').replace(/^list of\s+/i, '');
  return distinct(tokenize(bare).filter((t) => !STOPWORDS.has(t.word)).map((t) => ({ stem: t.stem, capital: t.capital })));
}

/** The names of the last sentence of a claim's context: its capitalised words other than the first, stop words out. */
export function contextNames(context: string): SubjectWord[] {
  const spans = sentences(context);
  const last = spans[spans.length - 1];
  if (!last) return [];
  const tokens = tokenize(context, last.start, last.end).slice(1);
  return distinct(tokens.filter((t) => t.capital && !STOPWORDS.has(t.word)).map((t) => ({ stem: t.stem, capital: true })));
}

/** The stems of a claim's words (stop words out), to leave out the subject words it already has. */
export function claimStems(claim: string): Set<string> {
  return new Set(tokenize(claim).filter((t) => !STOPWORDS.has(t.word)).map((t) => t.stem));
}
