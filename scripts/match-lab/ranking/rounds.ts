/**
 * Lab: each round's ranking rules, as pre-registered in docs/matcher-notes.md, measured against
 * the shipped order (`measure.ts`). Rounds 5–8 are the default run; `--round N` runs only the
 * shipped order and that round's rules.
 */
import { creditCheck, type Candidate } from './candidate';
import { first, movedIds, ofFile, report, shipped, type Lab, type Rank } from './measure';

const W = [0, 0.1, 0.25, 0.5, 0.75, 1];
const softRank = (c: number): Rank => (x) => x.shown + c * x.soft;
const keysRank = (f: number): Rank => (x) => x.shown * (f + (1 - f) * x.keys);
const chunkedRank = (c: number): Rank => (x) => x.shown + c * x.chunked;
const noDuplicateMeta: Rank = (x) => (x.duplicateMeta ? -1 : x.shown);

function round9(lab: Lab): void {
  report(lab, 'neighbourhood share, weight chosen', W.map((c) => (x: Candidate) => x.shown + c * x.region));
  report(lab, 'neighbourhood share, weight 0.25 (for reference)', [(x) => x.shown + 0.25 * x.region]);
  report(lab, 'phrases kept, weight chosen', W.map((c) => (x: Candidate) => x.shown + c * x.phrase));
  report(lab, 'phrases kept, weight 0.25 (for reference)', [(x) => x.shown + 0.25 * x.phrase]);
  // Below firstRanked's tie tolerance (1e-12) only when the neighbourhood shares are equal.
  report(lab, 'exact ties by neighbourhood', [(x) => x.shown + 1e-10 * x.region]);
}

/** Nothing chosen, so every figure is out of fold. */
function round11(lab: Lab): void {
  const rules: [string, Rank][] = [
    ["1. the article title's subject, for a claim led by a pronoun", (x) => x.subjectOfPronoun],
    ["2. the article title's subject, for any claim naming none of it", (x) => x.subjectUnnamed],
    ["3. the names of the context's last sentence, for a claim led by a pronoun", (x) => x.subjectFromContext],
  ];
  console.log(`(windows whose shown value the subject rules' credit does not reproduce: ${creditCheck.mismatches})`);
  const all = lab.claims.map((_, i) => i);
  for (const [name, rank] of rules) {
    const moved = lab.claims.filter((c) => first(c, rank) !== first(c, shipped)).length;
    report(lab, `${name} (first passage changed on ${moved} claims)`, [rank]);
    console.log(`  gained: ${movedIds(lab, rank, all, true).join(' ') || 'none'}; lost: ${movedIds(lab, rank, all, false).join(' ') || 'none'}`);
  }
}

/** Nothing chosen, so every figure is out of fold. */
function round12(lab: Lab): void {
  const aimAfter = (value: (x: Candidate) => number): Rank => (x) => value(x) - (x.aimOnly ? 0.05 : 0);
  // Above firstRanked's tie tolerance (1e-12), far below any real difference between two windows.
  const findingFirst = (value: (x: Candidate) => number): Rank => (x) => value(x) + (x.finding ? 1e-10 : 0);
  const rules: [string, Rank][] = [
    ['1. aim-only windows ranked 0.05 lower', aimAfter((x) => x.shown)],
    ['2. a later bracketed abbreviation counts as its phrase', (x) => x.abbreviated],
    ['3. exact ties towards a window reporting a finding', findingFirst((x) => x.shown)],
    ['1+2+3 together (measured; ships only as the rule says)', findingFirst(aimAfter((x) => x.abbreviated))],
    ['1+3 together (measured; ships only as the rule says)', findingFirst(aimAfter((x) => x.shown))],
  ];
  for (const [name, rank] of rules) {
    const moved = lab.files.map((_, d) => ofFile(lab, d).filter((i) => first(lab.claims[i], rank) !== first(lab.claims[i], shipped)).length);
    report(lab, `${name} (first passage changed: WiCE ${moved[0]}, Check-COVID ${moved[1]})`, [rank]);
    for (const [d, file] of lab.files.entries()) {
      const ix = ofFile(lab, d);
      console.log(`  ${file} gained: ${movedIds(lab, rank, ix, true).join(' ') || 'none'}; lost: ${movedIds(lab, rank, ix, false).join(' ') || 'none'}`);
    }
  }
}

/** Rounds 5–8. */
function earlier(lab: Lab): void {
  // The window penalty (0.02 a sentence, `retrieval.windowPenalty`) is in `shown`; these take it out
  // of the order only (or set another), leaving the coverage the score reads as it is.
  const orderPenalty = (p: number): Rank => (x) => x.shown + (0.02 - p) * (x.sentences - 1);
  report(lab, 'no window penalty in the order shown (ties: the shorter window)', [orderPenalty(0)]);
  report(lab, 'window penalty in the order shown, chosen', [0.02, 0, 0.005, 0.01, 0.015, 0.03, 0.04].map(orderPenalty));
  report(lab, 'soft matches (synonyms even where the source has the word, or the same first 5 letters), half credit', [softRank(0.5)]);
  report(lab, 'soft matches, credit chosen', W.map(softRank));
  report(lab, 'synonyms even where the source has the word, half credit', [(x) => x.shown + 0.5 * x.synonym]);
  report(lab, 'the same first 5 letters, half credit', [(x) => x.shown + 0.5 * x.prefix]);
  report(lab, 'WordNet derivations in the window, half credit', [(x) => x.shown + 0.5 * x.derived]);
  report(lab, 'WordNet derivations in the window, full credit', [(x) => x.shown + x.derived]);
  report(lab, 'WordNet derivations in the window, credit chosen', W.map((c) => (x: Candidate) => x.shown + c * x.derived));
  report(lab, 'no window penalty in the order, and derivations at half credit', [(x) => orderPenalty(0)(x) + 0.5 * x.derived]);
  report(lab, 'names and numbers held by the window, floor 0.5', [keysRank(0.5)]);
  report(lab, 'names and numbers held by the window, floor chosen', W.map((f) => keysRank(1 - f)));
  report(lab, 'chunked coverage of the window added, weight 1', [chunkedRank(1)]);
  report(lab, 'chunked coverage of the window added, weight chosen', W.map(chunkedRank));
  report(lab, 'a (meta data) line another line repeats, or that holds a heading, is never first', [noDuplicateMeta]);
  report(lab, 'soft matches, half credit, and no repeated meta line first', [(x) => (x.duplicateMeta ? -1 : softRank(0.5)(x))]);
  report(
    lab,
    'soft credit and names/numbers floor, both chosen',
    W.flatMap((c) => W.map((f) => (x: Candidate) => softRank(c)(x) * (1 - f + f * x.keys))),
  );
}

export const ROUNDS: Record<string, (lab: Lab) => void> = { '9': round9, '11': round11, '12': round12 };

export function runRound(lab: Lab, round: string | undefined): void {
  report(lab, 'shipped', [shipped]);
  if (round === undefined) return earlier(lab);
  const run = ROUNDS[round];
  if (!run) throw new Error(`no round ${round}: rounds ${Object.keys(ROUNDS).join(', ')}, or none for rounds 5–8`);
  run(lab);
}
