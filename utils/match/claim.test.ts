import { describe, expect, it } from 'vitest';
import { analyseClaim } from './claim';

const kinds = (claim: string) => Object.fromEntries(analyseClaim(claim).terms.map((t) => [t.surface, t.kind]));

describe('names in a claim', () => {
  it('takes a capital after an initial as a name', () => {
    expect(kinds('Critic Ruth B. Okonjo praised the album.')).toMatchObject({ Ruth: 'name', Okonjo: 'name', praised: 'word' });
    expect(kinds('Astronauts Mark T. Vance and Joe Alder flew.')).toMatchObject({ Vance: 'name', Alder: 'name' });
  });

  it('takes a capital after initials written with dots as a name', () => {
    expect(kinds('The case went to the U.S. Supreme Court in May.')).toMatchObject({ Supreme: 'name', Court: 'name' });
    expect(kinds('A review in The A.V. Club praised it.')).toMatchObject({ Club: 'name' });
  });

  it('takes a capital after a title as a name', () => {
    expect(kinds('The mural was painted by Dr. Vance and restored in St. Louis.')).toMatchObject({ Vance: 'name', Louis: 'name' });
  });

  it('still takes a capital after a sentence end as no name', () => {
    expect(kinds('The works ended early. Then crews left.')).toMatchObject({ ended: 'word', crews: 'word' });
    expect(kinds('The works ended early. Then crews left.').Then).toBeUndefined();
    expect(kinds('Work stopped in the city: Officials gave no reason.')).toMatchObject({ Officials: 'word' });
  });
});

describe('key words of a claim', () => {
  it('takes "e.g." and "i.e.", one token each, as no key word', () => {
    const surfaces = analyseClaim('Some relief was foreseen, e.g. for mothers, i.e. parents of three.').terms.map((t) => t.surface);
    expect(surfaces).toEqual(['relief', 'foreseen', 'mothers', 'parents', 'three']);
  });

  it('carries the joined stem for a bound prefix written apart ("co operation"), not for any two words', () => {
    const terms = analyseClaim('The co operation of pre war clubs and the go operation.').terms;
    expect(terms.find((t) => t.surface === 'co')?.joined).toEqual(['cooper']);
    expect(terms.find((t) => t.surface === 'operation')?.joined).toEqual(['cooper']);
    expect(terms.find((t) => t.surface === 'war')?.joined).toEqual(['prewar']);
    expect(terms.find((t) => t.surface === 'go')?.joined).toBeUndefined();
  });
});

describe('acronyms in a claim', () => {
  it('keeps a word in capitals as a name though its lower-case form is a stop word, and gives a dotted initialism its letters', () => {
    const terms = analyseClaim('The WHO told us that the US and the U.K. agreed.').terms;
    expect(terms.find((t) => t.surface === 'WHO')?.kind).toBe('name');
    expect(terms.find((t) => t.surface === 'US')?.kind).toBe('name');
    expect(terms.find((t) => t.surface === 'U.K')?.joined).toEqual(['uk']);
    expect(terms.find((t) => t.surface === 'us')).toBeUndefined();
  });
});
