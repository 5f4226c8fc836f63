import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { MessageError, parseAnswer, send, serve, type MessageEvents, type Sender } from './messages';
import { PROTOCOL } from './protocol';
import { BACKGROUND } from './protocol/background';
import { CONTENT } from './protocol/content';
import { OFFSCREEN } from './protocol/offscreen';
import type { Report } from './report/schema';

const REPORT: Report = {
  url: 'https://news.example/a',
  title: 'A',
  checkedAt: '2026-01-01T00:00:00.000Z',
  claims: [],
  sources: [],
  state: 'done',
};

/** A listener registry that delivers one message as the browser would and collects the answer. */
function fakeEvents() {
  const listeners: Parameters<MessageEvents['addListener']>[0][] = [];
  const events: MessageEvents = {
    addListener: (l) => void listeners.push(l),
    removeListener: (l) => void listeners.splice(listeners.indexOf(l), 1),
  };
  const deliver = (message: unknown, sender: Sender) =>
    new Promise<unknown>((resolve) => {
      const kept = listeners.map((l) => l(message, sender, resolve));
      if (!kept.includes(true)) resolve('no listener kept the channel');
    });
  return { events, deliver, listeners };
}

beforeEach(() => fakeBrowser.reset());

describe('the protocol map', () => {
  it('names a target, a request and a response schema for every call', () => {
    for (const [type, call] of Object.entries(PROTOCOL)) {
      expect(['background', 'content', 'offscreen'], type).toContain(call.to);
      expect(typeof call.request.safeParse, type).toBe('function');
      expect(typeof call.response.safeParse, type).toBe('function');
    }
  });

  it('keeps each target\'s calls in its own map, each under its wire name', () => {
    for (const [map, target] of [
      [BACKGROUND, 'background'],
      [CONTENT, 'content'],
      [OFFSCREEN, 'offscreen'],
    ] as const) {
      for (const [type, call] of Object.entries(map)) {
        expect(call.type).toBe(type);
        expect(call.to, type).toBe(target);
      }
    }
    expect(Object.keys(PROTOCOL)).toHaveLength(Object.keys(BACKGROUND).length + Object.keys(CONTENT).length + Object.keys(OFFSCREEN).length);
  });

  it('has the calls visible-first checking and the check modes need', () => {
    for (const type of ['viewport', 'check-claim', 'check-page', 'set-check-mode', 'allow-site']) expect(PROTOCOL).toHaveProperty(type);
    expect(PROTOCOL['set-check-mode'].request.safeParse({ mode: 'click' }).success).toBe(true);
    expect(PROTOCOL['set-check-mode'].request.safeParse({ mode: 'never' }).success).toBe(false);
    expect(PROTOCOL.viewport.request.safeParse({ inView: ['c1'], nearView: [] }).success).toBe(true);
    expect(PROTOCOL.viewport.request.safeParse({ inView: [''], nearView: [] }).success).toBe(false);
  });
});

describe('send', () => {
  it('sends the type with the fields and answers the validated value', async () => {
    const runtime = { sendMessage: vi.fn(async () => ({ ok: true, value: REPORT })) };
    const report = await send({ runtime, tabs: { sendMessage: vi.fn() } }, PROTOCOL['get-report'], { tabId: 4 });
    expect(runtime.sendMessage).toHaveBeenCalledWith({ type: 'get-report', tabId: 4 });
    expect(report).toEqual(REPORT);
  });

  it('sends calls for a content script to the named tab, and refuses without one', async () => {
    const tabs = { sendMessage: vi.fn(async () => ({ ok: true, value: null })) };
    const transport = { runtime: { sendMessage: vi.fn() }, tabs };
    await send(transport, PROTOCOL['scroll-to-claim'], { claimId: 'c3' }, { tabId: 9 });
    expect(tabs.sendMessage).toHaveBeenCalledWith(9, { type: 'scroll-to-claim', claimId: 'c3' });
    await expect(send(transport, PROTOCOL['scroll-to-claim'], { claimId: 'c3' })).rejects.toThrow(/tabId/);
    expect(transport.runtime.sendMessage).not.toHaveBeenCalled();
  });

  it('rejects an error answer with its message', async () => {
    const runtime = { sendMessage: async () => ({ ok: false, error: 'page URL does not match its tab' }) };
    await expect(send({ runtime, tabs: { sendMessage: vi.fn() } }, PROTOCOL['check-page'], {})).rejects.toThrow('page URL does not match its tab');
  });

  it.each([
    ['no answer', undefined],
    ['a bare value', REPORT],
    ['a value of the wrong shape', { ok: true, value: { url: 1 } }],
    ['an error without words', { ok: false }],
  ])('rejects %s as a MessageError', (_what, answer) => {
    expect(() => parseAnswer(PROTOCOL['get-report'], answer)).toThrow(MessageError);
  });

  it('accepts null where the call allows it, and only there', () => {
    expect(parseAnswer(PROTOCOL['get-report'], { ok: true, value: null })).toBeNull();
    expect(() => parseAnswer(PROTOCOL['verify'], { ok: true, value: null })).toThrow(MessageError);
  });
});

describe('serve', () => {
  const self: Sender = { id: 'self', tab: { id: 3, url: 'https://news.example/a' } };

  it('answers a call of its target with the handler\'s value, passing the sender', async () => {
    const { events, deliver } = fakeEvents();
    const handler = vi.fn(async () => REPORT);
    serve(events, 'self', BACKGROUND, { 'check-page': handler });
    expect(await deliver({ type: 'check-page' }, self)).toEqual({ ok: true, value: REPORT });
    expect(handler).toHaveBeenCalledWith({}, self);
  });

  it('answers a thrown error as { ok: false, error }', async () => {
    const { events, deliver } = fakeEvents();
    serve(events, 'self', BACKGROUND, {
      'check-claim': () => {
        throw new Error('no such claim');
      },
    });
    expect(await deliver({ type: 'check-claim', claimId: 'c9' }, self)).toEqual({ ok: false, error: 'no such claim' });
  });

  it('drops calls from another extension, of another target, unhandled, unknown or malformed', async () => {
    const { events, deliver } = fakeEvents();
    const handlers = { 'get-report': vi.fn(async () => null), 'clear-cache': vi.fn(async () => null) };
    serve(events, 'self', BACKGROUND, handlers);
    const dropped = 'no listener kept the channel';
    expect(await deliver({ type: 'get-report', tabId: 1 }, { id: 'other' })).toBe(dropped);
    expect(await deliver({ type: 'rescan', force: true }, self)).toBe(dropped);
    expect(await deliver({ type: 'recheck', tabId: 1 }, self)).toBe(dropped);
    expect(await deliver({ type: 'toString' }, self)).toBe(dropped);
    expect(await deliver({ type: 'get-report', tabId: 'one' }, self)).toBe(dropped);
    expect(await deliver(null, self)).toBe(dropped);
    expect(handlers['get-report']).not.toHaveBeenCalled();
  });

  it('stops serving when asked', async () => {
    const { events, listeners } = fakeEvents();
    const stop = serve(events, 'self', CONTENT, { rescan: () => null });
    expect(listeners).toHaveLength(1);
    stop();
    expect(listeners).toHaveLength(0);
  });

  it('serves over the fake browser\'s onMessage', async () => {
    serve(fakeBrowser.runtime.onMessage as unknown as MessageEvents, fakeBrowser.runtime.id, BACKGROUND, {
      'get-report': ({ tabId }) => (tabId === 2 ? REPORT : null),
    });
    const ask = (tabId: number) =>
      new Promise<unknown>((resolve) => {
        void fakeBrowser.runtime.onMessage.trigger({ type: 'get-report', tabId }, { id: fakeBrowser.runtime.id } as never, resolve);
      });
    expect(parseAnswer(PROTOCOL['get-report'], await ask(2))).toEqual(REPORT);
    expect(parseAnswer(PROTOCOL['get-report'], await ask(5))).toBeNull();
  });
});
