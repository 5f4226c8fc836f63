/**
 * Lab: the evidence misses, one by one. For every claim with gold evidence whose first passage
 * shown touches none of its gold sentences (hit@1 as in `npm run eval`), print the claim and its
 * key terms with their weights, the passage shown first, the best window touching gold (its rank
 * in the evidence order and both ranking scores, and the claim terms each lacks), and the gold
 * sentences. Reading these is how the misses of `docs/matcher-notes.md` (round 7) were grouped.
 *
 *   npx tsx scripts/match-lab/misses.ts [--file wice-dev.jsonl]
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyse } from '../../utils/match/index';
import { indexSource } from '../../utils/match/source';
import type { Window } from '../../utils/match/passages';
import { goldSpans, overlaps, readRecords } from '../eval-lib';
import { readArgs } from '../lib/args';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const { values } = readArgs('usage: npx tsx scripts/match-lab/misses.ts [--file wice-dev.jsonl]', { file: { type: 'string', default: 'wice-dev.jsonl' } });
const records = readRecords(path.resolve(repoRoot, '../shared/eval', values.file)).filter((r) => goldSpans(r).length > 0);

const short = (text: string, n = 300) => (text.length > n ? `${text.slice(0, n)}…` : text).replace(/\n/g, ' ⏎ ');
let misses = 0;
for (const r of records) {
  const source = indexSource(r.id, r.source_text);
  const a = analyse(r.claim, [source]);
  const gold = goldSpans(r);
  const first = a.match.evidence[0];
  if (first && gold.some((g) => overlaps(first, g))) continue;
  misses++;
  const span = (w: Window) => ({ start: source.sentences[w.from].start, end: source.sentences[w.to].end });
  // The evidence order (`chooseEvidence`): synonym-credited coverage, then the shorter, then the earlier window.
  const ranked = (a.retrieval?.windows ?? []).slice().sort((x, y) => y.shown - x.shown || x.to - x.from - (y.to - y.from) || x.from - y.from);
  const rank = ranked.findIndex((w) => gold.some((g) => overlaps(span(w), g)));
  const best = ranked[rank];
  const lacks = (w: Window) => a.analysis.terms.filter((_, i) => !w.matched[i]).map((t) => t.surface).join(', ');
  console.log(`\n### ${r.id} gold ${r.label}, given ${a.match.verdict}${a.aligned?.contradicted ? ' (contradicting passage first)' : ''}`);
  console.log(`claim: ${r.claim}`);
  console.log(`terms: ${a.analysis.terms.map((t, i) => `${t.surface} ${a.retrieval?.termWeights[i].toFixed(1)}`).join(', ')}`);
  if (first) console.log(`first shown (${first.score.toFixed(3)}; lacks ${first.missing.join(', ')}): ${short(first.text)}`);
  if (best) {
    console.log(`best gold window: rank ${rank}, ${best.shown.toFixed(3)} against ${ranked[0].shown.toFixed(3)}, ${best.to - best.from + 1} sentences; lacks ${lacks(best)}: ${short(r.source_text.slice(span(best).start, span(best).end))}`);
  } else console.log('no window touches a gold sentence');
  console.log(`gold: ${r.evidence.map((i) => `[${i}] ${short(r.source_sentences?.[i] ?? '', 160)}`).join(' | ')}`);
}
console.log(`\n${misses} misses of ${records.length} claims with gold evidence (hit@1 ${(1 - misses / records.length).toFixed(3)})`);
