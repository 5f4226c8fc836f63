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
