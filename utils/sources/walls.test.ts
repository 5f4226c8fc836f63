import { describe, expect, it } from 'vitest';
import { looksLikePaywall } from './walls';

describe('looksLikePaywall', () => {
  it.each([
    [{ text: 'Short teaser.', pageText: 'Subscribe to continue reading.' }, true],
    [{ text: 'Short teaser.', pageText: 'Log in to read the full story.' }, true],
    [{ text: 'Short teaser.', pageText: 'You have reached your limit of free articles.' }, true],
    [{ text: 'Short teaser.', wallMarkup: true }, true],
    [{ text: 'A short but complete note about the harbour opening hours on weekdays.' }, false],
    [{ text: 'word '.repeat(500), pageText: 'Subscribe to continue reading.' }, false],
    [{ text: 'word '.repeat(500), declaredPaid: true }, false],
    [{ text: 'word '.repeat(200), declaredPaid: true }, true],
    [{ text: `${'word '.repeat(200)} Subscribe to continue reading.` }, true],
    [{ text: 'word '.repeat(200), pageText: 'Subscribe to continue reading.' }, false],
    [{ text: 'word '.repeat(200), wallMarkup: true }, false],
  ])('%j → %s', (signals, expected) => {
    expect(looksLikePaywall(signals)).toBe(expected);
  });
});
