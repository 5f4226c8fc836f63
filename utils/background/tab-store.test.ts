import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createSessionTabStore, tabKey } from './tab-store';
import type { TabEntry } from '../checker';

const ENTRY: TabEntry = {
  key: 'k',
  page: { url: 'https://a.example/', title: 'A', claims: [], sources: [], limits: { markersCapped: false, sourcesCapped: false } },
  report: { url: 'https://a.example/', title: 'A', checkedAt: '2026-01-01T00:00:00.000Z', claims: [], sources: [], state: 'done' },
};

beforeEach(() => fakeBrowser.reset());

describe('session tab store', () => {
  it('keeps each tab under its own key, and forgets one without touching another', async () => {
    const store = createSessionTabStore(fakeBrowser.storage.session);
    await store.set(1, ENTRY);
    await store.set(2, { ...ENTRY, key: 'other' });
    expect(await store.get(1)).toEqual(ENTRY);
    expect(Object.keys(await fakeBrowser.storage.session.get(null))).toEqual([tabKey(1), tabKey(2)]);
    await store.remove(1);
    expect(await store.get(1)).toBeUndefined();
    expect(await store.get(2)).toMatchObject({ key: 'other' });
  });
});
