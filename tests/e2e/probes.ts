/**
 * Functions run inside a test page by Playwright (Chromium) and Puppeteer (Firefox) alike:
 * each is passed to `page.evaluate` as it is, so it may use nothing from this module's scope.
 */

export interface FocusedElement {
  /** The element focused in the page itself: a badge or card host, or a page element. */
  host: string | null;
  claimId: string | null;
  /** What has focus inside that host's shadow root ("button", "div[card]"). */
  inner: string | null;
}

/** The element with focus, looking through the badge and card shadow roots. */
export function focusedElement(): FocusedElement {
  const host = document.activeElement;
  const inner = host?.shadowRoot?.activeElement ?? null;
  return {
    host: host?.localName ?? null,
    claimId: host?.getAttribute('data-claim-id') ?? inner?.getAttribute('data-claim-id') ?? null,
    inner: inner ? `${inner.localName}${inner.hasAttribute('data-citecheck-card') ? '[card]' : ''}` : null,
  };
}
