/** The reader view's address and what the background gives it from the source cache. */
import type { ResponseOf } from '../messages';
import type { CachedSource } from '../sources/cache';

export interface ReaderTarget {
  tabId: number;
  claimId: string;
  sourceId: string;
}

/** The reader page's path with the claim and source it shows. */
export function readerUrl(target: ReaderTarget): string {
  const query = new URLSearchParams({ tab: String(target.tabId), claim: target.claimId, source: target.sourceId });
  return `/reader.html?${query}`;
}

/** Reads the reader page's query back; null when any part is missing or malformed. */
export function parseReaderQuery(search: string): ReaderTarget | null {
  const query = new URLSearchParams(search);
  const tab = query.get('tab') ?? '';
  const claimId = query.get('claim');
  const sourceId = query.get('source');
  if (!/^\d{1,10}$/.test(tab) || !claimId || !sourceId) return null;
  return { tabId: Number(tab), claimId, sourceId };
}

/** Only a readable cached source has a view; failures and misses have none. */
export function toSourceView(entry: CachedSource | null): ResponseOf<'read-source'> {
  if (!entry || entry.status !== 'ok') return null;
  return {
    url: entry.url,
    finalUrl: entry.finalUrl,
    title: entry.title,
    fetchedAt: entry.fetchedAt,
    readFrom: entry.readFrom,
    archiveUrl: entry.archiveUrl,
    archivedAt: entry.archivedAt,
    text: entry.text,
    ...(entry.html !== undefined ? { html: entry.html } : {}),
    pages: entry.pages,
    truncated: entry.truncated,
  };
}
