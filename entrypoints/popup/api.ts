/**
 * What the popup asks of the extension, behind one small interface so the App can be rendered
 * in tests with a fake. Answers from the background are validated before they are believed.
 */
import { browser } from 'wxt/browser';
import { send, type Result } from '../../utils/messages';
import * as toBackground from '../../utils/protocol/background';
import { scrollToClaim } from '../../utils/protocol/content';
import { ReportSchema, type Report } from '../../utils/report/schema';
import { tabKey } from '../../utils/background/tab-store';

const UNREADABLE = 'The extension gave an answer the popup does not understand.';
import { checksAutomatically, getSettings, isSiteEnabled, normalizeHostname, updateSettings, withSite, type CheckMode } from '../../utils/settings';

/** Whether Citecheck runs on the tab's site, and why not when it does not. */
/** The background's answer to "what is this tab's report": the report, none yet, or why not. */
export type ReportResult = Result<Report | null>;

export interface SiteState {
  host: string;
  enabled: boolean;
  /** Off everywhere (the global switch), rather than on this site only. */
  globallyOff: boolean;
}

/** When this browser checks pages, and whether the tab's site is checked automatically. */
export interface ModeState {
  mode: CheckMode;
  host: string;
  /** The site is in the list of sites checked automatically (what counts in `allowed`). */
  allowed: boolean;
}

export interface PopupApi {
  /** The tab whose report is shown; null when there is none (no active tab). */
  tab(): Promise<{ id: number; url?: string } | null>;
  getReport(tabId: number): Promise<ReportResult>;
  /** Calls back with each new report of the tab as the background stores it; returns a stop function. */
  watchReport(tabId: number, onResult: (result: ReportResult) => void): () => void;
  recheck(tabId: number): Promise<void>;
  scrollToClaim(tabId: number, claimId: string): Promise<void>;
  /** Opens the reader view of a claim's source at its passage in a new tab. */
  showSource?(tabId: number, claimId: string, sourceId: string): Promise<void>;
  /** The extension's options page. */
  openOptions(): Promise<void>;
  /** Citecheck's state on a tab's site; null for pages it never runs on (not http or https). */
  site(tabUrl: string | undefined): Promise<SiteState | null>;
  /** Turns Citecheck on or off for a site (turning on also sets the global switch on). */
  setSiteEnabled(host: string, enabled: boolean): Promise<void>;
  /** The check mode as it applies to a tab's site; null for pages Citecheck never runs on. */
  checkMode(tabUrl: string | undefined): Promise<ModeState | null>;
  setCheckMode(mode: CheckMode): Promise<void>;
  /** Adds the site to the sites checked automatically (or takes it out). */
  allowSite(host: string, allowed: boolean): Promise<void>;
  /** Checks every claim of the tab's page not yet checked. */
  checkPage(tabId: number): Promise<void>;
}

export function modeStateOf(settings: Parameters<typeof checksAutomatically>[0], tabUrl: string | undefined): ModeState | null {
  if (!tabUrl || !/^https?:/i.test(tabUrl)) return null;
  const host = normalizeHostname(tabUrl);
  if (!host) return null;
  return { mode: settings.checkMode, host, allowed: checksAutomatically({ ...settings, checkMode: 'allowed' }, host) };
}

export function siteStateOf(settings: Parameters<typeof isSiteEnabled>[0], tabUrl: string | undefined): SiteState | null {
  if (!tabUrl || !/^https?:/i.test(tabUrl)) return null;
  const host = normalizeHostname(tabUrl);
  if (!host) return null;
  return { host, enabled: isSiteEnabled(settings, host), globallyOff: !settings.enabled };
}

/** `?tabId=N` in the popup's URL points it at another tab (end-to-end tests open it in a tab). */
export function tabIdFromSearch(search: string): number | null {
  const raw = new URLSearchParams(search).get('tabId');
  if (raw === null || !/^\d+$/.test(raw)) return null;
  return Number(raw);
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function createBrowserApi(search: string): PopupApi {
  return {
    async tab() {
      const forced = tabIdFromSearch(search);
      if (forced !== null) {
        const tab = await browser.tabs.get(forced).catch(() => null);
        return { id: forced, url: tab?.url };
      }
      const [active] = await browser.tabs.query({ active: true, currentWindow: true });
      return active?.id === undefined ? null : { id: active.id, url: active.url };
    },
    async getReport(tabId) {
      try {
        const value = await send(browser, toBackground.getReport, { tabId }, { received: () => performance.mark('citecheck:report-received') });
        performance.mark('citecheck:report-validated');
        return { ok: true, value };
      } catch (error) {
        return { ok: false, error: describe(error) };
      }
    },
    watchReport(tabId, onResult) {
      const key = tabKey(tabId);
      const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
        if (area !== 'session' || !(key in changes)) return;
        const stored = changes[key].newValue as { report?: unknown } | undefined;
        // The entry goes when the tab navigates: no report until the new page is checked.
        if (stored === undefined) return onResult({ ok: true, value: null });
        const parsed = ReportSchema.safeParse(stored.report);
        onResult(parsed.success ? { ok: true, value: parsed.data } : { ok: false, error: UNREADABLE });
      };
      browser.storage.onChanged.addListener(listener);
      return () => browser.storage.onChanged.removeListener(listener);
    },
    async recheck(tabId) {
      await send(browser, toBackground.recheck, { tabId });
    },
    async showSource(tabId, claimId, sourceId) {
      await send(browser, toBackground.openReader, { tabId, claimId, sourceId });
    },
    async scrollToClaim(tabId, claimId) {
      await send(browser, scrollToClaim, { claimId }, { tabId });
    },
    async openOptions() {
      await browser.runtime.openOptionsPage();
    },
    async site(tabUrl) {
      return siteStateOf(await getSettings(), tabUrl);
    },
    async setSiteEnabled(host, enabled) {
      await updateSettings((s) => ({ ...withSite(s, host, enabled), enabled: enabled ? true : s.enabled }));
    },
    async checkMode(tabUrl) {
      return modeStateOf(await getSettings(), tabUrl);
    },
    async setCheckMode(mode) {
      await send(browser, toBackground.setCheckMode, { mode });
    },
    async allowSite(host, allowed) {
      await send(browser, toBackground.allowSite, { host, allowed });
    },
    async checkPage(tabId) {
      await send(browser, toBackground.checkPage, { tabId });
    },
  };
}
