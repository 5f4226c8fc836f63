import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { OptionsApi } from '../api';
import { OptionsApp } from '../App';
import { DEFAULT_SETTINGS, type CheckMode, type Settings } from '../../../utils/settings';

function fakeApi(initial: Settings = DEFAULT_SETTINGS, clear: Awaited<ReturnType<OptionsApi['clearCache']>> = { ok: true }) {
  const saved: Settings[] = [];
  const modes: CheckMode[] = [];
  let cleared = 0;
  const api: OptionsApi = {
    load: async () => initial,
    save: async (s) => void saved.push(s),
    setCheckMode: async (mode) => void modes.push(mode),
    clearCache: async () => {
      cleared++;
      return clear;
    },
  };
  return { api, saved, modes, cleared: () => cleared };
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

  it('shows the check mode, automatic on every site by default, and sets another through the background', async () => {
    const { api, modes, saved } = fakeApi();
    render(<OptionsApp api={api} />);
    const auto = (await screen.findByRole('radio', { name: 'Automatically on every site' })) as HTMLInputElement;
    expect(auto.checked).toBe(true);
    const click = screen.getByRole('radio', { name: 'Only when I click' }) as HTMLInputElement;
    fireEvent.click(click);
    await waitFor(() => expect(modes).toEqual(['click']));
    expect(click.checked).toBe(true);
    expect(screen.getByTestId('status').textContent).toBe('Saved.');
    // A later change saves the whole settings with the new mode, not the old one.
    fireEvent.click(screen.getByTestId('use-logins'));
    await waitFor(() => expect(saved.at(-1)).toMatchObject({ checkMode: 'click', useLogins: true }));
  });

  it('each mode says in plain words what is fetched and when', async () => {
    render(<OptionsApp api={fakeApi().api} />);
    const allowed = (await screen.findByRole('radio', { name: 'Automatically on sites I allow, elsewhere when I click' })) as HTMLInputElement;
    expect(document.getElementById(allowed.getAttribute('aria-describedby')!)!.textContent).toContain('Not checked');
    const click = screen.getByRole('radio', { name: 'Only when I click' });
    expect(document.getElementById(click.getAttribute('aria-describedby')!)!.textContent).toContain('Nothing is fetched');
  });

  it('adds a site to the automatic list, lists it, and takes it out', async () => {
    const { api, saved } = fakeApi({ ...DEFAULT_SETTINGS, checkMode: 'allowed' });
    render(<OptionsApp api={api} />);
    fireEvent.input(await screen.findByTestId('allowed-input'), { target: { value: 'News.Example.org' } });
    fireEvent.click(screen.getByTestId('allowed-add'));
    await waitFor(() => expect(saved.at(-1)?.allowedSites).toEqual(['news.example.org']));
    expect(screen.getByTestId('allowed-sites').textContent).toContain('news.example.org');
    expect(screen.getByTestId('status').textContent).toBe('news.example.org is checked automatically.');
    const remove = screen.getByRole('button', { name: 'Stop checking automatically for news.example.org' });
    remove.focus();
    fireEvent.click(remove);
    await waitFor(() => expect(saved.at(-1)?.allowedSites).toEqual([]));
    expect(screen.queryByTestId('allowed-sites')).toBeNull();
    // Focus lands in the field, not at the page's start.
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('allowed-input')));
  });

  it('refuses an allowed site that is no site name', async () => {
    const { api, saved } = fakeApi();
    render(<OptionsApp api={api} />);
    fireEvent.input(await screen.findByTestId('allowed-input'), { target: { value: 'two words' } });
    fireEvent.click(screen.getByTestId('allowed-add'));
    expect(screen.getByTestId('status').textContent).toContain('not a site name');
    expect(saved).toHaveLength(0);
  });

  it('saves the badge size: auto by default, always the word, always compact', async () => {
    const { api, saved } = fakeApi();
    render(<OptionsApp api={api} />);
    const select = (await screen.findByTestId('badge-style')) as HTMLSelectElement;
    expect(select.value).toBe('auto');
    expect([...select.options].map((o) => o.value)).toEqual(['auto', 'compact', 'full']);
    expect(select.options[0].textContent).toContain('more than 40');
    for (const style of ['full', 'compact'] as const) {
      select.value = style;
      fireEvent.change(select);
      await waitFor(() => expect(saved.at(-1)?.badgeStyle).toBe(style));
    }
  });
});
