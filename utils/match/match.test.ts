import { describe, expect, it } from 'vitest';
import { analyse, DEFAULT_PARAMS, indexSource, matchClaim } from './index';
import { analyseClaim } from './claim';
import { findConflicts, negationScope } from './conflicts';
import { tokenize } from './text';
import { EvidenceSchema } from '../report/schema';
import { splitAttribution } from '../extract/attribution';

/** A made-up report on a made-up town, long enough for word weights to mean something. */
const REPORT = [
  'Harbourton Council met on Tuesday to discuss the budget.',
  'The council approved the new library plans after a long debate.',
  'Turnout in the local election reached 65.7% of registered voters.',
  'The town has about 3 million visitors a year, most of them in summer.',
  'Two-thirds of residents said they use the ferry every week.',
  'The bridge was completed in 2019 by the engineering firm Calder and Ross.',
  'Mayor Helen Okafor said the ferry service would not be cut.',
  'Bus fares increased by ten percent over the winter.',
  'The harbour museum, founded in 1921, holds 1,000 maps of the coast.',
  'Local fishermen reported a smaller catch of herring than in previous years.',
  '',
  'References',
  'Quintaro, P. (2015). Glaciers of the northern tundra and their xylophone echoes. Journal of Sound, 12, 1-9.',
].join('\n\n');

const source = indexSource('report', REPORT);

describe('retrieval', () => {
  it('returns evidence whose offsets point at its text in the source, best first', () => {
    const match = matchClaim('The council approved plans for a new library.', [source]);
    expect(match.evidence.length).toBeGreaterThan(0);
    for (const e of match.evidence) {
      expect(EvidenceSchema.safeParse(e).success).toBe(true);
      expect(REPORT.slice(e.start, e.end)).toBe(e.text);
      expect(e.sourceId).toBe('report');
    }
    expect(match.evidence[0].text).toContain('approved the new library plans');
    const scores = match.evidence.map((e) => e.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
  });

  it('prefers the passage with the rare words over one with many common ones', () => {
    const text = [
      'The town and the town council and the town people met in the town.',
      'The town council met. The town was busy.',
      'A heron nested beside the old lighthouse in the town.',
    ].join('\n\n');
    const match = matchClaim('A heron nested by the lighthouse of the town.', [indexSource('t', text)]);
    expect(match.evidence[0].text).toContain('heron');
  });

  it('never counts words that only appear in the bibliography', () => {
    const match = matchClaim('Glaciers of the northern tundra produce xylophone echoes.', [source]);
    expect(match.verdict).toBe('unsupported');
    for (const e of match.evidence) expect(e.start).toBeLessThan(REPORT.indexOf('References'));
  });

  it('finds a passage near the end of a very long source, with exact offsets', () => {
    const filler = Array.from({ length: 1500 }, (_, i) => `Paragraph ${i} talks about weather and tides in general terms.`);
    const text = [...filler, 'The lighthouse keeper Ansel Brightwater retired in 1987 after forty years.'].join('\n\n');
    expect(text.length).toBeGreaterThan(90_000);
    const match = matchClaim('Ansel Brightwater, the lighthouse keeper, retired in 1987.', [indexSource('long', text)]);
    expect(match.verdict).toBe('supported');
    expect(text.slice(match.evidence[0].start, match.evidence[0].end)).toContain('Ansel Brightwater retired in 1987');
  });
});

describe('paraphrase', () => {
  it('matches a synonym from the WordNet table when the source does not use the claim word', () => {
    const text = 'Marine biologists studied the coral samples collected near the reef.';
    const withSynonyms = matchClaim('Marine biologists examined coral samples from the reef.', [indexSource('s', text)]);
    expect(withSynonyms.evidence[0].matched).toContain('examined');
    expect(withSynonyms.verdict).toBe('supported');
  });

  it('does not let an unrelated word stand in for a claim word', () => {
    const text = 'Marine biologists photographed the coral samples collected near the reef.';
    const match = matchClaim('Marine biologists examined coral samples from the reef.', [indexSource('s', text)]);
    expect(match.evidence[0].missing).toContain('examined');
  });
});

describe('verdicts', () => {
  it.each([
    // Inflections and word order.
    ['inflected and reordered words', 'The new library plans were approved by the council.', 'supported'],
    // Numbers in their many forms.
    ['a percent written out', 'Turnout in the local election reached 65.7 percent of registered voters.', 'supported'],
    ['a number without its comma', 'The harbour museum holds 1000 maps of the coast.', 'supported'],
    ['a rounded figure', 'The town has around three million visitors a year.', 'supported'],
    ['a fraction as a percent', 'About 67% of residents use the ferry every week.', 'supported'],
    ['a year', 'The bridge was completed in 2019.', 'supported'],
    // A claim with several parts.
    ['both parts covered', 'The council approved the library plans and the bridge was completed in 2019.', 'supported'],
    ['one part covered, one missing', 'The council approved the library plans and the stadium was demolished by volunteers in 2021.', 'partial'],
    ['nothing in the source', 'Volcanic eruptions damaged the orbiting satellites.', 'unsupported'],
    ['markers left in the text', 'Bus fares increased by ten percent over the winter.[3][4]', 'supported'],
  ])('%s → %s', (_label, claim, verdict) => {
    expect(matchClaim(claim, [source]).verdict).toBe(verdict);
  });

  // Extraction takes the attribution off (and keeps it on the claim); the matcher gets the rest.
  it.each([
    ['an attribution phrase', 'According to nature.com, the council approved the new library plans.', 'supported'],
    ['a trailing attribution', 'Bus fares increased by ten percent over the winter, according to the Daily Courier.', 'supported'],
  ])('%s, taken off by extraction → %s', (_label, claim, verdict) => {
    const { text, attribution } = splitAttribution(claim);
    expect(attribution).toBeTruthy();
    expect(matchClaim(text, [source]).verdict).toBe(verdict);
  });

  it('strips no attribution of its own: a speaker is part of the claim', () => {
    const match = matchClaim('The harbour museum said it holds 1,000 maps of the coast.', [source]);
    expect(match.evidence[0].matched).toEqual(expect.arrayContaining(['harbour', 'museum', 'maps']));
    const told = matchClaim('Harbourton Council said the ferry service would not be cut.', [source]);
    expect([...told.evidence[0].matched, ...told.evidence[0].missing]).toContain('Council');
  });

  it('lists the matched and the missing key words', () => {
    const match = matchClaim('The council approved the library plans and the stadium was demolished in 2021.', [source]);
    const top = match.evidence[0];
    expect(top.matched).toEqual(expect.arrayContaining(['council', 'approved', 'library', 'plans']));
    expect(top.missing).toEqual(expect.arrayContaining(['stadium', 'demolished', '2021']));
  });

  it('does not count attribution words as missing once extraction took them off', () => {
    const match = matchClaim(splitAttribution('According to nature.com, the council approved the new library plans.').text, [source]);
    const all = match.evidence.flatMap((e) => [...e.matched, ...e.missing]);
    expect(all).not.toContain('nature');
    expect(all).not.toContain('com');
  });
});

describe('contradictions', () => {
  it.each([
    ['a different number', 'Turnout in the local election reached 57% of registered voters.', 'source says 65.7%, claim says 57%'],
    ['a different year', 'The bridge was completed in 2017 by the engineering firm Calder and Ross.', 'source says 2019, claim says 2017'],
    ['a negation', 'Mayor Helen Okafor said the ferry service would be cut.', 'source says "not", claim does not'],
    ['a direction word', 'Bus fares decreased by ten percent over the winter.', 'source says "increased", claim says "decreased"'],
    ['a direction word (fewer/more)', 'Local fishermen reported a larger catch of herring than in previous years.', 'source says "smaller", claim says "larger"'],
  ])('%s is contradicted, with the conflict stated', (_label, claim, conflict) => {
    const match = matchClaim(claim, [source]);
    expect(match.verdict).toBe('contradicted');
    expect(match.evidence[0].conflicts).toContain(conflict);
  });

  it.each([
    ['another name in the same place', REPORT, 'The bridge was completed in 2019 by the engineering firm Calder and Baxter.', 'differs: source says Ross, claim says Baxter'],
    ['two names that share only a word', 'The new library wing was praised by the Hale Foundation and local staff.', 'Staff of the Carver Foundation praised the new library wing.', 'differs: source says Hale, claim says Carver'],
    ['a number whose neighbouring words differ', 'In 2018 the council, after a long debate, approved the library plans.', 'The council approved the library plans in 2020.', 'differs: source says 2018, claim says 2020'],
  ])('%s is shown as a conflict but does not decide the verdict', (_label, text, claim, conflict) => {
    const match = matchClaim(claim, [indexSource('t', text)]);
    expect(match.verdict).not.toBe('contradicted');
    expect(match.evidence.flatMap((e) => e.conflicts)).toContain(conflict);
  });

  it('a value the source states elsewhere is no loose difference with another value in the passage', () => {
    const intro = 'This report sets out the street tree survey the parks team ran during 2022.';
    const filler = 'The team trained new walkers in spring. Maps were printed for each ward. Weather delayed two walks in the west.';
    const passage = 'Volunteers counted 4,210 street trees in the harbour district, up from 3,650 in the previous survey of 2017.';
    const claim = 'Volunteers counted 4,210 street trees in the harbour district in 2022.';
    const match = matchClaim(claim, [indexSource('t', [intro, filler, passage].join(' '))]);
    expect(match.verdict).toBe('supported');
    expect(match.evidence[0].text).toBe(passage);
    expect(match.evidence.flatMap((e) => e.conflicts).join(' ')).not.toMatch(/2017/);
    // A source that never states the claim's year still shows the other year as a difference.
    const alone = matchClaim(claim, [indexSource('t', [intro.replace('during 2022', 'last year'), filler, passage].join(' '))]);
    expect(alone.evidence.flatMap((e) => e.conflicts)).toContain('differs: source says 2017, claim says 2022');
  });

  it('a name that only differs does not take its words out of the alignment test', () => {
    // "Hale Foundation" and "Carver Foundation" share only a word: the passage is about another
    // body, so its other count contradicts nothing (it is listed as a difference).
    const text = 'Parks staff planted new trees in spring. Four grants to the library were given by the Carver Foundation.';
    const match = matchClaim('The Hale Foundation gave five grants to the library.', [indexSource('t', text)]);
    expect(match.verdict).not.toBe('contradicted');
    expect(match.evidence.flatMap((e) => e.conflicts)).toEqual(expect.arrayContaining(['differs: source says Four, claim says five', 'differs: source says Carver, claim says Hale']));
    // The same passage about the claim's own foundation does contradict it.
    const own = matchClaim('The Carver Foundation gave five grants to the library.', [indexSource('t', text)]);
    expect(own.verdict).toBe('contradicted');
    expect(own.evidence[0].conflicts).toContain('source says Four, claim says five');
  });

  it('a count of other things is another slot, however many words the sentences share', () => {
    const text = 'The parks department opened two new community nurseries to grow saplings locally. Each has a shaded yard.';
    const match = matchClaim('The new community nurseries grow 5,000 saplings locally each year.', [indexSource('t', text)]);
    expect(match.verdict).not.toBe('contradicted');
    expect(match.evidence.flatMap((e) => e.conflicts)).toContain('differs: source says two, claim says 5,000');
    // The same words counting the same things do contradict.
    const same = matchClaim('The parks department opened five new community nurseries to grow saplings locally.', [indexSource('t', text)]);
    expect(same.verdict).toBe('contradicted');
    expect(same.evidence[0].conflicts).toContain('source says two, claim says five');
  });

  it('a passage on another subject does not contradict a number', () => {
    const match = matchClaim('The volcano erupted 57 times during the drought.', [source]);
    expect(match.verdict).not.toBe('contradicted');
  });
});

describe('parts', () => {
  it('says part by part what the source states, with the passage that states it', () => {
    const match = matchClaim('The council approved the library plans and the stadium was demolished by volunteers in 2021.', [source]);
    expect(match.parts).toHaveLength(2);
    const [first, second] = match.parts!;
    expect(first).toMatchObject({ text: 'The council approved the library plans', stated: true });
    expect(first.evidence!.text).toContain('approved the new library plans');
    expect(REPORT.slice(first.evidence!.start, first.evidence!.end)).toBe(first.evidence!.text);
    expect(second).toEqual({ text: 'the stadium was demolished by volunteers in 2021', stated: false });
  });

  it('a claim of one part has no parts', () => {
    expect(matchClaim('The bridge was completed in 2019.', [source]).parts).toBeUndefined();
  });
});

describe('several sources', () => {
  it('a claim whose parts are backed by different sources is supported by them together', () => {
    const a = indexSource('a', 'The council approved the new library plans after a long debate.');
    const b = indexSource('b', 'Construction of the observatory finished in March 2022.');
    const claim = 'The council approved the library plans and the observatory was finished in 2022.';
    expect(matchClaim(claim, [a]).verdict).toBe('partial');
    const both = matchClaim(claim, [a, b]);
    expect(both.verdict).toBe('supported');
    expect(new Set(both.evidence.map((e) => e.sourceId))).toEqual(new Set(['a', 'b']));
  });

  it('one index serves many claims', () => {
    const claims = ['The bridge was completed in 2019.', 'The council approved the new library plans.'];
    expect(claims.map((c) => matchClaim(c, [source]).verdict)).toEqual(['supported', 'supported']);
  });
});

describe('empty input', () => {
  it.each([
    ['an empty claim', '', [source]],
    ['a claim of markers only', '[1][2]', [source]],
    ['no sources', 'The bridge was completed in 2019.', []],
    ['an empty source', 'The bridge was completed in 2019.', [indexSource('e', '')]],
  ])('%s is unsupported with score 0 and no evidence', (_label, claim, sources) => {
    expect(matchClaim(claim as string, sources as ReturnType<typeof indexSource>[])).toEqual({ verdict: 'unsupported', score: 0, evidence: [] });
  });

  it('respects maxEvidence', () => {
    expect(matchClaim('council library bridge ferry museum', [source], { maxEvidence: 1 }).evidence).toHaveLength(1);
  });
});

/** The conflicts between a claim and a one-passage source, by kind. */
function conflictKinds(claim: string, passage: string) {
  const src = indexSource('p', passage);
  const analysis = analyseClaim(claim);
  const matched = analysis.terms.map((t) => src.postings.has(t.stem));
  return findConflicts(analysis, src, 0, src.bodyEnd - 1, matched);
}

describe('negation scope', () => {
  it.each([
    ['the ferry would not be cut', 'not', ['cut']],
    ['there is no evidence that masks work', 'no', ['evid', 'mask', 'work']],
    ['they failed to detect the virus', 'failed', ['detect', 'viru']],
  ])('in "%s" the negation "%s" governs %j', (text, cue, scope) => {
    const tokens = tokenize(text);
    expect(negationScope(tokens, tokens.findIndex((t) => t.word === cue))).toEqual(scope);
  });

  it.each([
    ['a negation only in the claim', 'Masks did not reduce transmission in the trial.', 'Masks reduced transmission in the trial.', 'claimNegation'],
    ['a negation only in the source', 'Masks reduced transmission in the trial.', 'Masks did not reduce transmission in the trial.', 'sourceNegation'],
    ['"no" before the same words', 'There is no link between singing and transmission.', 'Singing was linked to transmission in the choir.', 'claimNegation'],
  ])('%s is a conflict', (_label, claim, passage, kind) => {
    expect([...conflictKinds(claim, passage).kinds]).toContain(kind);
  });

  it.each([
    ['the claim negates a word the passage has only as the stem of a stop word', 'The injuries were not severe.', 'Several injuries were treated at the clinic.'],
    ['the source negates a word the claim has only as the stem of a stop word', 'Several injuries were treated at the clinic.', 'The injuries were not severe.'],
  ])('%s: no negation conflict ("several" is not "severe")', (_label, claim, passage) => {
    const { kinds } = conflictKinds(claim, passage);
    expect(kinds.has('claimNegation')).toBe(false);
    expect(kinds.has('sourceNegation')).toBe(false);
    expect(kinds.has('looseSourceNegation')).toBe(false);
  });

  it('a source negation of another word near the claim\'s words is only a loose conflict', () => {
    const { kinds } = conflictKinds('Police may charge the man with assault on an officer.', 'The man will not be prosecuted for assault on a police officer.');
    expect(kinds.has('looseSourceNegation')).toBe(true);
    expect(kinds.has('sourceNegation')).toBe(false);
  });

  it.each([
    ['both sides negate', 'Masks did not reduce transmission in the trial.', 'Masks failed to reduce transmission in the trial.'],
    ['the source negates something else', 'Masks reduced transmission in the trial.', 'Masks reduced transmission in the trial, but no gloves were worn.'],
    ['the claim negates words the passage lacks', 'Masks reduced transmission and no vaccine was offered.', 'Masks reduced transmission in the trial.'],
  ])('%s: no negation conflict', (_label, claim, passage) => {
    const { kinds } = conflictKinds(claim, passage);
    expect(kinds.has('claimNegation') || kinds.has('sourceNegation')).toBe(false);
  });
});

describe('opposites', () => {
  it.each([
    ['a negative prefix', 'The drug was ineffective against the virus.', 'The drug was effective against the virus.', 'source says "effective", claim says "ineffective"'],
    ['better and worse', 'Patients had worse outcomes after the drug.', 'Patients had better outcomes after the drug.', 'source says "better", claim says "worse"'],
    ['same and different', 'The virus uses the same entry point as SARS.', 'The virus uses a different entry point from SARS.', 'source says "different", claim says "same"'],
  ])('%s is a direction conflict', (_label, claim, passage, message) => {
    const found = conflictKinds(claim, passage);
    expect(found.kinds.has('direction')).toBe(true);
    expect(found.messages).toContain(message);
  });

  it.each([
    ['better and worse', 'Patients had worse outcomes after the drug.', 'Patients had better outcomes after the drug.'],
    ['same and different', 'The virus uses the same entry point as SARS.', 'The virus uses a different entry point from SARS.'],
    ['a WordNet antonym', 'The patch on the top of the wall dried.', 'The patch on the side of the wall dried.'],
  ])('%s alone is no reliable conflict', (_label, claim, passage) => {
    expect(conflictKinds(claim, passage).reliable).toBe(false);
  });
});

describe('phrasing', () => {
  it.each([
    ['a hyphenated source word', 'Bats coexist with many viruses.', 'Bats co-exist with a variety of viruses.'],
    ['a hyphenated claim word', 'Parents sent e-mail to the school board.', 'Parents sent e-mail messages to the school board.'],
  ])('%s matches its joined form', (_label, claim, passage) => {
    expect(matchClaim(claim, [indexSource('p', passage)]).evidence[0].missing).toEqual([]);
  });

  it.each([
    ['every number in the source', 'The bridge was completed in 2019 and the museum holds 1,000 maps.', 1],
    ['one of two numbers nowhere in the source', 'The bridge was completed in 2019 and the museum holds 4,000 maps.', 0.5],
    ['no number at all', 'The council approved the new library plans.', 1],
  ])('%s: share of the claim numbers found anywhere is %s', (_label, claim, share) => {
    expect(analyse(claim, [source]).factors!.numbers).toBeCloseTo(share, 5);
  });
});

describe('evidence order with synonyms', () => {
  const text = [
    'Marine biologists studied the coral.',
    'Tourists visited the harbour.',
    'Storms hit the coast in winter.',
    'Ferries ran twice a day.',
    'The coral near the reef was bleached by marine heat.',
  ].join('\n\n');
  const claim = 'Marine biologists examined coral near the reef.';

  it.each([
    [1, 'Marine biologists studied the coral.'],
    [0.5, 'The coral near the reef was bleached by marine heat.'],
    [0, 'The coral near the reef was bleached by marine heat.'],
  ])('with synonym credit %s the first passage is "%s"', (synonymCredit, first) => {
    const match = matchClaim(claim, [indexSource('s', text)], { params: { ...DEFAULT_PARAMS, retrieval: { ...DEFAULT_PARAMS.retrieval, synonymCredit } } });
    expect(match.evidence[0].text).toBe(first);
    expect(match.evidence.map((e) => e.score)).toEqual([...match.evidence.map((e) => e.score)].sort((a, b) => b - a));
  });

  it('the score does not depend on the synonym credit', () => {
    const at = (synonymCredit: number) => matchClaim(claim, [indexSource('s', text)], { params: { ...DEFAULT_PARAMS, retrieval: { ...DEFAULT_PARAMS.retrieval, synonymCredit } } });
    expect(at(0).score).toBe(at(1).score);
    expect(at(0).verdict).toBe(at(1).verdict);
  });
});

describe('dates found anywhere (the numbers factor)', () => {
  const factor = (claim: string, text: string) => analyse(claim, [indexSource('s', text)]).factors!.numbers;
  const claim = 'The plant opened in October 2007 after years of delay.';

  it('counts a claim date whose month and year the source writes in different sentences', () => {
    expect(factor(claim, 'The plant opened in October. Construction started on March 3, 2007 after a delay.')).toBe(1);
    expect(factor(claim, 'The plant was finished in the autumn. It opened in October. Building began in 2007 after a long wait.')).toBe(1);
  });

  it('still misses a date whose month or year the source never writes', () => {
    expect(factor(claim, 'The plant opened in November. Construction started on March 3, 2007 after a delay.')).toBe(0);
    expect(factor(claim, 'The plant opened in October. Construction started on March 3, 2008 after a delay.')).toBe(0);
    // "may" in lower case is the verb, not the month.
    expect(factor('The plant opened in May 2007 after years of delay.', 'The plant may open soon. Construction started on March 3, 2007.')).toBe(0);
  });

  it('wants a day together with its month', () => {
    const dated = 'The plant opened on 5 October 2007 after years of delay.';
    expect(factor(dated, 'It opened in October. Work began on March 3, 2007 and ended on 5 June 2009.')).toBe(0);
    expect(factor(dated, 'It opened on October 5. Work began on March 3, 2007.')).toBe(1);
  });
});

describe('what no source holds (the presence factors, for the reader)', () => {
  const parks = indexSource(
    'parks',
    [
      'The Riverton Parks Department planted new street trees in 2022, most of them along the eastern bus corridors and around schools.',
      'Volunteers from twenty neighbourhood groups helped with the spring planting days.',
      'The department opened two community nurseries to grow saplings.',
    ].join('\n\n'),
  );

  it('a claim whose number the source lacks is partial, and names that number', () => {
    const match = matchClaim('The city planted 12,000 new street trees in 2022 along the eastern bus corridors and around schools.', [parks]);
    expect(match.verdict).toBe('partial');
    expect(match.absent).toEqual([{ kind: 'number', text: '12,000' }]);
    expect(match.parts).toBeUndefined();
  });

  it('tells years, dates and names apart, and keeps a name of two words whole', () => {
    const match = matchClaim('Mayor Anna Harlow planted new street trees on 5 March 2019 along the eastern bus corridors, with 300 volunteers.', [parks]);
    expect(match.absent).toEqual([
      { kind: 'name', text: 'Anna Harlow' },
      { kind: 'date', text: '5 March 2019' },
      { kind: 'number', text: '300' },
    ]);
    expect(matchClaim('The department planted new street trees in 2019 around schools.', [parks]).absent).toEqual([{ kind: 'year', text: '2019' }]);
  });

  it('keeps a name joined by a lower-case joint whole, and two names joined by "and" apart', () => {
    expect(matchClaim('Funds from the Bank of England paid for new street trees around schools.', [parks]).absent).toEqual([{ kind: 'name', text: 'Bank of England' }]);
    expect(matchClaim('Crews planted new street trees around schools with help from Norway and Denmark.', [parks]).absent).toEqual([
      { kind: 'name', text: 'Norway' },
      { kind: 'name', text: 'Denmark' },
    ]);
    // A comma separates two names too, though no word stands between them.
    expect(matchClaim('Crews under Jean-Luc Ferrand planted new street trees around schools with help from Norway, Denmark.', [parks]).absent).toEqual([
      { kind: 'name', text: 'Jean-Luc Ferrand' },
      { kind: 'name', text: 'Norway' },
      { kind: 'name', text: 'Denmark' },
    ]);
  });

  it('reads a capital after an initial or a title as a name, not as a sentence start', () => {
    // "B." and "Dr." do not end a sentence: "Okonjo" and "Vance" are names the source must hold.
    expect(matchClaim('Critic Ruth B. Okonjo praised the new street trees around schools.', [parks]).absent).toEqual([{ kind: 'name', text: 'Ruth B. Okonjo' }]);
    expect(matchClaim('Volunteers led by Dr. Vance helped with the spring planting days.', [parks]).absent).toEqual([{ kind: 'name', text: 'Dr. Vance' }]);
    // A full stop after a word still ends a sentence.
    expect(matchClaim('Crews planted new street trees. Volunteers from twenty neighbourhood groups helped.', [parks]).absent).toBeUndefined();
  });

  it('names nothing when every number and name is in the source', () => {
    expect(matchClaim('The Riverton Parks Department planted new street trees in 2022 around schools.', [parks]).absent).toBeUndefined();
    // A number the source writes in words counts as found.
    expect(matchClaim('Volunteers from 20 neighbourhood groups helped with the planting.', [parks]).absent).toBeUndefined();
  });

  it('gives the part of a claim of several parts, so that a stated part can say what it lacks', () => {
    const match = matchClaim('The city planted 12,000 new street trees in 2022 along the eastern bus corridors, and doubled its tree maintenance budget.', [parks]);
    expect(match.verdict).toBe('partial');
    expect(match.parts!.map((p) => p.stated)).toEqual([true, false]);
    expect(match.absent).toEqual([{ kind: 'number', text: '12,000', part: 0 }]);
  });

  it('looks in every cited source', () => {
    const counts = indexSource('counts', 'Crews counted 12,000 young trees on the eastern bus corridors this spring.');
    expect(matchClaim('The city planted 12,000 new street trees in 2022 along the eastern bus corridors and around schools.', [parks, counts]).absent).toBeUndefined();
  });
});

describe('forms the two sides must read alike', () => {
  const league = indexSource(
    'league',
    [
      'Harbourton Rovers finished third in the 2018-2019 season of the coastal league.',
      'Its ground, Quayside Park, holds about 4,000 spectators.',
    ].join('\n\n'),
  );

  it('a season written short is one year span, stated by the same years written in full', () => {
    const match = matchClaim('Harbourton Rovers finished third in the 2018–19 season.', [league]);
    expect(match.absent).toBeUndefined();
    expect(match.evidence[0].missing).toEqual([]);
    expect(match.evidence[0].matched).toContain('2018–19');
    // A single year of the span does not state the season.
    const other = indexSource('other', 'Harbourton Rovers finished third in the coastal league in 2018.');
    expect(matchClaim('Harbourton Rovers finished third in the 2018/19 season.', [other]).absent).toEqual([{ kind: 'year', text: '2018/19' }]);
  });

  it('a hyphenated claim word is found where the source writes it joined, and the other way round', () => {
    const joinedSource = indexSource('joined', 'The manager praised the cooperation of local schools in the scouting scheme.\n\nIts ground holds about 4,000 spectators.');
    const hyphenSource = indexSource('hyphen', 'The club signed a co-operation agreement with the town council.\n\nIts ground holds about 4,000 spectators.');
    const hyphenated = matchClaim('The manager praised the co-operation of local schools in the scouting scheme.', [joinedSource]);
    expect(hyphenated.evidence[0].missing).toEqual([]);
    expect(hyphenated.evidence[0].matched).toEqual(expect.arrayContaining(['co', 'operation']));
    expect(hyphenated.verdict).toBe('supported');
    expect(matchClaim('The club signed a cooperation agreement with the town council.', [hyphenSource]).evidence[0].missing).toEqual([]);
    // Written apart, the parts are found as the source writes them hyphenated.
    expect(matchClaim('The club signed a co operation agreement with the town council.', [hyphenSource]).evidence[0].missing).toEqual([]);
  });

  it('a prefix the claim sets apart ("co operation") is found where the source writes the word joined, and the other way round', () => {
    const joinedSource = indexSource('joined', 'The manager praised the cooperation of local schools in the scouting scheme.\n\nIts ground holds about 4,000 spectators.');
    const apart = matchClaim('The manager praised the co operation of local schools in the scouting scheme.', [joinedSource]);
    expect(apart.evidence[0].missing).toEqual([]);
    expect(apart.verdict).toBe('supported');
    const apartSource = indexSource('apart', 'The manager praised the co operation of local schools in the scouting scheme.\n\nIts ground holds about 4,000 spectators.');
    expect(matchClaim('The manager praised the cooperation of local schools in the scouting scheme.', [apartSource]).evidence[0].missing).toEqual([]);
  });

  it('"U.S." is found where the source writes "US", and "US" where it writes "U.S."', () => {
    const bare = indexSource('bare', 'The harbour trust is the largest in the US by visitor numbers.\n\nIts museum opened in 1990.');
    const dotted = indexSource('dotted', 'The harbour trust is the largest in the U.S. by visitor numbers.\n\nIts museum opened in 1990.');
    const a = matchClaim('The harbour trust is the largest in the U.S. by visitor numbers.', [bare]);
    expect(a.absent).toBeUndefined();
    expect(a.evidence[0].missing).toEqual([]);
    const b = matchClaim('The harbour trust is the largest in the US by visitor numbers.', [dotted]);
    expect(b.absent).toBeUndefined();
    expect(b.evidence[0].matched).toContain('US');
    // A claim's "US" the source never writes is absent, not a stop word left out.
    const none = indexSource('none', 'The harbour trust is the largest by visitor numbers.\n\nIts museum opened in 1990.');
    expect(matchClaim('The harbour trust is the largest in the US by visitor numbers.', [none]).absent).toEqual([{ kind: 'name', text: 'US' }]);
  });

  it('"half a million" is one number, found where the source writes 500,000', () => {
    const src = indexSource('s', 'About 500,000 people visited the harbour festival in 2019.\n\nThe festival began in 1990.');
    const match = matchClaim('Half a million people visited the harbour festival in 2019.', [src]);
    expect(match.absent).toBeUndefined();
    expect(match.evidence[0].missing).toEqual([]);
    expect(match.evidence[0].matched).toContain('Half a million');
    // Two million are not half a million.
    expect(matchClaim('Two million people visited the harbour festival in 2019.', [src]).absent).toEqual([{ kind: 'number', text: 'Two million' }]);
  });

  it('finds a claim word glued to the next one in a scraped page, and keeps a camel-case name whole', () => {
    const scraped = indexSource(
      's',
      ['Born: 3 May 1801, Kirkwall, ScotlandDied: 12 September 1875, Haberton, DevonshireCitation needed', 'He ran the McDonald shipyard.'].join('\n'),
    );
    const match = matchClaim('He was born in Kirkwall, Scotland, and died in Haberton, Devonshire.', [scraped]);
    expect(match.absent).toBeUndefined();
    expect(match.evidence[0].missing).toEqual([]);
    expect(matchClaim('He ran the McDonald shipyard.', [scraped]).evidence[0].missing).toEqual([]);
  });
});
