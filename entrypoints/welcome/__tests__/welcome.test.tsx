import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { CheckMode } from '../../../utils/settings';
import type { WelcomeApi } from '../api';
import { WelcomeApp } from '../App';

function fakeApi(initial: CheckMode = 'auto', fail = false) {
  const set: CheckMode[] = [];
  let options = 0;
  const api: WelcomeApi = {
    mode: async () => initial,
    setMode: async (mode) => {
      if (fail) throw new Error('storage is full');
      set.push(mode);
    },
    openOptions: async () => void options++,
  };
  return { api, set, options: () => options };
}

afterEach(cleanup);

describe('first-run page', () => {
  it('says what is fetched and when, in plain words', async () => {
    render(<WelcomeApp api={fakeApi().api} />);
    await screen.findByRole('radio', { name: 'Automatically on every site' });
    const text = document.body.textContent!;
    expect(text).toContain('Only the pages an article cites');
    expect(text).toContain('without your cookies');
    expect(text).toContain('Nothing leaves your browser');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Welcome to Citecheck');
  });

  it('offers the three modes, with "automatically on every site" chosen by default', async () => {
    render(<WelcomeApp api={fakeApi().api} />);
    const radios = (await screen.findAllByRole('radio')) as HTMLInputElement[];
    expect(radios.map((r) => r.value)).toEqual(['auto', 'allowed', 'click']);
    expect(radios.filter((r) => r.checked).map((r) => r.value)).toEqual(['auto']);
    expect(screen.getByRole('group', { name: 'Check the sources an article cites' })).toBeTruthy();
  });

  it('says the latest choice was saved when an earlier save answers after it', async () => {
    const pending = new Map<CheckMode, () => void>();
    const api: WelcomeApi = {
      mode: async () => 'auto',
      setMode: (mode) => new Promise<void>((resolve) => void pending.set(mode, resolve)),
      openOptions: async () => undefined,
    };
    render(<WelcomeApp api={api} />);
    fireEvent.click(await screen.findByRole('radio', { name: 'Automatically on sites I allow, elsewhere when I click' }));
    fireEvent.click(screen.getByRole('radio', { name: 'Only when I click' }));
    pending.get('click')!();
    await waitFor(() => expect(screen.getByTestId('status').textContent).toBe('Saved: “Only when I click”.'));
    pending.get('allowed')!();
    await new Promise((r) => setTimeout(r, 20));
    expect(screen.getByTestId('status').textContent).toBe('Saved: “Only when I click”.');
  });

  it('shows the stored mode when the reader comes back to the page', async () => {
    render(<WelcomeApp api={fakeApi('allowed').api} />);
    const allowed = (await screen.findByRole('radio', { name: 'Automatically on sites I allow, elsewhere when I click' })) as HTMLInputElement;
    expect(allowed.checked).toBe(true);
  });

  it('saves a mode as soon as it is picked, and says so', async () => {
    const { api, set } = fakeApi();
    render(<WelcomeApp api={api} />);
    fireEvent.click(await screen.findByRole('radio', { name: 'Only when I click' }));
    await waitFor(() => expect(set).toEqual(['click']));
    expect(screen.getByTestId('status').textContent).toBe('Saved: “Only when I click”.');
    expect((screen.getByRole('radio', { name: 'Only when I click' }) as HTMLInputElement).checked).toBe(true);
  });

  it('says why when the mode cannot be saved', async () => {
    render(<WelcomeApp api={fakeApi('auto', true).api} />);
    fireEvent.click(await screen.findByRole('radio', { name: 'Only when I click' }));
    await waitFor(() => expect(screen.getByTestId('status').textContent).toContain('Could not save'));
    expect(screen.getByTestId('status').getAttribute('data-kind')).toBe('error');
  });

  it('opens the options', async () => {
    const fake = fakeApi();
    render(<WelcomeApp api={fake.api} />);
    fireEvent.click(await screen.findByTestId('open-options'));
    await waitFor(() => expect(fake.options()).toBe(1));
  });
});
