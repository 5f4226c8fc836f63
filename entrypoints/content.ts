import { browser } from 'wxt/browser';
import type { BadgeLayer, BadgeLayerOptions, createBadgeLayer } from '@/components/inline/badges';
import type { CardRenderer } from '@/components/inline/card-render';
import { loadLazy, type LazyScript } from '@/utils/lazy-scripts';
import { hasCitationHints } from '@/utils/extract/hints';
import { watchCitations } from '@/utils/extract/watch';
import { send, serve, type MessageEvents } from '@/utils/messages';
import * as toBackground from '@/utils/protocol/background';
import { CONTENT } from '@/utils/protocol/content';
import type { Report } from '@/utils/report/schema';
import { isSiteEnabled, normalizeSettings, readSettings, SETTINGS_STORAGE_KEY } from '@/utils/settings-core';
import { measureViewport, watchViewport } from '@/utils/viewport';
import type { Extractor } from './extract';

/**
 * Wiring only: find the page's citations, ask the background to check them, show the badges.
 * On a page without citation hints this costs one cheap probe and a debounced observer; on one
 * with hints, extraction's code (extract.ts) and the badges' are asked for at once.
 */
export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  async main(ctx) {
    // For the benchmarks: when the content script began, on the page's clock.
    performance.mark('citecheck:content-start');
    if (!hasCitationHints(document)) {
      // Late-loading pages: look again when the DOM changes, until citations show up.
      await new Promise<void>((resolve) => {
        const stop = new AbortController();
        ctx.onInvalidated(() => stop.abort());
        watchCitations(
          document,
          () => {
            if (hasCitationHints(document)) {
              stop.abort();
              resolve();
            }
          },
          stop.signal,
        );
      });
      if (!ctx.isValid) return;
    }
    const settings = await readSettings(browser.storage.local);
    if (!isSiteEnabled(settings, location.hostname)) return;

    // Extraction's code comes once the page may cite something. If it cannot load, the page stays as it is.
    const extractorReady = loadLazyScript<Extractor>('extract').catch(() => null);
    const layerOptions: BadgeLayerOptions = {
      // The card's code comes when the reader first opens a card: pages that are only read skip it.
      card: () => loadLazyScript<CardRenderer>('card'),
      badgeStyle: settings.badgeStyle,
      // The card offers to ask the on-device judge again only when the reader turned one on.
      onAskJudge:
        settings.judge.tier === 'off' ? undefined : (claimId) => void send(browser, toBackground.judgeClaim, { claimId }).then(show, () => undefined),
      // A click on a "Not checked" badge checks that claim alone.
      onCheckClaim: (claimId) => send(browser, toBackground.checkClaim, { claimId }).then(show),
      // A page cannot open an extension page itself: the background opens the reader in a new tab.
      onShowSource: (claimId, sourceId) => void send(browser, toBackground.openReader, { claimId, sourceId }).catch(() => undefined),
    };
    // The badges' code is asked for now and arrives while the claims are read and sent; every use
    // of the layer waits for it, in the order asked. If it cannot load, the page stays as it is.
    const layerReady = loadLazyScript<typeof createBadgeLayer>('badges').then(
      (createLayer) => createLayer(document, layerOptions),
      () => null,
    );
    const withLayer = (use: (layer: BadgeLayer) => void) => void layerReady.then((layer) => layer && use(layer));
    ctx.onInvalidated(() => withLayer((layer) => layer.destroy()));
    const onSettings = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      if (area === 'local' && SETTINGS_STORAGE_KEY in changes) {
        const style = normalizeSettings(changes[SETTINGS_STORAGE_KEY].newValue).badgeStyle;
        withLayer((layer) => layer.setBadgeStyle(style));
      }
    };
    browser.storage.onChanged.addListener(onSettings);
    ctx.onInvalidated(() => browser.storage.onChanged.removeListener(onSettings));
    let anchors = new Map<string, Range>();
    let lastKey = '';
    let latest: Report | null = null;
    // The claims on screen go to the background with the first request, then as the reader scrolls.
    let stopWatching = () => {};
    ctx.onInvalidated(() => stopWatching());
    const watch = (initial: ReturnType<typeof measureViewport>) => {
      stopWatching();
      stopWatching = watchViewport({
        anchors,
        initial,
        onChange: (view) => void send(browser, toBackground.viewport, view).catch(() => undefined),
      });
    };

    const show = (report: Report | null) => {
      if (!report || report.url !== currentUrl()) return;
      latest = report;
      const at = anchors;
      withLayer((layer) => {
        layer.render(report, at);
        // For the benchmarks: when the page's verdicts were all in, and shown.
        if (report.state === 'done' && !performance.getEntriesByName('citecheck:verify-done').length) {
          performance.mark('citecheck:verify-done');
        }
      });
    };

    const scan = async (force: boolean) => {
      const extractor = await extractorReady;
      if (!extractor) return;
      const located = extractor.locateCitations(document, currentUrl());
      anchors = located.anchors;
      const key = extractor.citationsKey(located.citations);
      if (!force && key === lastKey) {
        if (latest) show(latest);
        return;
      }
      lastKey = key;
      if (located.citations.claims.length === 0) return;
      performance.mark('citecheck:verify-start');
      const viewport = measureViewport(anchors, window.innerHeight);
      watch(viewport);
      // A refusal (the page left its origin) or a worker that went away leaves the page as it is.
      const report = await send(browser, toBackground.verify, { page: located.citations, force, viewport }).catch(() => null);
      show(report);
    };

    const stopServing = serve(browser.runtime.onMessage as unknown as MessageEvents, browser.runtime.id, CONTENT, {
      'report-update': ({ report }) => {
        show(report);
        return null;
      },
      rescan: ({ force }) => {
        void scan(force);
        return null;
      },
      'scroll-to-claim': ({ claimId }) => {
        withLayer((layer) => layer.scrollToClaim(claimId));
        return null;
      },
    });
    ctx.onInvalidated(stopServing);

    const rescan = new AbortController();
    ctx.onInvalidated(() => rescan.abort());
    watchCitations(document, () => void scan(false), rescan.signal);
    ctx.addEventListener(window, 'wxt:locationchange', () => {
      latest = null;
      void scan(false);
    });
    await scan(false);
  },
});

/** Runs a lazy script in this frame's content-script world (once) and gives what it left there. */
function loadLazyScript<T>(script: LazyScript): Promise<T> {
  return loadLazy<T>(script, (name) => send(browser, toBackground.loadScript, { script: name }));
}

function currentUrl(): string {
  return location.href.split('#')[0];
}
