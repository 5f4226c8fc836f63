import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createScheduler, LOOK_AHEAD_SOURCES, type SchedulerOptions } from './scheduler';

/**
 * A page of `n` claims, claim i citing source i; sources spread round-robin over `hosts` hosts.
 * Every load takes `latency` ms of the fake clock; the log records each start with its time.
 */
function page(n: number, hosts = 10) {
  const claims = Array.from({ length: n }, (_, i) => ({ id: `c${i}`, keys: [`u${i}`] }));
  const sources = Array.from({ length: n }, (_, i) => ({ key: `u${i}`, host: `h${i % hosts}` }));
  return { claims, sources };
}

function harness(overrides: Partial<SchedulerOptions> & Pick<SchedulerOptions, 'claims' | 'sources'>, latency = 200) {
  const starts: Array<{ key: string; at: number }> = [];
  let running = 0;
  let maxRunning = 0;
  const perHostNow = new Map<string, number>();
  let maxPerHost = 0;
  const hostOf = new Map(overrides.sources.map((s) => [s.key, s.host]));
  const scheduler = createScheduler({
    automatic: true,
    perHost: 2,
    total: 16,
    start: (key) => {
      starts.push({ key, at: Date.now() });
      running++;
      maxRunning = Math.max(maxRunning, running);
      const host = hostOf.get(key)!;
      perHostNow.set(host, (perHostNow.get(host) ?? 0) + 1);
      maxPerHost = Math.max(maxPerHost, perHostNow.get(host)!);
      return new Promise<void>((resolve) =>
        setTimeout(() => {
          running--;
          perHostNow.set(host, perHostNow.get(host)! - 1);
          resolve();
        }, latency),
      );
    },
    ...overrides,
  });
  return {
    scheduler,
    starts,
    keys: () => starts.map((s) => s.key),
    limits: () => ({ maxRunning, maxPerHost }),
  };
}

/** Lets the fake clock run `ms` and every promise callback due by then. */
async function advance(ms: number) {
  await vi.advanceTimersByTimeAsync(ms);
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('scheduler: priorities', () => {
  it('fetches the sources of the claims in view before any other', async () => {
    const h = harness(page(100));
    h.scheduler.viewport(['c50', 'c51', 'c52'], ['c53']);
    expect(h.keys().slice(0, 3)).toEqual(['u50', 'u51', 'u52']);
    expect(h.keys()[3]).toBe('u53');
    await advance(5_000);
    // Then the rest of the page below the view, in page order.
    expect(h.keys().slice(4, 8)).toEqual(['u54', 'u55', 'u56', 'u57']);
  });

  it('puts the claim the reader asked for ahead of everything queued, at once', async () => {
    const h = harness({ ...page(60, 1), perHost: 1, total: 1 });
    h.scheduler.viewport([], ['c0', 'c1', 'c2']);
    expect(h.keys()).toEqual(['u0']);
    h.scheduler.requestClaim('c40');
    expect(h.keys()).toEqual(['u0', 'u40']);
    await advance(200);
    expect(h.keys()).toEqual(['u0', 'u40', 'u1']);
  });

  it('starts the sources of claims in view at once, beyond its own limits (the loader paces requests)', () => {
    const h = harness({ ...page(30, 1), perHost: 2, total: 4 });
    h.scheduler.viewport(['c0', 'c1', 'c2', 'c3', 'c4', 'c5'], ['c6']);
    expect(h.keys()).toEqual(['u0', 'u1', 'u2', 'u3', 'u4', 'u5']);
  });

  it('keeps the per-host and global limits', async () => {
    const h = harness({ ...page(200, 4), total: 6 });
    h.scheduler.requestAll();
    await advance(30_000);
    expect(h.limits()).toEqual({ maxRunning: 6, maxPerHost: 2 });
    expect(h.starts).toHaveLength(200);
  });

  it('skips a host that is full for a less urgent source on a free host', () => {
    const claims = [
      { id: 'a', keys: ['x1'] },
      { id: 'b', keys: ['x2'] },
      { id: 'c', keys: ['x3'] },
      { id: 'd', keys: ['y1'] },
    ];
    const sources = [
      { key: 'x1', host: 'x' },
      { key: 'x2', host: 'x' },
      { key: 'x3', host: 'x' },
      { key: 'y1', host: 'y' },
    ];
    const h = harness({ claims, sources });
    h.scheduler.viewport([], ['a', 'b', 'c', 'd']);
    expect(h.keys()).toEqual(['x1', 'x2', 'y1']);
  });
});

describe('scheduler: re-prioritising', () => {
  it('after a scroll, the new view goes first and its claims are final one round later', async () => {
    const h = harness(page(400));
    h.scheduler.viewport(['c0', 'c1', 'c2', 'c3'], []);
    await advance(2_000);
    const before = h.starts.length;
    h.scheduler.viewport(['c390', 'c391', 'c392', 'c393', 'c394'], []);
    const next = h.keys().slice(before);
    expect(next.slice(0, 5)).toEqual(['u390', 'u391', 'u392', 'u393', 'u394']);
    expect(h.starts[before].at).toBe(Date.now());
  });

  it('a scroll into fetched-ahead claims frees budget for further look-ahead', async () => {
    const h = harness(page(200), 200);
    h.scheduler.viewport(['c0'], []);
    await advance(10_000);
    expect(h.starts).toHaveLength(1 + LOOK_AHEAD_SOURCES);
    h.scheduler.viewport(['c10', 'c11'], []);
    await advance(10_000);
    // c10 and c11 were fetched ahead and are now seen, c1–c9 were scrolled past: eleven more go ahead.
    expect(h.starts).toHaveLength(1 + LOOK_AHEAD_SOURCES + 11);
    expect(h.keys().at(-1)).toBe(`u${LOOK_AHEAD_SOURCES + 11}`);
    expect(h.scheduler.stats().ahead).toBe(LOOK_AHEAD_SOURCES);
  });
});

describe('scheduler: budget', () => {
  it('before any scrolling, fetches the claims in view plus at most the look-ahead budget', async () => {
    const h = harness(page(400));
    const inView = Array.from({ length: 22 }, (_, i) => `c${i}`);
    h.scheduler.viewport(inView, ['c22', 'c23', 'c24']);
    await advance(60_000);
    expect(h.starts).toHaveLength(22 + LOOK_AHEAD_SOURCES);
    expect(LOOK_AHEAD_SOURCES).toBeLessThanOrEqual(40);
    expect(h.scheduler.stats()).toMatchObject({ started: 46, settled: 46, running: 0, ahead: LOOK_AHEAD_SOURCES });
  });

  it('"check all" fetches everything left, in view first', async () => {
    const h = harness(page(300));
    h.scheduler.viewport(['c100'], []);
    await advance(60_000);
    h.scheduler.viewport(['c200'], []);
    h.scheduler.requestAll();
    expect(h.keys()[1 + LOOK_AHEAD_SOURCES]).toBe('u200');
    await advance(60_000);
    expect(new Set(h.keys()).size).toBe(300);
  });

  it('never fetches unseen claims above the view unasked, except near it', async () => {
    const h = harness(page(200));
    h.scheduler.viewport(['c150'], ['c149', 'c151']);
    await advance(60_000);
    const refs = h.keys().map((k) => Number(k.slice(1)));
    expect(refs.filter((r) => r < 149)).toEqual([]);
    expect(refs).toContain(149);
    expect(h.starts).toHaveLength(1 + LOOK_AHEAD_SOURCES);
  });

  it('when not automatic, fetches nothing until asked, then only what was asked', async () => {
    const h = harness({ ...page(50), automatic: false });
    h.scheduler.viewport(['c0', 'c1', 'c2'], ['c3']);
    await advance(10_000);
    expect(h.starts).toHaveLength(0);
    expect(h.scheduler.wanted('c7')).toBe(false);
    h.scheduler.requestClaim('c7');
    expect(h.scheduler.wanted('c7')).toBe(true);
    await advance(10_000);
    expect(h.keys()).toEqual(['u7']);
    h.scheduler.setAutomatic(true);
    expect(h.keys().slice(1, 4)).toEqual(['u0', 'u1', 'u2']);
  });

  it('stops starting loads once stopped', async () => {
    const h = harness({ ...page(50), total: 2 });
    h.scheduler.viewport([], ['c0', 'c1', 'c2', 'c3']);
    h.scheduler.stop();
    await advance(10_000);
    expect(h.keys()).toEqual(['u0', 'u1']);
  });
});

describe('scheduler: no source fetched twice', () => {
  it('starts each key once, however many claims cite it and however often it is asked for', async () => {
    const claims = [
      { id: 'a', keys: ['k1', 'k2'] },
      { id: 'b', keys: ['k2'] },
      { id: 'c', keys: ['k1', 'k3'] },
    ];
    const sources = [
      { key: 'k1', host: 'h1' },
      { key: 'k2', host: 'h2' },
      { key: 'k3', host: 'h3' },
    ];
    const h = harness({ claims, sources, automatic: false });
    h.scheduler.requestClaim('a');
    h.scheduler.requestClaim('a');
    h.scheduler.requestClaim('b');
    await advance(1_000);
    h.scheduler.viewport(['a', 'b', 'c'], []);
    h.scheduler.requestAll();
    h.scheduler.requestClaim('c');
    await advance(1_000);
    expect(h.keys().sort()).toEqual(['k1', 'k2', 'k3']);
  });

  it('a load that throws or rejects still frees its slot', async () => {
    let calls = 0;
    const scheduler = createScheduler({
      ...page(5, 1),
      automatic: true,
      perHost: 1,
      total: 1,
      start: () => {
        calls++;
        if (calls === 1) throw new Error('boom');
        return Promise.reject(new Error('network'));
      },
    });
    scheduler.requestAll();
    await advance(0);
    expect(calls).toBe(5);
    await scheduler.idle();
    expect(scheduler.stats()).toMatchObject({ started: 5, settled: 5, running: 0 });
  });
});
