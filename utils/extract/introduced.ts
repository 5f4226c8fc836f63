/**
 * What a lead-in ending in a colon introduces: the block right after it (a list, a definition
 * holding a formula, a quotation). Sentences never cross blocks, so a claim whose sentence runs on
 * into that block ("Berlin has partnership agreements with[18]:" and then a list of cities, "…
 * is defined as:[3]" and then a displayed formula) reads that block's text here.
 */
import { isSkippedElement } from './blocks';
import { formulaText } from './math';
import { normalizeSpace, sentenceStarts } from './text';

/** Longest passage taken for a lead-in that introduces it. */
const PASSAGE_CHARS = 300;

const PASSAGE_TAGS = new Set(['blockquote', 'ul', 'ol', 'dl']);

/**
 * The first sentence of the quotation or list right after a block that ends in a colon (the
 * quotation itself is never read as claims: it cites for someone else), at most PASSAGE_CHARS.
 */
export function introducedPassage(block: Element): string | undefined {
  const next = block.nextElementSibling;
  if (!next || !PASSAGE_TAGS.has(next.localName)) return undefined;
  const text = normalizeSpace(next.textContent ?? '').slice(0, PASSAGE_CHARS * 2);
  if (!text) return undefined;
  const starts = sentenceStarts(text);
  const first = text.slice(0, starts[1] ?? text.length).trim();
  return first.length <= PASSAGE_CHARS ? first : `${first.slice(0, PASSAGE_CHARS - 1).trimEnd()}…`;
}

/**
 * The list or definition a sentence runs on into after its colon, as a reader sees it: items
 * joined by semicolons, formulas as their text (math.ts), hidden copies and page furniture left
 * out; cut at an item's end past PASSAGE_CHARS (an ellipsis says so). The element is the one right
 * after the block (style sheets between are passed over), or the only element of a wrapper there
 * (MediaWiki's column <div>).
 */
export function introducedContinuation(block: Element): string | undefined {
  let next = block.nextElementSibling;
  while (next && (next.localName === 'style' || next.localName === 'link')) next = next.nextElementSibling;
  if (next && next.localName === 'div' && next.childElementCount === 1) next = next.firstElementChild;
  if (!next || !LIST_TAGS.has(next.localName)) return undefined;
  const items: string[] = [];
  let length = 0;
  for (const item of Array.from(next.children)) {
    if (!ITEM_TAGS.has(item.localName)) continue;
    const text = readable(item);
    if (!text) continue;
    if (length + text.length > PASSAGE_CHARS && items.length > 0) return `${items.join('; ')}; …`;
    items.push(text.length > PASSAGE_CHARS ? `${text.slice(0, PASSAGE_CHARS - 1).trimEnd()}…` : text);
    length += text.length + 2;
  }
  return items.length > 0 ? items.join('; ') : undefined;
}

const LIST_TAGS = new Set(['ul', 'ol', 'dl']);
const ITEM_TAGS = new Set(['li', 'dd', 'dt']);

/** An item's words as shown: text, formulas read as text, nothing hidden (bounded by PASSAGE_CHARS twice). */
export function readable(root: Element): string {
  const parts: string[] = [];
  let length = 0;
  const visit = (el: Element) => {
    for (let node = el.firstChild; node && length < PASSAGE_CHARS * 2; node = node.nextSibling) {
      if (node.nodeType === 3) {
        const data = (node as Text).data;
        parts.push(data);
        length += data.length;
      } else if (node.nodeType === 1) {
        const child = node as Element;
        const name = child.localName;
        const formula = name === 'math' || name === 'img' ? formulaText(child) : undefined;
        if (formula) {
          parts.push(` ${formula} `);
          length += formula.length;
        } else if (!hidden(child, name)) {
          visit(child);
        }
      }
    }
  };
  visit(root);
  return normalizeSpace(parts.join('')).replace(/\s+([.,;:])/g, '$1');
}

/** What the walk skips (blocks.ts), and markers: MediaWiki's `reference` superscripts, whose numbers are no words of the item. */
function hidden(el: Element, name: string): boolean {
  return isSkippedElement(el, name) || /(?:^|\s)reference(?:\s|$)/.test(el.getAttribute('class') ?? '');
}
