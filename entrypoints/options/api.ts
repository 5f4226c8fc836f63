/** What the options page needs from the extension, behind an interface tests can fake. */
import { browser } from 'wxt/browser';
import { send } from '../../utils/messages';
import { clearCache, setCheckMode } from '../../utils/protocol/background';
import { getSettings, saveSettings, type CheckMode, type Settings } from '../../utils/settings';

export interface OptionsApi {
  load(): Promise<Settings>;
  save(settings: Settings): Promise<void>;
  /** Sets when pages are checked, through the background (open tabs follow). */
  setCheckMode(mode: CheckMode): Promise<void>;
  /** Empties the source cache; resolves with an error message when the background refuses. */
  clearCache(): Promise<{ ok: true } | { ok: false; error: string }>;
}

export function createBrowserOptionsApi(): OptionsApi {
  return {
    load: getSettings,
    save: saveSettings,
    async setCheckMode(mode) {
      await send(browser, setCheckMode, { mode });
    },
    async clearCache() {
      try {
        await send(browser, clearCache, {});
        return { ok: true };
      } catch (error) {
        return { ok: false, error: error instanceof Error ? error.message : String(error) };
      }
    },
  };
}
