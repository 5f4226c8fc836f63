import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { measureViewport, markerElement, watchViewport, DEBOUNCE_MS, type ViewportReport } from './viewport';

/** Three paragraphs with one marker each, the third with two; each range stands at a chosen height. */
function setup(tops: Record<string, number | null>) {
  document.body.innerHTML = `
    <p id="p1">Alpha rose.<sup><a id="m1" href="#n1">[1]</a></sup></p>
    <p id="p2">Beta fell. [Source 2]</p>
    <p id="p3">Gamma held.<sup><a id="m3" href="#n3">[3]</a></sup> Delta too.<sup><a id="m4" href="#n4">[4]</a></sup></p>`;
  const anchors = new Map<string, Range>();
  const add = (id: string, node: Node) => {
    const range = document.createRange();
    range.selectNodeContents(node);
    const top = tops[id];
    // null: not rendered, the empty box browsers give.
    range.getBoundingClientRect = () =>
      (top === null ? { top: 0, bottom: 0, left: 0, width: 0, height: 0 } : { top, bottom: top + 16, left: 10, width: 20, height: 16 }) as DOMRect;
    anchors.set(id, range);
  };
  add('c1', document.getElementById('m1')!);
  add('c2', document.getElementById('p2')!.firstChild!);
  add('c3', document.getElementById('m3')!);
  add('c4', document.getElementById('m4')!);
  return anchors;
}

/** An IntersectionObserver whose entries the test hands out. */
class FakeObserver {
  static all: FakeObserver[] = [];
  targets: Element[] = [];
  constructor(
    readonly callback: (entries: IntersectionObserverEntry[]) => void,
    readonly options: IntersectionObserverInit = {},
  ) {
    FakeObserver.all.push(this);
  }
  observe(target: Element) {
    this.targets.push(target);
  }
  disconnect() {
    this.targets = [];
  }
  fire(states: Array<[string, boolean]>) {
    this.callback(states.map(([id, isIntersecting]) => ({ target: document.getElementById(id)!, isIntersecting }) as unknown as IntersectionObserverEntry));
  }
}

beforeEach(() => {
  FakeObserver.all = [];
  vi.useFakeTimers();
});
afterEach(() => vi.useRealTimers());

describe('measureViewport', () => {
  it('splits claims into in view, near the view (one screen away) and neither, in page order', () => {
    const anchors = setup({ c1: 100, c2: 900, c3: 1500, c4: 3000 });
    expect(measureViewport(anchors, 800)).toEqual({ inView: ['c1'], nearView: ['c2', 'c3'] });
  });

  it('leaves out markers that are not rendered', () => {
    const anchors = setup({ c1: null, c2: 10, c3: 20, c4: 30 });
    expect(measureViewport(anchors, 800).inView).toEqual(['c2', 'c3', 'c4']);
  });
});

describe('watchViewport', () => {
  it('observes each marker element once, with a near margin of one screen', () => {
    const anchors = setup({ c1: 0, c2: 0, c3: 0, c4: 0 });
    watchViewport({ anchors, onChange: () => undefined, Observer: FakeObserver as never });
    const [inView, near] = FakeObserver.all;
    expect(inView.targets.map((t) => t.id)).toEqual(['m1', 'p2', 'm3', 'm4']);
    expect(near.options.rootMargin).toBe('100% 0px');
    expect(markerElement(anchors.get('c2')!)?.id).toBe('p2');
  });

  it('reports a scroll once, debounced, and only when the sets change', () => {
    const anchors = setup({ c1: 0, c2: 0, c3: 0, c4: 0 });
    const reports: ViewportReport[] = [];
    watchViewport({
      anchors,
      onChange: (r) => reports.push(r),
      initial: { inView: ['c1'], nearView: ['c2'] },
      Observer: FakeObserver as never,
    });
    const [inView, near] = FakeObserver.all;
    inView.fire([['m1', false], ['p2', true]]);
    near.fire([['m3', true], ['m4', true]]);
    expect(reports).toHaveLength(0);
    vi.advanceTimersByTime(DEBOUNCE_MS);
    expect(reports).toEqual([{ inView: ['c2'], nearView: ['c1', 'c3', 'c4'] }]);
    // The same state again is not reported.
    inView.fire([['p2', true]]);
    vi.advanceTimersByTime(DEBOUNCE_MS);
    expect(reports).toHaveLength(1);
  });

  it('reports the first change after a quiet spell at once, and changes soon after it at the end of the debounce', () => {
    const anchors = setup({ c1: 0, c2: 0, c3: 0, c4: 0 });
    const reports: ViewportReport[] = [];
    watchViewport({ anchors, onChange: (r) => reports.push(r), initial: { inView: ['c1'], nearView: [] }, Observer: FakeObserver as never });
    const [inView, near] = FakeObserver.all;
    // A jump to the end of the page: both observers report in one task, and the report follows it.
    inView.fire([['m1', false], ['m4', true]]);
    near.fire([['m1', false], ['m3', true], ['m4', true]]);
    expect(reports).toHaveLength(0);
    vi.advanceTimersByTime(0);
    expect(reports).toEqual([{ inView: ['c4'], nearView: ['c3'] }]);
    // Another change 30 ms later waits for the rest of the debounce.
    vi.advanceTimersByTime(30);
    inView.fire([['m3', true]]);
    vi.advanceTimersByTime(DEBOUNCE_MS - 31);
    expect(reports).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(reports).toEqual([
      { inView: ['c4'], nearView: ['c3'] },
      { inView: ['c3', 'c4'], nearView: [] },
    ]);
    // After a quiet spell, at once again.
    vi.advanceTimersByTime(DEBOUNCE_MS * 3);
    inView.fire([['m3', false]]);
    vi.advanceTimersByTime(0);
    expect(reports).toHaveLength(3);
  });

  it('stops reporting once stopped', () => {
    const anchors = setup({ c1: 0, c2: 0, c3: 0, c4: 0 });
    const onChange = vi.fn();
    const stop = watchViewport({ anchors, onChange, Observer: FakeObserver as never });
    FakeObserver.all[0].fire([['m1', true]]);
    stop();
    vi.advanceTimersByTime(DEBOUNCE_MS * 2);
    expect(onChange).not.toHaveBeenCalled();
    expect(FakeObserver.all[0].targets).toHaveLength(0);
  });
});
