import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { auroc, balancedAccuracy, goldSpans, macroF1, readRecords, RecordSchema, threeWay } from './eval-lib';

describe('eval metrics', () => {
  it.each([
    [[0.9, 0.8, 0.2, 0.1], [true, true, false, false], 1],
    [[0.1, 0.2, 0.8, 0.9], [true, true, false, false], 0],
    [[0.5, 0.5, 0.5, 0.5], [true, false, true, false], 0.5],
    [[0.9, 0.3, 0.6, 0.1], [true, true, false, false], 0.75],
  ])('AUROC of %j against %j is %d', (scores, positive, expected) => {
    expect(auroc(scores, positive)).toBeCloseTo(expected, 6);
  });

  it('AUROC and balanced accuracy do not apply to a single class', () => {
    expect(auroc([0.1, 0.2], [true, true])).toBeNull();
    expect(balancedAccuracy([true, false], [false, false])).toBeNull();
  });

  it('balanced accuracy averages the recall of both classes', () => {
    // positives: 2 of 2 right; negatives: 1 of 4 right → (1 + 0.25) / 2
    expect(balancedAccuracy([true, true, true, true, true, false], [true, true, false, false, false, false])).toBeCloseTo(0.625, 6);
  });

  it('macro-F1 averages per-label F1, counting contradicted as unsupported', () => {
    const predicted = ['supported', 'partial', 'contradicted', 'supported'].map(threeWay);
    const gold = ['supported', 'partial', 'unsupported', 'partial'];
    // supported F1 2/3, partial F1 2/3, unsupported F1 1
    expect(macroF1(predicted, gold, ['supported', 'partial', 'unsupported'])).toBeCloseTo((2 / 3 + 2 / 3 + 1) / 3, 6);
  });

  it('gold evidence spans are offsets of sentences joined by newlines', () => {
    const record = RecordSchema.parse({
      id: 'x', claim: 'c', label: 'supported', evidence: [1, 2],
      source_sentences: ['First one.', 'Second.', 'Third here.'],
      source_text: 'First one.\nSecond.\nThird here.',
    });
    const spans = goldSpans(record);
    expect(spans.map((s) => record.source_text.slice(s.start, s.end))).toEqual(['Second.', 'Third here.']);
  });
});

describe('readRecords', () => {
  const fileWith = (text: string) => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'eval-lib-')), 'claims.jsonl');
    writeFileSync(file, text);
    return file;
  };
  const record = { id: 'r1', claim: 'The dam opened in 1962.', source_text: 'The dam opened in 1962.', label: 'supported', evidence: [] };

  it('names the file and line of a line that is not JSON', () => {
    const file = fileWith(`${JSON.stringify(record)}\nnot json\n`);
    expect(() => readRecords(file)).toThrow(`${file}:2: not a JSON line`);
  });

  it('names the file and line of a record of the wrong shape, and reads good lines', () => {
    expect(readRecords(fileWith(`${JSON.stringify(record)}\n\n`)).map((r) => r.id)).toEqual(['r1']);
    const file = fileWith(`${JSON.stringify(record)}\n{"claim": 3}\n`);
    expect(() => readRecords(file)).toThrow(`${file}:2:`);
  });
});
