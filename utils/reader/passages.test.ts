import { describe, expect, it } from 'vitest';
import { pageAt, splitRuns } from './passages';

describe('splitRuns', () => {
  it('marks the passage and keeps the text around it', () => {
    const runs = splitRuns('Before. The passage. After.', [{ start: 8, end: 20, kind: 'evidence' }]);
    expect(runs).toEqual([{ text: 'Before. ' }, { text: 'The passage.', mark: 'evidence' }, { text: ' After.' }]);
  });

  it('merges overlapping highlights, the evidence winning, and keeps separate parts apart', () => {
    const text = 'aaaa bbbb cccc dddd';
    const runs = splitRuns(text, [
      { start: 15, end: 19, kind: 'part' },
      { start: 0, end: 6, kind: 'part' },
      { start: 3, end: 9, kind: 'evidence' },
    ]);
    expect(runs).toEqual([
      { text: 'aaaa bbbb', mark: 'evidence' },
      { text: ' cccc ' },
      { text: 'dddd', mark: 'part' },
    ]);
    expect(runs.map((r) => r.text).join('')).toBe(text);
  });

  it('clamps offsets past the text and drops empty ranges', () => {
    expect(splitRuns('short', [{ start: 2, end: 99, kind: 'evidence' }, { start: 4, end: 4, kind: 'part' }])).toEqual([
      { text: 'sh' },
      { text: 'ort', mark: 'evidence' },
    ]);
    expect(splitRuns('plain', [])).toEqual([{ text: 'plain' }]);
  });
});

describe('pageAt', () => {
  it('gives the page an offset falls on', () => {
    expect(pageAt([0, 100, 250], 0)).toBe(1);
    expect(pageAt([0, 100, 250], 120)).toBe(2);
    expect(pageAt([0, 100, 250], 900)).toBe(3);
    expect(pageAt(undefined, 5)).toBeUndefined();
  });
});
