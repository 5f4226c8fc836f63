/**
 * Splits a passage into plain and marked runs for the words the matcher found in it.
 *
 * The matcher may report surface words ("rose") or stems ("increas"): a passage word is marked
 * when it equals a matched term, or when the term is a stem of at least four letters it starts
 * with. Multi-word terms are marked word by word. Numbers keep their decimal point and percent
 * sign, so "65.7%" is one word.
 */

export interface Run {
  text: string;
  marked: boolean;
}

const WORD = /[\p{L}\p{N}]+(?:[.,'’][\p{L}\p{N}]+)*%?/gu;
const MIN_STEM = 4;

function termsOf(matched: readonly string[]): { exact: Set<string>; stems: string[] } {
  const exact = new Set<string>();
  const stems: string[] = [];
  for (const term of matched) {
    for (const part of term.toLowerCase().match(WORD) ?? []) {
      exact.add(part);
      if (part.length >= MIN_STEM) stems.push(part);
    }
  }
  return { exact, stems };
}

export function markRuns(text: string, matched: readonly string[]): Run[] {
  const { exact, stems } = termsOf(matched);
  if (exact.size === 0) return text ? [{ text, marked: false }] : [];
  const runs: Run[] = [];
  let plainFrom = 0;
  for (const m of text.matchAll(WORD)) {
    const word = m[0].toLowerCase();
    const bare = word.replace(/%$/, '');
    const hit = exact.has(word) || exact.has(bare) || stems.some((stem) => word.startsWith(stem));
    if (!hit) continue;
    const at = m.index ?? 0;
    if (at > plainFrom) runs.push({ text: text.slice(plainFrom, at), marked: false });
    // Adjacent marked words join into one mark, spaces included, so a phrase reads as one.
    const last = runs[runs.length - 1];
    if (last && last.marked && at === plainFrom) last.text += m[0];
    else if (last && !last.marked && runs.length >= 2 && runs[runs.length - 2].marked && /^\s+$/.test(last.text)) {
      runs.pop();
      runs[runs.length - 1].text += last.text + m[0];
    } else runs.push({ text: m[0], marked: true });
    plainFrom = at + m[0].length;
  }
  if (plainFrom < text.length) runs.push({ text: text.slice(plainFrom), marked: false });
  return runs;
}
