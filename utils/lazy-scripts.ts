/**
 * Code the content script takes into its world only when a page needs it: extraction once the
 * pre-check finds citation hints, the badges once a page has claims, the hover card once the
 * reader first opens one. The background runs the file in the
 * sender's frame (`load-script`); the script leaves what it makes under its key, in the tab's
 * content-script world, which the page's own scripts cannot see. Pages without citations load
 * none of them, and the content script every page pays for stays small.
 *
 * A script that has run says so in that world too (`announceLazy`): the content script goes on
 * then, without waiting for the background's answer, which comes back through the worker (on a
 * loaded machine tens of milliseconds later, after the page's first report).
 */
export const LAZY_SCRIPTS = {
  extract: { file: '/extract.js', key: '__citecheckExtractor' },
  badges: { file: '/badges.js', key: '__citecheckBadgeLayer' },
  card: { file: '/card.js', key: '__citecheckCardRenderer' },
} as const;

export type LazyScript = keyof typeof LAZY_SCRIPTS;
export const LAZY_SCRIPT_NAMES = Object.keys(LAZY_SCRIPTS) as [LazyScript, ...LazyScript[]];

/** Where a lazy script that has run calls the content script back, in their shared world. */
const READY_HOOK = '__citecheckLazyReady';

type World = Record<string, unknown>;

/** Called by a lazy script once it has left its value under its key. */
export function announceLazy(script: LazyScript, world: World = globalThis as World): void {
  (world[READY_HOOK] as ((script: LazyScript) => void) | undefined)?.(script);
}

/**
 * Runs a lazy script in this frame's content-script world (once) and gives what it left there:
 * `ask` asks the background to run it. Resolves as soon as the script has run (it announces
 * itself) or the background answers, whichever comes first; rejects if the background cannot run
 * it, or if it ran and left nothing.
 */
export async function loadLazy<T>(script: LazyScript, ask: (script: LazyScript) => Promise<unknown>, world: World = globalThis as World): Promise<T> {
  const { key } = LAZY_SCRIPTS[script];
  if (!world[key]) {
    const waiting = (world[READY_HOOK + 'Waiting'] ??= new Map<LazyScript, Array<() => void>>()) as Map<LazyScript, Array<() => void>>;
    world[READY_HOOK] ??= (done: LazyScript) => {
      for (const resolve of waiting.get(done) ?? []) resolve();
      waiting.delete(done);
    };
    const announced = new Promise<void>((resolve) => waiting.set(script, [...(waiting.get(script) ?? []), resolve]));
    const asked = ask(script);
    // Once announced, a late failure of the request changes nothing.
    asked.catch(() => undefined);
    await Promise.race([announced, asked]);
  }
  const value = world[key] as T | undefined;
  if (!value) throw new Error(`the ${script} script did not load`);
  return value;
}
