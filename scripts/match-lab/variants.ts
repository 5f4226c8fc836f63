/**
 * The score and verdict variants `explore.ts` measures, round by round (docs/matcher-notes.md):
 * each a score from a row's cached inputs (`rows.ts`) and a selection, the grid the inner folds
 * choose the selection from, and how the thresholds are fitted.
 */
import type { Row } from './rows';
import { powerMean } from './round13';
import { presencePower } from './round14';

/** A variant: a score from a row and a selection, the selection grid, and how thresholds are fitted. */
export interface Variant {
  name: string;
  grid: Record<string, number>[];
  score: (r: Row, sel: Record<string, number>) => number;
  /** Datasets whose balanced accuracy the supported threshold maximises (mean). */
  baOn: number[];
  /** Datasets whose inner-CV figures choose the selection. */
  selectOn: number[];
  /**
   * How the supported threshold is set: the grid step of best balanced accuracy, or where the
   * Platt-calibrated probability (fitted on the same rows) reaches their share supported, which
   * is where balanced accuracy is best in expectation.
   */
  method?: 'maxBA' | 'prevalence';
  /** What the "every part" rule reads: the claim's parts (shipped) or its chunks. */
  every?: 'parts' | 'chunks' | 'partRatio' | 'chunkRatio';
  /** What `partial` is decided on: the score and the stated-part rule (shipped), or the best chunk, or the best part. */
  partialOn?: 'score' | 'maxChunk' | 'maxPart' | 'anywhere';
  /** Round 7: what the partial threshold reads (the score when absent). */
  partialScore?: (r: Row, sel: Record<string, number>) => number;
  /** Round 7: the stated-part rule for a claim of one part too. */
  singleStated?: boolean;
  /** Round 7: a further condition for `supported`. */
  guard?: (r: Row, sel: Record<string, number>) => boolean;
  /** Round 8: each part's coverage as this variant reads it (the shipped parts when absent). */
  parts?: (r: Row, sel: Record<string, number>) => number[];
  /** Round 9: hit@1 as this variant ranks the evidence (the shipped row's when absent). */
  hit1?: (r: Row, sel: Record<string, number>) => boolean | null;
}

export const veto = (f: number, s: number) => f + (1 - f) * s;
const FLOORS = [0, 0.2, 0.4, 0.6, 0.8, 1];
const EVERY = [0, 0.2, 0.3, 0.4, 0.5];
const grid2 = FLOORS.flatMap((floor) => EVERY.map((everyPart) => ({ floor, everyPart })));
const product = (key: string) => (r: Row, s: Record<string, number>) => (r.cov[key] ?? 0) * veto(s.floor, r.numbers) * veto(s.floor, r.names);

const ALL = [0, 1, 2];
export const variants: Variant[] = [];
for (const key of ['c3w3', 'c2w3', 'c3w2', 'c3w4']) {
  variants.push({ name: `${key} maxBA all`, grid: grid2, score: product(key), baOn: ALL, selectOn: ALL });
  variants.push({ name: `${key} maxBA WiCE`, grid: grid2, score: product(key), baOn: [0], selectOn: ALL });
  variants.push({ name: `${key} prevalence WiCE`, grid: grid2, score: product(key), baOn: [0], selectOn: ALL, method: 'prevalence' });
  variants.push({ name: `${key} prevalence all`, grid: grid2, score: product(key), baOn: ALL, selectOn: ALL, method: 'prevalence' });
}
const EVERY_CHUNK = [0, 0.2, 0.34, 0.5, 0.67];
const gridChunks = FLOORS.flatMap((floor) => EVERY_CHUNK.map((everyPart) => ({ floor, everyPart })));
variants.push({ name: 'every chunk, prevalence WiCE', grid: gridChunks, score: product('c3w3'), baOn: [0], selectOn: ALL, method: 'prevalence', every: 'chunks' });
variants.push({ name: 'every chunk, maxBA all', grid: gridChunks, score: product('c3w3'), baOn: ALL, selectOn: ALL, every: 'chunks' });
for (const partialOn of ['maxChunk', 'maxPart', 'anywhere'] as const) {
  variants.push({ name: `partial on ${partialOn}, prevalence WiCE`, grid: grid2, score: product('c3w3'), baOn: [0], selectOn: ALL, method: 'prevalence', partialOn });
}
variants.push({ name: 'no synonyms, prevalence WiCE', grid: grid2, score: product('c3w3plain'), baOn: [0], selectOn: ALL, method: 'prevalence' });
variants.push({ name: 'partial by share, prevalence WiCE', grid: grid2, score: product('c3w3'), baOn: [0], selectOn: ALL, method: 'prevalence' });
variants.push({ name: 'lone one not a number, prevalence WiCE', grid: grid2, score: (r, s) => (r.cov.c3w3 ?? 0) * veto(s.floor, r.numbersNoOne) * veto(s.floor, r.names), baOn: [0], selectOn: ALL, method: 'prevalence' });
// Round 5.
const pw = (r: Row, s: Record<string, number>, cov: number, numbers = r.numbers, names = r.names) => cov * veto(s.floor, numbers) * veto(s.floor, names);
for (const key of ['g1', 'g5', 'g3']) variants.push({ name: `idf ${key}, prevalence WiCE`, grid: grid2, score: product(`c3w3${key}`), baOn: [0], selectOn: ALL, method: 'prevalence' });
variants.push({ name: 'names not ordinary, prevalence WiCE', grid: grid2, score: (r, s) => pw(r, s, r.cov.c3w3 ?? 0, r.numbers, r.namesOrdinary), baOn: [0], selectOn: ALL, method: 'prevalence' });
variants.push({ name: 'names loose, prevalence WiCE', grid: grid2, score: (r, s) => pw(r, s, r.cov.c3w3 ?? 0, r.numbers, r.namesLoose), baOn: [0], selectOn: ALL, method: 'prevalence' });
variants.push({ name: 'numbers rounded, prevalence WiCE', grid: grid2, score: (r, s) => pw(r, s, r.cov.c3w3 ?? 0, r.numbersRounded), baOn: [0], selectOn: ALL, method: 'prevalence' });
variants.push({ name: 'names loose not ordinary, prevalence WiCE', grid: grid2, score: (r, s) => pw(r, s, r.cov.c3w3 ?? 0, r.numbers, r.namesLooseOrdinary), baOn: [0], selectOn: ALL, method: 'prevalence' });
const RATIO = [0, 0.2, 0.4, 0.6, 0.8];
const gridRatio = FLOORS.flatMap((floor) => RATIO.map((everyPart) => ({ floor, everyPart })));
variants.push({ name: 'part ratio, prevalence WiCE', grid: gridRatio, score: product('c3w3'), baOn: [0], selectOn: ALL, method: 'prevalence', every: 'partRatio' });
variants.push({ name: 'chunk ratio, prevalence WiCE', grid: gridRatio, score: product('c3w3'), baOn: [0], selectOn: ALL, method: 'prevalence', every: 'chunkRatio' });
variants.push({ name: 'loose prefixes, prevalence WiCE', grid: grid2, score: product('c3w3loose'), baOn: [0], selectOn: ALL, method: 'prevalence' });
variants.push({ name: 'loose prefixes and names, prevalence WiCE', grid: grid2, score: (r, s) => pw(r, s, r.cov.c3w3loose ?? 0, r.numbers, r.namesLooseOrdinary), baOn: [0], selectOn: ALL, method: 'prevalence' });
// How verbatim a claim is (ExpertQA's steadiest signal), averaged into the coverage: no new parameter.
variants.push({ name: 'verbatim copied, prevalence WiCE', grid: grid2, score: (r, s) => pw(r, s, ((r.cov.c3w3 ?? 0) + r.copied) / 2), baOn: [0], selectOn: ALL, method: 'prevalence' });
variants.push({ name: 'verbatim pairs, prevalence WiCE', grid: grid2, score: (r, s) => pw(r, s, ((r.cov.c3w3 ?? 0) + r.contentPairs) / 2), baOn: [0], selectOn: ALL, method: 'prevalence' });
variants.push({ name: 'verbatim max, prevalence WiCE', grid: grid2, score: (r, s) => pw(r, s, Math.max(r.cov.c3w3 ?? 0, r.copied)), baOn: [0], selectOn: ALL, method: 'prevalence' });
variants.push({ name: 'partial by Platt, prevalence WiCE', grid: grid2, score: product('c3w3'), baOn: [0], selectOn: ALL, method: 'prevalence' });
variants.push({ name: 'combined: g5, names loose not ordinary, part ratio', grid: gridRatio, score: (r, s) => pw(r, s, r.cov.c3w3g5 ?? 0, r.numbers, r.namesLooseOrdinary), baOn: [0], selectOn: ALL, method: 'prevalence', every: 'partRatio' });
variants.push({ name: 'combined: names loose not ordinary, part ratio', grid: gridRatio, score: (r, s) => pw(r, s, r.cov.c3w3 ?? 0, r.numbers, r.namesLooseOrdinary), baOn: [0], selectOn: ALL, method: 'prevalence', every: 'partRatio' });
// Round 7: the floor fixed at 0 (a full veto), its parameter spent elsewhere.
const grid0 = EVERY.map((everyPart) => ({ floor: 0, everyPart }));
const with0 = (key: string, xs: number[]) => EVERY.flatMap((everyPart) => xs.map((x) => ({ floor: 0, everyPart, [key]: x })));
const r7 = (name: string, v: Partial<Variant>) => variants.push({ name: `r7 ${name}`, grid: grid0, score: product('c3w3'), baOn: [0], selectOn: ALL, method: 'prevalence', ...v });
const PART_SHARE = [0.3, 0.4, 0.5, 0.6, 0.7];
r7('floor 0', {});
r7('floor 0, part share', { grid: with0('partStated', PART_SHARE) });
r7('floor 0, partial on coverage', { partialScore: (r) => r.cov.c3w3 ?? 0 });
r7('floor 0, partial on coverage, part share', { grid: with0('partStated', PART_SHARE), partialScore: (r) => r.cov.c3w3 ?? 0 });
r7('floor 0, best part of any claim', { grid: with0('partStated', [0.4, 0.5, 0.6, 0.7, 0.8]), singleStated: true });
r7('floor 0, best window share', { grid: with0('e', [0, 0.25, 0.5, 0.75, 1]), score: (r, s) => (r.cov.c3w3 ?? 0) ** (1 - s.e) * (r.cov.c99w3 ?? 0) ** s.e * r.numbers * r.names });
r7('floor 0, best window guard', { grid: with0('g', [0, 0.5, 0.7, 0.85, 1]), guard: (r, s) => (r.cov.c99w3 ?? 0) >= s.g * (r.cov.c3w3 ?? 0) - 1e-9 });
r7('floor 0, negation veto', { guard: (r) => !r.negationUnmatched });
r7('floor 0, hedge veto', { guard: (r) => !r.claimHedge });
r7('floor 0, common words', { grid: with0('c', [0, 0.15, 0.3, 0.45, 0.6]), score: (r, s) => (r.cov.c3w3 ?? 0) * (1 - s.c * r.common) * r.numbers * r.names });
// Round 7, second pass: against the floor fixed at 0 with `partial` read on the coverage without the vetoes.
const cov0 = (r: Row) => r.cov.c3w3 ?? 0;
const r7b = (name: string, v: Partial<Variant>) => r7(`b ${name}`, { partialScore: cov0, ...v });
r7b('partial on coverage', {});
r7b('no stated-part rule', { grid: with0('partStated', [2]) });
const blend = (r: Row, e: number) => (r.cov.c3w3 ?? 0) ** (1 - e) * (r.cov.c99w3 ?? 0) ** e;
r7b('best window share', { grid: with0('e', [0, 0.25, 0.5, 0.75, 1]), score: (r, s) => blend(r, s.e) * r.numbers * r.names, partialScore: (r, s) => blend(r, s.e) });
r7b('best window share, partial on chunks', { grid: with0('e', [0, 0.25, 0.5, 0.75, 1]), score: (r, s) => blend(r, s.e) * r.numbers * r.names });
r7b('hedge veto', { guard: (r) => !r.claimHedge });
r7b('negation veto', { guard: (r) => !r.negationUnmatched });
r7b('best part of any claim', { grid: with0('partStated', [0.4, 0.5, 0.6, 0.7, 0.8]), singleStated: true });
r7b('partial on coverage, names veto kept', { partialScore: (r) => cov0(r) * r.names });
r7b('partial on coverage, numbers veto kept', { partialScore: (r) => cov0(r) * r.numbers });
// Round 8 (pre-registered in docs/matcher-notes.md): looser word matching, the shipped form and fit.
// `same` rebuilds the shipped matching in the lab, and must equal the shipped variant.
for (const key of ['same', 'deriv', 'syn', 'both', 'derivTagged']) {
  const l = (r: Row) => r.loose[key] ?? { cov: 0, names: 1, parts: [0] };
  r7(`r8 ${key}`, { score: (r) => l(r).cov * r.numbers * l(r).names, partialScore: (r) => l(r).cov, parts: (r) => l(r).parts });
}
// Round 8, second batch: overlapping chunks (every run of 3, or 2, consecutive key terms).
for (const key of ['s3w3', 's2w3']) r7(`r8 sliding ${key}`, { score: (r) => (r.cov[key] ?? 0) * r.numbers * r.names, partialScore: (r) => r.cov[key] ?? 0 });
// Round 9 (pre-registered in docs/matcher-notes.md): word-vector soft credit in the coverage.
// `off` rebuilds the shipped quantities in the lab, and must equal the shipped variant.
const softRow = (key: string) => (r: Row) => r.soft[key] ?? { cov: 0, names: 1, parts: [0], hit1: null };
const r9 = (name: string, key: (s: Record<string, number>) => string, grid = grid0) =>
  r7(`r9 ${name}`, {
    grid,
    score: (r, s) => softRow(key(s))(r).cov * r.numbers * softRow(key(s))(r).names,
    partialScore: (r, s) => softRow(key(s))(r).cov,
    parts: (r, s) => softRow(key(s))(r).parts,
    hit1: (r, s) => softRow(key(s))(r).hit1,
  });
const tauKey = (tau: number) => (tau > 1 ? 'off' : `v${tau.toFixed(2)}`);
r9('off', () => 'off');
r9('C1 tau 0.75', () => 'v0.75');
r9('C1f tau fitted', (s) => tauKey(s.tau), with0('tau', [0.65, 0.7, 0.75, 0.8, 2]));
r9('C2 with derivations', () => 'deriv');
r9('C3 only absent words', () => 'absent');
// Round 11 (pre-registered in docs/matcher-notes.md): the article before the claim, and names found whole.
// `off` rebuilds the shipped quantities in the lab, and must equal the shipped variant.
for (const key of ['off', 'given', 'whole', 'both']) {
  const c = (r: Row) => r.context?.[key] ?? { cov: 0, names: 1, parts: [0] };
  r7(`r11 ${key}`, { score: (r) => c(r).cov * r.numbers * c(r).names, partialScore: (r) => c(r).cov, parts: (r) => c(r).parts });
}
// Round 13 (pre-registered in docs/matcher-notes.md): partial claims called supported.
// `off` rebuilds the shipped score from the chunks, and must equal the shipped variant.
const r13 = (name: string, v: Partial<Variant>) => r7(`r13 ${name}`, { partialScore: cov0, ...v });
r13('off', { score: (r) => powerMean(r.chunks, 1) * r.numbers * r.names });
r13('power mean', { grid: with0('p', [1, 0.5, 0]), score: (r, s) => powerMean(r.chunks, s.p) * r.numbers * r.names });
r13('dates at claim precision', { score: (r) => cov0(r) * r.numbersDatePrecise * r.names });
r13('part window', { score: (r) => r.partWindow * r.numbers * r.names });
// Round 14 (pre-registered in docs/matcher-notes.md): the presence factors at a power k chosen in the folds.
// `off` is k = 1 only, and must equal the shipped variant.
const r14 = (name: string, v: Partial<Variant>) => r7(`r14 ${name}`, { partialScore: cov0, ...v });
const POWERS = [1, 2, 4, Infinity];
r14('off', { score: (r) => cov0(r) * presencePower(r.numbers, 1) * presencePower(r.names, 1) });
r14('presence power', { grid: with0('k', POWERS), score: (r, s) => cov0(r) * presencePower(r.numbers, s.k) * presencePower(r.names, s.k) });
r14('presence power, dates at claim precision', { grid: with0('k', POWERS), score: (r, s) => cov0(r) * presencePower(r.numbersDatePrecise, s.k) * presencePower(r.names, s.k) });
r14('parts at commas', { parts: (r) => r.commaParts });
// Round 15 (pre-registered in docs/matcher-notes.md): the part share set at 0.3 (not chosen in the
// folds), and a presence gate for `supported` (every name found, every number found, a date at
// its own precision), after the threshold, so the threshold fit is unchanged.
// `r15 part share set` shipped (round 15): it is the line that rebuilds the shipped fit from now on.
const presenceGate = (r: Row) => r.names >= 1 && r.numbersDatePrecise >= 1;
const set03 = [{ floor: 0, everyPart: 0.3 }];
r7('r15 part share set', { grid: set03, partialScore: cov0 });
r7('r15 presence gate', { partialScore: cov0, guard: presenceGate });
r7('r15 both', { grid: set03, partialScore: cov0, guard: presenceGate });
// Round 16 (pre-registered in docs/matcher-notes.md): the partial threshold as the median of the
// macro-F1 maximisers over 200 cluster resamples of the training set (explore.ts reads the name).
r7('r16 partial bagged', { grid: set03, partialScore: cov0 });
// Round 17 (pre-registered in docs/matcher-notes.md): the partial threshold where a Platt fit of
// "not unsupported" on the coverage of the claims it decides reaches their share (explore.ts reads the name).
r7('r17 partial calibrated', { grid: set03, partialScore: cov0 });
