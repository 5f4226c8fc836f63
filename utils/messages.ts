/**
 * The extension's one message protocol, its mechanism: every call between its contexts (content
 * script, background, popup, options page, offscreen document) is a `Call` with the schema of its
 * request and of its answer, defined once in utils/protocol/ (one module per target). Senders use
 * `send()`, receivers `serve()`; nothing else touches `runtime.sendMessage` or `runtime.onMessage`.
 *
 * On the wire a request is `{ type, ...fields }` and an answer `{ ok: true, value }` or
 * `{ ok: false, error }`. The receiver drops a message from outside the extension, of a type it
 * does not serve, or that fails its schema (no answer at all); the sender validates the answer, so
 * a context that answers in the wrong shape is an error, never a believed value.
 */
import * as z from 'zod/mini';
import type { PROTOCOL } from './protocol';

/** Where a call goes: the background worker, a tab's content script, or the offscreen document. */
export type Target = 'background' | 'content' | 'offscreen';

/** One call: its name on the wire, the context that serves it, its request's and its answer's schemas. */
export interface Call<
  T extends string = string,
  To extends Target = Target,
  Req extends z.ZodMiniObject = z.ZodMiniObject,
  Res extends z.ZodMiniType = z.ZodMiniType,
> {
  readonly type: T;
  readonly to: To;
  readonly request: Req;
  readonly response: Res;
}

/** Defines a call (free of side effects, so a bundle that never uses a call drops it and its schemas). */
/* @__NO_SIDE_EFFECTS__ */
export function call<const T extends string, const To extends Target, Req extends z.ZodMiniObject, Res extends z.ZodMiniType>(
  type: T,
  to: To,
  request: Req,
  response: Res,
): Call<T, To, Req, Res> {
  return { type, to, request, response };
}

/** A target's calls by wire name. */
export type CallMap = Readonly<Record<string, Call>>;

export type MessageType = keyof typeof PROTOCOL;
export type RequestOf<K extends MessageType> = z.infer<(typeof PROTOCOL)[K]['request']>;
export type ResponseOf<K extends MessageType> = z.infer<(typeof PROTOCOL)[K]['response']>;
/** A request as it travels: its fields and its type. */
export type WireRequest<K extends MessageType> = { type: K } & RequestOf<K>;

export type Result<T> = { ok: true; value: T } | { ok: false; error: string };

/** The answer was an error, or no answer came, or it did not fit the call's schema. */
export class MessageError extends Error {
  constructor(
    readonly type: string,
    message: string,
  ) {
    super(message);
    this.name = 'MessageError';
  }
}

/** The two browser calls `send()` needs; tests hand in the fake browser. */
export interface MessageTransport {
  runtime: { sendMessage(message: unknown): Promise<unknown> };
  tabs: { sendMessage(tabId: number, message: unknown): Promise<unknown> };
}

// The two shapes of an answer, read one after the other (what a z.union of the two would do, without
// the union's code in every bundle: the content script has no other union).
const Done = z.object({ ok: z.literal(true), value: z.unknown() });
const Failed = z.object({ ok: z.literal(false), error: z.string() });

/** Parses one call's answer; throws MessageError unless it is `{ ok: true, value }` of the call's shape. */
export function parseAnswer<C extends Call>(c: C, answer: unknown): z.infer<C['response']> {
  const type = c.type;
  const done = Done.safeParse(answer);
  if (!done.success) {
    const failed = Failed.safeParse(answer);
    throw new MessageError(type, failed.success ? failed.data.error : answer === undefined ? `no answer to ${type}` : `unexpected answer to ${type}`);
  }
  const value = (c.response as z.ZodMiniType).safeParse(done.data.value);
  if (!value.success) throw new MessageError(type, `unexpected answer to ${type}`);
  return value.data as z.infer<C['response']>;
}

/**
 * Sends one call and resolves with its validated answer; rejects with MessageError (or the
 * browser's own error when nobody listens). Calls to a content script need `tabId`.
 */
export async function send<C extends Call>(
  transport: MessageTransport,
  c: C,
  request: z.infer<C['request']>,
  options: { tabId?: number; /** Called when the raw answer arrives, before it is validated (benchmarks). */ received?: () => void } = {},
): Promise<z.infer<C['response']>> {
  const message = { ...request, type: c.type };
  let answer: unknown;
  if (c.to === 'content') {
    if (options.tabId === undefined) throw new MessageError(c.type, `${c.type} goes to a tab: tabId is missing`);
    answer = await transport.tabs.sendMessage(options.tabId, message);
  } else {
    answer = await transport.runtime.sendMessage(message);
  }
  options.received?.();
  return parseAnswer(c, answer);
}

/** Who sent a call, as the browser says (only what receivers read). */
export interface Sender {
  id?: string;
  frameId?: number;
  tab?: { id?: number; url?: string };
  url?: string;
}

export type Handlers<M extends CallMap> = {
  [K in keyof M]?: (request: z.infer<M[K]['request']>, sender: Sender) => Promise<z.infer<M[K]['response']>> | z.infer<M[K]['response']>;
};

/** The browser's listener registry (`browser.runtime.onMessage`). */
export interface MessageEvents {
  addListener(listener: (message: unknown, sender: Sender, sendResponse: (answer: unknown) => void) => true | undefined): void;
  removeListener(listener: (message: unknown, sender: Sender, sendResponse: (answer: unknown) => void) => true | undefined): void;
}

/**
 * Serves the calls of `calls` (one target's) that `handlers` cover, from the extension's own
 * contexts only (`extensionId`). Messages of other types are left to other listeners. Returns a
 * function that stops serving.
 */
export function serve<M extends CallMap>(events: MessageEvents, extensionId: string, calls: M, handlers: Handlers<M>): () => void {
  const listener = (message: unknown, sender: Sender, sendResponse: (answer: unknown) => void): true | undefined => {
    if (sender.id !== extensionId) return undefined;
    const type = (message as { type?: unknown } | null)?.type;
    if (typeof type !== 'string' || !Object.hasOwn(calls, type)) return undefined;
    const c = calls[type];
    const handler = (handlers as Record<string, ((request: unknown, sender: Sender) => unknown) | undefined>)[type];
    if (!handler) return undefined;
    const parsed = (c.request as z.ZodMiniType).safeParse(message);
    if (!parsed.success) return undefined;
    Promise.resolve()
      .then(() => handler(parsed.data, sender))
      .then(
        (value) => sendResponse({ ok: true, value: value ?? null }),
        (error: unknown) => sendResponse({ ok: false, error: error instanceof Error ? error.message : String(error) }),
      );
    return true;
  };
  events.addListener(listener);
  return () => events.removeListener(listener);
}
