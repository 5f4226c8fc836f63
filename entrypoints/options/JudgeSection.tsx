/**
 * The options page's on-device judge: off by default; the reader picks a tier and sees, in plain
 * words, whether it can run here and what to do when it cannot.
 */
import { useEffect, useState } from 'preact/hooks';
import type { ChromeStatus } from '../../utils/judge/tiers/chrome-builtin';
import { checkBaseUrl, OLLAMA_ORIGINS_LINE, type ProbeResult } from '../../utils/judge/tiers/local-server';
import type { JudgeChoice, JudgeSettings } from '../../utils/judge/settings';
import type { JudgeApi } from './judge-api';

const CHROME_NEEDS =
  'Chrome 138 or later on Windows, macOS, Linux or a Chromebook Plus has one, on a device with about 22 GB of free disk and either a graphics card with more than 4 GB of memory or 16 GB of RAM and 4 CPU cores.';

export function chromeStatusText(status: ChromeStatus): string {
  switch (status.state) {
    case 'available':
      return 'Gemini Nano is on this device and ready.';
    case 'downloadable':
      return 'Chrome can download Gemini Nano to this device (a one-time download of a few gigabytes, kept by Chrome).';
    case 'downloading':
      return 'Chrome is downloading Gemini Nano.';
    case 'unavailable':
      if (status.why === 'no_api') return `Not available: this browser has no built-in model. ${CHROME_NEEDS}`;
      if (status.why === 'device') return `Not available: Chrome says this device cannot run its built-in model. ${CHROME_NEEDS}`;
      return `Not available: Chrome would not say whether its model can run (${status.detail ?? 'no reason given'}).`;
  }
}

export function probeText(result: ProbeResult, baseUrl: string): string {
  switch (result.status) {
    case 'ok':
      return result.models.length ? `The server answered with ${result.models.length} model${result.models.length === 1 ? '' : 's'}.` : 'The server answered but lists no model.';
    case 'forbidden':
      return 'The server refused Citecheck (403). Ollama answers a browser extension only when told to: set this environment variable where Ollama starts, then restart it:';
    case 'http_error':
      return `The server answered ${result.httpStatus}: is ${baseUrl} the base of an OpenAI-compatible API (it usually ends in /v1)?`;
    case 'bad_answer':
      return `Something answered at ${baseUrl}, but not with a list of models.`;
    case 'unreachable':
      return `Nothing answered at ${baseUrl}. Is the model server running?`;
    case 'refused_url':
      return result.reason === 'not_loopback'
        ? 'That address is not on this computer. Claims and passages would leave your machine: tick the box below only if you trust it.'
        : 'That is not a web address (http:// or https://).';
  }
}

const TIERS: { value: JudgeChoice; label: string }[] = [
  { value: 'off', label: 'Off: word matching only' },
  { value: 'chrome-builtin', label: 'Chrome’s built-in model (Gemini Nano)' },
  { value: 'firefox-ml', label: 'Firefox’s on-device entailment model' },
  { value: 'local-server', label: 'A model server on this computer (Ollama, llama.cpp, LM Studio)' },
];

export function JudgeSection({ judge, api, onChange }: { judge: JudgeSettings; api: JudgeApi; onChange: (next: JudgeSettings) => void }) {
  const [chrome, setChrome] = useState<ChromeStatus | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [permitted, setPermitted] = useState<boolean | null>(null);
  const [note, setNote] = useState('');
  const [baseUrl, setBaseUrl] = useState(judge.baseUrl);
  const [probe, setProbe] = useState<ProbeResult | null>(null);
  const [probing, setProbing] = useState(false);

  useEffect(() => {
    if (judge.tier === 'chrome-builtin') void api.chromeStatus().then(setChrome);
    if (judge.tier === 'firefox-ml') void api.firefoxHasPermission().then(setPermitted);
  }, [judge.tier, api]);

  const runProbe = async (url = baseUrl, allow = judge.allowNonLoopback) => {
    setProbing(true);
    const result = await api.probe(url, allow);
    setProbing(false);
    setProbe(result);
    const checked = checkBaseUrl(url, allow);
    if (checked.ok && result.status === 'ok') {
      const model = result.models.includes(judge.model) ? judge.model : (result.models[0] ?? '');
      onChange({ ...judge, allowNonLoopback: allow, baseUrl: checked.base, model });
    }
  };

  const download = async (run: (p: (x: number) => void) => Promise<void>, scale: number) => {
    setNote('');
    setProgress(0);
    try {
      await run((x) => setProgress(Math.round(x * scale)));
      setNote('The model is downloaded.');
    } catch (error) {
      setNote(`The download did not finish: ${error instanceof Error ? error.message : String(error)}`);
    }
    setProgress(null);
    if (judge.tier === 'chrome-builtin') setChrome(await api.chromeStatus());
  };

  const wrongBrowser = (tier: JudgeChoice) =>
    (tier === 'chrome-builtin' && api.browser !== 'chrome') || (tier === 'firefox-ml' && api.browser !== 'firefox');

  return (
    <section aria-labelledby="judge" data-testid="judge-section">
      <h2 id="judge">On-device judge (optional)</h2>
      <p class="muted">
        Word matching cannot tell a paraphrase from a subtle contradiction. A language model on your own machine can read
        each claim with its best passages and give its verdict, quoting the passage it relied on; a quote that is not
        in the passages is thrown away and the word-match verdict stays. Nothing leaves your machine: the model runs in
        your browser or on a server on this computer. Off by default.
      </p>
      <fieldset class="judge-tiers">
        <legend>Who judges the claims</legend>
        {TIERS.map((t) => (
          <label class="field" key={t.value}>
            <input
              type="radio"
              name="judge-tier"
              value={t.value}
              data-testid={`judge-tier-${t.value}`}
              checked={judge.tier === t.value}
              disabled={wrongBrowser(t.value)}
              onChange={() => onChange({ ...judge, tier: t.value })}
            />
            <span>{t.label}</span>
            {wrongBrowser(t.value) ? <span class="hint">Only in {t.value === 'chrome-builtin' ? 'Chrome' : 'Firefox'}.</span> : null}
          </label>
        ))}
      </fieldset>

      {judge.tier === 'chrome-builtin' ? (
        <div class="judge-status" data-testid="judge-status" data-state={chrome?.state ?? 'checking'}>
          <p>{chrome ? chromeStatusText(chrome) : 'Asking Chrome about its model…'}</p>
          {chrome?.state === 'downloadable' || chrome?.state === 'downloading' ? (
            <button type="button" class="cc-button" data-testid="judge-download" disabled={progress !== null} onClick={() => download(api.chromeDownload, 100)}>
              {progress === null ? 'Download the model' : `Downloading… ${progress}%`}
            </button>
          ) : null}
        </div>
      ) : null}

      {judge.tier === 'firefox-ml' ? (
        <div class="judge-status" data-testid="judge-status" data-state={permitted ? 'permitted' : 'no-permission'}>
          {permitted ? (
            <>
              <p>Citecheck may use Firefox’s on-device ML. The first time, Firefox downloads a small entailment model from Mozilla’s model hub and keeps it for Citecheck.</p>
              <button type="button" class="cc-button" data-testid="judge-download" disabled={progress !== null} onClick={() => download(api.firefoxDownload, 1)}>
                {progress === null ? 'Download the model' : `Downloading… ${progress}%`}
              </button>
            </>
          ) : (
            <>
              <p>Firefox asks you first: allow Citecheck to run machine-learning models on this device.</p>
              <button type="button" class="cc-button" data-testid="judge-permission" onClick={async () => setPermitted(await api.firefoxRequestPermission().catch(() => false))}>
                Allow on-device ML
              </button>
            </>
          )}
        </div>
      ) : null}

      {judge.tier === 'local-server' ? (
        <div class="judge-status" data-testid="judge-status" data-state={probe?.status ?? 'unchecked'}>
          <form
            class="row"
            onSubmit={(e) => {
              e.preventDefault();
              void runProbe();
            }}
          >
            <label for="judge-url">Server address</label>
            <input id="judge-url" type="url" data-testid="judge-url" value={baseUrl} onInput={(e) => setBaseUrl((e.currentTarget as HTMLInputElement).value)} />
            <button type="submit" class="cc-button" data-testid="judge-probe" disabled={probing}>
              {probing ? 'Checking…' : 'Check the server'}
            </button>
          </form>
          {probe ? <p data-testid="judge-probe-result">{probeText(probe, baseUrl)}</p> : null}
          {probe?.status === 'forbidden' ? <code data-testid="judge-origins">{OLLAMA_ORIGINS_LINE}</code> : null}
          {probe?.status === 'refused_url' && probe.reason === 'not_loopback' ? (
            <label class="field">
              <input
                type="checkbox"
                data-testid="judge-allow-remote"
                checked={judge.allowNonLoopback}
                onChange={(e) => {
                  const allow = (e.currentTarget as HTMLInputElement).checked;
                  onChange({ ...judge, allowNonLoopback: allow });
                  if (allow) void runProbe(baseUrl, true);
                }}
              />
              <span>Send claims and passages to {baseUrl}</span>
            </label>
          ) : null}
          {probe?.status === 'ok' && probe.models.length ? (
            <div class="row">
              <label for="judge-model">Model</label>
              <select id="judge-model" data-testid="judge-model" value={judge.model} onChange={(e) => onChange({ ...judge, model: (e.currentTarget as HTMLSelectElement).value })}>
                {probe.models.map((m) => (
                  <option key={m} value={m}>
                    {m}
                  </option>
                ))}
              </select>
            </div>
          ) : null}
          <p class="hint">
            Ollama: <code>ollama pull bespoke-minicheck</code> (a model trained to check claims against sources), then the address
            http://127.0.0.1:11434/v1.
          </p>
        </div>
      ) : null}
      {note ? <p class="muted" data-testid="judge-note">{note}</p> : null}
    </section>
  );
}
