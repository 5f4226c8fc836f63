/**
 * The fixture source server for one test file: started before the file's first test, closed after
 * its last, and (unless `resetEach` is false) its request counts cleared before each test.
 * Returns a stand-in that forwards to the running server, so tests read `server.url` as usual.
 */
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { startSourceServer, type SourceServer } from './source-server';

export function useSourceServer({ resetEach = true } = {}): SourceServer {
  let running: SourceServer | undefined;
  beforeAll(async () => {
    running = await startSourceServer();
  });
  afterAll(async () => {
    await running?.close();
  });
  if (resetEach) beforeEach(() => running!.reset());
  return new Proxy({} as SourceServer, {
    get(_target, key) {
      if (!running) throw new Error('the source server is used before it started (outside a test?)');
      const value = Reflect.get(running, key);
      return typeof value === 'function' ? value.bind(running) : value;
    },
  });
}
