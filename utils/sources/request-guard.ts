/**
 * Keeps a page's sources off addresses the page may not reach (url.ts's rule: a public page's off
 * loopback and private addresses, a loopback page's off private ones, a private page's off
 * loopback) in a browser, before the request leaves.
 *
 * Why: an extension's `fetch(…, { redirect: 'manual' })` gets an opaque redirect with no
 * `Location` (fetch.ts), so the browser has to follow redirects itself. Without help, a public
 * source that redirects to 127.0.0.1, 192.168.x or 169.254.169.254 has that address requested
 * before fetch.ts can refuse the final URL. Each browser gets its own way to refuse the hop:
 *
 * - Chrome (`createRuleGuard`): session rules of declarativeNetRequest (private-rules.ts) send
 *   the extension's own requests to refused kinds of address to a marker URL instead. Rules cannot
 *   tell which check a request belongs to, and a loopback or intranet page may read its own
 *   sources (the demo and the tests are on 127.0.0.1), so requests are sent in the mode of their
 *   page (`GuardMode`), and a mode runs only while its rules are installed. Modes never overlap:
 *   a request of another mode waits until the running ones have their answer (first come, first
 *   served; only headers are waited for, not bodies). The rules are removed once no request of
 *   the mode has run for `RULES_LINGER_MS`, or at once when a request of another mode comes: a
 *   long page's sources arrive in rounds, and each round would otherwise wait for the rules to
 *   be removed and installed again. The loader asks for a mode's rules (`prepare`) while it
 *   reads the cache, so the first request of a check does not wait for them either.
 * - Firefox (`createWebRequestGuard`, webrequest-guard.ts): a blocking `webRequest` listener sees
 *   every hop of the extension's requests with the request's id, so each hop is judged by the
 *   mode of the request it belongs to, and cancelled there; a public name is judged by where
 *   Firefox's resolver says it points. No waiting between modes.
 *
 * A refused hop throws `PrivateAddressRefused`; fetch.ts turns it into `blocked_private`.
 *
 * Limits: in Chrome only what the URL says is checked. A public name whose DNS answer is a private
 * address (DNS rebinding, `192.168.1.1.nip.io`) still reaches that address there: Chrome gives an
 * extension no DNS answer before a request.
 */
import { pageClass, type HostClass } from './url';
import { PRIVATE_REFUSAL_URL, privateAddressRules, privateRuleIds, type SessionRule } from './private-rules';

/**
 * How a send's hops are judged: `guarded`, a public page's (neither loopback nor private);
 * `loopback` or `private`, a page on such an address's (that kind too, not the other);
 * `open`, anything (the reader's "allow private addresses", the reader's own model server).
 */
export type GuardMode = 'guarded' | 'loopback' | 'private' | 'open';

export class PrivateAddressRefused extends Error {
  constructor(readonly target?: string) {
    super('a request to a private address was refused');
    this.name = 'PrivateAddressRefused';
  }
}

export interface RequestGuard {
  /** Sends one request (with every redirect the browser follows) for a source of a page in `mode`. */
  send(url: string, mode: GuardMode, request: () => Promise<Response>): Promise<Response>;
  /** Runs a request to an address of the reader's own choosing (the judge's model server). */
  open<T>(request: () => Promise<T>): Promise<T>;
  /**
   * A page's sources in `mode` may be requested soon (their cache entries are being read): the
   * guard may get ready now (Chrome installs the mode's rules), so the first request need not wait.
   */
  prepare?(mode: GuardMode): void;
}

/** A page's sources are judged by the page's address, unless the reader allowed private addresses. */
export function guardModeOf(pageUrl: string, allowPrivate: boolean): GuardMode {
  if (allowPrivate) return 'open';
  const page = pageClass(pageUrl);
  return page === 'public' ? 'guarded' : page;
}

/** The kinds of address a send in `mode` may not reach (url.ts's rule, `checkSourceUrl`). */
export function refusedKinds(mode: GuardMode): Array<Exclude<HostClass, 'public'>> {
  if (mode === 'open') return [];
  if (mode === 'guarded') return ['loopback', 'private'];
  return mode === 'loopback' ? ['private'] : ['loopback'];
}

/** May what was fetched in mode `fetchedIn` serve a page in mode `asking` (no wider reach)? */
export function mayServe(fetchedIn: GuardMode, asking: GuardMode): boolean {
  const refusedThen = refusedKinds(fetchedIn);
  return refusedKinds(asking).every((kind) => refusedThen.includes(kind));
}

/** May a send in `mode` reach an address of this kind? */
export function mayReach(mode: GuardMode, target: HostClass): boolean {
  return target === 'public' || !refusedKinds(mode).includes(target);
}

/**
 * Runs tasks of one mode at a time: tasks of the running mode start at once unless a task of the
 * other mode waits (so neither mode starves); `enter(mode)` runs before the first task of a
 * mode, `leave(mode)` after its last. With `lingerMs`, a mode whose last task ended stays
 * entered that long: a task of the same mode arriving meanwhile starts at once, without a
 * leave and an enter (a long page's sources come in rounds, each right after the last ends);
 * a task of another mode ends the wait at once. A mode whose enter failed never lingers.
 */
export function createModeLock(
  hooks: { enter(mode: GuardMode): Promise<void>; leave(mode: GuardMode): Promise<void> },
  options: { lingerMs?: number } = {},
) {
  const lingerMs = options.lingerMs ?? 0;
  let current: GuardMode | null = null;
  let running = 0;
  // Hooks run one after another; `entered` is the current mode's enter, which its tasks await.
  let hooksDone: Promise<void> = Promise.resolve();
  let entered: Promise<void> = Promise.resolve();
  let lingering: ReturnType<typeof setTimeout> | null = null;
  const waiting: Array<{ mode: GuardMode; start: () => void }> = [];

  /** Counts a task in, synchronously, so that no task of the other mode can slip in between. */
  const begin = (mode: GuardMode) => {
    running++;
    if (current === mode) return;
    current = mode;
    entered = hooksDone.then(() => hooks.enter(mode));
    hooksDone = entered.catch(() => undefined);
  };
  const admit = () => {
    if (running > 0 || waiting.length === 0) return;
    const mode = waiting[0].mode;
    for (let i = 0; i < waiting.length; ) {
      if (waiting[i].mode !== mode) i++;
      else {
        begin(mode);
        waiting.splice(i, 1)[0].start();
      }
    }
  };
  /** Leaves the current mode (no task of it runs), then admits the waiting ones. */
  const leaveNow = () => {
    if (lingering) clearTimeout(lingering);
    lingering = null;
    const done = current!;
    current = null;
    hooksDone = hooksDone.then(() => hooks.leave(done)).catch(() => undefined);
    void hooksDone.then(admit);
  };

  async function run<T>(mode: GuardMode, task: () => Promise<T>): Promise<T> {
    // An idle mode that lingers: kept for a task of its own, left at once for another's.
    if (lingering && running === 0 && waiting.length === 0) {
      clearTimeout(lingering);
      lingering = null;
      if (current !== mode) leaveNow();
    }
    if (waiting.length === 0 && (running === 0 || current === mode)) begin(mode);
    else await new Promise<void>((start) => waiting.push({ mode, start }));
    let ready = false;
    try {
      // A mode whose enter failed (Chrome could not install its rules) runs none of its tasks.
      await entered;
      ready = true;
      return await task();
    } finally {
      running--;
      if (running === 0) {
        if (ready && lingerMs > 0 && waiting.length === 0) lingering = setTimeout(() => running === 0 && leaveNow(), lingerMs);
        else leaveNow();
      }
    }
  }
  return Object.assign(run, {
    /**
     * Enters `mode` ahead of its first task when nothing else runs or waits (it then lingers as
     * after a task); otherwise does nothing. The caller expects a request of that mode soon.
     */
    prepare(mode: GuardMode): void {
      if (waiting.length > 0 || running > 0 || (lingering && current === mode)) return;
      run(mode, async () => undefined).catch(() => undefined);
    },
  });
}

/** How long Chrome's rules of a mode stay installed after its last request (the next round's wait). */
export const RULES_LINGER_MS = 2_000;

/** The part of `declarativeNetRequest` the guard uses. */
export interface SessionRules {
  updateSessionRules(options: { addRules?: SessionRule[]; removeRuleIds?: number[] }): Promise<void>;
}

/** Chrome: declarativeNetRequest session rules, installed while guarded requests run. */
export function createRuleGuard(rules: SessionRules, extensionHost: string, options: { lingerMs?: number } = {}): RequestGuard {
  const ids = privateRuleIds();
  // Rules an earlier life of the worker left behind go first.
  const cleared = Promise.resolve().then(() => rules.updateSessionRules({ removeRuleIds: ids }));
  const rulesOf = (mode: GuardMode) => privateAddressRules(extensionHost, refusedKinds(mode));
  const lock = createModeLock(
    {
      async enter(mode) {
        await cleared.catch(() => undefined);
        // Open mode removes them too: a failed removal must not leave an open request blocked.
        await rules.updateSessionRules(mode === 'open' ? { removeRuleIds: ids } : { removeRuleIds: ids, addRules: rulesOf(mode) });
      },
      async leave(mode) {
        if (mode !== 'open') await rules.updateSessionRules({ removeRuleIds: ids });
      },
    },
    // Rules kept a while longer only refuse more: they match the extension's own GETs outside
    // tabs, and each of those runs in a mode of this lock.
    { lingerMs: options.lingerMs ?? RULES_LINGER_MS },
  );
  return {
    send: (_url, mode, request) =>
      lock(mode, async () => {
        const response = await request();
        if (response.url === PRIVATE_REFUSAL_URL) throw new PrivateAddressRefused();
        return response;
      }),
    open: (request) => lock('open', request),
    prepare: (mode) => lock.prepare(mode),
  };
}
