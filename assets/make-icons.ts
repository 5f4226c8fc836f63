/**
 * Draws the toolbar and store icons (public/icon/{16,32,48,128}.png): a rounded blue square with
 * a pair of citation brackets around a tick. Pure code, no image library: each pixel's coverage
 * is sampled 4×4 against the shapes, then written as an RGBA PNG.
 *
 * Run: npx tsx assets/make-icons.ts
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { deflateSync } from 'node:zlib';

type Point = [number, number];

const BACKGROUND: [number, number, number] = [0x2b, 0x5c, 0x8f];
const INK: [number, number, number] = [0xff, 0xff, 0xff];

function segmentDistance(p: Point, a: Point, b: Point): number {
  const [px, py] = p;
  const [ax, ay] = a;
  const [bx, by] = b;
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

function inRoundedSquare([x, y]: Point, inset: number, radius: number): boolean {
  const lo = inset + radius;
  const hi = 1 - inset - radius;
  const cx = Math.min(Math.max(x, lo), hi);
  const cy = Math.min(Math.max(y, lo), hi);
  return Math.hypot(x - cx, y - cy) <= radius;
}

const STROKES: [Point, Point][] = [
  // left bracket
  [[0.25, 0.24], [0.25, 0.76]],
  [[0.25, 0.24], [0.35, 0.24]],
  [[0.25, 0.76], [0.35, 0.76]],
  // right bracket
  [[0.75, 0.24], [0.75, 0.76]],
  [[0.75, 0.24], [0.65, 0.24]],
  [[0.75, 0.76], [0.65, 0.76]],
  // tick
  [[0.38, 0.51], [0.47, 0.61]],
  [[0.47, 0.61], [0.63, 0.39]],
];

function inInk(p: Point, width: number): boolean {
  return STROKES.some(([a, b]) => segmentDistance(p, a, b) <= width);
}

function crc32(bytes: Uint8Array): number {
  let crc = ~0;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

export function drawIcon(size: number): Buffer {
  const samples = 4;
  // Small icons get thicker strokes so the tick survives at 16 px.
  const stroke = size <= 16 ? 0.062 : size <= 32 ? 0.052 : 0.045;
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    for (let x = 0; x < size; x++) {
      let bg = 0;
      let ink = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const p: Point = [(x + (sx + 0.5) / samples) / size, (y + (sy + 0.5) / samples) / size];
          if (!inRoundedSquare(p, 0.02, 0.2)) continue;
          if (inInk(p, stroke)) ink++;
          else bg++;
        }
      }
      const total = samples * samples;
      const alpha = (bg + ink) / total;
      const mix = bg + ink ? ink / (bg + ink) : 0;
      const at = y * (size * 4 + 1) + 1 + x * 4;
      for (let c = 0; c < 3; c++) raw[at + c] = Math.round(BACKGROUND[c] * (1 - mix) + INK[c] * mix);
      raw[at + 3] = Math.round(alpha * 255);
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', new Uint8Array()),
  ]);
}

const outDir = path.resolve(import.meta.dirname, '../public/icon');
mkdirSync(outDir, { recursive: true });
for (const size of [16, 32, 48, 128]) writeFileSync(path.join(outDir, `${size}.png`), drawIcon(size));
console.log(`icons written to ${outDir}`);
