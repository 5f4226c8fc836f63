/**
 * Re-scanning pages that load their content late (single-page apps, lazy sections).
 *
 * Mutations are debounced: the callback runs once the page has been quiet for `debounceMs`, and
 * at the latest `MAX_WAIT_FACTOR` debounce periods after the first change, so that a page that
 * never stops changing (a ticker, a clock) still gets re-scanned now and then. Mutations made
 * only to Citecheck's own badge hosts are ignored: inserting a badge must not trigger a re-scan.
 */
import { BADGE_TAG } from './config';
import { closestTag } from './dom';

const BADGE_TAGS = new Set([BADGE_TAG]);

const MAX_WAIT_FACTOR = 5;

function isBadgeNode(node: Node): boolean {
  const el = node.nodeType === 1 ? (node as Element) : node.parentElement;
  return closestTag(el, BADGE_TAGS) !== null;
}

function isBadgeHost(node: Node | null): boolean {
  return node !== null && node.nodeType === 1 && (node as Element).localName === BADGE_TAG;
}

/**
 * True when a mutation touches the page's own content rather than only Citecheck's badges.
 * Inserting a badge inside a text node splits it: the shortened head (a characterData change
 * just before a badge) and the new tail (a text node just after one) belong to the badge too,
 * or every badge insertion would trigger a re-scan that inserts badges again.
 */
export function isPageMutation(record: MutationRecord): boolean {
  const target = record.target;
  if (isBadgeNode(target)) return false;
  if (record.type === 'characterData') return !isBadgeHost(target.nextSibling);
  if (record.type !== 'childList') return true;
  const changed = [...Array.from(record.addedNodes), ...Array.from(record.removedNodes)];
  if (changed.length === 0) return false;
  return changed.some((n) => !isBadgeHost(n) && !isBadgeNode(n) && !(n.nodeType === 3 && isBadgeHost(n.previousSibling)));
}

export function watchCitations(doc: Document, onChange: () => void, signal: AbortSignal, debounceMs = 400): void {
  if (signal.aborted) return;
  const view = doc.defaultView ?? globalThis;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let firstChangeAt = 0;
  const fire = () => {
    timer = undefined;
    firstChangeAt = 0;
    if (!signal.aborted) onChange();
  };
  const observer = new view.MutationObserver((records) => {
    if (!records.some(isPageMutation)) return;
    const now = Date.now();
    if (firstChangeAt === 0) firstChangeAt = now;
    if (timer !== undefined) clearTimeout(timer);
    const waited = now - firstChangeAt;
    timer = setTimeout(fire, Math.max(0, Math.min(debounceMs, debounceMs * MAX_WAIT_FACTOR - waited)));
  });
  observer.observe(doc.documentElement ?? doc, { childList: true, subtree: true, characterData: true });
  signal.addEventListener(
    'abort',
    () => {
      observer.disconnect();
      if (timer !== undefined) clearTimeout(timer);
    },
    { once: true },
  );
}
