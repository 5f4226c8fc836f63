/**
 * Disagreements between a claim and the passage that matches it best.
 *
 * Only what a reader would call a contradiction is reported, each with what each side says:
 * - a number or year the claim gives that the passage replaces by another of the same kind
 *   ("source says 57%, claim says 65.7%");
 * - a negation on one side only ("not", "never", "no", "-n't");
 * - a direction word the passage turns round (increase/decrease, more/fewer, before/after);
 * - a name the claim gives where the passage has another name in the same place
 *   (the words right before or after it agree).
 * Whether a conflict makes the claim `contradicted` is decided by the caller, which also requires
 * the passage to hold most of the claim's other key words: a passage on another subject does not
 * contradict anything.
 */
import type { ClaimAnalysis } from './claim';
import { comparable, sameNumber } from './numbers';
import type { SourceIndex } from './source';
import { antonymsOf } from './lexicon';
import { NEGATIONS } from './words';

export interface Conflicts {
  messages: string[];
  /** Indices of claim terms involved (left out when judging how close the passage is). */
  terms: Set<number>;
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
  const tokens = source.tokens.slice(source.sentences[from].tokenFrom, source.sentences[to].tokenTo);
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
    const near = (pos: number) => new Set(analysis.tokens.slice(Math.max(0, pos - 3), pos + 4).map((t) => t.stem));
    const claimNear = near(term.position);
    let bestRival = rivals[0];
    let bestShared = -1;
    for (const r of rivals) {
      const around = source.tokens.slice(Math.max(0, r.first - 3), r.last + 4);
      const shared = around.filter((t) => claimNear.has(t.stem)).length;
      if (shared > bestShared) {
        bestShared = shared;
        bestRival = r;
      }
    }
    messages.push(`source says ${text.slice(bestRival.start, bestRival.end)}, claim says ${term.surface}`);
    terms.add(i);
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
        return;
      }
    }
  });

  // Negation on one side only.
  const claimNeg = analysis.tokens.filter((t) => NEGATIONS.has(t.word)).map((t) => t.word);
  const sourceNeg = tokens.filter((t) => NEGATIONS.has(t.word)).map((t) => t.word);
  if (claimNeg.length > 0 && sourceNeg.length === 0) {
    messages.push(`claim says "${claimNeg[0]}", source does not negate it`);
  } else if (sourceNeg.length > 0 && claimNeg.length === 0) {
    messages.push(`source says "${sourceNeg[0]}", claim does not`);
  }

  // Direction words turned round.
  const sourceStems = new Map<string, string>();
  for (const t of tokens) if (!sourceStems.has(t.stem)) sourceStems.set(t.stem, t.word);
  const claimStems = new Set(analysis.tokens.map((t) => t.stem));
  for (const t of analysis.tokens) {
    for (const opposite of antonymsOf(t.stem, !wordnetAntonyms)) {
      if (sourceStems.has(opposite) && !sourceStems.has(t.stem) && !claimStems.has(opposite)) {
        messages.push(`source says "${sourceStems.get(opposite)}", claim says "${t.word}"`);
        analysis.terms.forEach((term, i) => term.stem === t.stem && terms.add(i));
        break;
      }
    }
  }
  return { messages, terms };
}
