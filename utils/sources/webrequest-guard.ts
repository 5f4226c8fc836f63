/**
 * Firefox's way to refuse a page's source hop to an address its page may not reach, before it is
 * requested (request-guard.ts says why): a blocking `webRequest.onBeforeRequest` listener on the
 * requests made outside tabs, which also asks Firefox's resolver where a name points.
 *
 * Judgement calls:
 * - A request is ours when the extension's own origin made it; every other request (the reader's
 *   tabs, other extensions) is answered at once and never looked at further.
 * - A request is matched to the `send` that started it by its first URL; its later hops (same
 *   `requestId`) keep that send's mode. Two sends of one URL at once cannot be told apart: the
 *   request is then held to every one of their modes (a loopback page's source may be refused,
 *   a public page's never let through); a send whose request then fails is told why.
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
  /** A hop this send's own mode refuses was cancelled. */
  refused?: string;
  /** A request this send shared its first URL with was cancelled for a mode it shared it with. */
  sharedRefusal?: string;
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
  /** A request, and the sends it may belong to (more than one when they share its first URL). */
  type Held = { sends: Send[]; modes: GuardMode[] };
  const byRequest = new Map<string, Held>();

  /** Cancels the hop if a mode it is held to may not reach one of the `targets`. */
  const judge = (held: Held, url: string, targets: HostClass[]): Answer => {
    if (held.modes.every((mode) => targets.every((target) => mayReach(mode, target)))) return undefined;
    for (const send of held.sends) {
      if (!targets.every((target) => mayReach(send.mode, target))) send.refused = url;
      // Another send's request may have been the one cancelled: it fails, and says why.
      else send.sharedRefusal = url;
    }
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
        const send = sends.find((s) => s.mode === 'guarded') ?? sends[0];
        held = { sends, modes: [...new Set(sends.map((s) => s.mode))] };
        send.requestIds.push(details.requestId);
        byRequest.set(details.requestId, held);
      }
      if (held.modes.every((mode) => mode === 'open')) return undefined;
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
      const send: Send = { url, mode, requestIds: [] };
      pending.set(url, [...(pending.get(url) ?? []), send]);
      try {
        const response = await request();
        if (send.refused) throw new PrivateAddressRefused(send.refused);
        return response;
      } catch (error) {
        const refused = send.refused ?? send.sharedRefusal;
        throw refused ? new PrivateAddressRefused(refused) : error;
      } finally {
        const left = (pending.get(url) ?? []).filter((s) => s !== send);
        if (left.length) pending.set(url, left);
        else pending.delete(url);
        for (const id of send.requestIds) byRequest.delete(id);
      }
    },
    open: (request) => request(),
  };
}
