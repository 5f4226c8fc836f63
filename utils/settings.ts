/**
 * The reader's settings: one versioned storage item in `storage.local`.
 *
 * Judgement calls:
 * - Everything that widens what Citecheck fetches (the reader's logins, private-network sources)
 *   is off by default; matching thresholds are not settings at all.
 * - A stored value is parsed field by field, each with its own default, so a value written by an
 *   older or newer version, or edited by hand, never breaks the extension: bad fields fall back.
 * - Turning a site off covers its subdomains ("example.com" also turns off "news.example.com");
 *   "www." is ignored on both sides.
 * - When the shape changes, bump SETTINGS_VERSION and add a migration keyed by the new version.
 */
import { storage } from 'wxt/utils/storage';
import { DEFAULT_SETTINGS, normalizeHostname, normalizeSettings, SETTINGS_STORAGE_KEY, type Settings } from './settings-core';

export * from './settings-core';

export const SETTINGS_KEY = `local:${SETTINGS_STORAGE_KEY}` as const;
export const SETTINGS_VERSION = 2;

/** Migrations keyed by the version they produce; each takes the stored value of the version before. */
export const SETTINGS_MIGRATIONS: Record<number, (old: unknown) => unknown> = {
  // 2: check modes and badge styles. A reader of version 1 had every page checked at once with
  // full badges; they keep automatic checking, and long pages get the compact badge. A field the
  // value already has is kept: a page that loads while another context writes a first value
  // (the value lands before its version mark) reads that value as version 1 and migrates it, and
  // must not turn the reader's new "only when I click" back into automatic checking.
  2: (old: unknown) => {
    const value: Record<string, unknown> = old && typeof old === 'object' ? { ...old } : {};
    value.checkMode ??= 'auto';
    value.allowedSites ??= [];
    value.badgeStyle ??= 'auto';
    return value;
  },
};

/** Builds the settings item; tests build it with other versions to exercise migrations. */
export function defineSettingsItem(
  version: number = SETTINGS_VERSION,
  migrations: Record<number, (old: unknown) => unknown> = SETTINGS_MIGRATIONS,
) {
  return storage.defineItem<Settings>(SETTINGS_KEY, {
    fallback: DEFAULT_SETTINGS,
    version,
    migrations,
  });
}

export const settingsItem = defineSettingsItem();

export async function getSettings(): Promise<Settings> {
  return normalizeSettings(await settingsItem.getValue());
}

export async function saveSettings(settings: Settings): Promise<void> {
  await settingsItem.setValue(normalizeSettings(settings));
}

/** Applies a change to the stored settings and returns the result. */
export async function updateSettings(change: (current: Settings) => Settings): Promise<Settings> {
  const next = normalizeSettings(change(await getSettings()));
  await settingsItem.setValue(next);
  return next;
}

/** Adds a site to, or removes it from, the sites checked automatically in the `allowed` mode. */
export function withAllowedSite(settings: Settings, hostname: string, allowed: boolean): Settings {
  const host = normalizeHostname(hostname);
  if (!host) return settings;
  const rest = settings.allowedSites.filter((site) => site !== host);
  return { ...settings, allowedSites: allowed ? [...rest, host] : rest };
}

/**
 * Turns one site on or off, leaving the global switch alone. Turning a site on also lifts an entry
 * for a parent domain that covered it: the reader asked for this site to work.
 */
export function withSite(settings: Settings, hostname: string, enabled: boolean): Settings {
  const host = normalizeHostname(hostname);
  if (!host) return settings;
  if (enabled) {
    const covers = (site: string) => host === site || host.endsWith(`.${site}`);
    return { ...settings, disabledSites: settings.disabledSites.filter((site) => !covers(site)) };
  }
  const rest = settings.disabledSites.filter((site) => site !== host);
  return { ...settings, disabledSites: [...rest, host] };
}
