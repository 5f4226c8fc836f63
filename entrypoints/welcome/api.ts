/** What the first-run page needs from the extension, behind an interface tests can fake. */
import { browser } from 'wxt/browser';
import { send } from '../../utils/messages';
import { setCheckMode } from '../../utils/protocol/background';
import { getSettings, type CheckMode } from '../../utils/settings';

export interface WelcomeApi {
  mode(): Promise<CheckMode>;
  setMode(mode: CheckMode): Promise<void>;
  openOptions(): Promise<void>;
}

export function createBrowserWelcomeApi(): WelcomeApi {
  return {
    mode: async () => (await getSettings()).checkMode,
    async setMode(mode) {
      await send(browser, setCheckMode, { mode });
    },
    async openOptions() {
      await browser.runtime.openOptionsPage();
    },
  };
}
