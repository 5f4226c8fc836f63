import { describe, expect, it } from 'vitest';
import { analyseClaim } from '../../../utils/match/claim';
import { indexSource } from '../../../utils/match/source';
import { mentionsStating } from './numbers';

const claimNumber = (claim: string) => analyseClaim(claim).terms.find((t) => t.number)!.number!;
const mentionsOf = (text: string) => indexSource('s', text).sentences[0].numbers;

describe('mentionsStating', () => {
  it('does not count one year alone as stating a claim\'s year span', () => {
    const span = claimNumber('The club was promoted in the 2018–19 season.');
    expect(mentionsStating(mentionsOf('The club was promoted in 2018 after a long wait.'), span)).toEqual([]);
    expect(mentionsStating(mentionsOf('The club was promoted in 2019 after a long wait.'), span)).toEqual([]);
  });

  it('counts the same span in another form, or both of its years', () => {
    const span = claimNumber('The club was promoted in the 2018–19 season.');
    expect(mentionsStating(mentionsOf('The club was promoted in the 2018/19 season.'), span)).toHaveLength(1);
    expect(mentionsStating(mentionsOf('The club played from 2018 to 2019 in the lower league.'), span)).toHaveLength(2);
  });

  it('counts a claim\'s single year in a span that begins or ends with it, and a count by value', () => {
    expect(mentionsStating(mentionsOf('The club was promoted in the 2018–19 season.'), claimNumber('The club was promoted in 2018.'))).toHaveLength(1);
    expect(mentionsStating(mentionsOf('It sold 1,200 tickets and 40 scarves.'), claimNumber('It sold 1200 tickets.'))).toHaveLength(1);
  });
});
