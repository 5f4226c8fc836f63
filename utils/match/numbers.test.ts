import { describe, expect, it } from 'vitest';
import { readNumbers, sameNumber } from './numbers';
import { tokenize } from './text';

function numbersIn(text: string) {
  return readNumbers(tokenize(text), text);
}

function one(text: string) {
  const found = numbersIn(text);
  expect(found, `one number in "${text}"`).toHaveLength(1);
  return found[0];
}

describe('reading numbers', () => {
  it.each([
    ['65.7%', 65.7, true],
    ['65.7 percent', 65.7, true],
    ['65.7 per cent', 65.7, true],
    ['1,000', 1000, false],
    ['1000', 1000, false],
    ['3 million', 3e6, false],
    ['3.2 million', 3.2e6, false],
    ['5.5bn', 5.5e9, false],
    ['twenty-one', 21, false],
    ['two-thirds', 2 / 3, false],
    ['half', 0.5, false],
    ['a dozen', 12, false],
  ])('reads "%s" as %d (percent: %s)', (text, value, percent) => {
    const n = one(`The figure was ${text} last year.`.replace(' last year', ''));
    expect(n.value).toBeCloseTo(value, 6);
    expect(n.percent).toBe(percent);
  });

  it('tells years from counts', () => {
    expect(one('It opened in 2021.').year).toBe(true);
    expect(one('It has 2,021 seats.').year).toBe(false);
    expect(one('It costs 2021 million.').year).toBe(false);
    expect(one('It rose 2021%.').year).toBe(false);
  });

  it('finds every number in a sentence, with offsets', () => {
    const text = 'In 2019, 57% of 3 million voters agreed.';
    const found = numbersIn(text);
    expect(found.map((n) => text.slice(n.start, n.end))).toEqual(['2019', '57%', '3 million']);
  });
});

describe('digits that belong to a name', () => {
  it.each([
    ['COVID-19 cases rose.', []],
    ['SARS-CoV-2 spread in 2020.', ['2020']],
    ['Levels of IL-6 were 40% higher.', ['40%']],
    ['Between 2019-2020, 12 people left.', ['2019', '2020', '12']],
  ])('in "%s" the numbers are %j', (text, numbers) => {
    expect(numbersIn(text).map((n) => text.slice(n.start, n.end))).toEqual(numbers);
  });
});

describe('comparing numbers', () => {
  it.each([
    ['65.7%', '65.7 percent', true],
    ['1,000', '1000', true],
    ['3 million', '3,000,000', true],
    ['3.2 million', '3,215,000', true],
    ['3 million', '3,400,000', true],
    ['3,000,000', '3,400,000', false],
    ['two-thirds', '67%', true],
    ['two-thirds', '66.7 percent', true],
    ['half', '50%', true],
    ['57%', '65.7%', false],
    ['2020', '2021', false],
    ['2021', '2,021', true],
    ['2021', '2021.5', false],
  ])('%s and %s agree: %s', (a, b, agree) => {
    expect(sameNumber(one(a), one(b))).toBe(agree);
    expect(sameNumber(one(b), one(a))).toBe(agree);
  });
});
