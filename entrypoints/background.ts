import { browser } from 'wxt/browser';
import { createTabChecker, type TabStore } from '@/utils/checker';
import { send, serve, type MessageEvents } from '@/utils/messages';
import { toolbarBadge } from '@/utils/report/summary';
import type { Report } from '@/utils/report/schema';
import { getSettings, updateSettings, withAllowedSite } from '@/utils/settings';
import { createSourceLoader, isSelfCitation, openSourceCache, withMemoryLayer, type SourceCache } from '@/utils/sources';
import { createHtmlReader } from '@/utils/html-reader';

/**
 * Wiring only: messages in, the tab checker, reports out to the tab and the toolbar.
 * Everything with logic lives in utils/ (checker, verify, sources, match).
 */
export default defineBackground({
  type: 'module',
  main() {
    const cachePromise = openSourceCache({}).catch(() => null);
    // Recently used sources stay in memory while the worker lives, in front of IndexedDB.
    const sourceCache = withMemoryLayer(lazyCache(cachePromise));
    // Settings are read once and read again after any change to local storage.
    let settingsRead: ReturnType<typeof getSettings> | null = null;
    browser.storage.onChanged.addListener((_changes, area) => {
      if (area === 'local') settingsRead = null;
    });
    const loader = createSourceLoader({
      readHtml: createHtmlReader(),
      // If IndexedDB cannot be opened, sources are still checked, only uncached.
      cache: sourceCache,
      settings: async () => {
        settingsRead ??= getSettings().catch((error: unknown) => {
          settingsRead = null;
          throw error;
        });
        const s = await settingsRead;
        return { useLogins: s.useLogins, allowPrivate: s.allowPrivate, ttlMs: s.cacheTtlHours * 3_600_000 };
      },
    });

    const store: TabStore = {
      async get(tabId) {
        const key = `tab:${tabId}`;
        return (await browser.storage.session.get(key))[key];
      },
      async set(tabId, entry) {
        await browser.storage.session.set({ [`tab:${tabId}`]: entry });
      },
      async remove(tabId) {
        await browser.storage.session.remove(`tab:${tabId}`);
      },
    };

    /** What each tab's toolbar icon shows now: unchanged badges are not set again. */
    const shownBadges = new Map<number, string>();
    const notify = (tabId: number, report: Report) => {
      // The tab may be gone or may have no content script: the page and the icon are best effort.
      quietly(() => send(browser, 'report-update', { report }, { tabId }));
      const badge = toolbarBadge(report);
      const shown = `${badge.text}|${badge.color}|${badge.title}`;
      if (shownBadges.get(tabId) === shown) return;
      shownBadges.set(tabId, shown);
      quietly(() => browser.action.setBadgeText({ tabId, text: badge.text }));
      quietly(() => browser.action.setBadgeBackgroundColor({ tabId, color: badge.color }));
      quietly(() => browser.action.setTitle({ tabId, title: badge.title }));
    };

    const checker = createTabChecker({ loader, store, notify, isSelfCitation });

    // Only the extension's own contexts may talk to the background (serve() checks the sender).
    serve(browser.runtime.onMessage as unknown as MessageEvents, browser.runtime.id, 'background', {
      async verify({ page, force }, sender) {
        const tabId = sender.tab?.id;
        if (tabId === undefined) throw new Error('verify must come from a tab');
        // The private-network guard trusts the page's origin: it must be the tab's own.
        if (!sameOrigin(page.url, sender.tab?.url)) throw new Error('page URL does not match its tab');
        return checker.verify(tabId, page, force ?? false);
      },
      'get-report': ({ tabId }) => checker.getReport(tabId),
      async recheck({ tabId }) {
        const report = await checker.recheck(tabId);
        if (!report) quietly(() => send(browser, 'rescan', { force: true }, { tabId }));
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
      async 'clear-cache'() {
        await sourceCache.clear();
        return null;
      },
    });

    browser.tabs.onRemoved.addListener((tabId) => {
      shownBadges.delete(tabId);
      void checker.forget(tabId);
    });
    browser.tabs.onUpdated.addListener((tabId, change) => {
      // A new document in the tab: its old report no longer applies.
      if (change.status === 'loading' && change.url) {
        void checker.forget(tabId);
        shownBadges.delete(tabId);
        quietly(() => browser.action.setBadgeText({ tabId, text: '' }));
      }
    });
  },
});

/** A cache that waits for the IndexedDB cache to open, and behaves as empty if it never does. */
function lazyCache(opening: Promise<SourceCache | null>): SourceCache {
  return {
    get: async (key) => (await opening)?.get(key) ?? null,
    put: async (entry) => (await opening)?.put(entry),
    delete: async (key) => (await opening)?.delete(key),
    clear: async () => (await opening)?.clear(),
    stats: async () => (await opening)?.stats() ?? { entries: 0, bytes: 0 },
  };
}

function sameOrigin(a: string, b: string | undefined): boolean {
  try {
    return b !== undefined && new URL(a).origin === new URL(b).origin;
  } catch {
    return false;
  }
}

/** Runs a browser call whose failure (thrown or rejected) changes nothing for the caller. */
function quietly(call: () => Promise<unknown> | undefined): void {
  try {
    call()?.catch(() => undefined);
  } catch {
    // A closed tab or an API this browser lacks.
  }
}
