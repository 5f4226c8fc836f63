/** Options: when cited pages are fetched (the check mode) and the sites checked automatically. */
import { useRef } from 'preact/hooks';
import { CheckModeChoice } from '../../components/CheckModeChoice';
import { SiteForm, SiteList } from './sites';
import { withAllowedSite, type CheckMode, type Settings } from '../../utils/settings';

export interface FetchSectionProps {
  settings: Settings;
  setMode: (mode: CheckMode) => void;
  change: (next: Settings, message?: string) => void;
  invalidSite: () => void;
}

export function FetchSection({ settings, setMode, change, invalidSite }: FetchSectionProps) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <section aria-labelledby="when">
      <h2 id="when">When sources are fetched</h2>
      <CheckModeChoice legend="Check the sources an article cites" value={settings.checkMode} onChange={setMode} />
      <h3 id="allowed-title">Sites checked automatically</h3>
      <p class="muted" id="allowed-note">
        {settings.checkMode === 'allowed'
          ? 'Articles on these sites (and their subdomains) are checked as they open.'
          : 'Used when “Automatically on sites I allow” is chosen above.'}
      </p>
      <SiteForm
        id="allowed-input"
        label="Check automatically on:"
        button="Allow"
        testId="allowed"
        inputRef={input}
        onAdd={(host) => change(withAllowedSite(settings, host, true), `${host} is checked automatically.`)}
        onInvalid={invalidSite}
      />
      <SiteList
        sites={settings.allowedSites}
        testId="allowed-sites"
        label="Sites checked automatically"
        button="Stop checking automatically"
        onRemove={(host) => change(withAllowedSite(settings, host, false), `${host} is checked only when you click.`)}
        fallbackFocus={() => input.current}
      />
    </section>
  );
}
