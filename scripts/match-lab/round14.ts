/**
 * Lab, round 14 (pre-registered in docs/matcher-notes.md): the presence factors at a power chosen
 * in the folds, for partial claims called supported whose one absent name is one of many.
 */

/**
 * A presence share (numbers or names found, 1 when the claim has none) at the power `k`; at
 * `k = Infinity` all or nothing: 1 when every one is found, else 0 (not `1 ** Infinity`, which
 * is NaN).
 */
export function presencePower(share: number, k: number): number {
  if (share >= 1) return 1;
  if (k === Infinity) return 0;
  return share ** k;
}

/**
 * Candidate 3: the claim with each comma before a word (not before a digit: "March 5, 2020" and
 * "1,000" stay as written) turned into a semicolon, which the claim reader already takes as a
 * part boundary; the same length, so every offset holds.
 */
export function commaClauses(claim: string): string {
  return claim.replace(/,(?=\s+[^\s\d])/g, ';');
}
