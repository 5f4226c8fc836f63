import type { Claim, Source } from '../utils/report/schema';
import { claimKind } from '../utils/report/verdicts';
import { KIND_WORDS } from './verdicts';

/** "Source 2" stays as is; a bare "12" reads as "source 12". */
export function sourceName(label: string): string {
  return /^\d+[a-z]?$/i.test(label.trim()) ? `source ${label.trim()}` : label.trim();
}

function listOf(names: string[]): string {
  if (names.length <= 1) return names[0] ?? 'its source';
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/**
 * The badge's accessible name: "Citecheck: partly supported by Source 2". It contains the badge's
 * visible word, so a reader using speech input can say what they see.
 */
export function claimLabel(claim: Claim, sources: ReadonlyMap<string, Source>): string {
  const names = listOf(claim.sourceIds.map((id) => sourceName(sources.get(id)?.label ?? id)));
  return `Citecheck: ${KIND_WORDS[claimKind(claim, sources)].label(names, claim.markers)}`;
}
