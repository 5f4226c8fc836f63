/**
 * A table cell's claim carries the header that says what the cell is: the row's header cell,
 * a label cell ("Genus:"), a header row above a one-cell row, and for a sub-row ("• Total") the
 * row it belongs to. Pages written for the test, shaped like infoboxes.
 */
import { describe, expect, it } from 'vitest';
import { extractCitations } from '@/utils/extract';
import { parseHtml } from '../../tests/helpers/extract';

const sup = (n: number) => `<sup class="reference"><a href="#cite_note-${n}">[${n}]</a></sup>`;
const refList = (...ns: number[]) =>
  `<h2>References</h2><ol class="references">${ns.map((n) => `<li id="cite_note-${n}"><a class="external" href="https://src${n}.example/page">Work ${n}</a></li>`).join('')}</ol>`;

function claimTexts(html: string): string[] {
  return extractCitations(parseHtml(html), 'https://wiki.example.org/wiki/Vale').claims.map((c) => c.text);
}

describe('a cell claim names what the cell is', () => {
  it('a sub-row ("• Total") carries the row it belongs to and that row\'s own short cell', () => {
    const texts = claimTexts(
      `<table class="infobox"><tbody>` +
        `<tr class="mergedtoprow"><th scope="row">Exports</th><td>2021 figures</td></tr>` +
        `<tr class="mergedrow"><th scope="row"><div>•&#160;Total</div></th><td>$3.1 billion${sup(1)}</td></tr>` +
        `<tr class="mergedbottomrow"><th scope="row"><div>•&#160;Per person</div></th><td>$410${sup(2)}</td></tr>` +
        `<tr class="mergedtoprow"><th colspan="2">Area</th></tr>` +
        `<tr class="mergedrow"><th scope="row"><div>•&#160;Land</div></th><td>7,250 km2${sup(3)}</td></tr>` +
        `<tr><th scope="row">Elevation</th><td>412 m${sup(4)}</td></tr>` +
        `</tbody></table><p>The vale is a farming district.</p>${refList(1, 2, 3, 4)}`,
    );
    expect(texts).toEqual(['Exports, 2021 figures, Total: $3.1 billion', 'Exports, 2021 figures, Per person: $410', 'Area, Land: 7,250 km2', 'Elevation: 412 m']);
  });

  it('a label cell ending in a colon, and a header row above a row of one cell', () => {
    const texts = claimTexts(
      `<table class="infobox biota"><tbody>` +
        `<tr><td>Genus:</td><td><i>Ovis</i></td></tr>` +
        `<tr><td>Species:</td><td><i><b>O. montana${sup(1)}</b></i></td></tr>` +
        `<tr><th colspan="2">Binomial name</th></tr>` +
        `<tr><td colspan="2"><i>Ovis montana${sup(1)}</i></td></tr>` +
        `</tbody></table><p>The mountain sheep grazes high slopes.</p>${refList(1)}`,
    );
    expect(texts).toEqual(['Species: O. montana', 'Binomial name: Ovis montana']);
  });

  it('a list item in a cell carries the cell\'s header', () => {
    const texts = claimTexts(
      `<table class="infobox"><tbody><tr><th scope="row">Languages (2020)</th><td><ul><li>61% Welsh${sup(1)}</li><li>39% English${sup(2)}</li></ul></td></tr></tbody></table>` +
        `<p>Both languages are taught.</p>${refList(1, 2)}`,
    );
    expect(texts).toEqual(['Languages (2020): 61% Welsh', 'Languages (2020): 39% English']);
  });

  it('a list in a cell cited once, at its last item, is cited whole; one whose items carry markers, or a list outside a table, is not', () => {
    const texts = claimTexts(
      `<table class="infobox"><tbody>` +
        `<tr><th scope="row">Languages (2020)</th><td><div class="plainlist"><ul><li>61% Welsh</li><li>30% English</li><li>9% Other${sup(1)}</li></ul></div></td></tr>` +
        `<tr><th scope="row">Religion</th><td><ul><li>52% none</li><li>40% Christian${sup(2)}</li><li>8% other${sup(3)}</li></ul></td></tr>` +
        `</tbody></table>` +
        `<ul><li>The upper mill</li><li>The lower mill${sup(4)}</li></ul>${refList(1, 2, 3, 4)}`,
    );
    expect(texts).toEqual(['Languages (2020): 61% Welsh; 30% English; 9% Other', 'Religion: 40% Christian', 'Religion: 8% other', 'The lower mill']);
  });
});

describe('a header cell that continues its caption', () => {
  it('a lower-case header under a caption that ends on a lower-case word gets the caption; a caption that ends a sentence, a data cell and a capitalised header do not', () => {
    const table = (head: string) => `<table class="gallery-element"><tbody><tr class="header"><th>${head}</th></tr><tr><td>Map</td></tr></tbody></table>`;
    const texts = claimTexts(
      `<div class="gallery"><div class="main-caption">Routes of the valley ferry as charted by</div>` +
        `<div class="main-content">${table(`the harbour board:${sup(1)}`)}${table(`the river survey:${sup(2)}`)}</div></div>` +
        `<div class="gallery"><div class="main-caption">Routes of the valley ferry.</div><div>${table(`the harbour board:${sup(3)}`)}</div></div>` +
        `<div class="gallery"><div class="main-caption">Routes of the valley ferry as charted by</div><div>${table(`The River Survey:${sup(4)}`)}</div></div>` +
        `<table><caption>Ferry crossings counted in</caption><tbody><tr><th>winter${sup(5)}</th></tr></tbody></table>` +
        `<p>The vale is a farming district.</p>${refList(1, 2, 3, 4, 5)}`,
    );
    expect(texts).toEqual([
      'Routes of the valley ferry as charted by the harbour board',
      'Routes of the valley ferry as charted by the river survey',
      'the harbour board',
      'The River Survey',
      'Ferry crossings counted in winter',
    ]);
  });

  it('a marker in a "Ref." cell of its own cites its row: each cell under its header, cells spanning down from above included', () => {
    const texts = claimTexts(
      `<table class="wikitable"><caption>Prizes</caption><tbody>` +
        `<tr><th>Year</th><th>Prize</th><th>Category</th><th>Result</th><th>Ref.</th></tr>` +
        `<tr><td>2015</td><td>Vale Film Prize</td><td>Best Short Film</td><td>Won</td><td>${sup(1)}</td></tr>` +
        `<tr><td rowspan="2">2016</td><td>Harbour Critics</td><td>Best Director</td><td>Nominated</td><td>${sup(2)}${sup(3)}</td></tr>` +
        `<tr><td>Coast Awards</td><td colspan="2">Best Screenplay (shared)</td><td>${sup(4)}</td></tr>` +
        `</tbody></table><p>The vale is a farming district.</p>${refList(1, 2, 3, 4)}`,
    );
    expect(texts).toEqual([
      'Year: 2015; Prize: Vale Film Prize; Category: Best Short Film; Result: Won',
      'Year: 2016; Prize: Harbour Critics; Category: Best Director; Result: Nominated',
      'Year: 2016; Prize: Coast Awards; Category: Best Screenplay (shared)',
    ]);
  });

  it('a data cell of a few words under a header row reads with its row; a cell that is a statement, and a table with no header row, keep their own words', () => {
    const texts = claimTexts(
      `<table class="wikitable"><thead><tr><th>Census</th><th>Residents</th><th>Notes</th></tr></thead><tbody>` +
        `<tr><td>2011</td><td>12,400${sup(1)}</td><td>First count after the merger of the parishes${sup(2)}</td></tr>` +
        `<tr><td>2021</td><td>11,950</td><td>Won[n]</td></tr>` +
        `</tbody></table>` +
        `<table><tbody><tr><td>Ferry</td><td>Lost${sup(3)}</td></tr><tr><td>Mill</td><td>${sup(4)}</td></tr></tbody></table>` +
        `<p>The vale is a farming district.</p>${refList(1, 2, 3, 4)}`,
    );
    expect(texts).toEqual(['Census: 2011; Residents: 12,400; Notes: First count after the merger of the parishes', 'First count after the merger of the parishes', 'Ferry; Lost', 'Mill']);
  });
});

