import { citationsKey } from '@/utils/extract/key';
import { locateCitations } from '@/utils/extract/locate';
import { announceLazy, LAZY_SCRIPTS } from '@/utils/lazy-scripts';

/** What the extraction script leaves for the content script: reading a page's claims and their key. */
export interface Extractor {
  locateCitations: typeof locateCitations;
  citationsKey: typeof citationsKey;
}

/**
 * Extraction (utils/extract), run in a tab's content-script world by the background
 * (`load-script`) once the content script's pre-check finds citation hints: pages that cite
 * nothing never load it, and the script every page pays for is the pre-check and the wiring.
 */
export default defineUnlistedScript(() => {
  (globalThis as Record<string, unknown>)[LAZY_SCRIPTS.extract.key] ??= { locateCitations, citationsKey } satisfies Extractor;
  announceLazy('extract');
});
