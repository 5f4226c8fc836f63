// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { PrivateAddressRefused } from './request-guard';
import { classifyAddress, createWebRequestGuard, type BlockingWebRequest, type DnsResolver } from './webrequest-guard';

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

  it('lets an open request (private addresses allowed) reach private addresses', async () => {
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

  it('sends a URL sent at once in open and guarded mode one after the other, the guarded one judged as guarded', async () => {
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

  it('lets a loopback page’s request reach loopback, and cancels its hop to a private address', async () => {
    const fake = fakeWebRequest();
    const guard = createWebRequestGuard(fake.webRequest, ORIGIN);
    const answers: unknown[] = [];
    const sent = guard.send('http://127.0.0.1:8080/sources/a.html', 'loopback', async () => {
      answers.push(fake.hop('11', 'http://127.0.0.1:8080/sources/a.html'), fake.hop('11', 'http://localhost:8080/b'), fake.hop('11', 'http://192.168.1.1/'));
      throw new TypeError('NetworkError');
    });
    await expect(sent).rejects.toEqual(new PrivateAddressRefused('http://192.168.1.1/'));
    expect(answers).toEqual([undefined, undefined, { cancel: true }]);
  });

  it('lets a private page’s request reach private addresses, and cancels its hop to loopback', async () => {
    const fake = fakeWebRequest();
    const guard = createWebRequestGuard(fake.webRequest, ORIGIN);
    const answers: unknown[] = [];
    const sent = guard.send('http://10.0.0.5/wiki/a', 'private', async () => {
      answers.push(fake.hop('12', 'http://10.0.0.5/wiki/a'), fake.hop('12', 'http://wiki.corp.internal/b'), fake.hop('12', 'http://[::1]:631/'));
      throw new TypeError('NetworkError');
    });
    await expect(sent).rejects.toEqual(new PrivateAddressRefused('http://[::1]:631/'));
    expect(answers).toEqual([undefined, undefined, { cancel: true }]);
  });

  it('judges a URL sent at once by a loopback page and a private page by each page’s own mode, one send after the other', async () => {
    const fake = fakeWebRequest();
    const guard = createWebRequestGuard(fake.webRequest, ORIGIN);
    const answers: unknown[] = [];
    const fromPrivate = guard.send('https://shared.example/x', 'private', async () => {
      answers.push(fake.hop('13', 'https://shared.example/x'), fake.hop('13', 'http://10.0.0.7/'), fake.hop('13', 'http://127.0.0.1/'));
      throw new TypeError('NetworkError');
    });
    const fromLoopback = guard.send('https://shared.example/x', 'loopback', async () => {
      answers.push(fake.hop('14', 'https://shared.example/x'), fake.hop('14', 'http://127.0.0.1/'), fake.hop('14', 'http://10.0.0.7/'));
      throw new TypeError('NetworkError');
    });
    await expect(fromPrivate).rejects.toEqual(new PrivateAddressRefused('http://127.0.0.1/'));
    await expect(fromLoopback).rejects.toEqual(new PrivateAddressRefused('http://10.0.0.7/'));
    expect(answers).toEqual([undefined, undefined, { cancel: true }, undefined, undefined, { cancel: true }]);
  });

  it('lets sends of one URL in the same mode overlap, and tells each of a cancelled request', async () => {
    const fake = fakeWebRequest();
    const guard = createWebRequestGuard(fake.webRequest, ORIGIN);
    const order: string[] = [];
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const first = guard.send('https://same.example/x', 'guarded', async () => {
      order.push('first');
      await held;
      return ok();
    });
    const second = guard.send('https://same.example/x', 'guarded', async () => {
      order.push('second');
      expect(fake.hop('15', 'https://same.example/x')).toBeUndefined();
      expect(fake.hop('15', 'http://192.168.0.1/')).toEqual({ cancel: true });
      release();
      throw new TypeError('NetworkError');
    });
    await expect(second).rejects.toBeInstanceOf(PrivateAddressRefused);
    // The request could have been either send's: both say it was refused.
    await expect(first).rejects.toBeInstanceOf(PrivateAddressRefused);
    expect(order).toEqual(['first', 'second']);
  });

  it('never judges a public page’s request by another page’s mode: a URL sent at once from a loopback page and a public page is sent by one, then the other', async () => {
    const fake = fakeWebRequest();
    const guard = createWebRequestGuard(fake.webRequest, ORIGIN);
    const answers: Record<string, unknown[]> = { loopback: [], guarded: [] };
    // Firefox may report the loopback page's request first, although the public page's send began first.
    let loopbackSent!: () => void;
    const afterLoopback = new Promise<void>((resolve) => (loopbackSent = resolve));
    const fromPublic = guard.send('https://both.example/x', 'guarded', async () => {
      await afterLoopback;
      answers.guarded.push(fake.hop('31', 'https://both.example/x'), fake.hop('31', 'http://127.0.0.1:9/admin'));
      throw new TypeError('NetworkError');
    });
    const fromLoopback = guard.send('https://both.example/x', 'loopback', async () => {
      answers.loopback.push(fake.hop('30', 'https://both.example/x'), fake.hop('30', 'http://127.0.0.1:9/admin'));
      loopbackSent();
      return ok();
    });
    // A guard that serialises the two sends must still let the public one run.
    setTimeout(loopbackSent, 0);
    await expect(fromPublic).rejects.toEqual(new PrivateAddressRefused('http://127.0.0.1:9/admin'));
    expect(answers.guarded).toEqual([undefined, { cancel: true }]);
    // The loopback page's own request reaches loopback, and its send is not told it was refused.
    await expect(fromLoopback).resolves.toBeInstanceOf(Response);
    expect(answers.loopback).toEqual([undefined, undefined]);
  });
});

describe('createWebRequestGuard (Firefox): where a name points', () => {
  /** Firefox's resolver as the guard sees it, answering from a table and logging each name asked. */
  function fakeDns(table: Record<string, string[]>) {
    const asked: string[] = [];
    const dns: DnsResolver = {
      async resolve(hostname) {
        asked.push(hostname);
        const addresses = table[hostname];
        if (!addresses) throw new Error('NS_ERROR_UNKNOWN_HOST');
        return { addresses };
      },
    };
    return { dns, asked };
  }
  const TABLE = {
    'news.example.com': ['93.184.215.14', '2606:2800:21f:cb07:6820:80da:af6b:8b2c'],
    'rebind.example.net': ['127.0.0.1'],
    'mixed.example.net': ['93.184.215.14', '10.0.0.7'],
    'metadata.example.net': ['169.254.169.254'],
    'v6-loopback.example.net': ['::1'],
    'mapped.example.net': ['::ffff:192.168.1.1'],
    'link.example.net': ['fe80::1%eth0'],
  };

  async function hops(mode: 'guarded' | 'loopback' | 'private' | 'open', urls: string[], dns: DnsResolver) {
    const fake = fakeWebRequest();
    const guard = createWebRequestGuard(fake.webRequest, ORIGIN, dns);
    const answers: unknown[] = [];
    const outcome = await guard
      .send(urls[0], mode, async () => {
        for (const url of urls) answers.push(await fake.hop('21', url));
        return ok();
      })
      .then(
        () => 'read',
        (error) => (error instanceof PrivateAddressRefused ? `refused ${error.target}` : `failed ${error}`),
      );
    return { answers, outcome };
  }

  it.each([
    ['http://rebind.example.net/a', 'loopback (127.0.0.1)'],
    ['http://metadata.example.net/latest/meta-data/', 'link-local (169.254.169.254)'],
    ['http://v6-loopback.example.net:8080/', 'IPv6 loopback'],
    ['http://mapped.example.net/', 'IPv4-mapped private'],
    ['http://link.example.net/', 'IPv6 link-local with a zone'],
    ['http://mixed.example.net/', 'one private address among public ones'],
  ])('cancels a public page’s request to %s, a name that resolves to %s', async (url) => {
    const { dns } = fakeDns(TABLE);
    expect(await hops('guarded', [url], dns)).toEqual({ answers: [{ cancel: true }], outcome: `refused ${url}` });
  });

  it('cancels the hop, not the public hops before it, when a redirect reaches such a name', async () => {
    const { dns, asked } = fakeDns(TABLE);
    const result = await hops('guarded', ['https://news.example.com/moved', 'http://rebind.example.net/admin'], dns);
    expect(result).toEqual({ answers: [undefined, { cancel: true }], outcome: 'refused http://rebind.example.net/admin' });
    expect(asked).toEqual(['news.example.com', 'rebind.example.net']);
  });

  it('lets through a name whose every address is public, and a name Firefox cannot resolve', async () => {
    const { dns } = fakeDns(TABLE);
    expect(await hops('guarded', ['https://news.example.com/a', 'https://unknown.example.org/'], dns)).toEqual({ answers: [undefined, undefined], outcome: 'read' });
  });

  it('asks nothing for address literals, names private by their spelling, or open requests', async () => {
    const { dns, asked } = fakeDns(TABLE);
    expect((await hops('guarded', ['http://93.184.215.14/', 'http://[2606:4700::1111]/'], dns)).outcome).toBe('read');
    expect((await hops('guarded', ['http://router.local/'], dns)).outcome).toBe('refused http://router.local/');
    expect((await hops('open', ['http://rebind.example.net/'], dns)).outcome).toBe('read');
    expect(asked).toEqual([]);
  });

  it('judges a resolved address by the page, as a URL’s host is: a loopback page may reach a name on loopback, not one on 10.x', async () => {
    const { dns } = fakeDns(TABLE);
    expect((await hops('loopback', ['http://rebind.example.net/a'], dns)).outcome).toBe('read');
    expect((await hops('loopback', ['http://mixed.example.net/a'], dns)).outcome).toBe('refused http://mixed.example.net/a');
    expect((await hops('private', ['http://mixed.example.net/a'], dns)).outcome).toBe('read');
    expect((await hops('private', ['http://rebind.example.net/a'], dns)).outcome).toBe('refused http://rebind.example.net/a');
  });

  it('classifies addresses as dns.resolve writes them', () => {
    expect(['127.0.0.1', '::1', '10.1.2.3', 'fe80::1%eth0', '::ffff:127.0.0.1', '8.8.8.8', '2606:4700::1111'].map(classifyAddress)).toEqual([
      'loopback',
      'loopback',
      'private',
      'private',
      'loopback',
      'public',
      'public',
    ]);
  });
});
