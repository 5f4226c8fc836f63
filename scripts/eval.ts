/**
 * Runs the matcher over a claim-verification JSONL file and prints how well it does, then runs
 * the contradiction set (`tests/fixtures/contradictions.jsonl`: precision and recall of
 * `contradicted`, and the confusion of expected against given verdicts).
 *
 *   npm run eval -- [<file.jsonl>] [--out predictions.jsonl] [--json]
 *
 * Without a file only the contradiction set runs (it needs nothing outside the repository).
 * These are the shipped model's figures on the file itself, not cross-validated: the honest
 * figures come from `npx tsx scripts/fit-match.ts` (see utils/match/README.md).
 *
 * Figures: count; three-way macro-F1 (when the file has three labels; a `contradicted` verdict
 * counts as unsupported); supported-vs-rest balanced accuracy at the shipped thresholds and AUROC
 * of the score; evidence hit@1 / hit@3 (a top-k passage overlaps a gold evidence sentence, by
 * offsets into `source_text`); pairs per second (indexing the source plus matching the claim).
 * With --json the last line is one JSON object; a figure that does not apply is null.
 * With --judge <base URL> the on-device judge's part runs too (scripts/eval-judge.ts).
 */
import { parseArgs } from 'node:util';
import { writeFileSync } from 'node:fs';
import { indexSource, matchClaim } from '../utils/match/index';
import type { Evidence } from '../utils/report/schema';
import { printSet, runSet } from './contradiction-set';
import {
  auroc,
  balancedAccuracy,
  goldSpans,
  macroF1,
  overlaps,
  readRecords,
  threeWay,
} from './eval-lib';
import { judgeAll, printJudgeFigures, takeJudgeArgs, type JudgeOptions } from './eval-judge';

function usage(): never {
  console.error(
    'usage: npm run eval -- [<file.jsonl>] [--out predictions.jsonl] [--json]\n' +
      '         [--judge <base URL> [--judge-model NAME] [--judge-timeout MS] [--judge-concurrency N] [--judge-any-host]]',
  );
  process.exit(2);
}

let judgeOptions: JudgeOptions | null = null;
let args: string[];
try {
  ({ judge: judgeOptions, rest: args } = takeJudgeArgs(process.argv.slice(2)));
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  usage();
}
let parsed: ReturnType<typeof parseEvalArgs>;
function parseEvalArgs(argv: string[]) {
  return parseArgs({ args: argv, allowPositionals: true, strict: true, options: { out: { type: 'string' }, json: { type: 'boolean' } } });
}
try {
  parsed = parseEvalArgs(args);
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  usage();
}
const { out, json = false } = parsed.values;
if (parsed.positionals.length > 1) usage();
const file: string | undefined = parsed.positionals[0];
const set = runSet();
if (!file) {
  printSet(set);
  if (json) console.log(JSON.stringify({ contradictions: { precision: set.precision, recall: set.recall, confusion: set.confusion } }));
  process.exit(0);
}

let records: ReturnType<typeof readRecords>;
try {
  records = readRecords(file);
} catch (error) {
  // A missing file or a line that is not a claim record is bad input: say which, exit 2 like a bad option.
  const message = (error as NodeJS.ErrnoException).code === 'ENOENT' ? `no such file: ${file}` : error instanceof Error ? error.message : String(error);
  console.error(`eval: ${message}`);
  process.exit(2);
}
const predictions: { id: string; verdict: string; score: number; judgedBy?: string; wordVerdict?: string; quote?: string }[] = [];
const matches: { claim: string; verdict: string; evidence: Evidence[] }[] = [];
let hits1 = 0;
let hits3 = 0;
let withGold = 0;
let elapsed = 0;
for (const record of records) {
  const t0 = performance.now();
  const source = indexSource(record.id, record.source_text);
  const match = matchClaim(record.claim, [source], { maxEvidence: 3 });
  elapsed += performance.now() - t0;
  predictions.push({ id: record.id, verdict: match.verdict, score: match.score });
  if (judgeOptions) matches.push({ claim: record.claim, verdict: match.verdict, evidence: match.evidence });
  const gold = goldSpans(record);
  if (gold.length > 0) {
    withGold++;
    const hit = (k: number) => match.evidence.slice(0, k).some((e) => gold.some((g) => overlaps(e, g)));
    if (hit(1)) hits1++;
    if (hit(3)) hits3++;
  }
}

let judged: Awaited<ReturnType<typeof judgeAll>> | null = null;
if (judgeOptions) {
  try {
    judged = await judgeAll(matches, judgeOptions);
  } catch (error) {
    console.error(`judge: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(2);
  }
  judged.predictions.forEach((p, i) => Object.assign(predictions[i], p));
}

const goldLabels = records.map((r) => r.label);
const labelSet = new Set(goldLabels);
const positive = goldLabels.map((l) => l === 'supported');
const result = {
  n: records.length,
  macroF1: labelSet.size === 3 ? macroF1(predictions.map((p) => threeWay(p.verdict)), goldLabels, ['supported', 'partial', 'unsupported']) : null,
  balancedAccuracy: balancedAccuracy(predictions.map((p) => p.verdict === 'supported'), positive),
  auroc: auroc(predictions.map((p) => p.score), positive),
  hitAt1: withGold > 0 ? hits1 / withGold : null,
  hitAt3: withGold > 0 ? hits3 / withGold : null,
  pairsPerSecond: elapsed > 0 ? records.length / (elapsed / 1000) : null,
  judge: judged?.figures ?? null,
};

if (out) writeFileSync(out, predictions.map((p) => JSON.stringify(p)).join('\n') + '\n');

const fmt = (x: number | null, digits = 3) => (x === null ? 'n/a' : x.toFixed(digits));
const verdictCounts: Record<string, number> = {};
for (const p of predictions) verdictCounts[p.verdict] = (verdictCounts[p.verdict] ?? 0) + 1;
console.log(`file               ${file}`);
console.log(`count              ${result.n}  (gold: ${[...labelSet].map((l) => `${l} ${goldLabels.filter((g) => g === l).length}`).join(', ')})`);
console.log(`verdicts           ${Object.entries(verdictCounts).map(([k, v]) => `${k} ${v}`).join(', ')}`);
console.log(`macro-F1 (3-way)   ${fmt(result.macroF1)}`);
console.log(`balanced accuracy  ${fmt(result.balancedAccuracy)}  (supported vs rest, shipped threshold)`);
console.log(`AUROC              ${fmt(result.auroc)}`);
console.log(`evidence hit@1     ${fmt(result.hitAt1)}  hit@3 ${fmt(result.hitAt3)}  (${withGold} records with gold evidence)`);
console.log(`pairs per second   ${fmt(result.pairsPerSecond, 1)}`);
if (judged) printJudgeFigures(judged.figures);
printSet(set);
if (json) console.log(JSON.stringify({ ...result, contradictions: { precision: set.precision, recall: set.recall, confusion: set.confusion } }));
