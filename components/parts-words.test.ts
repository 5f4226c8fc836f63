import { describe, expect, it } from 'vitest';
import { partsWords } from './parts-words';

const evidence = { sourceId: 's1', text: 'The city planted 12,000 trees in 2022.', start: 0, end: 38, score: 0.9, matched: [], missing: [], conflicts: [] };

describe('parts in words', () => {
  it('says what the source states and what it does not', () => {
    const words = partsWords([
      { text: 'the city planted 12,000 trees in 2022', stated: true, evidence },
      { text: 'it doubled the maintenance budget.', stated: false },
    ]);
    expect(words?.line).toBe('States: “the city planted 12,000 trees in 2022”. Not found: “it doubled the maintenance budget”.');
    expect(words?.stated[0].evidence?.text).toBe('The city planted 12,000 trees in 2022.');
  });

  it.each([
    ['no parts', undefined],
    ['a single part', [{ text: 'the city planted trees', stated: true, evidence }]],
    ['every part stated', [{ text: 'a', stated: true, evidence }, { text: 'b', stated: true, evidence }]],
    ['no part stated', [{ text: 'a', stated: false }, { text: 'b', stated: false }]],
  ])('says nothing part by part with %s', (_label, parts) => {
    expect(partsWords(parts)).toBeNull();
  });
});
