/**
 * The options page. Every change is saved at once (no Save button to forget); the page shows
 * what it saved. Matching thresholds are deliberately absent: they are tuned, not preferences.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { withSite, type CheckMode, type Settings } from '../../utils/settings';
import type { OptionsApi } from './api';
import type { JudgeApi } from './judge-api';
import { JudgeSection } from './JudgeSection';
import { BadgeSection } from './BadgeSection';
import { FetchSection } from './FetchSection';
import { SiteForm, SiteList } from './sites';

export const TTL_CHOICES: { hours: number; label: string }[] = [
  { hours: 1, label: '1 hour' },
  { hours: 6, label: '6 hours' },
  { hours: 24, label: '1 day' },
  { hours: 72, label: '3 days' },
  { hours: 168, label: '1 week' },
  { hours: 720, label: '30 days' },
];

type Status = { kind: 'info' | 'error'; text: string } | null;

export function OptionsApp({ api, judgeApi }: { api: OptionsApi; judgeApi?: JudgeApi }) {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [status, setStatus] = useState<Status>(null);
  const [clearing, setClearing] = useState(false);
  const siteInput = useRef<HTMLInputElement>(null);

  useEffect(() => {
    api.load().then(setSettings, (error: unknown) => setStatus({ kind: 'error', text: `Could not read the settings: ${String(error)}` }));
  }, [api]);

  if (!settings) {
    return (
      <div class="options cc-theme" data-testid="options" data-state="loading">
        <main class="options-inner">
          <p role="status">Loading…</p>
          {status ? <p class="status-line" data-kind={status.kind}>{status.text}</p> : null}
        </main>
      </div>
    );
  }

  const change = (next: Settings, message = 'Saved.') => {
    setSettings(next);
    api.save(next).then(
      () => setStatus({ kind: 'info', text: message }),
      (error: unknown) => setStatus({ kind: 'error', text: `Could not save: ${String(error)}` }),
    );
  };

  const invalidSite = () => setStatus({ kind: 'error', text: 'That is not a site name. Write it like example.com.' });

  // Through the background, so open tabs follow the new mode.
  const setMode = (mode: CheckMode) => {
    setSettings({ ...settings, checkMode: mode });
    api.setCheckMode(mode).then(
      () => setStatus({ kind: 'info', text: 'Saved.' }),
      (error: unknown) => setStatus({ kind: 'error', text: `Could not save: ${String(error)}` }),
    );
  };

  const clearCache = async () => {
    setClearing(true);
    const result = await api.clearCache();
    setClearing(false);
    setStatus(
      result.ok
        ? { kind: 'info', text: 'The cache is empty: every source will be fetched again.' }
        : { kind: 'error', text: `Could not clear the cache: ${result.error}` },
    );
  };

  const ttlKnown = TTL_CHOICES.some((c) => c.hours === settings.cacheTtlHours);

  return (
    <div class="options cc-theme" data-testid="options" data-state="ready">
      <main class="options-inner">
        <h1>
          <img src="/icon/48.png" alt="" width={28} height={28} />
          Citecheck options
        </h1>
        <p class="lead">Everything runs in your browser. Only the links an article cites are fetched.</p>

        <section aria-labelledby="where">
          <h2 id="where">Where Citecheck runs</h2>
          <label class="field">
            <input
              type="checkbox"
              data-testid="enabled"
              checked={settings.enabled}
              onChange={(e) => change({ ...settings, enabled: (e.currentTarget as HTMLInputElement).checked })}
            />
            <span>Check articles as I open them</span>
            <span class="hint">When off, Citecheck adds nothing to any page.</span>
          </label>
          <SiteForm
            id="site-input"
            label="Turn off on a site:"
            button="Turn off"
            testId="site"
            inputRef={siteInput}
            onAdd={(host) => change(withSite(settings, host, false), `Citecheck is now off on ${host}.`)}
            onInvalid={invalidSite}
          />
          <SiteList
            sites={settings.disabledSites}
            testId="disabled-sites"
            label="Sites where Citecheck is off"
            button="Turn Citecheck on again"
            onRemove={(host) => change(withSite(settings, host, true), `Citecheck is on again on ${host}.`)}
            fallbackFocus={() => siteInput.current}
          />
          {settings.disabledSites.length ? null : (
            <p class="muted">Citecheck is on for every site{settings.enabled ? '' : ' (while checking is switched on)'}.</p>
          )}
        </section>

        <FetchSection settings={settings} setMode={setMode} change={change} invalidSite={invalidSite} />

        <BadgeSection settings={settings} change={change} />

        <section aria-labelledby="cache">
          <h2 id="cache">Cache of sources</h2>
          <p class="muted">Sources already read are kept for a while, so going back to an article is instant.</p>
          <div class="row">
            <label for="ttl">Keep sources for</label>
            <select
              id="ttl"
              data-testid="ttl"
              value={String(settings.cacheTtlHours)}
              onChange={(e) => change({ ...settings, cacheTtlHours: Number((e.currentTarget as HTMLSelectElement).value) })}
            >
              {ttlKnown ? null : <option value={String(settings.cacheTtlHours)}>{settings.cacheTtlHours} hours</option>}
              {TTL_CHOICES.map((c) => (
                <option key={c.hours} value={String(c.hours)}>
                  {c.label}
                </option>
              ))}
            </select>
            <button type="button" class="cc-button" data-testid="clear-cache" onClick={clearCache} disabled={clearing}>
              {clearing ? 'Clearing…' : 'Clear cache'}
            </button>
          </div>
        </section>

        <section aria-labelledby="reach">
          <h2 id="reach">What Citecheck may fetch</h2>
          <label class="field">
            <input
              type="checkbox"
              data-testid="use-logins"
              checked={settings.useLogins}
              onChange={(e) => change({ ...settings, useLogins: (e.currentTarget as HTMLInputElement).checked })}
            />
            <span>Use my logins when reading sources</span>
            <span class="hint">
              Sends your cookies for the cited sites, so sources you subscribe to can be read. Those sites then see
              the visit as yours. Off by default.
            </span>
          </label>
          <label class="field">
            <input
              type="checkbox"
              data-testid="allow-private"
              checked={settings.allowPrivate}
              onChange={(e) => change({ ...settings, allowPrivate: (e.currentTarget as HTMLInputElement).checked })}
            />
            <span>Allow sources on private networks</span>
            <span class="hint">
              Lets an article's links reach addresses such as 192.168.x.x or localhost. A hostile page could use this
              to probe your network; turn it on only for pages you trust. Off by default.
            </span>
          </label>
          <label class="field">
            <input
              type="checkbox"
              data-testid="wayback-lookup"
              checked={settings.waybackLookup}
              onChange={(e) => change({ ...settings, waybackLookup: (e.currentTarget as HTMLInputElement).checked })}
            />
            <span>Look up archived copies of dead links</span>
            <span class="hint">
              When a cited link is dead and the article gives no archived copy, asks the Internet Archive's Wayback
              Machine for one. This sends the dead link's address to the Internet Archive. Off by default.
            </span>
          </label>
        </section>

        {judgeApi ? (
          <JudgeSection
            judge={settings.judge}
            api={judgeApi}
            onChange={(judge) => change({ ...settings, judge }, judge.tier === 'off' ? 'The on-device judge is off.' : 'Saved.')}
          />
        ) : null}

        <p class="status-line" data-testid="status" data-kind={status?.kind ?? 'info'} role="status">
          {status?.text ?? ''}
        </p>
      </main>
    </div>
  );
}
