import { describe, expect, it } from 'vitest';
import { attributionFits, splitAttribution } from '@/utils/extract/attribution';
import { BlockText } from '@/utils/extract/claims';
import { expandNumbers, findTextMarkers, markerLabelOf } from '@/utils/extract/markers';
import { originalOfArchive } from '@/utils/extract/source-entry';
import { domainOf, findBareUrls, sentenceStarts } from '@/utils/extract/text';

/** The claims of every marker group in a text, markers found the way extraction finds them. */
function claimsOf(text: string): string[] {
  const groups: { start: number; end: number }[] = [];
  for (const m of findTextMarkers(text)) {
    const last = groups[groups.length - 1];
    if (last && /^[\s,;]*$/.test(text.slice(last.end, m.start))) last.end = m.end;
    else groups.push({ start: m.start, end: m.end });
  }
  const block = new BlockText(text, groups);
  return groups.map((_, i) => block.claimOf(i));
}

describe('the claim of a marker', () => {
  it.each([
    ['the sentence that ends at the marker', 'First point here. Second point follows.[1] Third is uncited.', ['Second point follows.']],
    ['never the next sentence, with the marker after the full stop', 'Alpha rose sharply.[1] Beta fell.', ['Alpha rose sharply.']],
    ['a marker before the full stop keeps the full stop', 'Alpha rose sharply [1]. Beta fell.', ['Alpha rose sharply.']],
    ['a second marker in one sentence takes the clause since the first', 'X grew by 5%[1]; Y shrank by 2% in the same year[2].', ['X grew by 5%', 'Y shrank by 2% in the same year.']],
    ['a clause that opens with a conjunction carries its sentence\'s earlier part', 'X grew by 5%[1], while Y shrank by 2%[2].', ['X grew by 5%', 'X grew by 5%, while Y shrank by 2%.']],
    ['a list item after a marker carries its sentence\'s earlier part', 'The port ships coal[1], timber[2] and grain.[3]', ['The port ships coal', 'The port ships coal, timber', 'The port ships coal, timber and grain.']],
    ['grouped markers make one claim', 'Both studies agree.[1][2] Nothing else.', ['Both studies agree.']],
    ['a comma-separated group', 'Prices doubled [1, 3]. Then fell.', ['Prices doubled.']],
    ['a range group', 'Rates are similar.[2–4]', ['Rates are similar.']],
    ['never the whole paragraph', 'Intro sentence one. Intro sentence two. The cited one.[7]', ['The cited one.']],
    ['a marker with nothing before it attributes nothing', '[1] Starts with a marker.', ['']],
    ['abbreviations do not end a sentence early', 'The U.S. economy grew by 2 per cent in 2023.[4]', ['The U.S. economy grew by 2 per cent in 2023.']],
    [
      'a marker in the middle of a list runs on to the noun the list qualifies',
      'The valley saw early Welsh, Cornish,[1] Scottish, and Irish settlement, mostly along the river.[2]',
      ['The valley saw early Welsh, Cornish, Scottish, and Irish settlement', 'The valley saw early Welsh, Cornish, Scottish, and Irish settlement, mostly along the river.'],
    ],
    ['so it does without a comma before the last item', 'Traders sold salt, wool,[1] hides and tin ingots from Cornwall.', ['Traders sold salt, wool, hides and tin ingots from Cornwall']],
    ['a list of predicates is no such list', 'The mill closed, changed hands,[1] reopened in 1990, and closed again.[2]', ['The mill closed, changed hands', 'The mill closed, changed hands, reopened in 1990, and closed again.']],
    [
      'a sentence that closes a quotation opened before it starts where the quotation opens',
      'Trade was slow. “Our harbour has been quiet for years. It is time to open the gates,” the mayor said.[1]',
      ['“Our harbour has been quiet for years. It is time to open the gates,” the mayor said.'],
    ],
    [
      'but never past an earlier group',
      '“Our harbour has been quiet for years.[1] It is time to open the gates,” the mayor said.[2]',
      ['“Our harbour has been quiet for years.', 'It is time to open the gates,” the mayor said.'],
    ],
  ])('%s', (_, text, expected) => {
    expect(claimsOf(text)).toEqual(expected);
  });

  it.each([
    ['de', 'Er wurde am 3. Oktober 1990 geboren. Er starb am 4. Mai 2020.', 2],
    [undefined, 'Er wurde am 3. Oktober 1990 geboren. Im 19. Jahrhundert wuchs der Ort.', 2],
    ['de', 'Sie gewann die 3. Etappe. Das 1. Rennen fiel aus.', 2],
    ['de', 'Es gibt u. a. drei Schulen, z. B. die Nordschule. Im 3. Jh. v. Chr. lag hier ein Lager.', 2],
    ['de', 'Er ist der Sohn des Hrsg. Karl Weber. Siehe Bd. 2, S. 41 und Nr. 5 der Reihe.', 2],
    ['es', 'La empresa opera en EE. UU. y Canadá. Las FF. AA. intervinieron.', 2],
    ['de', 'Er starb im Alter von 64. Sein Sohn übernahm.', 2],
    ['en', 'He died at 64. His son took over. The crew numbered 3. Their boat sank.', 4],
  ] as const)('abbreviations and ordinals (%s): %s', (language, text, count) => {
    const starts = sentenceStarts(text, language);
    expect(starts.length).toBe(count);
    // Every start opens a capitalised word after a full stop and a space.
    for (const s of starts.slice(1)) expect(text.slice(s - 2, s + 1)).toMatch(/^\. \p{Lu}$/u);
  });

  it('segments long text in bounded chunks and still finds every sentence start', () => {
    const sentence = 'This is one plain sentence of moderate length. ';
    const text = sentence.repeat(400);
    const starts = sentenceStarts(text);
    expect(starts.length).toBe(400);
    for (const s of starts) expect(text.slice(s, s + 4)).toBe('This');
  });
});

describe('bracketed markers', () => {
  it.each([
    ['[1]', [1], false],
    ['[12]', [12], false],
    ['[1, 3]', [1, 3], false],
    ['[2–4]', [2, 3, 4], false],
    ['[2-3, 7]', [2, 3, 7], false],
    ['[Source 2]', [2], true],
    ['[Sources 1, 4]', [1, 4], true],
  ])('%s names %j', (text, numbers, sourceStyle) => {
    const [m] = findTextMarkers(`Claim ${text}.`);
    expect(m.numbers).toEqual(numbers);
    expect(m.sourceStyle).toBe(sourceStyle);
    expect(m.text).toBe(text);
  });

  it.each(['[2019]', '[0]', '[01]', '[edit]', '[sic]', '[a]', '[1000]'])('%s is not a marker', (text) => {
    expect(findTextMarkers(`Some text ${text} here.`)).toEqual([]);
  });

  it('caps a hostile range instead of expanding it', () => {
    expect(expandNumbers('1–999')).toEqual([1, 999]);
    expect(expandNumbers('3–1')).toEqual([3, 1]);
  });

  it.each([
    ['[12]', '12'],
    ['12', '12'],
    ['[a]', 'a'],
    ['[n 7]', 'n 7'],
    ['[note 3]', 'note 3'],
    ['[Source 2]', 'Source 2'],
  ])('a linked marker reading %s has label %s', (text, label) => {
    expect(markerLabelOf(text)?.label).toBe(label);
  });

  it.each(['see the notes', '[update]', '^', '↩', '[citation needed]'])('%s is not a marker label', (text) => {
    expect(markerLabelOf(text)).toBeUndefined();
  });
});

describe('attribution phrases', () => {
  it.each([
    ['According to nature.com, the tools matter.', 'The tools matter.', 'nature.com'],
    ['According to a report by Reuters, ports are closed.', 'Ports are closed.', 'Reuters'],
    ['As reported by the BBC, rain fell.', 'Rain fell.', 'BBC'],
    ['A study published in Nature found that sleep helps.', 'Sleep helps.', 'Nature'],
    ['A 2021 survey by the Sleep Foundation found that adults sleep less.', 'Adults sleep less.', 'Sleep Foundation'],
    ['Per the IEA, demand rose.', 'Demand rose.', 'IEA'],
    ['Traffic fell by half, according to Reuters.', 'Traffic fell by half.', 'Reuters'],
    ['Costs are high; according to iea.org, few batteries are recycled.', 'Few batteries are recycled.', 'iea.org'],
  ])('%s', (claim, text, attribution) => {
    expect(splitAttribution(claim)).toEqual({ text, attribution, stripped: true });
  });

  it('"As recorded in X," names its source like "As reported by X,"; a year and a kind of work is generic', () => {
    expect(splitAttribution('As recorded in the harbour log, 40 ships docked.')).toEqual({ text: '40 ships docked.', attribution: 'harbour log', stripped: true });
    expect(splitAttribution('As listed in the 2011 census, 900 people fished.')).toEqual({ text: '900 people fished.', stripped: true });
  });

  it('strips a generic attribution without recording it', () => {
    expect(splitAttribution('According to a long-running survey, gardeners eat well.')).toEqual({ text: 'Gardeners eat well.', stripped: true });
  });

  it('"X said" counts only when X is the cited link', () => {
    expect(splitAttribution('The company said profits rose.')).toEqual({ text: 'The company said profits rose.', stripped: false });
    expect(splitAttribution('BBC News reported that naps help.', 'BBC News')).toEqual({ text: 'Naps help.', attribution: 'BBC News', stripped: true });
  });

  it('a cited link glued to its verb still attributes ("<a>X</a>reports")', () => {
    expect(splitAttribution('Alexis Madrigalreports, Uber ignored the rules.', 'Alexis Madrigal')).toEqual({
      text: 'Uber ignored the rules.',
      attribution: 'Alexis Madrigal',
      stripped: true,
    });
    // So it does after "As", as "As Mashable reports, …" does with its space.
    expect(splitAttribution('As Alexis Madrigalreports, Uber ignored the rules.', 'Alexis Madrigal')).toEqual({
      text: 'Uber ignored the rules.',
      attribution: 'Alexis Madrigal',
      stripped: true,
    });
    expect(splitAttribution('As Alexis Madrigalreports for Fusion, Uber ignored the rules.', 'Alexis Madrigal')).toEqual({
      text: 'Uber ignored the rules.',
      attribution: 'Fusion',
      stripped: true,
    });
  });

  it('"…, he said according to X." right after a speaker\'s verb: the speaker stays, the source phrase goes, and a work names its source', () => {
    expect(splitAttribution('The locks will close in May, she said according to a memo seen by the Harbour Gazette.')).toEqual({
      text: 'The locks will close in May, she said.',
      attribution: 'Harbour Gazette',
      stripped: true,
    });
    expect(splitAttribution('Fares will rise, he said, according to a transcript reviewed by Tidewatch.')).toEqual({ text: 'Fares will rise, he said.', attribution: 'Tidewatch', stripped: true });
  });

  it('", according to <a>X</a>," inside the sentence is taken off only when it holds the cited link', () => {
    expect(splitAttribution('The keeper had, according to Ann Rowe of the Gazette, rowed out alone at night.', 'Gazette')).toEqual({
      text: 'The keeper had rowed out alone at night.',
      attribution: 'Ann Rowe of the Gazette',
      stripped: true,
    });
    expect(splitAttribution('(Overall, according to one survey, the ferry carried 2.8 million riders.)', 'according to one survey')).toEqual({
      text: '(Overall, the ferry carried 2.8 million riders.)',
      stripped: true,
    });
    // Folklore is what the cited work reports, not a source speaking: the phrase stays.
    const folklore = 'Gulls are shown on the old seal and, according to local folklore, on the night of the flood a gull warned the town.';
    expect(splitAttribution(folklore)).toEqual({ text: folklore, stripped: false });
    expect(splitAttribution(folklore, 'Gazette')).toEqual({ text: folklore, stripped: false });
  });

  it('a relative clause is not a trailing attribution', () => {
    const claim = 'He led the colony which according to his commission included the islands.';
    expect(splitAttribution(claim)).toEqual({ text: claim, stripped: false });
  });

  it.each([
    ['arxiv.org', 'arxiv.org', undefined, true],
    ['Nature', 'nature.com', undefined, true],
    ['Reuters', 'reuters.com', undefined, true],
    ['Tax Policy Center', 'taxpolicycenter.org', undefined, true],
    ['New York Times', 'nytimes.com', undefined, true],
    ['Institute of Food Technologists', 'ift.org', undefined, true],
    ['BBC News', 'bbc.co.uk', undefined, true],
    ['Lamp journal', 'doi.org', 'Lamp journal of coastal works', true],
    ['arxiv.org', 'techcrunch.com', undefined, false],
    ['The Lancet', 'example-tabloid.com', undefined, false],
    ['Reuters', 'reuters-fan.example', 'All about news', true],
  ])('%s fits %s (title %s): %s', (attribution, domain, title, fits) => {
    expect(attributionFits(attribution, { domain, title })).toBe(fits);
  });
});

describe('URLs', () => {
  it.each([
    ['https://www.nature.com/x', 'nature.com'],
    ['http://WWW.Example.ORG:8080/a', 'example.org'],
    ['https://news.bbc.co.uk/', 'news.bbc.co.uk'],
    ['not a url', ''],
  ])('domain of %s is %s', (url, domain) => {
    expect(domainOf(url)).toBe(domain);
  });

  it('finds bare URLs and trims the punctuation after them', () => {
    expect(findBareUrls('See https://a.example/x. And (https://b.example/y), or https://c.example/wiki/Foo_(bar).').map((u) => u.url)).toEqual([
      'https://a.example/x',
      'https://b.example/y',
      'https://c.example/wiki/Foo_(bar)',
    ]);
  });

  it.each([
    ['https://web.archive.org/web/20150301000000/http://www.example.net/r.html', 'http://www.example.net/r.html'],
    ['https://web.archive.org/web/20021004080737/wp.example.com/news.html', 'http://wp.example.com/news.html'],
    ['https://archive.ph/2020.01.01-000000/https://example.com/', undefined],
  ])('the original of %s is %s', (archive, original) => {
    expect(originalOfArchive(archive)).toBe(original);
  });
});
