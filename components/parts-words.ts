/**
 * A partly supported claim, part by part, in words: "States: the city planted 12,000 trees in
 * 2022. Not found: that it doubled the maintenance budget." The parts come from the matcher
 * (`Claim.parts`); shown only when some part is stated and some is not.
 */
import type { ClaimPart } from '../utils/report/schema';

export interface PartsWords {
  stated: ClaimPart[];
  missing: ClaimPart[];
  /** The whole sentence: "States: …. Not found: that …." */
  line: string;
}

const sentence = (text: string) => text.replace(/[\s.;,:]+$/, '');

export function partsWords(parts: readonly ClaimPart[] | undefined): PartsWords | null {
  if (!parts || parts.length < 2) return null;
  const stated = parts.filter((p) => p.stated && p.text.trim());
  const missing = parts.filter((p) => !p.stated && p.text.trim());
  if (stated.length === 0 || missing.length === 0) return null;
  const states = `States: ${stated.map((p) => sentence(p.text)).join('; ')}.`;
  const notFound = `Not found: ${missing.map((p) => `that ${sentence(p.text).replace(/^that\s+/i, '')}`).join('; ')}.`;
  return { stated, missing, line: `${states} ${notFound}` };
}
