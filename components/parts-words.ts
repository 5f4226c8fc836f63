/**
 * A partly supported claim, part by part, in words: 'States: “the city planted 12,000 trees in
 * 2022”. Not found: “doubled its maintenance budget”.' The parts come from the matcher
 * (`Claim.parts`) as the claim words them, often without their subject ("and doubled …"), so they
 * are quoted rather than rephrased. A stated part whose number, date or name no source holds
 * (`Claim.absent`) says so: 'States: “the city planted 12,000 trees” (without the number 12,000).'
 *
 * A claim without parts, or whose parts say nothing part by part (none stated), still names what
 * no source holds: 'Not in the source: the number 12,000, the name “Harlow”.'
 */
import type { AbsentTerm, ClaimPart } from '../utils/report/schema';

export interface PartsWords {
  stated: ClaimPart[];
  missing: ClaimPart[];
  /** True when the line goes part by part ('States: … Not found: …'). */
  byPart: boolean;
  /** The whole sentence: 'States: “…”. Not found: “…”.' or 'Not in the source: …'. */
  line: string;
}

const sentence = (text: string) => text.replace(/[\s.;,:]+$/, '');

/** "the number 12,000", "the year 2021", "the date 5 March 2020", "the name “Harlow”". */
export function absentPhrase(term: AbsentTerm): string {
  const text = term.text.replace(/\s+/g, ' ').trim();
  return term.kind === 'name' ? `the name “${text}”` : `the ${term.kind} ${text}`;
}

/**
 * The claim's explanation in words, or null when there is nothing to explain: no part stated
 * beside a part not found, and nothing that no source holds.
 * `several`: the claim cites more than one readable source.
 */
export function partsWords(parts: readonly ClaimPart[] | undefined, absent: readonly AbsentTerm[] = [], several = false): PartsWords | null {
  const indexed = (parts ?? []).map((part, index) => ({ part, index })).filter(({ part }) => part.text.trim());
  const stated = indexed.filter(({ part }) => part.stated);
  const missing = indexed.filter(({ part }) => !part.stated);
  const lacks = (index: number) => absent.filter((t) => t.part === index);
  const partial = (parts?.length ?? 0) >= 2 && stated.length > 0 && (missing.length > 0 || stated.some(({ index }) => lacks(index).length > 0));
  if (partial) {
    const quote = ({ part, index }: { part: ClaimPart; index: number }) => {
      const without = lacks(index).map(absentPhrase);
      return `“${sentence(part.text)}”${without.length ? ` (without ${without.join(' or ')})` : ''}`;
    };
    const states = `States: ${stated.map(quote).join(', ')}.`;
    const notFound = missing.length ? ` Not found: ${missing.map(({ part }) => `“${sentence(part.text)}”`).join(', ')}.` : '';
    return { stated: stated.map((s) => s.part), missing: missing.map((m) => m.part), byPart: true, line: states + notFound };
  }
  if (absent.length === 0) return null;
  const where = several ? 'Not in any cited source' : 'Not in the source';
  return { stated: [], missing: [], byPart: false, line: `${where}: ${absent.map(absentPhrase).join(', ')}.` };
}
