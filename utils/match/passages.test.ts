import { describe, expect, it } from 'vitest';
import { matchClaim } from './index';
import { abbreviationsOf, indexSource } from './source';

// An abstract of our own: the drug is named once, then only abbreviated.
const abstract = [
  'We gave tolvaprine (TVP) to patients admitted with pneumonia.',
  'The ward kept its usual routine throughout the winter.',
  'Nurses recorded temperatures twice a day.',
  'Meals and visiting hours did not change.',
  'Those on TVP recovered sooner, which helped the ward.',
].join('\n');

describe('abbreviationsOf', () => {
  it('reads a phrase and the bracketed abbreviation after it, and the later sentences using it', () => {
    const found = abbreviationsOf(indexSource('s', abstract));
    expect(found).toEqual([{ phrase: ['tolvaprin'], usedIn: [4] }]);
  });

  it('takes the phrase back to the word starting with the first letter, over at most its letter count', () => {
    const text = 'Ten were moved to the intensive care unit (ICU) on arrival.\nThe ICU had room.';
    expect(abbreviationsOf(indexSource('s', text))).toEqual([{ phrase: ['intens', 'care', 'unit'], usedIn: [1] }]);
  });

  it('reads no abbreviation from a bracket of one capital or none, or one whose letter starts no word before it', () => {
    const text = 'The results (see below) follow in part (A) of the table.\nThe new method (XYZ) works.\nXYZ and A again, see below.';
    expect(abbreviationsOf(indexSource('s', text))).toEqual([]);
  });

  it('does not count a use before the definition', () => {
    const text = 'TVP was new.\nWe gave tolvaprine (TVP) to adults.';
    expect(abbreviationsOf(indexSource('s', text))).toEqual([{ phrase: ['tolvaprin'], usedIn: [] }]);
  });
});

describe('evidence order: an abbreviation counts as its phrase', () => {
  const claim = 'Tolvaprine helped pneumonia patients recover sooner.';

  it('shows first the finding that uses the abbreviation, over the definition it ties with on the claim words', () => {
    const match = matchClaim(claim, [indexSource('s', abstract)]);
    expect(match.evidence[0].text).toBe('Those on TVP recovered sooner, which helped the ward.');
    // The passage's words are reported as written: the claim's word is still missing from it.
    expect(match.evidence[0].missing).toContain('Tolvaprine');
    expect(match.evidence.map((e) => e.text)).toContain('We gave tolvaprine (TVP) to patients admitted with pneumonia.');
  });

  it('changes only the order: the score and verdict are those of the same source without the abbreviation used', () => {
    const spelled = abstract.replace('Those on TVP', 'Those on it');
    const withAbbreviation = matchClaim(claim, [indexSource('s', abstract)]);
    const without = matchClaim(claim, [indexSource('s', spelled)]);
    expect(without.evidence[0].text).toBe('We gave tolvaprine (TVP) to patients admitted with pneumonia.');
    expect(withAbbreviation.score).toBe(without.score);
    expect(withAbbreviation.verdict).toBe(without.verdict);
  });
});
