/**
 * The popup's check-mode control: when this browser fetches cited pages, and in the allowed-sites
 * mode whether this site is one of them.
 */
import type { CheckMode } from '../../utils/settings-core';
import { CHECK_MODE_WORDS } from '../CheckModeChoice';

export interface CheckModeControlProps {
  mode: CheckMode;
  host: string;
  /** The site is in the allowed list. */
  allowed: boolean;
  onMode: (mode: CheckMode) => void;
  onAllow: (allowed: boolean) => void;
}

const MODES: readonly CheckMode[] = ['auto', 'allowed', 'click'];

export function CheckModeControl({ mode, host, allowed, onMode, onAllow }: CheckModeControlProps) {
  return (
    <div class="mode-control" data-testid="mode-control">
      <label class="mode-select">
        <span>Check sources</span>
        <select
          data-testid="popup-check-mode"
          value={mode}
          onChange={(e) => onMode((e.currentTarget as HTMLSelectElement).value as CheckMode)}
        >
          {MODES.map((m) => (
            <option key={m} value={m}>
              {CHECK_MODE_WORDS[m].label}
            </option>
          ))}
        </select>
      </label>
      {mode === 'allowed' ? (
        <label class="mode-allow">
          <input
            type="checkbox"
            data-testid="popup-allow-site"
            checked={allowed}
            onChange={(e) => onAllow((e.currentTarget as HTMLInputElement).checked)}
          />
          <span>Check {host} automatically</span>
        </label>
      ) : null}
    </div>
  );
}
