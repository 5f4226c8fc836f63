/**
 * Word relations by stem: synonyms (light paraphrase: "examine" for "study") and opposites
 * (contradictions: "increase" against "decrease").
 *
 * The table is compiled from WordNet by `scripts/build-wordnet.ts` into `wordnet.json`: only each
 * word's most frequent sense, so a synonym is one a reader would accept in most contexts. The
 * hand-listed direction pairs in `words.ts` are added to WordNet's antonyms.
 */
import table from './wordnet.json';
import { DIRECTION_PAIRS } from './words';

function relate(map: Map<string, string[]>, a: string, b: string): void {
  if (a === b) return;
  const list = map.get(a);
  if (!list) map.set(a, [b]);
  else if (!list.includes(b)) list.push(b);
}

const directions = new Map<string, string[]>();
for (const [a, b] of DIRECTION_PAIRS) {
  relate(directions, a, b);
  relate(directions, b, a);
}
const opposites = new Map<string, string[]>();
for (const pair of [...DIRECTION_PAIRS, ...table.antonyms.map((p) => p.split(' ') as [string, string])]) {
  relate(opposites, pair[0], pair[1]);
  relate(opposites, pair[1], pair[0]);
}

const synonyms = new Map<string, string[]>();
for (const group of table.synonyms) {
  const stems = group.split(' ');
  for (const a of stems) for (const b of stems) relate(synonyms, a, b);
}

const NONE: readonly string[] = [];

/** Opposites of a stem: the hand-listed direction words, plus WordNet's antonyms unless `directionsOnly`. */
export function antonymsOf(stem: string, directionsOnly = false): readonly string[] {
  return (directionsOnly ? directions : opposites).get(stem) ?? NONE;
}

export function synonymsOf(stem: string): readonly string[] {
  return synonyms.get(stem) ?? NONE;
}
