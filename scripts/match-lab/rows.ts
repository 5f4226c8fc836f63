/**
 * Per-claim inputs of the explore variants (`explore.ts`): coverages by chunk size, longest window
 * and word weights, presence shares, parts, chunks, how verbatim the claim is, and whether the
 * product called it contradicted. Computed once per run so that many variants share them.
 */
import { analyse, DEFAULT_PARAMS } from '../../utils/match/index';
import { indexSource, type SourceIndex } from '../../utils/match/source';
import { chunkCoverages, partCoverage, shareAnywhere } from '../../utils/match/features';
import { weightedShare, type Retrieval, type Window } from '../../utils/match/passages';
import { goldSpans, overlaps, readRecords } from '../eval-lib';
import { labFeatures } from './features';
import { loosened } from './paraphrase';
import { softFigures, softWindows } from './soft';
import { existsSync } from 'node:fs';
import { loadTable, tablePath } from './vectors';
import { contextFigures, givenStems, type ContextFigures } from './context';
import { readFileSync } from 'node:fs';
import { numbersAtClaimPrecision, partWindowCoverage } from './round13';
import { commaClauses } from './round14';
import { commonShare, generalWeights, looseWindows, namesLoose, namesNotOrdinary, numbersRounded } from './general';

/** Cached per claim: coverages by chunk size and longest window, presence shares, parts. */
export interface Row {
  dataset: number;
  group: string;
  label: string;
  cov: Record<string, number>;
  numbers: number;
  /** `numbers` with a lone "one" not counted as a number (it is mostly a pronoun or determiner). */
  numbersNoOne: number;
  names: number;
  parts: number[];
  /** Each 3-term chunk's best coverage (shipped coverage's chunks). */
  chunks: number[];
  /** Weighted share of the claim's terms found anywhere in the sources. */
  anywhere: number;
  contradicted: boolean;
  hit1: boolean | null;
  /** Round 5: names without capitalised ordinary words; names found loosely; numbers within 2 %. */
  namesOrdinary: number;
  namesLoose: number;
  namesLooseOrdinary: number;
  /** How verbatim the claim is: share of its words in runs of ≥ 3 copied words; adjacent content-word pairs found. */
  copied: number;
  contentPairs: number;
  numbersRounded: number;
  /** Round 7: the claim hedges ("may", "suggests") and its best passage does not; the claim negates and no source negates near those words. */
  claimHedge: number;
  negationUnmatched: number;
  /** Round 7: share of the claim's word terms that are very common in general English (SUBTLEX share ≥ 1 in 10,000). */
  common: number;
  /** Round 8: coverage (3-term chunks, windows ≤ 3), names found and parts with looser word matching (`paraphrase.ts`); `same` rebuilds the shipped matching. */
  loose: Record<string, { cov: number; names: number; parts: number[] }>;
  /** Round 9: coverage, names found, parts and hit@1 with word-vector soft credit (`soft.ts`); `off` rebuilds the shipped quantities. */
  soft: Record<string, { cov: number; names: number; parts: number[]; hit1: boolean | null }>;
  /** Round 11: coverage, names found and parts of the context candidates (`context.ts`); `off` rebuilds the shipped quantities. */
  context: Record<string, ContextFigures>;
  /** Round 13: numbers with a claim's date at its own precision; each part's best single-window coverage, weighted (`round13.ts`). */
  numbersDatePrecise: number;
  partWindow: number;
  /** Round 14: each part's best coverage with the claim's parts also cut at commas (`round14.ts`). */
  commaParts: number[];
}

/** Round 9's soft-credit thresholds (C1 at 0.75; C1f chooses among them and off). */
export const SOFT_TAUS = [0.65, 0.7, 0.75, 0.8];
export const softKey = (tau: number) => `v${tau.toFixed(2)}`;
const SOFT_TABLE = 20000;

let softSkipped = false;
function softOf(r: Retrieval, hitOf: (w: Window | undefined) => boolean | null, contradictedHit: boolean | null, contradicted: boolean): Row['soft'] {
  // The table is a lab asset (scripts/match-lab/vectors.ts); without it the round-9 variants score 0.
  if (!existsSync(tablePath(SOFT_TABLE))) {
    if (!softSkipped) console.error(`round 9 variants skipped: ${tablePath(SOFT_TABLE)} is missing (see scripts/match-lab/vectors.ts)`);
    softSkipped = true;
    return {};
  }
  const table = loadTable(SOFT_TABLE);
  const { windowPenalty, synonymCredit = 1 } = DEFAULT_PARAMS.retrieval;
  const out: Row['soft'] = {};
  const names = shareAnywhere(r, 'name');
  const plain = softWindows(r, table);
  const entry = (l: Retrieval, soft: ReturnType<typeof softWindows>, tau: number, withHit: boolean, n: number) => {
    const f = softFigures(l, soft, tau, synonymCredit);
    return { cov: f.cov, names: n, parts: f.parts, hit1: withHit ? (contradicted ? contradictedHit : hitOf(f.first)) : null };
  };
  out.off = entry(r, plain, 2, true, names);
  for (const tau of SOFT_TAUS) out[softKey(tau)] = entry(r, plain, tau, true, names);
  out.absent = entry(r, softWindows(r, table, { onlyAbsent: true }), 0.75, true, names);
  const d = loosened(r, { derivations: true, synonymsInWindow: false }, windowPenalty);
  out.deriv = entry(d, softWindows(d, table), 0.75, false, shareAnywhere(d, 'name'));
  return out;
}

function coverageOf(r: Retrieval, size: number, longest: number): number {
  const windows = r.windows.filter((w) => w.to - w.from < longest);
  const best = chunkCoverages({ ...r, windows }, size);
  return best.length ? best.reduce((a, b) => a + b, 0) / best.length : 0;
}

function shareWithout(r: Retrieval, skip: RegExp): number {
  let n = 0;
  let got = 0;
  r.analysis.terms.forEach((t, i) => {
    if (t.kind !== 'number' || skip.test(t.surface)) return;
    n++;
    if (r.anywhere[i]) got++;
  });
  return n === 0 ? 1 : got / n;
}

/** Round 8: every run of `size` consecutive key terms a chunk (overlapping); each one's best window coverage, averaged. */
function slidingCoverage(r: Retrieval, size: number): number {
  const n = r.analysis.terms.length;
  const ranges: [number, number][] = n <= size ? [[0, n]] : Array.from({ length: n - size + 1 }, (_, i) => [i, i + size]);
  let sum = 0;
  for (const [a, b] of ranges) {
    let total = 0;
    for (let i = a; i < b; i++) total += r.termWeights[i];
    let best = 0;
    for (const w of r.windows) {
      if (w.to - w.from >= 3) continue;
      let got = 0;
      for (let i = a; i < b; i++) if (w.matched[i]) got += r.termWeights[i];
      if (total > 0) best = Math.max(best, got / total);
      if (best >= 1) break;
    }
    sum += best;
  }
  return n ? sum / ranges.length : 0;
}

const LOOSENINGS = { same: [false, false], deriv: [true, false], syn: [false, true], both: [true, true], derivTagged: [true, false, true] } as const;

function looseOf(r: Retrieval): Row['loose'] {
  const out: Row['loose'] = {};
  for (const [key, [derivations, synonymsInWindow, taggedOnly = false]] of Object.entries(LOOSENINGS) as [string, readonly boolean[]][]) {
    const l = loosened(r, { derivations, synonymsInWindow, taggedOnly }, DEFAULT_PARAMS.retrieval.windowPenalty);
    out[key] = { cov: coverageOf(l, 3, 3), names: shareAnywhere(l, 'name'), parts: partCoverage(l).best };
  }
  return out;
}

function contextOf(r: Retrieval, rec: { claim_context?: string; article_title?: string }): Row['context'] {
  // Only WiCE records carry the article before the claim; elsewhere the given-words candidate is the shipped score.
  const given = rec.claim_context || rec.article_title ? givenStems(rec.claim_context ?? '', rec.article_title ?? '') : null;
  return {
    off: contextFigures(r, null, false),
    given: contextFigures(r, given, false),
    whole: contextFigures(r, null, true),
    both: contextFigures(r, given, true),
  };
}

/** One row per record of `files` (dataset = index of its file), with every variant's inputs. */
export function buildRows(files: string[]): Row[] {
  const t0 = Date.now();
  const rows: Row[] = [];
  const indexCache = new Map<string, SourceIndex>();
  const params4 = { ...DEFAULT_PARAMS, retrieval: { ...DEFAULT_PARAMS.retrieval, maxWindow: 4 } };
  const plain = { ...DEFAULT_PARAMS, retrieval: { ...DEFAULT_PARAMS.retrieval, synonyms: false } };
  files.forEach((file, dataset) => {
    // The article around a WiCE claim (round 11): fields `readRecords` does not keep, read in the same order.
    const extra = readFileSync(file, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as { claim_context?: string; article_title?: string });
    readRecords(file).forEach((rec, recIndex) => {
      let src = indexCache.get(rec.source_text);
      if (!src) indexCache.set(rec.source_text, (src = indexSource(rec.id, rec.source_text)));
      const a = analyse(rec.claim, [src], { maxEvidence: 3 });
      const a4 = analyse(rec.claim, [src], { maxEvidence: 3, params: params4 });
      const cov: Record<string, number> = {};
      if (a.retrieval) {
        for (const size of [1, 2, 3, 4, 99]) for (const longest of [1, 2, 3]) cov[`c${size}w${longest}`] = coverageOf(a.retrieval, size, longest);
        for (const size of [2, 3]) cov[`c${size}w4`] = a4.retrieval ? coverageOf(a4.retrieval, size, 4) : 0;
        const ap = analyse(rec.claim, [src], { maxEvidence: 3, params: plain });
        cov.s3w3 = slidingCoverage(a.retrieval, 3);
        cov.s2w3 = slidingCoverage(a.retrieval, 2);
        cov.c3w3plain = ap.retrieval ? coverageOf(ap.retrieval, 3, 3) : 0;
        // Round 5: spelling-tolerant coverage; general-English IDF alone (g1) or blended geometrically with the shipped weights (g5, g3).
        cov.c3w3loose = coverageOf({ ...a.retrieval, windows: looseWindows(a.retrieval) }, 3, 3);
        for (const [key, mix] of [['g1', 1], ['g5', 0.5], ['g3', 0.3]] as const) {
          cov[`c3w3${key}`] = coverageOf({ ...a.retrieval, termWeights: generalWeights(a.retrieval, mix) }, 3, 3);
        }
      }
      const gold = goldSpans(rec);
      const lab = labFeatures(a);
      const hitOf = (w: Window | undefined) => (gold.length ? !!w && gold.some((g) => overlaps({ start: w.source.sentences[w.from].start, end: w.source.sentences[w.to].end }, g)) : null);
      const hit1 = gold.length ? a.match.evidence.slice(0, 1).some((e) => gold.some((g) => overlaps(e, g))) : null;
      rows.push({
        dataset,
        group: rec.source_text,
        label: rec.label,
        cov,
        numbers: a.retrieval ? shareAnywhere(a.retrieval, 'number') : 1,
        numbersNoOne: a.retrieval ? shareWithout(a.retrieval, /^one$/i) : 1,
        names: a.retrieval ? shareAnywhere(a.retrieval, 'name') : 1,
        parts: a.stated?.best ?? [0],
        chunks: a.factors?.chunks.length ? a.factors.chunks : [0],
        anywhere: a.retrieval ? weightedShare(a.retrieval.anywhere, a.retrieval.termWeights, a.retrieval.total) : 0,
        contradicted: a.match.verdict === 'contradicted',
        namesOrdinary: a.retrieval ? namesNotOrdinary(a.retrieval) : 1,
        namesLoose: a.retrieval ? namesLoose(a.retrieval) : 1,
        namesLooseOrdinary: a.retrieval ? namesLoose(a.retrieval, true) : 1,
        copied: lab?.copied ?? 0,
        contentPairs: lab?.contentPairs ?? 0,
        numbersRounded: a.retrieval ? numbersRounded(a.retrieval) : 1,
        claimHedge: lab?.claimHedge ?? 0,
        negationUnmatched: lab?.negationUnmatched ?? 0,
        common: a.retrieval ? commonShare(a.retrieval) : 0,
        loose: a.retrieval ? looseOf(a.retrieval) : {},
        soft: a.retrieval ? softOf(a.retrieval, hitOf, hit1, a.match.verdict === 'contradicted') : {},
        hit1,
        context: a.retrieval ? contextOf(a.retrieval, extra[recIndex]) : {},
        numbersDatePrecise: a.retrieval ? numbersAtClaimPrecision(a.retrieval) : 1,
        partWindow: a.retrieval ? partWindowCoverage(a.retrieval) : 0,
        commaParts: analyse(commaClauses(rec.claim), [src], { maxEvidence: 3 }).stated?.best ?? [0],
      });
    });
  });
  console.error(`features for ${rows.length} records in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
  return rows;
}
