/**
 * Which cited page to fetch next, for one tab: visible first, then a bounded look-ahead, and the
 * rest only when the reader asks or scrolls to it.
 *
 * Pure of browser APIs and timers: it starts loads through `start` and learns of their end when
 * the promise settles. Tests drive it with fake loads on a fake clock.
 *
 * Judgement calls:
 * - Priority, highest first: claims the reader asked for (a badge click), claims in view, claims
 *   near the view, then the rest of the page below the view in page order, then above it.
 * - Look-ahead budget: at most `lookAhead` sources are fetched ahead of the reader, that is, cited
 *   by no claim the reader has seen (in view, or asked for) and lying from the view (its near
 *   part included) downwards. Sources of claims near the view count against it. A source fetched
 *   ahead stops counting once its claim comes into view or the reader scrolls past it, so the
 *   look-ahead moves with the reader: scrolling re-prioritises and frees budget further on.
 *   Unseen claims above the view are fetched only when near it, or on "check all".
 * - Automatic mode fetches visible claims and the look-ahead by itself; otherwise only what is
 *   asked for. "Check all" lifts the budget: everything left is fetched, in the same order.
 * - A source is started at most once, whatever number of claims cite it and however often it is
 *   asked for. Sources of claims in view or asked for start at once: the loader's own per-host
 *   and global limits pace their requests, and their reading overlaps the next requests. The
 *   rest keep to the per-host and global limits here too, so few of them ever wait inside the
 *   loader ahead of a claim that comes into view later.
 */

/** Sources fetched ahead of what the reader has seen, before any scrolling (the stated budget). */
export const LOOK_AHEAD_SOURCES = 24;

export interface ScheduledSource {
  /** Identity of the fetch (the source URL): two sources with one URL are one fetch. */
  key: string;
  /** Per-host limit key. */
  host: string;
}

export interface ScheduledClaim {
  id: string;
  /** Keys of the sources the claim cites. */
  keys: string[];
}

export interface SchedulerOptions {
  /** Claims in page order. */
  claims: ScheduledClaim[];
  sources: ScheduledSource[];
  /** Starts one source's load; the promise settles when it is done (its rejection is ignored). */
  start: (key: string) => Promise<unknown>;
  automatic: boolean;
  perHost: number;
  total: number;
  lookAhead?: number;
}

/** Priority classes, lowest first. */
const ASKED = 0;
const IN_VIEW = 1;
const NEAR_VIEW = 2;
const REST = 3;

export function createScheduler(options: SchedulerOptions) {
  const lookAhead = options.lookAhead ?? LOOK_AHEAD_SOURCES;
  const hostOf = new Map(options.sources.map((s) => [s.key, s.host]));
  /** Page position of each source: the index of the first claim that cites it. */
  const firstClaim = new Map<string, number>();
  const claimIndex = new Map<string, number>();
  options.claims.forEach((claim, i) => {
    claimIndex.set(claim.id, i);
    for (const key of claim.keys) if (hostOf.has(key) && !firstClaim.has(key)) firstClaim.set(key, i);
  });
  const keysOf = new Map(options.claims.map((c) => [c.id, c.keys.filter((k) => hostOf.has(k))]));

  let automatic = options.automatic;
  let everything = false;
  /** Asked-for keys, most recent last. */
  const asked: string[] = [];
  let inView = new Set<string>();
  let nearView = new Set<string>();
  /** Keys cited by a claim the reader has seen or asked for: these never count as look-ahead. */
  const seen = new Set<string>();
  /** Where the view ends, as a claim index: the rest of the page is ordered from here on. */
  let anchor = 0;
  /** The first claim in or near the view: unseen sources above it were skipped by the reader. */
  let skipLine = 0;

  const started = new Set<string>();
  const settled = new Set<string>();
  const runningPerHost = new Map<string, number>();
  let running = 0;
  let stopped = false;
  const idleWaiters: Array<() => void> = [];

  const isAhead = (key: string) => !seen.has(key) && (firstClaim.get(key) ?? 0) >= skipLine;
  const aheadCount = () => {
    let n = 0;
    for (const key of started) if (isAhead(key)) n++;
    return n;
  };

  function classOf(key: string): number | null {
    if (asked.includes(key)) return ASKED;
    if (everything) return inView.has(key) ? IN_VIEW : nearView.has(key) ? NEAR_VIEW : REST;
    if (!automatic) return null;
    if (inView.has(key)) return IN_VIEW;
    if (nearView.has(key)) return NEAR_VIEW;
    return REST;
  }

  /** Sort position within a class: page order from the view downwards, then upwards. */
  function orderOf(key: string, cls: number): number {
    if (cls === ASKED) return -asked.indexOf(key);
    const index = firstClaim.get(key) ?? Number.MAX_SAFE_INTEGER;
    if (cls !== REST) return index;
    return index >= anchor ? index - anchor : options.claims.length + (anchor - index);
  }

  function candidates(): string[] {
    const ranked: Array<{ key: string; cls: number; order: number }> = [];
    for (const key of hostOf.keys()) {
      if (started.has(key)) continue;
      const cls = classOf(key);
      if (cls === null) continue;
      ranked.push({ key, cls, order: orderOf(key, cls) });
    }
    ranked.sort((a, b) => a.cls - b.cls || a.order - b.order);
    return ranked.map((r) => r.key);
  }

  function pump(): void {
    if (stopped) return;
    let ahead = aheadCount();
    for (const key of candidates()) {
      const host = hostOf.get(key) ?? '';
      const urgent = asked.includes(key) || inView.has(key);
      if (!urgent) {
        if (running >= options.total) break;
        if ((runningPerHost.get(host) ?? 0) >= options.perHost) continue;
      }
      if (!everything && !seen.has(key)) {
        if (!isAhead(key) || ahead >= lookAhead) continue;
        ahead++;
      }
      launch(key, host);
    }
    if (running === 0) for (const resolve of idleWaiters.splice(0)) resolve();
  }

  function launch(key: string, host: string): void {
    started.add(key);
    running++;
    runningPerHost.set(host, (runningPerHost.get(host) ?? 0) + 1);
    const finish = () => {
      settled.add(key);
      running--;
      const left = (runningPerHost.get(host) ?? 1) - 1;
      if (left > 0) runningPerHost.set(host, left);
      else runningPerHost.delete(host);
      pump();
    };
    let pending: Promise<unknown>;
    try {
      pending = options.start(key);
    } catch {
      pending = Promise.resolve();
    }
    pending.then(finish, finish);
  }

  const markSeen = (claimId: string) => {
    for (const key of keysOf.get(claimId) ?? []) seen.add(key);
  };

  return {
    /** The claims in view and near it now; replaces the previous report. */
    viewport(inViewIds: readonly string[], nearViewIds: readonly string[]): void {
      inView = new Set(inViewIds.flatMap((id) => keysOf.get(id) ?? []));
      nearView = new Set(nearViewIds.flatMap((id) => keysOf.get(id) ?? []));
      inViewIds.forEach(markSeen);
      const indexOf = (ids: readonly string[]) => ids.map((id) => claimIndex.get(id)).filter((i): i is number => i !== undefined);
      const inViewIndexes = indexOf(inViewIds);
      const allIndexes = [...inViewIndexes, ...indexOf(nearViewIds)];
      if (inViewIndexes.length) anchor = Math.max(...inViewIndexes) + 1;
      if (allIndexes.length) skipLine = Math.min(...allIndexes);
      pump();
    },
    /** The reader asked for this claim: its sources go before anything else, in any mode. */
    requestClaim(claimId: string): void {
      markSeen(claimId);
      for (const key of keysOf.get(claimId) ?? []) {
        if (started.has(key)) continue;
        const at = asked.indexOf(key);
        if (at >= 0) asked.splice(at, 1);
        asked.push(key);
      }
      pump();
    },
    /** Starts what the mode allows without a viewport report yet (the top of the page first). */
    kick(): void {
      pump();
    },
    /** Everything left, without the look-ahead budget ("Check this page", "Check all"). */
    requestAll(): void {
      everything = true;
      pump();
    },
    setAutomatic(value: boolean): void {
      automatic = value;
      pump();
    },
    /** Stops starting loads (the tab navigated away); running ones finish on their own. */
    stop(): void {
      stopped = true;
      for (const resolve of idleWaiters.splice(0)) resolve();
    },
    get automatic() {
      return automatic;
    },
    get everything() {
      return everything;
    },
    /** Whether a claim's sources will be fetched without a further request (asked, or automatic). */
    wanted(claimId: string): boolean {
      const keys = keysOf.get(claimId) ?? [];
      return automatic || everything || keys.every((k) => started.has(k) || asked.includes(k));
    },
    /** Resolves once nothing is loading and nothing more can start without a new request. */
    idle(): Promise<void> {
      if (running === 0 || stopped) return Promise.resolve();
      return new Promise((resolve) => idleWaiters.push(resolve));
    },
    stats() {
      return { started: started.size, settled: settled.size, running, ahead: aheadCount(), total: hostOf.size };
    },
  };
}
export type Scheduler = ReturnType<typeof createScheduler>;
