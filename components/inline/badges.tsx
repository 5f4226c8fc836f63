/**
 * The in-page layer: one badge right after each claim's marker(s) and one shared hover card.
 * This module only wires the parts together:
 * - `card-machine.ts`: when the card opens, stays and closes (pure, timers injected);
 * - `events.ts`: DOM events in, card-machine events out;
 * - `badge-hosts.tsx`, `card-view.tsx`, `insert.ts`, `styler.ts`: what the DOM shows and where.
 *
 * Opened from the keyboard, the card takes focus so its links are reachable; Escape gives focus
 * back, and tabbing out of either end of the card lands next to its badge, not at the page's end.
 */
import type { Claim, Report, Source } from '../../utils/report/schema';
import { claimKind } from '../../utils/report/verdicts';
import type { BadgeStyle } from '../../utils/settings-core';
import { claimLabel } from '../labels';
import { BADGE_CSS, BADGE_THEME_CSS } from '../styles';
import { BADGE_TAG, createBadgeHosts, type BadgeLook } from './badge-hosts';
import { createCardMachine, shownId, type Timers } from './card-machine';
import type { CardSource } from './card-render';
import { CARD_TAG, createCardView } from './card-view';
import { isCompact } from './density';
import { listenLayer } from './events';
import { insertAll } from './insert';
import { makeStyler } from './styler';
import { detectPageTheme } from './theme';

export { BADGE_TAG, CARD_TAG };

const FLASH_MS = 1900;

export interface BadgeLayer {
  /** Shows (or updates in place) one badge per claim that has an anchor. */
  render(report: Report, anchors: Map<string, Range>): void;
  /** Word badges, compact ones, or compact on pages with many markers (the reader's setting). */
  setBadgeStyle(style: BadgeStyle): void;
  /** Scrolls a claim's badge into view and flashes it; false when the claim has no badge. */
  scrollToClaim(claimId: string): boolean;
  /** Removes every badge, the card and every listener. */
  destroy(): void;
}

export interface BadgeLayerOptions {
  /**
   * What draws the card: `inlineCard` (card-render.tsx), or a loader the content script uses so
   * that the card's code reaches a page only when the reader first opens a card.
   */
  card: CardSource;
  /** The card's timers; the window's by default. */
  timers?: Timers;
  /** Set when an on-device judge is on: the card offers to ask it about a claim again. */
  onAskJudge?: (claimId: string) => void;
  /** `auto` by default. */
  badgeStyle?: BadgeStyle;
  /**
   * Asks for one "Not checked" claim to be checked (a click on its badge). The badge shows
   * "Checking" until a report brings its verdict; if the request fails it says "Not checked" again.
   */
  onCheckClaim?: (claimId: string) => Promise<unknown>;
  /** The card's "Show in Citecheck": opens the reader view of a source at the claim's passage. */
  onShowSource?: (claimId: string, sourceId: string) => void;
}

export function createBadgeLayer(doc: Document, options: BadgeLayerOptions): BadgeLayer {
  const view = doc.defaultView as Window;
  const timers: Timers = options.timers ?? {
    set: (fn, ms) => view.setTimeout(fn, ms),
    clear: (handle) => view.clearTimeout(handle as number),
  };
  const badges = createBadgeHosts(doc, makeStyler(doc, BADGE_THEME_CSS + BADGE_CSS));
  const card = createCardView(doc, options.card);
  let anchors = new Map<string, Range>();
  let sources = new Map<string, Source>();
  let badgeStyle: BadgeStyle = options.badgeStyle ?? 'auto';
  let look: BadgeLook | null = null;
  let returningFocus = false;
  let frame = 0;
  const flashTimers = new Set<number>();
  /** Claims the reader asked to check, as they were: shown as checking while reports still say unchecked. */
  const asked = new Map<string, Claim>();

  const asShown = (claim: Claim): Claim => (asked.has(claim.id) && claim.verdict === 'unchecked' ? { ...claim, verdict: 'pending' } : claim);

  const place = (claim: Claim) => {
    const shown = asShown(claim);
    return badges.upsert(shown, claimKind(shown, sources), claimLabel(shown, sources));
  };

  const checkClaim = (id: string) => {
    const claim = badges.entries.get(id)?.claim;
    if (!options.onCheckClaim || claim?.verdict !== 'unchecked') return;
    asked.set(id, claim);
    place(claim);
    drawBadge(id);
    options.onCheckClaim(id).catch(() => {
      const original = asked.get(id);
      asked.delete(id);
      if (!original || !badges.entries.has(id)) return;
      place(original);
      drawBadge(id);
      if (shownId(machine.state) === id) renderCard(id);
    });
  };

  const currentLook = (): BadgeLook => (look ??= { theme: detectPageTheme(doc), compact: false });

  const restyle = (badgeCount: number) => {
    currentLook().compact = isCompact(badgeStyle, badgeCount);
  };

  const drawBadge = (id: string | null) => {
    const entry = id ? badges.entries.get(id) : undefined;
    if (entry) badges.draw(entry, currentLook(), shownId(machine.state) === entry.claim.id);
  };

  const renderCard = (id: string) => {
    const entry = badges.entries.get(id);
    if (!entry) return;
    card.render({
      claim: entry.claim,
      sources,
      label: entry.label,
      theme: currentLook().theme,
      badge: entry.host,
      range: anchors.get(id),
      onClose: () => machine.send({ type: 'close-button' }),
      onAskJudge: options.onAskJudge,
      onShowSource: options.onShowSource,
    });
  };

  const machine = createCardMachine(timers, {
    show(id, previous, focus) {
      if (previous !== id) drawBadge(previous);
      if (!badges.entries.has(id)) return;
      drawBadge(id);
      renderCard(id);
      if (focus) card.focus();
    },
    hide(id, returnFocus) {
      card.clear();
      drawBadge(id);
      if (!returnFocus) return;
      // Focus coming back to the badge must not open the card it just closed.
      returningFocus = true;
      try {
        badges.button(id)?.focus({ preventScroll: true });
      } finally {
        returningFocus = false;
      }
    },
  });

  const stopListening = listenLayer(doc, {
    badgeTag: BADGE_TAG,
    cardTag: CARD_TAG,
    badgeId: (el) => badges.idOf(el),
    isCard: (el) => el !== null && el === card.host,
    shownId: () => shownId(machine.state),
    ignoringFocus: () => returningFocus,
    tabLeavesCard: (backwards) => card.tabLeaves(backwards),
    badgeClicked: checkClaim,
    send: (event) => {
      // The card's code starts loading as the pointer or focus reaches a badge, before the card opens.
      if (event.type === 'pointer-enter-badge' || event.type === 'focus-badge') card.prepare();
      machine.send(event);
    },
    viewportChanged() {
      if (!shownId(machine.state) || frame) return;
      frame = view.requestAnimationFrame(() => {
        frame = 0;
        card.position();
      });
    },
  });

  return {
    render(report, nextAnchors) {
      anchors = nextAnchors;
      sources = new Map(report.sources.map((s) => [s.id, s]));
      const seen = new Set<string>();
      const toInsert: [Element, Range][] = [];
      restyle(report.claims.reduce((n, claim) => n + (nextAnchors.has(claim.id) ? 1 : 0), 0));
      for (const claim of report.claims) {
        const range = nextAnchors.get(claim.id);
        if (!range) continue;
        seen.add(claim.id);
        if (claim.verdict !== 'unchecked') asked.delete(claim.id);
        const { entry, created } = place(claim);
        if (created || !entry.host.isConnected) toInsert.push([entry.host, range]);
        drawBadge(claim.id);
      }
      insertAll(doc, toInsert);
      for (const id of [...badges.entries.keys()]) {
        if (seen.has(id)) continue;
        badges.remove(id);
        asked.delete(id);
        machine.send({ type: 'removed', id });
      }
      const open = shownId(machine.state);
      if (open && badges.entries.has(open)) renderCard(open);
    },

    setBadgeStyle(style) {
      badgeStyle = style;
      restyle(badges.entries.size);
      for (const id of badges.entries.keys()) drawBadge(id);
    },

    scrollToClaim(claimId) {
      const entry = badges.entries.get(claimId);
      if (!entry || !entry.host.isConnected) return false;
      const reduce = view.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
      entry.host.scrollIntoView({ block: 'center', inline: 'nearest', behavior: reduce ? 'auto' : 'smooth' });
      const button = badges.button(claimId);
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
      stopListening();
      machine.stop();
      if (frame) view.cancelAnimationFrame(frame);
      for (const timer of flashTimers) view.clearTimeout(timer);
      flashTimers.clear();
      for (const id of [...badges.entries.keys()]) badges.remove(id);
      card.destroy();
    },
  };
}
