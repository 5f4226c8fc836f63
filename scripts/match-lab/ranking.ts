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
 *
 * The parts, in `ranking/`: `candidate.ts` describes each window (from the per-round readings
 * `terms.ts`, `meta.ts`, `subject-credit.ts`, `abstract-credit.ts`), `measure.ts` pairs a rule
 * against the shipped order, `rounds.ts` holds each round's rules.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { indexSource } from '../../utils/match/source';
import { goldSpans, readRecords } from '../eval-lib';
import { readArgs } from '../lib/args';
import { readArticles } from './article';
import { describeClaim } from './ranking/candidate';
import { runRound } from './ranking/rounds';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const { values } = readArgs('usage: npx tsx scripts/match-lab/ranking.ts [--boot 1000] [--files wice.jsonl,checkcovid.jsonl] [--round 9|11|12]', {
  boot: { type: 'string', default: '1000' },
  files: { type: 'string' },
  round: { type: 'string' },
});

const files = values.files?.split(',').map((f) => path.resolve(f)) ?? ['wice-dev.jsonl', 'checkcovid-dev.jsonl'].map((f) => path.resolve(repoRoot, '../shared/eval', f));
if (files.length !== 2) throw new Error('--files takes two files: WiCE, then Check-COVID');
const records = files
  .flatMap((f, d) => {
    const articles = readArticles(f);
    return readRecords(f).map((r, i) => ({ r, d, article: articles[i] }));
  })
  .filter(({ r }) => goldSpans(r).length > 0);

runRound(
  {
    files: ['WiCE', 'Check-COVID'],
    file: records.map(({ d }) => d),
    ids: records.map(({ r }) => r.id),
    groups: records.map(({ r }) => r.source_text),
    claims: records.map(({ r, article }) => describeClaim(indexSource(r.id, r.source_text), r.claim, goldSpans(r), article)),
    boot: Number(values.boot),
  },
  values.round,
);
