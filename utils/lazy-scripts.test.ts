import { describe, expect, it } from 'vitest';
import { announceLazy, LAZY_SCRIPTS, loadLazy } from './lazy-scripts';

/** A content-script world of its own, and a background that runs the script when asked. */
function world() {
  return {} as Record<string, unknown>;
}

describe('loadLazy', () => {
  it('goes on as soon as the script has run and said so, before the background answers', async () => {
    const w = world();
    const layer = () => 'layer';
    const never = new Promise<unknown>(() => undefined);
    const loaded = loadLazy<typeof layer>(
      'badges',
      () => {
        // The background runs the file in the frame; its answer is still on the way back.
        setTimeout(() => {
          w[LAZY_SCRIPTS.badges.key] = layer;
          announceLazy('badges', w);
        }, 0);
        return never;
      },
      w,
    );
    expect(await loaded).toBe(layer);
  });

  it('waits for the background when the script does not announce itself, and asks only once it is there', async () => {
    const w = world();
    let asked = 0;
    const ask = async () => {
      asked++;
      w[LAZY_SCRIPTS.card.key] = 'card';
    };
    expect(await loadLazy('card', ask, w)).toBe('card');
    expect(await loadLazy('card', ask, w)).toBe('card');
    expect(asked).toBe(1);
  });

  it('fails when the background cannot run it, or when it ran and left nothing', async () => {
    await expect(loadLazy('badges', async () => Promise.reject(new Error('no tab')), world())).rejects.toThrow('no tab');
    await expect(loadLazy('badges', async () => null, world())).rejects.toThrow('did not load');
  });

  it('is not woken by the other script announcing itself', async () => {
    const w = world();
    let settled = false;
    void loadLazy('badges', () => new Promise(() => undefined), w).then(
      () => (settled = true),
      () => (settled = true),
    );
    w[LAZY_SCRIPTS.card.key] = 'card';
    announceLazy('card', w);
    await new Promise((r) => setTimeout(r, 10));
    expect(settled).toBe(false);
  });
});
