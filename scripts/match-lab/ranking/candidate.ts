/**
 * Lab: what each evidence window is, for the ranking rules of every round to read. One record per
 * window of the shipped retrieval, built from the per-round readings beside this file (`terms.ts`,
 * `meta.ts`, `subject-credit.ts`, `abstract-credit.ts`); nothing here ranks or measures.
 */
import { analyse } from '../../../utils/match/index';
import type { SourceIndex } from '../../../utils/match/source';
import type { Window } from '../../../utils/match/passages';
import { overlaps } from '../../eval-lib';
import type { Article } from '../article';
import { abstractCredit } from './abstract-credit';
import { duplicatedMetaLines } from './meta';
import { subjectCredit } from './subject-credit';
import { termReadings, type TermReadings } from './terms';

/** The penalty per extra sentence the shipped order subtracts (`retrieval.windowPenalty`). */
export const PENALTY = 0.02;

/** A window as the rounds read it: the shipped value, the per-round readings (`TermReadings` for rounds 8 and 9) and where it lies. */
export interface Candidate extends TermReadings {
  /** The shipped ranking value (synonym-only matches at half credit, less the window penalty). */
  shown: number;
  sentences: number;
  from: number;
  /** Every sentence is a `(meta data)` line whose text another line of the page repeats. */
  duplicateMeta: boolean;
  /** Round 11: the shown order's value with the article's subject words counted as claim terms (`shown` when the rule does not apply). */
  subjectOfPronoun: number;
  subjectUnnamed: number;
  subjectFromContext: number;
  /** Round 12: every sentence states only an aim or a method (`abstract.ts`). */
  aimOnly: boolean;
  /** Round 12: a sentence holds a finding cue. */
  finding: boolean;
  /** Round 12: the shown order's value with a later use of a bracketed abbreviation counted as its phrase's claim terms. */
  abbreviated: number;
  hit: boolean;
  precision: number;
}

export interface Claim {
  /** The contradicting passage, shown first whatever the ranking. */
  fixed: Candidate | null;
  candidates: Candidate[];
}

export const NONE: Candidate = {
  shown: 0,
  sentences: 0,
  from: 0,
  keys: 0,
  soft: 0,
  synonym: 0,
  prefix: 0,
  derived: 0,
  chunked: 0,
  duplicateMeta: false,
  region: 0,
  phrase: 0,
  subjectOfPronoun: 0,
  subjectUnnamed: 0,
  subjectFromContext: 0,
  aimOnly: false,
  finding: false,
  abbreviated: 0,
  hit: false,
  precision: 0,
};

/** Windows whose shown value the round-11 rebuild of the credit does not reproduce (printed; should be 0). */
export const creditCheck = { mismatches: 0 };

export function describeClaim(source: SourceIndex, claim: string, gold: { start: number; end: number }[], article: Article): Claim {
  const a = analyse(claim, [source], { maxEvidence: 3 });
  if (!a.retrieval) return { fixed: null, candidates: [] };
  const lines = source.sentences.map((s) => source.text.slice(s.start, s.end));
  const duplicated = duplicatedMetaLines(lines, source.bodyEnd);
  const terms = termReadings(source, a.retrieval, PENALTY);
  const subject = subjectCredit(source, claim, article, a.retrieval, PENALTY, creditCheck);
  const abstract = abstractCredit(source, lines, a.retrieval, PENALTY);
  const describe = (w: Window): Candidate => {
    let goldSentences = 0;
    for (let k = w.from; k <= w.to; k++) if (gold.some((g) => overlaps(source.sentences[k], g))) goldSentences++;
    const span = { start: source.sentences[w.from].start, end: source.sentences[w.to].end };
    let duplicateMeta = true;
    for (let k = w.from; k <= w.to; k++) duplicateMeta &&= duplicated[k];
    return {
      shown: w.shown,
      sentences: w.to - w.from + 1,
      from: w.from,
      ...terms(w),
      duplicateMeta,
      ...subject(w),
      ...abstract(w),
      hit: gold.some((g) => overlaps(span, g)),
      precision: goldSentences / (w.to - w.from + 1),
    };
  };
  const fixed = a.aligned?.contradicted ? describe(a.aligned.window) : null;
  return { fixed, candidates: a.retrieval.windows.map(describe) };
}
