/**
 * Word relations by stem: opposites (for contradictions) and, once the WordNet table is in,
 * synonyms (for light paraphrase).
 */
import { DIRECTION_PAIRS } from './words';

const opposites = new Map<string, string[]>();
function addOpposite(a: string, b: string): void {
  const list = opposites.get(a);
  if (!list) opposites.set(a, [b]);
  else if (!list.includes(b)) list.push(b);
}
for (const [a, b] of DIRECTION_PAIRS) {
  addOpposite(a, b);
  addOpposite(b, a);
}

const NONE: readonly string[] = [];

export function antonymsOf(stem: string): readonly string[] {
  return opposites.get(stem) ?? NONE;
}

export function synonymsOf(_stem: string): readonly string[] {
  return NONE;
}
