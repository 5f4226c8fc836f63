/**
 * The one hover card's host, rendering and position. The host hangs on the root element rather
 * than the body (single-page apps replace the body), in an open shadow root page CSS cannot reach.
 * What the card shows comes from a `CardRenderer` (card-render.tsx), which may load on first use:
 * until it is there the card waits, and only the latest request to show (and to focus) is kept.
 */
import type { Claim, Source } from '../../utils/report/schema';
import type { CardProps } from './Card';
import type { CardRenderer, CardSource } from './card-render';
import { placeCard, unionBox, type Box } from './placement';
import type { PageTheme } from './theme';

export const CARD_TAG = 'citecheck-card';

const FOCUS_STOPS = 'a[href], button:not([disabled]), [tabindex]:not([tabindex="-1"])';

export interface CardContent {
  claim: Claim;
  sources: ReadonlyMap<string, Source>;
  label: string;
  theme: PageTheme;
  /** The badge's host and the marker's range: the card is placed against both. */
  badge: Element;
  range: Range | undefined;
  onClose: () => void;
  /** Set when an on-device judge is on: asks it about the claim again. */
  onAskJudge?: (claimId: string) => void;
  /** Opens the reader view of a source at the claim's passage. */
  onShowSource?: (claimId: string, sourceId: string) => void;
}

export interface CardView {
  readonly host: HTMLElement | null;
  render(content: CardContent): void;
  /** Starts loading the card's code if it is not there yet (the pointer or focus reached a badge). */
  prepare(): void;
  /** Places the card again (scroll, resize) against what it was last rendered with. */
  position(): void;
  focus(): void;
  clear(): void;
  tabLeaves(backwards: boolean): boolean;
  destroy(): void;
}

function toBox(rect: DOMRect): Box {
  return { top: rect.top, left: rect.left, bottom: rect.bottom, right: rect.right };
}

export function createCardView(doc: Document, source: CardSource): CardView {
  const view = doc.defaultView as Window;
  let host: HTMLElement | null = null;
  let root: ShadowRoot | null = null;
  let anchor: Pick<CardContent, 'badge' | 'range'> | null = null;
  let renderer: CardRenderer | null = typeof source === 'function' ? null : source;
  let loading = false;
  /** Asked for while the renderer loads: the latest content, and whether it should take focus. */
  let waiting: CardProps | null = null;
  let focusWhenShown = false;

  const ensure = (): ShadowRoot => {
    if (root && host?.isConnected) return root;
    host = doc.createElement(CARD_TAG);
    root = host.attachShadow({ mode: 'open' });
    doc.documentElement.appendChild(host);
    return root;
  };

  const element = () => root?.querySelector<HTMLElement>('[data-citecheck-card]') ?? null;

  const load = () => {
    if (renderer || loading || typeof source !== 'function') return;
    loading = true;
    source().then(
      (loaded) => {
        loading = false;
        renderer = loaded;
        const shown = waiting;
        waiting = null;
        if (!shown || !anchor) return;
        loaded.render(shown, ensure());
        position();
        if (focusWhenShown) element()?.focus({ preventScroll: true });
        focusWhenShown = false;
      },
      () => {
        // The next open tries again.
        loading = false;
      },
    );
  };

  const position = () => {
    const card = element();
    if (!anchor || !card) return;
    const boxes = [toBox(anchor.badge.getBoundingClientRect())];
    if (anchor.range) {
      try {
        const rect = anchor.range.getBoundingClientRect();
        if (rect.width || rect.height) boxes.push(toBox(rect));
      } catch {
        // A range whose nodes left the page: the badge alone is the anchor.
      }
    }
    card.style.maxHeight = 'none';
    card.style.visibility = 'hidden';
    card.style.top = '0px';
    card.style.left = '0px';
    const size = { width: card.offsetWidth, height: card.offsetHeight };
    const place = placeCard(unionBox(boxes), size, {
      width: doc.documentElement.clientWidth || view.innerWidth,
      height: view.innerHeight,
    });
    card.style.top = `${Math.round(place.top)}px`;
    card.style.left = `${Math.round(place.left)}px`;
    card.style.maxHeight = `${Math.floor(place.maxHeight)}px`;
    card.dataset.side = place.side;
    card.style.visibility = '';
  };

  return {
    get host() {
      return host;
    },
    render(content) {
      anchor = { badge: content.badge, range: content.range };
      const props: CardProps = {
        claim: content.claim,
        sources: content.sources,
        theme: content.theme,
        label: content.label,
        onClose: content.onClose,
        onAskJudge: content.onAskJudge,
        onShowSource: content.onShowSource,
      };
      if (renderer) {
        renderer.render(props, ensure());
        position();
        return;
      }
      waiting = props;
      load();
    },
    prepare: () => load(),
    position,
    focus() {
      if (!renderer && waiting) focusWhenShown = true;
      else element()?.focus({ preventScroll: true });
    },
    clear() {
      anchor = null;
      waiting = null;
      focusWhenShown = false;
      if (root && renderer) renderer.render(null, root);
    },
    tabLeaves(backwards) {
      const card = element();
      if (!card || !root) return false;
      const active = root.activeElement;
      const stops = [...card.querySelectorAll<HTMLElement>(FOCUS_STOPS)];
      return backwards ? active === card || active === stops[0] : stops.length === 0 || active === stops[stops.length - 1];
    },
    destroy() {
      this.clear();
      host?.remove();
      host = null;
      root = null;
    },
  };
}
