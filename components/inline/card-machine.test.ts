// @vitest-environment node
// No DOM here: the machine is plain data in, plain data out, on a fake clock.
import { describe, expect, it } from 'vitest';
import {
  CLOSE_DELAY_MS,
  CLOSED,
  createCardMachine,
  FOCUS_CLOSE_DELAY_MS,
  OPEN_DELAY_MS,
  shownId,
  step,
  type CardEvent,
  type CardState,
  type Timers,
} from './card-machine';

/** A clock that moves only when told to. */
function fakeClock() {
  let now = 0;
  let nextHandle = 1;
  const pending = new Map<number, { at: number; fn: () => void }>();
  const timers: Timers = {
    set(fn, ms) {
      const handle = nextHandle++;
      pending.set(handle, { at: now + ms, fn });
      return handle;
    },
    clear(handle) {
      pending.delete(handle as number);
    },
  };
  return {
    timers,
    get pending() {
      return pending.size;
    },
    advance(ms: number) {
      const until = now + ms;
      for (;;) {
        const due = [...pending].filter(([, t]) => t.at <= until).sort((a, b) => a[1].at - b[1].at)[0];
        if (!due) break;
        pending.delete(due[0]);
        now = due[1].at;
        due[1].fn();
      }
      now = until;
    },
  };
}

function setup() {
  const clock = fakeClock();
  const log: string[] = [];
  const machine = createCardMachine(clock.timers, {
    show: (id, previous, focus) => log.push(`show ${id}${previous && previous !== id ? ` over ${previous}` : ''}${focus ? ' +focus' : ''}`),
    hide: (id, returnFocus) => log.push(`hide ${id}${returnFocus ? ' +return' : ''}`),
  });
  return { clock, log, machine, send: (e: CardEvent) => machine.send(e) };
}

function run(events: CardEvent[], from: CardState = CLOSED): CardState {
  return events.reduce((state, e) => step(state, e).state, from);
}

describe('card machine: hover', () => {
  it('opens after the open delay, not before', () => {
    const { clock, log, machine, send } = setup();
    send({ type: 'pointer-enter-badge', id: 'a' });
    expect(machine.state.phase).toBe('opening');
    clock.advance(OPEN_DELAY_MS - 1);
    expect(log).toEqual([]);
    clock.advance(1);
    expect(log).toEqual(['show a']);
    expect(machine.state).toEqual({ phase: 'open', id: 'a', closing: false });
  });

  it('a pointer sweeping past a badge opens nothing', () => {
    const { clock, log, machine, send } = setup();
    send({ type: 'pointer-enter-badge', id: 'a' });
    clock.advance(OPEN_DELAY_MS / 2);
    send({ type: 'pointer-leave' });
    clock.advance(10 * OPEN_DELAY_MS);
    expect(log).toEqual([]);
    expect(machine.state).toEqual(CLOSED);
    expect(clock.pending).toBe(0);
  });

  it('closes a moment after the pointer leaves, and stays while it moves onto the card', () => {
    const { clock, log, machine, send } = setup();
    send({ type: 'pointer-enter-badge', id: 'a' });
    clock.advance(OPEN_DELAY_MS);
    send({ type: 'pointer-leave' });
    expect(machine.state).toEqual({ phase: 'open', id: 'a', closing: true });
    send({ type: 'pointer-enter-card' });
    clock.advance(10 * CLOSE_DELAY_MS);
    expect(log).toEqual(['show a']);
    send({ type: 'pointer-leave' });
    clock.advance(CLOSE_DELAY_MS - 1);
    expect(log).toEqual(['show a']);
    clock.advance(1);
    expect(log).toEqual(['show a', 'hide a']);
    expect(machine.state).toEqual(CLOSED);
  });

  it('with a card open, hovering another badge switches at once', () => {
    const { clock, log, send } = setup();
    send({ type: 'pointer-enter-badge', id: 'a' });
    clock.advance(OPEN_DELAY_MS);
    send({ type: 'pointer-enter-badge', id: 'b' });
    clock.advance(0);
    expect(log).toEqual(['show a', 'show b over a']);
  });

  it('moving back onto the shown badge cancels a switch that has not happened yet', () => {
    const { clock, log, machine, send } = setup();
    send({ type: 'pointer-enter-badge', id: 'a' });
    clock.advance(OPEN_DELAY_MS);
    send({ type: 'pointer-enter-badge', id: 'b' });
    send({ type: 'pointer-enter-badge', id: 'a' });
    clock.advance(OPEN_DELAY_MS);
    expect(log).toEqual(['show a']);
    expect(shownId(machine.state)).toBe('a');
  });

  it('hovering the badge whose card is closing keeps it open', () => {
    const { clock, log, send } = setup();
    send({ type: 'focus-badge', id: 'a' });
    send({ type: 'pointer-leave' });
    send({ type: 'pointer-enter-badge', id: 'a' });
    clock.advance(10 * CLOSE_DELAY_MS);
    expect(log).toEqual(['show a']);
  });
});

describe('card machine: focus, clicks and keys', () => {
  it('focus opens at once; focus leaving for the page closes soon after', () => {
    const { clock, log, send } = setup();
    send({ type: 'focus-badge', id: 'a' });
    expect(log).toEqual(['show a']);
    send({ type: 'focus-leave', to: 'page' });
    clock.advance(FOCUS_CLOSE_DELAY_MS - 1);
    expect(log).toEqual(['show a']);
    clock.advance(1);
    expect(log).toEqual(['show a', 'hide a']);
  });

  it('focus moving between the badge and its card keeps the card', () => {
    const { clock, log, send } = setup();
    send({ type: 'focus-badge', id: 'a' });
    send({ type: 'focus-leave', to: 'card' });
    send({ type: 'focus-card' });
    send({ type: 'focus-leave', to: 'badge', badgeId: 'a' });
    clock.advance(10 * CLOSE_DELAY_MS);
    expect(log).toEqual(['show a']);
  });

  it('focus moving to another badge opens that badge’s card', () => {
    const { clock, log, send } = setup();
    send({ type: 'focus-badge', id: 'a' });
    send({ type: 'focus-leave', to: 'badge', badgeId: 'b' });
    send({ type: 'focus-badge', id: 'b' });
    clock.advance(10 * CLOSE_DELAY_MS);
    expect(log).toEqual(['show a', 'show b over a']);
  });

  it('a click pins: the pointer leaving does not close it; a second click does', () => {
    const { clock, log, machine, send } = setup();
    send({ type: 'click-badge', id: 'a', keyboard: false });
    expect(machine.state).toEqual({ phase: 'pinned', id: 'a', closing: false });
    send({ type: 'pointer-leave' });
    clock.advance(10 * CLOSE_DELAY_MS);
    expect(log).toEqual(['show a']);
    send({ type: 'click-badge', id: 'a', keyboard: false });
    expect(log).toEqual(['show a', 'hide a']);
    expect(machine.state).toEqual(CLOSED);
  });

  it('clicking the badge of a hovered card pins it without drawing it again as new', () => {
    expect(run([{ type: 'focus-badge', id: 'a' }, { type: 'click-badge', id: 'a', keyboard: false }])).toEqual({
      phase: 'pinned',
      id: 'a',
      closing: false,
    });
  });

  it('a pinned card survives focus leaving the window, not focus moving elsewhere on the page', () => {
    const { clock, log, send } = setup();
    send({ type: 'click-badge', id: 'a', keyboard: false });
    send({ type: 'focus-leave', to: 'nowhere' });
    clock.advance(10 * CLOSE_DELAY_MS);
    expect(log).toEqual(['show a']);
    send({ type: 'focus-leave', to: 'page' });
    clock.advance(FOCUS_CLOSE_DELAY_MS);
    expect(log).toEqual(['show a', 'hide a']);
  });

  it('an unpinned card closes when focus leaves the window', () => {
    const { clock, log, send } = setup();
    send({ type: 'focus-badge', id: 'a' });
    send({ type: 'focus-leave', to: 'nowhere' });
    clock.advance(FOCUS_CLOSE_DELAY_MS);
    expect(log).toEqual(['show a', 'hide a']);
  });

  it('a keyboard click moves focus into the card', () => {
    const { log, send } = setup();
    send({ type: 'focus-badge', id: 'a' });
    send({ type: 'click-badge', id: 'a', keyboard: true });
    expect(log).toEqual(['show a', 'show a +focus']);
  });

  it('Escape from the layer closes and gives focus back; from the page it only closes', () => {
    const a = setup();
    a.send({ type: 'click-badge', id: 'a', keyboard: true });
    a.send({ type: 'escape', fromLayer: true });
    expect(a.log).toEqual(['show a +focus', 'hide a +return']);
    const b = setup();
    b.send({ type: 'focus-badge', id: 'a' });
    b.send({ type: 'escape', fromLayer: false });
    expect(b.log).toEqual(['show a', 'hide a']);
  });

  it('Escape with no card shown does nothing, even while one is about to open', () => {
    const { clock, log, send } = setup();
    send({ type: 'pointer-enter-badge', id: 'a' });
    send({ type: 'escape', fromLayer: true });
    clock.advance(OPEN_DELAY_MS);
    expect(log).toEqual(['show a']);
  });

  it('tabbing out of the card and its close button both return focus to the badge', () => {
    const a = setup();
    a.send({ type: 'click-badge', id: 'a', keyboard: true });
    a.send({ type: 'tab-out' });
    expect(a.log).toEqual(['show a +focus', 'hide a +return']);
    const b = setup();
    b.send({ type: 'click-badge', id: 'b', keyboard: false });
    b.send({ type: 'close-button' });
    expect(b.log).toEqual(['show b', 'hide b +return']);
  });

  it('a click in the card keeps it; a click elsewhere closes it', () => {
    const { log, send } = setup();
    send({ type: 'click-badge', id: 'a', keyboard: false });
    send({ type: 'click-card' });
    expect(log).toEqual(['show a']);
    send({ type: 'click-page' });
    expect(log).toEqual(['show a', 'hide a']);
  });

  it('a click on a pinned card’s neighbour moves the pin there', () => {
    expect(
      run([
        { type: 'click-badge', id: 'a', keyboard: false },
        { type: 'click-badge', id: 'b', keyboard: false },
      ]),
    ).toEqual({ phase: 'pinned', id: 'b', closing: false });
  });

  it('hovering a neighbour of a pinned card switches to it unpinned', () => {
    const { clock, machine, send } = setup();
    send({ type: 'click-badge', id: 'a', keyboard: false });
    send({ type: 'pointer-enter-badge', id: 'b' });
    expect(machine.state).toEqual({ phase: 'opening', id: 'b', shown: { phase: 'pinned', id: 'a', closing: false } });
    clock.advance(0);
    expect(machine.state).toEqual({ phase: 'open', id: 'b', closing: false });
  });

  it('the pointer leaving a pinned card’s neighbour before the switch keeps the pinned card', () => {
    const { clock, log, machine, send } = setup();
    send({ type: 'click-badge', id: 'a', keyboard: false });
    send({ type: 'pointer-enter-badge', id: 'b' });
    send({ type: 'pointer-leave' });
    clock.advance(10 * CLOSE_DELAY_MS);
    expect(log).toEqual(['show a']);
    expect(machine.state).toEqual({ phase: 'pinned', id: 'a', closing: false });
  });
});

describe('card machine: the page changing under it', () => {
  it('a shown claim leaving the page closes its card; another claim leaving changes nothing', () => {
    const { log, machine, send } = setup();
    send({ type: 'focus-badge', id: 'a' });
    send({ type: 'removed', id: 'b' });
    expect(shownId(machine.state)).toBe('a');
    send({ type: 'removed', id: 'a' });
    expect(log).toEqual(['show a', 'hide a']);
    expect(machine.state).toEqual(CLOSED);
  });

  it('stop cancels the running timer', () => {
    const { clock, log, machine, send } = setup();
    send({ type: 'pointer-enter-badge', id: 'a' });
    machine.stop();
    expect(clock.pending).toBe(0);
    clock.advance(10 * OPEN_DELAY_MS);
    expect(log).toEqual([]);
  });

  it('a stray timeout in a settled state does nothing', () => {
    const open: CardState = { phase: 'open', id: 'a', closing: false };
    expect(step(open, { type: 'timeout' })).toEqual({ state: open, effects: [] });
    expect(step(CLOSED, { type: 'timeout' })).toEqual({ state: CLOSED, effects: [] });
  });

  it('never runs two timers at once', () => {
    const { clock, send } = setup();
    const events: CardEvent[] = [
      { type: 'pointer-enter-badge', id: 'a' },
      { type: 'pointer-enter-badge', id: 'b' },
      { type: 'focus-badge', id: 'c' },
      { type: 'pointer-leave' },
      { type: 'pointer-enter-badge', id: 'd' },
      { type: 'focus-leave', to: 'page' },
      { type: 'pointer-leave' },
    ];
    for (const e of events) {
      send(e);
      expect(clock.pending).toBeLessThanOrEqual(1);
    }
  });
});
