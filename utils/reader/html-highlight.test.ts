// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { blockText } from '../sources/read';
import { markPassages } from './html-highlight';
import type { Highlight } from './passages';

/** A container of `html`, and its text as the source reader makes it (what offsets refer to). */
function source(html: string) {
  const root = document.createElement('div');
  root.innerHTML = html;
  return { root, text: blockText(root) };
}

const at = (text: string, passage: string, kind: Highlight['kind'] = 'evidence', from = 0): Highlight => {
  const start = text.indexOf(passage, from);
  if (start === -1) throw new Error(`not in the text: ${passage}`);
  return { start, end: start + passage.length, kind };
};

const marked = (root: Element, kind: Highlight['kind']) =>
  [...root.querySelectorAll(`mark[data-kind="${kind}"]`)].map((m) => m.textContent).join('');

describe('markPassages', () => {
  it('marks a passage that runs across a link and an emphasis, each piece in its own mark', () => {
    const { root, text } = source(
      '<p>Intro words here.</p><p>Blocks lined with <a href="https://example.org/t">mature street trees</a> were up to <strong>4 degrees</strong> cooler.</p>',
    );
    const passage = 'Blocks lined with mature street trees were up to 4 degrees cooler.';
    const first = markPassages(root, text, [at(text, passage)]);
    expect(first?.textContent).toBe('Blocks lined with ');
    expect(marked(root, 'evidence')).toBe(passage);
    expect(root.querySelectorAll('mark').length).toBe(5);
    // The link and the emphasis are kept around their marked words.
    expect(root.querySelector('a mark')?.textContent).toBe('mature street trees');
    expect(root.querySelector('strong mark')?.textContent).toBe('4 degrees');
    expect(root.textContent).toBe('Intro words here.Blocks lined with mature street trees were up to 4 degrees cooler.');
  });

  it('marks a passage across two paragraphs and the line breaks inside one', () => {
    const { root, text } = source('<p>The first\n   paragraph ends here.</p>\n<p>The second one starts.</p><p>Not this.</p>');
    expect(text).toBe('The first paragraph ends here.\n\nThe second one starts.\n\nNot this.');
    markPassages(root, text, [at(text, 'ends here.\n\nThe second')]);
    expect([...root.querySelectorAll('mark')].map((m) => m.textContent)).toEqual(['ends here.', 'The second']);
  });

  it('picks the occurrence the offsets point at when the words appear twice', () => {
    const { root, text } = source('<p>The river rose.</p><p>Later that week the river rose.</p>');
    const second = at(text, 'the river rose.', 'evidence', 10);
    markPassages(root, text, [second]);
    const mark = root.querySelector('mark')!;
    expect(mark.parentElement?.textContent).toBe('Later that week the river rose.');
  });

  it('marks the best passage and each stated part in their own colours, the evidence winning an overlap', () => {
    const { root, text } = source('<ul><li>Oxygen stayed high.</li><li>Nitrates fell by a third.</li></ul><p>Birds nest along the <em>towpath</em>.</p>');
    const first = markPassages(root, text, [
      at(text, 'Nitrates fell by a third.'),
      at(text, 'Oxygen stayed high.', 'part'),
      at(text, 'Birds nest along the towpath.', 'part'),
      at(text, 'fell by', 'part'),
    ]);
    expect(first?.dataset.kind).toBe('evidence');
    expect(marked(root, 'evidence')).toBe('Nitrates fell by a third.');
    expect(marked(root, 'part')).toBe('Oxygen stayed high.Birds nest along the towpath.');
    expect(root.querySelector('ul > mark')).toBeNull();
  });

  it('opens a closed <details> that holds the passage', () => {
    const { root, text } = source('<details><summary>More</summary><p>The hidden figure is 42.</p></details>');
    markPassages(root, text, [at(text, 'The hidden figure is 42.')]);
    expect(root.querySelector('details')!.open).toBe(true);
  });

  it('leaves the HTML untouched and answers null when any passage is not in it', () => {
    const { root, text } = source('<p>Only this sentence is here.</p>');
    const before = root.innerHTML;
    const other = 'Only this sentence is here.\n\nA sentence the HTML lost.';
    expect(markPassages(root, other, [at(other, 'Only this sentence'), at(other, 'A sentence the HTML lost.', 'part')])).toBeNull();
    expect(root.innerHTML).toBe(before);
    expect(markPassages(root, text, [])).toBeNull();
  });
});
