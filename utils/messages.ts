/**
 * The extension's one message protocol: every call between its contexts (content script,
 * background, popup, options page, offscreen document), with the schema of its request and of its
 * answer, in one map. Senders use `send()`, receivers `serve()`; nothing else touches
 * `runtime.sendMessage` or `runtime.onMessage` directly.
 *
 * On the wire a request is `{ type, ...fields }` and an answer `{ ok: true, value }` or
 * `{ ok: false, error }`. The receiver drops a message from outside the extension, of a type not
 * meant for it, or that fails its schema (no answer at all); the sender validates the answer, so a
 * context that answers in the wrong shape is an error, never a believed value.
 */
import * as z from 'zod/mini';
import { PageCitationsSchema } from './extract/types';
import { ReportSchema } from './report/schema';
import { CheckModeSchema } from './settings-core';
import { PdfReadSchema } from './sources/pdf-schema';

/** Where a call goes: the background worker, a tab's content script, or the offscreen document. */
export type Target = 'background' | 'content' | 'offscreen';

const TabId = z.int().check(z.nonnegative());
const ClaimIds = z.array(z.string().check(z.minLength(1)));
const MaybeReport = z.nullable(ReportSchema);

/** What the offscreen document's reader gives back: text only, never the HTML. */
export const ReadSourceSchema = z.object({
  text: z.string(),
  title: z.optional(z.string()),
  byline: z.optional(z.string()),
  published: z.optional(z.string()),
  paywall: z.optional(z.boolean()),
  jsRequired: z.optional(z.boolean()),
});

/** A cached source as the reader view shows it: its text with where it came from. */
export const CachedSourceViewSchema = z.object({
  url: z.string(),
  finalUrl: z.optional(z.string()),
  title: z.optional(z.string()),
  fetchedAt: z.number(),
  readFrom: z.optional(z.literal('archive')),
  archiveUrl: z.optional(z.string()),
  archivedAt: z.optional(z.string()),
  text: z.string(),
  pages: z.optional(z.array(z.int().check(z.nonnegative()))),
  truncated: z.boolean(),
});

/**
 * Every call. `to` says which context serves it; a call sent to a tab carries the tab id in
 * `send()`'s options, and a call from a tab gets the tab from the browser's sender, never from
 * the message.
 */
export const PROTOCOL = {
  // ── content script → background (the tab is the sender's) ──
  /** Checks these citations as the tab's check mode says (claims in view first); answers with the report so far. */
  verify: {
    to: 'background',
    request: z.object({
      page: PageCitationsSchema,
      force: z.optional(z.boolean()),
      viewport: z.optional(z.object({ inView: ClaimIds, nearView: ClaimIds })),
    }),
    response: ReportSchema,
  },
  /** Claims on or near the reader's screen now; the scheduler fetches theirs first. */
  viewport: {
    to: 'background',
    request: z.object({ inView: ClaimIds, nearView: ClaimIds }),
    response: z.null(),
  },

  // ── content script, popup → background (the popup names the tab) ──
  /** Checks one claim now, whatever the check mode (a click on its badge); answers with the report. */
  'check-claim': {
    to: 'background',
    request: z.object({ tabId: z.optional(TabId), claimId: z.string().check(z.minLength(1)) }),
    response: MaybeReport,
  },
  /** Checks every claim of the page not yet checked ("Check this page", "Check the rest now"). */
  'check-page': {
    to: 'background',
    request: z.object({ tabId: z.optional(TabId) }),
    response: MaybeReport,
  },

  // ── popup → background ──
  /** The tab's report, resuming an interrupted check; null when the tab has none. */
  'get-report': { to: 'background', request: z.object({ tabId: TabId }), response: MaybeReport },
  /** Checks the tab's page again, bypassing the source cache; null when the page must be rescanned. */
  recheck: { to: 'background', request: z.object({ tabId: TabId }), response: MaybeReport },

  /** Asks the on-device judge about one claim again (the card's button); answers with the report. */
  'judge-claim': {
    to: 'background',
    request: z.object({ tabId: z.optional(TabId), claimId: z.string().check(z.minLength(1)) }),
    response: MaybeReport,
  },

  // ── popup, options, first-run page → background ──
  /** Sets when pages are checked; open tabs that become automatic start checking. */
  'set-check-mode': { to: 'background', request: z.object({ mode: CheckModeSchema }), response: z.null() },
  /** Adds a site to (or removes it from) the sites checked automatically in the allowed-sites mode. */
  'allow-site': {
    to: 'background',
    request: z.object({ host: z.string().check(z.minLength(1)), allowed: z.boolean() }),
    response: z.null(),
  },

  /** Runs the hover card's script in the sender's frame (the first time the reader opens a card there). */
  'load-card': { to: 'background', request: z.object({}), response: z.null() },

  // ── card, popup → background ──
  /** Opens the reader view of one claim's source in a new tab ("Show in Citecheck"). */
  'open-reader': {
    to: 'background',
    request: z.object({ tabId: z.optional(TabId), claimId: z.string().check(z.minLength(1)), sourceId: z.string().check(z.minLength(1)) }),
    response: z.null(),
  },

  // ── reader view → background ──
  /** The source's text as cached (no request is made); null when it is not cached or not readable. */
  'read-source': {
    to: 'background',
    request: z.object({ url: z.string().check(z.minLength(1)) }),
    response: z.nullable(CachedSourceViewSchema),
  },

  // ── options → background ──
  /** Empties the source cache. */
  'clear-cache': { to: 'background', request: z.object({}), response: z.null() },

  // ── background → content script ──
  /** The tab's report changed (progress, a verdict, or a finished check). */
  'report-update': { to: 'content', request: z.object({ report: ReportSchema }), response: z.null() },
  /** Scan the page again and verify it (a re-check of a page the background no longer holds). */
  rescan: { to: 'content', request: z.object({ force: z.boolean() }), response: z.null() },

  // ── popup → content script ──
  /** Scrolls to a claim's marker and flashes it. */
  'scroll-to-claim': { to: 'content', request: z.object({ claimId: z.string() }), response: z.null() },

  // ── background → offscreen document (Chrome MV3: the worker has no DOMParser) ──
  /** Reads fetched HTML into plain text. */
  'read-html': { to: 'offscreen', request: z.object({ html: z.string() }), response: ReadSourceSchema },
  /** Reads a fetched PDF (base64: extension messages are JSON) into page-aware text with pdf.js. */
  'read-pdf': { to: 'offscreen', request: z.object({ data: z.string() }), response: PdfReadSchema },
} as const satisfies Record<string, { to: Target; request: z.ZodMiniObject; response: z.ZodMiniType }>;

export type MessageType = keyof typeof PROTOCOL;
export type MessagesTo<T extends Target> = { [K in MessageType]: (typeof PROTOCOL)[K]['to'] extends T ? K : never }[MessageType];
export type RequestOf<K extends MessageType> = z.infer<(typeof PROTOCOL)[K]['request']>;
export type ResponseOf<K extends MessageType> = z.infer<(typeof PROTOCOL)[K]['response']>;
/** A request as it travels: its fields and its type. */
export type WireRequest<K extends MessageType> = { type: K } & RequestOf<K>;

export type Result<T> = { ok: true; value: T } | { ok: false; error: string };

/** The answer was an error, or no answer came, or it did not fit the call's schema. */
export class MessageError extends Error {
  constructor(
    readonly type: MessageType,
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

/** Parses one call's answer; throws MessageError unless it is `{ ok: true, value }` of the call's shape. */
export function parseAnswer<K extends MessageType>(type: K, answer: unknown): ResponseOf<K> {
  const envelope = z
    .union([z.object({ ok: z.literal(true), value: z.unknown() }), z.object({ ok: z.literal(false), error: z.string() })])
    .safeParse(answer);
  if (!envelope.success) throw new MessageError(type, answer === undefined ? `no answer to ${type}` : `unexpected answer to ${type}`);
  if (!envelope.data.ok) throw new MessageError(type, envelope.data.error);
  const value = (PROTOCOL[type].response as z.ZodMiniType).safeParse(envelope.data.value);
  if (!value.success) throw new MessageError(type, `unexpected answer to ${type}`);
  return value.data as ResponseOf<K>;
}

/**
 * Sends one call and resolves with its validated answer; rejects with MessageError (or the
 * browser's own error when nobody listens). Calls to a content script need `tabId`.
 */
export async function send<K extends MessageType>(
  transport: MessageTransport,
  type: K,
  request: RequestOf<K>,
  options: { tabId?: number; /** Called when the raw answer arrives, before it is validated (benchmarks). */ received?: () => void } = {},
): Promise<ResponseOf<K>> {
  const message = { ...request, type };
  const target = PROTOCOL[type].to;
  let answer: unknown;
  if (target === 'content') {
    if (options.tabId === undefined) throw new MessageError(type, `${type} goes to a tab: tabId is missing`);
    answer = await transport.tabs.sendMessage(options.tabId, message);
  } else {
    answer = await transport.runtime.sendMessage(message);
  }
  options.received?.();
  return parseAnswer(type, answer);
}

/** Who sent a call, as the browser says (only what receivers read). */
export interface Sender {
  id?: string;
  frameId?: number;
  tab?: { id?: number; url?: string };
  url?: string;
}

export type Handlers<T extends Target> = {
  [K in MessagesTo<T>]?: (request: RequestOf<K>, sender: Sender) => Promise<ResponseOf<K>> | ResponseOf<K>;
};

/** The browser's listener registry (`browser.runtime.onMessage`). */
export interface MessageEvents {
  addListener(listener: (message: unknown, sender: Sender, sendResponse: (answer: unknown) => void) => true | undefined): void;
  removeListener(listener: (message: unknown, sender: Sender, sendResponse: (answer: unknown) => void) => true | undefined): void;
}

/**
 * Serves the calls meant for `target` that `handlers` cover, from the extension's own contexts
 * only (`extensionId`). Messages of other types are left to other listeners. Returns a function
 * that stops serving.
 */
export function serve<T extends Target>(
  events: MessageEvents,
  extensionId: string,
  target: T,
  handlers: Handlers<T>,
): () => void {
  const listener = (message: unknown, sender: Sender, sendResponse: (answer: unknown) => void): true | undefined => {
    if (sender.id !== extensionId) return undefined;
    const type = (message as { type?: unknown } | null)?.type;
    if (typeof type !== 'string' || !Object.hasOwn(PROTOCOL, type)) return undefined;
    const call = PROTOCOL[type as MessageType];
    const handler = (handlers as Record<string, ((request: unknown, sender: Sender) => unknown) | undefined>)[type];
    if (call.to !== target || !handler) return undefined;
    const parsed = (call.request as z.ZodMiniType).safeParse(message);
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
