/**
 * The part of the settings the content script needs, without the storage layer: the schema, the
 * normalisation of any stored value, and the per-site switch. Read straight from `storage.local`
 * so that every page's content script stays small; `utils/settings.ts` owns writing and versions.
 */
import * as z from 'zod/mini';
import { DEFAULT_JUDGE_SETTINGS, JudgeSettingsSchema } from './judge/settings';

/**
 * When cited pages are fetched: `auto` on every site (visible claims first), `allowed` only on
 * the sites in `allowedSites` (elsewhere when the reader asks), `click` only when the reader asks.
 */
export const CHECK_MODES = ['auto', 'allowed', 'click'] as const;
export const CheckModeSchema = z.enum(CHECK_MODES);
export type CheckMode = z.infer<typeof CheckModeSchema>;

/** Badge size: `auto` is compact on pages with many markers, `full` always shows the word. */
export const BADGE_STYLES = ['auto', 'compact', 'full'] as const;
export const BadgeStyleSchema = z.enum(BADGE_STYLES);
export type BadgeStyle = z.infer<typeof BadgeStyleSchema>;

export const SettingsSchema = z.object({
  enabled: z.catch(z.boolean(), true),
  disabledSites: z.catch(z.array(z.string()), []),
  cacheTtlHours: z.catch(z.number().check(z.positive(), z.lte(24 * 365)), 24),
  useLogins: z.catch(z.boolean(), false),
  allowPrivate: z.catch(z.boolean(), false),
  /** Ask the Internet Archive for a copy of a dead link that the article gives none for. */
  waybackLookup: z.catch(z.boolean(), false),
  checkMode: z.catch(CheckModeSchema, 'auto'),
  allowedSites: z.catch(z.array(z.string()), []),
  badgeStyle: z.catch(BadgeStyleSchema, 'auto'),
  /** The on-device judge: off unless the reader turns it on. */
  judge: z.catch(JudgeSettingsSchema, DEFAULT_JUDGE_SETTINGS),
});
export type Settings = z.infer<typeof SettingsSchema>;

export const DEFAULT_SETTINGS: Settings = {
  enabled: true,
  disabledSites: [],
  cacheTtlHours: 24,
  useLogins: false,
  allowPrivate: false,
  waybackLookup: false,
  checkMode: 'auto',
  allowedSites: [],
  badgeStyle: 'auto',
  judge: DEFAULT_JUDGE_SETTINGS,
};

/** The key in `storage.local` (WXT's item "local:settings"). */
export const SETTINGS_STORAGE_KEY = 'settings';

/** Any stored value (old, partial, hand-edited) as complete settings. */
export function normalizeSettings(value: unknown): Settings {
  const object = value && typeof value === 'object' ? value : {};
  const parsed = SettingsSchema.parse({ ...DEFAULT_SETTINGS, ...object });
  return { ...parsed, disabledSites: normalizeSites(parsed.disabledSites), allowedSites: normalizeSites(parsed.allowedSites) };
}

function normalizeSites(sites: string[]): string[] {
  return [...new Set(sites.map(normalizeHostname).filter(Boolean))];
}

/** "https://www.Example.com/a" or "WWW.example.com." → "example.com"; '' when it is no hostname. */
export function normalizeHostname(input: string): string {
  let host = input.trim().toLowerCase();
  if (!host) return '';
  if (host.includes('://')) {
    try {
      host = new URL(host).hostname;
    } catch {
      return '';
    }
  }
  host = host.replace(/[/?#].*$/, '').replace(/:\d+$/, '').replace(/\.$/, '').replace(/^www\./, '');
  return /^[a-z0-9.-]+$|^\[[0-9a-f:.]+\]$/.test(host) ? host : '';
}

/** A site entry covers its subdomains: "example.com" covers "news.example.com". */
function listCovers(sites: string[], hostname: string): boolean {
  const host = normalizeHostname(hostname);
  return sites.some((site) => host === site || host.endsWith(`.${site}`));
}

export function isSiteEnabled(settings: Settings, hostname: string): boolean {
  if (!settings.enabled) return false;
  return !listCovers(settings.disabledSites, hostname);
}

/** Whether a page on this site is checked as soon as it loads (else only when the reader asks). */
export function checksAutomatically(settings: Pick<Settings, 'checkMode' | 'allowedSites'>, hostname: string): boolean {
  if (settings.checkMode === 'auto') return true;
  if (settings.checkMode === 'click') return false;
  return listCovers(settings.allowedSites, hostname);
}


/** The settings as stored, normalised; defaults when nothing is stored or storage fails. */
export async function readSettings(area: { get(key: string): Promise<Record<string, unknown>> }): Promise<Settings> {
  try {
    return normalizeSettings((await area.get(SETTINGS_STORAGE_KEY))[SETTINGS_STORAGE_KEY]);
  } catch {
    return DEFAULT_SETTINGS;
  }
}
