/**
 * Lab: the evidence shown on every dev record by one state of the code, kept in a file, and a
 * later state paired against it: hit@1 and hit@3 (where the record has gold evidence), the first
 * passage's length in sentences, words and characters, and which first passages moved. This is
 * how a change to how sources are read (which moves the sentences themselves, so that a rule
 * over the same windows cannot be compared) is measured: `hits.ts --save f.json` on the code
 * before, `hits.ts --against f.json` on the code after.
 *
 * A sentence count means less when the sentences change, so the characters of the first passage
 * are the length to compare across two readings.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { analyse } from '../../utils/match/index';
import { indexSource } from '../../utils/match/source';
import { goldSpans, overlaps, readRecords } from '../eval-lib';
import { bootstrap } from './cv';

export interface ShownRecord {
  file: string;
  id: string;
  /** The source text's length and a hash of it: the bootstrap's group, and a check that both runs read the same record. */
  group: string;
  gold: boolean;
  hit1: boolean;
  hit3: boolean;
  /** The first passage shown (offsets into the source text), or null when none is. */
  start: number | null;
  end: number | null;
  sentences: number;
  words: number;
}

function hash(text: string): string {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return `${text.length}:${(h >>> 0).toString(16)}`;
}

/** What the shipped matcher shows on every record of the files (name, path). */
export function shownOn(files: [string, string][]): ShownRecord[] {
  const out: ShownRecord[] = [];
  for (const [file, p] of files) {
    const cache = new Map<string, ReturnType<typeof indexSource>>();
    for (const r of readRecords(p)) {
      let source = cache.get(r.source_text);
      if (!source) cache.set(r.source_text, (source = indexSource(r.id, r.source_text)));
      const evidence = analyse(r.claim, [source], { maxEvidence: 3 }).match.evidence;
      const gold = goldSpans(r);
      const hitIn = (k: number) => evidence.slice(0, k).some((e) => gold.some((g) => overlaps(e, g)));
      const first = evidence[0];
      let sentences = 0;
      let words = 0;
      if (first) {
        for (const s of source.sentences) {
          if (s.start >= first.start && s.end <= first.end) {
            sentences++;
            words += s.tokenTo - s.tokenFrom;
          }
        }
      }
      out.push({ file, id: r.id, group: hash(r.source_text), gold: gold.length > 0, hit1: hitIn(1), hit3: hitIn(3), start: first?.start ?? null, end: first?.end ?? null, sentences, words });
    }
  }
  return out;
}

export function save(file: string, records: ShownRecord[]): void {
  writeFileSync(file, JSON.stringify(records));
  console.log(`kept the evidence shown on ${records.length} records in ${file}`);
}

const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);
const f3 = (x: number) => x.toFixed(3);

/** Per file: the figures of both states, the paired differences with their intervals, and the claims that moved. */
export function pairAgainst(file: string, after: ShownRecord[], boot: number): void {
  const before: ShownRecord[] = JSON.parse(readFileSync(file, 'utf8'));
  if (before.length !== after.length) throw new Error(`${file} has ${before.length} records, this run ${after.length}`);
  before.forEach((b, i) => {
    if (b.id !== after[i].id || b.group !== after[i].group) throw new Error(`record ${i} differs: ${b.id} against ${after[i].id}`);
  });
  for (const name of [...new Set(after.map((r) => r.file))]) {
    const ix = after.map((_, i) => i).filter((i) => after[i].file === name);
    const withGold = ix.filter((i) => after[i].gold);
    const shown = ix.filter((i) => before[i].start !== null && after[i].start !== null);
    const moved = shown.filter((i) => before[i].start !== after[i].start || before[i].end !== after[i].end);
    const parts: string[] = [`${name}: ${ix.length} records, ${withGold.length} with gold; first passage moved on ${moved.length}`];
    const paired = (sel: number[], of: (r: ShownRecord) => number, seed: number) => {
      const groups = sel.map((i) => after[i].group);
      const at = (rs: ShownRecord[], s: number[]) => mean(s.map((j) => of(rs[sel[j]])));
      const all = sel.map((_, j) => j);
      const [lo, hi] = bootstrap(groups, (s) => at(after, s) - at(before, s), boot, seed);
      const [l1, u1] = bootstrap(groups, (s) => at(after, s), boot, seed + 1);
      return { was: at(before, all), now: at(after, all), lo, hi, l1, u1 };
    };
    for (const [k, key] of [[1, 'hit1'], [3, 'hit3']] as const) {
      if (withGold.length === 0) break;
      const p = paired(withGold, (r) => Number(r[key]), 3 + k);
      const gained = withGold.filter((i) => after[i][key] && !before[i][key]).map((i) => after[i].id);
      const lost = withGold.filter((i) => !after[i][key] && before[i][key]).map((i) => after[i].id);
      parts.push(
        `  hit@${k} ${f3(p.was)} → ${f3(p.now)} [${f3(p.l1)}, ${f3(p.u1)}], Δ ${f3(p.now - p.was)} [${f3(p.lo)}, ${f3(p.hi)}], +${gained.length} −${lost.length}` +
          (gained.length || lost.length ? ` (gained: ${gained.join(' ') || 'none'}; lost: ${lost.join(' ') || 'none'})` : ''),
      );
    }
    const length = (of: (r: ShownRecord) => number, unit: string, digits: number, seed: number) => {
      const p = paired(shown, of, seed);
      return `${p.was.toFixed(digits)} → ${p.now.toFixed(digits)} ${unit} (Δ ${(p.now - p.was).toFixed(digits)} [${p.lo.toFixed(digits)}, ${p.hi.toFixed(digits)}])`;
    };
    parts.push(
      `  first passage (${shown.length} records): ${length((r) => r.end! - r.start!, 'characters', 1, 11)}, ${length((r) => r.words, 'words', 2, 13)}, ${length((r) => r.sentences, 'sentences', 3, 15)}`,
    );
    console.log(parts.join('\n'));
  }
}
