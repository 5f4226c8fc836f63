/**
 * The layer's DOM events, turned into card-machine events. Listeners are delegated: a handful on
 * the document, in the capture phase (page handlers that stop propagation cannot starve them),
 * instead of several per badge, which keeps 500 badges cheap.
 */
import type { CardEvent } from './card-machine';

export interface LayerEventPort {
  /** The local names of the layer's hosts (badge, card). */
  badgeTag: string;
  cardTag: string;
  /** The claim id of a badge host this layer made, else null. */
  badgeId(host: Element | null): string | null;
  isCard(host: Element | null): boolean;
  /** The claim whose card is on screen. */
  shownId(): string | null;
  /** True while the layer itself moves focus back to a badge: that focus opens nothing. */
  ignoringFocus(): boolean;
  /** Does Tab (Shift+Tab when `backwards`) leave the card from where focus is now? */
  tabLeavesCard(backwards: boolean): boolean;
  /** A badge was clicked (before the card machine hears of it). */
  badgeClicked?(id: string): void;
  send(event: CardEvent): void;
  viewportChanged(): void;
}

/**
 * The layer's host element a node belongs to. Browsers retarget events leaving a shadow root to
 * its host, but some DOM implementations do not: walking up from the node itself works in both.
 */
export function layerHost(node: EventTarget | null, tags: ReadonlySet<string>): Element | null {
  let current = node as Node | null;
  while (current) {
    if (current.nodeType === Node.ELEMENT_NODE && tags.has((current as Element).localName)) return current as Element;
    const root = current.getRootNode?.();
    current = root instanceof ShadowRoot ? root.host : null;
  }
  return null;
}

/** Starts listening; returns the function that stops. */
export function listenLayer(doc: Document, port: LayerEventPort): () => void {
  const view = doc.defaultView as Window;
  const tags = new Set([port.badgeTag, port.cardTag]);
  const hostOf = (node: EventTarget | null) => layerHost(node, tags);
  const eventHost = (e: Event) => hostOf(e.composedPath?.()[0] ?? e.target);
  const inLayer = (el: Element | null) => port.badgeId(el) !== null || port.isCard(el);

  const onMouseOver = (e: Event) => {
    const el = eventHost(e);
    const id = port.badgeId(el);
    if (id) port.send({ type: 'pointer-enter-badge', id });
    else if (port.isCard(el)) port.send({ type: 'pointer-enter-card' });
  };

  const onMouseOut = (e: Event) => {
    const from = eventHost(e);
    const to = hostOf((e as MouseEvent).relatedTarget);
    if (from === to || !inLayer(from)) return;
    port.send({ type: 'pointer-leave' });
  };

  const onFocusIn = (e: Event) => {
    if (port.ignoringFocus()) return;
    const el = eventHost(e);
    const id = port.badgeId(el);
    if (id) port.send({ type: 'focus-badge', id });
    else if (port.isCard(el)) port.send({ type: 'focus-card' });
  };

  const onFocusOut = (e: Event) => {
    if (!inLayer(eventHost(e))) return;
    const related = (e as FocusEvent).relatedTarget;
    const to = hostOf(related);
    const badgeId = port.badgeId(to);
    if (port.isCard(to)) port.send({ type: 'focus-leave', to: 'card' });
    else if (badgeId) port.send({ type: 'focus-leave', to: 'badge', badgeId });
    else port.send({ type: 'focus-leave', to: related === null ? 'nowhere' : 'page' });
  };

  const onClick = (e: Event) => {
    const el = eventHost(e);
    const id = port.badgeId(el);
    if (id) {
      e.preventDefault();
      e.stopPropagation();
      port.badgeClicked?.(id);
      // detail 0: Enter or Space, not a pointer.
      port.send({ type: 'click-badge', id, keyboard: (e as MouseEvent).detail === 0 });
    } else port.send({ type: port.isCard(el) ? 'click-card' : 'click-page' });
  };

  const onKeyDown = (e: Event) => {
    const key = (e as KeyboardEvent).key;
    if (!port.shownId()) return;
    const el = eventHost(e);
    if (key === 'Tab' && port.isCard(el)) {
      // The card's host sits at the document's end: the browser's own order would send focus to
      // the page's end or its first badge. Back on the badge, forward Tab moves on from there.
      const backwards = (e as KeyboardEvent).shiftKey;
      if (!port.tabLeavesCard(backwards)) return;
      port.send({ type: 'tab-out' });
      if (backwards) e.preventDefault();
      return;
    }
    if (key !== 'Escape') return;
    const fromLayer = inLayer(el);
    port.send({ type: 'escape', fromLayer });
    if (fromLayer) e.stopPropagation();
  };

  const onViewportChange = () => port.viewportChanged();

  const listeners: [EventTarget, string, EventListener][] = [
    [doc, 'mouseover', onMouseOver],
    [doc, 'mouseout', onMouseOut],
    [doc, 'focusin', onFocusIn],
    [doc, 'focusout', onFocusOut],
    [doc, 'click', onClick],
    [doc, 'keydown', onKeyDown],
    [view, 'scroll', onViewportChange],
    [view, 'resize', onViewportChange],
  ];
  for (const [target, type, fn] of listeners) target.addEventListener(type, fn, { capture: true, passive: type === 'scroll' });
  return () => {
    for (const [target, type, fn] of listeners) target.removeEventListener(type, fn, { capture: true });
  };
}
