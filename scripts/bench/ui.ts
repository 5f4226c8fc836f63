/**
 * Interface benchmark, in Debian's Chromium:
 * - popup: time from opening popup.html to the first frame with a finished 200-claim report on
 *   screen (the popup's own `citecheck:report-rendered` mark, measured from navigation start), as
 *   a ratio to the same popup showing a 1-claim report in the same run. The background's answer is
 *   stubbed in the page, so the figure is the popup's own cost, not the checker's.
 * - badges: time for the badge layer to render 500 badges on a fixture page, layout included, as a
 *   ratio to inserting 500 plain spans after the same markers (the least any inline layer costs).
 * - bundle sizes of each built entry point (gzipped), the content script against its 40 kB budget,
 *   and the badge layer's own share.
 */
import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import type { Page } from 'playwright-core';
import type { Claim, Report, Source, Verdict } from '../../utils/report/schema';
import { isJudgement } from '../../utils/report/verdicts';
// From the popup's state, not App.tsx: the runner cannot import App's stylesheets.
import { FIRST_ROWS } from '../../entrypoints/popup/state';
import { CHROME_BUILD, findChromium, launchPlainChromium, launchWithExtension } from '../lib/chromium';
import { readArgs } from '../lib/args';
import { inlineCss } from '../lib/inline-css';
import { median, type BenchRow } from './types';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const RUNS = 7;
const BADGES = 500;
const VERDICT_CYCLE: Verdict[] = ['supported', 'supported', 'partial', 'unsupported', 'contradicted', 'unavailable', 'supported', 'unlinked'];

/** A finished report of `n` claims over n/4 sources, with passages, marks and conflicts. */
export function syntheticReport(n: number): Report {
  const sourceCount = Math.max(1, Math.ceil(n / 4));
  const sources: Source[] = Array.from({ length: sourceCount }, (_, i) => ({
    id: `s${i + 1}`,
    label: `${i + 1}`,
    url: `https://journal${i % 17}.example/articles/${i + 1}`,
    domain: `journal${i % 17}.example`,
    title: `Field study number ${i + 1} on urban green space`,
    published: '2024-05-01',
    ...(i % 11 === 5 ? { status: 'unavailable' as const, reason: 'http_error' as const, httpStatus: 404 } : { status: 'ok' as const }),
  }));
  const claims: Claim[] = Array.from({ length: n }, (_, i) => {
    const verdict = VERDICT_CYCLE[i % VERDICT_CYCLE.length];
    const sourceId = `s${(i % sourceCount) + 1}`;
    const judged = isJudgement(verdict);
    return {
      id: `c${i + 1}`,
      text: `Claim ${i + 1}: tree cover in district ${i % 40} rose by ${(i % 30) + 5}% between 2015 and 2023, cooling nearby streets.`,
      markers: [`[${(i % sourceCount) + 1}]`],
      sourceIds: verdict === 'unlinked' ? [] : [sourceId],
      verdict,
      score: judged ? ((i * 37) % 100) / 100 : 0,
      evidence: judged
        ? [
            {
              sourceId,
              text: `In district ${i % 40}, canopy cover grew from 18% to 24% over the period, and surface temperatures on shaded streets fell.`,
              start: 0,
              end: 120,
              score: 0.6,
              matched: ['district', 'cover', 'streets'],
              missing: verdict === 'partial' ? ['2015'] : [],
              conflicts: verdict === 'contradicted' ? ['source says 24%, claim says 29%'] : [],
            },
          ]
        : [],
    };
  });
  return { url: 'https://blog.example/trees', title: 'Trees and heat', checkedAt: '2026-01-31T10:00:00.000Z', claims, sources, state: 'done' };
}

/** Replaces the background's answer to `get-report` inside the popup page (runs before its scripts). */
function stubGetReport(report: Report): string {
  return `(() => {
    const answer = { ok: true, value: ${JSON.stringify(report)} };
    const original = chrome.runtime.sendMessage.bind(chrome.runtime);
    chrome.runtime.sendMessage = function (...args) {
      const message = args[0];
      const callback = typeof args[args.length - 1] === 'function' ? args[args.length - 1] : null;
      if (message && message.type === 'get-report') {
        if (callback) { setTimeout(() => callback(answer), 0); return; }
        return Promise.resolve(answer);
      }
      return original(...args);
    };
  })();`;
}

/** Navigation start → report on screen, and the popup's own share: report asked for → on screen. */
async function popupFirstRender(page: Page, popupUrl: string): Promise<{ total: number; own: number; all: number; validate: number }> {
  await page.goto(popupUrl);
  await page.waitForFunction(() => performance.getEntriesByName('citecheck:all-rows-rendered').length > 0, undefined, { timeout: 10_000 });
  const [requested, received, validated, rendered, all] = await page.evaluate(() =>
    [
      'citecheck:report-requested',
      'citecheck:report-received',
      'citecheck:report-validated',
      'citecheck:report-rendered',
      'citecheck:all-rows-rendered',
    ].map((name) => performance.getEntriesByName(name)[0].startTime),
  );
  return { total: rendered, own: rendered - requested, all: all - requested, validate: validated - received };
}

async function benchPopup(): Promise<BenchRow[]> {
  const browser = await launchWithExtension(CHROME_BUILD, { viewport: { width: 420, height: 600 } });
  try {
    const popupUrl = `chrome-extension://${browser.extensionId}/popup.html?tabId=999999`;
    const measure = async (report: Report) => {
      const page = await browser.context.newPage();
      await page.addInitScript(stubGetReport(report));
      const totals: number[] = [];
      const owns: number[] = [];
      const alls: number[] = [];
      const validates: number[] = [];
      await popupFirstRender(page, popupUrl); // warm-up
      for (let i = 0; i < RUNS; i++) {
        const t = await popupFirstRender(page, popupUrl);
        totals.push(t.total);
        owns.push(t.own);
        alls.push(t.all);
        validates.push(t.validate);
      }
      const rows = await page.locator('[data-testid="claim-row"]').count();
      await page.close();
      return { total: median(totals), own: median(owns), all: median(alls), validate: median(validates), rows };
    };
    const big = await measure(syntheticReport(200));
    const small = await measure(syntheticReport(1));
    if (big.rows !== 200) throw new Error(`popup showed ${big.rows} rows, expected 200`);
    return [
      {
        area: 'ui',
        name: 'popup: report asked for → 200-claim report on screen (the popup\'s own work)',
        value: round(big.own),
        unit: 'ms',
        reference: { name: 'same, 1-claim report', value: round(small.own), unit: 'ms' },
        ratio: round(big.own / small.own, 2),
        target: '< 100 ms',
        note: `median of ${RUNS} loads; validation, state, first ${FIRST_ROWS} rows, up to the next frame; the answer is stubbed`,
      },
      {
        area: 'ui',
        name: 'popup: validating the 200-claim answer (zod, part of the above)',
        value: round(big.validate),
        unit: 'ms',
        reference: { name: 'same, 1-claim report', value: round(small.validate), unit: 'ms' },
        note: `median of ${RUNS} loads`,
      },
      {
        area: 'ui',
        name: 'popup: report asked for → all 200 rows in the list',
        value: round(big.all),
        unit: 'ms',
        reference: { name: 'same, 1-claim report', value: round(small.all), unit: 'ms' },
        ratio: round(big.all / small.all, 2),
        note: `median of ${RUNS} loads; the rows past the first ${FIRST_ROWS} render in the task after the first frame`,
      },
      {
        area: 'ui',
        name: 'popup: navigation start → 200-claim report on screen',
        value: round(big.total),
        unit: 'ms',
        reference: { name: 'same, 1-claim report', value: round(small.total), unit: 'ms' },
        ratio: round(big.total / small.total, 2),
        note: `median of ${RUNS} loads; includes loading the extension page and its scripts`,
      },
    ];
  } finally {
    await browser.close();
  }
}

async function layerBundle(): Promise<string> {
  const result = await build({
    stdin: {
      contents: `import { createBadgeLayer } from './components/inline/badges'; import { inlineCard } from './components/inline/card-render'; (globalThis as any).createBadgeLayer = (doc: Document) => createBadgeLayer(doc, { card: inlineCard });`,
      resolveDir: repoRoot,
      loader: 'ts',
    },
    bundle: true,
    minify: true,
    format: 'iife',
    platform: 'browser',
    jsx: 'automatic',
    jsxImportSource: 'preact',
    plugins: [inlineCss],
    write: false,
  });
  return result.outputFiles[0].text;
}

/** Runs in the page: renders the layer and the plain-span reference, `runs` times each after a warm-up. */
const BADGE_RUN = `({ report, runs }) => {
        const anchorsFor = () => {
          const anchors = new Map();
          document.querySelectorAll('sup.ref').forEach((sup, i) => {
            const range = document.createRange();
            range.selectNodeContents(sup.querySelector('a'));
            anchors.set(\`c\${i + 1}\`, range);
          });
          return anchors;
        };
        const med = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
        const layerTimes = [];
        const spanTimes = [];
        let badges = 0;
        for (let run = 0; run <= runs; run++) {
          const anchors = anchorsFor();
          const t0 = performance.now();
          const layer = globalThis.createBadgeLayer(document);
          layer.render(report, anchors);
          void document.body.offsetHeight; // include style and layout
          const t1 = performance.now();
          badges = document.querySelectorAll('citecheck-badge').length;
          layer.destroy();
          void document.body.offsetHeight;
          const s0 = performance.now();
          const spans = [];
          for (const range of anchors.values()) {
            const span = document.createElement('span');
            span.textContent = 'Supported';
            range.endContainer.parentElement.closest('sup').after(span);
            spans.push(span);
          }
          void document.body.offsetHeight;
          const s1 = performance.now();
          for (const span of spans) span.remove();
          void document.body.offsetHeight;
          if (run > 0) {
            layerTimes.push(t1 - t0);
            spanTimes.push(s1 - s0);
          }
        }
        return { layer: med(layerTimes), spans: med(spanTimes), badges };
      }`;

/**
 * Runs in the page: badges first pending, then with their verdicts; returns how far, at most, the
 * text after any badge moved between the two (it should not move at all).
 */
const SHIFT_RUN = `(finalReport) => {
        const anchors = new Map();
        document.querySelectorAll('sup.ref').forEach((sup, i) => {
          const range = document.createRange();
          range.selectNodeContents(sup.querySelector('a'));
          anchors.set('c' + (i + 1), range);
        });
        const pending = { ...finalReport, state: 'running', claims: finalReport.claims.map((c) => c.sourceIds.length ? { ...c, verdict: 'pending', score: 0, evidence: [] } : c) };
        const positions = () => [...document.querySelectorAll('span.after')].map((s) => { const r = s.getClientRects()[0]; return [r.left, r.top]; });
        const layer = globalThis.createBadgeLayer(document);
        layer.render(pending, anchors);
        const before = positions();
        layer.render(finalReport, anchors);
        const after = positions();
        layer.destroy();
        let max = 0;
        before.forEach(([x, y], i) => { max = Math.max(max, Math.abs(after[i][0] - x), Math.abs(after[i][1] - y)); });
        return max;
      }`;

function fixturePage(n: number): string {
  const paragraphs = Array.from(
    { length: n },
    (_, i) =>
      `<p>Tree cover in district ${i % 40} rose by ${(i % 30) + 5}% between 2015 and 2023, cooling nearby streets.<sup class="ref"><a href="#note-${i}">[${i + 1}]</a></sup><span class="after"> The council plans more planting next year.</span></p>`,
  ).join('\n');
  return `<!doctype html><html><head><meta charset="utf-8"><style>body{font:17px/1.6 Georgia,serif;max-width:700px;margin:30px auto}</style></head><body>${paragraphs}</body></html>`;
}

async function benchBadges(): Promise<BenchRow[]> {
  const code = await layerBundle();
  // A plain browser: the layer needs no extension, and an idle extension's workers only add noise.
  const browser = await launchPlainChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
    await page.setContent(fixturePage(BADGES));
    await page.addScriptTag({ content: code });
    const report = syntheticReport(BADGES);
    // Passed as source text: the runner's TypeScript transform would add helpers the page lacks.
    const result = (await page.evaluate(`(${BADGE_RUN})(${JSON.stringify({ report, runs: RUNS })})`)) as {
      layer: number;
      spans: number;
      badges: number;
    };
    if (result.badges !== BADGES) throw new Error(`rendered ${result.badges} badges, expected ${BADGES}`);
    const shift = (await page.evaluate(`(${SHIFT_RUN})(${JSON.stringify(report)})`)) as number;
    return [
      {
        area: 'ui',
        name: `render ${BADGES} badges on a fixture page (layout included)`,
        value: round(result.layer),
        unit: 'ms',
        reference: { name: `insert ${BADGES} plain spans after the same markers`, value: round(result.spans), unit: 'ms' },
        ratio: round(result.layer / result.spans, 2),
        target: '< 50 ms',
        note: `median of ${RUNS}; each badge is a shadow-root host with a button`,
      },
      {
        area: 'ui',
        name: `text moved when ${BADGES} pending badges get their verdicts (most CSS pixels)`,
        value: round(shift, 2),
        unit: 'count',
        target: '0',
        note: 'left and top of the text right after each badge, before and after the verdicts arrive',
      },
      {
        area: 'ui',
        name: 'bundle size of the badge layer (minified, gzipped)',
        value: kb(gzipSync(code).length),
        unit: 'kB gz',
        note: 'part of the content script: Preact, badges, card and shared components',
      },
    ];
  } finally {
    await browser.close();
  }
}

/** A built module and every chunk it imports, each counted once. */
function moduleClosure(dir: string, entry: string, seen = new Set<string>()): Set<string> {
  const file = path.normalize(path.join(dir, entry));
  if (seen.has(file) || !existsSync(file)) return seen;
  seen.add(file);
  const code = readFileSync(file, 'utf8');
  for (const m of code.matchAll(/(?:from|import)\s*["'](\.{1,2}\/[^"']+)["']/g)) {
    moduleClosure(path.dirname(file), m[1], seen);
  }
  return seen;
}

function gzBytes(files: Iterable<string>): number {
  let total = 0;
  for (const file of files) total += gzipSync(readFileSync(file)).length;
  return total;
}

function htmlEntry(dir: string, html: string): Set<string> {
  const text = readFileSync(path.join(dir, html), 'utf8');
  const files = new Set<string>();
  for (const m of text.matchAll(/<script[^>]*src="\/?([^"]+)"/g)) moduleClosure(dir, m[1], files);
  return files;
}

function bundleRows(): BenchRow[] {
  const dir = CHROME_BUILD;
  const manifest = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8'));
  const rows: BenchRow[] = [];
  const content: string[] = manifest.content_scripts?.flatMap((c: { js?: string[] }) => c.js ?? []) ?? [];
  const entries: [string, Set<string>, string | undefined][] = [
    ['content script', new Set(content.map((f) => path.join(dir, f))), '< 40 kB gz'],
    ['popup', htmlEntry(dir, 'popup.html'), undefined],
    ['options', htmlEntry(dir, 'options.html'), undefined],
    ['background', moduleClosure(dir, manifest.background?.service_worker ?? 'background.js'), undefined],
  ];
  for (const [name, files, target] of entries) {
    rows.push({
      area: 'ui',
      name: `bundle size: ${name} (chrome-mv3, gzipped, with its chunks)`,
      value: kb(gzBytes(files)),
      unit: 'kB gz',
      ...(target ? { target } : {}),
      note: `${files.size} file(s)`,
    });
  }
  return rows;
}

function round(value: number, digits = 1): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

function kb(bytes: number): number {
  return round(bytes / 1024);
}

export default async function bench(): Promise<BenchRow[]> {
  if (!findChromium()) {
    return [{ area: 'ui', name: 'interface benchmarks', value: 0, unit: 'ms', note: 'skipped: Chromium is not installed' }];
  }
  if (!existsSync(path.join(CHROME_BUILD, 'manifest.json'))) {
    return [{ area: 'ui', name: 'interface benchmarks', value: 0, unit: 'ms', note: 'skipped: no build at .output/chrome-mv3' }];
  }
  return [...(await benchPopup()), ...(await benchBadges()), ...bundleRows()];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  // `npx tsx scripts/bench/ui.ts [popup|badges|bundles]` runs one part.
  const part = readArgs('usage: npx tsx scripts/bench/ui.ts [popup|badges|bundles]', {}, { positionals: true }).positionals[0];
  const run =
    part === 'popup' ? benchPopup : part === 'badges' ? benchBadges : part === 'bundles' ? async () => bundleRows() : bench;
  run().then((rows) => console.table(rows.map(({ reference, ...r }) => ({ ...r, reference: reference ? `${reference.value} ${reference.unit}` : '' }))));
}
