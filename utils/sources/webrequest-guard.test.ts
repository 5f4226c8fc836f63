// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { PrivateAddressRefused } from './request-guard';
import { createWebRequestGuard, type BlockingWebRequest } from './webrequest-guard';

const ORIGIN = 'moz-extension://4b8f2a8e-3c1d-4e5f-9a7b-6c2d1e0f3a9b/';
type Listener = Parameters<BlockingWebRequest['onBeforeRequest']['addListener']>[0];

/** Firefox's webRequest as the guard sees it: one blocking listener, called by the test per hop. */
function fakeWebRequest() {
  const registered: Array<{ listener: Listener; filter: { urls: string[]; tabId?: number }; extra: string[] }> = [];
  const webRequest: BlockingWebRequest = {
    onBeforeRequest: { addListener: (listener, filter, extra) => void registered.push({ listener, filter, extra }) },
  };
  /** One hop of one request, as Firefox reports it; the listener's answer. */
  const hop = (requestId: string, url: string, originUrl = `${ORIGIN}_generated_background_page.html`) =>
    registered[0].listener({ requestId, url, tabId: -1, originUrl });
  return { webRequest, registered, hop };
}

const ok = () => new Response('text');

describe('createWebRequestGuard (Firefox)', () => {
  it('listens, blocking, to requests outside tabs only', () => {
    const fake = fakeWebRequest();
    createWebRequestGuard(fake.webRequest, ORIGIN);
    expect(fake.registered.map((r) => [r.filter, r.extra])).toEqual([[{ urls: ['<all_urls>'], tabId: -1 }, ['blocking']]]);
  });

  it('cancels a guarded request’s hop to a private address, and the send says so', async () => {
    const fake = fakeWebRequest();
    const guard = createWebRequestGuard(fake.webRequest, ORIGIN);
    const answers: unknown[] = [];
    const sent = guard.send('https://news.example.com/moved#part', 'guarded', async () => {
      answers.push(fake.hop('7', 'https://news.example.com/moved'));
      answers.push(fake.hop('7', 'https://cdn.example.net/moved'));
      answers.push(fake.hop('7', 'http://192.168.1.1/admin'));
      throw new TypeError('NetworkError when attempting to fetch resource.');
    });
    await expect(sent).rejects.toEqual(new PrivateAddressRefused('http://192.168.1.1/admin'));
    expect(answers).toEqual([undefined, undefined, { cancel: true }]);
  });

  it('lets an open request (a loopback page’s) reach private addresses', async () => {
    const fake = fakeWebRequest();
    const guard = createWebRequestGuard(fake.webRequest, ORIGIN);
    const answers: unknown[] = [];
    await guard.send('http://127.0.0.1:8080/sources/a.html', 'open', async () => {
      answers.push(fake.hop('8', 'http://127.0.0.1:8080/sources/a.html'), fake.hop('8', 'http://127.0.0.1:8080/sources/b.html'));
      return ok();
    });
    expect(answers).toEqual([undefined, undefined]);
  });

  it('leaves alone requests it was not asked to send, and other origins’ requests', async () => {
    const fake = fakeWebRequest();
    const guard = createWebRequestGuard(fake.webRequest, ORIGIN);
    expect(fake.hop('1', 'http://127.0.0.1:11434/v1/models')).toBeUndefined();
    await guard.send('https://news.example.com/s', 'guarded', async () => {
      expect(fake.hop('2', 'https://news.example.com/s', 'moz-extension://another-extension/bg.html')).toBeUndefined();
      expect(fake.hop('2', 'http://10.0.0.1/', 'moz-extension://another-extension/bg.html')).toBeUndefined();
      return ok();
    });
  });

  it('takes a URL sent at once in both modes as guarded', async () => {
    const fake = fakeWebRequest();
    const guard = createWebRequestGuard(fake.webRequest, ORIGIN);
    const answers: unknown[] = [];
    const hold = Promise.resolve();
    const open = guard.send('https://short.example/x', 'open', async () => {
      await hold;
      return ok();
    });
    const guarded = guard.send('https://short.example/x', 'guarded', async () => {
      answers.push(fake.hop('9', 'https://short.example/x'), fake.hop('9', 'http://10.0.0.9/'));
      throw new TypeError('NetworkError');
    });
    await expect(guarded).rejects.toBeInstanceOf(PrivateAddressRefused);
    await open;
    expect(answers).toEqual([undefined, { cancel: true }]);
  });

  it('forgets a send once it is answered: a later request with its id is not judged by it', async () => {
    const fake = fakeWebRequest();
    const guard = createWebRequestGuard(fake.webRequest, ORIGIN);
    await guard.send('https://news.example.com/s', 'guarded', async () => {
      fake.hop('3', 'https://news.example.com/s');
      return ok();
    });
    expect(fake.hop('3', 'http://10.0.0.1/')).toBeUndefined();
  });
});
