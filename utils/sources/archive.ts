/**
 * Archived copies of dead links: when a copy was made, the address to fetch it by, and the opt-in
 * Wayback Machine availability lookup.
 *
 * Judgement calls:
 * - Only a failure that says the original is gone or unreachable sends the reader to the copy:
 *   404 and 410, no answer (`network`), `timeout`, and a redirect the guard refused. A 403, a
 *   paywall or a 5xx says nothing about the page being gone; asking the archive there would read
 *   an old copy of a page that still exists.
 * - The date of a copy is the one its address states (Wayback `/web/20210602101500/…`,
 *   archive.today `/2021.06.02-101500/…`); without one the copy is still read, undated.
 * - Wayback copies are fetched in their `id_` form: the archived page as it was served, without
 *   the archive's toolbar, whose words must not count as the source's.
 * - The lookup is off unless the reader turns it on, because it sends the dead link's address to
 *   the Internet Archive. Its answer is validated (zod) and its snapshot passes the same guard as
 *   any cited URL.
 */
import * as z from 'zod/mini';
import { WAYBACK_LOOKUP_TIMEOUT_MS } from './limits';
import type { UnavailableReason } from './types';

export const WAYBACK_AVAILABILITY_ENDPOINT = 'https://archive.org/wayback/available';

/** Is this failure of the original one an archived copy may stand in for? */
export function isDeadLink(reason: UnavailableReason, httpStatus: number | undefined, finalUrl: string | undefined, url: string): boolean {
  if (reason === 'http_error') return httpStatus === 404 || httpStatus === 410;
  if (reason === 'network' || reason === 'timeout') return true;
  // The guard refused where a redirect led, not the cited address itself.
  const refused = reason === 'blocked_private' || reason === 'blocked_scheme' || reason === 'invalid_url';
  return refused && finalUrl !== undefined && finalUrl !== url;
}

const WAYBACK_PATH = /^\/web\/(\d{4})(\d{2})(\d{2})(\d{2})?(\d{2})?(\d{2})?([a-z]{2}_)?\/(.+)$/;
const ARCHIVE_TODAY_PATH = /^\/(\d{4})\.(\d{2})\.(\d{2})-(\d{2})(\d{2})(\d{2})\//;

/** When the copy was made, from its address (ISO, UTC), or undefined. */
export function archivedAtOf(archiveUrl: string): string | undefined {
  let path: string;
  try {
    path = new URL(archiveUrl).pathname;
  } catch {
    return undefined;
  }
  const m = WAYBACK_PATH.exec(path) ?? ARCHIVE_TODAY_PATH.exec(path);
  if (!m) return undefined;
  const [year, month, day, hour = '00', minute = '00', second = '00'] = m.slice(1, 7);
  const iso = `${year}-${month}-${day}T${hour}:${minute}:${second}Z`;
  const time = Date.parse(iso);
  // Reject impossible dates ("20211340") that Date.parse would roll over or refuse.
  return Number.isNaN(time) || new Date(time).toISOString().slice(0, 10) !== iso.slice(0, 10) ? undefined : new Date(time).toISOString();
}

/** The address to fetch a copy by: Wayback copies in their toolbar-free `id_` form. */
export function fetchableArchiveUrl(archiveUrl: string): string {
  let parsed: URL;
  try {
    parsed = new URL(archiveUrl);
  } catch {
    return archiveUrl;
  }
  const m = WAYBACK_PATH.exec(parsed.pathname);
  if (!m || m[7]) return archiveUrl;
  const stamp = m.slice(1, 7).filter(Boolean).join('');
  parsed.pathname = `/web/${stamp}id_/${m[8]}`;
  return parsed.href;
}

const AvailabilitySchema = z.object({
  archived_snapshots: z.object({
    closest: z.optional(
      z.object({
        available: z.boolean(),
        url: z.string(),
        timestamp: z.optional(z.string()),
        status: z.optional(z.string()),
      }),
    ),
  }),
});

export interface WaybackLookupOptions {
  endpoint?: string;
  fetchImpl?: typeof fetch;
  timeoutMs?: number;
  signal?: AbortSignal;
}

/** The Wayback Machine's closest readable copy of `url`, or null (none, or no usable answer). */
export async function lookupWayback(url: string, options: WaybackLookupOptions = {}): Promise<string | null> {
  const fetchImpl = options.fetchImpl ?? globalThis.fetch.bind(globalThis);
  const endpoint = new URL(options.endpoint ?? WAYBACK_AVAILABILITY_ENDPOINT);
  endpoint.searchParams.set('url', url);
  const timeout = AbortSignal.timeout(options.timeoutMs ?? WAYBACK_LOOKUP_TIMEOUT_MS);
  try {
    const response = await fetchImpl(endpoint.href, {
      method: 'GET',
      credentials: 'omit',
      referrerPolicy: 'no-referrer',
      headers: { Accept: 'application/json' },
      signal: options.signal ? AbortSignal.any([options.signal, timeout]) : timeout,
    });
    if (!response.ok) return null;
    const text = await response.text();
    if (text.length > 64 * 1024) return null;
    const parsed = AvailabilitySchema.safeParse(JSON.parse(text));
    const closest = parsed.success ? parsed.data.archived_snapshots.closest : undefined;
    if (!closest?.available || (closest.status !== undefined && closest.status !== '200')) return null;
    return /^https?:\/\//i.test(closest.url) ? closest.url : null;
  } catch {
    return null;
  }
}
