/**
 * Shared by `scripts/eval.ts` and `scripts/fit-match.ts`: reading the claim-verification JSONL
 * format (see shared/eval/README.md) and the metrics the eval reports.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';

export const RecordSchema = z.object({
  id: z.union([z.string(), z.number()]).transform(String),
  claim: z.string(),
  source_text: z.string(),
  source_sentences: z.array(z.string()).optional(),
  label: z.enum(['supported', 'partial', 'unsupported']),
  evidence: z.array(z.number().int()).optional().default([]),
  claim_type: z.string().optional(),
  orig_label: z.string().optional(),
});
export type EvalRecord = z.infer<typeof RecordSchema>;

export function readRecords(file: string): EvalRecord[] {
  const out: EvalRecord[] = [];
  const lines = readFileSync(file, 'utf8').split('\n');
  lines.forEach((line, i) => {
    if (!line.trim()) return;
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch {
      throw new Error(`${file}:${i + 1}: not a JSON line`);
    }
    const parsed = RecordSchema.safeParse(json);
    if (!parsed.success) throw new Error(`${file}:${i + 1}: ${parsed.error.issues[0]?.message}`);
    out.push(parsed.data);
  });
  return out;
}

/** Character spans of the gold evidence sentences in `source_text` (sentences joined by "\n"). */
export function goldSpans(record: EvalRecord): { start: number; end: number }[] {
  const sentences = record.source_sentences;
  if (!sentences || record.evidence.length === 0) return [];
  const starts: number[] = [];
  let offset = 0;
  for (const s of sentences) {
    starts.push(offset);
    offset += s.length + 1;
  }
  return record.evidence
    .filter((i) => i >= 0 && i < sentences.length)
    .map((i) => ({ start: starts[i], end: starts[i] + sentences[i].length }));
}

export function overlaps(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return a.start < b.end && b.start < a.end;
}

/** Area under the ROC curve of `scores` for `positive` (ties count half). */
export function auroc(scores: number[], positive: boolean[]): number | null {
  const pairs = scores.map((s, i) => ({ s, p: positive[i] })).sort((a, b) => a.s - b.s);
  const nPos = positive.filter(Boolean).length;
  const nNeg = positive.length - nPos;
  if (nPos === 0 || nNeg === 0) return null;
  let rankSum = 0;
  for (let i = 0; i < pairs.length; ) {
    let j = i;
    while (j < pairs.length && pairs[j].s === pairs[i].s) j++;
    const avgRank = (i + 1 + j) / 2;
    for (let k = i; k < j; k++) if (pairs[k].p) rankSum += avgRank;
    i = j;
  }
  return (rankSum - (nPos * (nPos + 1)) / 2) / (nPos * nNeg);
}

export function balancedAccuracy(predicted: boolean[], positive: boolean[]): number | null {
  let tp = 0, fn = 0, tn = 0, fp = 0;
  predicted.forEach((p, i) => {
    if (positive[i]) p ? tp++ : fn++;
    else p ? fp++ : tn++;
  });
  if (tp + fn === 0 || tn + fp === 0) return null;
  return (tp / (tp + fn) + tn / (tn + fp)) / 2;
}

export function macroF1(predicted: string[], gold: string[], labels: string[]): number {
  const f1s = labels.map((label) => {
    let tp = 0, fp = 0, fn = 0;
    predicted.forEach((p, i) => {
      if (p === label && gold[i] === label) tp++;
      else if (p === label) fp++;
      else if (gold[i] === label) fn++;
    });
    return tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn);
  });
  return f1s.reduce((a, b) => a + b, 0) / labels.length;
}

/** A gold three-way label for a matcher verdict: contradicted counts as unsupported. */
export function threeWay(verdict: string): string {
  return verdict === 'contradicted' ? 'unsupported' : verdict;
}
