import { createCardRenderer } from '@/components/inline/card-render';
import { CARD_RENDERER_KEY } from '@/utils/card-key';

/**
 * The hover card's code, run in a tab's content-script world by the background (`load-card`)
 * when the reader first opens a card there: a page that is only read never loads it.
 */
export default defineUnlistedScript(() => {
  (globalThis as Record<string, unknown>)[CARD_RENDERER_KEY] ??= createCardRenderer();
});
