/**
 * Firefox's way to refuse a public page's redirect to a private address before it is requested
 * (request-guard.ts says why): a blocking `webRequest.onBeforeRequest` listener on the requests
 * made outside tabs.
 *
 * Judgement calls:
 * - A request is ours when the extension's own origin made it; every other request (the reader's
 *   tabs, other extensions) is answered at once and never looked at further.
 * - A request is matched to the `send` that started it by its first URL; its later hops (same
 *   `requestId`) keep that send's mode. Two sends of one URL at once in different modes cannot be
 *   told apart: the request is then taken as guarded (a loopback page's source may be refused,
 *   a public page's never let through).
 * - Only hops are judged here: a guarded send's first URL was already checked by fetch.ts, but it
 *   is judged the same way (it costs nothing, and holds if a caller forgets).
 */
import { classifyHost } from './url';
import { PrivateAddressRefused, type GuardMode, type RequestGuard } from './request-guard';

interface RequestDetails {
  requestId: string;
  url: string;
  tabId: number;
  originUrl?: string;
}

/** The part of `browser.webRequest` the guard uses. */
export interface BlockingWebRequest {
  onBeforeRequest: {
    addListener(
      listener: (details: RequestDetails) => { cancel?: boolean } | undefined,
      filter: { urls: string[]; tabId?: number },
      extraInfoSpec: string[],
    ): void;
  };
}

interface Send {
  url: string;
  mode: GuardMode;
  requestIds: string[];
  refused?: string;
}

/** Requests are seen without their fragment. */
const withoutFragment = (url: string) => url.split('#')[0];

function isPrivateUrl(url: string): boolean {
  try {
    return classifyHost(new URL(url).hostname) !== 'public';
  } catch {
    return true;
  }
}

export function createWebRequestGuard(webRequest: BlockingWebRequest, extensionOrigin: string): RequestGuard {
  const pending = new Map<string, Send[]>();
  const byRequest = new Map<string, Send>();

  webRequest.onBeforeRequest.addListener(
    (details) => {
      if (!details.originUrl?.startsWith(extensionOrigin)) return undefined;
      let send = byRequest.get(details.requestId);
      if (!send) {
        const sends = pending.get(withoutFragment(details.url))?.filter((s) => s.requestIds.length === 0);
        send = sends?.find((s) => s.mode === 'guarded') ?? sends?.[0];
        if (!send) return undefined;
        send.requestIds.push(details.requestId);
        byRequest.set(details.requestId, send);
      }
      if (send.mode === 'guarded' && isPrivateUrl(details.url)) {
        send.refused = details.url;
        return { cancel: true };
      }
      return undefined;
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
        throw send.refused ? new PrivateAddressRefused(send.refused) : error;
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
