/**
 * Which claims are on the reader's screen, and which are near it, for the scheduler.
 *
 * Judgement calls:
 * - A claim is where its marker is: the element holding the marker's end (the footnote link, or
 *   the paragraph around a "[Source 2]" text marker). Claims sharing an element are seen together.
 * - "Near" is within one screen height above or below the view: what a reader reaches with a
 *   flick of the wheel.
 * - Reports are sent only when the sets change, and at most once per DEBOUNCE_MS: the first
 *   change after a quiet spell goes at once (a jump to the end of the page is reported in the
 *   frame it lands, not DEBOUNCE_MS later), and changes within DEBOUNCE_MS of a report wait for
 *   its end. A long scroll costs a message every few frames at most; a still page costs nothing.
 */

export const DEBOUNCE_MS = 120;
/** How far beyond the view counts as near, as a fraction of the view's height. */
export const NEAR_FRACTION = 1;

export interface ViewportReport {
  inView: string[];
  nearView: string[];
}

/** The element whose box stands for a marker. */
export function markerElement(range: Range): Element | null {
  const node = range.endContainer;
  return node.nodeType === 1 ? (node as Element) : node.parentElement;
}

/** Claims in page order whose markers' boxes meet the view (or the view widened by `margin` px). */
export function claimsWithin(anchors: ReadonlyMap<string, Range>, viewHeight: number, margin: number): string[] {
  const ids: string[] = [];
  for (const [id, range] of anchors) {
    const box = range.getBoundingClientRect();
    // A marker that is not rendered (display: none) has an empty box at 0,0: not on screen.
    if (box.width === 0 && box.height === 0 && box.top === 0 && box.left === 0) continue;
    if (box.bottom >= -margin && box.top <= viewHeight + margin) ids.push(id);
  }
  return ids;
}

/** The claims in view and near it right now, measured at once (for the first request). */
export function measureViewport(anchors: ReadonlyMap<string, Range>, viewHeight: number): ViewportReport {
  const inView = claimsWithin(anchors, viewHeight, 0);
  const seen = new Set(inView);
  const nearView = claimsWithin(anchors, viewHeight, viewHeight * NEAR_FRACTION).filter((id) => !seen.has(id));
  return { inView, nearView };
}

export interface ViewportWatchOptions {
  anchors: ReadonlyMap<string, Range>;
  onChange: (report: ViewportReport) => void;
  /** The report already sent (with the first request): only changes from it are reported. */
  initial?: ViewportReport;
  debounceMs?: number;
  /** The IntersectionObserver constructor (the window's by default; tests hand in a fake). */
  Observer?: typeof IntersectionObserver;
  setTimer?: (callback: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
  now?: () => number;
}

/** Watches the markers' elements; returns a function that stops watching. */
export function watchViewport(options: ViewportWatchOptions): () => void {
  const Observer = options.Observer ?? globalThis.IntersectionObserver;
  const setTimer = options.setTimer ?? ((cb, ms) => setTimeout(cb, ms));
  const clearTimer = options.clearTimer ?? ((h) => clearTimeout(h as ReturnType<typeof setTimeout>));
  const now = options.now ?? (() => Date.now());
  const debounceMs = options.debounceMs ?? DEBOUNCE_MS;
  const claimsOf = new Map<Element, string[]>();
  for (const [id, range] of options.anchors) {
    const element = markerElement(range);
    if (element) claimsOf.set(element, [...(claimsOf.get(element) ?? []), id]);
  }
  const order = new Map([...options.anchors.keys()].map((id, i) => [id, i]));
  const inView = new Set<string>(options.initial?.inView ?? []);
  const near = new Set<string>([...(options.initial?.nearView ?? []), ...inView]);
  let last = key(options.initial ?? { inView: [], nearView: [] });
  let timer: unknown = null;
  let sentAt = -Infinity;

  const flush = () => {
    timer = null;
    const sorted = (ids: Iterable<string>) => [...ids].sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
    const report = { inView: sorted(inView), nearView: sorted([...near].filter((id) => !inView.has(id))) };
    const current = key(report);
    if (current === last) return;
    last = current;
    sentAt = now();
    options.onChange(report);
  };
  const schedule = () => {
    if (timer !== null) return;
    // A zero delay still waits for the rest of this frame's entries (both observers report in one task).
    const quiet = now() - sentAt >= debounceMs;
    timer = setTimer(flush, quiet ? 0 : debounceMs - (now() - sentAt));
  };
  const track = (set: Set<string>) => (entries: IntersectionObserverEntry[]) => {
    for (const entry of entries) {
      for (const id of claimsOf.get(entry.target) ?? []) {
        if (entry.isIntersecting) set.add(id);
        else set.delete(id);
      }
    }
    schedule();
  };
  if (!Observer) return () => undefined;
  const inViewObserver = new Observer(track(inView));
  const nearObserver = new Observer(track(near), { rootMargin: `${NEAR_FRACTION * 100}% 0px` });
  for (const element of claimsOf.keys()) {
    inViewObserver.observe(element);
    nearObserver.observe(element);
  }
  return () => {
    inViewObserver.disconnect();
    nearObserver.disconnect();
    if (timer !== null) clearTimer(timer);
  };
}

function key(report: ViewportReport): string {
  return `${report.inView.join(',')}|${report.nearView.join(',')}`;
}
