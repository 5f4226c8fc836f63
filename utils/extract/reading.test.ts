/**
 * Every claim a card shows reads as a whole statement: patterns met on real pages (Wikipedia in
 * two languages, news, an academic blog), each on a page written for it.
 */
import { describe, expect, it } from 'vitest';
import { extractCitations } from '@/utils/extract';
import { parseHtml } from '../../tests/helpers/extract';

const url = 'https://wiki.example.org/wiki/Harbour';

/** A MediaWiki-like marker and its reference entry. */
const sup = (n: number) => `<sup class="reference"><a href="#cite_note-${n}">[${n}]</a></sup>`;
const refList = (...ns: number[]) =>
  `<h2>References</h2><ol class="references">${ns.map((n) => `<li id="cite_note-${n}"><a class="external" href="https://src${n}.example/page">Work ${n}</a></li>`).join('')}</ol>`;

function claimTexts(html: string, pageUrl = url): Record<string, string> {
  const page = extractCitations(parseHtml(html), pageUrl);
  return Object.fromEntries(page.claims.map((c) => [c.markers.join(''), c.text]));
}

function balanced(text: string): boolean {
  let depth = 0;
  for (const ch of text) {
    if (ch === '(') depth++;
    if (ch === ')' && --depth < 0) return false;
  }
  return depth === 0;
}

describe('a claim never starts or ends inside a parenthesis opened or closed outside it', () => {
  it('a marker inside a parenthesis mid-sentence: the claim runs on to the closing bracket', () => {
    const texts = claimTexts(`<p>The ferry line carries 402 million riders a year (up from 380 million in 2013${sup(1)}), and the tram line carries 166 million.${sup(2)}</p>${refList(1, 2)}`);
    expect(texts['[1]']).toBe('The ferry line carries 402 million riders a year (up from 380 million in 2013)');
    expect(Object.values(texts).every(balanced)).toBe(true);
  });

  it('a claim that starts inside a parenthesis starts where it opens, and leaves out an aside that holds other groups', () => {
    const texts = claimTexts(`<p>Port Vell (pronounced /pɔrt βeʎ/${sup(1)} Listen; locally /pɔɾ βɛʎ/${sup(2)} Listen) is the oldest harbour${sup(3)} and the busiest one of the coast.</p>${refList(1, 2, 3)}`);
    // [3] sits inside its clause and nothing later cites the rest: the claim runs on (claims.ts).
    expect(texts['[3]']).toBe('Port Vell is the oldest harbour and the busiest one of the coast.');
    expect(Object.values(texts).every(balanced)).toBe(true);
  });

  it('groups inside one parenthesis: the first is closed for it, the last takes the parenthesis from its opening', () => {
    const texts = claimTexts(`<p>Gulls eat many things (crabs${sup(1)}, mussels${sup(2)}).</p>${refList(1, 2)}`);
    expect(texts['[1]']).toBe('Gulls eat many things (crabs)');
    expect(texts['[2]']).toBe('Gulls eat many things (crabs, mussels).');
  });

  it('a marker after a term in a parenthetical aside keeps the aside whole', () => {
    const texts = claimTexts(`<p>A young gull is called a squab${sup(1)} (or a chick,${sup(2)} if it cannot fly). Adults are grey.</p>${refList(1, 2)}`);
    expect(texts['[2]']).toContain('(or a chick, if it cannot fly)');
    expect(texts['[2]']).not.toContain('Adults');
    expect(Object.values(texts).every(balanced)).toBe(true);
  });
});

describe('a marker before a colon that introduces the next block', () => {
  it('a sentence stopped on a lower-case word runs on into the list or the formula after its colon', () => {
    const towns = ['Sète (France) since 1961', 'Kotor (Montenegro) since 1974<sup class="reference"><a href="#cite_note-9">[9]</a></sup>', 'Split (Croatia) since 1990'];
    const texts = claimTexts(
      `<p>The port is twinned with${sup(1)}:</p><style>.cols{column-width:30em}</style><div class="cols"><ul>${towns.map((t) => `<li>${t}</li>`).join('')}</ul></div>` +
        `<p>For a hull of length L, the drag is defined as:${sup(2)}</p><dl><dd><span style="display: none;"><math alttext="D = k L"><mi>D</mi></math></span><img class="mwe-math-fallback-image-display" alt="{\\displaystyle D=\\frac{k}{L}}"></dd></dl>` +
        `<p>The oldest mention of the harbour is in the Rolls of 1346${sup(3)}:</p><ul><li>A quay of stone.</li></ul>${refList(1, 2, 3, 9)}`,
    );
    expect(texts['[1]']).toBe('The port is twinned with: Sète (France) since 1961; Kotor (Montenegro) since 1974; Split (Croatia) since 1990');
    expect(texts['[2]']).toBe('For a hull of length L, the drag is defined as: D=k/L');
    // A statement whole before its colon keeps its end.
    expect(texts['[3]']).toBe('The oldest mention of the harbour is in the Rolls of 1346');
  });

  it('a long list is cut at an item with an ellipsis', () => {
    const items = Array.from({ length: 40 }, (_, i) => `<li>Berth ${i + 1} on the north quay of the harbour</li>`).join('');
    const text = claimTexts(`<p>Ships may moor at${sup(1)}:</p><ol>${items}</ol>${refList(1)}`)['[1]'];
    expect(text.startsWith('Ships may moor at: Berth 1 on the north quay of the harbour; Berth 2 ')).toBe(true);
    expect(text.endsWith('; …')).toBe(true);
    expect(text.length).toBeLessThan(400);
  });
});

describe('a clause that is only an attribution, and sentences that open with a number', () => {
  it('"As recorded in the census,[1]" takes its sentence, which ends before the next one opening with a number', () => {
    const texts = claimTexts(
      `<p>As recorded in the 2011 census,${sup(1)} Cornish is the most spoken minority language (2.2%),<sup class="reference"><a href="#cite_note-n1">[n 1]</a></sup> followed by Breton (0.4%). 1,235 people (0.5%) reported the use of sign language.</p>` +
        `<p>The quay was rebuilt after the storm (1990). 12 cranes work on it now.${sup(2)}</p>${refList(1, 2)}<ol><li id="cite_note-n1">A note that only explains.</li></ol>`,
    );
    expect(texts['[1]']).toBe('Cornish is the most spoken minority language (2.2%), followed by Breton (0.4%).');
    expect(texts['[2]']).toBe('12 cranes work on it now.');
  });
});

describe('closing punctuation after a marker', () => {
  it('is kept when the sentence ends after the marker, and not doubled when it had ended before it', () => {
    const texts = claimTexts(`<p>Le port a rouvert ses quais en 2007 à Sète.${sup(1)}. Les ferries reviennent en mai${sup(2)}.</p>${refList(1, 2)}`);
    expect(texts['[1]']).toBe('Le port a rouvert ses quais en 2007 à Sète.');
    expect(texts['[2]']).toBe('Les ferries reviennent en mai.');
  });
});

describe('a group inside the sentence\'s subject', () => {
  it('a list of noun phrases cut by markers before its verb: each item\'s claim gets the predicate', () => {
    const texts = claimTexts(
      `<p>The reed warbler, the marsh tit,${sup(1)} and the bittern${sup(2)} nest in the fen, with the heron the last to arrive.${sup(3)}</p>` +
        `<p>Tide tables, harbour logs${sup(4)} and old charts of the estuary${sup(5)} suggest the channel moved west after 1850${sup(6)}, ending the trade.</p>` +
        `<p>The forty mills${sup(7)} that stood on the river in 1900 have all gone, and the last one burned in 1950.${sup(8)}</p>${refList(1, 2, 3, 4, 5, 6, 7, 8)}`,
    );
    const fen = 'The reed warbler, the marsh tit, and the bittern nest in the fen, with the heron the last to arrive.';
    expect(texts['[1]']).toBe(fen);
    expect(texts['[2]']).toBe(fen);
    expect(texts['[3]']).toBe(fen);
    expect(texts['[4]']).toBe('Tide tables, harbour logs and old charts of the estuary suggest the channel moved west after 1850');
    expect(texts['[5]']).toBe(texts['[4]']);
    expect(texts['[6]']).toBe(texts['[4]']);
    expect(texts['[7]']).toBe('The forty mills that stood on the river in 1900 have all gone, and the last one burned in 1950.');
  });

  it('an item that is a bare plural noun ("and terns") is an item of the subject, not a second predicate', () => {
    const texts = claimTexts(`<p>Gulls${sup(1)} and terns${sup(2)} nest on the dunes.</p><p>Herring gulls${sup(3)} and common terns${sup(4)} nest on the dunes.</p>${refList(1, 2, 3, 4)}`);
    expect(texts['[1]']).toBe('Gulls and terns nest on the dunes.');
    expect(texts['[3]']).toBe('Herring gulls and common terns nest on the dunes.');
  });

  it('a short phrase with no verb that opens the sentence before a comma gets the statement that follows', () => {
    const texts = claimTexts(
      `<p>A market town of the marches,${sup(1)} Wembury holds a fair each May on the green. In 1931,${sup(2)} the mill on the weir closed for good.</p>` +
        `<p>Fog is common on the estuary in winter,${sup(3)} and the ferry stops when it is thick.</p>${refList(1, 2, 3)}`,
    );
    expect(texts['[1]']).toBe('A market town of the marches, Wembury holds a fair each May on the green.');
    expect(texts['[2]']).toBe('In 1931, the mill on the weir closed for good.');
    expect(texts['[3]']).toBe('Fog is common on the estuary in winter');
  });

  it('a group inside a long phrase with no verb that opens the sentence with a preposition gets the statement after its comma', () => {
    const texts = claimTexts(
      `<p>In reply to the mill's plans to dam the upper river${sup(1)} and the farmers draining the water meadows,${sup(2)} Mayor Lind bought the whole valley in 1902, though the sale was contested.${sup(3)}</p>` +
        `<p>During the long quarrel over the weir, the fish ladder${sup(4)} and the wet meadows on the north bank,${sup(5)} the town built a second dam${sup(6)} and a canal.${sup(7)}</p>` +
        `<p>In the spring the river flooded the meadows${sup(8)} and the lower town,${sup(9)} and the council met.${sup(10)}</p>${refList(1, 2, 3, 4, 5, 6, 7, 8, 9, 10)}`,
    );
    const whole = "In reply to the mill's plans to dam the upper river and the farmers draining the water meadows, Mayor Lind bought the whole valley in 1902, though the sale was contested.";
    expect(texts['[1]']).toBe(whole);
    expect(texts['[2]']).toBe(whole);
    expect(texts['[3]']).toBe('Mayor Lind bought the whole valley in 1902, though the sale was contested.');
    // Up to the group after the statement's first part, as for a subject's group.
    expect(texts['[4]']).toBe('During the long quarrel over the weir, the fish ladder and the wet meadows on the north bank, the town built a second dam');
    expect(texts['[5]']).toBe('During the long quarrel over the weir, the fish ladder and the wet meadows on the north bank, the town built a second dam');
    // A verb before the comma ("flooded"): the sentence's statement has begun, each group ends its own part.
    expect(texts['[8]']).toBe('In the spring the river flooded the meadows');
    expect(texts['[9]']).toBe('In the spring the river flooded the meadows and the lower town');
  });

  it('a subordinate clause that opens the sentence gets the statement that follows; a preposition, a second predicate or an attribution does not', () => {
    const texts = claimTexts(
      `<p>In the 1890s, as the docks grew busier and ships got larger${sup(1)} the old quay fell out of use.${sup(2)}</p>` +
        `<p>When the mill closed,${sup(3)} the town lost half its jobs${sup(4)} and its school.${sup(5)}</p>` +
        `<p>Since 1990 the town has grown${sup(6)} and the port has shrunk.${sup(7)}</p>` +
        `<p>While the tide was out the ferry waited${sup(8)} and the crew slept.${sup(9)}</p>` +
        `<p>As recorded in the harbour log,${sup(10)} the quay closed in May.${sup(11)}</p>${refList(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11)}`,
    );
    expect(texts['[1]']).toBe('In the 1890s, as the docks grew busier and ships got larger the old quay fell out of use.');
    expect(texts['[2]']).toBe(texts['[1]']);
    // Up to the next group after the statement, as a subject's claim.
    expect(texts['[3]']).toBe('When the mill closed, the town lost half its jobs');
    expect(texts['[4]']).toBe('When the mill closed, the town lost half its jobs');
    // "Since 1990" is a preposition: the town has grown is the statement, and the claim ends at its group.
    expect(texts['[6]']).toBe('Since 1990 the town has grown');
    // "and the crew slept" is a second predicate after the main clause, not the main clause.
    expect(texts['[8]']).toBe('While the tide was out the ferry waited');
    expect(texts['[10]']).toBe('The quay closed in May.');
  });

  it('"et", "und", "y" join clauses and list items as "and" does: a second clause is the next group\'s, a subject list gets its predicate', () => {
    const texts = claimTexts(
      `<p>La ville compte 3 800 habitants${sup(1)} et le canton en compte 60 000.${sup(2)}</p>` +
        `<p>Im Jahr 2019 lebten im Dorf 812 Menschen${sup(3)} und 2020 waren es 790.${sup(4)}</p>` +
        `<p>El puerto recibe 300 barcos al año${sup(5)} y la ciudad tiene 40 000 habitantes.${sup(6)}</p>` +
        `<p>Der Hafen, die Werft${sup(7)} und die Schleuse${sup(8)} liegen am Fluss.</p>` +
        `<p>Le port, le chantier${sup(9)} et l'écluse${sup(10)} sont au bord du fleuve.</p>${refList(1, 2, 3, 4, 5, 6, 7, 8, 9, 10)}`,
    );
    expect(texts['[1]']).toBe('La ville compte 3 800 habitants');
    expect(texts['[2]']).toBe('La ville compte 3 800 habitants et le canton en compte 60 000.');
    expect(texts['[3]']).toBe('Im Jahr 2019 lebten im Dorf 812 Menschen');
    expect(texts['[5]']).toBe('El puerto recibe 300 barcos al año');
    expect(texts['[7]']).toBe('Der Hafen, die Werft und die Schleuse liegen am Fluss.');
    expect(texts['[8]']).toBe('Der Hafen, die Werft und die Schleuse liegen am Fluss.');
    expect(texts['[9]']).toBe("Le port, le chantier et l'écluse sont au bord du fleuve.");
    expect(texts['[10]']).toBe("Le port, le chantier et l'écluse sont au bord du fleuve.");
  });

  it('a German subordinate clause that opens the sentence gets the main clause after it, which opens with its verb', () => {
    const texts = claimTexts(
      `<p>Als die Fähre 1962 eingestellt wurde,${sup(1)} pendelten die meisten Leute über die neue Brücke.${sup(2)}</p>` +
        `<p>Nachdem der Damm gebrochen war,${sup(3)} stand das Unterdorf zwei Wochen unter Wasser${sup(4)} und die Schule blieb zu.${sup(5)}</p>` +
        `<p>Weil der Pegel stieg,${sup(6)} sperrte die Gemeinde den Uferweg.</p>${refList(1, 2, 3, 4, 5, 6)}`,
      'https://wiki.example.org/wiki/Ufer',
    );
    expect(texts['[1]']).toBe('Als die Fähre 1962 eingestellt wurde, pendelten die meisten Leute über die neue Brücke.');
    expect(texts['[2]']).toBe(texts['[1]']);
    // Up to the next group after the main clause, as in English.
    expect(texts['[3]']).toBe('Nachdem der Damm gebrochen war, stand das Unterdorf zwei Wochen unter Wasser');
    expect(texts['[6]']).toBe('Weil der Pegel stieg, sperrte die Gemeinde den Uferweg.');
  });

  it('a French or German clause with a verb beyond its auxiliaries is no phrase before the statement: its claim ends at its group', () => {
    const texts = claimTexts(
      `<p>Die Einwohnerzahl stieg,${sup(1)} Neustadt wurde 1871 Kreisstadt.${sup(2)}</p>` +
        `<p>Die Gemeinde gründete 1920 eine Schule,${sup(3)} Neustadt wuchs danach.${sup(4)}</p>` +
        `<p>La population augmentait,${sup(5)} Neustadt devenait une ville.${sup(6)}</p>` +
        `<p>Le quartier comptait 4000 habitants,${sup(7)} Neustadt était alors un bourg.${sup(8)}</p>` +
        // A capitalised German noun is no verb, nor is English "often": these are phrases before the statement.
        `<p>Zwei kleine Planeten,${sup(9)} Merkur und Venus kreisen innen.${sup(10)}</p>` +
        `<p>Often a port of call,${sup(11)} Neustadt is now a resort.${sup(12)}</p>${refList(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12)}`,
      'https://wiki.example.org/wiki/Neustadt',
    );
    expect(texts['[1]']).toBe('Die Einwohnerzahl stieg');
    expect(texts['[3]']).toBe('Die Gemeinde gründete 1920 eine Schule');
    expect(texts['[5]']).toBe('La population augmentait');
    expect(texts['[7]']).toBe('Le quartier comptait 4000 habitants');
    expect(texts['[9]']).toBe('Zwei kleine Planeten, Merkur und Venus kreisen innen.');
    expect(texts['[11]']).toBe('Often a port of call, Neustadt is now a resort.');
  });

  it('on a page in English, German, French and Spanish forms that are English words ("war", "son", "hat") are no verbs; an element in German keeps them', () => {
    const texts = claimTexts(
      `<html lang="en"><body>` +
        `<p>Veterans of the war,${sup(1)} the brothers ran the mill until 1901.${sup(2)}</p>` +
        `<p>A son of the harbour master,${sup(3)} Pearce rebuilt the quay.${sup(4)}</p>` +
        `<p>Makers of the hat,${sup(5)} the Ellis family sold it in London.${sup(6)}</p>` +
        `<p lang="de">Die Einwohnerzahl war hoch,${sup(7)} Neustadt wurde 1871 Kreisstadt.${sup(8)}</p>` +
        `${refList(1, 2, 3, 4, 5, 6, 7, 8)}</body></html>`,
    );
    expect(texts['[1]']).toBe('Veterans of the war, the brothers ran the mill until 1901.');
    expect(texts['[3]']).toBe('A son of the harbour master, Pearce rebuilt the quay.');
    expect(texts['[5]']).toBe('Makers of the hat, the Ellis family sold it in London.');
    expect(texts['[7]']).toBe('Die Einwohnerzahl war hoch');
  });

  it('a German ordinal or abbreviation does not end the sentence; a number that closes one does', () => {
    const texts = claimTexts(
      `<html lang="de"><body>` +
        `<p>Der Hafen wurde am 3. Oktober 1871 eröffnet und im 19. Jahrhundert zweimal erweitert.${sup(1)} Die 2. Mole entstand später.${sup(2)}</p>` +
        `<p>Die Fähre fuhr z. B. über die 3. Schleuse (Hrsg. Otto Lenz, Bd. 2, S. 41).${sup(3)} Er starb im Alter von 64.${sup(4)} Sein Sohn übernahm die Werft.${sup(5)}</p>` +
        `${refList(1, 2, 3, 4, 5)}</body></html>`,
    );
    expect(texts['[1]']).toBe('Der Hafen wurde am 3. Oktober 1871 eröffnet und im 19. Jahrhundert zweimal erweitert.');
    expect(texts['[2]']).toBe('Die 2. Mole entstand später.');
    expect(texts['[3]']).toBe('Die Fähre fuhr z. B. über die 3. Schleuse (Hrsg. Otto Lenz, Bd. 2, S. 41).');
    expect(texts['[4]']).toBe('Er starb im Alter von 64.');
    expect(texts['[5]']).toBe('Sein Sohn übernahm die Werft.');
  });

  it('on a page in English a number before a capital still ends its sentence', () => {
    const texts = claimTexts(
      `<html lang="en"><body><p>The quay was 12 m long at the age of the old mill, which was 64. The dredger deepened it.${sup(1)} The crew numbered 3. Their boat sank.${sup(2)}</p>${refList(1, 2)}</body></html>`,
    );
    expect(texts['[1]']).toBe('The dredger deepened it.');
    expect(texts['[2]']).toBe('Their boat sank.');
  });

  it('the only group of a sentence, after an aside in its subject, gets the whole statement', () => {
    const texts = claimTexts(
      `<p>Kernow (said /ˈkɛrnɔʊ/; often glossed as "the horn")${sup(1)} is the old name of the county. It was used in charters.</p>` +
        `<p>The Harbour Board, chaired by the mayor for most of its life,${sup(2)} dredged the channel twice.</p>` +
        `<p>Exports of tin, the county's oldest trade,${sup(3)} fell after 1870.</p>${refList(1, 2, 3)}`,
    );
    expect(texts['[1]']).toBe('Kernow (said /ˈkɛrnɔʊ/; often glossed as "the horn") is the old name of the county.');
    expect(texts['[2]']).toBe('The Harbour Board, chaired by the mayor for most of its life, dredged the channel twice.');
    expect(texts['[3]']).toBe("Exports of tin, the county's oldest trade, fell after 1870.");
  });

  it('a long subject whose aside ends at the group, the predicate\'s verb right after it: the whole statement, participles in the subject read as no verb', () => {
    const texts = claimTexts(
      `<p>The share of the county's land (without the tidal flats) covered by woods, heath and bog, based on the 2011 land survey,${sup(1)} is 310 / 3,560 = 8.7%. It was lower in 1900.</p>` +
        `<p>The share of the county's land covered by woods, heath and bog, based on the 1950 land survey,${sup(2)} grew after 1950.</p>` +
        `<p>The share of the county's land covered by woods, heath and bog, the survey of 1950,${sup(3)} based on aerial photographs, was smaller.</p>${refList(1, 2, 3)}`,
    );
    expect(texts['[1]']).toBe("The share of the county's land (without the tidal flats) covered by woods, heath and bog, based on the 2011 land survey, is 310 / 3,560 = 8.7%.");
    expect(texts['[2]']).toBe("The share of the county's land covered by woods, heath and bog, based on the 1950 land survey, grew after 1950.");
    // A participle after the group is no predicate: the claim ends at the group.
    expect(texts['[3]']).toBe("The share of the county's land covered by woods, heath and bog, the survey of 1950");
  });

  it('an aside whose group a later group follows cites the aside; a clause with its verb or a fronted phrase keeps its end', () => {
    const texts = claimTexts(
      `<p>The Duchy of Kernow, one of two royal duchies,${sup(1)} is the land held by the heir, and covers 53,000 hectares.${sup(2)}</p>` +
        `<p>Tin accounts for a third of the exports,${sup(3)} making the port open to swings in price.</p>` +
        `<p>In the spring of 1931,${sup(4)} when the mill closed, the quay fell quiet.${sup(5)}</p>${refList(1, 2, 3, 4, 5)}`,
    );
    expect(texts['[1]']).toBe('The Duchy of Kernow, one of two royal duchies');
    expect(texts['[3]']).toBe('Tin accounts for a third of the exports');
    expect(texts['[4]']).toBe('In the spring of 1931');
  });

  it("a list's last item closed by a comma before the verb: the group gets the subject with its predicate", () => {
    const texts = claimTexts(
      `<p>The mild winters and the short crossing, plus low harbour dues,${sup(1)} have drawn the ferry lines to the port since 1990.${sup(2)}</p>${refList(1, 2)}`,
    );
    const whole = 'The mild winters and the short crossing, plus low harbour dues, have drawn the ferry lines to the port since 1990.';
    expect(texts['[1]']).toBe(whole);
    expect(texts['[2]']).toBe(whole);
  });

  it('a clause that has its verb, a second predicate and a list after the verb keep their own boundaries', () => {
    const texts = claimTexts(
      `<p>Pruning slows growth${sup(1)} and raises the yield${sup(2)} of small orchards.${sup(3)}</p>` +
        `<p>The port ships coal${sup(4)}, timber${sup(5)} and grain.${sup(6)}</p>` +
        `<p>The boats are built of oak${sup(7)} and larch${sup(8)} from the hills.</p>${refList(1, 2, 3, 4, 5, 6, 7, 8)}`,
    );
    expect(texts['[1]']).toBe('Pruning slows growth');
    expect(texts['[4]']).toBe('The port ships coal');
    expect(texts['[5]']).toBe('The port ships coal, timber');
    expect(texts['[7]']).toBe('The boats are built of oak');
  });
});

describe('a group inside its clause', () => {
  it('with nothing later in the sentence to cite the rest, the claim runs on to the sentence end', () => {
    const texts = claimTexts(
      `<p>The council needed a ballot${sup(1)} so narrow that it was held twice before the bridge was approved. The toll was dropped.</p>` +
        `<p>Boats built at the yard include${sup(2)} Heron, Petrel and Tern.</p>` +
        `<p>La halle est la plus ancienne${sup(3)} et la plus vaste de la région.</p>${refList(1, 2, 3)}`,
    );
    expect(texts['[1]']).toBe('The council needed a ballot so narrow that it was held twice before the bridge was approved.');
    expect(texts['[2]']).toBe('Boats built at the yard include Heron, Petrel and Tern.');
    expect(texts['[3]']).toBe('La halle est la plus ancienne et la plus vaste de la région.');
  });

  it('pretty-printed markup, a newline and indentation after the group: the words after it are read past the spaces', () => {
    const gap = '\n                  ';
    const texts = claimTexts(
      `<p>Boats built at the yard include${sup(1)}${gap}Heron, Petrel and Tern.</p>` +
        `<p>Kernow (an old name; often glossed as "the horn")${sup(2)}${gap}is the name of the county.</p>` +
        `<p>The Harbour Board, chaired by the mayor,${sup(3)}${gap}dredged the channel twice.</p>${refList(1, 2, 3)}`,
    );
    expect(texts['[1]']).toBe('Boats built at the yard include Heron, Petrel and Tern.');
    expect(texts['[2]']).toBe('Kernow (an old name; often glossed as "the horn") is the name of the county.');
    expect(texts['[3]']).toBe('The Harbour Board, chaired by the mayor, dredged the channel twice.');
  });

  it('a later group in the sentence cites the words that follow: each claim ends at its own group', () => {
    const texts = claimTexts(`<p>Pruning slows growth${sup(1)} and raises the yield,${sup(2)} both of which suit small orchards.${sup(3)}</p>${refList(1, 2, 3)}`);
    expect(texts['[1]']).toBe('Pruning slows growth');
    expect(texts['[2]']).toBe('Pruning slows growth and raises the yield');
  });

  it('a group that cuts a phrase, with a later group in the sentence: the claim runs on to the end of the phrase', () => {
    const texts = claimTexts(
      `<p>The town bought a second-hand diesel${sup(1)} ferry to cross the estuary in winter.${sup(2)}</p>` +
        `<p>The mill was the largest${sup(3)} of the county and its last,${sup(4)} according to the survey.</p>` +
        `<p>The council sold the old steam${sup(5)} tug (built in 1890) to a museum in 1950.${sup(6)}</p>` +
        `<p>The town paid £40,000${sup(7)} in 1902 and raised the tolls.${sup(8)}</p>${refList(1, 2, 3, 4, 5, 6, 7, 8)}`,
    );
    // "diesel" qualifies "ferry": the phrase and the clause go on to the next group.
    expect(texts['[1]']).toBe('The town bought a second-hand diesel ferry to cross the estuary in winter.');
    // "of" binds its noun to the one before; the phrase ends at "and".
    expect(texts['[3]']).toBe('The mill was the largest of the county');
    // The phrase ends at the parenthesis.
    expect(texts['[5]']).toBe('The council sold the old steam tug');
    // A preposition after the group opens a new part of the clause: the claim ends at its group.
    expect(texts['[7]']).toBe('The town paid £40,000');
  });

  it('a group after a quotation that runs over several sentences cites the words before it: an earlier group ends at its own', () => {
    const texts = claimTexts(
      `<p>After the vote, the warden resigned on 4 May${sup(1)} and the board chair wrote in a letter: "We acted too slowly. The river deserved better. We are sorry."${sup(2)} The letter was read aloud.</p>` +
        `<p>The keeper retired in 1990${sup(3)} and the town said: “The light is ours. It will stay lit.”${sup(4)}</p>${refList(1, 2, 3, 4)}`,
    );
    expect(texts['[1]']).toBe('After the vote, the warden resigned on 4 May');
    // The quotation opens after [1], in [1]'s sentence: [2]'s claim holds all of it, never its last sentence alone
    // ("We are sorry."), and the clause since [1], a second clause with its own subject, is [2]'s.
    expect(texts['[2]']).toBe('the board chair wrote in a letter: "We acted too slowly. The river deserved better. We are sorry."');
    expect(texts['[3]']).toBe('The keeper retired in 1990');
    expect(texts['[4]']).toBe('the town said: “The light is ours. It will stay lit.”');
  });

  it('straight quotes are read by where they stand: one after a word or a stop closes, one after a space opens', () => {
    const texts = claimTexts(
      `<p>The gates shut at dusk.${sup(1)} "We close early in winter. The path is not lit," the warden said.${sup(2)}</p>` +
        `<p>The ferry runs hourly.${sup(3)} The pier is "new" and wide.${sup(4)} It was built in 2019.${sup(5)}</p>${refList(1, 2, 3, 4, 5)}`,
    );
    expect(texts['[2]']).toBe('"We close early in winter. The path is not lit," the warden said.');
    // A quotation opened and closed in its own sentence reaches no earlier one.
    expect(texts['[4]']).toBe('The pier is "new" and wide.');
    expect(texts['[5]']).toBe('It was built in 2019.');
  });

  it('a group after the first half of "both … and" runs on to the second half; "both" as a subject does not', () => {
    const texts = claimTexts(
      `<p>The ferry is used both by commuters${sup(1)} and by tourists in summer.${sup(2)}</p>` +
        `<p>Tolls were cut twice, either by the council${sup(3)} or by the harbour board.${sup(4)}</p>` +
        `<p>The two locks are old and both hold 40 boats${sup(5)} and a tug.${sup(6)}</p>${refList(1, 2, 3, 4, 5, 6)}`,
    );
    expect(texts['[1]']).toBe('The ferry is used both by commuters and by tourists in summer.');
    expect(texts['[3]']).toBe('Tolls were cut twice, either by the council or by the harbour board.');
    expect(texts['[5]']).toBe('The two locks are old and both hold 40 boats');
  });

  it('inside the first half of "both … and", an "or", or an "and" joining two words before their noun, leaves the pair open; the pair\'s own "and" closes it', () => {
    const texts = claimTexts(
      `<p>Counts were made both by clubs or local and regional councils (such as the county's)${sup(1)} and by post.${sup(2)}</p>` +
        `<p>The quay serves both barges and tugs${sup(3)} and a ferry.${sup(4)}</p>${refList(1, 2, 3, 4)}`,
    );
    expect(texts['[1]']).toBe("Counts were made both by clubs or local and regional councils (such as the county's) and by post.");
    expect(texts['[3]']).toBe('The quay serves both barges and tugs');
  });

  it('punctuation before or after the group ends the clause there', () => {
    const texts = claimTexts(`<p>The mill closed in 1931,${sup(1)} and the weir fell into ruin. The dam held[2]; the canal silted up.</p>${refList(1, 2)}`);
    expect(texts['[1]']).toBe('The mill closed in 1931');
  });
});

describe('a second clause after a conjunction, with its own subject and verb', () => {
  it('is the claim of its group when the clause before the earlier group has its verb; a shared predicate, a second predicate, a relative clause or a subject that points back is not', () => {
    const texts = claimTexts(
      `<p>The mill closed in 1931${sup(1)} and the weir fell into ruin by 1950.${sup(2)}</p>` +
        `<p>The keeper retired in 1990,${sup(3)} but the keeper's son kept the light lit until 2001.${sup(4)}</p>` +
        `<p>Smith won the seat in 1990${sup(5)} and Jones held it until 1994.${sup(6)}</p>` +
        `<p>Gulls${sup(7)} and the terns were counted on the dunes.${sup(8)}</p>` +
        `<p>The mill closed in 1931${sup(9)} and was sold in 1950.${sup(10)}</p>` +
        `<p>The barge sailed to Arles${sup(11)} and Tarascon, which was its last port.${sup(12)}</p>` +
        `<p>The yard built 40 tugs${sup(13)} and 12 of these were sold abroad.${sup(14)}</p>${refList(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14)}`,
    );
    expect(texts['[1]']).toBe('The mill closed in 1931');
    expect(texts['[2]']).toBe('the weir fell into ruin by 1950.');
    expect(texts['[4]']).toBe("the keeper's son kept the light lit until 2001.");
    expect(texts['[6]']).toBe('Jones held it until 1994.');
    expect(texts['[8]']).toBe('Gulls and the terns were counted on the dunes.');
    expect(texts['[10]']).toBe('The mill closed in 1931 and was sold in 1950.');
    expect(texts['[12]']).toBe('The barge sailed to Arles and Tarascon, which was its last port.');
    // A subject that points back carries the words it points to.
    expect(texts['[14]']).toBe('The yard built 40 tugs and 12 of these were sold abroad.');
  });
});

describe('a list item that opens with a name', () => {
  it('after a comma, names followed by "and", a bracket or nothing are the next item of a list, not a statement', () => {
    const texts = claimTexts(
      `<p>The barge calls at several ports on the lower river, among them Arles,${sup(1)} Tarascon,${sup(2)} Le Pontet and Orange.${sup(3)}</p>` +
        `<p>The larger lakes are Lake Orta (near the border),${sup(4)} Lake Varese (in the hills)${sup(5)} and Lake Monate.${sup(6)}</p>${refList(1, 2, 3, 4, 5, 6)}`,
    );
    expect(texts['[3]']).toBe('The barge calls at several ports on the lower river, among them Arles, Tarascon, Le Pontet and Orange.');
    expect(texts['[6]']).toBe('The larger lakes are Lake Orta (near the border), Lake Varese (in the hills) and Lake Monate.');
  });

  it('names followed by their verb after a comma are a statement of their own', () => {
    const texts = claimTexts(`<p>After the water reached the lower town,${sup(1)} Mayor Keller ordered the bridge closed for a week.${sup(2)}</p>${refList(1, 2)}`);
    expect(texts['[2]']).toBe('Mayor Keller ordered the bridge closed for a week.');
  });
});

describe('a pronunciation\'s audio link is no word of the claim', () => {
  it('"Écouter" and "listen" links (MediaWiki\'s prononciation, haudio and ext-phonos) are left out', () => {
    const texts = claimTexts(
      `<p>Le Tarn (<span class="API">/taʁn/</span><sup class="prononciation noprint"><a href="/wiki/Fichier:Tarn.wav">Écouter</a></sup>) est une rivière du sud de la France.${sup(1)}</p>` +
        `<p>Ludlow (<span class="ext-phonos"><a href="/wiki/File:Ludlow.ogg">listen</a></span>) is a market town on the Teme.${sup(2)}</p>` +
        `<p>Wem (<span class="unicode haudio"><a href="/wiki/File:Wem.ogg">listen</a></span>) lies north of it.${sup(3)}</p>${refList(1, 2, 3)}`,
    );
    expect(texts['[1]']).toBe('Le Tarn (/taʁn/) est une rivière du sud de la France.');
    expect(texts['[2]']).toBe('Ludlow is a market town on the Teme.');
    expect(texts['[3]']).toBe('Wem lies north of it.');
  });

  it('a bare link to a sound file whose text only says "listen" (or is an icon) is left out; one whose words belong to the sentence stays', () => {
    const texts = claimTexts(
      `<p>Harrowgate (<a href="/media/harrowgate-pronounced.ogg">listen</a>) is a spa town on the moor.${sup(1)}</p>` +
        `<p>The word is said <a href="https://sounds.example.org/kettle.mp3" title="Play">🔊</a> with a long vowel.${sup(2)}</p>` +
        `<p>La Brède (<a href="/wiki/Fichier:La_Brede.wav">Écouter</a>) est une commune de Gironde.${sup(3)}</p>` +
        `<p>The mayor gave an <a href="/audio/mayor-interview.mp3">interview recorded in May</a> to the station.${sup(4)}</p>${refList(1, 2, 3, 4)}`,
    );
    expect(texts['[1]']).toBe('Harrowgate is a spa town on the moor.');
    expect(texts['[2]']).toBe('The word is said with a long vowel.');
    expect(texts['[3]']).toBe('La Brède est une commune de Gironde.');
    expect(texts['[4]']).toBe('The mayor gave an interview recorded in May to the station.');
  });
});

describe('a parenthesised citation before a semicolon', () => {
  it('leaves no space before the semicolon', () => {
    const html = `<article><p>Dredging can also lower the flood risk (<a href="https://papers.example.org/abs/2304">Baros et al. 2023</a>); this holds for shallow estuaries only.</p></article>`;
    const page = extractCitations(parseHtml(html), 'https://notes.example.net/posts/estuaries/');
    expect(page.claims.map((c) => c.text)).toEqual(['Dredging can also lower the flood risk; this holds for shallow estuaries only.']);
  });
});

describe('a figure credit cites an image, not a claim', () => {
  const blog = 'https://notes.example.net/posts/tides/';
  it('"(Image source: <author-year>)" in a caption makes no claim; the same citation in prose does', () => {
    const html = `<article><p>Tidal range grows with the width of the bay (<a href="https://papers.example.org/abs/2101">Moreau et al. 2021</a>).</p>
      <figure><img src="tides.png"><figcaption>Range against bay width. (Image source: <a href="https://papers.example.org/abs/2101">Moreau et al. 2021</a>)</figcaption></figure>
      <p>Storm surges add to it.</p><figure><img src="surge.png"><figcaption>Surge heights. Figure credit: <a href="https://papers.example.org/abs/2203">Ilves, 2022</a></figcaption></figure>
      <p>Photo courtesy of <a href="https://agency.example.com/gallery/12">the port agency</a>, which reported the flood.</p></article>`;
    const page = extractCitations(parseHtml(html), blog);
    expect(page.claims.map((c) => [c.markers, c.text])).toEqual([[['Moreau et al. 2021'], 'Tidal range grows with the width of the bay.']]);
  });
});

describe('inline code is part of the sentence', () => {
  it('keeps a code subject in the claim, and a bracket inside code is no marker', () => {
    const blog = 'https://notes.example.net/posts/tides/';
    const html = `<article><p><code>Tidewatch-2</code> (<a href="https://papers.example.org/abs/2101">Moreau et al. 2021</a>) is an open tidal model trained on harbour gauges.</p>
      <p>The gauge reading is stored in <code>levels[2]</code> of each record.<sup><a href="#fn1">[1]</a></sup></p>
      <pre><code>levels[3] = read()</code></pre>
      <h2>References</h2><ol><li id="fn1"><a href="https://gauges.example.org/format">Gauge record format</a></li></ol></article>`;
    const page = extractCitations(parseHtml(html), blog);
    expect(page.claims.map((c) => [c.markers, c.text])).toEqual([
      [['Moreau et al. 2021'], 'Tidewatch-2 is an open tidal model trained on harbour gauges.'],
      [['[1]'], 'The gauge reading is stored in levels[2] of each record.'],
    ]);
  });
});

describe('a narrative citation keeps its words in the claim', () => {
  const blog = 'https://notes.example.net/posts/tides/';
  const link = (id: string, text: string) => `<a href="https://papers.example.org/abs/${id}">${text}</a>`;
  it('as object or agent, as subject with its own verb; a reporting subject is taken off', () => {
    const html = `<article><p>Tidal forecasting from gauges alone was first tried by ${link('1', 'Moreau et al. 2019')}, who released the Brest gauge set.</p>
      <p>${link('2', 'Ilves & Tamm (2021')}) trained a forecaster on eleven harbours. ${link('3', 'Okafor et al. (2022)')} showed that surge errors halve with wind data.</p>
      <p>Gauge drift is common (${link('4', 'Berg et al. 2020')}).</p></article>`;
    const page = extractCitations(parseHtml(html), blog);
    expect(page.claims.map((c) => [c.markers.join(), c.text])).toEqual([
      ['Moreau et al. 2019', 'Tidal forecasting from gauges alone was first tried by Moreau et al. 2019, who released the Brest gauge set.'],
      ['Ilves & Tamm (2021)', 'Ilves & Tamm (2021) trained a forecaster on eleven harbours.'],
      ['Okafor et al. (2022)', 'Surge errors halve with wind data.'],
      ['Berg et al. 2020', 'Gauge drift is common.'],
    ]);
  });
});

describe("a link to a site's front page under its own name is no cited source", () => {
  it('"reports from <a href=front page>Name</a>" makes no claim; a page of that site, or an author-year citation of a project page, does', () => {
    const html = `<article><p>Interest grew after the forecasts and tech reports from <a href="https://www.tidewatch.example/">Tidewatch</a>.</p>
      <p>Surge warnings doubled in 2023, according to <a href="https://www.tidewatch.example/reports/2023">Tidewatch</a>.</p>
      <p>Gauge drift is common (<a href="https://gauge-net.example.io/">Berg et al. 2020</a>).</p></article>`;
    const page = extractCitations(parseHtml(html), 'https://notes.example.net/posts/tides/');
    expect(page.claims.map((c) => [c.markers.join(), c.text])).toEqual([
      ['Tidewatch', 'Surge warnings doubled in 2023.'],
      ['Berg et al. 2020', 'Gauge drift is common.'],
    ]);
  });
});

describe("a site's front page named as the source of what the sentence says is cited", () => {
  it('"according to <a href=front page>", "<a href=front page> reported that" make claims; "reports from <a href=front page>" does not', () => {
    const html = `<article><p>Rainfall was a fifth above normal, according to <a href="https://www.rainwatch.example/">the Rainwatch agency</a>.</p>
      <p><a href="https://www.rainwatch.example/">Rainwatch</a> reported that two rivers burst their banks.</p>
      <p>The town later bought gauges and reports from <a href="https://www.rainwatch.example/">Rainwatch</a>.</p></article>`;
    const page = extractCitations(parseHtml(html), 'https://news.example.net/2024/rain/');
    expect(page.claims.map((c) => c.text)).toEqual(['Rainfall was a fifth above normal.', 'Two rivers burst their banks.']);
  });
});

describe('a link names the attribution only where the sentence names it as the source', () => {
  it('not an occasion, a work title or one work described; yes after "according to", "per", or as the subject of a reporting verb', () => {
    const a = (n: number, text: string) => `<a href="https://outlet${n}.example.com/2024/story-${n}">${text}</a>`;
    const html = `<article><p>“We will rebuild the quay,” the mayor said during a ${a(1, 'March 2024 visit to Harwick')}.</p>
      <p>“Half the boats left,” wrote the historian in her book ${a(2, 'Tides of Harwick')}.</p>
      <p>${a(3, 'An analysis of port records')} shows that traffic fell by a third.</p>
      <p>Dredging resumed in May, according to the ${a(4, 'Harwick Gazette')}.</p>
      <p>The ${a(5, 'Coastal Survey')} reported that the channel silted up again.</p>
      <p>The harbour master assured the crews on ${a(6, 'Mastodon')} that the channel was safe.</p></article>`;
    const page = extractCitations(parseHtml(html), 'https://www.harwick-news.example/story');
    expect(page.claims.map((c) => [c.markers.join(), c.attribution])).toEqual([
      ['March 2024 visit to Harwick', undefined],
      ['Tides of Harwick', undefined],
      ['An analysis of port records', undefined],
      ['Harwick Gazette', 'Harwick Gazette'],
      ['Coastal Survey', 'Coastal Survey'],
      ['Mastodon', 'Mastodon'],
    ]);
  });
});

describe('a clause that is only a fragment carries its sentence\'s earlier part', () => {
  it('"and snails.", "further north.", a list item: the claim reads as a whole statement; a clause that is one stands alone', () => {
    const texts = claimTexts(`<p>Gulls feed on crabs${sup(1)} and snails.${sup(2)} Terns nest on the dunes${sup(3)} and further north.${sup(4)} The quay handles coal${sup(5)}; Harwick Mills sends its timber by rail.${sup(6)}</p>${refList(1, 2, 3, 4, 5, 6)}`);
    expect(texts).toEqual({
      '[1]': 'Gulls feed on crabs',
      '[2]': 'Gulls feed on crabs and snails.',
      '[3]': 'Terns nest on the dunes',
      '[4]': 'Terns nest on the dunes and further north.',
      '[5]': 'The quay handles coal',
      '[6]': 'Harwick Mills sends its timber by rail.',
    });
  });
});
