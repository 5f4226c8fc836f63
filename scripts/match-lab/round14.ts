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
