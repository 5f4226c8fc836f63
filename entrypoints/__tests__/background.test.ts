import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import background from '../background';
import type { PageCitations } from '../../utils/extract/types';
import { FinishedReportSchema } from '../../utils/report/schema';
import { getSettings } from '../../utils/settings';

const PAGE_URL = 'https://news.example/article.html';

/** A page whose only claim names no listed source: it needs no fetch to be finished. */
const UNLINKED_PAGE: PageCitations = {
  url: PAGE_URL,
  title: 'An article',
  claims: [{ id: 'c1', text: 'Shade was the most wanted improvement.', markers: ['[Source 7]'], sourceIds: [], unlinkedLabels: ['Source 7'] }],
  sources: [],
  limits: { markersCapped: false, sourcesCapped: false },
};

type Sender = { id?: string; tab?: { id: number; url: string } };

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

beforeEach(() => {
  fakeBrowser.reset();
  badgeText.mockClear();
  // The fake browser leaves the MV3 action API unimplemented.
  Object.assign(fakeBrowser.action, {
    setBadgeText: badgeText,
    setBadgeBackgroundColor: vi.fn(async () => undefined),
    setTitle: vi.fn(async () => undefined),
  });
  background.main();
});

const self = () => ({ id: fakeBrowser.runtime.id });

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

  it('clears the source cache on request', async () => {
    expect(await send({ type: 'clear-cache' }, self())).toEqual({ ok: true, value: null });
  });
});
