/**
 * The rules real pages taught, each on a page written for it: markers that are code or
 * intervals, the claim boundary (attributions only when they are one), inline attributed links on
 * the page's own host, and linked author-year citations.
 */
import { describe, expect, it } from 'vitest';
import { extractCitations, hasCitationHints } from '@/utils/extract';
import { parseHtml } from '../../tests/helpers/extract';

const url = 'https://news.example.org/2024/story';
const refs = '<h2>References</h2><ol><li><a href="https://a.example/1">One</a></li><li><a href="https://b.example/2">Two</a></li></ol>';

function claims(html: string) {
  return extractCitations(parseHtml(html), url).claims.map((c) => ({ text: c.text, markers: c.markers, attribution: c.attribution }));
}

describe('brackets that are code or intervals', () => {
  it('make no claim on a page that lists no source', () => {
    const doc = parseHtml('<p>Take items[2] and then row[k-1] of the table.</p><p>The closed range [2, 8] holds seven integers, and [1, m) holds m − 1.</p>');
    expect(extractCitations(doc, url).claims).toEqual([]);
  });

  it('count when they name a listed source', () => {
    expect(claims(`<p>The index grew fast[2].</p>${refs}`).map((c) => c.markers)).toEqual([['[2]']]);
  });

  it('a lone marker after a space still counts without a list (unlinked)', () => {
    const page = extractCitations(parseHtml('<p>The bridge opened in 1932. [7]</p>'), url);
    expect(page.claims.map((c) => [c.text, c.unlinkedLabels])).toEqual([['The bridge opened in 1932.', ['7']]]);
  });
});

describe('the claim boundary', () => {
  it('an attributed link after a quotation of two sentences takes the whole quotation, not its last sentence', () => {
    const html = '<p>Trade was slow. “Our harbour has been quiet for years. It is time to open the gates,” the mayor said last year in <a href="https://port.example/speech">remarks to the council</a>. Nothing else.</p>';
    expect(claims(html).map((c) => c.text)).toEqual(['“Our harbour has been quiet for years. It is time to open the gates,” the mayor said last year in remarks to the council.']);
  });

  it('a lead-in that only attributes ("According to X:") takes the first sentence of the quotation it introduces', () => {
    const html = `<p>According to the Harbour Board:<sup><a href="#r1">[1]</a></sup></p><blockquote><p>The north quay will close for repairs in May. Ferries will use the south quay.</p></blockquote><p>Other text.</p><ol><li id="r1"><a href="https://a.example/1">One</a></li></ol>`;
    expect(claims(html)).toEqual([{ text: 'The north quay will close for repairs in May.', markers: ['[1]'], attribution: 'Harbour Board' }]);
    // Without a quotation after it, the lead-in stays what it is (and is still a cited claim).
    expect(claims(html.replace(/<blockquote>.*<\/blockquote>/, '')).map((c) => c.text)).toEqual(['According to the Harbour Board']);
  });

  it('keeps "by <someone>", possessives and subjects', () => {
    expect(claims(`<table><tr><td>An engineer travels back a week to warn a town that was flooded by the river.<sup><a href="#r1">[1]</a></sup></td></tr><tr><td>Anna Berg's debut work from the film school.<sup><a href="#r2">[2]</a></sup></td></tr></table><ol><li id="r1"><a href="https://a.example/1">One</a></li><li id="r2"><a href="https://b.example/2">Two</a></li></ol>`).map((c) => c.text)).toEqual([
      'An engineer travels back a week to warn a town that was flooded by the river.',
      "Anna Berg's debut work from the film school.",
    ]);
  });

  it('a clause that is only an attribution takes what follows it, never stands alone', () => {
    expect(claims(`<p>According to Mozilla's manifesto,<sup><a href="#r1">[1]</a></sup> the web must stay open to everyone.</p><ol><li id="r1"><a href="https://a.example/1">One</a></li></ol>`)).toEqual([
      { text: 'The web must stay open to everyone.', markers: ['[1]'], attribution: "Mozilla's manifesto" },
    ]);
  });

  it('a relative clause on the source after such an attribution is not the claim: the statement after it is', () => {
    expect(
      claims(
        `<p>According to the harbour charter,<sup><a href="#r1">[1]</a></sup> which sets out duties, limits, and a pledge, "The board keeps the channel open to every vessel".</p>` +
          `<p>According to the ferry guild,<sup><a href="#r2">[2]</a></sup> who run the night crossings, Crossings stop when the fog is thick.</p>` +
          `<ol><li id="r1"><a href="https://a.example/1">One</a></li><li id="r2"><a href="https://b.example/2">Two</a></li></ol>`,
      ).map((c) => c.text),
    ).toEqual(['"The board keeps the channel open to every vessel".', 'Crossings stop when the fog is thick.']);
  });

  it('strips an attribution that is one, at the start or the end', () => {
    expect(claims('<p>Overtime costs doubled last year, according to <a href="/docs/audit-2023">an audit by the county controller</a>.</p>').map((c) => c.text)).toEqual(['Overtime costs doubled last year.']);
  });

  it('strips "he said according to <a>" after the speaker, and ", according to <a>," inside the sentence; keeps one naming no link', () => {
    expect(
      claims(
        '<p>The talks took months, the mayor told the council. Such deals never come quickly, he said according to a transcript reviewed by <a href="https://ledger.example/mayor-talks">the Valley Ledger</a>. They need patience.</p>' +
          '<p>The pilot had, according to <a href="https://tidewatch.example/pilot">Ann Rowe of Tidewatch</a>, taken the boat out alone before the storm.</p>' +
          '<p>The bridge, according to local lore, was built in a single night, as <a href="https://ledger.example/bridge">the Valley Ledger</a> reported.</p>',
      ),
    ).toEqual([
      { text: 'Such deals never come quickly, he said.', markers: ['the Valley Ledger'], attribution: 'the Valley Ledger' },
      { text: 'The pilot had taken the boat out alone before the storm.', markers: ['Ann Rowe of Tidewatch'], attribution: 'Ann Rowe of Tidewatch' },
      { text: 'The bridge, according to local lore, was built in a single night, as the Valley Ledger reported.', markers: ['the Valley Ledger'], attribution: 'the Valley Ledger' },
    ]);
  });
});

describe('attributions in the other languages of the corpus', () => {
  it('"selon <a>", "laut der <a>", "<a>a déclaré …</a>" make claims, their attribution taken off (a German "Laut X" before its verb stays in the sentence); "según explicó en un <a>comunicado</a>" cites the statement and names no source', () => {
    const html =
      '<article><p>Le port a fermé deux quais en mai, <a href="https://courrier.example/quais">selon le Courrier du port</a>.</p>' +
      '<p>Laut <a href="https://hafen.example/bericht">der Hafenbehörde</a> wurden 2023 zwölf Schiffe umgeleitet.</p>' +
      '<p>Les ferries reprendront en juin, <a href="/video/ministre">a déclaré mardi la ministre de la Mer</a>.</p>' +
      '<p>Según explicó en un <a href="https://puerto.example/nota">comunicado</a> el muelle abrirá en julio.</p></article>';
    const doc = parseHtml(html);
    expect(hasCitationHints(doc)).toBe(true);
    expect(claims(html)).toEqual([
      { text: 'Le port a fermé deux quais en mai.', markers: ['selon le Courrier du port'], attribution: undefined },
      // No comma closes "Laut der Hafenbehörde": German's verb right after it ends the phrase, and the
      // sentence stays whole, since without the phrase it would open with its verb ("Wurden 2023 …").
      { text: 'Laut der Hafenbehörde wurden 2023 zwölf Schiffe umgeleitet.', markers: ['der Hafenbehörde'], attribution: undefined },
      { text: 'Les ferries reprendront en juin, a déclaré mardi la ministre de la Mer.', markers: ['a déclaré mardi la ministre de la Mer'], attribution: undefined },
      // "explicó en un <a>": the work the statement was made in, as "said in a <a>statement</a>"; "según" names no source there, so the phrase stays.
      { text: 'Según explicó en un comunicado el muelle abrirá en julio.', markers: ['comunicado'], attribution: undefined },
    ]);
  });

  it('a reporting verb, "in" and an article before a link introduce the work a statement was made in, in each language', () => {
    expect(
      claims(
        '<p>Le maire a déclaré dans un <a href="https://mairie.example/communique">communiqué</a> que le quai rouvrira en juin.</p>' +
          '<p>Die Ministerin sagte in einem <a href="https://radio.example/interview">Interview</a>, der Hafen werde 2025 erweitert.</p>',
      ).map((c) => c.markers),
    ).toEqual([['communiqué'], ['Interview']]);
  });

  it('"<a>a fait part de …</a>" reports like "<a>a déclaré</a>"', () => {
    expect(claims('<p>La mairie <a href="https://mairie.example/avis.pdf">a fait part de son accord</a> pour rouvrir le quai en juin.</p>')).toEqual([
      { text: 'La mairie a fait part de son accord pour rouvrir le quai en juin.', markers: ['a fait part de son accord'], attribution: undefined },
    ]);
  });

  it('"Laut X" with no comma after it: the phrase ends before the verb that follows the name, never at a later comma, and the claim keeps it, never opening with its verb', () => {
    const refs = '<ol>' + [1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => `<li id="r${n}"><a href="https://quelle.example/${n}">Quelle ${n}</a></li>`).join('') + '</ol>';
    const marker = (n: number) => `<sup><a href="#r${n}">[${n}]</a></sup>`;
    expect(
      claims(
        `<p>Laut dem Statistischen Landesamt lebten 2019 in der Stadt 41 200 Menschen.${marker(1)}</p>` +
          `<p>Laut Polizei wurden drei Boote beschädigt, zwei davon schwer.${marker(2)}</p>` +
          `<p>Laut einer neuen Zählung des Hafenamts aus dem Jahr 2021${marker(3)} liegen dort 310 Boote.${marker(4)}</p>` +
          `<p>Laut Polizei wurden drei Boote beschädigt${marker(5)} und ein Steg zerstört.${marker(6)}</p>` +
          `<p>Laut ihm ist der Steg zu kurz.${marker(7)}</p>` +
          `<p>Laut Polizei, die am Abend kam, wurden drei Boote geborgen.${marker(8)}</p>` +
          `<p>Laut dem Hafenamt${marker(9)}</p>` +
          refs,
      ).map((c) => [c.markers.join(''), c.text, c.attribution]),
    ).toEqual([
      // German puts the verb right after the phrase: taken off, the claim would open with its verb
      // ("Lebten 2019 …"), which reads as a question. The sentence stays whole; the source is kept apart.
      ['[1]', 'Laut dem Statistischen Landesamt lebten 2019 in der Stadt 41 200 Menschen.', 'dem Statistischen Landesamt'],
      // The comma closes the statement's second part, not the attribution.
      ['[2]', 'Laut Polizei wurden drei Boote beschädigt, zwei davon schwer.', 'Polizei'],
      // A group right after the phrase: it attributes, and its claim is the statement, as the next group's is.
      ['[3]', 'Laut einer neuen Zählung des Hafenamts aus dem Jahr 2021 liegen dort 310 Boote.', 'einer neuen Zählung des Hafenamts aus dem Jahr 2021'],
      ['[4]', 'Laut einer neuen Zählung des Hafenamts aus dem Jahr 2021 liegen dort 310 Boote.', 'einer neuen Zählung des Hafenamts aus dem Jahr 2021'],
      // A statement before the group ("wurden" is its verb): not an attribution alone, so the claim ends at the group.
      ['[5]', 'Laut Polizei wurden drei Boote beschädigt', 'Polizei'],
      ['[6]', 'Laut Polizei wurden drei Boote beschädigt und ein Steg zerstört.', 'Polizei'],
      // A pronoun names no source; a comma after the name opens an aside, which German sets there.
      ['[7]', 'Laut ihm ist der Steg zu kurz.', undefined],
      ['[8]', 'Laut Polizei, die am Abend kam, wurden drei Boote geborgen.', undefined],
      ['[9]', 'Laut dem Hafenamt', undefined],
    ]);
  });

  it('a marker claim opening with "D\'après le registre," keeps what the register is credited with; "selon lui" is no source', () => {
    expect(
      claims(
        '<p>D\'après le registre des habitants,<sup><a href="#r1">[1]</a></sup> 6 210 marins vivaient au port en 1900.</p>' +
          '<p>Selon lui, le phare date de 1820.<sup><a href="#r2">[2]</a></sup></p>' +
          '<ol><li id="r1"><a href="https://a.example/1">One</a></li><li id="r2"><a href="https://b.example/2">Two</a></li></ol>',
      ).map((c) => [c.text, c.attribution]),
    ).toEqual([
      ['6 210 marins vivaient au port en 1900.', 'le registre des habitants'],
      ['Selon lui, le phare date de 1820.', undefined],
    ]);
  });
});

describe('inline attributed links', () => {
  it('count on the page\'s own host when an attribution ties them to the text', () => {
    const page = extractCitations(
      parseHtml(
        '<article><p>According to <a href="/docs/audit-2023">an audit by the county controller</a>, overtime costs doubled.</p>' +
          '<p>A survey published in <a href="/partners/valley-ledger">the Valley Ledger</a> found that most parents back the plan.</p>' +
          '<p>Class sizes fell, according to <a href="/data/school-board">data released by the school board</a>.</p></article>',
      ),
      url,
    );
    expect(page.claims.map((c) => c.text)).toEqual(['Overtime costs doubled.', 'Most parents back the plan.', 'Class sizes fell.']);
    expect(page.sources.map((s) => s.url)).toEqual([
      'https://news.example.org/docs/audit-2023',
      'https://news.example.org/partners/valley-ledger',
      'https://news.example.org/data/school-board',
    ]);
  });

  it('never take bylines, menus, "read more" or related stories', () => {
    const doc = parseHtml(
      '<p>By <a href="/staff/jo">Jo Reporter</a></p><ul><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li></ul>' +
        '<p>The council met on Monday. <a href="/2024/other">Read more about what the council said</a></p>' +
        '<p><a href="/2024/related">Mayor says the budget is balanced</a></p>',
    );
    expect(extractCitations(doc, url).claims).toEqual([]);
  });
});

describe('linked author-year citations', () => {
  it('are markers: a narrative citation gives its sentence, a parenthesised group one claim', () => {
    const page = extractCitations(
      parseHtml(
        '<p>Two methods exist. <a href="https://arxiv.org/abs/2408.03314">Snell et al. (2024</a>) showed that easier questions benefit from sequential compute.</p>' +
          '<p>Prompts can be perturbed instead (<a href="https://arxiv.org/abs/2305.04388">Turpin et al. 2023</a>, Chua &amp; Evans, 2025, <a href="https://example.com/paper.pdf">Chen et al. 2025</a>).</p>',
      ),
      url,
    );
    expect(page.claims.map((c) => [c.text, c.markers])).toEqual([
      ['Easier questions benefit from sequential compute.', ['Snell et al. (2024)']],
      ['Prompts can be perturbed instead.', ['Turpin et al. 2023', 'Chen et al. 2025']],
    ]);
    expect(page.sources.map((s) => s.domain)).toEqual(['arxiv.org', 'arxiv.org', 'example.com']);
  });

  it('the names linked and the year in parentheses right after the link ("<a>Lund & Berg</a> (2021)") are one citation', () => {
    const html =
      '<p>Herons nest early on the delta. <a href="https://papers.example/ruiz">Ruiz et al. (2019</a>) counted 40 nests and <a href="https://papers.example/lund">Lund &amp; Berg</a> (2021) found the same on the coast.</p>' +
      '<p>The old inn on <a href="https://inn.example/history">Brook Lane</a> (1820) still serves ale.</p>';
    const doc = parseHtml(html);
    expect(hasCitationHints(parseHtml('<p>Counts vary. <a href="https://papers.example/lund">Lund &amp; Berg</a> (2021) found more nests on the coast.</p>'))).toBe(true);
    const page = extractCitations(doc, url);
    const sentence = 'Ruiz et al. (2019) counted 40 nests and Lund & Berg (2021) found the same on the coast.';
    expect(page.claims.map((c) => [c.text, c.markers])).toEqual([
      [sentence, ['Ruiz et al. (2019)']],
      [sentence, ['Lund & Berg (2021)']],
    ]);
    // Two capitalised words alone ("Brook Lane") are no author-year citation, whatever year follows them.
    expect(page.sources.map((s) => s.url)).toEqual(['https://papers.example/ruiz', 'https://papers.example/lund']);
  });

  it('inside the sentence: the sentence, unless a statement ends at the group and a later group cites the words after it', () => {
    const text = (html: string) => extractCitations(parseHtml(html), url).claims.map((c) => c.text);
    expect(
      text(
        '<p>Later work found that one could raise scores by prompting the model with "show your work" (<a href="https://arxiv.org/abs/2205.00001">Kojo et al. 2022</a>) or with longer prompts that recall related facts first (<a href="https://arxiv.org/abs/2310.00002">Yasu et al. 2023</a>).</p>',
      ),
    ).toEqual([
      'Later work found that one could raise scores by prompting the model with "show your work"',
      'Later work found that one could raise scores by prompting the model with "show your work" or with longer prompts that recall related facts first.',
    ]);
    // In the subject no statement ends at either group: both cite the sentence.
    const subject = 'Test time compute and chain of thought have led to large gains in accuracy.';
    expect(
      text(
        '<p>Test time compute (<a href="https://arxiv.org/abs/1603.00003">Grav et al. 2016</a>) and chain of thought (<a href="https://arxiv.org/abs/2201.00004">Wee et al. 2022</a>) have led to large gains in accuracy.</p>',
      ),
    ).toEqual([subject, subject]);
  });
});
