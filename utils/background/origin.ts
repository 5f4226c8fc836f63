/**
 * Whether a page URL a content script reports is on its tab's own origin. The private-network
 * guard trusts the page's origin (loopback pages may cite loopback sources), so a content script
 * must not be able to claim another.
 */
export function sameOrigin(a: string, b: string | undefined): boolean {
  try {
    return b !== undefined && new URL(a).origin === new URL(b).origin;
  } catch {
    return false;
  }
}
