/**
 * Word relations by stem: synonyms (light paraphrase: "examine" for "study") and opposites
 * ("increase" against "decrease").
 *
 * The table is compiled from WordNet by `scripts/build-wordnet.ts` into `wordnet.json`: only each
 * word's most frequent sense, so a synonym is one a reader would accept in most contexts. The
 * hand-listed change words and other opposites in `words.ts` are added to WordNet's antonyms;
 * words of order and place are left out of both.
 */
import table from './wordnet.json';
import { CHANGE_PAIRS, ORDER_AND_PLACE, OTHER_OPPOSITES } from './words';

function relate(map: Map<string, string[]>, a: string, b: string): void {
  if (a === b) return;
  const list = map.get(a);
  if (!list) map.set(a, [b]);
  else if (!list.includes(b)) list.push(b);
}

function pairUp(pairs: [string, string][]): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const [a, b] of pairs) {
    // Order and place are never a conflict (see `ORDER_AND_PLACE`).
    if (ORDER_AND_PLACE.has(a) || ORDER_AND_PLACE.has(b)) continue;
    relate(map, a, b);
    relate(map, b, a);
  }
  return map;
}

const changes = pairUp(CHANGE_PAIRS);
const others = pairUp([...OTHER_OPPOSITES, ...table.antonyms.map((p) => p.split(' ') as [string, string])]);

const synonyms = new Map<string, string[]>();
for (const group of table.synonyms) {
  const stems = group.split(' ');
  for (const a of stems) for (const b of stems) relate(synonyms, a, b);
}

const NONE: readonly string[] = [];

/** The opposite change words of a stem ("increas" → "decreas", "reduc"). */
export function changeOpposites(stem: string): readonly string[] {
  return changes.get(stem) ?? NONE;
}

/** Other opposites of a stem (hand-listed and WordNet's, less the change words): differences only. */
export function otherOpposites(stem: string): readonly string[] {
  return others.get(stem) ?? NONE;
}

export function synonymsOf(stem: string): readonly string[] {
  return synonyms.get(stem) ?? NONE;
}
