/**
 * A Wikipedia-style article dense with footnote markers (`<sup>[n]</sup>` linking to a References
 * list), over the demo article's sources: the page compact badges are for. Written for this project.
 */

/** Sentences of our own, each with the demo source that it cites (one not in the demo's folder). */
const SENTENCES: [string, string][] = [
  ['Blocks lined with mature street trees were up to 4 degrees Celsius cooler in the afternoon than treeless blocks.', 'street-trees-heat'],
  ['The city planted 12,000 new street trees in 2022.', 'parks-annual-report'],
  ['Hospital admissions for heat stroke fell by 30 percent in districts with a dense canopy.', 'air-sensors'],
  ['Tree canopy cover across Riverton rose to 27 percent in 2023.', 'canopy-survey'],
  ['The parks department doubled its tree maintenance budget.', 'parks-annual-report'],
  ['Treeless blocks stayed hotter through the July 2023 heatwave afternoons.', 'street-trees-heat'],
  ['The city installed a new network of air quality sensors.', 'air-sensors'],
  ['Tree canopy cover across Riverton fell to 21 percent in 2023.', 'canopy-survey'],
  ['The summer of 2023 was the hottest on record for the Riverton area.', 'summer-records'],
];

export interface DenseArticle {
  html: string;
  /** How many markers (and claims) the page has. */
  markers: number;
}

/** `count` cited sentences in paragraphs of four, each marker its own reference. */
export function denseArticle(count: number, title = 'Riverton urban forest'): DenseArticle {
  const sentences = Array.from({ length: count }, (_, i) => {
    const [text] = SENTENCES[i % SENTENCES.length];
    return `${text}<sup class="reference" id="cite_ref-${i + 1}"><a href="#cite_note-${i + 1}">[${i + 1}]</a></sup>`;
  });
  const paragraphs: string[] = [];
  for (let i = 0; i < sentences.length; i += 4) paragraphs.push(`  <p>${sentences.slice(i, i + 4).join(' ')}</p>`);
  const references = Array.from({ length: count }, (_, i) => {
    const [, source] = SENTENCES[i % SENTENCES.length];
    return `    <li id="cite_note-${i + 1}"><a href="#cite_ref-${i + 1}">^</a> <a class="external" href="/sources/${source}.html">${source.replace(/-/g, ' ')}</a></li>`;
  });
  const html = [
    '<!doctype html>',
    `<html lang="en"><head><meta charset="utf-8"><title>${title}</title>`,
    '<style>body { font: 15px/1.6 sans-serif; max-width: 52rem; margin: 1.5rem auto; padding: 0 1rem; color: #202122; background: #fff; } sup { line-height: 1; }</style>',
    '</head><body><main><article>',
    `  <h1>${title}</h1>`,
    ...paragraphs,
    '  <h2 id="References">References</h2>',
    '  <ol class="references">',
    ...references,
    '  </ol>',
    '</article></main></body></html>',
  ].join('\n');
  return { html, markers: count };
}
