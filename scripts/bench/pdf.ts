/**
 * PDF sources: text extraction of the generated 30-page fixture (tests/fixtures/sources/pdf) with
 * our `readPdf` (pages, paragraphs, hyphen joins, limits), against pdf.js's own loop over the same
 * document in the same run (`getPage` + `getTextContent` per page, items' strings joined), runs
 * interleaved so that both see the same noise; and the bundles: what the background loads at start
 * (its entry and the chunks it imports statically, each gzipped), the pdf.js chunks it imports only
 * on the first PDF (reported apart, and checked to be outside that closure), and the content script.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { loadPdfjs, readPdf } from '../../utils/sources/pdf';
import { median, type BenchRow } from './types';

const root = path.resolve(import.meta.dirname, '../..');
const FIXTURE = path.join(root, 'tests/fixtures/sources/pdf/thirty-pages.pdf');
const RUNS = 15;

/** pdf.js's own text loop: the reference our extraction is held to. */
async function pdfjsTextLoop(data: Uint8Array): Promise<number> {
  const pdfjs = await loadPdfjs();
  const task = pdfjs.getDocument({ data: data.slice(), isEvalSupported: false, disableFontFace: true, useSystemFonts: false, verbosity: 0 });
  try {
    const doc = await task.promise;
    let chars = 0;
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      chars += content.items.map((item) => item.str ?? '').join(' ').length;
      page.cleanup?.();
    }
    return chars;
  } finally {
    await task.destroy();
  }
}

const gzKb = (file: string) => gzipSync(readFileSync(file)).length / 1024;
const round = (x: number, digits = 1) => Math.round(x * 10 ** digits) / 10 ** digits;

/** A bundle's entry and every chunk it imports statically (not `import()`), transitively. */
function staticClosure(dir: string, entry: string): string[] {
  const seen = new Set<string>();
  const queue = [path.join(dir, entry)];
  while (queue.length) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const code = readFileSync(file, 'utf8');
    for (const match of code.matchAll(/(?:\bfrom\s*|\bimport\s*)"(\.{1,2}\/[^"]+\.js)"/g)) queue.push(path.resolve(path.dirname(file), match[1]));
  }
  return [...seen];
}

function bundleRows(browser: 'chrome-mv3' | 'firefox-mv3'): BenchRow[] {
  const dir = path.join(root, '.output', browser);
  const closure = staticClosure(dir, 'background.js');
  const pdfChunks = readdirSync(path.join(dir, 'chunks'))
    .filter((f) => /^pdf(?:\.worker)?-[\w-]+\.js$/.test(f))
    .map((f) => path.join(dir, 'chunks', f));
  const lazyInClosure = pdfChunks.filter((f) => closure.includes(f));
  const startKb = closure.reduce((sum, f) => sum + gzKb(f), 0);
  const pdfKb = pdfChunks.reduce((sum, f) => sum + gzKb(f), 0);
  const rows: BenchRow[] = [
    {
      area: 'pdf',
      name: `${browser} background at start (entry + static chunks), gzipped`,
      value: round(startKb),
      unit: 'kB gz',
      note: `${closure.length} files; pdf.js chunks among them: ${lazyInClosure.length ? lazyInClosure.map((f) => path.basename(f)).join(', ') : 'none'}`,
    },
    {
      area: 'pdf',
      name: `${browser} pdf.js chunks, imported on the first PDF only, gzipped`,
      value: round(pdfKb),
      unit: 'kB gz',
      note: pdfChunks.map((f) => `${path.basename(f).replace(/-[\w-]+\.js$/, '')} ${round(gzKb(f))} kB`).join(', '),
    },
  ];
  if (lazyInClosure.length) throw new Error(`${browser}: pdf.js is loaded at start (${lazyInClosure.join(', ')})`);
  return rows;
}

export default async function bench(): Promise<BenchRow[]> {
  const data = new Uint8Array(readFileSync(FIXTURE));
  const ours: number[] = [];
  const reference: number[] = [];
  let pages = 0;
  let chars = 0;
  const pdfjs = await loadPdfjs();
  const timeOurs = async () => {
    const t0 = performance.now();
    const read = await readPdf(data, pdfjs);
    const ms = performance.now() - t0;
    if (!read.ok) throw new Error(`the 30-page fixture did not read: ${read.reason}`);
    pages = read.pages.length;
    chars = read.text.length;
    return ms;
  };
  const timeReference = async () => {
    const t0 = performance.now();
    const referenceChars = await pdfjsTextLoop(data);
    if (referenceChars === 0) throw new Error('pdf.js gave no text for the 30-page fixture');
    return performance.now() - t0;
  };
  // Warm-up of both, then runs in alternating order: neither always goes first.
  await timeOurs();
  await timeReference();
  for (let run = 0; run < RUNS; run++) {
    if (run % 2) {
      reference.push(await timeReference());
      ours.push(await timeOurs());
    } else {
      ours.push(await timeOurs());
      reference.push(await timeReference());
    }
  }
  const oursMs = median(ours);
  const referenceMs = median(reference);
  const contentScript = path.join(root, '.output/chrome-mv3/content-scripts/content.js');
  const contentCode = readFileSync(contentScript, 'utf8');
  return [
    {
      area: 'pdf',
      name: `text of the generated ${pages}-page PDF (readPdf)`,
      value: round(oursMs),
      unit: 'ms',
      reference: { name: "pdf.js's getTextContent loop", value: round(referenceMs), unit: 'ms' },
      ratio: oursMs / referenceMs,
      target: '≤ 1.2',
      note: `median of ${RUNS}, interleaved; ${chars} characters`,
    },
    ...bundleRows('chrome-mv3'),
    ...bundleRows('firefox-mv3'),
    {
      area: 'pdf',
      name: 'chrome-mv3 content script, gzipped (holds no pdf.js)',
      value: round(gzKb(contentScript)),
      unit: 'kB gz',
      note: /getTextContent|GlobalWorkerOptions|pdf\.worker/.test(contentCode) ? 'pdf.js code found in it!' : 'no pdf.js code in it',
    },
  ];
}
