import { describe, expect, it } from 'vitest';
import { isAttributedLink, mayBeAttributedLink } from '@/utils/extract/inline';

/** A text with one link marked by [[…]]: the text without the brackets and the link's span. */
function linked(marked: string): { text: string; link: { start: number; end: number } } {
  const start = marked.indexOf('[[');
  const end = marked.indexOf(']]') - 2;
  return { text: marked.replace('[[', '').replace(']]', ''), link: { start, end } };
}

const TEXTS = [
  'The harbour board met on Tuesday. According to [[the port authority]], tonnage rose by a third.',
  'Tonnage rose by a third, the [[port authority]] reported on Friday.',
  'A survey published in [[the Valley Ledger]] found that most boats were moored north.',
  'The ferry schedule changed. Riders were told to check [[the timetable]] before leaving.',
  'Officials said the count was late. Boats at anchor were counted by [[volunteers]] at dawn.',
  'Read the [[harbour survey]] for the figures.',
  'Photo: [[Anna Berg]]',
  'The quay was rebuilt in 1998 with [[new stone]] from the hills.',
  'He wrote in a [[blog post]] that the quay would close. It did not.',
  'The quay will reopen in May, the harbour master told [[the Valley Ledger]].',
  'Der Hafenmeister sagte der [[Lokalzeitung]], der Kai werde im Mai eröffnet.',
  'El capitán del puerto dijo a [[El Diario del Valle]] que el muelle abrirá en mayo.',
  "Le quai rouvrira en mai, rapporte [[le quotidien de la vallée]].",
  'Volgens [[een rapport van de havendienst]] gaat de kade in mei open.',
  'De kade gaat in mei open, aldus [[de havendienst]].',
];

describe('mayBeAttributedLink', () => {
  it('holds wherever isAttributedLink holds, for every sentence start before the link', () => {
    let attributed = 0;
    for (const marked of TEXTS) {
      const { text, link } = linked(marked);
      for (let start = 0; start <= link.start; start++) {
        if (!isAttributedLink(text, link, start)) continue;
        attributed++;
        expect(mayBeAttributedLink(text, link), `${marked} from ${start}`).toBe(true);
      }
    }
    expect(attributed).toBeGreaterThan(0);
  });

  it.each(TEXTS.slice(-6))('takes the outlet a statement was made to, or a source named after its verb, as the citation: %s', (marked) => {
    const { text, link } = linked(marked);
    expect(isAttributedLink(text, link, 0)).toBe(true);
  });

  it('rules out a link with no cue word near it, whatever its sentence', () => {
    const { text, link } = linked('The quay was rebuilt in 1998 with [[new stone]] from the hills.');
    expect(mayBeAttributedLink(text, link)).toBe(false);
  });

  it('lets through a link whose cue lies in an earlier sentence, which its own sentence then rules out', () => {
    const { text, link } = linked('Officials said the count was late. Boats at anchor were counted by [[volunteers]] at dawn.');
    expect(mayBeAttributedLink(text, link)).toBe(true);
    expect(isAttributedLink(text, link, text.indexOf('Boats'))).toBe(false);
  });
});
