/**
 * Lab, round 11: where the shipped model errs on WiCE. Reads the out-of-fold predictions that
 * `explore.ts --save` kept (one variant, every repeat), takes each claim's most frequent verdict
 * over the repeats, and prints the confusion and, for the cells named, a sample of claims with
 * what a reader needs to judge the error by hand: the claim's factors and parts, its terms and
 * which are found, the first passage shown, the gold evidence sentences (and whether they are
 * meta lines or headings), and the article title and context the product also has.
 *
 *   npx tsx scripts/match-lab/errors.ts --preds .lab/r11-shipped.json [--variant "r7 b partial on coverage"] [--cells partial>supported,supported>partial] [--n 20] [--json out.json] [--tally]
 *
 * `--tally` also counts, over every WiCE claim, what sizes the categories of the reading
 * (docs/matcher-notes.md, round 11): pronoun-led claims, absent names and numbers that the article
 * before the claim writes, glued words, short year spans, capitals after an initial, how far
 * apart the gold evidence lies, and a few shapes of the largest cells.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyse, indexSource } from '../../utils/match/index';
import { readArgs } from '../lib/args';
import { goldSpans, overlaps, readRecords } from '../eval-lib';
import { hash } from './cv';
import { tokenize } from '../../utils/match/text';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const { values } = readArgs('usage: npx tsx scripts/match-lab/errors.ts --preds f.json [--variant name] [--cells gold>given,…] [--n 20] [--json out.json]', {
  preds: { type: 'string' },
  variant: { type: 'string', default: 'r7 b partial on coverage' },
  cells: { type: 'string', default: 'partial>supported,supported>partial,unsupported>partial' },
  n: { type: 'string', default: '20' },
  json: { type: 'string' },
  file: { type: 'string' },
  tally: { type: 'boolean', default: false },
});
if (!values.preds) throw new Error('--preds is required (explore.ts --save)');
const file = values.file ?? path.resolve(repoRoot, '../shared/eval/wice-dev.jsonl');
const LABELS = ['supported', 'partial', 'unsupported'];

interface Pred {
  score: number;
  verdict: string;
}
const saved = JSON.parse(readFileSync(values.preds, 'utf8')) as Record<string, Pred[][]>;
const preds = saved[values.variant];
if (!preds) throw new Error(`no variant "${values.variant}" in ${values.preds}: ${Object.keys(saved).join(', ')}`);

const raw = readFileSync(file, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as Record<string, unknown>);
const records = readRecords(file);

const modal = (i: number) => {
  const counts = new Map<string, number>();
  for (const p of preds) counts.set(p[i].verdict, (counts.get(p[i].verdict) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || LABELS.indexOf(a[0]) - LABELS.indexOf(b[0]))[0][0];
};

const summed = LABELS.map(() => LABELS.map(() => 0));
const byModal = LABELS.map(() => LABELS.map(() => 0));
records.forEach((r, i) => {
  for (const p of preds) summed[LABELS.indexOf(r.label)][LABELS.indexOf(p[i].verdict)]++;
  byModal[LABELS.indexOf(r.label)][LABELS.indexOf(modal(i))]++;
});
console.log('WiCE confusion, gold rows × given supported / partial / unsupported');
console.log('  summed over the repeats:', JSON.stringify(summed));
console.log('  each claim by its most frequent verdict:', JSON.stringify(byModal));

const META = /^\(meta data\)/;
const HEADING = /^#/;
const clip = (s: string, n: number) => (s.length > n ? s.slice(0, n) + '…' : s);
const out: Record<string, unknown>[] = [];
for (const cell of values.cells.split(',').filter(Boolean)) {
  const [gold, given] = cell.split('>');
  const members = records.map((_, i) => i).filter((i) => records[i].label === gold && modal(i) === given);
  const sample = members.sort((a, b) => hash(records[a].id, 11) - hash(records[b].id, 11)).slice(0, Number(values.n));
  console.log(`\n######## gold ${gold}, given ${given}: ${members.length} claims, ${sample.length} read`);
  for (const i of sample) {
    const r = records[i];
    const extra = raw[i];
    const src = indexSource(r.id, r.source_text);
    const a = analyse(r.claim, [src], { maxEvidence: 3 });
    const spans = goldSpans(r);
    const sentences = r.source_sentences ?? [];
    const goldText = r.evidence.map((k) => `[${k}]${META.test(sentences[k] ?? '') ? ' META' : HEADING.test(sentences[k] ?? '') ? ' HEAD' : ''} ${clip(sentences[k] ?? '', 300)}`);
    const ret = a.retrieval;
    const terms = ret ? ret.analysis.terms.map((t, k) => `${t.surface}${t.kind === 'name' ? '(N)' : t.kind === 'number' ? '(#)' : ''}${ret.anywhere[k] ? '' : '✗'}:${ret.termWeights[k].toFixed(1)}/p${t.part}`) : [];
    const first = a.match.evidence[0];
    const firstHit = first ? spans.some((g) => overlaps(first, g)) : false;
    // Best window touching gold: how much of the claim the gold sentences hold, by the matcher's matching.
    const goldWindow = ret?.windows.find((w) => spans.some((g) => overlaps({ start: w.source.sentences[w.from].start, end: w.source.sentences[w.to].end }, g)));
    const missing = goldWindow && ret ? ret.analysis.terms.filter((_, k) => !goldWindow.matched[k]).map((t) => t.surface) : [];
    const context = String(extra.claim_context ?? '');
    const entry = {
      cell,
      id: r.id,
      claim: r.claim,
      verdicts: preds.map((p) => p[i].verdict[0]).join(''),
      raw: a.raw,
      coverage: a.factors?.coverage,
      chunks: a.factors?.chunks.map((c) => +c.toFixed(2)),
      numbers: a.factors?.numbers,
      names: a.factors?.names,
      parts: a.stated?.best.map((c) => +c.toFixed(2)),
      absent: a.match.absent?.map((x) => x.text),
      terms,
      first: first ? `${firstHit ? 'GOLD' : 'other'}: ${clip(r.source_text.slice(first.start, first.end), 300)}` : null,
      goldBest: goldWindow ? +goldWindow.coverage.toFixed(2) : null,
      goldMissing: missing,
      gold: goldText,
      title: extra.article_title,
      section: extra.article_section,
      source_title: extra.source_title,
      context: clip(context.slice(Math.max(0, context.length - 300)), 300),
    };
    out.push(entry);
    console.log(`\n--- ${r.id} [${entry.verdicts}] raw ${a.raw.toFixed(3)} cov ${entry.coverage?.toFixed(3)} chunks ${JSON.stringify(entry.chunks)} num ${entry.numbers?.toFixed(2)} names ${entry.names?.toFixed(2)} parts ${JSON.stringify(entry.parts)}`);
    console.log(`CLAIM: ${r.claim}`);
    console.log(`TERMS: ${terms.join(' ')}`);
    if (entry.absent) console.log(`ABSENT: ${entry.absent.join(' | ')}`);
    console.log(`FIRST: ${entry.first}`);
    console.log(`GOLD (best gold window ${entry.goldBest}, missing there: ${missing.join(', ')}):\n  ${goldText.join('\n  ')}`);
    console.log(`ARTICLE: ${entry.title} / ${entry.section} | SOURCE TITLE: ${entry.source_title}`);
    console.log(`CONTEXT: …${entry.context}`);
  }
}
if (values.json) writeFileSync(values.json, JSON.stringify(out, null, 1));

if (values.tally) {
  const counts = new Map<string, Record<string, number>>();
  const add = (key: string, by: string) => {
    const c = counts.get(key) ?? {};
    c[by] = (c[by] ?? 0) + 1;
    counts.set(key, c);
  };
  const spread: Record<string, number[]> = {};
  records.forEach((r, i) => {
    const a = analyse(r.claim, [indexSource(r.id, r.source_text)]);
    const ret = a.retrieval;
    const cell = `${r.label}>${modal(i)}`;
    const extra = raw[i];
    const context = `${String(extra.claim_context ?? '')} ${String(extra.article_title ?? '')}`;
    const contextStems = new Set(tokenize(context).map((t) => t.stem));
    if (/^(?:He|She|It|They|His|Her|Its|Their|The (?:band|company|film|team|song|album|group|station|ship|player|club))\b/.test(r.claim.trim())) {
      add('pronoun-led, by label', r.label);
      add('pronoun-led, by cell', cell);
    }
    const absent = ret ? ret.analysis.terms.filter((t, k) => !ret.anywhere[k] && t.kind !== 'word') : [];
    if (absent.length && absent.every((t) => (t.kind === 'name' ? contextStems.has(t.stem) : context.includes(t.surface)))) add('all absent names and numbers in the article before the claim or its title', r.label);
    const glued = new Set<string>();
    for (const m of r.source_text.matchAll(/[A-Za-z]*[a-z](?=[A-Z])|(?<=[a-z])[A-Z][a-z]+/g)) glued.add(m[0].toLowerCase());
    ret?.analysis.terms.forEach((t, k) => {
      if (!ret.anywhere[k] && t.kind !== 'number' && glued.has(t.surface.toLowerCase())) add('claim terms absent but inside a glued source word', r.label);
    });
    if (/\b(?:1[89]|20)\d\d[–-]\d\d\b/.test(r.claim)) add('a year span written short (2018–19)', r.label);
    if (/\b[A-Z]\.\s+[A-Z][a-z]/.test(r.claim)) add('a capital after an initial', r.label);
    const sentences = r.source_sentences ?? [];
    const body = r.evidence.filter((k) => !META.test(sentences[k] ?? '') && !HEADING.test(sentences[k] ?? ''));
    if (body.length) (spread[r.label] ??= []).push(Math.max(...body) - Math.min(...body));
    if (cell === 'partial>supported' || cell === 'supported>supported' || cell === 'supported>partial') {
      const parts = a.stated?.best ?? [];
      const f = a.factors;
      if ((f?.names ?? 1) < 1) add('names < 1', cell);
      if ((f?.numbers ?? 1) < 1) add('numbers < 1', cell);
      if (a.analysis.terms.length >= 12) add('12 key terms or more', cell);
      if (Math.min(...(f?.chunks.length ? f.chunks : [1])) < 0.4) add('a chunk under 0.4', cell);
      if (parts.length > 1) add('several parts', cell);
      if (parts.some((c) => c < 0.3)) add('a part under 0.3', cell);
    }
  });
  console.log('\n######## tallies over all WiCE claims');
  for (const [key, c] of counts) console.log(`${key}: ${JSON.stringify(c)}`);
  const q = (xs: number[], p: number) => xs.slice().sort((x, y) => x - y)[Math.floor(p * (xs.length - 1))];
  for (const [label, xs] of Object.entries(spread)) console.log(`gold evidence, first to last body sentence, ${label}: ${xs.length} claims, median ${q(xs, 0.5)}, upper quartile ${q(xs, 0.75)}`);
}
