/**
 * Lab: evidence hit@1 / hit@3 under retrieval variants (window penalty, synonym credit, longest
 * window, tie order), with paired cluster-bootstrap differences against the shipped settings.
 * Nothing here is fitted: each setting is one fixed rule, so a difference is only worth a change
 * when its interval clears zero by more than the noise.
 *
 *   npx tsx scripts/match-lab/hits.ts [--boot 1000]
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyse, DEFAULT_PARAMS, type MatchParams } from '../../utils/match/index';
import { indexSource, type SourceIndex } from '../../utils/match/source';
import { goldSpans, overlaps, readRecords } from '../eval-lib';
import { bootstrap } from './cv';
import { readArgs } from '../lib/args';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const { values } = readArgs('usage: npx tsx scripts/match-lab/hits.ts [--boot 1000]', { boot: { type: 'string', default: '1000' } });
const BOOT = Number(values.boot);

const records = ['wice-dev.jsonl', 'checkcovid-dev.jsonl']
  .flatMap((f, d) => readRecords(path.resolve(repoRoot, '../shared/eval', f)).map((r) => ({ r, d })))
  .filter(({ r }) => goldSpans(r).length > 0);
const cache = new Map<string, SourceIndex>();
const sourceOf = (text: string, id: string) => {
  let s = cache.get(text);
  if (!s) cache.set(text, (s = indexSource(id, text)));
  return s;
};

function hits(params: MatchParams, k: number): boolean[] {
  return records.map(({ r }) => {
    const a = analyse(r.claim, [sourceOf(r.source_text, r.id)], { maxEvidence: 3, params });
    const gold = goldSpans(r);
    return a.match.evidence.slice(0, k).some((e) => gold.some((g) => overlaps(e, g)));
  });
}

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
const base1 = hits(DEFAULT_PARAMS, 1);
for (const [name, change] of variants) {
  const params = { ...DEFAULT_PARAMS, retrieval: { ...DEFAULT_PARAMS.retrieval, ...change } };
  const h1 = hits(params, 1);
  const h3 = hits(params, 3);
  const line = [0, 1].map((d) => {
    const ix = records.map((_, i) => i).filter((i) => records[i].d === d);
    const share = (xs: boolean[], s: number[]) => s.filter((i) => xs[ix[i]]).length / s.length;
    const all = ix.map((_, j) => j);
    const diff = (s: number[]) => share(h1, s) - share(base1, s);
    const [lo, hi] = bootstrap(ix.map((i) => records[i].r.source_text), diff, BOOT, 3 + d);
    return `${d === 0 ? 'WiCE' : 'Check-COVID'} hit@1 ${share(h1, all).toFixed(3)} (Δ ${diff(all).toFixed(3)} [${lo.toFixed(3)}, ${hi.toFixed(3)}]) hit@3 ${share(h3, all).toFixed(3)}`;
  });
  console.log(`${name}: ${line.join(' | ')}`);
}
