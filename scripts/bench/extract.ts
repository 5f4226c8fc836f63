/**
 * Extraction cost, as a ratio to Readability's own parse of the same page in the same run.
 *
 * Both run in Node on jsdom: for each run the page's document is cloned, extraction reads the
 * clone, then Readability parses that same clone (it mutates it, so extraction goes first and
 * neither timing includes the clone). Pages: `wikipedia-2` (hundreds of reference markers) and the
 * largest corpus page; and the cheap pre-check the content script runs on every page, on a typical
 * article without citations and on the largest page (which has none either).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { Readability } from '@mozilla/readability';
import { JSDOM, VirtualConsole } from 'jsdom';
import { extractCitations, hasCitationHints } from '../../utils/extract';
import { median, type BenchRow } from './types';

const repoRoot = path.resolve(import.meta.dirname, '../..');
const corpus = path.resolve(repoRoot, '../shared/corpus/readability-pages');
const RUNS = 5;

function load(page: string, url: string): Document {
  const html = readFileSync(path.join(corpus, page, 'source.html'), 'utf8');
  return new JSDOM(html, { url, virtualConsole: new VirtualConsole() }).window.document;
}

function largestPage(): string {
  let best = '';
  let size = -1;
  for (const page of readdirSync(corpus)) {
    const file = path.join(corpus, page, 'source.html');
    if (!existsSync(file)) continue;
    const bytes = statSync(file).size;
    if (bytes > size) {
      size = bytes;
      best = page;
    }
  }
  return best;
}

/** Median extraction and Readability times over clones of one document (after one warm-up). */
function extractionVersusReadability(doc: Document, url: string): { extract: number; readability: number; claims: number } {
  const extractTimes: number[] = [];
  const readabilityTimes: number[] = [];
  let claims = 0;
  for (let run = 0; run <= RUNS; run++) {
    const clone = doc.cloneNode(true) as Document;
    const t0 = performance.now();
    claims = extractCitations(clone, url).claims.length;
    const t1 = performance.now();
    new Readability(clone).parse();
    const t2 = performance.now();
    if (run === 0) continue; // warm-up
    extractTimes.push(t1 - t0);
    readabilityTimes.push(t2 - t1);
  }
  return { extract: median(extractTimes), readability: median(readabilityTimes), claims };
}

function precheck(doc: Document): { hint: number; answer: boolean } {
  let answer = false;
  const times: number[] = [];
  for (let run = 0; run <= RUNS * 4; run++) {
    const t0 = performance.now();
    answer = hasCitationHints(doc);
    const t1 = performance.now();
    if (run > 0) times.push(t1 - t0);
  }
  return { hint: median(times), answer };
}

export default async function bench(): Promise<BenchRow[]> {
  if (!existsSync(corpus)) {
    return [{ area: 'extract', name: 'extraction vs Readability', value: 0, unit: 'count', note: `skipped: ${corpus} is absent` }];
  }
  const rows: BenchRow[] = [];
  const largest = largestPage();
  for (const page of ['wikipedia-2', largest]) {
    const url = page.startsWith('wikipedia') ? `https://en.wikipedia.org/wiki/${page}` : `https://${page}.example.com/article`;
    const doc = load(page, url);
    const m = extractionVersusReadability(doc, url);
    rows.push({
      area: 'extract',
      name: `extractCitations on ${page} (jsdom)`,
      value: round(m.extract),
      unit: 'ms',
      reference: { name: `Readability parse() of ${page}, same clone`, value: round(m.readability), unit: 'ms' },
      ratio: round(m.extract / m.readability, 3),
      target: 'ratio ≤ 0.25',
      note: `${m.claims} claims; median of ${RUNS}`,
    });
  }
  for (const page of ['nytimes-1', largest]) {
    const url = `https://${page}.example.com/article`;
    const doc = load(page, url);
    const { hint, answer } = precheck(doc);
    const m = extractionVersusReadability(doc, url);
    rows.push({
      area: 'extract',
      name: `hasCitationHints on ${page}, no citations (jsdom)`,
      value: round(hint, 3),
      unit: 'ms',
      reference: { name: `Readability parse() of ${page}`, value: round(m.readability), unit: 'ms' },
      ratio: round(hint / m.readability, 5),
      target: '< 1 ms',
      note: `answered ${answer}; median of ${RUNS * 4}`,
    });
  }
  return rows;
}

function round(value: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

// Run directly: print the rows.
if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  bench().then((rows) => console.table(rows.map((r) => ({ name: r.name, value: r.value, unit: r.unit, reference: r.reference?.value, ratio: r.ratio, target: r.target, note: r.note }))));
}
