import { describe, expect, it } from 'vitest';
import { ambiguousDate, comparable, isNumberWord, readNumbers, sameNumber, statedIn } from './numbers';
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
    ['half a million', 5e5, false],
    ['half million', 5e5, false],
    ['two-thirds of a billion', (2 / 3) * 1e9, false],
    ['a quarter of a million', 2.5e5, false],
    ['half a dozen', 6, false],
  ])('reads "%s" as %d (percent: %s)', (text, value, percent) => {
    const n = one(`The figure was ${text} last year.`.replace(' last year', ''));
    expect(n.value).toBeCloseTo(value, 6);
    expect(n.percent).toBe(percent);
  });

  it('reads no number from words an object inherits ("constructor", a capitalised "Constructor" before a year)', () => {
    expect(numbersIn('The constructor of the bridge was paid.')).toEqual([]);
    expect(isNumberWord('constructor')).toBe(false);
    const [year] = numbersIn('Constructor 2020 won the cup.');
    expect(year.date).toEqual([{ year: 2020 }]);
    expect(year.start).toBe('Constructor '.length);
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
    ['Nearly half a million people came.', ['half a million']],
    ['She won a third term and a million votes.', ['a million']],
    ['About half, a million in all, came.', ['half', 'a million']],
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
    ['half a million', '500,000', true],
    ['half a million', '0.5 million', true],
    ['half a million', '1.5 million', false],
    ['a quarter million', '250,000', true],
    ['half a million', '450,000', false],
    ['57%', '65.7%', false],
    ['2020', '2021', false],
    ['2021', '2,021', true],
    ['2021', '2021.5', false],
  ])('%s and %s agree: %s', (a, b, agree) => {
    expect(sameNumber(one(a), one(b))).toBe(agree);
    expect(sameNumber(one(b), one(a))).toBe(agree);
  });
});

describe('dates', () => {
  const date = (text: string) => one(text).date;

  it.each([
    ['It opened on 2020-03-05.', [{ year: 2020, month: 3, day: 5 }]],
    ['It opened on 2020/03/05.', [{ year: 2020, month: 3, day: 5 }]],
    ['It opened on 5.3.2020.', [{ year: 2020, month: 3, day: 5 }]],
    ['It opened on 25/03/2020.', [{ year: 2020, month: 3, day: 25 }]],
    ['It opened on 3/25/2020.', [{ year: 2020, month: 3, day: 25 }]],
    ['It opened on 05/05/2020.', [{ year: 2020, month: 5, day: 5 }]],
    ['It opened on 05/03/2020.', [{ year: 2020, month: 3, day: 5 }, { year: 2020, month: 5, day: 3 }]],
    ['It opened on 5 March 2020.', [{ year: 2020, month: 3, day: 5 }]],
    ['It opened on the 5th of March 2020.', [{ year: 2020, month: 3, day: 5 }]],
    ['It opened on March 5, 2020.', [{ year: 2020, month: 3, day: 5 }]],
    ['It opened in March 2020.', [{ year: 2020, month: 3, day: undefined }]],
    ['It opened in December of 2019.', [{ year: 2019, month: 12, day: undefined }]],
    ['It opened on 5 March.', [{ year: undefined, month: 3, day: 5 }]],
    ['It opened in 2020.', [{ year: 2020 }]],
  ])('reads "%s" as %j', (text, readings) => {
    expect(date(text)).toEqual(readings);
  });

  it.each([
    ['Version 1.2.3 fixed it.', []],
    ['They won 3-1 at home.', ['3', '1']],
    ['Between 2019-2020, 12 people left.', ['2019', '2020', '12']],
    ['Nearly half a million people came.', ['half a million']],
    ['She won a third term and a million votes.', ['a million']],
    ['About half, a million in all, came.', ['half', 'a million']],
    ['Call 555-123-4567 today.', ['555', '123', '4567']],
    ['It grew by 2.5 percent.', ['2.5 percent']],
    ['A ratio of 3/4 held.', ['3', '4']],
    ['Code 2020-03-05-01 was filed.', ['2020', '03', '05', '01']],
    ['It was 31/02/2020 on the form.', ['31', '02', '2020']],
    ['They march 5 miles in may 2020.', ['5', '2020']],
    ['In March the river rose.', []],
  ])('"%s" holds no date: %j', (text, numbers) => {
    const found = numbersIn(text);
    expect(found.map((n) => text.slice(n.start, n.end))).toEqual(numbers);
    expect(found.filter((n) => n.date && (n.date[0].month !== undefined || n.date[0].day !== undefined))).toEqual([]);
  });

  it.each([
    ['2020-03-05', '5 March 2020', true],
    ['2020-03-05', 'March 5, 2020', true],
    ['2020-03-05', '5.3.2020', true],
    ['2020-03-05', '2020-04-05', false],
    ['2020-03-05', 'March 2020', true],
    ['2020-03-05', '2020', true],
    ['2020-03-05', '2021', false],
    ['05/03/2020', '5 March 2020', true],
    ['05/03/2020', '3 May 2020', true],
    ['05/03/2020', '5 June 2020', false],
    ['March 2020', 'April 2020', false],
    ['5 March', '5 March 2020', true],
    ['2020-03-05', '2,020', false],
    ['2020', '2,020', true],
  ])('%s and %s agree: %s', (a, b, agree) => {
    expect(sameNumber(one(a), one(b))).toBe(agree);
    expect(sameNumber(one(b), one(a))).toBe(agree);
  });

  it('compares dates only with dates that write a field in common, and never calls an ambiguous one a rival reliably', () => {
    expect(comparable(one('2020-03-05'), one('2020-04-05'))).toBe(true);
    expect(comparable(one('2020-03-05'), one('2019'))).toBe(true);
    expect(comparable(one('5 March'), one('2019'))).toBe(false);
    expect(comparable(one('2020-03-05'), one('5'))).toBe(false);
    expect(ambiguousDate(one('05/03/2020'))).toBe(true);
    expect(ambiguousDate(one('2020-03-05'))).toBe(false);
    expect(ambiguousDate(one('25/03/2020'))).toBe(false);
  });
});

describe('year spans written short', () => {
  it.each([
    ['the 2018–19 season', '2018–19', 2018, 2019],
    ['the 2018-19 season', '2018-19', 2018, 2019],
    ['the 2018/19 season', '2018/19', 2018, 2019],
    ['the 1999–00 season', '1999–00', 1999, 2000],
    ['the 2018 – 19 season', '2018 – 19', 2018, 2019],
  ])('reads "%s" as one span, not a year and a count of 19', (text, written, from, to) => {
    const n = one(text);
    expect(text.slice(n.start, n.end)).toBe(written);
    expect(n.span).toEqual({ from, to });
    expect(n.year).toBe(true);
  });

  it.each([
    ['In 2020-03 the form changed.', ['2020', '03']],
    ['Code 2018-19-20 was filed.', ['2018', '19', '20']],
    ['From 2018-17 nothing.', ['2018', '17']],
  ])('"%s" holds no span: %j', (text, numbers) => {
    const found = numbersIn(text);
    expect(found.map((m) => text.slice(m.start, m.end))).toEqual(numbers);
    expect(found.filter((m) => m.span)).toEqual([]);
  });

  const sentence = (text: string) => numbersIn(text);
  it('a short span is stated by the same span in any form, or by both its years in one sentence', () => {
    const claim = one('the 2018–19 season');
    expect(statedIn(sentence('In the 2018-2019 season they won.'), claim)).toBe(true);
    expect(statedIn(sentence('In the 2018/19 season they won.'), claim)).toBe(true);
    expect(statedIn(sentence('They played from 2018 to 2019.'), claim)).toBe(true);
    expect(statedIn(sentence('They won in 2018.'), claim)).toBe(false);
    expect(statedIn(sentence('In the 2019–20 season they won.'), claim)).toBe(false);
    expect(statedIn(sentence('They won 19 games in 2018.'), claim)).toBe(false);
  });

  it('a year or date is stated by a span that begins or ends with it', () => {
    const season = sentence('In the 2018–19 season they won.');
    expect(statedIn(season, one('in 2019'))).toBe(true);
    expect(statedIn(season, one('in 2018'))).toBe(true);
    expect(statedIn(season, one('in October 2018'))).toBe(true);
    expect(statedIn(season, one('in 2020'))).toBe(false);
    expect(statedIn(season, one('19 games'))).toBe(false);
  });

  it('a span is compared only with a span, and agrees with either of its years', () => {
    expect(sameNumber(one('2018–19'), one('2018/19'))).toBe(true);
    expect(sameNumber(one('2018–19'), one('2019–20'))).toBe(false);
    expect(sameNumber(one('2018–19'), one('2019'))).toBe(true);
    expect(sameNumber(one('2018–19'), one('19'))).toBe(false);
    expect(comparable(one('2018–19'), one('2019–20'))).toBe(true);
    expect(comparable(one('2018–19'), one('2017'))).toBe(false);
    expect(comparable(one('2018–19'), one('12'))).toBe(false);
  });
});

describe('years written short with an apostrophe', () => {
  const sentence = (text: string) => numbersIn(text);
  it.each([
    ["The choir's class of '92 still sings.", '92', 92],
    ['The hall reopened in ’86 after the flood.', '86', 86],
    ["Maria Ortega '05 leads the alumni board.", '05', 5],
  ])('reads "%s" as a year of either century', (text, written, yy) => {
    const n = one(text);
    expect(text.slice(n.start, n.end)).toBe(written);
    expect(n.year).toBe(true);
    expect(n.date).toEqual([{ year: 1900 + yy }, { year: 2000 + yy }]);
    expect(ambiguousDate(n)).toBe(true);
  });

  it("states a claim's year of either century, and still a count of the same digits", () => {
    const written = sentence("The choir's class of '92 still sings.");
    expect(statedIn(written, one('They graduated in 1992.'))).toBe(true);
    expect(statedIn(written, one('They graduated in 2092.'))).toBe(true);
    expect(statedIn(written, one('They graduated in 1993.'))).toBe(false);
    expect(statedIn(written, one('They sang 92 songs.'))).toBe(true);
    expect(statedIn(sentence('They sang 92 songs.'), one('They graduated in 1992.'))).toBe(false);
  });

  it.each([
    ["He said '43% of members agreed' at the meeting."],
    ["The drill was called Harbour Watch '86-3 that year."],
    ["She sang 'Lanterns' and '22.' at the fair."],
    ["The code rock'92 was filed."],
  ])('"%s" holds no year', (text) => {
    expect(sentence(text).filter((m) => m.year)).toEqual([]);
  });
});
