import { describe, expect, it, vi } from 'vitest';
import { createToolbar } from './toolbar';
import { toolbarBadge } from '../../components/summary-words';
import type { Report } from '../report/schema';

function report(verdicts: Report['claims'][number]['verdict'][]): Report {
  return {
    url: 'https://a.example/',
    title: 'A',
    checkedAt: '2026-01-01T00:00:00.000Z',
    claims: verdicts.map((verdict, i) => ({ id: `c${i}`, text: 't', markers: ['[1]'], sourceIds: ['s1'], verdict, score: 0, evidence: [] })),
    sources: [],
    state: verdicts.includes('pending') ? 'running' : 'done',
  };
}

function fakeAction() {
  return {
    setBadgeText: vi.fn(async () => undefined),
    setBadgeBackgroundColor: vi.fn(async () => undefined),
    setTitle: vi.fn(async () => undefined),
  };
}

describe('toolbar', () => {
  it('sets the icon once per change, per tab', () => {
    const action = fakeAction();
    const toolbar = createToolbar(action, toolbarBadge);
    toolbar.show(1, report(['unsupported']));
    toolbar.show(1, report(['unsupported']));
    expect(action.setBadgeText).toHaveBeenCalledTimes(1);
    toolbar.show(2, report(['unsupported']));
    expect(action.setBadgeText).toHaveBeenCalledTimes(2);
    toolbar.show(1, report(['unsupported', 'unsupported']));
    expect(action.setBadgeText).toHaveBeenCalledTimes(3);
    expect(action.setTitle).toHaveBeenCalledTimes(3);
  });

  it('after clearing a tab, shows its count again even if unchanged', () => {
    const action = fakeAction();
    const toolbar = createToolbar(action, toolbarBadge);
    toolbar.show(1, report(['unsupported']));
    toolbar.clear(1);
    expect(action.setBadgeText).toHaveBeenLastCalledWith({ tabId: 1, text: '' });
    toolbar.show(1, report(['unsupported']));
    expect(action.setBadgeText).toHaveBeenCalledTimes(3);
  });

  it('survives an action API that throws or rejects', () => {
    const toolbar = createToolbar({
      setBadgeText: () => {
        throw new Error('no such tab');
      },
      setBadgeBackgroundColor: async () => Promise.reject(new Error('gone')),
      setTitle: vi.fn(async () => undefined),
    }, toolbarBadge);
    expect(() => toolbar.show(1, report(['supported']))).not.toThrow();
  });
});
