/**
 * Writes the PDF fixtures of tests/fixtures/sources/pdf/ and the demo's PDF source
 * (assets/demo/sources/riverton-tree-survey.pdf), committed; re-run after a change:
 *
 *   npx tsx scripts/make-pdf-fixtures.ts
 *
 * Small PDFs written by hand, with our own text: a two-page report, a 30-page one (each page a
 * distinct paragraph set, one sentence only on page 7), a "scan" (an image and no text layer), an
 * encrypted one (a Standard security handler whose user password is not empty, so no reader can
 * open it without the password) and a broken one (a PDF header and then nonsense).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const out = path.resolve(import.meta.dirname, '../tests/fixtures/sources/pdf');

/** Escapes a string for a PDF literal `( … )`. Only ASCII is used in the fixtures. */
function literal(text: string): string {
  return `(${text.replace(/[\\()]/g, (c) => `\\${c}`)})`;
}

/** Wraps text into lines of at most `width` characters. */
function wrap(text: string, width = 88): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

/** A page's content stream: a heading, then paragraphs separated by a blank line. */
function textPage(heading: string, paragraphs: string[]): string {
  const ops = ['BT', '/F1 16 Tf', '72 740 Td', '18 TL', `${literal(heading)} Tj`, '/F1 11 Tf', '14 TL', 'T*'];
  for (const paragraph of paragraphs) {
    ops.push('T*');
    for (const line of wrap(paragraph)) ops.push(`${literal(line)} Tj`, 'T*');
  }
  ops.push('ET');
  return ops.join('\n');
}

interface PdfOptions {
  pages: string[];
  /** Adds an image XObject named /Im1 to every page's resources. */
  image?: boolean;
  /** Extra trailer entries and objects for the encryption dictionary. */
  encrypt?: boolean;
  info?: { title?: string; created?: string };
}

/** Assembles a PDF with a correct cross-reference table. */
function buildPdf(options: PdfOptions): Buffer {
  const objects: string[] = [];
  const add = (body: string) => {
    objects.push(body);
    return objects.length;
  };
  const catalog = add(''); // filled in below, once the page tree's number is known
  const pagesId = add('');
  const font = add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>');
  let imageId = 0;
  if (options.image) {
    // An 8×8 grey image: what a scanner leaves, minus the resolution.
    const pixels = 'ABCDEFGH'.repeat(8);
    imageId = add(
      `<< /Type /XObject /Subtype /Image /Width 8 /Height 8 /ColorSpace /DeviceGray /BitsPerComponent 8 /Length ${pixels.length} >>\nstream\n${pixels}\nendstream`,
    );
  }
  const pageIds: number[] = [];
  for (const content of options.pages) {
    const stream = add(`<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`);
    const resources = `<< /Font << /F1 ${font} 0 R >>${imageId ? ` /XObject << /Im1 ${imageId} 0 R >>` : ''} >>`;
    pageIds.push(add(`<< /Type /Page /Parent ${pagesId} 0 R /MediaBox [0 0 612 792] /Resources ${resources} /Contents ${stream} 0 R >>`));
  }
  objects[catalog - 1] = `<< /Type /Catalog /Pages ${pagesId} 0 R >>`;
  objects[pagesId - 1] = `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${pageIds.length} >>`;
  let infoId = 0;
  if (options.info) {
    const entries = [
      options.info.title ? `/Title ${literal(options.info.title)}` : '',
      options.info.created ? `/CreationDate ${literal(options.info.created)}` : '',
    ].join(' ');
    infoId = add(`<< ${entries} >>`);
  }
  let encryptId = 0;
  if (options.encrypt) {
    // RC4 40-bit, revision 2. O and U are arbitrary: the empty password does not open it.
    const hex = (seed: number) => Array.from({ length: 32 }, (_, i) => ((seed * (i + 7) * 31) % 256).toString(16).padStart(2, '0')).join('');
    encryptId = add(`<< /Filter /Standard /V 1 /R 2 /O <${hex(3)}> /U <${hex(5)}> /P -44 >>`);
  }

  let body = '%PDF-1.4\n%\xE2\xE3\xCF\xD3\n';
  const offsets: number[] = [];
  objects.forEach((object, i) => {
    offsets.push(Buffer.byteLength(body, 'latin1'));
    body += `${i + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xrefAt = Buffer.byteLength(body, 'latin1');
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) body += `${String(offset).padStart(10, '0')} 00000 n \n`;
  const trailer = [
    `/Size ${objects.length + 1}`,
    `/Root ${catalog} 0 R`,
    infoId ? `/Info ${infoId} 0 R` : '',
    encryptId ? `/Encrypt ${encryptId} 0 R /ID [<0123456789abcdef0123456789abcdef> <0123456789abcdef0123456789abcdef>]` : '',
  ].join(' ');
  body += `trailer\n<< ${trailer} >>\nstartxref\n${xrefAt}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

const TWO_PAGES = [
  textPage('Harbour District Tree Survey 2022', [
    'This report describes the survey of street trees carried out by the harbour district council during the spring of 2022.',
    'Volunteers walked every street of the district with a printed map and a tape measure, and recorded the species and the trunk girth of each tree they met.',
  ]),
  textPage('Findings', [
    'The survey counted 4,210 street trees in the harbour district, up from 3,650 in the previous survey of 2017.',
    'London plane and small-leaved lime were the most common species, together making up two thirds of the trees recorded.',
    'The council plans to plant a further 300 trees along the canal towpath before the winter of 2024.',
  ]),
];

const TOPICS = ['ferry timetables', 'the grain market', 'railway signalling', 'the museum archive', 'canal locks', 'school meals'];

function thirtyPages(): string[] {
  const pages: string[] = [];
  for (let p = 1; p <= 30; p++) {
    const topic = TOPICS[p % TOPICS.length];
    const paragraphs = Array.from({ length: 5 }, (_, i) =>
      `Section ${p}.${i + 1} reviews ${topic} in year ${1990 + p}. The committee heard ${p * 3 + i} submissions about ${topic}, ` +
      `compared the figures of ${1980 + i} with those of ${2000 + p}, and asked the clerk to publish the minutes of meeting ${p * 10 + i} ` +
      `together with the letters received from residents of ward ${i + 2} before the next session of the committee.`,
    );
    if (p === 7) {
      paragraphs.splice(2, 0, 'The committee found that the night ferry carried 18,400 passengers in its first year, twice the number the operator had forecast.');
    }
    pages.push(textPage(`Committee review, part ${p}`, paragraphs));
  }
  return pages;
}

/** The demo article's PDF source: the fact it cites is on page 3. */
const DEMO_SURVEY = [
  textPage('Riverton Street Tree Survey 2022', [
    'This report sets out the results of the street tree survey that the Riverton Parks Department ran with volunteers from every district of the city during 2022.',
    'Volunteers recorded the species, the trunk girth and the condition of each street tree, and noted every empty tree pit they found on the way.',
  ]),
  textPage('Method', [
    'Each district was split into walking routes of about two kilometres. Every route was walked twice, in spring and in autumn, by different volunteers.',
    'Trees on private land were not counted, nor were the trees of the three large parks, which the department surveys separately.',
  ]),
  textPage('Results for the harbour district', [
    'Volunteers counted 4,210 street trees in the harbour district, up from 3,650 in the previous survey of 2017.',
    'London plane and small-leaved lime together made up two thirds of the trees recorded in the district.',
    'The survey found 380 empty tree pits, most of them along the old warehouse streets near the quay.',
  ]),
];

const SCAN_PAGE = 'q 500 0 0 700 56 46 cm /Im1 Do Q';

mkdirSync(out, { recursive: true });
const files: Record<string, Buffer> = {
  'two-pages.pdf': buildPdf({ pages: TWO_PAGES, info: { title: 'Harbour District Tree Survey 2022', created: 'D:20220614090000Z' } }),
  'thirty-pages.pdf': buildPdf({ pages: thirtyPages(), info: { title: 'Committee review' } }),
  'scanned.pdf': buildPdf({ pages: [SCAN_PAGE, SCAN_PAGE], image: true }),
  'encrypted.pdf': buildPdf({ pages: TWO_PAGES, encrypt: true }),
  'broken.pdf': Buffer.from('%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 9 0 R\nthis is not a PDF body, only its first line\n', 'latin1'),
};
for (const [name, bytes] of Object.entries(files)) {
  writeFileSync(path.join(out, name), bytes);
  console.log(`${name}: ${bytes.byteLength} bytes`);
}
const demo = buildPdf({ pages: DEMO_SURVEY, info: { title: 'Riverton Street Tree Survey 2022', created: 'D:20230130120000Z' } });
writeFileSync(path.resolve(import.meta.dirname, '../assets/demo/sources/riverton-tree-survey.pdf'), demo);
console.log(`demo riverton-tree-survey.pdf: ${demo.byteLength} bytes`);
