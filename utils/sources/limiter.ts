/**
 * How many requests run at once: a queue that starts each waiter, first come first served, once
 * both its host and the whole loader have a free slot (the numbers are in limits.ts).
 */

/** A FIFO of waiters with a per-host and a global limit. */
export function createLimiter(perHost: number, total: number) {
  const active = new Map<string, number>();
  let running = 0;
  const queue: Array<{ host: string; start: () => void }> = [];
  const pump = () => {
    for (let i = 0; i < queue.length && running < total; ) {
      const waiter = queue[i];
      if ((active.get(waiter.host) ?? 0) < perHost) {
        queue.splice(i, 1);
        running++;
        active.set(waiter.host, (active.get(waiter.host) ?? 0) + 1);
        waiter.start();
      } else {
        i++;
      }
    }
  };
  const release = (host: string) => {
    running--;
    const left = (active.get(host) ?? 1) - 1;
    if (left > 0) active.set(host, left);
    else active.delete(host);
    pump();
  };
  return {
    async run<T>(host: string, task: () => Promise<T>): Promise<T> {
      await new Promise<void>((resolve) => {
        queue.push({ host, start: resolve });
        pump();
      });
      try {
        return await task();
      } finally {
        release(host);
      }
    },
    get running() {
      return running;
    },
  };
}
