/**
 * Renders a seed article (.txt: YAML-ish front matter, then a minimal Markdown body) into an HTML
 * page, the way a static site would: the front matter's `title` becomes the heading, its
 * `sources:` list becomes a "Sources" section with one link per URL, and the body's headings,
 * bullet and numbered lists, rules and paragraphs become their HTML elements. Inline Markdown is
 * limited to links, bold and italics. Every piece of text is escaped: the seed is data.
 */

export interface Seed {
  meta: Record<string, string>;
  sources: string[];
  body: string;
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function unquote(value: string): string {
  const v = value.trim();
  return /^".*"$|^'.*'$/.test(v) ? v.slice(1, -1) : v;
}

/** Splits the front matter off a seed and reads its flat keys and its `sources:` list. */
export function parseSeed(text: string): Seed {
  const meta: Record<string, string> = {};
  const sources: string[] = [];
  const m = text.match(/^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/);
  if (!m) return { meta, sources, body: text };
  let currentList: string | undefined;
  for (const line of m[1].split(/\r?\n/)) {
    const item = line.match(/^\s+-\s+(.*)$/);
    if (item && currentList) {
      if (currentList === 'sources') sources.push(unquote(item[1]));
      continue;
    }
    const kv = line.match(/^([A-Za-z_][\w-]*):\s*(.*)$/);
    if (!kv) continue;
    currentList = kv[2] === '' ? kv[1] : undefined;
    if (kv[2] !== '') meta[kv[1]] = unquote(kv[2]);
  }
  return { meta, sources, body: m[2] };
}

/** Links, bold and italics inside a line; everything else escaped. */
function inline(text: string): string {
  let html = '';
  let last = 0;
  for (const m of text.matchAll(/\[([^\]]+)\]\(([^)\s]+)\)|\*\*([^*]+)\*\*|\*([^*]+)\*/g)) {
    html += escapeHtml(text.slice(last, m.index));
    if (m[1] !== undefined) html += `<a href="${escapeHtml(m[2])}">${escapeHtml(m[1])}</a>`;
    else if (m[3] !== undefined) html += `<strong>${escapeHtml(m[3])}</strong>`;
    else html += `<em>${escapeHtml(m[4])}</em>`;
    last = m.index + m[0].length;
  }
  return html + escapeHtml(text.slice(last));
}

/** The Markdown body as HTML: headings, lists, rules, paragraphs. */
export function markdownToHtml(body: string): string {
  const out: string[] = [];
  let list: 'ul' | 'ol' | undefined;
  let paragraph: string[] = [];
  const closeParagraph = () => {
    if (paragraph.length > 0) out.push(`<p>${inline(paragraph.join(' '))}</p>`);
    paragraph = [];
  };
  const closeList = () => {
    if (list) out.push(`</${list}>`);
    list = undefined;
  };
  for (const line of body.split(/\r?\n/)) {
    const heading = line.match(/^(#{1,6})\s+(.*)$/);
    const bullet = line.match(/^\s*[-*]\s+(.*)$/);
    const numbered = line.match(/^\s*\d+\.\s+(.*)$/);
    if (heading) {
      closeParagraph();
      closeList();
      out.push(`<h${heading[1].length}>${inline(heading[2])}</h${heading[1].length}>`);
    } else if (/^\s*(?:---+|\*\*\*+)\s*$/.test(line)) {
      closeParagraph();
      closeList();
      out.push('<hr>');
    } else if (bullet || numbered) {
      closeParagraph();
      const kind = bullet ? 'ul' : 'ol';
      if (list !== kind) {
        closeList();
        out.push(`<${kind}>`);
        list = kind;
      }
      out.push(`<li>${inline((bullet ?? numbered)![1])}</li>`);
    } else if (line.trim() === '') {
      closeParagraph();
      closeList();
    } else {
      closeList();
      paragraph.push(line.trim());
    }
  }
  closeParagraph();
  closeList();
  return out.join('\n');
}

/** A whole HTML page for a seed article, with its front-matter sources as a "Sources" list. */
export function seedToHtml(text: string): string {
  const seed = parseSeed(text);
  const title = seed.meta.title ?? 'Untitled';
  const sources = seed.sources.length
    ? `<section class="sources">\n<h2>Sources</h2>\n<ol>\n${seed.sources
        .map((url) => `<li><a href="${escapeHtml(url)}">${escapeHtml(url)}</a></li>`)
        .join('\n')}\n</ol>\n</section>`
    : '';
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head>
<body>
<article>
<h1>${escapeHtml(title)}</h1>
${markdownToHtml(seed.body)}
${sources}
</article>
</body>
</html>
`;
}
