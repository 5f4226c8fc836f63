/**
 * The eval's `--judge` part: the local-server judge over the matcher's passages, in Node, as the
 * extension runs it (the same prompt, gate, queue, timeout). Called from `scripts/eval.ts`.
 *
 *   npm run eval -- <file.jsonl> --judge http://127.0.0.1:11434/v1 [--judge-model NAME]
 *       [--judge-timeout MS] [--judge-concurrency N] [--judge-any-host] [--json] [--out p.jsonl]
 *
 * Figures: coverage (share of the claims asked whose answer passed the gate, with a 95% Wilson
 * interval), how often the judge changed the verdict, why answers were dropped, and latency
 * (median and 90th percentile per claim). The verdict figures of the eval are then those of the
 * final verdicts; AUROC stays the matcher's score, which the judge does not give.
 */
import { parseArgs } from 'node:util';
import type { Evidence } from '../utils/report/schema';
import { createJudgeQueue, DEFAULT_CONCURRENCY, DEFAULT_TIMEOUT_MS, type JudgeOutcome } from '../utils/judge/judge';
import { createLocalServerJudge, probeLocalServer, OLLAMA_ORIGINS_LINE } from '../utils/judge/tiers/local-server';

export interface JudgeOptions {
  baseUrl: string;
  model?: string;
  timeoutMs: number;
  concurrency: number;
  anyHost: boolean;
}

/** Takes the judge's options out of the argument list; the rest goes back to the eval. */
export function takeJudgeArgs(args: string[]): { judge: JudgeOptions | null; rest: string[] } {
  const mine = new Set(['--judge', '--judge-model', '--judge-timeout', '--judge-concurrency', '--judge-any-host']);
  const taken: string[] = [];
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const name = args[i].split('=')[0];
    if (!mine.has(name)) rest.push(args[i]);
    else {
      taken.push(args[i]);
      if (!args[i].includes('=') && name !== '--judge-any-host') taken.push(args[++i] ?? '');
    }
  }
  if (taken.length === 0) return { judge: null, rest };
  const { values } = parseArgs({
    args: taken,
    options: {
      judge: { type: 'string' },
      'judge-model': { type: 'string' },
      'judge-timeout': { type: 'string' },
      'judge-concurrency': { type: 'string' },
      'judge-any-host': { type: 'boolean' },
    },
  });
  if (!values.judge) throw new Error('--judge needs the base URL of an OpenAI-compatible server, e.g. http://127.0.0.1:11434/v1');
  const number = (text: string | undefined, fallback: number, name: string) => {
    if (text === undefined) return fallback;
    const n = Number(text);
    if (!Number.isInteger(n) || n < 1) throw new Error(`${name} must be a positive whole number`);
    return n;
  };
  return {
    judge: {
      baseUrl: values.judge,
      model: values['judge-model'],
      timeoutMs: number(values['judge-timeout'], DEFAULT_TIMEOUT_MS, '--judge-timeout'),
      concurrency: number(values['judge-concurrency'], DEFAULT_CONCURRENCY, '--judge-concurrency'),
      anyHost: values['judge-any-host'] ?? false,
    },
    rest,
  };
}

export interface JudgedPrediction {
  verdict: string;
  wordVerdict: string;
  judgedBy: string;
  quote?: string;
}

export interface JudgeFigures {
  judge: string;
  asked: number;
  accepted: number;
  coverage: number | null;
  coverageInterval: [number, number] | null;
  changed: number;
  changedShare: number | null;
  dropped: Record<string, number>;
  latencyMedianMs: number | null;
  latencyP90Ms: number | null;
}

export function wilson(k: number, n: number, z = 1.96): [number, number] | null {
  if (n === 0) return null;
  const p = k / n;
  const denom = 1 + (z * z) / n;
  const centre = (p + (z * z) / (2 * n)) / denom;
  const half = (z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n))) / denom;
  return [Math.max(0, centre - half), Math.min(1, centre + half)];
}

function quantile(sorted: number[], q: number): number | null {
  if (sorted.length === 0) return null;
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

/** Asks the judge about every claim that has passages; resolves with the final verdicts and the figures. */
export async function judgeAll(
  claims: { claim: string; verdict: string; evidence: Evidence[] }[],
  options: JudgeOptions,
): Promise<{ predictions: JudgedPrediction[]; figures: JudgeFigures }> {
  let model = options.model;
  // The model list is quick to answer: a short per-claim timeout must not cut it off.
  const probe = await probeLocalServer(options.baseUrl, { allowNonLoopback: options.anyHost, timeoutMs: Math.max(10_000, options.timeoutMs) });
  if (probe.status === 'forbidden') throw new Error(`the model server answered 403: start it with ${OLLAMA_ORIGINS_LINE}`);
  if (probe.status === 'refused_url') {
    throw new Error(
      probe.reason === 'not_loopback'
        ? `${options.baseUrl} is not on this machine; add --judge-any-host to send claims and passages there`
        : `${options.baseUrl} is not an http(s) base URL`,
    );
  }
  if (probe.status !== 'ok') throw new Error(`the model server at ${options.baseUrl} did not list its models (${probe.status})`);
  if (!model) model = probe.models[0];
  if (!model) throw new Error('the model server lists no model: pass --judge-model');
  if (!probe.models.includes(model)) throw new Error(`the model server has no model ${model} (it has: ${probe.models.join(', ')})`);

  const judge = createLocalServerJudge({ baseUrl: options.baseUrl, model, allowNonLoopback: options.anyHost });
  const queue = createJudgeQueue(judge, { concurrency: options.concurrency, timeoutMs: options.timeoutMs });
  const outcomes: (JudgeOutcome | null)[] = await Promise.all(
    claims.map((c) =>
      c.evidence.length === 0
        ? null
        : queue.ask({ claimId: '', claim: c.claim, passages: c.evidence.map((e) => ({ sourceId: e.sourceId, text: e.text })) }),
    ),
  );
  const predictions = claims.map((c, i): JudgedPrediction => {
    const outcome = outcomes[i];
    if (outcome?.ok) return { verdict: outcome.verdict, wordVerdict: c.verdict, judgedBy: judge.name, ...(outcome.quote ? { quote: outcome.quote } : {}) };
    return { verdict: c.verdict, wordVerdict: c.verdict, judgedBy: 'words' };
  });
  const asked = outcomes.filter((o): o is JudgeOutcome => o !== null);
  const accepted = asked.filter((o) => o.ok).length;
  const dropped: Record<string, number> = {};
  for (const o of asked) if (!o.ok) dropped[o.reason] = (dropped[o.reason] ?? 0) + 1;
  const changed = predictions.filter((p) => p.verdict !== p.wordVerdict).length;
  const latencies = asked.map((o) => o.ms).sort((a, b) => a - b);
  return {
    predictions,
    figures: {
      judge: judge.name,
      asked: asked.length,
      accepted,
      coverage: asked.length ? accepted / asked.length : null,
      coverageInterval: wilson(accepted, asked.length),
      changed,
      changedShare: claims.length ? changed / claims.length : null,
      dropped,
      latencyMedianMs: quantile(latencies, 0.5),
      latencyP90Ms: quantile(latencies, 0.9),
    },
  };
}

export function printJudgeFigures(f: JudgeFigures): void {
  const pct = (x: number | null) => (x === null ? 'n/a' : `${(100 * x).toFixed(1)}%`);
  const interval = f.coverageInterval ? ` (95% ${pct(f.coverageInterval[0])}–${pct(f.coverageInterval[1])})` : '';
  console.log(`judge              ${f.judge}`);
  console.log(`judge coverage     ${pct(f.coverage)}${interval}  (${f.accepted} of ${f.asked} answers passed the quote gate)`);
  console.log(`judge changed      ${f.changed} verdicts (${pct(f.changedShare)} of all claims)`);
  const drops = Object.entries(f.dropped).map(([k, v]) => `${k} ${v}`).join(', ');
  console.log(`judge dropped      ${drops || 'none'}`);
  console.log(`judge latency      median ${f.latencyMedianMs ?? 'n/a'} ms, p90 ${f.latencyP90Ms ?? 'n/a'} ms per claim`);
}
