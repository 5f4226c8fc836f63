import { describe, expect, it } from 'vitest';
import { analyse } from './index';
import { indexSource } from './source';
import { blocks, sentences, stem, tokenize } from './text';

const read = (text: string) => sentences(text).map((s) => text.slice(s.start, s.end));

// A page of our own whose lines were cut at a fixed width, as a PDF's or a plain-text file's are.
const wrapped = [
  'The Harbour Museum is housed in the former',
  'ferry hall, a brick building put up by the town',
  'in the lean years after the war.',
  'It opened in 1974. Visitors come from far away.',
].join('\n');

describe('sentences: hard-wrapped lines', () => {
  it('reads a sentence cut at a line end, going on in lower case, as one sentence', () => {
    expect(read(wrapped)).toEqual([
      'The Harbour Museum is housed in the former\nferry hall, a brick building put up by the town\nin the lean years after the war.',
      'It opened in 1974.',
      'Visitors come from far away.',
    ]);
  });

  it('keeps the offsets of the text as written, line breaks included', () => {
    const [first] = sentences(wrapped);
    expect(first.start).toBe(0);
    expect(first.end).toBe(wrapped.indexOf('war.') + 4);
  });

  it('keeps a line that ends a sentence apart from the next, even in lower case', () => {
    expect(read('The hall was sold in 1990.\nmost of its windows were kept.')).toEqual(['The hall was sold in 1990.', 'most of its windows were kept.']);
    expect(read('Opening hours:\nweekdays from nine')).toEqual(['Opening hours:', 'weekdays from nine']);
    expect(read('She called it "the old hall."\nnobody else did')).toEqual(['She called it "the old hall."', 'nobody else did']);
  });

  it('keeps apart lines that start with a capital: a menu, a list, a new sentence', () => {
    expect(read('Home\nVisit\nOpening hours\nShop')).toEqual(['Home', 'Visit', 'Opening hours', 'Shop']);
    expect(read('Its roof was mended in the spring\nThe museum reopened in June')).toEqual(['Its roof was mended in the spring', 'The museum reopened in June']);
  });

  it('never joins across a blank line, a line of spaces or a heading', () => {
    expect(read('a paragraph that ends without a mark\n\nand one that starts in lower case')).toHaveLength(2);
    expect(read('a paragraph that ends without a mark\n   \nand one that starts in lower case')).toHaveLength(2);
    expect(read('# Opening hours\nweekdays from nine')).toEqual(['# Opening hours', 'weekdays from nine']);
  });

  it('joins Windows line ends too, and ends the block where the wrapping stops', () => {
    const text = 'The hall was built by\r\nvolunteers over two summers\r\nToday it is a museum.';
    expect(read(text)).toEqual(['The hall was built by\r\nvolunteers over two summers', 'Today it is a museum.']);
  });

  it('still cuts a long joined block at spaces', () => {
    const line = 'word '.repeat(300).trim();
    const spans = blocks(`${line}\nand ${line}`);
    expect(spans.length).toBeGreaterThan(1);
    expect(spans.every((s) => s.end - s.start <= 2000)).toBe(true);
  });
});

describe('sentences and words glued at a full stop', () => {
  const glued = 'The ferry hall is run by volunteers.Its cafe opens at noon.Guided tours run daily.';

  it('reads a full stop glued to the next sentence as a sentence end, and its two words apart', () => {
    expect(read(glued)).toEqual(['The ferry hall is run by volunteers.', 'Its cafe opens at noon.', 'Guided tours run daily.']);
    expect(tokenize('run by volunteers.Its cafe').map((t) => t.word)).toEqual(['run', 'by', 'volunteers', 'its', 'cafe']);
    expect(tokenize('services including:Ferries and more').map((t) => t.word)).toEqual(['services', 'including', 'ferries', 'and', 'more']);
  });

  it('keeps initials, titles, names with a stop and times whole', () => {
    expect(tokenize('the U.S.Army, a Ph.D, Mr.Smith, Node.js, e.g.some, at 10:30').map((t) => t.word)).toEqual(['the', 'u.s.army', 'a', 'ph.d', 'mr.smith', 'node.js', 'e.g.some', 'at', '10', '30']);
    expect(read('He joined the U.S.Army in 1990.')).toEqual(['He joined the U.S.Army in 1990.']);
  });

  it('finds a claim in a source whose sentences are glued', () => {
    const a = analyse('Volunteers run the ferry hall, and its cafe opens at noon.', [indexSource('s', glued)]);
    expect(a.match.absent).toBeUndefined();
    expect(a.match.evidence[0].missing).toEqual([]);
  });
});

describe('a hard-wrapped source in the matcher', () => {
  it('finds the claim in the one sentence the wrapped lines make, and shows it whole', () => {
    const a = analyse('The Harbour Museum is housed in the former ferry hall, a brick building.', [indexSource('s', wrapped)]);
    const first = a.retrieval!.windows[0];
    expect([first.from, first.to]).toEqual([0, 0]);
    expect(a.match.evidence[0].text).toBe(read(wrapped)[0]);
    expect(a.match.evidence[0].missing).toEqual([]);
  });
});

describe('tokens of a word written in several ways', () => {
  it('reads each way as written, however often and in whatever order the ways recur', () => {
    const text = "Harlow's mill. harlow's mill, HARLOW’S mill; Harlow's mill. Don’t mill, don’t mill";
    const tokens = tokenize(text);
    const words = tokens.map((t) => [text.slice(t.start, t.end), t.word, t.stem, t.capital]);
    expect(words.filter(([, w]) => w !== 'mill')).toEqual([
      ["Harlow's", 'harlow', 'harlow', true],
      ["harlow's", 'harlow', 'harlow', false],
      ['HARLOW’S', 'harlow', 'harlow', true],
      ["Harlow's", 'harlow', 'harlow', true],
      ['Don’t', "don't", "don't", true],
      ['don’t', "don't", "don't", false],
    ]);
    // Offsets are each occurrence's own, not the first one's.
    expect(tokens.filter((t) => t.word === 'mill').map((t) => t.start)).toEqual([9, 24, 39, 54, 66, 78]);
  });
});

describe('tokens of many different words', () => {
  // Made-up words, each written once in lower case and once capitalised: more than the readings
  // table first holds, and past the count at which it is emptied, so it grows and starts over.
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  const made = (n: number) => {
    let w = '';
    for (let k = n + 26 * 27; k > 0; k = Math.floor(k / 26)) w += letters[k % 26];
    return w;
  };
  const words = Array.from({ length: 140_000 }, (_, n) => made(n));

  it('reads every word as written, on first sight and again', () => {
    for (const round of [0, 1]) {
      let wrong = 0;
      for (let from = 0; from < words.length; from += 500) {
        const chunk = words.slice(from, from + 500);
        const text = chunk.map((w, k) => (k % 2 ? w[0].toUpperCase() + w.slice(1) : w)).join(' ');
        const tokens = tokenize(text);
        if (tokens.length !== chunk.length) wrong++;
        tokens.forEach((t, k) => {
          if (t.word !== chunk[k] || t.capital !== (k % 2 === 1) || t.stem !== stem(chunk[k]) || text.slice(t.start, t.end).toLowerCase() !== chunk[k]) wrong++;
        });
      }
      expect(wrong, `round ${round}`).toBe(0);
    }
  });
});
