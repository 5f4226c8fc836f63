/**
 * What a fetched body is and how its bytes become text: the content type from the header, the
 * first bytes when the header is missing or generic, the byte cap applied to the stream.
 *
 * Charset: the header, then a byte-order mark, then a `<meta>` in the first 1024 bytes, then UTF-8
 * if the bytes are valid UTF-8, else windows-1252 (what browsers fall back to).
 */

/** How the body is to be read. */
export type BodyKind = 'html' | 'text';

export const HTML_TYPES = new Set(['text/html', 'application/xhtml+xml']);
export const TEXT_TYPES = new Set(['text/plain', 'text/markdown', 'text/x-markdown']);
export const PDF_TYPES = new Set(['application/pdf', 'application/x-pdf']);
/** Labels that say nothing about the content: decided from the bytes instead. */
export const GENERIC_TYPES = new Set(['', 'application/octet-stream', 'binary/octet-stream', 'application/unknown']);

export function parseContentType(header: string | null): { mime: string; charset?: string } {
  if (!header) return { mime: '' };
  const [mime, ...params] = header.split(';');
  let charset: string | undefined;
  for (const param of params) {
    const match = /^\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(param);
    if (match) charset = match[1];
  }
  return { mime: mime.trim().toLowerCase(), charset };
}

/** The first `max` bytes of a stream; cancels the stream once the cap is reached. */
export async function readCapped(
  body: ReadableStream<Uint8Array> | null,
  max: number,
): Promise<{ bytes: Uint8Array; truncated: boolean }> {
  if (!body) return { bytes: new Uint8Array(0), truncated: false };
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  let truncated = false;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (total + value.byteLength > max) {
      chunks.push(value.subarray(0, max - total));
      total = max;
      truncated = true;
      reader.cancel().catch(() => undefined);
      break;
    }
    chunks.push(value);
    total += value.byteLength;
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return { bytes, truncated };
}

function startsWith(bytes: Uint8Array, ascii: string, from = 0): boolean {
  if (bytes.length < from + ascii.length) return false;
  for (let i = 0; i < ascii.length; i++) if (bytes[from + i] !== ascii.charCodeAt(i)) return false;
  return true;
}

/** What the first bytes look like: used when the header is missing, generic or wrong. */
export function sniffBytes(bytes: Uint8Array): 'pdf' | 'html' | 'text' | 'binary' {
  let i = 0;
  if (startsWith(bytes, '\xEF\xBB\xBF')) i = 3;
  while (i < bytes.length && (bytes[i] === 0x20 || bytes[i] === 0x09 || bytes[i] === 0x0a || bytes[i] === 0x0d)) i++;
  if (startsWith(bytes, '%PDF-', i)) return 'pdf';
  const head = bytes.subarray(0, 512);
  // Text has no NUL bytes (UTF-16 would, but it always comes with a BOM or a header).
  const hasBom = (bytes[0] === 0xfe && bytes[1] === 0xff) || (bytes[0] === 0xff && bytes[1] === 0xfe);
  if (!hasBom && head.includes(0)) return 'binary';
  if (bytes[i] === 0x3c /* < */) return 'html';
  return 'text';
}

/** The charset a `<meta>` declares in the first 1024 bytes, if any. */
function metaCharset(bytes: Uint8Array): string | undefined {
  let head = '';
  const end = Math.min(bytes.length, 1024);
  for (let i = 0; i < end; i++) head += String.fromCharCode(bytes[i]);
  const match = /<meta[^>]*?charset\s*=\s*["']?\s*([a-z0-9_.:-]+)/i.exec(head);
  return match?.[1];
}

function decoderFor(label: string | undefined): TextDecoder | null {
  if (!label) return null;
  try {
    const decoder = new TextDecoder(label.trim());
    // A page cannot declare UTF-16 in a <meta> it wrote in ASCII; browsers treat that as UTF-8.
    return decoder.encoding.startsWith('utf-16') ? new TextDecoder('utf-8') : decoder;
  } catch {
    return null;
  }
}

export function decodeBody(bytes: Uint8Array, headerCharset: string | undefined, kind: BodyKind): string {
  let decoder: TextDecoder | null = null;
  if (startsWith(bytes, '\xEF\xBB\xBF')) decoder = new TextDecoder('utf-8');
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) decoder = new TextDecoder('utf-16be');
  else if (bytes[0] === 0xff && bytes[1] === 0xfe) decoder = new TextDecoder('utf-16le');
  decoder ??= decoderFor(headerCharset);
  if (!decoder && kind === 'html') decoder = decoderFor(metaCharset(bytes));
  if (decoder) return decoder.decode(bytes);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}
