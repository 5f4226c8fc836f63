import { browser } from 'wxt/browser';
import { createTabChecker, type NotifyOptions } from '@/utils/checker';
import { lazyCache } from '@/utils/background/lazy-cache';
import { sameOrigin } from '@/utils/background/origin';
import { quietly } from '@/utils/background/quietly';
import { createSettingsMemo } from '@/utils/background/settings-memo';
import { createSessionTabStore } from '@/utils/background/tab-store';
import { createToolbar } from '@/utils/background/toolbar';
import { toolbarBadge } from '@/components/summary-words';
import { send, serve, type MessageEvents, type Sender } from '@/utils/messages';
import { BACKGROUND } from '@/utils/protocol/background';
import * as toContent from '@/utils/protocol/content';
import type { Report } from '@/utils/report/schema';
import { checksAutomatically, getSettings, updateSettings, withAllowedSite } from '@/utils/settings';
import { createSourceLoader, isSelfCitation, normalizeUrl, openSourceCache, withMemoryLayer } from '@/utils/sources';
import { createRuleGuard, type RequestGuard, type SessionRules } from '@/utils/sources/request-guard';
import { createWebRequestGuard, type BlockingWebRequest, type DnsResolver } from '@/utils/sources/webrequest-guard';
import { readerUrl, toSourceView } from '@/utils/reader/view';
import { createHtmlReader, createPdfReader } from '@/utils/html-reader';
import { createJudgeService } from '@/utils/judge/service';
import { LAZY_SCRIPTS } from '@/utils/lazy-scripts';

/**
 * Wiring only: messages in, the tab checker, reports out to the tab and the toolbar.
 * Everything with logic lives in utils/ (checker, verify, sources, match).
 */
export default defineBackground({
  type: 'module',
  main() {
    // Recently used sources stay in memory while the worker lives, in front of IndexedDB.
    const sourceCache = withMemoryLayer(lazyCache(openSourceCache({})));
    const settings = createSettingsMemo(getSettings, (changed) =>
      browser.storage.onChanged.addListener((_changes, area) => {
        if (area === 'local') changed();
      }),
    );
    // A public page's sources never reach a private address, redirects included (request-guard.ts);
    // in Firefox, neither through a public name that resolves to one.
    const extensionOrigin = browser.runtime.getURL('/');
    const requestGuard: RequestGuard =
      import.meta.env.BROWSER === 'firefox'
        ? createWebRequestGuard(
            browser.webRequest as unknown as BlockingWebRequest,
            extensionOrigin,
            (browser as unknown as { dns?: DnsResolver }).dns,
          )
        : createRuleGuard(browser.declarativeNetRequest as unknown as SessionRules, new URL(extensionOrigin).host);
    const loader = createSourceLoader({
      requestGuard,
      readHtml: createHtmlReader(),
      readPdf: createPdfReader(),
      cache: sourceCache,
      // Test builds only (`wxt build --mode wayback-standin`): the opt-in lookup asks a stand-in on
      // the citing page's own server. Every other build asks the Internet Archive.
      ...(import.meta.env.MODE === 'wayback-standin' ? { waybackEndpoint: (pageUrl: string) => new URL('/wayback/available', pageUrl).href } : {}),
      settings: async () => {
        const s = await settings();
        return { useLogins: s.useLogins, allowPrivate: s.allowPrivate, ttlMs: s.cacheTtlHours * 3_600_000, waybackLookup: s.waybackLookup };
      },
    });
    const store = createSessionTabStore(browser.storage.session);
    const toolbar = createToolbar(browser.action, toolbarBadge);
    const notify = (tabId: number, report: Report, options: NotifyOptions = {}) => {
      // The tab may be gone or may have no content script: the page and the icon are best effort.
      if (!options.pageHasIt) quietly(() => send(browser, toContent.reportUpdate, { report }, { tabId }));
      toolbar.show(tabId, report);
    };

    // The on-device judge, when the reader turned it on, after each word-match verdict.
    // Its GETs (the model list) go to the reader's own server, loopback as a rule: never while Chrome's
    // rules are on. Its POSTs are never matched by them.
    const judge = createJudgeService({
      settings: async () => (await settings()).judge,
      env: { fetch: (url, init) => (init.method === 'POST' ? fetch(url, init) : requestGuard.open(() => fetch(url, init))) },
    });
    const checker = createTabChecker({
      judgeClaim: judge.judgeClaim,
      loader,
      store,
      notify,
      isSelfCitation,
      automatic: async (pageUrl) => checksAutomatically(await settings(), hostnameOf(pageUrl)),
    });
    browser.storage.onChanged.addListener((_changes, area) => {
      // A new check mode or allowed site: pages that became automatic start checking.
      if (area === 'local') void checker.refreshModes();
    });
    /**
     * The tab a call is about: the one an extension page (the popup, even opened in a tab) names,
     * or a content script's own tab, which is the only one a page may act on.
     */
    const tabOf = (request: { tabId?: number }, sender: Sender): number => {
      const fromExtensionPage = sender.url?.startsWith(extensionOrigin) ?? false;
      const tabId = fromExtensionPage ? request.tabId : (sender.tab?.id ?? request.tabId);
      if (tabId === undefined) throw new Error('no tab named');
      return tabId;
    };

    // Only the extension's own contexts may talk to the background (serve() checks the sender).
    serve(browser.runtime.onMessage as unknown as MessageEvents, browser.runtime.id, BACKGROUND, {
      async verify({ page, force, viewport }, sender) {
        const tabId = sender.tab?.id;
        if (tabId === undefined) throw new Error('verify must come from a tab');
        // The private-network guard trusts the page's origin: it must be the tab's own.
        if (!sameOrigin(page.url, sender.tab?.url)) throw new Error('page URL does not match its tab');
        return checker.verify(tabId, page, force ?? false, viewport);
      },
      async viewport(view, sender) {
        const tabId = sender.tab?.id;
        if (tabId === undefined) throw new Error('viewport must come from a tab');
        await checker.viewport(tabId, view);
        return null;
      },
      'check-claim': (request, sender) => checker.checkClaim(tabOf(request, sender), request.claimId),
      'check-page': (request, sender) => checker.checkPage(tabOf(request, sender)),
      'get-report': ({ tabId }) => checker.getReport(tabId),
      'judge-claim': (request, sender) => checker.rejudge(tabOf(request, sender), request.claimId),
      async recheck({ tabId }) {
        const report = await checker.recheck(tabId);
        if (!report) quietly(() => send(browser, toContent.rescan, { force: true }, { tabId }));
        return report;
      },
      async 'set-check-mode'({ mode }) {
        await updateSettings((s) => ({ ...s, checkMode: mode }));
        return null;
      },
      async 'allow-site'({ host, allowed }) {
        await updateSettings((s) => withAllowedSite(s, host, allowed));
        return null;
      },
      async 'load-script'({ script }, sender) {
        const tabId = sender.tab?.id;
        if (tabId === undefined) throw new Error('load-script must come from a tab');
        await browser.scripting.executeScript({ target: { tabId, frameIds: [sender.frameId ?? 0] }, files: [LAZY_SCRIPTS[script].file] });
        return null;
      },
      async 'open-reader'(request, sender) {
        const tabId = tabOf(request, sender);
        await browser.tabs.create({ url: browser.runtime.getURL(readerUrl({ tabId, claimId: request.claimId, sourceId: request.sourceId }) as '/reader.html') });
        return null;
      },
      async 'read-source'({ url }, sender) {
        // Cached texts are for the extension's own pages, never a content script's.
        if (!(sender.url?.startsWith(extensionOrigin) ?? false)) throw new Error('read-source is for extension pages');
        const key = normalizeUrl(url);
        return key ? toSourceView(await sourceCache.get(key)) : null;
      },
      async 'clear-cache'() {
        await sourceCache.clear();
        return null;
      },
    });

    // The first-run page says what Citecheck fetches and when, once, on a new install (not on updates).
    browser.runtime.onInstalled.addListener(({ reason }) => {
      if (reason === 'install') quietly(() => browser.tabs.create({ url: browser.runtime.getURL('/welcome.html') }));
    });
    browser.tabs.onRemoved.addListener((tabId) => {
      toolbar.forget(tabId);
      void checker.forget(tabId);
    });
    browser.tabs.onUpdated.addListener((tabId, change) => {
      // A new document in the tab: its old report no longer applies.
      if (change.status === 'loading' && change.url) {
        void checker.forget(tabId);
        toolbar.clear(tabId);
      }
    });
  },
});

function hostnameOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}
