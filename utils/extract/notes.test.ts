/**
 * A note that cites: a notes entry whose own text carries a reference marker is a cited
 * statement, and its sentence is the claim of that marker. Notes that only explain, the notes
 * themselves and the reference entries (works with a URL, books) make no claim.
 */
import { describe, expect, it } from 'vitest';
import { extractCitations } from '@/utils/extract';
import { parseHtml } from '../../tests/helpers/extract';

const url = 'https://wiki.example.org/wiki/Harbour';
const ref = (id: string, label: string) => `<sup id="cite_ref-${id}" class="reference"><a href="#cite_note-${id}">[${label}]</a></sup>`;
const back = (id: string) => `<span class="mw-cite-backlink"><b><a href="#cite_ref-${id}">^</a></b></span> `;
const backAb = (id: string) => `<span class="mw-cite-backlink">^ <a href="#cite_ref-${id}"><sup><i><b>a</b></i></sup></a> <a href="#cite_ref-${id}b"><sup><i><b>b</b></i></sup></a></span> `;

const page = `<div class="mw-parser-output">
<p>The harbour handles most of the island's freight.${ref('n1', 'a')} Its breakwater was finished in 1911.${ref('w1', '1')}</p>
<p>The ferry sails twice a day.${ref('n2', 'b')}${ref('w2', '2')} The lighthouse is painted red.${ref('n3', 'c')}</p>
<h2>Notes</h2>
<div class="reflist"><ol class="references">
<li id="cite_note-n1">${backAb('n1')}<span class="reference-text">Freight here means goods landed at the quay. Landings rose by 4.1% a year between 1990 and 2010 and reached 812,000 tonnes in 2010.${ref('w3', '3')}</span></li>
<li id="cite_note-n2">${back('n2')}<span class="reference-text">The winter timetable drops the evening crossing.</span></li>
<li id="cite_note-n3">${back('n3')}<span class="reference-text">Red was chosen in 1932 so that it shows against the snow,${ref('w4', '4')} and the lamp was electrified in 1951.${ref('w5', '5')}</span></li>
</ol></div>
<h2>References</h2>
<div class="reflist"><ol class="references">
<li id="cite_note-w1">${back('w1')}<span class="reference-text"><a class="external" href="https://port.example/history">"Breakwater history"</a>. Port Board. Retrieved 3 May 2019.${ref('w6', '6')}</span></li>
<li id="cite_note-w2">${back('w2')}<span class="reference-text"><a class="external" href="https://ferry.example/timetable">"Timetable"</a>. Ferry Line.</span></li>
<li id="cite_note-w3">${back('w3')}<span class="reference-text"><a class="external" href="https://stats.example/freight">"Freight landed, 1990–2010"</a>. Island Statistics.</span></li>
<li id="cite_note-w4">${back('w4')}<span class="reference-text">Lund, Ada (1998). <i>Lights of the North Coast</i>. Harbour Press. p. 41.${ref('w6', '6')}</span></li>
<li id="cite_note-w5">${back('w5')}<span class="reference-text"><a class="external" href="https://lights.example/lamp">"The lamp room"</a>. Lights Trust.</span></li>
<li id="cite_note-w6">${back('w6')}<span class="reference-text"><a class="external" href="https://board.example/minutes">"Minutes"</a>. Port Board.</span></li>
</ol></div></div>`;

describe('notes that cite', () => {
  const pc = extractCitations(parseHtml(page), url);
  const urlOf = (id: string) => { const s = pc.sources.find((x) => x.id === id); return s?.url || s?.reason; };
  const claims = pc.claims.map((c) => ({ markers: c.markers.join(''), text: c.text, sources: c.sourceIds.map(urlOf) }));

  it("a marker in a note's text makes a claim of its sentence, tied to the work it points at", () => {
    expect(claims).toContainEqual({ markers: '[3]', text: 'Landings rose by 4.1% a year between 1990 and 2010 and reached 812,000 tonnes in 2010.', sources: ['https://stats.example/freight'] });
    expect(claims).toContainEqual({ markers: '[4]', text: 'Red was chosen in 1932 so that it shows against the snow', sources: ['no_url'] });
    expect(claims).toContainEqual({ markers: '[5]', text: 'the lamp was electrified in 1951.', sources: ['https://lights.example/lamp'] });
  });

  it('claims come in page order, the notes after the text that points at them', () => {
    expect(claims.map((c) => c.markers)).toEqual(['[1]', '[b][2]', '[3]', '[4]', '[5]']);
  });

  it('no claim for the markers pointing at notes, a note that only explains, a back-link or a reference entry', () => {
    const texts = claims.map((c) => c.text).join('\n');
    expect(texts).not.toMatch(/Freight here means|winter timetable|\^|Breakwater history|Lights of the North Coast|Minutes/);
    expect(pc.sources.map((s) => s.url || s.reason)).not.toContain(undefined);
    expect(pc.claims.every((c) => c.unlinkedLabels.length === 0)).toBe(true);
  });
});

describe('a cited line in a navigation box', () => {
  const box = `<div class="mw-parser-output"><p>The island has four towns.${ref('w1', '1')}</p>
<table class="navbox"><tbody><tr><th colspan="4"><span>Towns of the island</span><br /><div style="display:inline">Island Statistics census of 2021 (town boundaries)${ref('w2', '2')}</div></th></tr>
<tr><td><a href="/wiki/Northport">Northport</a></td><td>4,210</td><td><a href="/wiki/Eastbay">Eastbay</a></td><td>1,905</td></tr></tbody></table>
<table class="navbox"><tbody><tr><td><a href="/wiki/Harbours">Harbours</a> · <a href="/wiki/Lighthouses">Lighthouses</a></td></tr></tbody></table>
<h2>References</h2><div class="reflist"><ol class="references">
<li id="cite_note-w1">${back('w1')}<span class="reference-text"><a class="external" href="https://towns.example/list">"Towns"</a>.</span></li>
<li id="cite_note-w2">${back('w2')}<span class="reference-text"><a class="external" href="https://stats.example/census">"Census 2021"</a>.</span></li>
</ol></div></div>`;

  it('a marker there makes a claim of its line; the rest of the box makes none', () => {
    const pc = extractCitations(parseHtml(box), url);
    expect(pc.claims.map((c) => [c.markers.join(''), c.text])).toEqual([
      ['[1]', 'The island has four towns.'],
      ['[2]', 'Island Statistics census of 2021 (town boundaries)'],
    ]);
  });
});
