import { createCardRenderer } from '@/components/inline/card-render';
import { announceLazy, LAZY_SCRIPTS } from '@/utils/lazy-scripts';

/**
 * The hover card's code, run in a tab's content-script world by the background (`load-script`)
 * when the reader first opens a card there: a page that is only read never loads it.
 */
export default defineUnlistedScript(() => {
  (globalThis as Record<string, unknown>)[LAZY_SCRIPTS.card.key] ??= createCardRenderer();
  announceLazy('card');
});
