/**
 * Disagreements between a claim and the passage that matches it best.
 *
 * Only what a reader would call a contradiction is reported, each with what each side says:
 * - a number or year the claim gives that the passage replaces by another of the same kind
 *   ("source says 57%, claim says 65.7%");
 * - a negation on one side only ("not", "no", "never", "fail to", "without", "lack", "-n't"),
 *   judged by its scope: the few content words that follow it. A negation counts as shared when
 *   the other side has one within a few words of the same content words, so "the ferry would not
 *   be cut" is not contradicted by a source that says "no" about something else;
 * - a direction word the passage turns round (increase/decrease, more/fewer, before/after, and
 *   WordNet's antonyms);
 * - a name the claim gives where the passage has another name in the same place
 *   (the words right before or after it agree);
 * - an absolute word of the claim ("only", "all", "never", "completely") the passage does not
 *   state: a weaker signal, kept apart so the score model can weigh it on its own.
 * Whether a conflict makes the claim `contradicted` is decided by the caller, which also requires
 * the passage to hold most of the claim's other key words: a passage on another subject does not
 * contradict anything.
 */
import type { ClaimAnalysis } from './claim';
import { comparable, sameNumber } from './numbers';
import type { SourceIndex } from './source';
import { stem, type Token } from './text';
import { antonymsOf } from './lexicon';
import { ABSOLUTES, NEGATIONS, NEGATIVE_PREFIXES, STOPWORDS } from './words';

export type ConflictKind =
  | 'number'
  | 'name'
  | 'claimNegation'
  | 'sourceNegation'
  | 'direction'
  | 'absolute'
  /** A number or name that differs in a place whose content words do not clearly agree. */
  | 'looseNumber'
  | 'looseName'
  /** The source negates near the claim's words, but not the word right after the negation. */
  | 'looseSourceNegation';

export interface Conflicts {
  messages: string[];
  /** Indices of claim terms involved (left out when judging how close the passage is). */
  terms: Set<number>;
  /** Which kinds of disagreement were seen. */
  kinds: Set<ConflictKind>;
}

/** How many content words after a negation it governs, and how near a matching one must be. */
const SCOPE = 4;
const NEAR = 6;

/** Stems of the content words a negation at `at` governs. */
export function negationScope(tokens: Token[], at: number): string[] {
  const out: string[] = [];
  for (let k = at + 1; k < tokens.length && out.length < SCOPE; k++) {
    const t = tokens[k];
    if (NEGATIONS.has(t.word)) break;
    if (!STOPWORDS.has(t.word) && !/^\d/.test(t.word)) out.push(t.stem);
  }
  return out;
}

/** Whether `tokens[from, to)` has a negation within NEAR tokens of a word whose stem is in `stems`. */
export function negatedNear(tokens: Token[], from: number, to: number, stems: Set<string>): boolean {
  for (let k = from; k < to; k++) {
    if (!NEGATIONS.has(tokens[k].word)) continue;
    for (let j = Math.max(from, k - NEAR); j < Math.min(to, k + NEAR + 1); j++) {
      if (j !== k && stems.has(tokens[j].stem)) return true;
    }
  }
  return false;
}

export function findConflicts(
  analysis: ClaimAnalysis,
  source: SourceIndex,
  from: number,
  to: number,
  matched: boolean[],
  wordnetAntonyms = true,
): Conflicts {
  const messages: string[] = [];
  const terms = new Set<number>();
  const kinds = new Set<ConflictKind>();
  const tokenFrom = source.sentences[from].tokenFrom;
  const tokenTo = source.sentences[to].tokenTo;
  const tokens = source.tokens.slice(tokenFrom, tokenTo);
  const numbers = source.sentences.slice(from, to + 1).flatMap((s) => s.numbers);
  const text = source.text;

  // Numbers and years.
  analysis.terms.forEach((term, i) => {
    if (term.kind !== 'number' || matched[i] || !term.number) return;
    const rivals = numbers.filter(
      (m) => comparable(m, term.number!) && !analysis.numbers.some((c) => sameNumber(c, m)),
    );
    if (rivals.length === 0) return;
    // Prefer the rival whose neighbouring words are the claim number's neighbours.
    const content = (t: Token) => !STOPWORDS.has(t.word);
    const claimNear = new Set(analysis.tokens.slice(Math.max(0, term.position - 3), term.position + 4).filter(content).map((t) => t.stem));
    let bestRival = rivals[0];
    let bestShared = -1;
    for (const r of rivals) {
      const around = source.tokens.slice(Math.max(0, r.first - 3), r.last + 4).filter(content);
      const shared = new Set(around.filter((t) => claimNear.has(t.stem)).map((t) => t.stem)).size;
      if (shared > bestShared) {
        bestShared = shared;
        bestRival = r;
      }
    }
    messages.push(`source says ${text.slice(bestRival.start, bestRival.end)}, claim says ${term.surface}`);
    terms.add(i);
    // Two shared content words around both numbers: the same quantity, stated differently.
    kinds.add(bestShared >= 2 ? 'number' : 'looseNumber');
  });

  // A name the passage replaces by another name in the same place.
  const claimWords = new Set(analysis.tokens.map((t) => t.word));
  analysis.terms.forEach((term, i) => {
    if (term.kind !== 'name' || matched[i]) return;
    const at = term.position;
    const before = analysis.tokens[at - 1]?.stem;
    const after = analysis.tokens[at + 1]?.stem;
    for (let k = 1; k < tokens.length; k++) {
      const t = tokens[k];
      if (!t.capital || claimWords.has(t.word) || /[.!?]\s*$/.test(text.slice(tokens[k - 1].end, t.start))) continue;
      const sameBefore = before !== undefined && tokens[k - 1].stem === before;
      const sameAfter = after !== undefined && tokens[k + 1]?.stem === after;
      if (sameBefore || sameAfter) {
        messages.push(`source says ${text.slice(t.start, t.end)}, claim says ${term.surface}`);
        terms.add(i);
        // Agreeing on "of" or "the" is weaker than agreeing on a content word ("firm Calder and …").
        const contentBefore = [1, 2].some((d) => analysis.tokens[at - d] && !STOPWORDS.has(analysis.tokens[at - d].word) && tokens[k - d]?.stem === analysis.tokens[at - d].stem);
        const contentAfter = [1, 2].some((d) => analysis.tokens[at + d] && !STOPWORDS.has(analysis.tokens[at + d].word) && tokens[k + d]?.stem === analysis.tokens[at + d].stem);
        kinds.add(contentBefore || contentAfter ? 'name' : 'looseName');
        return;
      }
    }
  });

  // Negation on one side only, judged by what it governs.
  const claimTokens = analysis.tokens;
  const sourceStems = new Map<string, string>();
  for (const t of tokens) if (!sourceStems.has(t.stem)) sourceStems.set(t.stem, t.word);
  for (let k = 0; k < claimTokens.length; k++) {
    if (!NEGATIONS.has(claimTokens[k].word)) continue;
    const scope = negationScope(claimTokens, k).filter((s) => sourceStems.has(s));
    // A negated phrase the passage does not talk about is not contradicted by it.
    if (scope.length === 0) continue;
    if (!negatedNear(tokens, 0, tokens.length, new Set(scope))) {
      messages.push(`claim says "${claimTokens[k].word}", source does not negate it`);
      kinds.add('claimNegation');
      break;
    }
  }
  const claimStems = new Set(claimTokens.map((t) => t.stem));
  for (let k = 0; k < tokens.length; k++) {
    if (!NEGATIONS.has(tokens[k].word)) continue;
    const governed = negationScope(tokens, k);
    const scope = governed.filter((s) => claimStems.has(s));
    if (scope.length === 0) continue;
    if (!negatedNear(claimTokens, 0, claimTokens.length, new Set(scope))) {
      messages.push(`source says "${tokens[k].word}", claim does not`);
      // "would not be cut" against "would be cut": the negated word itself is the claim's.
      kinds.add(claimStems.has(governed[0]) ? 'sourceNegation' : 'looseSourceNegation');
      break;
    }
  }

  // Direction words turned round.
  for (const t of claimTokens) {
    for (const opposite of antonymsOf(t.stem, !wordnetAntonyms)) {
      if (sourceStems.has(opposite) && !sourceStems.has(t.stem) && !claimStems.has(opposite)) {
        messages.push(`source says "${sourceStems.get(opposite)}", claim says "${t.word}"`);
        analysis.terms.forEach((term, i) => term.stem === t.stem && terms.add(i));
        kinds.add('direction');
        break;
      }
    }
  }

  // A word the claim negates by a prefix ("ineffective") where the passage has the plain word.
  if (!kinds.has('direction')) {
    for (const t of claimTokens) {
      const prefix = NEGATIVE_PREFIXES.find((p) => t.word.startsWith(p) && t.word.length >= p.length + 4);
      if (!prefix || sourceStems.has(t.stem)) continue;
      const plain = stem(t.word.slice(prefix.length).replace(/^-/, ''));
      if (sourceStems.has(plain) && !claimStems.has(plain)) {
        messages.push(`source says "${sourceStems.get(plain)}", claim says "${t.word}"`);
        analysis.terms.forEach((term, i) => term.stem === t.stem && terms.add(i));
        kinds.add('direction');
        break;
      }
    }
  }

  // Absolute words the passage does not state (not shown as a conflict: only weighed).
  for (const t of claimTokens) {
    if (ABSOLUTES.has(t.word) && !sourceStems.has(t.stem)) {
      kinds.add('absolute');
      break;
    }
  }
  return { messages, terms, kinds };
}
