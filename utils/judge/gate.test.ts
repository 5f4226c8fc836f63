import { describe, expect, it } from 'vitest';
import { findQuote, gateAnswer, normalise } from './gate';
import type { ShownPassage } from './prompt';

const shown: ShownPassage[] = [
  { sourceId: 's1', index: 0, text: 'The survey counted 1,204 street trees.  Shade lowered the\npavement’s temperature by “4 degrees”.' },
  { sourceId: 's2', index: 1, text: 'Ridership fell to 21 percent in 2023, the agency said.' },
];

describe('the quote gate', () => {
  it('accepts a quote copied with other whitespace, quotation marks and case, and returns it as the source has it', () => {
    const result = gateAnswer(
      { verdict: 'supported', quote: 'shade lowered the pavement\'s temperature by "4 DEGREES"', reason: 'It says so.' },
      shown,
    );
    expect(result).toMatchObject({ ok: true, verdict: 'supported', at: { sourceId: 's1', index: 0 } });
    if (!result.ok) throw new Error('rejected');
    expect(result.quote).toBe('Shade lowered the\npavement’s temperature by “4 degrees');
    expect(shown[0].text.slice(result.at!.start, result.at!.end)).toBe(result.quote);
  });

  it('strips quotation marks the model put around the whole quote', () => {
    const result = gateAnswer({ verdict: 'contradicted', quote: '"Ridership fell to 21 percent in 2023"', reason: 'r' }, shown);
    expect(result).toMatchObject({ ok: true, quote: 'Ridership fell to 21 percent in 2023', at: { sourceId: 's2', index: 1 } });
  });

  it('drops an invented quote, whatever the verdict', () => {
    expect(gateAnswer({ verdict: 'supported', quote: 'The survey counted 1,300 street trees.', reason: 'r' }, shown)).toEqual({
      ok: false,
      reason: 'quote_not_found',
    });
    expect(gateAnswer({ verdict: 'unsupported', quote: 'Nothing like this is written anywhere.', reason: 'r' }, shown)).toEqual({
      ok: false,
      reason: 'quote_not_found',
    });
  });

  it('does no fuzzy matching: a changed word, a dropped word or an ellipsis fails', () => {
    for (const quote of ['Ridership dropped to 21 percent in 2023', 'Ridership fell 21 percent in 2023', 'Ridership fell … in 2023']) {
      expect(gateAnswer({ verdict: 'supported', quote, reason: 'r' }, shown)).toMatchObject({ ok: false, reason: 'quote_not_found' });
    }
  });

  it('needs a quote for supported, partial and contradicted, not for unsupported', () => {
    for (const verdict of ['supported', 'partial', 'contradicted']) {
      expect(gateAnswer({ verdict, quote: ' ', reason: 'r' }, shown)).toEqual({ ok: false, reason: 'no_quote' });
    }
    expect(gateAnswer({ verdict: 'unsupported', quote: '', reason: ' Not stated. ' }, shown)).toEqual({
      ok: true,
      verdict: 'unsupported',
      quote: '',
      reason: 'Not stated.',
      at: null,
    });
  });

  it('refuses a quote too short to prove anything', () => {
    expect(gateAnswer({ verdict: 'supported', quote: 'the agency', reason: 'r' }, shown)).toEqual({ ok: false, reason: 'quote_too_short' });
  });

  it('drops off-schema answers', () => {
    for (const answer of [
      null,
      'supported',
      { verdict: 'true', quote: 'Ridership fell to 21 percent', reason: 'r' },
      { verdict: 'supported', quote: 'Ridership fell to 21 percent' },
      { verdict: 'supported', quote: 42, reason: 'r' },
      { verdict: 'supported', quote: 'x'.repeat(601), reason: 'r' },
    ]) {
      expect(gateAnswer(answer, shown)).toEqual({ ok: false, reason: 'off_schema' });
    }
  });

  it('only counts what was shown: text of a passage that was cut off does not count', () => {
    const cut: ShownPassage[] = [{ sourceId: 's1', index: 0, text: 'The survey counted 1,204 street trees.' }];
    expect(gateAnswer({ verdict: 'supported', quote: 'Shade lowered the pavement’s temperature', reason: 'r' }, cut)).toMatchObject({
      ok: false,
      reason: 'quote_not_found',
    });
  });

  it('maps the prompt’s stand-ins for angle brackets back to the source’s own', () => {
    const passages = [{ text: 'A value <b>under 5</b> was recorded twice.' }];
    const found = findQuote('value ‹b›under 5‹/b› was recorded', passages);
    expect(found).toEqual({ passage: 0, start: 2, end: 35 });
    expect(passages[0].text.slice(found!.start, found!.end)).toBe('value <b>under 5</b> was recorded');
  });

  it('normalises characters outside the basic plane without losing offsets', () => {
    const { text, from } = normalise('A  𝐁ig  tree');
    expect(text).toBe('a big tree');
    expect(from[2]).toBe(3);
    expect(findQuote('big tree', [{ text: 'A  𝐁ig  tree' }])).toEqual({ passage: 0, start: 3, end: 13 });
  });
});
