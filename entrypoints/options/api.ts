/** What the options page needs from the extension, behind an interface tests can fake. */
import { browser } from 'wxt/browser';
import { send } from '../../utils/messages';
import { getSettings, saveSettings, type Settings } from '../../utils/settings';

export interface OptionsApi {
  load(): Promise<Settings>;
  save(settings: Settings): Promise<void>;
  /** Empties the source cache; resolves with an error message when the background refuses. */
  clearCache(): Promise<{ ok: true } | { ok: false; error: string }>;
}

export function createBrowserOptionsApi(): OptionsApi {
  return {
    load: getSettings,
    save: saveSettings,
    async clearCache() {
      try {
        await send(browser, 'clear-cache', {});
        return { ok: true };
      } catch (error) {
        return { ok: false, error: error instanceof Error ? error.message : String(error) };
      }
    },
  };
}
