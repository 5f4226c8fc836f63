/**
 * The popup's check-mode state: read once for the tab's site, changed through the background.
 * The page follows on its own (the background checks a tab that becomes automatic).
 */
import { useEffect, useState } from 'preact/hooks';
import type { CheckMode } from '../../utils/settings';
import type { ModeState, PopupApi } from './api';

export interface CheckModeHook {
  state: ModeState | null;
  setMode(mode: CheckMode): void;
  allow(allowed: boolean): void;
  error: string | null;
}

export function useCheckMode(api: PopupApi): CheckModeHook {
  const [state, setState] = useState<ModeState | null>(null);
  const [error, setError] = useState<string | null>(null);

  const read = () =>
    api
      .tab()
      .then((tab) => api.checkMode(tab?.url))
      .catch(() => null);

  useEffect(() => {
    let live = true;
    void read().then((s) => live && setState(s));
    return () => {
      live = false;
    };
  }, [api]);

  const failed = (e: unknown) => setError(`Could not save: ${e instanceof Error ? e.message : String(e)}`);

  return {
    state,
    error,
    setMode(mode) {
      if (!state) return;
      setError(null);
      setState({ ...state, mode });
      // Back to what the browser holds when the change did not go through.
      api.setCheckMode(mode).catch((e) => {
        failed(e);
        void read().then(setState);
      });
    },
    allow(allowed) {
      if (!state) return;
      setError(null);
      setState({ ...state, allowed });
      api.allowSite(state.host, allowed).catch((e) => {
        failed(e);
        void read().then(setState);
      });
    },
  };
}
