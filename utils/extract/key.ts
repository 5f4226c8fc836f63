import type { PageCitations } from './types';

/**
 * A stable identity of what a page cites: equal keys mean a re-scan found the same claims tied to
 * the same sources, so nothing needs verifying again. Built from every field that a verdict
 * depends on (claim text, markers, sources, attribution); FNV-1a over the joined fields.
 */
export function citationsKey(pc: PageCitations): string {
  const parts: string[] = [pc.url];
  for (const s of pc.sources) parts.push(`${s.id}|${s.label}|${s.url}|${s.archiveUrl ?? ''}`);
  for (const c of pc.claims) {
    parts.push(`${c.id}|${c.text}|${c.markers.join(',')}|${c.sourceIds.join(',')}|${c.unlinkedLabels.join(',')}|${c.attribution ?? ''}`);
  }
  const joined = parts.join('\u0001');
  let hash = 0x811c9dc5;
  for (let i = 0; i < joined.length; i++) {
    hash ^= joined.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return `${pc.claims.length}.${pc.sources.length}.${hash.toString(36)}`;
}
