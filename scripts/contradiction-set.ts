/**
 * The contradiction set (`tests/fixtures/contradictions.jsonl`, our own text): claim/passage pairs
 * that must be `contradicted` (a number, date, negation, change word or named actor turned round)
 * and paraphrases that must not be (reordered clauses, passive/active, synonyms, numbers as words,
 * dates in other formats, order and place words, antonyms alone, shared negations), and passages
 * on another subject that must stay unsupported. Measures the
 * precision and recall of `contradicted` and the confusion of expected against given verdicts.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { indexSource, matchClaim, type Match } from '../utils/match/index';

export const PairSchema = z.object({
  id: z.string(),
  kind: z.string(),
  expect: z.enum(['supported', 'contradicted', 'unsupported']),
  claim: z.string(),
  passage: z.string(),
});
export type Pair = z.infer<typeof PairSchema>;

export const CONTRADICTION_SET = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../tests/fixtures/contradictions.jsonl');

export function readPairs(file = CONTRADICTION_SET): Pair[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l, i) => {
      const parsed = PairSchema.safeParse(JSON.parse(l));
      if (!parsed.success) throw new Error(`${file}:${i + 1}: ${parsed.error.issues[0]?.message}`);
      return parsed.data;
    });
}

export interface SetResult {
  results: { pair: Pair; match: Match }[];
  /** expected → given verdict → count. */
  confusion: Record<string, Record<string, number>>;
  precision: number | null;
  recall: number | null;
}

export function runSet(pairs: Pair[] = readPairs()): SetResult {
  const results = pairs.map((pair) => {
    // Paragraphs of their own, as a page's text arrives.
    const text = pair.passage.replace(/([.!?])\s+(?=[A-Z])/g, '$1\n\n');
    return { pair, match: matchClaim(pair.claim, [indexSource(pair.id, text)]) };
  });
  const confusion: Record<string, Record<string, number>> = {};
  let tp = 0, fp = 0, fn = 0;
  for (const { pair, match } of results) {
    const row = (confusion[pair.expect] ??= {});
    row[match.verdict] = (row[match.verdict] ?? 0) + 1;
    const said = match.verdict === 'contradicted';
    const truth = pair.expect === 'contradicted';
    if (said && truth) tp++;
    else if (said) fp++;
    else if (truth) fn++;
  }
  return { results, confusion, precision: tp + fp ? tp / (tp + fp) : null, recall: tp + fn ? tp / (tp + fn) : null };
}

export function printSet(r: SetResult): void {
  const verdicts = ['contradicted', 'supported', 'partial', 'unsupported'];
  console.log(`contradiction set  ${r.results.length} pairs (${CONTRADICTION_SET})`);
  console.log(`  expected \\ given  ${verdicts.map((v) => v.padStart(12)).join('')}`);
  for (const expect of ['contradicted', 'supported', 'unsupported']) {
    console.log(`  ${expect.padEnd(16)}${verdicts.map((v) => String(r.confusion[expect]?.[v] ?? 0).padStart(12)).join('')}`);
  }
  const fmt = (x: number | null) => (x === null ? 'n/a' : x.toFixed(3));
  console.log(`  contradicted: precision ${fmt(r.precision)}, recall ${fmt(r.recall)}`);
  for (const { pair, match } of r.results) {
    const wrong = (pair.expect === 'contradicted') !== (match.verdict === 'contradicted');
    if (wrong) console.log(`  ✗ ${pair.id} (${pair.kind}) expected ${pair.expect}, got ${match.verdict}${match.evidence[0]?.conflicts.length ? `: ${match.evidence[0].conflicts.join('; ')}` : ''}`);
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) printSet(runSet());
