import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  DEFAULT_SETTINGS,
  defineSettingsItem,
  getSettings,
  isSiteEnabled,
  normalizeHostname,
  normalizeSettings,
  saveSettings,
  updateSettings,
  withAllowedSite,
  withSite,
  checksAutomatically,
  settingsItem,
} from './settings';

beforeEach(() => {
  fakeBrowser.reset();
});

/** What a reader starts with, written out here on purpose: a change to a default must show up as a failing test. */
const FIRST_RUN = {
  enabled: true,
  disabledSites: [],
  cacheTtlHours: 24,
  useLogins: false,
  allowPrivate: false,
  waybackLookup: false,
  checkMode: 'auto',
  allowedSites: [],
  badgeStyle: 'auto',
  judge: { tier: 'off', baseUrl: 'http://127.0.0.1:11434/v1', model: '', allowNonLoopback: false },
};

describe('settings storage', () => {
  it('starts with everything that widens fetching turned off', async () => {
    const settings = await getSettings();
    expect(settings).toEqual(FIRST_RUN);
  });

  it('keeps the Wayback lookup off unless the reader turns it on, and repairs a bad value', () => {
    expect(DEFAULT_SETTINGS.waybackLookup).toBe(false);
    expect(normalizeSettings({ waybackLookup: 'yes' }).waybackLookup).toBe(false);
    expect(normalizeSettings({ waybackLookup: true }).waybackLookup).toBe(true);
  });

  it('keeps the on-device judge off unless the reader turns it on, and repairs a bad judge entry', () => {
    expect(DEFAULT_SETTINGS.judge.tier).toBe('off');
    expect(normalizeSettings({ judge: { tier: 'cloud', baseUrl: 7, allowNonLoopback: 'yes' } }).judge).toEqual(DEFAULT_SETTINGS.judge);
    expect(normalizeSettings({ judge: 'on' }).judge).toEqual(DEFAULT_SETTINGS.judge);
    expect(normalizeSettings({ judge: { ...DEFAULT_SETTINGS.judge, tier: 'local-server', model: 'llama3.2' } }).judge).toMatchObject({
      tier: 'local-server',
      model: 'llama3.2',
    });
  });

  it('saves and reads back', async () => {
    await saveSettings({ ...DEFAULT_SETTINGS, cacheTtlHours: 6, disabledSites: ['www.Example.com'] });
    expect(await getSettings()).toMatchObject({ cacheTtlHours: 6, disabledSites: ['example.com'] });
    const stored = await fakeBrowser.storage.local.get('settings');
    expect(stored.settings).toMatchObject({ cacheTtlHours: 6 });
  });

  it('updates one field and keeps the rest', async () => {
    await updateSettings((s) => ({ ...s, useLogins: true }));
    expect(await getSettings()).toMatchObject({ useLogins: true, enabled: true, cacheTtlHours: 24 });
  });

  it('repairs a stored value that is partial or hand-edited, field by field', async () => {
    await fakeBrowser.storage.local.set({ settings: { enabled: 'yes', cacheTtlHours: -3, allowPrivate: true } });
    expect(await getSettings()).toEqual({ ...DEFAULT_SETTINGS, allowPrivate: true });
  });

  it('runs migrations from an older stored version', async () => {
    await fakeBrowser.storage.local.set({ settings: { on: false, ttl: 2 }, 'settings$': { v: 1 } });
    const item = defineSettingsItem(2, {
      2: (old: unknown) => {
        const v = old as { on: boolean; ttl: number };
        return { ...DEFAULT_SETTINGS, enabled: v.on, cacheTtlHours: v.ttl };
      },
    });
    await item.migrate();
    expect(normalizeSettings(await item.getValue())).toMatchObject({ enabled: false, cacheTtlHours: 2 });
    expect(await item.getMeta()).toMatchObject({ v: 2 });
  });
});

describe('version 2: check modes', () => {
  it('migrates a version 1 value, keeping what the reader set and checking automatically', async () => {
    await fakeBrowser.storage.local.set({
      settings: { enabled: true, disabledSites: ['example.com'], cacheTtlHours: 6, useLogins: true, allowPrivate: false },
      'settings$': { v: 1 },
    });
    await settingsItem.migrate();
    expect(await getSettings()).toEqual({ ...FIRST_RUN, disabledSites: ['example.com'], cacheTtlHours: 6, useLogins: true });
    expect(await settingsItem.getMeta()).toMatchObject({ v: 2 });
  });

  it('keeps the check mode, sites and badge style of a value met before its version mark', async () => {
    // Another context's first write: the value has landed, its version mark not yet. A page that
    // loads now migrates it as version 1; the reader's choices must come through.
    await fakeBrowser.storage.local.set({
      settings: { ...FIRST_RUN, checkMode: 'click', allowedSites: ['example.org'], badgeStyle: 'full' },
    });
    const item = defineSettingsItem();
    await item.migrate();
    expect(normalizeSettings(await item.getValue())).toMatchObject({ checkMode: 'click', allowedSites: ['example.org'], badgeStyle: 'full' });
    expect(await item.getMeta()).toMatchObject({ v: 2 });
  });

  it('repairs an unknown check mode or badge style to the defaults', () => {
    expect(normalizeSettings({ checkMode: 'sometimes', badgeStyle: 'huge', allowedSites: 'all' })).toMatchObject({
      checkMode: 'auto',
      badgeStyle: 'auto',
      allowedSites: [],
    });
  });

  it.each([
    ['auto', [], 'example.com', true],
    ['click', ['example.com'], 'example.com', false],
    ['allowed', ['example.com'], 'news.example.com', true],
    ['allowed', ['example.com'], 'badexample.com', false],
    ['allowed', [], 'example.com', false],
  ] as const)('mode %s with allowed sites %j checks %s automatically: %s', (checkMode, allowedSites, host, expected) => {
    expect(checksAutomatically({ checkMode, allowedSites: [...allowedSites] }, host)).toBe(expected);
  });

  it('adds and removes an allowed site by its normalised host', () => {
    const added = withAllowedSite(DEFAULT_SETTINGS, 'https://www.Example.com/a', true);
    expect(added.allowedSites).toEqual(['example.com']);
    expect(withAllowedSite(added, 'example.com', true).allowedSites).toEqual(['example.com']);
    expect(withAllowedSite(added, 'example.com', false).allowedSites).toEqual([]);
    expect(normalizeSettings({ allowedSites: ['WWW.a.org', 'a.org', '!!'] }).allowedSites).toEqual(['a.org']);
  });
});

describe('sites', () => {
  it.each([
    ['example.com', 'example.com'],
    ['WWW.Example.com.', 'example.com'],
    ['https://www.example.com/path?q=1', 'example.com'],
    ['news.example.com:8080', 'news.example.com'],
    ['not a host!', ''],
    ['   ', ''],
  ])('normalizeHostname(%j) is %j', (input, expected) => {
    expect(normalizeHostname(input)).toBe(expected);
  });

  it.each([
    [{ enabled: true, disabledSites: [] }, 'example.com', true],
    [{ enabled: false, disabledSites: [] }, 'example.com', false],
    [{ enabled: true, disabledSites: ['example.com'] }, 'www.example.com', false],
    [{ enabled: true, disabledSites: ['example.com'] }, 'news.example.com', false],
    [{ enabled: true, disabledSites: ['example.com'] }, 'badexample.com', true],
    [{ enabled: true, disabledSites: ['news.example.com'] }, 'example.com', true],
  ])('with %j, %s is enabled: %s', (partial, host, expected) => {
    expect(isSiteEnabled({ ...DEFAULT_SETTINGS, ...partial }, host)).toBe(expected);
  });

  it('turns a site off and on again', () => {
    const off = withSite(DEFAULT_SETTINGS, 'https://www.example.com/a', false);
    expect(off.disabledSites).toEqual(['example.com']);
    expect(withSite(off, 'example.com', true).disabledSites).toEqual([]);
    expect(withSite(DEFAULT_SETTINGS, '!!', false)).toBe(DEFAULT_SETTINGS);
  });

  it('turning a subdomain on lifts the parent entry that covered it, and only that', () => {
    const settings = { ...DEFAULT_SETTINGS, disabledSites: ['example.com', 'other.org'] };
    const next = withSite(settings, 'news.example.com', true);
    expect(next.disabledSites).toEqual(['other.org']);
    expect(isSiteEnabled(next, 'news.example.com')).toBe(true);
  });
});
