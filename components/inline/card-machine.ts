/**
 * When the hover card opens, stays and closes: a pure state machine over the reader's pointer,
 * focus, clicks and keys, with the one timer it needs injected. No DOM: the layer's event adapter
 * turns DOM events into `CardEvent`s and its view shows and hides what the machine says.
 *
 * Judgement calls:
 * - Hover opens after a short delay, so sweeping the pointer across a paragraph does not flash
 *   cards; with a card already open, hovering another badge switches at once.
 * - Focus opens at once; a click pins. A pinned card ignores the pointer leaving it and waits for
 *   a click, Escape, or focus moving elsewhere on the page.
 * - At most one timer runs at a time (opening, or closing), so the state alone says which.
 */

export const OPEN_DELAY_MS = 120;
export const CLOSE_DELAY_MS = 280;
/** Focus leaving badge and card closes a little sooner than the pointer leaving them. */
export const FOCUS_CLOSE_DELAY_MS = 120;

/** A card on screen: unpinned (`open`) or `pinned`; `closing` while its close timer runs. */
export interface ShownCard {
  phase: 'open' | 'pinned';
  id: string;
  closing: boolean;
}

export type CardState =
  | { phase: 'closed' }
  /** The open timer runs for `id`; `shown` is the card still on screen meanwhile, if any. */
  | { phase: 'opening'; id: string; shown: ShownCard | null }
  | ShownCard;

export type CardEvent =
  | { type: 'pointer-enter-badge'; id: string }
  | { type: 'pointer-enter-card' }
  /** The pointer left a badge or the card for something that is neither. */
  | { type: 'pointer-leave' }
  | { type: 'focus-badge'; id: string }
  | { type: 'focus-card' }
  /** Focus left a badge or the card; `to` says where it went. */
  | { type: 'focus-leave'; to: 'card' | 'badge' | 'page' | 'nowhere'; badgeId?: string }
  /** `keyboard`: the click came from Enter or Space, so the card takes focus. */
  | { type: 'click-badge'; id: string; keyboard: boolean }
  | { type: 'click-card' }
  | { type: 'click-page' }
  /** Escape; `fromLayer` when it was pressed on a badge or in the card (focus goes back). */
  | { type: 'escape'; fromLayer: boolean }
  /** Tab out of either end of the card: back to its badge. */
  | { type: 'tab-out' }
  /** The card's close button. */
  | { type: 'close-button' }
  | { type: 'removed'; id: string }
  | { type: 'timeout' };

export type CardEffect =
  /** Show `id`'s card (replacing `previous`'s); `focus`: move focus into it. */
  | { type: 'show'; id: string; previous: string | null; focus: boolean }
  /** Hide `id`'s card; `returnFocus`: focus its badge, without that reopening the card. */
  | { type: 'hide'; id: string; returnFocus: boolean }
  /** Replace any running timer with one that sends `timeout` after `ms`. */
  | { type: 'wait'; ms: number }
  | { type: 'cancel-wait' };

export interface Step {
  state: CardState;
  effects: CardEffect[];
}

export const CLOSED: CardState = { phase: 'closed' };

/** The card on screen, if any. */
export function shownCard(state: CardState): ShownCard | null {
  if (state.phase === 'closed') return null;
  if (state.phase === 'opening') return state.shown;
  return state;
}

/** The claim whose card is on screen, if any. */
export function shownId(state: CardState): string | null {
  return shownCard(state)?.id ?? null;
}

function show(state: CardState, id: string, pin: boolean, focus: boolean): Step {
  const previous = shownCard(state);
  const pinned = pin || (previous?.id === id && previous.phase === 'pinned');
  return {
    state: { phase: pinned ? 'pinned' : 'open', id, closing: false },
    effects: [{ type: 'cancel-wait' }, { type: 'show', id, previous: previous?.id ?? null, focus }],
  };
}

function hide(state: CardState, returnFocus: boolean): Step {
  const shown = shownCard(state);
  const effects: CardEffect[] = [{ type: 'cancel-wait' }];
  if (shown) effects.push({ type: 'hide', id: shown.id, returnFocus });
  return { state: CLOSED, effects };
}

/** The shown card (if any) with its close timer stopped; the open timer stops too. */
function settle(state: CardState): Step {
  const shown = shownCard(state);
  return { state: shown ? { ...shown, closing: false } : CLOSED, effects: [{ type: 'cancel-wait' }] };
}

function scheduleClose(state: CardState, ms: number): Step {
  const shown = shownCard(state);
  if (!shown) return { state: CLOSED, effects: [{ type: 'cancel-wait' }] };
  return { state: { ...shown, closing: true }, effects: [{ type: 'wait', ms }] };
}

const unchanged = (state: CardState): Step => ({ state, effects: [] });

export function step(state: CardState, event: CardEvent): Step {
  const shown = shownCard(state);
  switch (event.type) {
    case 'pointer-enter-badge': {
      if (shown?.id === event.id) return settle(state);
      if (state.phase === 'opening' && state.id === event.id) return unchanged(state);
      const settled = shown ? { ...shown, closing: false } : null;
      return {
        state: { phase: 'opening', id: event.id, shown: settled },
        effects: [{ type: 'wait', ms: settled ? 0 : OPEN_DELAY_MS }],
      };
    }
    case 'pointer-enter-card':
    case 'focus-card':
      if (shown?.closing) return { state: { ...shown, closing: false }, effects: [{ type: 'cancel-wait' }] };
      return unchanged(state);
    case 'pointer-leave':
      if (shown?.phase === 'pinned') return settle(state);
      return scheduleClose(state, CLOSE_DELAY_MS);
    case 'focus-badge':
      if (shown?.id !== event.id) return show(state, event.id, false, false);
      return shown.closing ? { state: { ...shown, closing: false }, effects: [{ type: 'cancel-wait' }] } : unchanged(state);
    case 'focus-leave':
      if (event.to === 'card' || (event.to === 'badge' && shown && event.badgeId === shown.id)) return unchanged(state);
      // Focus gone nowhere (the window lost it): a pinned card waits for a click or Escape.
      if (event.to === 'nowhere' && shown?.phase === 'pinned') return unchanged(state);
      return scheduleClose(state, FOCUS_CLOSE_DELAY_MS);
    case 'click-badge':
      if (shown?.id === event.id && shown.phase === 'pinned') return hide(state, false);
      return show(state, event.id, true, event.keyboard);
    case 'click-card':
      return unchanged(state);
    case 'click-page':
      return shown ? hide(state, false) : unchanged(state);
    case 'escape':
      return shown ? hide(state, event.fromLayer) : unchanged(state);
    case 'tab-out':
    case 'close-button':
      return hide(state, true);
    case 'removed':
      return shown?.id === event.id ? hide(state, false) : unchanged(state);
    case 'timeout':
      if (state.phase === 'opening') return show(state, state.id, false, false);
      if (shown?.closing) return hide(state, false);
      return unchanged(state);
  }
}

/** setTimeout and clearTimeout, injected so tests run the machine on a fake clock. */
export interface Timers {
  set(fn: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

export interface CardView {
  show(id: string, previous: string | null, focus: boolean): void;
  hide(id: string, returnFocus: boolean): void;
}

export interface CardMachine {
  send(event: CardEvent): void;
  readonly state: CardState;
  /** Stops the timer; the state is left as is. */
  stop(): void;
}

/** Runs `step` with real effects: one timer slot and the view's show and hide. */
export function createCardMachine(timers: Timers, view: CardView): CardMachine {
  let state: CardState = CLOSED;
  let timer: unknown = null;
  const cancel = () => {
    if (timer !== null) timers.clear(timer);
    timer = null;
  };
  const machine: CardMachine = {
    get state() {
      return state;
    },
    send(event) {
      const next = step(state, event);
      state = next.state;
      for (const effect of next.effects) {
        if (effect.type === 'cancel-wait') cancel();
        else if (effect.type === 'wait') {
          cancel();
          timer = timers.set(() => {
            timer = null;
            machine.send({ type: 'timeout' });
          }, effect.ms);
        } else if (effect.type === 'show') view.show(effect.id, effect.previous, effect.focus);
        else view.hide(effect.id, effect.returnFocus);
      }
    },
    stop: cancel,
  };
  return machine;
}
