import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { OptionsApi } from '../api';
import { OptionsApp } from '../App';
import { createBrowserJudgeApi, type JudgeApi } from '../judge-api';
import { DEFAULT_SETTINGS, type Settings } from '../../../utils/settings';
import type { ChromeStatus } from '../../../utils/judge/tiers/chrome-builtin';
import type { ProbeResult } from '../../../utils/judge/tiers/local-server';

function fakeOptions(initial: Settings = DEFAULT_SETTINGS) {
  const saved: Settings[] = [];
  const api: OptionsApi = {
    load: async () => initial,
    save: async (s) => void saved.push(s),
    setCheckMode: async () => undefined,
    clearCache: async () => ({ ok: true }),
  };
  return { api, saved };
}

function fakeJudgeApi(overrides: Partial<JudgeApi> & { probes?: ProbeResult[] } = {}) {
  const calls: string[] = [];
  const probes = overrides.probes ?? [];
  const api: JudgeApi = {
    browser: 'chrome',
    chromeStatus: async () => ({ state: 'unavailable', why: 'no_api' }),
    chromeDownload: async () => undefined,
    firefoxHasPermission: async () => false,
    firefoxRequestPermission: async () => true,
    firefoxDownload: async () => undefined,
    probe: async (url) => {
      calls.push(url);
      return probes.shift() ?? { status: 'unreachable', detail: 'refused' };
    },
    ...overrides,
  };
  return { api, calls };
}

const withJudge = (judge: Partial<Settings['judge']>): Settings => ({ ...DEFAULT_SETTINGS, judge: { ...DEFAULT_SETTINGS.judge, ...judge } });

afterEach(cleanup);

describe('options: the on-device judge', () => {
  it('is off by default and says nothing leaves the machine', async () => {
    render(<OptionsApp api={fakeOptions().api} judgeApi={fakeJudgeApi().api} />);
    expect(((await screen.findByTestId('judge-tier-off')) as HTMLInputElement).checked).toBe(true);
    expect(screen.getByTestId('judge-section').textContent).toContain('Nothing leaves your machine');
    expect(screen.queryByTestId('judge-status')).toBeNull();
  });

  it('says why Chrome’s model is unavailable in a browser without one', async () => {
    const { api, saved } = fakeOptions();
    render(<OptionsApp api={api} judgeApi={fakeJudgeApi().api} />);
    fireEvent.click(await screen.findByTestId('judge-tier-chrome-builtin'));
    await waitFor(() => expect(saved.at(-1)?.judge.tier).toBe('chrome-builtin'));
    const status = await screen.findByTestId('judge-status');
    await waitFor(() => expect(status.getAttribute('data-state')).toBe('unavailable'));
    expect(status.textContent).toContain('Not available: this browser has no built-in model.');
    expect(status.textContent).toContain('22 GB');
    expect(screen.queryByTestId('judge-download')).toBeNull();
  });

  it('offers the download when Chrome can download its model, and shows the progress', async () => {
    let status: ChromeStatus = { state: 'downloadable' };
    let finish!: () => void;
    let report!: (x: number) => void;
    const { api } = fakeJudgeApi({
      chromeStatus: async () => status,
      chromeDownload: (onProgress) => {
        report = onProgress;
        return new Promise<void>((resolve) => (finish = resolve));
      },
    });
    render(<OptionsApp api={fakeOptions(withJudge({ tier: 'chrome-builtin' })).api} judgeApi={api} />);
    const button = await screen.findByTestId('judge-download');
    expect(button.textContent).toBe('Download the model');
    fireEvent.click(button);
    report(0.42);
    await waitFor(() => expect(screen.getByTestId('judge-download').textContent).toBe('Downloading… 42%'));
    status = { state: 'available' };
    finish();
    await waitFor(() => expect(screen.getByTestId('judge-status').textContent).toContain('Gemini Nano is on this device and ready.'));
    expect(screen.getByTestId('judge-note').textContent).toBe('The model is downloaded.');
  });

  it('in Firefox asks for the trialML permission first, then offers the model download', async () => {
    let asked = 0;
    const { api } = fakeJudgeApi({ browser: 'firefox', firefoxRequestPermission: async () => (asked++, true) });
    render(<OptionsApp api={fakeOptions(withJudge({ tier: 'firefox-ml' })).api} judgeApi={api} />);
    fireEvent.click(await screen.findByTestId('judge-permission'));
    await waitFor(() => expect(screen.getByTestId('judge-download')).not.toBeNull());
    expect(asked).toBe(1);
    expect((screen.getByTestId('judge-tier-chrome-builtin') as HTMLInputElement).disabled).toBe(true);
  });

  it('probes the local server, lists its models and saves the chosen one', async () => {
    const { api: judgeApi, calls } = fakeJudgeApi({ probes: [{ status: 'ok', models: ['llama3.2', 'bespoke-minicheck'] }] });
    const { api, saved } = fakeOptions(withJudge({ tier: 'local-server' }));
    render(<OptionsApp api={api} judgeApi={judgeApi} />);
    fireEvent.input(await screen.findByTestId('judge-url'), { target: { value: 'http://localhost:8080/v1/' } });
    fireEvent.click(screen.getByTestId('judge-probe'));
    await waitFor(() => expect(saved.at(-1)?.judge).toMatchObject({ baseUrl: 'http://localhost:8080/v1', model: 'llama3.2' }));
    expect(calls).toEqual(['http://localhost:8080/v1/']);
    expect(screen.getByTestId('judge-probe-result').textContent).toBe('The server answered with 2 models.');
    fireEvent.change(screen.getByTestId('judge-model'), { target: { value: 'bespoke-minicheck' } });
    await waitFor(() => expect(saved.at(-1)?.judge.model).toBe('bespoke-minicheck'));
  });

  it('on a 403 shows the exact OLLAMA_ORIGINS line', async () => {
    const { api: judgeApi } = fakeJudgeApi({ probes: [{ status: 'forbidden', httpStatus: 403, fix: '' }] });
    render(<OptionsApp api={fakeOptions(withJudge({ tier: 'local-server' })).api} judgeApi={judgeApi} />);
    fireEvent.click(await screen.findByTestId('judge-probe'));
    expect((await screen.findByTestId('judge-origins')).textContent).toBe('OLLAMA_ORIGINS=chrome-extension://*,moz-extension://*');
  });

  it('sends nothing to an address off this machine until the reader confirms it', async () => {
    const seen: string[] = [];
    const spy = async (url: string) => {
      seen.push(url);
      return new Response(JSON.stringify({ data: [{ id: 'remote-model' }] }), { status: 200 });
    };
    const { api, saved } = fakeOptions(withJudge({ tier: 'local-server' }));
    render(<OptionsApp api={api} judgeApi={createBrowserJudgeApi(spy)} />);
    fireEvent.input(await screen.findByTestId('judge-url'), { target: { value: 'http://192.168.1.20:11434/v1' } });
    fireEvent.click(screen.getByTestId('judge-probe'));
    await screen.findByTestId('judge-allow-remote');
    expect(seen).toEqual([]);
    expect(screen.getByTestId('judge-probe-result').textContent).toContain('not on this computer');
    fireEvent.click(screen.getByTestId('judge-allow-remote'));
    await waitFor(() => expect(saved.at(-1)?.judge).toMatchObject({ allowNonLoopback: true, baseUrl: 'http://192.168.1.20:11434/v1', model: 'remote-model' }));
    expect(seen).toEqual(['http://192.168.1.20:11434/v1/models']);
  });

  it('the loopback probe asks the address the reader gave and nothing else', async () => {
    const seen: string[] = [];
    const spy = async (url: string) => {
      seen.push(url);
      return new Response('{}', { status: 200 });
    };
    const result = await createBrowserJudgeApi(spy).probe('http://127.0.0.1:11434/v1', false);
    expect(result).toEqual({ status: 'bad_answer' });
    expect(seen).toEqual(['http://127.0.0.1:11434/v1/models']);
  });
});
