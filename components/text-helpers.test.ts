import { describe, expect, it } from 'vitest';
import { markRuns } from './marks';
import { placeCard, unionBox, GAP, MARGIN } from './inline/placement';
import { detectPageTheme, luminance, parseRgb } from './inline/theme';
import { evidenceLink, passageLink, safeHttpUrl, textFragmentDirective } from '../utils/report/links';
import { archiveNote } from '../utils/report/reasons';

describe('markRuns', () => {
  const marked = (text: string, words: string[]) => markRuns(text, words).filter((r) => r.marked).map((r) => r.text);

  it.each([
    ['Visits to parks rose sharply.', ['visits', 'rose'], ['Visits', 'rose']],
    ['Park visits rose by 57% in 2023.', ['visits', 'rose', '57%'], ['visits rose', '57%']],
    ['The increase was steady; it increased again.', ['increas'], ['increase', 'increased']],
    ['A rat ran past the rate card.', ['rat'], ['rat']],
    ['Rates rose 3.5 points.', ['3.5'], ['3.5']],
    ['New York City grew.', ['new york'], ['New York']],
    ['Nothing matches here.', ['absent'], []],
  ])('marks %j for %j', (text, words, expected) => {
    expect(marked(text, words)).toEqual(expected);
  });

  it('keeps every character of the passage, in order', () => {
    const text = 'Visits, to parks — rose (sharply) by 57% in 2023!';
    expect(markRuns(text, ['visits', 'parks', '2023']).map((r) => r.text).join('')).toBe(text);
  });

  it('returns the text unmarked when nothing matched', () => {
    expect(markRuns('plain', [])).toEqual([{ text: 'plain', marked: false }]);
  });
});

describe('links', () => {
  it.each([
    ['https://a.example/x', 'https://a.example/x'],
    ['http://a.example', 'http://a.example/'],
    ['javascript:alert(1)', null],
    ['data:text/html,hi', null],
    ['not a url', null],
    [undefined, null],
  ])('safeHttpUrl(%j) is %j', (url, expected) => {
    expect(safeHttpUrl(url)).toBe(expected);
  });

  it('names a short passage whole and a long one by its ends, escaping directive syntax', () => {
    expect(textFragmentDirective('Visits rose 57%, a record-high.')).toBe('Visits%20rose%2057%25%2C%20a%20record%2Dhigh.');
    expect(textFragmentDirective('one two three four five six seven eight nine ten')).toBe('one%20two%20three%20four,seven%20eight%20nine%20ten');
  });

  it('adds the fragment after an existing hash and replaces an old directive', () => {
    expect(passageLink({ url: 'https://a.example/p#sec' }, 'hello world')).toBe('https://a.example/p#sec:~:text=hello%20world');
    expect(passageLink({ url: 'https://a.example/p#:~:text=old' }, 'new')).toBe('https://a.example/p#:~:text=new');
    expect(passageLink({ url: 'https://a.example/p', finalUrl: 'https://b.example/q' }, 'x')).toBe('https://b.example/q#:~:text=x');
    expect(passageLink({ url: 'javascript:alert(1)' }, 'x')).toBeNull();
  });
});

describe('placeCard', () => {
  const viewport = { width: 1000, height: 800 };
  const card = { width: 380, height: 300 };
  const anchor = (top: number, left: number) => ({ top, left, bottom: top + 20, right: left + 80 });

  it('goes below the marker when it fits', () => {
    const p = placeCard(anchor(100, 200), card, viewport);
    expect(p).toMatchObject({ side: 'below', top: 120 + GAP, left: 200 });
  });

  it('goes above when there is no room below', () => {
    const p = placeCard(anchor(700, 200), card, viewport);
    expect(p.side).toBe('above');
    expect(p.top + card.height).toBe(700 - GAP);
  });

  it('stays inside the viewport at the right edge', () => {
    const p = placeCard(anchor(100, 950), card, viewport);
    expect(p.left + card.width).toBeLessThanOrEqual(viewport.width - MARGIN);
  });

  it('never covers the marker and never leaves the viewport, wherever the marker is', () => {
    for (let top = 0; top <= 780; top += 20) {
      for (let left = 0; left <= 960; left += 80) {
        for (const height of [120, 500, 900]) {
          const a = anchor(top, left);
          const p = placeCard(a, { width: 380, height }, viewport);
          const shown = Math.min(height, p.maxHeight);
          const bottom = p.top + shown;
          expect(bottom <= a.top || p.top >= a.bottom).toBe(true);
          expect(p.top).toBeGreaterThanOrEqual(0);
          expect(bottom).toBeLessThanOrEqual(viewport.height);
          expect(p.left).toBeGreaterThanOrEqual(MARGIN);
          expect(p.left + 380).toBeLessThanOrEqual(viewport.width - MARGIN);
        }
      }
    }
  });

  it('unionBox spans the marker and its badge', () => {
    expect(unionBox([{ top: 10, left: 5, bottom: 20, right: 30 }, { top: 12, left: 30, bottom: 24, right: 90 }])).toEqual({ top: 10, left: 5, bottom: 24, right: 90 });
  });
});

describe('page theme', () => {
  it('parses computed colours', () => {
    expect(parseRgb('rgb(10, 20, 30)')).toEqual({ r: 10, g: 20, b: 30, a: 1 });
    expect(parseRgb('rgba(0, 0, 0, 0)')).toEqual({ r: 0, g: 0, b: 0, a: 0 });
    expect(parseRgb('#0a141e')).toEqual({ r: 10, g: 20, b: 30, a: 1 });
    expect(parseRgb('#fff')).toEqual({ r: 255, g: 255, b: 255, a: 1 });
    expect(parseRgb('transparent')).toBeNull();
  });

  it('orders luminance from black to white', () => {
    expect(luminance({ r: 0, g: 0, b: 0 })).toBe(0);
    expect(luminance({ r: 255, g: 255, b: 255 })).toBeCloseTo(1);
  });

  it.each([
    ['background: #111418; color: #ddd', 'dark'],
    ['background: #ffffff; color: #222', 'light'],
    ['color: #eeeeee', 'dark'],
    ['color: #222222', 'light'],
  ])('a body styled %j reads as %s', (style, theme) => {
    document.body.setAttribute('style', style);
    expect(detectPageTheme(document)).toBe(theme);
    document.body.removeAttribute('style');
  });
});

describe('evidenceLink', () => {
  it('opens a PDF passage at its page, replacing any fragment', () => {
    expect(evidenceLink({ url: 'https://a.example/r.pdf' }, { text: 'x y', page: 7 })).toBe('https://a.example/r.pdf#page=7');
    expect(evidenceLink({ url: 'https://a.example/r.pdf#page=2' }, { text: 'x', page: 7 })).toBe('https://a.example/r.pdf#page=7');
  });
  it('opens the archived copy of a source read from it, and the original otherwise', () => {
    const archiveUrl = 'https://web.archive.org/web/20210602101500/https://a.example/p';
    expect(evidenceLink({ url: 'https://a.example/p', archiveUrl, readFrom: 'archive' }, { text: 'hello world' })).toBe(`${archiveUrl}#:~:text=hello%20world`);
    expect(evidenceLink({ url: 'https://a.example/p', archiveUrl }, { text: 'hello world' })).toBe('https://a.example/p#:~:text=hello%20world');
    expect(evidenceLink({ url: 'https://a.example/p', archiveUrl: 'javascript:alert(1)', readFrom: 'archive' }, { text: 'x' })).toBe('https://a.example/p#:~:text=x');
  });
});

describe('archiveNote', () => {
  it('dates the copy in words', () => {
    expect(archiveNote({ readFrom: 'archive', archivedAt: '2021-06-02T10:15:00.000Z' })).toBe('Read from an archived copy of 2 June 2021');
    expect(archiveNote({ readFrom: 'archive' })).toBe('Read from an archived copy');
    expect(archiveNote({})).toBe('');
  });
});
