import type { PageCitations } from './extract/types';

/** A cheap identity of what a page cites: the same key means the same work. */
export function citationsKey(page: PageCitations): string {
  const parts = [page.url, ...page.sources.map((s) => `${s.id}=${s.url}`), ...page.claims.map((c) => `${c.sourceIds.join(',')}:${c.text}`)];
  let hash = 0x811c9dc5;
  const joined = parts.join('\u0001');
  for (let i = 0; i < joined.length; i++) {
    hash ^= joined.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return `${page.claims.length}:${page.sources.length}:${hash.toString(36)}`;
}
