/**
 * What a clause of a claim reads as, from its words alone: a statement of its own, an item of a
 * list, a subject's head, a phrase or a subordinate clause that opens a sentence before its
 * statement. The claim boundary (claims.ts) asks these of the parts of a sentence.
 */
import { hasVerb, REGEXPS, type VerbLanguage } from './vocabulary';

/** Most words of a phrase that opens a sentence before its statement ("A regional power,"). */
export const FRONTED_WORDS = 6;
/** A statement's opening after such a phrase: a name, or a determiner or pronoun as its subject. */
export const STATEMENT_AFTER = /^\s*(?:\p{Lu}|(?:the|a|an|it|its|this|these|they|he|she|we)\s)/u;

/**
 * A phrase that opens its sentence with a preposition ("In response to …", "During the long
 * quarrel over …", "Après …"): with no verb up to its comma, it is fronted before the sentence's
 * statement, however long. "According to", "as" and "per" attribute, and are not here.
 */
export const PREPOSITION_OPENING = /^["“‘«(]*(?:in|on|at|after|before|during|following|despite|amid|amidst|under|with|without|for|from|by|since|until|throughout|between|among|upon|within|over|against|towards?|unlike|beyond|across|along|around|through|après|avant|pendant|depuis|malgré|lors|dans|durante|tras|desde)(?![\p{L}\p{N}'’-])/iu;
/** Most words of such a phrase read for a verb. */
export const FRONTED_PHRASE_WORDS = 40;

/** A clause opening with a subordinating word, after a fronted phrase and its comma or not, with no comma of its own. */
export const SUBORDINATE_OPENING = new RegExp(`^(?:([^,]+),\\s+)?(?:${REGEXPS.subordinator.source})\\s[^,]+$`, 'iu');

/**
 * The words that join list items or clauses, in each language of the vocabulary ("and", "et",
 * "und", "y", "e" …): every list rule below reads them alike.
 */
const JOINS = 'and|or|nor|plus|as well as|et|ou|und|oder|sowie|y|o|e';

/** A subject's text never holds clause punctuation or an opened quotation. */
export const NOT_A_SUBJECT = /[;:!?"“”«»]/;
/**
 * What follows a list item's group up to the next group: a comma or a conjunction, then the next
 * item's words, which never open with a verb-like word followed by more words ("and raises the
 * yield" is a second predicate, not an item; "and terns" is one).
 */
export const LIST_ITEM = new RegExp(`^[\\s"”’)\\]]*(?:,\\s*(?:(?:${JOINS})\\s+)?|\\s*(?:${JOINS})\\s+)(?!(?:[\\p{Ll}]+(?:s|ed)|is|are|was|were|has|have|had)\\b\\s*[^\\s,])[^,;:.!?()\\[\\]"“”]+?,?\\s*$`, 'u');
/** A list's last item: a conjunction and a noun phrase, no other punctuation. */
export const LAST_ITEM = new RegExp(`^\\s*(?:${JOINS}|along with|together with)\\s+[^,;:.!?()\\[\\]"“”]+$`);
/** The words after a group continue a list rather than give a predicate. */
export const LIST_NEXT = new RegExp(`^\\s*(?:${JOINS})(?![\\p{L}\\p{N}'’-])`, 'u');

/**
 * The word after a group inside its clause that opens a new part of the clause, so that the words
 * before the group are whole: a preposition ("donated US$1,000[1] in 2008"; never "of", which
 * binds its noun to the one before: "the capital[1] of Germany"), a conjunction, a relative or a
 * subordinating word. Any other word continues the phrase the group stands in ("an open
 * source[1] codec", "Its revenue[1] rose …").
 */
export const PART_OPENING = new RegExp(
  `^[\\s"”’)\\]]*(?:${JOINS}|but|yet|so|than|which|who|whom|whose|that|where|in|on|at|to|into|onto|for|from|by|with|without|within|during|since|until|after|before|over|under|between|among|through|throughout|across|against|about|around|near|per|via|like|despite|respectively|${REGEXPS.subordinator.source}|à|au|aux|en|dans|par|pour|avec|sans|sur|sous|mais|qui|que|dont|où|im|am|an|auf|aus|bei|mit|nach|von|vom|zu|zum|zur|für|aber|en|con|por|para|sin|sobre|pero)(?![\\p{L}\\p{N}'’-])`,
  'iu',
);
/** Where a phrase cut by a group ends at the latest: clause punctuation, or a conjunction. */
export const PART_END = new RegExp(`[,;:()\\[\\]—]|\\s–\\s|\\s(?:${JOINS}|but)(?![\\p{L}\\p{N}'’-])`, 'u');

/** Most words of an item in a list that a group sits in the middle of (see BlockText.listGoesOnTo). */
export const LIST_ITEM_WORDS = 3;
/** Most words of its last item, which carries the noun the list qualifies ("Italian immigration in the 1990s"). */
export const LAST_ITEM_WORDS = 6;
/** After such a group: more items, each closed by a comma, then "and" or "or" and the last item. */
export const LIST_REST = /^([^;:.!?()\[\]"“”]*?)\b(?:and|or)\s+([^,;:.!?()\[\]"“”]+)/u;

/** A short item of a list: some words, no verb. */
export function isListItem(item: string, most: number, language?: VerbLanguage): boolean {
  const words = wordCount(item, most + 1);
  return words > 0 && words <= most && !hasVerb(item, language);
}

/**
 * A second clause after its conjunction, with a subject of its own ("and the weir fell into ruin",
 * ", but Jones held …"): a name or a number, or a noun after an article, then a verb. None in a
 * relative clause ("and Tarascon, which was …"), nor a subject that points back ("and 40% of
 * these are …", "and they were …"), whose clause carries the words it points to. Returns the
 * clause without its conjunction.
 */
const SECOND_CLAUSE = /^(?:and|but|while|whereas|yet)\s+(?=[\p{Lu}\p{N}]|(?:the|an?)\s)/u;
const REFERRING = /(?<!\p{L})(?:which|who|whom|whose|that|where|this|these|those|they|them|it|its|he|she|his|her|their)(?!\p{L})/u;

export function secondClause(clause: string): string | undefined {
  const rest = clause.replace(SECOND_CLAUSE, '');
  const verb = rest !== clause && REGEXPS.verbWord.exec(rest);
  return verb && verb.index > 0 && !REFERRING.test(rest.slice(0, verb.index)) ? rest : undefined;
}

/** Fewest words of a clause that stands as a claim of its own. */
const FRAGMENT_WORDS = 4;

/** Does a clause read as a statement of its own (see Fragments in claims.ts)? */
export function readsAsStatement(clause: string): boolean {
  if (!/^["“‘«(\[]*[\p{Lu}\p{N}]/u.test(clause)) return false;
  // Counted up to FRAGMENT_WORDS, without listing every word of a long clause.
  return wordCount(clause, FRAGMENT_WORDS) >= FRAGMENT_WORDS;
}

const WORD = /[\p{L}\p{N}]+/gu;

/** The names a clause opens with ("El Alamein", "D'Urville Island", "Metropolis-Hastings MCMC"). */
const LEADING_NAMES = /^["“‘«(\[]*(?:[\p{Lu}\p{N}][\p{L}\p{N}'’.\-]*\s*)+/u;
/** What follows a list item's names: the next item, its aside, or nothing. */
const LIST_ITEM_END = /^(?:$|[,;()\[]|(?:and|or|nor|et|ou|und|oder|y|o|e)\b)/iu;

/**
 * After a comma, a clause that opens with names is the next item of a list ("Gallipoli,[1]
 * Crete,[2] El Alamein and Cassino.[3]", "Great Barrier Island,[4] D'Urville Island (in the
 * Sounds)[5] …") when a comma, a bracket, "and"/"or" or nothing follows the names; a statement
 * has its verb there ("…in Akaroa,[43] Hobson declared British sovereignty …").
 */
export function opensWithListItem(clause: string): boolean {
  const names = clause.match(LEADING_NAMES);
  return !!names && LIST_ITEM_END.test(clause.slice(names[0].length));
}

/** Most words of a subject's head before its aside (see BlockText.soleGroupInSubject). */
export const HEAD_WORDS = 8;
/** A head opening with a preposition or a conjunction is a fronted phrase, not a subject ("In 1931", "According to X"). */
export const NOT_A_HEAD = /^\s*(?:according|as|at|after|before|by|during|for|from|if|in|on|per|since|under|when|while|with|although|though|because)\b/i;
/** A past participle opening an aside ("headed by", "founded in"), not its verb. */
export const LEADING_PARTICIPLE = /^\s*\p{Ll}+ed\s+(?=by|in|on|at|from|as|for|to|with)\b/u;

/**
 * Do the words after a group open with the predicate's own verb ("…,[4] is 1.6%", "…,[2] grew
 * after 1950")? A word the verb test knows, not a participle with its preposition ("…,[3] based
 * on …").
 */
export function predicateVerbNext(after: string, language?: VerbLanguage): boolean {
  const word = PREDICATE_WORD.exec(after);
  return !!word && hasVerb(word[1], language) && !PARTICIPLE_AFTER.test(after.slice(word[0].length));
}
const PREDICATE_WORD = /^[\s"”’)\]]*([\p{L}'’-]+)/u;
const PARTICIPLE_AFTER = /^\s+(?:by|in|on|at|from|as|for|to|with)\s/;
/** A past participle with its preposition inside a noun phrase ("covered by", "based on"). */
export const PARTICIPLE_PHRASE = /(?<![\p{L}\p{N}'’-])\p{Ll}+ed\s+(?=(?:by|in|on|at|from|as|for|to|with)\s)/gu;

/** Words of a text, counted up to `most`. */
export function wordCount(text: string, most: number): number {
  WORD.lastIndex = 0;
  let words = 0;
  while (words < most && WORD.exec(text)) words++;
  return words;
}
