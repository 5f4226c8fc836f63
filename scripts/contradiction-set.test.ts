import { describe, expect, it } from 'vitest';
import { readPairs, runSet } from './contradiction-set';

describe('the contradiction set', () => {
  const pairs = readPairs();
  const result = runSet(pairs);
  const verdictOf = (id: string) => result.results.find((r) => r.pair.id === id)!.match.verdict;

  it('has at least 80 pairs, with contradictions of every reliable kind and paraphrases of every shape', () => {
    expect(pairs.length).toBeGreaterThanOrEqual(80);
    const kinds = new Set(pairs.filter((p) => p.expect === 'contradicted').map((p) => p.kind));
    expect([...kinds].sort()).toEqual(['actor', 'date', 'direction', 'negation', 'number']);
    const shapes = new Set(pairs.filter((p) => p.expect === 'supported').map((p) => p.kind));
    for (const shape of ['reordered', 'passive', 'synonym', 'number-words', 'date-format', 'order-place']) expect(shapes).toContain(shape);
  });

  it('calls contradicted with precision ≥ 0.95 and recall ≥ 0.6', () => {
    expect(result.precision).toBeGreaterThanOrEqual(0.95);
    expect(result.recall).toBeGreaterThanOrEqual(0.6);
  });

  it('keeps the reordered "after drying" / "before it looks even" paraphrase supported', () => {
    expect(verdictOf('p01')).toBe('supported');
  });

  it('does not contradict a passage on another subject ("side" against "top")', () => {
    expect(verdictOf('u01')).not.toBe('contradicted');
    const shown = result.results.find((r) => r.pair.id === 'u01')!.match.evidence.flatMap((e) => e.conflicts);
    expect(shown.join(' ')).not.toMatch(/side|top/);
  });
});
