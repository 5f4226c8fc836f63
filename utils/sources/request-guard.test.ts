// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { PRIVATE_REFUSAL_URL, privateAddressRules, privateRuleIds, type SessionRule } from './private-rules';
import { createModeLock, createRuleGuard, guardModeOf, mayReach, mayServe, PrivateAddressRefused, refusedKinds, type GuardMode, type SessionRules } from './request-guard';
import { checkSourceUrl } from './url';

/** A promise with its resolve, to hold a task open. */
function deferred<T = void>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}
const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

/** declarativeNetRequest's session rules, in memory, with a log of what was installed when. */
function fakeRules(options: { failAdd?: boolean } = {}) {
  const installed = new Map<number, SessionRule>();
  const log: string[] = [];
  const rules: SessionRules = {
    async updateSessionRules({ addRules = [], removeRuleIds = [] }) {
      await tick();
      if (options.failAdd && addRules.length) throw new Error('rule refused');
      for (const id of removeRuleIds) installed.delete(id);
      for (const rule of addRules) installed.set(rule.id, rule);
      log.push(`rules ${installed.size}`);
    },
  };
  return { rules, installed, log };
}

const response = (url: string) => {
  const r = new Response('text');
  Object.defineProperty(r, 'url', { value: url });
  return r;
};

describe('guardModeOf', () => {
  it.each([
    ['https://news.example.com/a', false, 'guarded'],
    ['https://news.example.com/a', true, 'open'],
    ['http://127.0.0.1:8080/article.html', false, 'loopback'],
    ['http://localhost:3000/article.html', false, 'loopback'],
    ['http://127.0.0.1:8080/article.html', true, 'open'],
    ['http://10.0.0.5/wiki/Page', false, 'private'],
    ['http://wiki.corp.internal/Page', false, 'private'],
    ['file:///home/reader/saved.html', false, 'guarded'],
  ] as const)('%s (allowPrivate %s) is %s', (pageUrl, allowPrivate, mode) => {
    expect(guardModeOf(pageUrl, allowPrivate)).toBe(mode);
  });
});

describe('mayReach: the same line as url.ts draws for a cited URL', () => {
  it.each(['https://news.example.com/a', 'http://127.0.0.1:8080/a.html', 'http://10.0.0.5/wiki/Page', 'file:///saved.html'])('for a page at %s', (pageUrl) => {
    const mode = guardModeOf(pageUrl, false);
    for (const [target, kind] of [['https://example.org/', 'public'], ['http://127.0.0.1/', 'loopback'], ['http://192.168.1.1/', 'private']] as const) {
      expect(mayReach(mode, kind)).toBe(checkSourceUrl(target, pageUrl, { allowPrivate: false }).ok);
    }
  });

  it('lets an answer fetched in one mode serve only modes that refuse no more', () => {
    const modes = ['guarded', 'loopback', 'private', 'open'] as const;
    const served = modes.map((fetchedIn) => modes.filter((asking) => mayServe(fetchedIn, asking)));
    expect(served).toEqual([['guarded', 'loopback', 'private', 'open'], ['loopback', 'open'], ['private', 'open'], ['open']]);
  });

  it('refuses both kinds in guarded mode, the other kind from a loopback or private page, none when open', () => {
    expect(refusedKinds('guarded')).toEqual(['loopback', 'private']);
    expect(refusedKinds('loopback')).toEqual(['private']);
    expect(refusedKinds('private')).toEqual(['loopback']);
    expect(refusedKinds('open')).toEqual([]);
  });
});

describe('createModeLock: one mode at a time', () => {
  function lockWithLog() {
    const log: string[] = [];
    const run = createModeLock({
      enter: async (mode) => void log.push(`enter ${mode}`),
      leave: async (mode) => void log.push(`leave ${mode}`),
    });
    const task = (mode: GuardMode, name: string, hold: Promise<void>) =>
      run(mode, async () => {
        log.push(`start ${name}`);
        await hold;
        log.push(`end ${name}`);
        return name;
      });
    return { log, task };
  }

  it('runs tasks of one mode together, and a task of the other mode only after they end', async () => {
    const { log, task } = lockWithLog();
    const a = deferred();
    const b = deferred();
    const c = deferred();
    const first = task('guarded', 'a', a.promise);
    const second = task('guarded', 'b', b.promise);
    const open = task('open', 'c', c.promise);
    await tick();
    expect(log).toEqual(['enter guarded', 'start a', 'start b']);
    a.resolve();
    await tick();
    expect(log).not.toContain('start c');
    b.resolve();
    c.resolve();
    expect(await Promise.all([first, second, open])).toEqual(['a', 'b', 'c']);
    expect(log).toEqual(['enter guarded', 'start a', 'start b', 'end a', 'end b', 'leave guarded', 'enter open', 'start c', 'end c', 'leave open']);
  });

  it('lets no task of the running mode pass one of the other mode that waits (no starvation)', async () => {
    const { log, task } = lockWithLog();
    const a = deferred();
    const first = task('guarded', 'a', a.promise);
    await tick();
    const open = task('open', 'b', Promise.resolve());
    const late = task('guarded', 'c', Promise.resolve());
    await tick();
    expect(log).toEqual(['enter guarded', 'start a']);
    a.resolve();
    await Promise.all([first, open, late]);
    expect(log.filter((l) => l.startsWith('start'))).toEqual(['start a', 'start b', 'start c']);
  });

  it('releases the lock when a task throws', async () => {
    const { log, task } = lockWithLog();
    const failing = task('guarded', 'a', Promise.reject(new Error('boom')));
    await expect(failing).rejects.toThrow('boom');
    expect(await task('open', 'b', Promise.resolve())).toBe('b');
    expect(log).toContain('leave guarded');
  });

  it('runs no task of a mode whose enter failed, and recovers for the next mode', async () => {
    let fail = true;
    const ran: string[] = [];
    const run = createModeLock({
      enter: async () => {
        if (fail) throw new Error('cannot install');
      },
      leave: async () => undefined,
    });
    await expect(run('guarded', async () => void ran.push('guarded'))).rejects.toThrow('cannot install');
    fail = false;
    await run('open', async () => void ran.push('open'));
    expect(ran).toEqual(['open']);
  });
});

describe('createModeLock: a mode lingers after its last task', () => {
  const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  function lingeringLock(lingerMs: number, enter: (mode: GuardMode) => Promise<void> = async () => undefined) {
    const log: string[] = [];
    const run = createModeLock(
      {
        enter: async (mode) => {
          log.push(`enter ${mode}`);
          await enter(mode);
        },
        leave: async (mode) => void log.push(`leave ${mode}`),
      },
      { lingerMs },
    );
    const task = (mode: GuardMode, name: string) => run(mode, async () => void log.push(`run ${name}`));
    return { log, run, task };
  }

  it('starts a task of the same mode within the linger without leaving and entering again, and leaves after it', async () => {
    const { log, task } = lingeringLock(40);
    await task('guarded', 'a');
    await tick();
    await task('guarded', 'b');
    await tick();
    expect(log).toEqual(['enter guarded', 'run a', 'run b']);
    await wait(80);
    expect(log).toEqual(['enter guarded', 'run a', 'run b', 'leave guarded']);
  });

  it('leaves a lingering mode at once for a task of another mode', async () => {
    const { log, task } = lingeringLock(10_000);
    await task('guarded', 'a');
    await task('open', 'b');
    expect(log).toEqual(['enter guarded', 'run a', 'leave guarded', 'enter open', 'run b']);
  });

  it('does not linger in a mode whose enter failed: the next task enters again', async () => {
    let fail = true;
    const { log, task } = lingeringLock(10_000, async () => {
      if (fail) throw new Error('cannot install');
    });
    await expect(task('guarded', 'a')).rejects.toThrow('cannot install');
    fail = false;
    await tick();
    await task('guarded', 'b');
    expect(log).toEqual(['enter guarded', 'leave guarded', 'enter guarded', 'run b']);
  });

  it('prepare enters a mode before its first task, and does nothing while another mode runs', async () => {
    const { log, run, task } = lingeringLock(10_000);
    run.prepare('loopback');
    await tick();
    expect(log).toEqual(['enter loopback']);
    await task('loopback', 'a');
    expect(log).toEqual(['enter loopback', 'run a']);
    const hold = deferred();
    const open = run('open', () => hold.promise);
    await tick();
    run.prepare('guarded');
    await tick();
    hold.resolve();
    await open;
    expect(log).toEqual(['enter loopback', 'run a', 'leave loopback', 'enter open']);
  });
});

describe('createRuleGuard (Chrome)', () => {
  const id = 'abcdefghijklmnopabcdefghijklmnop';

  it('clears rules left by an earlier worker, installs them for guarded requests and removes them after', async () => {
    const fake = fakeRules();
    fake.installed.set(privateRuleIds()[3], privateAddressRules(id)[0]);
    const guard = createRuleGuard(fake.rules, id, { lingerMs: 0 });
    let seen = -1;
    await guard.send('https://news.example.com/s', 'guarded', async () => {
      seen = fake.installed.size;
      return response('https://news.example.com/s');
    });
    expect(seen).toBe(privateAddressRules(id).length);
    await tick();
    await tick();
    expect(fake.installed.size).toBe(0);
  });

  it('sends open requests with no rule installed, after the guarded ones end', async () => {
    const fake = fakeRules();
    const guard = createRuleGuard(fake.rules, id);
    const hold = deferred<Response>();
    const order: string[] = [];
    const guarded = guard.send('https://news.example.com/s', 'guarded', () => {
      order.push(`guarded with ${fake.installed.size} rules`);
      return hold.promise;
    });
    const open = guard.open(async () => {
      order.push(`open with ${fake.installed.size} rules`);
      return 'ok';
    });
    await tick();
    await tick();
    hold.resolve(response('https://news.example.com/s'));
    await guarded;
    expect(await open).toBe('ok');
    expect(order).toEqual([`guarded with ${privateAddressRules(id).length} rules`, 'open with 0 rules']);
  });

  it('installs, for a loopback page’s requests, the rules for private addresses only, and the reverse for a private page', async () => {
    const fake = fakeRules();
    const guard = createRuleGuard(fake.rules, id, { lingerMs: 0 });
    const seen: Record<string, string[]> = {};
    const record = (mode: GuardMode) =>
      guard.send('http://127.0.0.1:8080/s', mode, async () => {
        seen[mode] = [...fake.installed.values()].map((r) => r.condition.regexFilter);
        return response('http://127.0.0.1:8080/s');
      });
    await Promise.all([record('loopback'), record('private')]);
    expect(seen.loopback).toEqual(privateAddressRules(id, ['private']).map((r) => r.condition.regexFilter));
    expect(seen.private).toEqual(privateAddressRules(id, ['loopback']).map((r) => r.condition.regexFilter));
    await tick();
    await tick();
    expect(fake.installed.size).toBe(0);
  });

  it('keeps the rules between two rounds of guarded requests, and removes them once none came for a while', async () => {
    const fake = fakeRules();
    const guard = createRuleGuard(fake.rules, id, { lingerMs: 50 });
    const sizes: number[] = [];
    const request = () =>
      guard.send('https://news.example.com/s', 'guarded', async () => {
        sizes.push(fake.installed.size);
        return response('https://news.example.com/s');
      });
    await request();
    await tick();
    await request();
    expect(sizes).toEqual([privateAddressRules(id).length, privateAddressRules(id).length]);
    // Cleared at start, installed once; not removed and installed again between the two.
    expect(fake.log).toEqual(['rules 0', `rules ${privateAddressRules(id).length}`]);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(fake.installed.size).toBe(0);
  });

  it('turns a request that landed on the refusal marker into PrivateAddressRefused', async () => {
    const guard = createRuleGuard(fakeRules().rules, id);
    await expect(guard.send('https://news.example.com/s', 'guarded', async () => response(PRIVATE_REFUSAL_URL))).rejects.toBeInstanceOf(PrivateAddressRefused);
  });

  it('sends no guarded request when the rules cannot be installed', async () => {
    const guard = createRuleGuard(fakeRules({ failAdd: true }).rules, id);
    let sent = false;
    await expect(
      guard.send('https://news.example.com/s', 'guarded', async () => {
        sent = true;
        return response('https://news.example.com/s');
      }),
    ).rejects.toThrow('rule refused');
    expect(sent).toBe(false);
  });
});
