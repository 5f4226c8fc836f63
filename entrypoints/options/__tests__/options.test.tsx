import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { OptionsApi } from '../api';
import { OptionsApp } from '../App';
import { DEFAULT_SETTINGS, type Settings } from '../../../utils/settings';

function fakeApi(initial: Settings = DEFAULT_SETTINGS, clear: Awaited<ReturnType<OptionsApi['clearCache']>> = { ok: true }) {
  const saved: Settings[] = [];
  let cleared = 0;
  const api: OptionsApi = {
    load: async () => initial,
    save: async (s) => void saved.push(s),
    clearCache: async () => {
      cleared++;
      return clear;
    },
  };
  return { api, saved, cleared: () => cleared };
}

afterEach(cleanup);

describe('options page', () => {
  it('shows the defaults: on everywhere, logins and private networks off', async () => {
    render(<OptionsApp api={fakeApi().api} />);
    expect(((await screen.findByTestId('enabled')) as HTMLInputElement).checked).toBe(true);
    expect((screen.getByTestId('use-logins') as HTMLInputElement).checked).toBe(false);
    expect((screen.getByTestId('allow-private') as HTMLInputElement).checked).toBe(false);
    expect((screen.getByTestId('wayback-lookup') as HTMLInputElement).checked).toBe(false);
    expect((screen.getByTestId('ttl') as HTMLSelectElement).value).toBe('24');
  });

  it.each([
    ['enabled', { enabled: false }],
    ['use-logins', { useLogins: true }],
    ['allow-private', { allowPrivate: true }],
    ['wayback-lookup', { waybackLookup: true }],
  ] as const)('saves a change of %s at once', async (testId, expected) => {
    const { api, saved } = fakeApi();
    render(<OptionsApp api={api} />);
    fireEvent.click(await screen.findByTestId(testId));
    await waitFor(() => expect(saved.at(-1)).toMatchObject(expected));
    expect(screen.getByTestId('status').textContent).toBe('Saved.');
  });

  it('says that the Wayback lookup sends the dead link to the Internet Archive', async () => {
    render(<OptionsApp api={fakeApi().api} />);
    const label = (await screen.findByTestId('wayback-lookup')).closest('label')!;
    expect(label.textContent).toContain("sends the dead link's address to the Internet Archive");
  });

  it('saves the cache time to live', async () => {
    const { api, saved } = fakeApi();
    render(<OptionsApp api={api} />);
    const ttl = (await screen.findByTestId('ttl')) as HTMLSelectElement;
    ttl.value = '168';
    fireEvent.change(ttl);
    await waitFor(() => expect(saved.at(-1)?.cacheTtlHours).toBe(168));
  });

  it('turns a site off, lists it, and turns it on again', async () => {
    const { api, saved } = fakeApi();
    render(<OptionsApp api={api} />);
    const input = (await screen.findByTestId('site-input')) as HTMLInputElement;
    fireEvent.input(input, { target: { value: 'https://www.Example.com/news' } });
    fireEvent.click(screen.getByTestId('site-add'));
    await waitFor(() => expect(saved.at(-1)?.disabledSites).toEqual(['example.com']));
    expect(screen.getByTestId('disabled-sites').textContent).toContain('example.com');
    fireEvent.click(screen.getByRole('button', { name: 'Turn Citecheck on again for example.com' }));
    await waitFor(() => expect(saved.at(-1)?.disabledSites).toEqual([]));
  });

  it('refuses a site name that is not one', async () => {
    const { api, saved } = fakeApi();
    render(<OptionsApp api={api} />);
    const input = (await screen.findByTestId('site-input')) as HTMLInputElement;
    fireEvent.input(input, { target: { value: 'not a site!' } });
    fireEvent.click(screen.getByTestId('site-add'));
    expect(screen.getByTestId('status').textContent).toContain('not a site name');
    expect(saved).toHaveLength(0);
  });

  it('clears the cache and says so, or says why not', async () => {
    const ok = fakeApi();
    render(<OptionsApp api={ok.api} />);
    fireEvent.click(await screen.findByTestId('clear-cache'));
    await waitFor(() => expect(screen.getByTestId('status').textContent).toContain('The cache is empty'));
    expect(ok.cleared()).toBe(1);
    cleanup();
    render(<OptionsApp api={fakeApi(DEFAULT_SETTINGS, { ok: false, error: 'busy' }).api} />);
    fireEvent.click(await screen.findByTestId('clear-cache'));
    await waitFor(() => expect(screen.getByTestId('status').textContent).toBe('Could not clear the cache: busy'));
  });
});
