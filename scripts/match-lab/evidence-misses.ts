/**
 * Lab: the evidence misses of one file, one by one, for reading by hand. For every claim with
 * gold evidence whose first passage shown touches none of its gold sentences (hit@1 as in
 * `npm run eval`): the article's title and the end of the claim's context (WiCE), the claim and
 * its key terms with their weights, the first six windows of the evidence order (score, source
 * lines, sentences, whether gold), the claim terms the first window and the best gold window
 * lack, and each gold sentence with the rank and score of the best window touching it and of the
 * best one-sentence window that is it ("-": no window touches it). Run through `hits.ts
 * --misses` (both files) or `misses.ts --file` (one).
 */
import { analyse } from '../../utils/match/index';
import { indexSource } from '../../utils/match/source';
import type { Window } from '../../utils/match/passages';
import { goldSpans, overlaps, readRecords } from '../eval-lib';
import { readArticles } from './article';

const short = (text: string, n: number) => (text.length > n ? `${text.slice(0, n)}…` : text).replace(/\n/g, ' ⏎ ');

export function printMisses(name: string, file: string): void {
  const records = readRecords(file);
  const articles = readArticles(file);
  let misses = 0;
  let withGold = 0;
  records.forEach((r, ri) => {
    const gold = goldSpans(r);
    if (!gold.length) return;
    withGold++;
    const source = indexSource(r.id, r.source_text);
    const a = analyse(r.claim, [source]);
    const first = a.match.evidence[0];
    if (first && gold.some((g) => overlaps(first, g))) return;
    misses++;
    const span = (w: Window) => ({ start: source.sentences[w.from].start, end: source.sentences[w.to].end });
    // The evidence order (`chooseEvidence`): synonym-credited coverage, then the shorter, then the earlier window.
    const ranked = (a.retrieval?.windows ?? []).slice().sort((x, y) => y.shown - x.shown || x.to - x.from - (y.to - y.from) || x.from - y.from);
    const lineOf = (offset: number) => r.source_text.slice(0, offset).split('\n').length - 1;
    const { title, context } = articles[ri];
    console.log(`\n### ${name} ${r.id} gold ${r.label}, given ${a.match.verdict}${a.aligned?.contradicted ? ' (contradicting passage first)' : ''}`);
    if (title) console.log(`article: ${title}`);
    if (context) console.log(`context (end): …${short(context.slice(-300), 320)}`);
    console.log(`claim: ${r.claim}`);
    console.log(`terms: ${a.analysis.terms.map((t, i) => `${t.surface} ${a.retrieval?.termWeights[i].toFixed(1)}`).join(', ')}`);
    ranked.slice(0, 6).forEach((w, k) => {
      const sp = span(w);
      const hit = gold.some((g) => overlaps(sp, g));
      console.log(`  #${k} ${w.shown.toFixed(3)} lines ${lineOf(sp.start)}-${lineOf(sp.end)}, ${w.to - w.from + 1} sentences${hit ? ', gold' : ''}: ${short(r.source_text.slice(sp.start, sp.end), 220)}`);
    });
    const lacks = (w: Window) => a.analysis.terms.filter((_, i) => !w.matched[i]).map((t) => t.surface).join(', ') || 'nothing';
    const bestGold = ranked.find((w) => gold.some((g) => overlaps(span(w), g)));
    if (ranked[0]) console.log(`  #0 lacks: ${lacks(ranked[0])}${bestGold ? `; best gold window lacks: ${lacks(bestGold)}` : ''}`);
    r.evidence.forEach((line, j) => {
      const g = gold[j];
      if (!g) return;
      const rank = ranked.findIndex((w) => overlaps(span(w), g));
      const alone = ranked.findIndex((w) => w.from === w.to && overlaps(span(w), g));
      const at = (k: number) => (k < 0 ? '-' : `#${k} ${ranked[k].shown.toFixed(3)}`);
      console.log(`  gold line ${line}: best window ${at(rank)}, alone ${at(alone)}: ${short(r.source_sentences?.[line] ?? '', 200)}`);
    });
  });
  console.log(`\n${name}: ${misses} misses of ${withGold} claims with gold evidence (hit@1 ${(1 - misses / withGold).toFixed(3)})`);
}
