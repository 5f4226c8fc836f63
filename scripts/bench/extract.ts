/**
 * Extraction cost, as a ratio to Readability's own parse of the same page in the same run.
 *
 * Measured twice: in Debian's Chromium (the content script's real home; the page is loaded with
 * its own scripts and network off, and a bundle of utils/extract plus Readability is evaluated in
 * it), and in Node on jsdom (the command line's home). In both, for each run the page's document is cloned, extraction reads the
 * clone, then Readability parses that same clone (it mutates it, so extraction goes first and
 * neither timing includes the clone; a settled row for `wikipedia-2` pauses before each timing,
 * so that the collector's work for the fresh clone is not charged to extraction). Pages: `wikipedia-2` (hundreds of reference markers) and the
 * largest corpus page; and the cheap pre-check the content script runs on every page, on a typical
 * article without citations (`nytimes-2`), on one with a single attributed link (`nytimes-1`: "he
 * noted that … security services <a>killed more than 10 civilians in Darfur</a>", a claim that
 * extraction finds, so the pre-check must say yes) and on the largest page (which has none). Each
 * row says what extraction found on the page in the same run, so a label cannot drift from it.
 * Last, the first pre-check and extraction on a page in a renderer where nothing has run before
 * (see firstCalls), against Readability's first parse there.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import v8 from 'node:v8';
import { runInNewContext } from 'node:vm';
import { Readability } from '@mozilla/readability';
import { build } from 'esbuild';
import { JSDOM, VirtualConsole } from 'jsdom';
import { findChromium, launchPlainChromium } from '../lib/chromium';
import { extractCitations, hasCitationHints } from '../../utils/extract';
import { median, type BenchRow } from './types';

const repoRoot = path.resolve(import.meta.dirname, '../..');
const corpus = path.resolve(repoRoot, '../shared/corpus/readability-pages');
const RUNS = 5;
/** Chromium runs are cheap and its timings jumpier: take more. */
const BROWSER_RUNS = 9;

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

/** Pages for the pre-check: a typical article without citations, one with a single attributed link. */
const HINT_PAGES = ['nytimes-2', 'nytimes-1'];

/** What a pre-check row is about: the page and what extraction found there. */
function hintRowName(page: string, claims: number, where: string): string {
  return `hasCitationHints on ${page}, ${claims === 0 ? 'no citations' : `${claims} cited claim${claims === 1 ? '' : 's'}`} (${where})`;
}

/** The pre-check's answer against extraction's: a "no" where a claim exists is a miss. */
function hintNote(answer: boolean, claims: number): string {
  return `answered ${answer}${answer === claims > 0 ? '' : claims > 0 ? ' (a miss: extraction finds claims)' : ' (a false yes)'}`;
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

/** utils/extract and Readability as one script that sets `globalThis.__citecheckBench`. */
async function browserBundle(): Promise<string> {
  const result = await build({
    stdin: {
      contents: `import { extractCitations, hasCitationHints } from './utils/extract';
import { Readability } from '@mozilla/readability';
globalThis.__citecheckBench = { extractCitations, hasCitationHints, Readability };`,
      resolveDir: repoRoot,
      loader: 'ts',
    },
    bundle: true,
    format: 'iife',
    platform: 'browser',
    write: false,
  });
  return result.outputFiles[0].text;
}

interface BrowserFigures {
  extract: number;
  readability: number;
  hint: number;
  hintAnswer: boolean;
  claims: number;
  /** The same two timings, each begun after a pause once the clone is made (see SETTLE_MS). */
  settled?: { extract: number; readability: number };
  /** The first calls on a fresh page (see firstCalls). */
  first?: FirstCallFigures;
}

/**
 * Pause before each timing of the settled rows. Cloning a large page allocates tens of thousands
 * of nodes, and the collector's work for that lands on whatever runs next: in the plain rows that
 * is always extraction, never Readability. After a pause each timing holds only its own work.
 */
const SETTLE_MS = 50;

/** Median extraction and Readability times with the clone settled first, one evaluate per timing. */
async function settledInPage(page: import('playwright-core').Page, runs: number, url: string): Promise<{ extract: number; readability: number }> {
  const pause = () => new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
  const extractTimes: number[] = [];
  const readabilityTimes: number[] = [];
  for (let run = 0; run <= runs; run++) {
    await page.evaluate('globalThis.__citecheckClone = document.cloneNode(true), 0');
    await pause();
    const extract = (await page.evaluate(`(() => { const t0 = performance.now(); globalThis.__citecheckBench.extractCitations(globalThis.__citecheckClone, ${JSON.stringify(url)}); return performance.now() - t0; })()`)) as number;
    await pause();
    const readability = (await page.evaluate('(() => { const t0 = performance.now(); new globalThis.__citecheckBench.Readability(globalThis.__citecheckClone).parse(); return performance.now() - t0; })()')) as number;
    if (run === 0) continue; // warm-up
    extractTimes.push(extract);
    readabilityTimes.push(readability);
  }
  await page.evaluate('globalThis.__citecheckClone = undefined, 0');
  return { extract: median(extractTimes), readability: median(readabilityTimes) };
}

/** Pages that also get a settled row. */
const SETTLED_PAGES = new Set(['wikipedia-2']);

/**
 * Runs inside the page. Kept as source text: functions passed to page.evaluate are serialised,
 * and the TypeScript loader would add helper calls that do not exist in the page.
 */
const MEASURE_IN_PAGE = `({ runs, url }) => {
  const lib = globalThis.__citecheckBench;
  const mid = (xs) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const hints = [];
  let hintAnswer = false;
  for (let i = 0; i <= runs * 4; i++) {
    const t0 = performance.now();
    hintAnswer = lib.hasCitationHints(document);
    if (i > 0) hints.push(performance.now() - t0);
  }
  const ex = [];
  const rd = [];
  let claims = 0;
  for (let i = 0; i <= runs; i++) {
    const clone = document.cloneNode(true);
    const t0 = performance.now();
    claims = lib.extractCitations(clone, url).claims.length;
    const t1 = performance.now();
    new lib.Readability(clone).parse();
    const t2 = performance.now();
    if (i === 0) continue;
    ex.push(t1 - t0);
    rd.push(t2 - t1);
  }
  return { extract: mid(ex), readability: mid(rd), hint: mid(hints), hintAnswer, claims };
}`;

/** Pages of the first-call row: an article without citations and the long cited one. */
const FIRST_CALL_PAGES = ['nytimes-2', 'wikipedia-2'];
/** Fresh pages per figure of the first-call row (each a new browser context: a new renderer). */
const FIRST_CALL_SAMPLES = 7;

interface FirstCallFigures {
  hint: number;
  extract: number;
  /** Median of the sums hint + extract, sample by sample. */
  both: number;
  readability: number;
  claims: number;
  /** Medians of the renderer main thread's CPU time over the same calls (see mainThreadMs), when Chromium reports it. */
  cpu?: { both: number; readability: number };
}

/**
 * The renderer main thread's CPU time so far (DevTools' `ThreadTime` metric), in ms; undefined
 * where Chromium does not report it. A first call's wall time also holds the time the thread
 * waits (for a core on a loaded machine, for code and data touched the first time), which its
 * CPU time leaves out: the two are read side by side.
 */
async function mainThreadMs(cdp: import('playwright-core').CDPSession): Promise<number | undefined> {
  const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
  const thread = metrics.find((m) => m.name === 'ThreadTime');
  return thread ? thread.value * 1000 : undefined;
}

/**
 * The first calls on a page, as the content script makes them: nothing of the bundle has run in
 * this renderer before, so the time holds the lazy compilation of its functions and patterns and
 * the first touch of the page's nodes, which the medians of the other rows leave out. Each sample
 * opens a new context (browsers never share a renderer between contexts, so no compiled code or
 * pattern carries over), times the first `hasCitationHints(document)` and then the first
 * `extractCitations(document)`; Readability's first `parse()` of a clone of the same page is timed
 * the same way in another new context, the two taken in turn.
 */
async function firstCalls(browser: import('playwright-core').Browser, bundle: string, name: string, url: string): Promise<FirstCallFigures> {
  const html = readFileSync(path.join(corpus, name, 'source.html'), 'utf8');
  const fresh = async <T>(script: string): Promise<{ result: T; cpu?: number }> => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    try {
      await context.route('**/*', (route) => route.abort());
      const page = await context.newPage();
      await page.setContent(html, { waitUntil: 'domcontentloaded' });
      await page.evaluate(bundle);
      const cdp = await context.newCDPSession(page);
      await cdp.send('Performance.enable');
      const before = await mainThreadMs(cdp);
      const result = (await page.evaluate(script)) as T;
      const after = await mainThreadMs(cdp);
      return { result, cpu: before !== undefined && after !== undefined ? after - before : undefined };
    } finally {
      await context.close();
    }
  };
  const ours = `(() => { const lib = globalThis.__citecheckBench; const t0 = performance.now(); lib.hasCitationHints(document); const t1 = performance.now(); const claims = lib.extractCitations(document, ${JSON.stringify(url)}).claims.length; const t2 = performance.now(); return { hint: t1 - t0, extract: t2 - t1, claims }; })()`;
  const theirs = `(() => { const clone = document.cloneNode(true); const t0 = performance.now(); new globalThis.__citecheckBench.Readability(clone).parse(); return performance.now() - t0; })()`;
  const hint: number[] = [];
  const extract: number[] = [];
  const both: number[] = [];
  const readability: number[] = [];
  const cpuOurs: number[] = [];
  const cpuTheirs: number[] = [];
  let claims = 0;
  const readabilityOnce = async () => {
    const { result, cpu } = await fresh<number>(theirs);
    readability.push(result);
    if (cpu !== undefined) cpuTheirs.push(cpu);
  };
  for (let sample = 0; sample < FIRST_CALL_SAMPLES; sample++) {
    const readabilityFirst = sample % 2 === 1;
    if (readabilityFirst) await readabilityOnce();
    const { result: m, cpu } = await fresh<{ hint: number; extract: number; claims: number }>(ours);
    hint.push(m.hint);
    extract.push(m.extract);
    both.push(m.hint + m.extract);
    if (cpu !== undefined) cpuOurs.push(cpu);
    claims = m.claims;
    if (!readabilityFirst) await readabilityOnce();
  }
  const cpu = cpuOurs.length === FIRST_CALL_SAMPLES && cpuTheirs.length === FIRST_CALL_SAMPLES ? { both: median(cpuOurs), readability: median(cpuTheirs) } : undefined;
  return { hint: median(hint), extract: median(extract), both: median(both), readability: median(readability), claims, ...(cpu ? { cpu } : {}) };
}

/** Medians measured inside Chromium on one page (extraction and Readability on the same clone). */
async function inChromium(pages: { page: string; url: string }[]): Promise<Map<string, BrowserFigures> | string> {
  const executablePath = findChromium();
  if (!executablePath) return 'Chromium not found';
  const bundle = await browserBundle();
  const browser = await launchPlainChromium();
  try {
    const context = await browser.newContext({ javaScriptEnabled: false });
    await context.route('**/*', (route) => route.abort());
    const figures = new Map<string, BrowserFigures>();
    for (const { page: name, url } of pages) {
      const page = await context.newPage();
      await page.setContent(readFileSync(path.join(corpus, name, 'source.html'), 'utf8'), { waitUntil: 'domcontentloaded' });
      await page.evaluate(bundle);
      const measured = (await page.evaluate(`(${MEASURE_IN_PAGE})(${JSON.stringify({ runs: BROWSER_RUNS, url })})`)) as BrowserFigures;
      if (SETTLED_PAGES.has(name)) measured.settled = await settledInPage(page, BROWSER_RUNS, url);
      figures.set(name, measured);
      await page.close();
    }
    for (const name of FIRST_CALL_PAGES) {
      const figure = figures.get(name);
      if (figure) figure.first = await firstCalls(browser, bundle, name, pageUrl(name));
    }
    return figures;
  } finally {
    await browser.close();
  }
}

function pageUrl(page: string): string {
  return page.startsWith('wikipedia') ? `https://en.wikipedia.org/wiki/${page}` : `https://${page}.example.com/article`;
}

export default async function bench(): Promise<BenchRow[]> {
  if (!existsSync(corpus)) {
    return [{ area: 'extract', name: 'extraction vs Readability', value: 0, unit: 'count', note: `skipped: ${corpus} is absent` }];
  }
  const rows: BenchRow[] = [];
  const largest = largestPage();

  let browserFigures: Map<string, BrowserFigures> | string;
  try {
    browserFigures = await inChromium(['wikipedia-2', largest, ...HINT_PAGES].map((page) => ({ page, url: pageUrl(page) })));
  } catch (error) {
    browserFigures = `Chromium run failed: ${String(error).slice(0, 200)}`;
  }
  if (typeof browserFigures === 'string') {
    rows.push({ area: 'extract', name: 'extraction in Chromium', value: 0, unit: 'count', note: `skipped: ${browserFigures}` });
  } else {
    for (const page of ['wikipedia-2', largest]) {
      const f = browserFigures.get(page)!;
      rows.push({
        area: 'extract',
        name: `extractCitations on ${page} (Chromium)`,
        value: round(f.extract),
        unit: 'ms',
        reference: { name: `Readability parse() of ${page}, same clone`, value: round(f.readability), unit: 'ms' },
        ratio: round(f.extract / f.readability, 3),
        target: 'ratio ≤ 0.15',
        note: `${f.claims} claims; median of ${BROWSER_RUNS}`,
      });
      if (f.settled) {
        rows.push({
          area: 'extract',
          name: `extractCitations on ${page} (Chromium, clone settled)`,
          value: round(f.settled.extract),
          unit: 'ms',
          reference: { name: `Readability parse() of ${page}, same clone, settled`, value: round(f.settled.readability), unit: 'ms' },
          ratio: round(f.settled.extract / f.settled.readability, 3),
          target: 'ratio ≤ 0.15',
          note: `each timing begun ${SETTLE_MS} ms after the clone or the previous timing, so that neither pays the collector's work for the clone; median of ${BROWSER_RUNS}`,
        });
      }
    }
    for (const page of FIRST_CALL_PAGES) {
      const first = browserFigures.get(page)?.first;
      if (!first) continue;
      rows.push({
        area: 'extract',
        name: `first hasCitationHints + extractCitations on ${page}, fresh page (Chromium)`,
        value: round(first.both),
        unit: 'ms',
        reference: { name: `Readability's first parse() of ${page}, fresh page`, value: round(first.readability), unit: 'ms' },
        ratio: round(first.both / first.readability, 3),
        note: `pre-check ${round(first.hint)} ms, then extraction ${round(first.extract)} ms (${first.claims} claims), medians; ${first.cpu ? `main-thread CPU ${round(first.cpu.both)} ms against Readability's ${round(first.cpu.readability)} ms (×${round(first.cpu.both / first.cpu.readability, 3)}); ` : ''}each sample a new browser context, nothing run there before; median of ${FIRST_CALL_SAMPLES}`,
      });
    }
    for (const page of [...HINT_PAGES, largest]) {
      const f = browserFigures.get(page)!;
      rows.push({
        area: 'extract',
        name: hintRowName(page, f.claims, 'Chromium'),
        value: round(f.hint, 4),
        unit: 'ms',
        reference: { name: `Readability parse() of ${page}`, value: round(f.readability), unit: 'ms' },
        ratio: round(f.hint / f.readability, 5),
        target: '< 1 ms',
        note: `${hintNote(f.hintAnswer, f.claims)}; median of ${BROWSER_RUNS * 4}; Chromium's clock ticks in 0.1 ms`,
      });
    }
  }

  rows.push(...scalingRows());
  for (const page of ['wikipedia-2', largest]) {
    const url = pageUrl(page);
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
  for (const page of [...HINT_PAGES, largest]) {
    const url = `https://${page}.example.com/article`;
    const doc = load(page, url);
    const { hint, answer } = precheck(doc);
    const m = extractionVersusReadability(doc, url);
    rows.push({
      area: 'extract',
      name: hintRowName(page, m.claims, 'jsdom'),
      value: round(hint, 3),
      unit: 'ms',
      reference: { name: `Readability parse() of ${page}`, value: round(m.readability), unit: 'ms' },
      ratio: round(hint / m.readability, 5),
      target: '< 1 ms',
      note: `${hintNote(answer, m.claims)}; median of ${RUNS * 4}`,
    });
  }
  return rows;
}

/** A generated article with `markers` cited sentences in paragraphs of ten, and its reference list. */
function generatedPage(markers: number): string {
  const paragraphs: string[] = [];
  for (let p = 0; p < markers / 10; p++) {
    const sentences: string[] = [];
    for (let i = 0; i < 10; i++) {
      const n = p * 10 + i + 1;
      sentences.push(`Measurement ${n} of the harbour survey found ${n % 97} boats at anchor on the north quay.<sup class="reference"><a href="#cite_note-${n}">[${n}]</a></sup>`);
    }
    paragraphs.push(`<p>${sentences.join(' ')}</p>`);
  }
  const items = Array.from({ length: markers }, (_, i) => `<li id="cite_note-${i + 1}"><a class="external" href="https://survey${i % 50}.example.org/report/${i + 1}">Survey report ${i + 1}</a></li>`);
  return `<!doctype html><html><head><title>Generated</title></head><body>${paragraphs.join('')}<h2>References</h2><ol class="references">${items.join('')}</ol></body></html>`;
}

/** A full collection, when the engine lets one be asked for (Node's V8 does, by flag). */
function collectGarbage(): void {
  gcFunction ??= (() => {
    try {
      v8.setFlagsFromString('--expose-gc');
      return runInNewContext('gc') as () => void;
    } catch {
      return () => {};
    }
  })();
  gcFunction();
}
let gcFunction: (() => void) | undefined;

/** Runs of the scaling row: more than RUNS, since the row's ratio is read against a bound. */
const SCALING_RUNS = 9;

/**
 * Median extraction times of generated pages (after one warm-up each), in jsdom, the pages taken
 * in turn within each run so that a change in the machine's load falls on both alike.
 */
function generatedCosts(sizes: number[]): { ms: number; claims: number }[] {
  const url = 'https://generated.example.org/article';
  const docs = sizes.map((markers) => new JSDOM(generatedPage(markers), { url }).window.document);
  const times = sizes.map(() => [] as number[]);
  const claims = sizes.map(() => 0);
  for (let run = 0; run <= SCALING_RUNS; run++) {
    for (let k = 0; k < sizes.length; k++) {
      // Alternate which page goes first.
      const i = run % 2 ? sizes.length - 1 - k : k;
      const clone = docs[i].cloneNode(true) as Document;
      // Each timing starts from a collected heap: the collector's work for the clone, and for the
      // other page's run, then stays out of it (it grows with the live heap, not with the page).
      collectGarbage();
      const t0 = performance.now();
      claims[i] = extractCitations(clone, url).claims.length;
      if (run > 0) times[i].push(performance.now() - t0);
    }
  }
  return sizes.map((_, i) => ({ ms: median(times[i]), claims: claims[i] }));
}

/** Extraction stays linear: a page with twice the markers costs about twice as much. */
export function scalingRows(): BenchRow[] {
  const [small, large] = generatedCosts([1000, 2000]);
  return [
    {
      area: 'extract',
      name: 'extractCitations on a generated 2,000-marker page (jsdom)',
      value: round(large.ms),
      unit: 'ms',
      reference: { name: 'the same on a generated 1,000-marker page', value: round(small.ms), unit: 'ms' },
      ratio: round(large.ms / small.ms, 3),
      target: 'ratio ≤ 2.2',
      note: `${large.claims} and ${small.claims} claims; median of ${SCALING_RUNS}, the two pages in turn, each timing after a full collection`,
    },
  ];
}

function round(value: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

// Run directly: print the rows.
if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  bench().then((rows) => console.table(rows.map((r) => ({ name: r.name, value: r.value, unit: r.unit, reference: r.reference?.value, ratio: r.ratio, target: r.target, note: r.note }))));
}
