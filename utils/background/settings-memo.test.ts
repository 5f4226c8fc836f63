import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createSettingsMemo } from './settings-memo';
import { getSettings, saveSettings, DEFAULT_SETTINGS } from '../settings';

describe('settings memo', () => {
  it('reads once until a change, then reads again', async () => {
    let listener = () => {};
    const read = vi.fn(async () => read.mock.calls.length);
    const settings = createSettingsMemo(read, (l) => (listener = l));
    expect(await settings()).toBe(1);
    expect(await settings()).toBe(1);
    expect(read).toHaveBeenCalledTimes(1);
    listener();
    expect(await settings()).toBe(2);
  });

  it('does not remember a failed read', async () => {
    const read = vi.fn().mockRejectedValueOnce(new Error('storage busy')).mockResolvedValueOnce('ok');
    const settings = createSettingsMemo(read, () => undefined);
    await expect(settings()).rejects.toThrow('storage busy');
    expect(await settings()).toBe('ok');
  });

  it('follows the stored settings through storage change events', async () => {
    fakeBrowser.reset();
    const read = vi.fn(getSettings);
    const settings = createSettingsMemo(read, (l) =>
      fakeBrowser.storage.onChanged.addListener((_changes, area) => {
        if (area === 'local') l();
      }),
    );
    expect((await settings()).checkMode).toBe('auto');
    await saveSettings({ ...DEFAULT_SETTINGS, checkMode: 'click' });
    expect((await settings()).checkMode).toBe('click');
    await settings();
    expect(read).toHaveBeenCalledTimes(2);
  });
});
