/**
 * Lab: evidence ranking rules that should hold on unseen claims, each paired against the shipped
 * ranking on hit@1 (the first passage shown overlaps a gold sentence, as in `npm run eval`).
 *
 * Every rule re-ranks the shipped retrieval's windows (the contradicting passage, when there is
 * one, stays first, as in the product). A rule with a weight has it chosen on the training folds'
 * WiCE claims (5 × 5 folds grouped by source text) and scored on the held-out fold; the figure is
 * each claim's mean over the repeats. Intervals: cluster bootstrap over source texts. Each line
 * also gives the first passage's mean length and precision (share of its sentences that are gold):
 * a rule that gains only by showing longer passages has not found better ones.
 *
 * ExpertQA has no gold evidence sentences, so it has no hit@1; a ranking rule changes only the
 * order of the passages shown, never a score or a verdict.
 *
 *   npx tsx scripts/match-lab/ranking.ts [--boot 1000] [--files wice.jsonl,checkcovid.jsonl] [--round 9|11|12]
 *
 * `--files` measures the same rules on other splits of the two datasets (WiCE, then Check-COVID);
 * the weights chosen in the folds are then chosen on that file's own WiCE claims. `--round 9` and
 * `--round 11`, `--round 12` run only the shipped order and that round's pre-registered rules
 * (`docs/matcher-notes.md`).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyse } from '../../utils/match/index';
import { chunks } from '../../utils/match/features';
import { synonymsOf } from '../../utils/match/lexicon';
import { abbreviationsOf, indexSource, type SourceIndex } from '../../utils/match/source';
import type { Window } from '../../utils/match/passages';
import { goldSpans, overlaps, readRecords } from '../eval-lib';
import { bootstrap, foldOf } from './cv';
import { derivations } from './paraphrase';
import { sameNumber } from '../../utils/match/numbers';
import { STOPWORDS } from '../../utils/match/words';
import { readArgs } from '../lib/args';
import { firstRanked } from './first-passage';
import { readArticles, type Article } from './article';
import { claimStems, contextNames, PRONOUN_LED, titleWords, type SubjectWord } from './subject';
import { aimOnly, reportsFinding } from './abstract';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const { values } = readArgs('usage: npx tsx scripts/match-lab/ranking.ts [--boot 1000] [--files wice.jsonl,checkcovid.jsonl] [--round 9|11|12]', {
  boot: { type: 'string', default: '1000' },
  files: { type: 'string' },
  round: { type: 'string' },
});
const BOOT = Number(values.boot);
const FILES = ['WiCE', 'Check-COVID'];
const FOLDS = 5;
const REPEATS = 5;
/** Letters two words must share at their start to match softly ("Ukrainian"/"Ukraine", "elected"/"election"). */
const PREFIX = 5;

const files = values.files?.split(',').map((f) => path.resolve(f)) ?? ['wice-dev.jsonl', 'checkcovid-dev.jsonl'].map((f) => path.resolve(repoRoot, '../shared/eval', f));
if (files.length !== 2) throw new Error('--files takes two files: WiCE, then Check-COVID');
const records = files
  .flatMap((f, d) => {
    const articles = readArticles(f);
    return readRecords(f).map((r, i) => ({ r, d, article: articles[i] }));
  })
  .filter(({ r }) => goldSpans(r).length > 0);
const groups = records.map(({ r }) => r.source_text);

interface Candidate {
  /** The shipped ranking value (synonym-only matches at half credit, less the window penalty). */
  shown: number;
  sentences: number;
  from: number;
  /** Weighted share of the claim's names and numbers the window holds (1 when it has none). */
  keys: number;
  /** Weight, over the total, of the claim's words the window lacks but holds softly: a synonym, or the same first letters. */
  soft: number;
  /** The same, synonyms only. */
  synonym: number;
  /** The same, first letters only. */
  prefix: number;
  /** The same, WordNet derivations and pertainyms only (`paraphrase.ts`, round 8). */
  derived: number;
  /** Mean over the claim's 3-term chunks of each chunk's weighted share in the window, less the penalty. */
  chunked: number;
  /** Every sentence is a `(meta data)` line whose text another line of the page repeats. */
  duplicateMeta: boolean;
  /** Weighted share of the claim's terms held by the window and the sentence on each side (round 9). */
  region: number;
  /** Share of the claim's adjacent key-term pairs the window holds in the same order, at most 3 tokens apart (round 9). */
  phrase: number;
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
interface Claim {
  fixed: Candidate | null;
  candidates: Candidate[];
}

const META = /^\(meta data\)\s*[A-Z ]+:\s*/;
const plain = (text: string) => text.replace(/^#+\s*/, '').trim().toLowerCase();

/** Windows whose shown value the round-11 rebuild of the credit does not reproduce (printed; should be 0). */
let creditMismatches = 0;

function describeClaim(source: SourceIndex, claim: string, gold: { start: number; end: number }[], article: Article): Claim {
  const a = analyse(claim, [source], { maxEvidence: 3 });
  if (!a.retrieval) return { fixed: null, candidates: [] };
  const { analysis, termWeights, total } = a.retrieval;
  const penalty = 0.02;
  const lines = source.sentences.map((s) => source.text.slice(s.start, s.end));
  const bodyLines = new Set(lines.slice(0, source.bodyEnd).filter((l) => !META.test(l)).map(plain));
  // Repeated: the meta line's text is another line's, or holds a heading of three words or more.
  const headings = lines.slice(0, source.bodyEnd).filter((l) => l.startsWith('#')).map(plain).filter((h) => h.split(/\s+/).length >= 3);
  const duplicated = lines.map((l) => {
    if (!META.test(l)) return false;
    const own = plain(l.replace(META, ''));
    return bodyLines.has(own) || headings.some((h) => own.includes(h));
  });
  const keyTotal = analysis.terms.reduce((sum, t, i) => sum + (t.kind === 'word' ? 0 : termWeights[i]), 0);
  const softKeys = analysis.terms.map((t) => {
    if (t.kind === 'number') return null;
    const word = t.surface.toLowerCase();
    return {
      synonyms: new Set(synonymsOf(t.stem)),
      derived: new Set(derivations().get(t.stem) ?? []),
      prefix: word.length >= PREFIX + 1 ? word.slice(0, PREFIX) : null,
    };
  });
  const claimChunks = chunks(analysis.terms.length);
  // What each sentence holds, from the one-sentence windows (retrieval builds one for every sentence holding a term).
  const held = new Map<number, boolean[]>();
  for (const w of a.retrieval.windows) if (w.from === w.to) held.set(w.from, w.matched);
  // Adjacent key-term pairs of the claim: consecutive terms at most 3 tokens apart.
  const termSpan = analysis.terms.map((t) => (t.number ? [t.number.first, t.number.last] : [t.position, t.position]));
  const pairs: [number, number][] = [];
  for (let i = 0; i + 1 < analysis.terms.length; i++) {
    const gap = termSpan[i + 1][0] - termSpan[i][1];
    if (gap > 0 && gap <= 3) pairs.push([i, i + 1]);
  }
  /** Token spans of a claim term in the window: its own stem, or a number of the same value. */
  const spansIn = (w: Window, i: number): [number, number][] => {
    const t = analysis.terms[i];
    const out: [number, number][] = [];
    if (t.number) {
      for (let k = w.from; k <= w.to; k++) for (const m of source.sentences[k].numbers) if (sameNumber(m, t.number)) out.push([m.first, m.last]);
      return out;
    }
    for (let k = source.sentences[w.from].tokenFrom; k < source.sentences[w.to].tokenTo; k++) if (source.tokens[k].stem === t.stem && !STOPWORDS.has(source.tokens[k].word)) out.push([k, k]);
    return out;
  };
  // Round 11: the claim's subject from the article, weighed as a claim term, only where the source holds it.
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
    if (w.shown > 0 && Math.abs(got / total - penalty * (w.to - w.from) - w.shown) > 1e-9) creditMismatches++;
    let all = total;
    for (const s of subject) {
      all += s.weight;
      if (s.sentences.some((k) => k >= w.from && k <= w.to)) got += s.weight;
    }
    return got / all - penalty * (w.to - w.from);
  };
  // Round 12: what each sentence does in an abstract, and the claim terms an abbreviation stands for.
  const aims = lines.map(aimOnly);
  const findings = lines.map(reportsFinding);
  const standsFor = analysis.terms.map(() => new Set<number>());
  for (const def of abbreviationsOf(source)) {
    const terms = analysis.terms.flatMap((t, i) => (t.kind !== 'number' && def.phrase.includes(t.stem) ? [i] : []));
    for (const k of def.usedIn) for (const i of terms) standsFor[i].add(k);
  }
  const abbreviatedShown = (w: Window): number => {
    let added = false;
    let got = 0;
    w.matched.forEach((m, i) => {
      if (m) got += credited[i];
      else if ([...standsFor[i]].some((k) => k >= w.from && k <= w.to)) {
        got += credited[i];
        added = true;
      }
    });
    return added ? Math.max(0, got / total - penalty * (w.to - w.from)) : w.shown;
  };
  const describe = (w: Window): Candidate => {
    let goldSentences = 0;
    for (let k = w.from; k <= w.to; k++) if (gold.some((g) => overlaps(source.sentences[k], g))) goldSentences++;
    const span = { start: source.sentences[w.from].start, end: source.sentences[w.to].end };
    let keys = 0;
    let soft = 0;
    let synonym = 0;
    let prefix = 0;
    let derived = 0;
    analysis.terms.forEach((t, i) => {
      if (w.matched[i]) {
        if (t.kind !== 'word') keys += termWeights[i];
        return;
      }
      const key = softKeys[i];
      if (!key) return;
      let bySynonym = false;
      let byPrefix = false;
      let byDerivation = false;
      for (let k = source.sentences[w.from].tokenFrom; k < source.sentences[w.to].tokenTo; k++) {
        const tok = source.tokens[k];
        if (STOPWORDS.has(tok.word)) continue;
        bySynonym ||= key.synonyms.has(tok.stem);
        byPrefix ||= key.prefix !== null && tok.word.startsWith(key.prefix);
        byDerivation ||= key.derived.has(tok.stem);
      }
      if (bySynonym || byPrefix) soft += termWeights[i];
      if (bySynonym) synonym += termWeights[i];
      if (byPrefix) prefix += termWeights[i];
      if (byDerivation) derived += termWeights[i];
    });
    const chunkShares = claimChunks.map(([from, to]) => {
      let got = 0;
      let all = 0;
      for (let i = from; i < to; i++) {
        all += termWeights[i];
        if (w.matched[i]) got += termWeights[i];
      }
      return all > 0 ? got / all : 0;
    });
    let duplicateMeta = true;
    for (let k = w.from; k <= w.to; k++) duplicateMeta &&= duplicated[k];
    let region = 0;
    analysis.terms.forEach((_, i) => {
      for (let k = Math.max(0, w.from - 1); k <= Math.min(source.bodyEnd - 1, w.to + 1); k++) {
        if (held.get(k)?.[i]) {
          region += termWeights[i];
          return;
        }
      }
    });
    let kept = 0;
    for (const [i, j] of pairs) {
      if (!w.matched[i] || !w.matched[j]) continue;
      const left = spansIn(w, i);
      const right = spansIn(w, j);
      if (left.some(([, l]) => right.some(([r]) => r - l > 0 && r - l <= 3))) kept++;
    }
    return {
      shown: w.shown,
      sentences: w.to - w.from + 1,
      from: w.from,
      keys: keyTotal > 0 ? keys / keyTotal : 1,
      soft: total > 0 ? soft / total : 0,
      synonym: total > 0 ? synonym / total : 0,
      prefix: total > 0 ? prefix / total : 0,
      derived: total > 0 ? derived / total : 0,
      chunked: chunkShares.reduce((x, y) => x + y, 0) / Math.max(1, chunkShares.length) - penalty * (w.to - w.from),
      duplicateMeta,
      region: total > 0 ? region / total : 0,
      phrase: pairs.length ? kept / pairs.length : 0,
      subjectOfPronoun: withSubject(w, subjects.pronoun),
      subjectUnnamed: withSubject(w, subjects.unnamed),
      subjectFromContext: withSubject(w, subjects.context),
      aimOnly: aims.slice(w.from, w.to + 1).every(Boolean),
      finding: findings.slice(w.from, w.to + 1).some(Boolean),
      abbreviated: abbreviatedShown(w),
      hit: gold.some((g) => overlaps(span, g)),
      precision: goldSentences / (w.to - w.from + 1),
    };
  };
  const fixed = a.aligned?.contradicted ? describe(a.aligned.window) : null;
  return { fixed, candidates: a.retrieval.windows.map(describe) };
}

const claims: Claim[] = records.map(({ r, article }) => describeClaim(indexSource(r.id, r.source_text), r.claim, goldSpans(r), article));

type Rank = (c: Candidate) => number;
const NONE: Candidate = {
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
/** The first passage under `rank`, ties broken as in the product. */
function first(claim: Claim, rank: Rank): Candidate {
  return claim.fixed ?? firstRanked(claim.candidates, rank) ?? NONE;
}

const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);
const ofFile = (d: number) => records.map((_, i) => i).filter((i) => records[i].d === d);
const shipped: Rank = (c) => c.shown;
const base = claims.map((c) => Number(first(c, shipped).hit));

/** hit@1 per claim, first-passage length and precision per claim; out of fold when `grid` has more than one rule. */
function evaluate(grid: Rank[]): { hits: number[]; sentences: number[]; precision: number[] } {
  if (grid.length === 1) {
    const tops = claims.map((c) => first(c, grid[0]));
    return { hits: tops.map((t) => Number(t.hit)), sentences: tops.map((t) => t.sentences), precision: tops.map((t) => t.precision) };
  }
  const sums = { hits: new Array<number>(records.length).fill(0), sentences: new Array<number>(records.length).fill(0), precision: new Array<number>(records.length).fill(0) };
  for (let seed = 0; seed < REPEATS; seed++) {
    for (let fold = 0; fold < FOLDS; fold++) {
      const train = records.map((_, i) => i).filter((i) => records[i].d === 0 && foldOf(groups[i], FOLDS, seed) !== fold);
      const test = records.map((_, i) => i).filter((i) => foldOf(groups[i], FOLDS, seed) === fold);
      let chosen = grid[0];
      let best = -1;
      for (const rank of grid) {
        const h = mean(train.map((i) => Number(first(claims[i], rank).hit)));
        if (h > best + 1e-12) [best, chosen] = [h, rank];
      }
      for (const i of test) {
        const t = first(claims[i], chosen);
        sums.hits[i] += Number(t.hit) / REPEATS;
        sums.sentences[i] += t.sentences / REPEATS;
        sums.precision[i] += t.precision / REPEATS;
      }
    }
  }
  return sums;
}

function report(name: string, grid: Rank[]): void {
  const { hits, sentences, precision } = evaluate(grid);
  const line = FILES.map((file, d) => {
    const ix = ofFile(d);
    const share = (xs: number[], s: number[]) => mean(s.map((j) => xs[ix[j]]));
    const all = ix.map((_, j) => j);
    const [l1, u1] = bootstrap(ix.map((i) => groups[i]), (s) => share(hits, s), BOOT, 5 + d);
    const [lo, hi] = bootstrap(ix.map((i) => groups[i]), (s) => share(hits, s) - share(base, s), BOOT, 3 + d);
    const gained = ix.filter((i) => hits[i] > base[i] + 1e-9).length;
    const lost = ix.filter((i) => hits[i] < base[i] - 1e-9).length;
    return (
      `${file} ${share(hits, all).toFixed(3)} [${l1.toFixed(3)}, ${u1.toFixed(3)}] Δ ${(share(hits, all) - share(base, all)).toFixed(3)} [${lo.toFixed(3)}, ${hi.toFixed(3)}] +${gained} −${lost}` +
      `, ${share(sentences, all).toFixed(2)} sentences, precision ${share(precision, all).toFixed(3)}`
    );
  });
  console.log(`${name}${grid.length > 1 ? ' (out of fold)' : ''}: ${line.join(' | ')}`);
}

const W = [0, 0.1, 0.25, 0.5, 0.75, 1];
const softRank = (c: number): Rank => (x) => x.shown + c * x.soft;
const keysRank = (f: number): Rank => (x) => x.shown * (f + (1 - f) * x.keys);
const chunkedRank = (c: number): Rank => (x) => x.shown + c * x.chunked;
const noDuplicateMeta: Rank = (x) => (x.duplicateMeta ? -1 : x.shown);

report('shipped', [shipped]);
if (values.round === '9') {
  // Round 9, pre-registered (docs/matcher-notes.md).
  report('neighbourhood share, weight chosen', W.map((c) => (x: Candidate) => x.shown + c * x.region));
  report('neighbourhood share, weight 0.25 (for reference)', [(x) => x.shown + 0.25 * x.region]);
  report('phrases kept, weight chosen', W.map((c) => (x: Candidate) => x.shown + c * x.phrase));
  report('phrases kept, weight 0.25 (for reference)', [(x) => x.shown + 0.25 * x.phrase]);
  // Below firstRanked's tie tolerance (1e-12) only when the neighbourhood shares are equal.
  report('exact ties by neighbourhood', [(x) => x.shown + 1e-10 * x.region]);
  process.exit(0);
}
if (values.round === '11') {
  // Round 11, pre-registered (docs/matcher-notes.md): nothing chosen, so every figure is out of fold.
  const rules: [string, Rank][] = [
    ["1. the article title's subject, for a claim led by a pronoun", (x) => x.subjectOfPronoun],
    ["2. the article title's subject, for any claim naming none of it", (x) => x.subjectUnnamed],
    ["3. the names of the context's last sentence, for a claim led by a pronoun", (x) => x.subjectFromContext],
  ];
  console.log(`(windows whose shown value the subject rules' credit does not reproduce: ${creditMismatches})`);
  for (const [name, rank] of rules) {
    const moved = claims.filter((c) => first(c, rank) !== first(c, shipped)).length;
    report(`${name} (first passage changed on ${moved} claims)`, [rank]);
    const ids = (gain: boolean) => claims.flatMap((c, i) => (first(c, rank).hit !== first(c, shipped).hit && first(c, rank).hit === gain ? [records[i].r.id] : []));
    console.log(`  gained: ${ids(true).join(' ') || 'none'}; lost: ${ids(false).join(' ') || 'none'}`);
  }
  process.exit(0);
}
if (values.round === '12') {
  // Round 12, pre-registered (docs/matcher-notes.md): nothing chosen, so every figure is out of fold.
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
    const moved = FILES.map((_, d) => ofFile(d).filter((i) => first(claims[i], rank) !== first(claims[i], shipped)).length);
    report(`${name} (first passage changed: WiCE ${moved[0]}, Check-COVID ${moved[1]})`, [rank]);
    for (const [d, file] of FILES.entries()) {
      const ids = (gain: boolean) => ofFile(d).flatMap((i) => (first(claims[i], rank).hit !== first(claims[i], shipped).hit && first(claims[i], rank).hit === gain ? [records[i].r.id] : []));
      console.log(`  ${file} gained: ${ids(true).join(' ') || 'none'}; lost: ${ids(false).join(' ') || 'none'}`);
    }
  }
  process.exit(0);
}
// The window penalty (0.02 a sentence, `retrieval.windowPenalty`) is in `shown`; these take it out
// of the order only (or set another), leaving the coverage the score reads as it is.
const orderPenalty = (p: number): Rank => (x) => x.shown + (0.02 - p) * (x.sentences - 1);
report('no window penalty in the order shown (ties: the shorter window)', [orderPenalty(0)]);
report('window penalty in the order shown, chosen', [0.02, 0, 0.005, 0.01, 0.015, 0.03, 0.04].map(orderPenalty));
report('soft matches (synonyms even where the source has the word, or the same first 5 letters), half credit', [softRank(0.5)]);
report('soft matches, credit chosen', W.map(softRank));
report('synonyms even where the source has the word, half credit', [(x) => x.shown + 0.5 * x.synonym]);
report('the same first 5 letters, half credit', [(x) => x.shown + 0.5 * x.prefix]);
report('WordNet derivations in the window, half credit', [(x) => x.shown + 0.5 * x.derived]);
report('WordNet derivations in the window, full credit', [(x) => x.shown + x.derived]);
report('WordNet derivations in the window, credit chosen', W.map((c) => (x: Candidate) => x.shown + c * x.derived));
report('no window penalty in the order, and derivations at half credit', [(x) => orderPenalty(0)(x) + 0.5 * x.derived]);
report('names and numbers held by the window, floor 0.5', [keysRank(0.5)]);
report('names and numbers held by the window, floor chosen', W.map((f) => keysRank(1 - f)));
report('chunked coverage of the window added, weight 1', [chunkedRank(1)]);
report('chunked coverage of the window added, weight chosen', W.map(chunkedRank));
report('a (meta data) line another line repeats, or that holds a heading, is never first', [noDuplicateMeta]);
report('soft matches, half credit, and no repeated meta line first', [(x) => (x.duplicateMeta ? -1 : softRank(0.5)(x))]);
report(
  'soft credit and names/numbers floor, both chosen',
  W.flatMap((c) => W.map((f) => (x: Candidate) => softRank(c)(x) * (1 - f + f * x.keys))),
);
