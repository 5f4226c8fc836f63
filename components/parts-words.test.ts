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

  it('says when a stated part lacks its number, and names what a one-part claim lacks', () => {
    const words = partsWords(
      [
        { text: 'the city planted 12,000 trees in 2022', stated: true, evidence },
        { text: 'doubled the maintenance budget', stated: false },
      ],
      [{ kind: 'number', text: '12,000', part: 0 }],
    );
    expect(words?.byPart).toBe(true);
    expect(words?.line).toBe('States: “the city planted 12,000 trees in 2022” (without the number 12,000). Not found: “doubled the maintenance budget”.');
    // Every part stated, but one without its name: still not simply "States: …".
    const named = partsWords(
      [
        { text: 'Anna Harlow opened the park', stated: true, evidence },
        { text: 'planted 300 oaks', stated: true, evidence },
      ],
      [{ kind: 'name', text: 'Anna Harlow', part: 0 }],
    );
    expect(named?.line).toBe('States: “Anna Harlow opened the park” (without the name “Anna Harlow”), “planted 300 oaks”.');
    const one = partsWords(undefined, [
      { kind: 'number', text: '12,000' },
      { kind: 'year', text: '2021' },
      { kind: 'date', text: '5 March 2020' },
      { kind: 'name', text: 'Harlow' },
    ]);
    expect(one).toMatchObject({ byPart: false, stated: [], missing: [] });
    expect(one?.line).toBe('Not in the source: the number 12,000, the year 2021, the date 5 March 2020, the name “Harlow”.');
    expect(partsWords(undefined, [{ kind: 'number', text: '12,000' }], true)?.line).toBe('Not in any cited source: the number 12,000.');
    // No part stated: nothing part by part, but what no source holds is still named.
    expect(partsWords([{ text: 'a b', stated: false }, { text: 'c d in 2021', stated: false }], [{ kind: 'year', text: '2021', part: 1 }])?.line).toBe(
      'Not in the source: the year 2021.',
    );
  });
});
