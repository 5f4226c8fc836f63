import { describe, expect, it } from 'vitest';
import { REGEXPS, REPORTING_VERBS } from './vocabulary';

describe('REGEXPS.leadIn', () => {
  it('takes the same texts as with the reporting verbs written out once for each phrase that follows them', () => {
    const verbs = `(?:${REPORTING_VERBS})`;
    const after = [
      ' (?:in|for|to|on)(?: (?:a|an|the|his|her|their|its|one))?(?: [\\w-]+){0,2}',
      '(?: [\\w-]+){0,4},? (?:in|during|at) (?:a|an|the|his|her|their|its)(?: [\\w-]+){0,2}',
      '(?: [\\w-]+){0,2} (?:in|during|at)',
      ' (?:the|his|her|their|its) [\\w-]+ (?:on|in)',
    ];
    const once = `${verbs}(?:${after.join('|')})`;
    expect(REGEXPS.leadIn.source).toContain(once);
    const apart = new RegExp(REGEXPS.leadIn.source.replace(once, after.map((phrase) => verbs + phrase).join('|')), 'u');
    const pieces = ['said', 'wrote', 'told', 'reports', 'points out', 'in', 'for', 'to', 'on', 'during', 'at', 'a', 'the', 'his', 'book', 'stop', 'public', ',', 'x-ray', 'Weibo', 'and', 'per', 'according to'];
    let state = 7;
    const next = () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
    let taken = 0;
    for (let i = 0; i < 20_000; i++) {
      const words = Array.from({ length: 1 + Math.floor(next() * 7) }, () => pieces[Math.floor(next() * pieces.length)]);
      const text = `${words.join(' ').replace(/ ,/g, ',')} `;
      const expected = apart.test(text);
      if (expected) taken++;
      expect(REGEXPS.leadIn.test(text), text).toBe(expected);
    }
    // Enough of the texts are lead-ins for the comparison to mean something.
    expect(taken).toBeGreaterThan(1000);
  });
});

/**
 * The patterns whose left word edge is a lookbehind, and the form they had with a consumed
 * character ("(?:^|[^\p{L}-])"), which compiles several times slower in Chromium on a two-byte text.
 */
const EDGED = ['leadIn', 'cueWordLower', 'quoteCue', 'reportingVerb', 'pointer'] as const;

/** The same pattern with its leading lookbehind written as a consumed character or the start. */
function consumedForm(re: RegExp): RegExp {
  const lead = /^\(\?<!(\\p\{L\}|\[[^\]]+\])\)/.exec(re.source);
  if (!lead) throw new Error(`no leading lookbehind in /${re.source}/`);
  const inside = lead[1].startsWith('[') ? lead[1].slice(1, -1) : lead[1];
  return new RegExp(`(?:^|[^${inside}])${re.source.slice(lead[0].length)}`, re.flags);
}

/** A small seeded generator, so that a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

const LEAD_IN_ENDS = ['according to', 'per', 'per the', 'citing', 'writing in', 'published by', 'selon la', 'laut', 'said in a', 'a study by'];

/**
 * Texts built from the pattern's own words (so that many match) glued to what may or may not be a
 * word edge: letters (Latin, accented, astral, the Kelvin sign and the long s that fold to k and s),
 * digits, hyphens, underscores, apostrophes, an emoji, spaces and punctuation.
 */
function texts(re: RegExp, count: number, seed: number): string[] {
  const words = [...new Set(re.source.replace(/\\./g, ' ').match(/[\p{L}'’ -]{2,}/gu) ?? [])].map((word) => word.trim()).filter(Boolean);
  const glue = ['', ' ', ' ', '-', '_', 'a', 'é', 'K', 'K', 'ſ', '𝐀', '😀', '1', '’', "'", '.', ',', '(', '\n', ' the '];
  const next = random(seed);
  const pick = <T,>(list: readonly T[]) => list[Math.floor(next() * list.length)];
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    let text = next() < 0.5 ? '' : pick(glue);
    const parts = 1 + Math.floor(next() * 4);
    for (let p = 0; p < parts; p++) {
      let word = pick(words);
      if (next() < 0.2) word = word.toUpperCase();
      else if (next() < 0.2) word = word[0].toUpperCase() + word.slice(1);
      text += word + (next() < 0.3 ? '' : pick(glue)) + (next() < 0.2 ? pick(glue) : '');
    }
    // Half end on a word and a space, often a lead-in's own: leadIn reads the end of the text before a link.
    if (next() < 0.5) text += pick(next() < 0.5 ? LEAD_IN_ENDS : words) + ' ';
    out.push(text);
  }
  return out;
}

describe('REGEXPS word edges', () => {
  it.each(EDGED)('%s takes the same texts as its consumed-character form on 20,000 generated texts', (name) => {
    const edged = REGEXPS[name];
    const consumed = consumedForm(edged);
    expect(consumed.source).not.toBe(edged.source);
    let taken = 0;
    let differ = 0;
    for (const text of texts(edged, 20_000, 7 + name.length)) {
      const answer = edged.test(text);
      if (answer !== consumed.test(text)) differ++;
      if (answer) taken++;
    }
    expect(differ).toBe(0);
    // The texts must exercise both answers, or the comparison says nothing.
    expect(taken).toBeGreaterThan(500);
    expect(taken).toBeLessThan(19_500);
  });

  it('a word glued to a letter before it is no word, one after a space or at the start is (reportingVerb)', () => {
    expect(REGEXPS.reportingVerb.test('said')).toBe(true);
    expect(REGEXPS.reportingVerb.test('he said')).toBe(true);
    expect(REGEXPS.reportingVerb.test('unsaid')).toBe(false);
    expect(REGEXPS.reportingVerb.test('𝐀said')).toBe(false);
    expect(REGEXPS.reportingVerb.test('😀said')).toBe(true);
    expect(REGEXPS.leadIn.test('the figures, according to ')).toBe(true);
    expect(REGEXPS.leadIn.test('xaccording to ')).toBe(false);
  });
});
