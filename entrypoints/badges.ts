import { createBadgeLayer } from '@/components/inline/badges';
import { announceLazy, LAZY_SCRIPTS } from '@/utils/lazy-scripts';

/**
 * The badges' code (Preact and the in-page layer), run in a tab's content-script world by the
 * background (`load-script`) once the page turns out to cite something: the content script asks
 * for it while it reads the page's claims, so it is there before the first report.
 */
export default defineUnlistedScript(() => {
  (globalThis as Record<string, unknown>)[LAZY_SCRIPTS.badges.key] ??= createBadgeLayer;
  announceLazy('badges');
});
