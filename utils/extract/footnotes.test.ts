/**
 * Short footnotes: a footnote that only names a work of the bibliography ("Arden 2004, p. 12",
 * linked to the work's entry) cites that work. Its claim is tied to the work's own source: its
 * URL when it has one, `no_url` when it has none; the work is then cited, not left over, and no
 * source stands for the footnote itself.
 */
import { describe, expect, it } from 'vitest';
import { extractCitations } from '@/utils/extract';
import { parseHtml } from '../../tests/helpers/extract';

const url = 'https://wiki.example.org/wiki/Canal';
const ref = (id: string, n: string) => `<sup id="cite_ref-${id}" class="reference"><a href="#cite_note-${id}">[${n}]</a></sup>`;
const back = (id: string) => `<span class="mw-cite-backlink"><b><a href="#cite_ref-${id}">^</a></b></span> `;
const note = (id: string, text: string) => `<li id="cite_note-${id}">${back(id)}<span class="reference-text">${text}</span></li>`;
const sfn = (key: string, name: string) => `<a href="#CITEREF${key}">${name}</a>`;

const page = (bibliographyHeading: string) => `<div class="mw-parser-output">
<p>The canal was dug between 1791 and 1796.${ref('f1', '1')} Its locks were rebuilt in stone in 1820.${ref('f2', '2')}</p>
<p>Coal was its main cargo until 1900.${ref('f3', '3')} The towpath opened to walkers in 1974.${ref('f4', '4')}</p>
<p>The lower basin silted up twice.${ref('f5', '5')} A museum opened at the top lock.${ref('w1', '6')}</p>
<h2>Footnotes</h2>
<div class="reflist"><ol class="references">
${note('f1', `${sfn('Arden2004', 'Arden 2004')}, p.&#160;12.`)}
${note('f2', `${sfn('Arden2004', 'Arden 2004')}, pp.&#160;40–41.`)}
${note('f3', `${sfn('Brook2010', 'Brook &amp; Lee 2010')}, p.&#160;8.`)}
${note('f4', `${sfn('Arden2004', 'Arden 2004')}, p.&#160;90; ${sfn('Brook2010', 'Brook &amp; Lee 2010')}, p.&#160;3.`)}
${note('f5', `${sfn('Cole1988', 'Cole 1988')}, p.&#160;7.`)}
${note('w1', `<a class="external" href="https://museum.example/about">"About the museum"</a>. Canal Trust.`)}
</ol></div>
<h2>${bibliographyHeading}</h2>
<div class="refbegin"><ul>
<li><cite id="CITEREFArden2004" class="citation book">Arden, Mary (2004). <i>The Valley Canal</i>. Lock Press. ISBN 978-0-00-000000-2.</cite></li>
<li><cite id="CITEREFBrook2010" class="citation journal">Brook, Tom; Lee, Ann (2010). <a class="external" href="https://journal.example/canal-trade">"Canal trade, 1800–1900"</a>. <i>Waterways Review</i>. <b>12</b>: 1–20.</cite></li>
<li><cite id="CITEREFCole1988" class="citation book">Cole, Peter (1988). <i>Silt and Water</i>. River Books.</cite></li>
<li><cite id="CITEREFDunn1999" class="citation book">Dunn, Jo (1999). <i>Boats of the Valley</i>. Lock Press.</cite></li>
</ul></div></div>`;

function read(heading: string) {
  const pc = extractCitations(parseHtml(page(heading)), url);
  const byId = new Map(pc.sources.map((s) => [s.id, s]));
  const claims = pc.claims.map((c) => ({
    markers: c.markers.join(''),
    sources: c.sourceIds.map((id) => {
      const s = byId.get(id)!;
      return `${s.label}: ${s.url || s.reason}: ${(s.title ?? '').slice(0, 24)}`;
    }),
  }));
  const cited = new Set(pc.claims.flatMap((c) => c.sourceIds));
  return { pc, claims, uncited: pc.sources.filter((s) => !cited.has(s.id)).map((s) => s.title ?? s.url) };
}

const arden = 'Arden 2004: no_url: Arden, Mary (2004). The ';
const brook = 'Brook & Lee 2010: https://journal.example/canal-trade: Canal trade, 1800–1900';
const cole = 'Cole 1988: no_url: Cole, Peter (1988). Silt';

describe('short footnotes', () => {
  it('a claim citing a short footnote is tied to the bibliography work: its URL, or no_url when it has none', () => {
    const { claims } = read('Bibliography');
    expect(claims).toEqual([
      { markers: '[1]', sources: [arden] },
      { markers: '[2]', sources: [arden] },
      { markers: '[3]', sources: [brook] },
      { markers: '[4]', sources: [arden, brook] },
      { markers: '[5]', sources: [cole] },
      { markers: '[6]', sources: ['6: https://museum.example/about: About the museum'] },
    ]);
  });

  it('the works are cited, one source each; a footnote is no source of its own; a work nothing points at stays uncited', () => {
    const { pc, uncited } = read('Bibliography');
    // No source is a footnote's own text ("Arden 2004, p. 12.").
    expect(pc.sources.filter((s) => /^[A-Z][\w &]+ \d{4}, pp?\./.test(s.title ?? ''))).toEqual([]);
    expect(pc.sources.filter((s) => (s.title ?? '').startsWith('Arden, Mary'))).toHaveLength(1);
    expect(uncited).toEqual(['Dunn, Jo (1999). Boats of the Valley. Lock Press.']);
  });

  it('a bibliography under a heading that names no source list is still read through its footnotes', () => {
    const { claims, uncited } = read('Further reading');
    expect(claims.map((c) => c.sources)).toEqual([[arden], [arden], [brook], [arden, brook], [cole], ['6: https://museum.example/about: About the museum']]);
    // Not a source list: the work no footnote names is not listed.
    expect(uncited).toEqual([]);
  });

  it('a short footnote whose link leads nowhere stays a work without a link, named as the footnote names it', () => {
    const broken = page('Bibliography').replace('id="CITEREFCole1988"', 'id="CITEREFCole1989"');
    const pc = extractCitations(parseHtml(broken), url);
    const claim = pc.claims.find((c) => c.markers.join('') === '[5]')!;
    const source = pc.sources.find((s) => s.id === claim.sourceIds[0])!;
    expect([source.reason, source.title]).toEqual(['no_url', 'Cole 1988, p. 7.']);
  });
});
