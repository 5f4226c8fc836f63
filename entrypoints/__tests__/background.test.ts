import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import background from '../background';
import type { PageCitations } from '../../utils/extract/types';
import { FinishedReportSchema, type Report } from '../../utils/report/schema';
import { getSettings } from '../../utils/settings';
import { openSourceCache } from '../../utils/sources/cache';

const PAGE_URL = 'https://news.example/article.html';

/** A page whose only claim names no listed source: it needs no fetch to be finished. */
const UNLINKED_PAGE: PageCitations = {
  url: PAGE_URL,
  title: 'An article',
  claims: [{ id: 'c1', text: 'Shade was the most wanted improvement.', markers: ['[Source 7]'], sourceIds: [], unlinkedLabels: ['Source 7'] }],
  sources: [],
  limits: { markersCapped: false, sourcesCapped: false },
};

type Sender = { id?: string; url?: string; tab?: { id: number; url: string } };

/** Delivers a message as the browser would, with a chosen sender; undefined when nobody answers. */
async function send(message: unknown, sender: Sender): Promise<unknown> {
  return new Promise((resolve) => {
    // The fake's sender type wants a whole Tab; the background reads only these fields.
    void fakeBrowser.runtime.onMessage
      .trigger(message, sender as never, resolve)
      .then((results: unknown[]) => {
        if (!results.some((r) => r === true)) resolve(undefined);
      });
  });
}

const badgeText = vi.fn(async (_details: { tabId: number; text: string }) => undefined);

const sessionRules = vi.fn(async (_update: { addRules?: unknown[]; removeRuleIds?: number[] }) => undefined);

beforeEach(() => {
  fakeBrowser.reset();
  badgeText.mockClear();
  // The fake browser leaves the MV3 action API unimplemented.
  Object.assign(fakeBrowser.action, {
    setBadgeText: badgeText,
    setBadgeBackgroundColor: vi.fn(async () => undefined),
    setTitle: vi.fn(async () => undefined),
  });
  // Nor declarativeNetRequest, which Chrome's private-address rules use (request-guard.ts).
  Object.assign(fakeBrowser.declarativeNetRequest, { updateSessionRules: sessionRules });
  sessionRules.mockClear();
  background.main();
});

const self = () => ({ id: fakeBrowser.runtime.id });

/** Polls until `probe` gives a value (the check runs in the background's own time). */
async function until<T>(probe: () => Promise<T | null>): Promise<T> {
  for (let i = 0; i < 200; i++) {
    const value = await probe();
    if (value !== null) return value;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error('the background never got there');
}

describe('background messages', () => {
  it('ignores a message from another extension', async () => {
    expect(await send({ type: 'get-report', tabId: 1 }, { id: 'someone-else' })).toBeUndefined();
  });

  it('ignores a message that does not fit its schema', async () => {
    expect(await send({ type: 'get-report', tabId: 'one' }, self())).toBeUndefined();
    expect(await send({ type: 'format-disk' }, self())).toBeUndefined();
  });

  it('answers null for a tab it has never checked', async () => {
    expect(await send({ type: 'get-report', tabId: 41 }, self())).toEqual({ ok: true, value: null });
  });

  it('refuses a verify request that does not come from a tab', async () => {
    expect(await send({ type: 'verify', page: UNLINKED_PAGE }, self())).toMatchObject({ ok: false });
  });

  it('refuses a verify request whose page is not on its tab\'s origin', async () => {
    const answer = await send({ type: 'verify', page: UNLINKED_PAGE }, { ...self(), tab: { id: 3, url: 'http://192.168.1.1/' } });
    expect(answer).toMatchObject({ ok: false, error: expect.stringMatching(/does not match/) });
  });

  it('checks a tab\'s citations, keeps the report in session storage and sets the toolbar count', async () => {
    const answer = (await send({ type: 'verify', page: UNLINKED_PAGE }, { ...self(), tab: { id: 5, url: PAGE_URL } })) as {
      ok: true;
      value: unknown;
    };
    expect(answer.ok).toBe(true);
    const report = FinishedReportSchema.parse(answer.value);
    expect(report.claims[0].verdict).toBe('unlinked');
    // Stored, and shown on the toolbar, in the task after the answer.
    await new Promise((r) => setTimeout(r, 0));
    const stored = await fakeBrowser.storage.session.get('tab:5');
    expect(FinishedReportSchema.parse((stored['tab:5'] as { report: unknown }).report).claims).toHaveLength(1);
    expect(badgeText).toHaveBeenCalledWith({ tabId: 5, text: '1' });
    expect(await send({ type: 'get-report', tabId: 5 }, self())).toMatchObject({ ok: true, value: { state: 'done' } });
  });

  it('sets the check mode and the allowed sites in the stored settings', async () => {
    expect(await send({ type: 'set-check-mode', mode: 'allowed' }, self())).toEqual({ ok: true, value: null });
    expect(await send({ type: 'allow-site', host: 'https://www.News.example/a', allowed: true }, self())).toEqual({ ok: true, value: null });
    expect(await getSettings()).toMatchObject({ checkMode: 'allowed', allowedSites: ['news.example'] });
    await send({ type: 'allow-site', host: 'news.example', allowed: false }, self());
    expect((await getSettings()).allowedSites).toEqual([]);
    expect(await send({ type: 'set-check-mode', mode: 'sometimes' }, self())).toBeUndefined();
  });

  it('in the on-click mode, fetches nothing until a claim or the page is asked for', async () => {
    await send({ type: 'set-check-mode', mode: 'click' }, self());
    // Sources on a private address from a public page: refused by the guard, never fetched.
    const page: PageCitations = {
      ...UNLINKED_PAGE,
      claims: [1, 2].map((n) => ({ id: `c${n}`, text: `Claim ${n}.`, markers: [`[${n}]`], sourceIds: [`s${n}`], unlinkedLabels: [] })),
      sources: [1, 2].map((n) => ({ id: `s${n}`, label: `${n}`, url: `http://192.168.1.${n}/report`, domain: `192.168.1.${n}` })),
    };
    const tab = { ...self(), tab: { id: 6, url: PAGE_URL } };
    const first = (await send({ type: 'verify', page }, tab)) as { ok: true; value: Report };
    expect(first.value.claims.map((c) => c.verdict)).toEqual(['unchecked', 'unchecked']);
    await new Promise((r) => setTimeout(r, 0));
    expect(badgeText).toHaveBeenLastCalledWith({ tabId: 6, text: '2' });
    // A click on the first badge, from the page.
    await send({ type: 'check-claim', claimId: 'c1' }, tab);
    const one = await until(async () => {
      const r = (await send({ type: 'get-report', tabId: 6 }, self())) as { value: Report };
      return r.value.claims[0].verdict === 'unavailable' ? r.value : null;
    });
    expect(one.claims[1].verdict).toBe('unchecked');
    expect(one.sources.map((s) => s.status)).toEqual(['unavailable', 'pending']);
    // "Check this page", from the popup.
    await send({ type: 'check-page', tabId: 6 }, self());
    const all = await until(async () => {
      const r = (await send({ type: 'get-report', tabId: 6 }, self())) as { value: Report };
      return r.value.state === 'done' && r.value.claims.every((c) => c.verdict === 'unavailable') ? r.value : null;
    });
    expect(FinishedReportSchema.parse(all).sources.map((s) => s.reason)).toEqual(['blocked_private', 'blocked_private']);
  });

  it('an extension page open in a tab acts on the tab it names; a page acts only on its own tab', async () => {
    await send({ type: 'set-check-mode', mode: 'click' }, self());
    await send({ type: 'verify', page: UNLINKED_PAGE }, { ...self(), tab: { id: 8, url: PAGE_URL } });
    const popupInATab = { ...self(), url: fakeBrowser.runtime.getURL('/popup.html'), tab: { id: 99, url: fakeBrowser.runtime.getURL('/popup.html') } };
    expect(await send({ type: 'check-page', tabId: 8 }, popupInATab)).toMatchObject({ ok: true, value: { url: PAGE_URL } });
    const page = { ...self(), url: 'https://elsewhere.example/', tab: { id: 12, url: 'https://elsewhere.example/' } };
    expect(await send({ type: 'check-page', tabId: 8 }, page)).toEqual({ ok: true, value: null });
  });

  it('refuses to check a claim of a tab it holds no page for', async () => {
    expect(await send({ type: 'check-claim', tabId: 77, claimId: 'c1' }, self())).toEqual({ ok: true, value: null });
    expect(await send({ type: 'check-page' }, self())).toMatchObject({ ok: false, error: 'no tab named' });
  });

  it('opens the first-run page once on a new install, not on an update', async () => {
    const welcome = fakeBrowser.runtime.getURL('/welcome.html');
    const welcomeTabs = async () => (await fakeBrowser.tabs.query({})).filter((t) => t.url === welcome);
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'update', previousVersion: '0.0.9' });
    await new Promise((r) => setTimeout(r, 20));
    expect(await welcomeTabs()).toHaveLength(0);
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install' });
    const opened = await until(async () => {
      const tabs = await welcomeTabs();
      return tabs.length ? tabs : null;
    });
    expect(opened).toHaveLength(1);
  });

  it('clears the source cache on request: a stored source is gone afterwards', async () => {
    const cache = await openSourceCache({});
    const url = 'https://a.example/report';
    await cache.put({ key: url, url, status: 'unavailable', reason: 'http_error', httpStatus: 404, truncated: false, fetchedAt: Date.now(), text: '' });
    expect(await cache.get(url)).not.toBeNull();
    expect(await send({ type: 'clear-cache' }, self())).toEqual({ ok: true, value: null });
    expect(await cache.get(url)).toBeNull();
    expect((await cache.stats()).entries).toBe(0);
    cache.close();
  });
});
