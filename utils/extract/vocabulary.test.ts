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
