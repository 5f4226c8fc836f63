/**
 * Lab: evidence hit@1 / hit@3 (the first / first three passages shown overlap a gold evidence
 * sentence, as in `npm run eval`) under retrieval and ranking variants, with paired
 * cluster-bootstrap differences against the shipped settings.
 *
 * A longer passage overlaps a gold sentence more often, so every line also gives the mean length
 * of the first passage (sentences, words) and its precision (the share of its sentences that are
 * gold): a variant that gains hit@1 only by showing longer passages has not found better ones.
 *
 * Fixed variants are one rule each. Ranking variants with a parameter are cross-validated: the
 * parameter is chosen on the training folds' WiCE claims (grouped by source text, 5 × 5 folds)
 * and scored on the held-out fold, so their figures are out of fold.
 *
 * `--save f.json` keeps the evidence shown on every record of the three dev files, and
 * `--against f.json` pairs the code as it is now against it (`paired-hits.ts`): how a change to
 * how sources are read is measured.
 *
 * `--misses` prints, instead, every claim whose first passage shown touches none of its gold
 * sentences (`evidence-misses.ts`): what round 11's reading of the misses was made from.
 *
 *   npx tsx scripts/match-lab/hits.ts [--boot 1000] [--misses] [--save f.json | --against f.json]
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyse, DEFAULT_PARAMS, type MatchParams } from '../../utils/match/index';
import { synonymsOf } from '../../utils/match/lexicon';
import { STOPWORDS } from '../../utils/match/words';
import { indexSource, type SourceIndex } from '../../utils/match/source';
import { goldSpans, overlaps, readRecords } from '../eval-lib';
import { bootstrap, foldOf } from './cv';
import { firstRanked } from './first-passage';
import { readArgs } from '../lib/args';
import { printMisses } from './evidence-misses';
import { mentionsStating } from './ranking/numbers';
import { pairAgainst, save, shownOn } from './paired-hits';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const { values } = readArgs('usage: npx tsx scripts/match-lab/hits.ts [--boot 1000] [--misses] [--save f.json | --against f.json]', {
  boot: { type: 'string', default: '1000' },
  misses: { type: 'boolean' },
  save: { type: 'string' },
  against: { type: 'string' },
});
const BOOT = Number(values.boot);
const FILES = ['WiCE', 'Check-COVID'];
const FOLDS = 5;
const REPEATS = 5;

const FILE_NAMES = ['wice-dev.jsonl', 'checkcovid-dev.jsonl'];
if (values.misses) {
  FILE_NAMES.forEach((f, d) => printMisses(FILES[d], path.resolve(repoRoot, '../shared/eval', f)));
  process.exit(0);
}
if (values.save || values.against) {
  const every: [string, string][] = [...FILE_NAMES, 'expertqa-dev.jsonl'].map((f, d) => [[...FILES, 'ExpertQA'][d], path.resolve(repoRoot, '../shared/eval', f)]);
  const shownNow = shownOn(every);
  if (values.save) save(values.save, shownNow);
  else pairAgainst(values.against!, shownNow, BOOT);
  process.exit(0);
}
const records = FILE_NAMES
  .flatMap((f, d) => readRecords(path.resolve(repoRoot, '../shared/eval', f)).map((r) => ({ r, d })))
  .filter(({ r }) => goldSpans(r).length > 0);
const cache = new Map<string, SourceIndex>();
const sourceOf = (text: string, id: string) => {
  let s = cache.get(text);
  if (!s) cache.set(text, (s = indexSource(id, text)));
  return s;
};

/** What is known of the first passage shown for one claim. */
interface Top {
  hit: boolean;
  sentences: number;
  words: number;
  precision: number;
}

function describe(source: SourceIndex, from: number, to: number, gold: { start: number; end: number }[]): Omit<Top, 'hit'> {
  let goldSentences = 0;
  for (let k = from; k <= to; k++) if (gold.some((g) => overlaps(source.sentences[k], g))) goldSentences++;
  const words = source.sentences[to].tokenTo - source.sentences[from].tokenFrom;
  return { sentences: to - from + 1, words, precision: goldSentences / (to - from + 1) };
}

function shown(params: MatchParams, k: number): Top[] {
  return records.map(({ r }) => {
    const source = sourceOf(r.source_text, r.id);
    const a = analyse(r.claim, [source], { maxEvidence: 3, params });
    const gold = goldSpans(r);
    const hit = a.match.evidence.slice(0, k).some((e) => gold.some((g) => overlaps(e, g)));
    const first = a.match.evidence[0];
    if (!first) return { hit, sentences: 0, words: 0, precision: 0 };
    const from = source.sentences.findIndex((s) => s.start === first.start);
    const to = source.sentences.findIndex((s) => s.end === first.end);
    return { hit, ...describe(source, from, to, gold) };
  });
}

const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);
const groups = records.map(({ r }) => r.source_text);
const ofFile = (d: number) => records.map((_, i) => i).filter((i) => records[i].d === d);

/** One line per file: hit@1 (paired Δ against `base` with its interval), hit@3, first passage's length and precision. */
function report(name: string, h1: number[], base: number[], h3: number[] | null, tops: Top[]): void {
  const line = FILES.map((file, d) => {
    const ix = ofFile(d);
    const share = (xs: number[], s: number[]) => mean(s.map((j) => xs[ix[j]]));
    const all = ix.map((_, j) => j);
    const diff = (s: number[]) => share(h1, s) - share(base, s);
    const [lo, hi] = bootstrap(ix.map((i) => groups[i]), diff, BOOT, 3 + d);
    const [l1, u1] = bootstrap(ix.map((i) => groups[i]), (s) => share(h1, s), BOOT, 5 + d);
    const withTop = ix.filter((i) => tops[i].sentences > 0);
    const avg = (f: (t: Top) => number) => mean(withTop.map((i) => f(tops[i])));
    return (
      `${file} hit@1 ${share(h1, all).toFixed(3)} [${l1.toFixed(3)}, ${u1.toFixed(3)}] (Δ ${diff(all).toFixed(3)} [${lo.toFixed(3)}, ${hi.toFixed(3)}])` +
      (h3 ? ` hit@3 ${share(h3, all).toFixed(3)}` : '') +
      ` first passage ${avg((t) => t.sentences).toFixed(2)} sentences, ${avg((t) => t.words).toFixed(0)} words, precision ${avg((t) => t.precision).toFixed(3)}`
    );
  });
  console.log(`${name}: ${line.join(' | ')}`);
}

// Fixed retrieval settings (each one rule, nothing chosen).
const variants: [string, Partial<MatchParams['retrieval']>][] = [
  ['shipped', {}],
  ['penalty 0', { windowPenalty: 0 }],
  ['penalty 0.01', { windowPenalty: 0.01 }],
  ['penalty 0.04', { windowPenalty: 0.04 }],
  ['penalty 0.08', { windowPenalty: 0.08 }],
  ['synonym credit 0.25', { synonymCredit: 0.25 }],
  ['synonym credit 1', { synonymCredit: 1 }],
  ['no synonyms', { synonyms: false }],
  ['windows ≤ 2', { maxWindow: 2 }],
  ['windows ≤ 4', { maxWindow: 4 }],
];
const baseTops = shown(DEFAULT_PARAMS, 1);
const base1 = baseTops.map((t) => Number(t.hit));
for (const [name, change] of variants) {
  const params = { ...DEFAULT_PARAMS, retrieval: { ...DEFAULT_PARAMS.retrieval, ...change } };
  const tops = name === 'shipped' ? baseTops : shown(params, 1);
  report(name, tops.map((t) => Number(t.hit)), base1, shown(params, 3).map((t) => Number(t.hit)), tops);
}

// Ranking variants: the first passage re-chosen among the shipped retrieval's windows by another
// function of the window. The contradicting passage, when there is one, stays first.
interface Candidate {
  shown: number;
  sentences: number;
  from: number;
  /** Σ over the claim's terms of weight × (1 − 1/occurrences), over the total weight: 0 when no term recurs. */
  repeats: number;
  top: Top;
}
interface Claim {
  /** The contradicting passage, shown first whatever the ranking. */
  fixed: Top | null;
  candidates: Candidate[];
}

const claims: Claim[] = records.map(({ r }) => {
  const source = sourceOf(r.source_text, r.id);
  const a = analyse(r.claim, [source], { maxEvidence: 3 });
  const gold = goldSpans(r);
  const topOf = (from: number, to: number): Top => {
    const d = describe(source, from, to, gold);
    return { hit: gold.some((g) => overlaps({ start: source.sentences[from].start, end: source.sentences[to].end }, g)), ...d };
  };
  if (!a.retrieval) return { fixed: { hit: false, sentences: 0, words: 0, precision: 0 }, candidates: [] };
  const { analysis, termWeights, total } = a.retrieval;
  const fixed = a.aligned?.contradicted ? topOf(a.aligned.window.from, a.aligned.window.to) : null;
  // The stems each term is found by in this source: its own, or its synonyms where the source lacks it.
  const keys = analysis.terms.map((t) => (t.kind === 'number' ? null : new Set(source.postings.has(t.stem) ? [t.stem] : [t.stem, ...synonymsOf(t.stem)])));
  const candidates = a.retrieval.windows.map((w) => {
    const count = new Array<number>(analysis.terms.length).fill(0);
    for (let k = w.from; k <= w.to; k++) {
      const s = source.sentences[k];
      for (let t = s.tokenFrom; t < s.tokenTo; t++) {
        // A stop word never counts as a claim term, whatever its stem (as in the source index).
        if (STOPWORDS.has(source.tokens[t].word)) continue;
        const st = source.tokens[t].stem;
        keys.forEach((set, i) => set?.has(st) && count[i]++);
      }
      analysis.terms.forEach((term, i) => term.number && (count[i] += mentionsStating(s.numbers, term.number).length));
    }
    let repeats = 0;
    count.forEach((c, i) => c > 1 && (repeats += termWeights[i] * (1 - 1 / c)));
    return { shown: w.shown, sentences: w.to - w.from + 1, from: w.from, repeats: total > 0 ? repeats / total : 0, top: topOf(w.from, w.to) };
  });
  return { fixed, candidates };
});

type Rank = (c: Candidate) => number;
function firstShown(claim: Claim, rank: Rank): Top | null {
  return claim.fixed ?? firstRanked(claim.candidates, rank)?.top ?? null;
}
const EMPTY: Top = { hit: false, sentences: 0, words: 0, precision: 0 };
const topsOf = (rank: Rank, ix: number[]) => ix.map((i) => firstShown(claims[i], rank) ?? EMPTY);
const shippedRank: Rank = (c) => c.shown;
const check = topsOf(shippedRank, claims.map((_, i) => i));
const differ = check.filter((t, i) => t.hit !== baseTops[i].hit).length;
if (differ) console.log(`(re-ranking reproduces the shipped first passage except on ${differ} claims)`);

/** Cross-validated: `grid` values chosen on the training folds' WiCE claims (best hit@1; `allowed` filters). */
function crossValidated(name: string, grid: Rank[][], allowed: (tops: Top[], train: number[]) => boolean = () => true): void {
  const perRepeat: number[][] = [];
  const topsRepeat: Top[][] = [];
  for (let seed = 0; seed < REPEATS; seed++) {
    const hits = new Array<number>(records.length).fill(0);
    const tops = new Array<Top>(records.length).fill(EMPTY);
    for (let fold = 0; fold < FOLDS; fold++) {
      const train = records.map((_, i) => i).filter((i) => records[i].d === 0 && foldOf(groups[i], FOLDS, seed) !== fold);
      const test = records.map((_, i) => i).filter((i) => foldOf(groups[i], FOLDS, seed) === fold);
      let chosen: Rank = shippedRank;
      let best = -1;
      for (const row of grid) {
        for (const rank of row) {
          const t = topsOf(rank, train);
          if (!allowed(t, train)) continue;
          const h = mean(t.map((x) => Number(x.hit)));
          if (h > best + 1e-12) {
            best = h;
            chosen = rank;
          }
        }
      }
      topsOf(chosen, test).forEach((t, j) => {
        hits[test[j]] = Number(t.hit);
        tops[test[j]] = t;
      });
    }
    perRepeat.push(hits);
    topsRepeat.push(tops);
  }
  // Per claim, its mean over the repeats: the bootstrap then resamples claims once.
  const h1 = records.map((_, i) => mean(perRepeat.map((h) => h[i])));
  const tops = records.map((_, i) => {
    const ts = topsRepeat.map((t) => t[i]);
    return { hit: false, sentences: mean(ts.map((t) => t.sentences)), words: mean(ts.map((t) => t.words)), precision: mean(ts.map((t) => t.precision)) };
  });
  report(`${name} (out of fold)`, h1, base1, null, tops);
}

const A = [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 1];
const P = [0, 0.01, 0.02, 0.03, 0.04, 0.05, 0.06];
const repeatsRank = (a: number, p = 0): Rank => (c) => c.shown + a * c.repeats - p * (c.sentences - 1);
const ix = records.map((_, i) => i);
for (const a of [0.2, 0.5, 0.8]) {
  const tops = topsOf(repeatsRank(a), ix);
  report(`terms that recur, weight ${a}`, tops.map((t) => Number(t.hit)), base1, null, tops);
}
const lengthOf = (tops: Top[]) => mean(tops.filter((t) => t.sentences > 0).map((t) => t.sentences));
const shippedLength = lengthOf(ofFile(0).map((i) => baseTops[i]));
crossValidated('terms that recur, weight chosen in the folds', [A.map((a) => repeatsRank(a))]);
crossValidated(
  'terms that recur and a longer-window penalty, both chosen in the folds, first passage no longer than shipped',
  A.map((a) => P.map((p) => repeatsRank(a, p))),
  // As long as the shipped ranking's on the same training claims.
  (t, train) => lengthOf(t) <= lengthOf(train.map((i) => baseTops[i])) + 1e-9,
);
console.log(`(shipped first passage on WiCE: ${shippedLength.toFixed(2)} sentences on average)`);
