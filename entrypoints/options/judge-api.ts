/**
 * What the options page's judge section needs from the browser, behind an interface tests fake:
 * Chrome's model status and download, Firefox's permission and model download, and a probe of
 * the reader's local model server. Each call goes only where its tier runs: the browser itself,
 * or the base URL the reader typed.
 */
import { browser } from 'wxt/browser';
import { chromeStatus, createChromeSession, findLanguageModel, type ChromeStatus } from '../../utils/judge/tiers/chrome-builtin';
import { ENGINE_REQUEST, findTrialMl } from '../../utils/judge/tiers/firefox-ml';
import { probeLocalServer, type FetchLike, type ProbeResult } from '../../utils/judge/tiers/local-server';

export interface JudgeApi {
  /** Which browser this is: the tiers of the other one are shown as not available here. */
  browser: 'chrome' | 'firefox';
  chromeStatus(): Promise<ChromeStatus>;
  /** Downloads Gemini Nano (needs the reader's click); `onProgress` gets 0..1. */
  chromeDownload(onProgress: (loaded: number) => void): Promise<void>;
  firefoxHasPermission(): Promise<boolean>;
  /** Asks the reader for the `trialML` permission (needs their click). */
  firefoxRequestPermission(): Promise<boolean>;
  /** Makes the entailment engine, downloading its model the first time. */
  firefoxDownload(onProgress: (percent: number) => void): Promise<void>;
  probe(baseUrl: string, allowNonLoopback: boolean): Promise<ProbeResult>;
}

export function createBrowserJudgeApi(fetchImpl?: FetchLike): JudgeApi {
  return {
    browser: import.meta.env.BROWSER === 'firefox' ? 'firefox' : 'chrome',
    chromeStatus: () => chromeStatus(findLanguageModel()),
    async chromeDownload(onProgress) {
      const api = findLanguageModel();
      if (!api) throw new Error('This browser has no built-in model.');
      (await createChromeSession(api, { onProgress })).destroy?.();
    },
    async firefoxHasPermission() {
      try {
        return await browser.permissions.contains({ permissions: ['trialML' as never] });
      } catch {
        return false;
      }
    },
    async firefoxRequestPermission() {
      return browser.permissions.request({ permissions: ['trialML' as never] });
    },
    async firefoxDownload(onProgress) {
      const ml = findTrialMl();
      if (!ml) throw new Error('Firefox did not give Citecheck its on-device ML (the permission, or the feature, is off).');
      const listener = (data: unknown) => {
        const progress = Number((data as { progress?: unknown })?.progress);
        if (Number.isFinite(progress)) onProgress(progress);
      };
      ml.onProgress?.addListener(listener);
      try {
        await ml.createEngine(ENGINE_REQUEST);
      } finally {
        ml.onProgress?.removeListener?.(listener);
      }
    },
    probe: (baseUrl, allowNonLoopback) => probeLocalServer(baseUrl, { allowNonLoopback, fetch: fetchImpl }),
  };
}
