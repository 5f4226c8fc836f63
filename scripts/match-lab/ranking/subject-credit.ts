/**
 * Lab, round 11: the shown order's value with the claim's subject, from the article around it,
 * weighed as claim terms (`subject.ts` reads the words).
 */
import type { Retrieval, Window } from '../../../utils/match/passages';
import type { SourceIndex } from '../../../utils/match/source';
import type { Article } from '../article';
import { claimStems, contextNames, PRONOUN_LED, titleWords, type SubjectWord } from '../subject';

export interface SubjectCredit {
  subjectOfPronoun: number;
  subjectUnnamed: number;
  subjectFromContext: number;
}

export function subjectCredit(
  source: SourceIndex,
  claim: string,
  article: Article,
  retrieval: Retrieval,
  penalty: number,
  check: { mismatches: number },
): (w: Window) => SubjectCredit {
  const { analysis, termWeights, total } = retrieval;
  // The claim's subject from the article, weighed as a claim term, only where the source holds it.
  const has = claimStems(claim);
  const fromTitle = titleWords(article.title);
  const sourceCount = source.bodyEnd;
  const subjectOf = (words: SubjectWord[]) =>
    words
      .filter((w) => !has.has(w.stem) && source.postings.has(w.stem))
      .map((w) => ({ sentences: source.postings.get(w.stem)!, weight: Math.max(0.1, Math.log(1 + sourceCount / (source.postings.get(w.stem)!.length + 1))) * (w.capital ? 1.5 : 1) }));
  const pronounLed = PRONOUN_LED.test(claim);
  const subjects = {
    pronoun: pronounLed ? subjectOf(fromTitle) : [],
    unnamed: fromTitle.length > 0 && fromTitle.every((w) => !has.has(w.stem)) ? subjectOf(fromTitle) : [],
    context: pronounLed ? subjectOf(contextNames(article.context)) : [],
  };
  // The shown order's credit: a term found only through a synonym counts half (`synonymCredit`).
  const credited = analysis.terms.map((t, i) => (t.kind !== 'number' && !source.postings.has(t.stem) ? 0.5 : 1) * termWeights[i]);
  const withSubject = (w: Window, subject: { sentences: number[]; weight: number }[]): number => {
    if (subject.length === 0) return w.shown;
    let got = 0;
    w.matched.forEach((m, i) => m && (got += credited[i]));
    // Without the subject this is the shipped order's value (which is clamped at 0).
    if (w.shown > 0 && Math.abs(got / total - penalty * (w.to - w.from) - w.shown) > 1e-9) check.mismatches++;
    let all = total;
    for (const s of subject) {
      all += s.weight;
      if (s.sentences.some((k) => k >= w.from && k <= w.to)) got += s.weight;
    }
    return got / all - penalty * (w.to - w.from);
  };
  return (w) => ({
    subjectOfPronoun: withSubject(w, subjects.pronoun),
    subjectUnnamed: withSubject(w, subjects.unnamed),
    subjectFromContext: withSubject(w, subjects.context),
  });
}
