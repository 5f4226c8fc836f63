/**
 * Lab: the evidence misses of one file, one by one (`evidence-misses.ts`: each claim whose first
 * passage shown touches none of its gold sentences, with its terms, the evidence order, what the
 * first and the best gold window lack, and every gold sentence's rank). Reading these is how the
 * misses of `docs/matcher-notes.md` (rounds 7 and 11) were grouped; `hits.ts --misses` prints
 * both files.
 *
 *   npx tsx scripts/match-lab/misses.ts [--file wice-dev.jsonl]
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readArgs } from '../lib/args';
import { printMisses } from './evidence-misses';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const { values } = readArgs('usage: npx tsx scripts/match-lab/misses.ts [--file wice-dev.jsonl]', { file: { type: 'string', default: 'wice-dev.jsonl' } });
printMisses(values.file, path.resolve(repoRoot, '../shared/eval', values.file));
