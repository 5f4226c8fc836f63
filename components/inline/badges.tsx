/**
 * The in-page layer: one badge right after each claim's marker(s) and one shared hover card.
 *
 * Judgement calls:
 * - Every badge is its own `<citecheck-badge>` host with an open shadow root: page CSS cannot
 *   restyle it, tests and assistive tools can reach in. The badge is inserted after any link,
 *   `<sup>` or `<sub>` that holds the marker, so it is never a button inside a link and never
 *   shrunk to superscript size.
 * - A badge keeps one width from "Checking" to its verdict, so text the reader is reading does not
 *   move when a source arrives; `render` updates hosts in place and only re-renders what changed.
 * - Listeners are delegated: a handful on the document (capture phase, so page handlers that stop
 *   propagation cannot starve them) instead of several per badge, which keeps 500 badges cheap.
 * - The card opens on hover (after a short delay, so sweeping the pointer across a paragraph does
 *   not flash cards), on focus and on click; a click pins it. It closes on Escape, when focus
 *   leaves it, on a click elsewhere, or shortly after the pointer leaves both badge and card.
 *   Opened from the keyboard, it takes focus so its links are reachable; Escape gives focus back,
 *   and tabbing out of either end of the card lands next to its badge, not at the page's end.
 */
import { render as renderPreact } from 'preact';
import type { Claim, Report, Source, Verdict } from '../../utils/report/schema';
import { VERDICT_WORD } from '../../utils/report/summary';
import { claimLabel } from '../labels';
import { BADGE_CSS, BADGE_THEME_CSS, CARD_CSS, SHARED_CSS, THEME_CSS } from '../styles';
import { Badge } from './Badge';
import { Card } from './Card';
import { placeCard, unionBox, type Box } from './placement';
import { detectPageTheme, type PageTheme } from './theme';

export const BADGE_TAG = 'citecheck-badge';
export const CARD_TAG = 'citecheck-card';

const OPEN_DELAY_MS = 120;
const CLOSE_DELAY_MS = 280;
const FLASH_MS = 1900;

export interface BadgeLayer {
  /** Shows (or updates in place) one badge per claim that has an anchor. */
  render(report: Report, anchors: Map<string, Range>): void;
  /** Scrolls a claim's badge into view and flashes it; false when the claim has no badge. */
  scrollToClaim(claimId: string): boolean;
  /** Removes every badge, the card and every listener. */
  destroy(): void;
}

interface Entry {
  host: HTMLElement;
  root: ShadowRoot;
  claim: Claim;
  label: string;
  /** What the badge was last rendered with, to skip renders that would change nothing. */
  rendered: string;
}

/** Applies a stylesheet to shadow roots: one shared constructed sheet when the browser allows. */
function makeStyler(doc: Document, css: string): (root: ShadowRoot) => void {
  let sheet: CSSStyleSheet | null | undefined;
  let verified = false;
  return (root) => {
    if (sheet === undefined) {
      sheet = null;
      try {
        const Sheet = doc.defaultView?.CSSStyleSheet;
        if (Sheet && 'adoptedStyleSheets' in root) {
          const candidate = new Sheet();
          candidate.replaceSync(css);
          sheet = candidate;
        }
      } catch {
        sheet = null;
      }
    }
    if (sheet) {
      try {
        root.adoptedStyleSheets = [sheet];
        // Checked once: a world that refuses the sheet refuses it every time.
        if (verified || root.adoptedStyleSheets.length === 1) {
          verified = true;
          return;
        }
      } catch {
        // Some content-script worlds refuse a sheet built in another realm; fall back below.
      }
      sheet = null;
    }
    const style = doc.createElement('style');
    style.textContent = css;
    root.prepend(style);
  };
}

/** Where the badge goes: after the range, lifted out of any link, `<sup>` or `<sub>` around its end. */
function insertAfterRange(doc: Document, range: Range, host: Element): void {
  const container = range.endContainer;
  const start = container.nodeType === Node.ELEMENT_NODE ? (container as Element) : container.parentElement;
  let lifted: Element | null = start?.closest('a') ?? null;
  let probe: Element | null = lifted ?? start;
  while (probe && probe !== doc.body && probe.matches('sup, sub, a')) {
    lifted = probe;
    probe = probe.parentElement;
  }
  if (lifted && lifted !== doc.body) {
    lifted.after(host);
    return;
  }
  if (container.nodeType === Node.TEXT_NODE) {
    const text = container as Text;
    if (range.endOffset >= text.length) text.after(host);
    else if (range.endOffset === 0) text.before(host);
    else {
      const at = doc.createRange();
      at.setStart(text, range.endOffset);
      at.insertNode(host);
    }
    return;
  }
  container.insertBefore(host, container.childNodes[range.endOffset] ?? null);
}

function toBox(rect: DOMRect): Box {
  return { top: rect.top, left: rect.left, bottom: rect.bottom, right: rect.right };
}

export function createBadgeLayer(doc: Document): BadgeLayer {
  const view = doc.defaultView as Window;
  const styleBadge = makeStyler(doc, BADGE_THEME_CSS + BADGE_CSS);
  const styleCard = makeStyler(doc, THEME_CSS + SHARED_CSS + CARD_CSS);
  const entries = new Map<string, Entry>();
  let anchors = new Map<string, Range>();
  let sources = new Map<string, Source>();
  let theme: PageTheme = 'light';
  let themeChecked = false;

  // One badge tree per verdict, drawn once by the Badge component and cloned for every badge:
  // cloning is several times cheaper than rendering hundreds of small trees.
  const templates = new Map<Verdict, HTMLButtonElement>();
  const templateFor = (verdict: Verdict): HTMLButtonElement => {
    let template = templates.get(verdict);
    if (!template) {
      const box = doc.createElement('div');
      renderPreact(<Badge claimId="" verdict={verdict} label="" expanded={false} theme="light" />, box);
      template = box.firstElementChild as HTMLButtonElement;
      templates.set(verdict, template);
    }
    return template;
  };

  let cardHost: HTMLElement | null = null;
  let cardRoot: ShadowRoot | null = null;
  let openId: string | null = null;
  let pinned = false;
  let openTimer = 0;
  let closeTimer = 0;
  let frame = 0;
  let returningFocus = false;
  const flashTimers = new Set<number>();

  function badgeButton(entry: Entry): HTMLButtonElement | null {
    return entry.root.querySelector('button');
  }

  function renderBadge(entry: Entry, force = false): void {
    const { claim } = entry;
    const expanded = openId === claim.id;
    const key = `${claim.verdict}|${entry.label}|${expanded}|${theme}`;
    if (!force && key === entry.rendered) return;
    const previousVerdict = entry.rendered.split('|')[0];
    entry.rendered = key;
    entry.host.setAttribute('data-verdict', claim.verdict);
    let button = badgeButton(entry);
    if (!button) {
      button = templateFor(claim.verdict).cloneNode(true) as HTMLButtonElement;
      entry.root.appendChild(button);
    } else if (previousVerdict !== claim.verdict) {
      // In place, so a focused or flashing badge keeps its focus and its flash.
      const template = templateFor(claim.verdict);
      button.querySelector('svg')?.replaceWith(template.querySelector('svg')!.cloneNode(true));
      const word = button.querySelector('.cc-word');
      if (word) word.textContent = VERDICT_WORD[claim.verdict];
    }
    button.setAttribute('data-verdict', claim.verdict);
    button.setAttribute('data-claim-id', claim.id);
    button.setAttribute('data-theme', theme);
    button.setAttribute('aria-label', entry.label);
    button.setAttribute('aria-expanded', expanded ? 'true' : 'false');
  }

  function createEntry(claim: Claim): Entry {
    const host = doc.createElement(BADGE_TAG);
    host.setAttribute('data-claim-id', claim.id);
    host.setAttribute('data-verdict', claim.verdict);
    const root = host.attachShadow({ mode: 'open' });
    styleBadge(root);
    return { host, root, claim, label: claimLabel(claim, sources), rendered: '' };
  }

  function removeEntry(id: string): void {
    const entry = entries.get(id);
    if (!entry) return;
    entry.host.remove();
    entries.delete(id);
    if (openId === id) closeCard(false);
  }

  // ---- the card ----

  function ensureCard(): ShadowRoot {
    if (cardRoot && cardHost?.isConnected) return cardRoot;
    cardHost = doc.createElement(CARD_TAG);
    cardRoot = cardHost.attachShadow({ mode: 'open' });
    styleCard(cardRoot);
    // On the root element rather than the body: single-page apps replace the body.
    doc.documentElement.appendChild(cardHost);
    return cardRoot;
  }

  function cardElement(): HTMLElement | null {
    return cardRoot?.querySelector<HTMLElement>('[data-citecheck-card]') ?? null;
  }

  function renderCard(): void {
    const entry = openId ? entries.get(openId) : undefined;
    if (!entry) return;
    const root = ensureCard();
    renderPreact(
      <Card claim={entry.claim} sources={sources} theme={theme} label={entry.label} onClose={() => closeCard(true)} />,
      root,
    );
    positionCard();
  }

  function positionCard(): void {
    const entry = openId ? entries.get(openId) : undefined;
    const card = cardElement();
    if (!entry || !card) return;
    const boxes = [toBox(entry.host.getBoundingClientRect())];
    const range = anchors.get(entry.claim.id);
    if (range) {
      try {
        const rect = range.getBoundingClientRect();
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
  }

  function openCard(id: string, options: { pin: boolean; focus: boolean }): void {
    view.clearTimeout(openTimer);
    view.clearTimeout(closeTimer);
    const previous = openId;
    openId = id;
    pinned = options.pin || (pinned && previous === id);
    if (previous && previous !== id) {
      const old = entries.get(previous);
      if (old) renderBadge(old);
    }
    const entry = entries.get(id);
    if (!entry) return;
    renderBadge(entry);
    renderCard();
    if (options.focus) cardElement()?.focus({ preventScroll: true });
  }

  function closeCard(returnFocus: boolean): void {
    view.clearTimeout(openTimer);
    view.clearTimeout(closeTimer);
    const id = openId;
    if (!id) return;
    openId = null;
    pinned = false;
    if (cardRoot) renderPreact(null, cardRoot);
    const entry = entries.get(id);
    if (entry) {
      renderBadge(entry);
      if (returnFocus) {
        // Focus coming back to the badge must not open the card it just closed.
        returningFocus = true;
        try {
          badgeButton(entry)?.focus({ preventScroll: true });
        } finally {
          returningFocus = false;
        }
      }
    }
  }

  function scheduleOpen(id: string): void {
    view.clearTimeout(closeTimer);
    if (openId === id) return;
    view.clearTimeout(openTimer);
    openTimer = view.setTimeout(() => openCard(id, { pin: false, focus: false }), openId ? 0 : OPEN_DELAY_MS);
  }

  function scheduleClose(delay = CLOSE_DELAY_MS): void {
    view.clearTimeout(openTimer);
    view.clearTimeout(closeTimer);
    if (!openId) return;
    closeTimer = view.setTimeout(() => closeCard(false), delay);
  }

  // ---- delegated events ----

  /**
   * The layer's host element an event node belongs to. Browsers retarget events leaving a shadow
   * root to its host, but some DOM implementations do not: walking up from the node itself works
   * in both.
   */
  function layerHost(node: EventTarget | null): Element | null {
    let current = node as Node | null;
    while (current) {
      if (current.nodeType === Node.ELEMENT_NODE) {
        const name = (current as Element).localName;
        if (name === BADGE_TAG || name === CARD_TAG) return current as Element;
      }
      const root = current.getRootNode?.();
      current = root instanceof ShadowRoot ? root.host : null;
    }
    return null;
  }

  function eventHost(e: Event): Element | null {
    return layerHost(e.composedPath?.()[0] ?? e.target);
  }

  function badgeIdOf(el: Element | null): string | null {
    if (!el || el.localName !== BADGE_TAG) return null;
    const id = el.getAttribute('data-claim-id');
    return id && entries.get(id)?.host === el ? id : null;
  }

  const isCard = (el: Element | null) => el !== null && el === cardHost;

  const onMouseOver = (e: Event) => {
    const el = eventHost(e);
    const id = badgeIdOf(el);
    if (id) scheduleOpen(id);
    else if (isCard(el)) view.clearTimeout(closeTimer);
  };

  const onMouseOut = (e: Event) => {
    const from = eventHost(e);
    const to = layerHost((e as MouseEvent).relatedTarget);
    if (from === to || !(badgeIdOf(from) || isCard(from))) return;
    view.clearTimeout(openTimer);
    if (!pinned) scheduleClose();
  };

  const onFocusIn = (e: Event) => {
    if (returningFocus) return;
    const el = eventHost(e);
    const id = badgeIdOf(el);
    if (id && openId !== id) openCard(id, { pin: false, focus: false });
    else if (id || isCard(el)) view.clearTimeout(closeTimer);
  };

  const onFocusOut = (e: Event) => {
    const from = eventHost(e);
    if (!(badgeIdOf(from) || isCard(from))) return;
    const related = (e as FocusEvent).relatedTarget;
    const to = layerHost(related);
    if (isCard(to) || (openId !== null && badgeIdOf(to) === openId)) return;
    // Focus went elsewhere on the page (or nowhere): a pinned card waits for a click or Escape.
    if (related !== null || !pinned) scheduleClose(120);
  };

  const onClick = (e: Event) => {
    const el = eventHost(e);
    const id = badgeIdOf(el);
    if (id) {
      e.preventDefault();
      e.stopPropagation();
      if (openId === id && pinned) closeCard(false);
      else openCard(id, { pin: true, focus: (e as MouseEvent).detail === 0 });
      return;
    }
    if (openId && !isCard(el)) closeCard(false);
  };

  /**
   * Tab past the card's last control, or Shift+Tab from its start, leaves the card for its badge,
   * so the reader's place in the page holds: the card's host sits at the end of the document, and
   * the browser's own order would send focus to the page's end or its first badge instead.
   */
  const onCardTab = (e: KeyboardEvent) => {
    const card = cardElement();
    if (!card || !cardRoot) return;
    const active = cardRoot.activeElement;
    const stops = [...card.querySelectorAll<HTMLElement>('a[href], button:not([disabled]), [tabindex]:not([tabindex="-1"])')];
    const leaving = e.shiftKey ? active === card || active === stops[0] : stops.length === 0 || active === stops[stops.length - 1];
    if (!leaving) return;
    // Back on the badge; forward, the browser's Tab then moves on from there.
    closeCard(true);
    if (e.shiftKey) e.preventDefault();
  };

  const onKeyDown = (e: Event) => {
    const key = (e as KeyboardEvent).key;
    if (!openId) return;
    const el = eventHost(e);
    if (key === 'Tab' && isCard(el)) return onCardTab(e as KeyboardEvent);
    if (key !== 'Escape') return;
    const fromLayer = badgeIdOf(el) !== null || isCard(el);
    closeCard(fromLayer);
    if (fromLayer) e.stopPropagation();
  };

  const onViewportChange = () => {
    if (!openId || frame) return;
    frame = view.requestAnimationFrame(() => {
      frame = 0;
      positionCard();
    });
  };

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

  return {
    render(report, nextAnchors) {
      if (!themeChecked) {
        theme = detectPageTheme(doc);
        themeChecked = true;
      }
      anchors = nextAnchors;
      sources = new Map(report.sources.map((s) => [s.id, s]));
      const seen = new Set<string>();
      const toInsert: [Entry, Range][] = [];
      for (const claim of report.claims) {
        const range = nextAnchors.get(claim.id);
        if (!range) continue;
        seen.add(claim.id);
        let entry = entries.get(claim.id);
        if (!entry) {
          entry = createEntry(claim);
          entries.set(claim.id, entry);
          toInsert.push([entry, range]);
        } else {
          entry.claim = claim;
          entry.label = claimLabel(claim, sources);
          if (!entry.host.isConnected) toInsert.push([entry, range]);
        }
        renderBadge(entry);
      }
      // Last first: an insertion then never moves a boundary point of a range still to be used,
      // even where two markers end in the same text node.
      for (let i = toInsert.length - 1; i >= 0; i--) insertAfterRange(doc, toInsert[i][1], toInsert[i][0].host);
      for (const id of [...entries.keys()]) if (!seen.has(id)) removeEntry(id);
      if (openId && entries.has(openId)) renderCard();
    },

    scrollToClaim(claimId) {
      const entry = entries.get(claimId);
      if (!entry || !entry.host.isConnected) return false;
      const reduce = view.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
      entry.host.scrollIntoView({ block: 'center', inline: 'nearest', behavior: reduce ? 'auto' : 'smooth' });
      const button = badgeButton(entry);
      if (button) {
        button.removeAttribute('data-flash');
        void button.offsetWidth; // restart the animation when flashed twice in a row
        button.setAttribute('data-flash', '');
        const timer = view.setTimeout(() => {
          button.removeAttribute('data-flash');
          flashTimers.delete(timer);
        }, FLASH_MS);
        flashTimers.add(timer);
      }
      return true;
    },

    destroy() {
      for (const [target, type, fn] of listeners) target.removeEventListener(type, fn, { capture: true });
      view.clearTimeout(openTimer);
      view.clearTimeout(closeTimer);
      if (frame) view.cancelAnimationFrame(frame);
      for (const timer of flashTimers) view.clearTimeout(timer);
      flashTimers.clear();
      for (const id of [...entries.keys()]) removeEntry(id);
      if (cardRoot) renderPreact(null, cardRoot);
      cardHost?.remove();
      cardHost = null;
      cardRoot = null;
      openId = null;
    },
  };
}
