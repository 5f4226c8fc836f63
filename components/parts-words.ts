/**
 * A partly supported claim, part by part, in words: 'States: “the city planted 12,000 trees in
 * 2022”. Not found: “doubled its maintenance budget”.' The parts come from the matcher
 * (`Claim.parts`) as the claim words them, often without their subject ("and doubled …"), so they
 * are quoted rather than rephrased. Shown only when some part is stated and some is not.
 */
import type { ClaimPart } from '../utils/report/schema';

export interface PartsWords {
  stated: ClaimPart[];
  missing: ClaimPart[];
  /** The whole sentence: 'States: “…”. Not found: “…”.' */
  line: string;
}

const sentence = (text: string) => text.replace(/[\s.;,:]+$/, '');

export function partsWords(parts: readonly ClaimPart[] | undefined): PartsWords | null {
  if (!parts || parts.length < 2) return null;
  const stated = parts.filter((p) => p.stated && p.text.trim());
  const missing = parts.filter((p) => !p.stated && p.text.trim());
  if (stated.length === 0 || missing.length === 0) return null;
  const quote = (p: ClaimPart) => `“${sentence(p.text)}”`;
  const states = `States: ${stated.map(quote).join(', ')}.`;
  const notFound = `Not found: ${missing.map(quote).join(', ')}.`;
  return { stated, missing, line: `${states} ${notFound}` };
}
