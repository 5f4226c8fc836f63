import { describe, expect, it } from 'vitest';
import { claimLabel } from './labels';
import { BADGE_CSS, BADGE_THEME_CSS, CARD_CSS, SHARED_CSS, THEME_CSS } from './styles';
import { ACCENT_CSS, KIND_WORDS, kindColorProperties } from './verdicts';
import { claimKind, KIND_ORDER } from '../utils/report/verdicts';
import { VERDICTS } from '../utils/report/schema';
import { claim, source } from '../tests/helpers/ui-fixtures';

describe('verdict table', () => {
  it('gives every kind its own word, phrase and meaning', () => {
    for (const field of ['word', 'phrase', 'meaning'] as const) {
      const values = KIND_ORDER.map((k) => KIND_WORDS[k][field]);
      expect(new Set(values).size).toBe(KIND_ORDER.length);
    }
  });

  it('lists every verdict of the schema, and the not-checkable kind, in summary order', () => {
    expect(KIND_ORDER.filter((k) => k !== 'uncheckable')).toEqual([...VERDICTS]);
    expect(KIND_ORDER.indexOf('uncheckable')).toBe(KIND_ORDER.indexOf('unavailable') + 1);
  });

  it('derives one colour property and one accent rule per kind, used by the full theme and the badges', () => {
    const props = kindColorProperties();
    for (const kind of KIND_ORDER) {
      expect(props).toContain(`--cc-${kind}: light-dark(${KIND_WORDS[kind].light}, ${KIND_WORDS[kind].dark});`);
      expect(ACCENT_CSS).toContain(`[data-verdict="${kind}"] { --cc-accent: var(--cc-${kind}); }`);
    }
    for (const css of [THEME_CSS, BADGE_THEME_CSS]) {
      expect(css).toContain(props);
      expect(css).toContain(ACCENT_CSS);
    }
  });

  it('inlines the stylesheets from their .css files', () => {
    expect(THEME_CSS).toMatch(/\.cc-theme\s*\{[^}]*--cc-bg: light-dark\(#ffffff, #1d2229\)/);
    expect(BADGE_CSS).toContain('.cc-badge {');
    expect(CARD_CSS).toContain('.cc-card {');
    expect(SHARED_CSS).toContain('.cc-chip {');
  });
});

describe('claimLabel', () => {
  const sources = new Map([
    ['s1', source('s1', { label: '12' })],
    ['s2', source('s2', { label: 'Source 2' })],
  ]);

  it.each(KIND_ORDER.filter((k) => k !== 'uncheckable'))('names a %s claim with the badge word it shows', (verdict) => {
    const c = claim('c1', verdict, { sourceIds: verdict === 'unlinked' ? [] : ['s1', 's2'], markers: ['[12]'] });
    const label = claimLabel(c, sources);
    expect(label.startsWith('Citecheck: ')).toBe(true);
    expect(label.toLowerCase()).toContain(KIND_WORDS[verdict].word.toLowerCase());
    if (verdict !== 'unlinked') expect(label).toContain('source 12 and Source 2');
    else expect(label).toContain('marker [12] points at no source');
  });

  it('names a claim whose only source has no link "not checkable"', () => {
    const noLink = new Map([['s1', source('s1', { label: '3', status: 'unavailable', reason: 'no_url' })]]);
    const c = claim('c1', 'unavailable');
    expect(claimKind(c, noLink)).toBe('uncheckable');
    expect(claimLabel(c, noLink)).toBe('Citecheck: not checkable, source 3 has no link to read');
  });

  it('keeps the wording the badges had for the first verdicts', () => {
    const one = new Map([['s1', source('s1', { label: 'Source 2' })]]);
    expect(claimLabel(claim('c1', 'partial'), one)).toBe('Citecheck: partly supported by Source 2');
    expect(claimLabel(claim('c1', 'unavailable'), one)).toBe('Citecheck: could not check, Source 2 unavailable');
    expect(claimLabel(claim('c1', 'unsupported'), one)).toBe('Citecheck: not found in Source 2');
  });
});
