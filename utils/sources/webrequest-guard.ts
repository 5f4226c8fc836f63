/**
 * Firefox's way to refuse a page's source hop to an address its page may not reach, before it is
 * requested (request-guard.ts says why): a blocking `webRequest.onBeforeRequest` listener on the
 * requests made outside tabs, which also asks Firefox's resolver where a name points.
 *
 * Judgement calls:
 * - A request is ours when the extension's own origin made it; every other request (the reader's
 *   tabs, other extensions) is answered at once and never looked at further.
 * - A request is matched to the `send` that started it by its first URL; its later hops (same
 *   `requestId`) keep that send's mode. Firefox cannot tell which of two sends of one URL a
 *   request belongs to, so sends of one URL in different modes take turns: a public page's
 *   request is never judged by a loopback page's mode, nor a loopback page's refused for a public
 *   page's. Sends of one URL in the same mode may overlap: they are judged alike.
 * - Every hop is judged, the first one too (fetch.ts checked its URL, but not where its name
 *   points, and the check holds if a caller forgets).
 * - A name is judged by what `dns.resolve` answers for it (Firefox's own resolver and cache, the
 *   ones the request then connects with): if any of its addresses is one the page may not reach,
 *   the hop is cancelled. This is what catches a public name pointed at 127.0.0.1 or 10.x (DNS
 *   rebinding, `10.0.0.1.nip.io`). A name Firefox cannot resolve is let through: the request
 *   fails on its own, or goes through a proxy that resolves it (which the extension cannot see).
 */
import { classifyHost, type HostClass } from './url';
import { mayReach, PrivateAddressRefused, type GuardMode, type RequestGuard } from './request-guard';

interface RequestDetails {
  requestId: string;
  url: string;
  tabId: number;
  originUrl?: string;
}

type Answer = { cancel?: boolean } | undefined;

/** The part of `browser.webRequest` the guard uses. */
export interface BlockingWebRequest {
  onBeforeRequest: {
    addListener(
      listener: (details: RequestDetails) => Answer | Promise<Answer>,
      filter: { urls: string[]; tabId?: number },
      extraInfoSpec: string[],
    ): void;
  };
}

/** The part of `browser.dns` (permission "dns", Firefox only) the guard uses. */
export interface DnsResolver {
  resolve(hostname: string): Promise<{ addresses: string[] }>;
}

interface Send {
  url: string;
  mode: GuardMode;
  requestIds: string[];
  /** A hop of a request of this send's URL and mode was cancelled. */
  refused?: string;
  /** Settles when the send is answered. */
  done: Promise<void>;
}

/** Requests are seen without their fragment. */
const withoutFragment = (url: string) => url.split('#')[0];

/** An address as `dns.resolve` writes it ("10.0.0.1", "::1", "fe80::1%eth0"), classified. */
export function classifyAddress(address: string): HostClass {
  return classifyHost(address.includes(':') ? `[${address}]` : address);
}

/** Is the host an address literal (nothing to resolve)? */
const isLiteral = (hostname: string) => hostname.startsWith('[') || /^\d{1,3}(?:\.\d{1,3}){3}$/.test(hostname);

export function createWebRequestGuard(webRequest: BlockingWebRequest, extensionOrigin: string, dns?: DnsResolver): RequestGuard {
  const pending = new Map<string, Send[]>();
  /** A request, its mode, and the sends it may belong to (more than one when they share its first URL). */
  type Held = { sends: Send[]; mode: GuardMode };
  const byRequest = new Map<string, Held>();

  /** Cancels the hop if the request's mode may not reach one of the `targets`. */
  const judge = (held: Held, url: string, targets: HostClass[]): Answer => {
    if (targets.every((target) => mayReach(held.mode, target))) return undefined;
    // Any of the sends may have made the request: each fails, and says why.
    for (const send of held.sends) send.refused = url;
    return { cancel: true };
  };

  /** The kinds of every address the name resolves to (the request may connect to any of them). */
  const resolvedKinds = async (hostname: string): Promise<HostClass[]> => {
    try {
      return (await dns!.resolve(hostname)).addresses.map(classifyAddress);
    } catch {
      return ['public'];
    }
  };

  webRequest.onBeforeRequest.addListener(
    (details) => {
      if (!details.originUrl?.startsWith(extensionOrigin)) return undefined;
      let held = byRequest.get(details.requestId);
      if (!held) {
        const sends = pending.get(withoutFragment(details.url))?.filter((s) => s.requestIds.length === 0);
        if (!sends?.length) return undefined;
        held = { sends, mode: sends[0].mode };
        sends[0].requestIds.push(details.requestId);
        byRequest.set(details.requestId, held);
      }
      if (held.mode === 'open') return undefined;
      let hostname: string;
      try {
        hostname = new URL(details.url).hostname;
      } catch {
        return judge(held, details.url, ['private']);
      }
      const named = classifyHost(hostname);
      if (named !== 'public' || isLiteral(hostname) || !dns) return judge(held, details.url, [named]);
      const judged = held;
      return resolvedKinds(hostname).then((targets) => judge(judged, details.url, targets));
    },
    { urls: ['<all_urls>'], tabId: -1 },
    ['blocking'],
  );

  return {
    async send(href, mode, request) {
      const url = withoutFragment(href);
      for (let other; (other = pending.get(url)?.find((s) => s.mode !== mode)); ) await other.done;
      let answered!: () => void;
      const send: Send = { url, mode, requestIds: [], done: new Promise((resolve) => (answered = resolve)) };
      pending.set(url, [...(pending.get(url) ?? []), send]);
      try {
        const response = await request();
        if (send.refused) throw new PrivateAddressRefused(send.refused);
        return response;
      } catch (error) {
        throw send.refused ? new PrivateAddressRefused(send.refused) : error;
      } finally {
        answered();
        const left = (pending.get(url) ?? []).filter((s) => s !== send);
        if (left.length) pending.set(url, left);
        else pending.delete(url);
        for (const id of send.requestIds) byRequest.delete(id);
      }
    },
    open: (request) => request(),
  };
}
