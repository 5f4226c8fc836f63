import { describe, expect, it } from 'vitest';
import { analyse, DEFAULT_PARAMS, indexSource } from '../../utils/match/index';
import { chunkCoverages, partCoverage } from '../../utils/match/features';
import { softFigures, softWindows } from './soft';
import { cosineRows, parseTable, type VectorTable } from './vectors';

/** A table of our own in the file format `vectors.ts` writes: words with 4-d int8 vectors. */
function tableOf(entries: [string, number[]][]): VectorTable {
  const words = Buffer.from(entries.map(([w]) => w).join('\n'), 'utf8');
  const head = Buffer.alloc(16);
  head.write('CCV1', 0, 'latin1');
  head.writeUInt32LE(entries.length, 4);
  head.writeUInt32LE(4, 8);
  head.writeUInt32LE(words.length, 12);
  const data = Buffer.from(Int8Array.from(entries.flatMap(([, v]) => v)).buffer);
  return parseTable(Buffer.concat([head, words, data]));
}

// "acquired" is near "bought"; "fell" is nearer "rose" than "climbed" is, but it is a listed opposite.
const table = tableOf([
  ['bought', [100, 20, 0, 0]],
  ['acquired', [100, 0, 10, 0]],
  ['rose', [0, 0, 100, 10]],
  ['fell', [0, 0, 100, 20]],
  ['climbed', [0, 10, 100, 0]],
  ['ships', [0, 100, 0, 0]],
  ['weather', [10, 0, 0, 100]],
]);
const synonymCredit = DEFAULT_PARAMS.retrieval.synonymCredit ?? 1;
const figures = (claim: string, text: string[], tau: number, how = {}) => {
  const r = analyse(claim, [indexSource('s', text.join('\n\n'))]).retrieval!;
  const soft = softWindows(r, table, how);
  return { r, f: softFigures(r, soft, tau, synonymCredit) };
};

describe('vector table', () => {
  it('reads its own format and refuses a table of the wrong length', () => {
    expect(table.index.get('acquired')).toBe(1);
    expect(cosineRows(table, 0, 0)).toBeCloseTo(1, 6);
    expect(cosineRows(table, 0, 5)).toBeLessThan(0.3);
    const head = Buffer.alloc(16);
    head.write('CCV1', 0, 'latin1');
    head.writeUInt32LE(2, 4);
    head.writeUInt32LE(4, 8);
    head.writeUInt32LE(3, 12);
    expect(() => parseTable(Buffer.concat([head, Buffer.from('a\nb'), Buffer.alloc(4)]))).toThrow(/wrong length/);
    expect(() => parseTable(Buffer.alloc(20))).toThrow(/not a vector table/);
  });
});

describe('soft credit from word vectors', () => {
  const text = ['The harbour board acquired four ships in the spring.', 'The weather in the spring was mild.'];

  it('rebuilds the shipped coverage and parts with no soft credit (τ above 1)', () => {
    const { r, f } = figures('The harbour board bought four ships.', text, 2);
    const shipped = chunkCoverages(r);
    expect(f.cov).toBeCloseTo(shipped.reduce((a, b) => a + b, 0) / shipped.length, 12);
    expect(f.parts).toEqual(partCoverage(r).best);
  });

  it('credits a word the window lacks with its cosine to a near word, and nothing below τ', () => {
    const off = figures('The harbour board bought four ships.', text, 2).f;
    const on = figures('The harbour board bought four ships.', text, 0.75).f;
    const high = figures('The harbour board bought four ships.', text, 0.99).f;
    expect(on.cov).toBeGreaterThan(off.cov);
    expect(high.cov).toBe(off.cov);
    expect(on.cov).toBeLessThan(1);
  });

  it('gives no credit from a listed opposite, however close its vector', () => {
    const src = ['Ticket prices fell in the spring at the harbour.'];
    const opposite = figures('Ticket prices rose in the spring at the harbour.', src, 0.75).f;
    const none = figures('Ticket prices rose in the spring at the harbour.', src, 2).f;
    expect(opposite.cov).toBe(none.cov);
    const near = figures('Ticket prices rose in the spring at the harbour.', ['Ticket prices climbed in the spring at the harbour.'], 0.75).f;
    expect(near.cov).toBeGreaterThan(none.cov);
  });

  it('never soft-matches a name', () => {
    // "Acquired" here is a capitalised word inside the claim: a name term, exact only.
    const { r } = figures('The board of Acquired Ships met.', text, 0.75);
    const soft = softWindows(r, table);
    const name = r.analysis.terms.findIndex((t) => t.surface === 'Acquired');
    expect(r.analysis.terms[name].kind).toBe('name');
    expect(soft.best.every((b) => b[name] === 0)).toBe(true);
  });

  it('only where the source lacks the word anywhere, when asked', () => {
    // "bought" only four sentences on, beyond any window of three with the ships.
    const src = ['The harbour board acquired four ships in the spring.', 'Gulls nested on the pier.', 'Fog came most mornings.', 'Tourists walked the quay.', 'Later it bought a crane.'];
    const everywhere = figures('The harbour board bought four ships.', src, 0.75).f;
    const onlyAbsent = figures('The harbour board bought four ships.', src, 0.75, { onlyAbsent: true }).f;
    expect(everywhere.cov).toBeGreaterThan(onlyAbsent.cov);
  });
});
