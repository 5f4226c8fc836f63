/**
 * Round 11 candidates (pre-registered in docs/matcher-notes.md), as the lab measures them on the
 * shipped retrieval:
 * - given words: a claim term (word or name, never a number) whose stem the article uses before
 *   the claim (WiCE's `claim_context` and `article_title`) counts at half its weight in the
 *   coverage (chunks and parts); presence factors, windows and evidence unchanged;
 * - names whole: a run of adjacent name words (grouped as `absentTerms` groups them) counts as
 *   found only where one body sentence holds its words in order, each within three tokens of the
 *   one before; otherwise each word of the run counts as absent in the names factor.
 */
import { chunkCoverages, NAME_ADJACENT, NAME_JOINT, partCoverage, shareAnywhere } from '../../utils/match/features';
import type { Retrieval } from '../../utils/match/passages';
import type { SourceIndex } from '../../utils/match/source';
import { tokenize } from '../../utils/match/text';

/** The pre-registered weight of a given term (set, not fitted). */
export const GIVEN_SHARE = 0.5;
/** How far (in tokens) each word of a name may stand from the one before it. */
export const NAME_GAP = 3;

/** Stems of the article text the reader has seen before the claim (its title and the text before it). */
export function givenStems(context: string, title: string): Set<string> {
  const out = new Set<string>();
  for (const text of [title, context]) for (const t of tokenize(text ?? '')) out.add(t.stem);
  return out;
}

/** Term weights with the given terms (words and names in `given`) at `share` of their weight. */
export function givenWeights(r: Retrieval, given: Set<string>, share = GIVEN_SHARE): number[] {
  return r.analysis.terms.map((t, i) => (t.kind !== 'number' && given.has(t.stem) ? r.termWeights[i] * share : r.termWeights[i]));
}

/** Runs of the claim's name terms that `absentTerms` would show as one name (term indices). */
export function nameRuns(r: Retrieval): number[][] {
  const { analysis } = r;
  const runs: number[][] = [];
  let run: number[] = [];
  analysis.terms.forEach((t, i) => {
    if (t.kind !== 'name') {
      if (run.length) runs.push(run);
      run = [];
      return;
    }
    const prev = run.length ? analysis.terms[run[run.length - 1]] : undefined;
    const between = prev ? analysis.text.slice(analysis.tokens[prev.position].end, analysis.tokens[t.position].start) : '';
    const joined = prev && prev.part === t.part && ((t.position === prev.position + 1 && NAME_ADJACENT.test(between)) || NAME_JOINT.test(between));
    if (!joined && run.length) {
      runs.push(run);
      run = [];
    }
    run.push(i);
  });
  if (run.length) runs.push(run);
  return runs;
}

/** Does one body sentence of `source` hold these stems in order, each within `gap` tokens of the one before? */
export function heldTogether(source: SourceIndex, stems: string[], gap = NAME_GAP): boolean {
  for (const s of source.postings.get(stems[0]) ?? []) {
    const sentence = source.sentences[s];
    for (let k = sentence.tokenFrom; k < sentence.tokenTo; k++) {
      if (source.tokens[k].stem !== stems[0]) continue;
      let at = k;
      let ok = true;
      for (let j = 1; j < stems.length && ok; j++) {
        ok = false;
        for (let m = at + 1; m <= Math.min(at + gap, sentence.tokenTo - 1); m++) {
          if (source.tokens[m].stem === stems[j]) {
            at = m;
            ok = true;
            break;
          }
        }
      }
      if (ok) return true;
    }
  }
  return false;
}

/** `anywhere` with each multi-word name not held together in some source marked absent, word by word. */
export function wholeNamesAnywhere(r: Retrieval): boolean[] {
  const anywhere = r.anywhere.slice();
  for (const run of nameRuns(r)) {
    if (run.length < 2) continue;
    const stems = run.map((i) => r.analysis.terms[i].stem);
    if (!r.sources.some((s) => heldTogether(s, stems))) for (const i of run) anywhere[i] = false;
  }
  return anywhere;
}

export interface ContextFigures {
  cov: number;
  names: number;
  parts: number[];
}

/** Coverage (3-term chunks), names factor and parts of one candidate: `given` (or null) and whole names. */
export function contextFigures(r: Retrieval, given: Set<string> | null, whole: boolean): ContextFigures {
  const termWeights = given ? givenWeights(r, given) : r.termWeights;
  const best = chunkCoverages({ ...r, termWeights });
  const cov = best.length ? best.reduce((a, b) => a + b, 0) / best.length : 0;
  const names = shareAnywhere(whole ? { ...r, anywhere: wholeNamesAnywhere(r) } : r, 'name');
  return { cov, names, parts: partCoverage({ ...r, termWeights }).best };
}
