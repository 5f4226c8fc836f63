/**
 * Lab, round 8: WiCE's `(meta data) TITLE:` lines that only repeat the page (another line's text,
 * or a `#` heading of three words or more inside them).
 */
const META = /^\(meta data\)\s*[A-Z ]+:\s*/;
const plain = (text: string) => text.replace(/^#+\s*/, '').trim().toLowerCase();

/** Per sentence: a `(meta data)` line whose text the page's body repeats. */
export function duplicatedMetaLines(lines: string[], bodyEnd: number): boolean[] {
  const body = lines.slice(0, bodyEnd);
  const bodyLines = new Set(body.filter((l) => !META.test(l)).map(plain));
  const headings = body.filter((l) => l.startsWith('#')).map(plain).filter((h) => h.split(/\s+/).length >= 3);
  return lines.map((l) => {
    if (!META.test(l)) return false;
    const own = plain(l.replace(META, ''));
    return bodyLines.has(own) || headings.some((h) => own.includes(h));
  });
}
