/**
 * Is the page dark? The badges sit on the page's own background, so they follow the page rather
 * than the reader's system setting: an opaque body or root background decides by its luminance;
 * a transparent one falls back to the text colour (light text means a dark page), then to the
 * page's declared colour scheme.
 */

export type PageTheme = 'light' | 'dark';

/** Parses a colour as computed styles give it (`rgb()`, `rgba()`, or hex); null for anything else. */
export function parseRgb(value: string): { r: number; g: number; b: number; a: number } | null {
  const hex = value.trim().match(/^#([0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})$/i);
  if (hex) {
    let digits = hex[1];
    if (digits.length <= 4) digits = [...digits].map((d) => d + d).join('');
    const n = (i: number) => parseInt(digits.slice(i, i + 2), 16);
    return { r: n(0), g: n(2), b: n(4), a: digits.length === 8 ? n(6) / 255 : 1 };
  }
  const m = value.match(/rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)(?:\s*[,/]\s*([\d.]+%?))?\s*\)/);
  if (!m) return null;
  let a = m[4] === undefined ? 1 : parseFloat(m[4]);
  if (m[4]?.endsWith('%')) a /= 100;
  return { r: +m[1], g: +m[2], b: +m[3], a };
}

/** Relative luminance (WCAG), 0 for black to 1 for white. */
export function luminance({ r, g, b }: { r: number; g: number; b: number }): number {
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

export function detectPageTheme(doc: Document): PageTheme {
  const view = doc.defaultView;
  if (!view) return 'light';
  for (const el of [doc.body, doc.documentElement]) {
    if (!el) continue;
    const bg = parseRgb(view.getComputedStyle(el).backgroundColor);
    if (bg && bg.a >= 0.5) return luminance(bg) < 0.2 ? 'dark' : 'light';
  }
  if (doc.body) {
    const fg = parseRgb(view.getComputedStyle(doc.body).color);
    if (fg && luminance(fg) > 0.5) return 'dark';
  }
  const scheme = view.getComputedStyle(doc.documentElement).colorScheme ?? '';
  if (scheme.includes('dark') && !scheme.includes('light')) return 'dark';
  return 'light';
}
