/**
 * Marks the claim's passages inside a source's sanitised HTML.
 *
 * The passages are offsets into the source's text (blocks joined by blank lines, whitespace
 * collapsed), not into its markup, so each is found again by its words: the HTML's text nodes are
 * walked into one string with whitespace collapsed and a space at every block's edge, the passage's
 * words are looked up in it (the occurrence nearest to where the offsets put it), and each text
 * node the match crosses gets its own `<mark>`, so a passage that runs across a link, an emphasis or
 * two paragraphs is marked whole. When any passage cannot be found, nothing is marked and the
 * caller shows the plain text instead: a passage is never silently left out.
 */
import { BLOCK_TAGS } from '../sources/blocks';
import { mergeHighlights, type Highlight } from './passages';

/** Where a container's text sits, with whitespace collapsed. */
interface TextIndex {
  /** The collapsed text. */
  text: string;
  /** For each character of `text`: the text node it is in (an index into `nodes`), or -1 for a space we made. */
  node: Int32Array;
  /** For each character: its offset inside that node. */
  offset: Int32Array;
  nodes: Text[];
}

/** Containers in which a whitespace-only text node is layout, never a word gap: not marked. */
const NO_INLINE_CHILDREN = new Set(['TABLE', 'THEAD', 'TBODY', 'TFOOT', 'TR', 'UL', 'OL', 'DL', 'COLGROUP']);

const SPACE = /\s/;

const isBlockOrEdge = (node: Node | null) => !node || (node.nodeType === 1 && BLOCK_TAGS.has((node as Element).tagName.toUpperCase()));

/** Whitespace between blocks, or in a table or list, is layout: never a gap between marked words. */
function isLayoutWhitespace(text: Text): boolean {
  if (text.data.trim()) return false;
  const parent = text.parentElement;
  return !parent || NO_INLINE_CHILDREN.has(parent.tagName.toUpperCase()) || isBlockOrEdge(text.previousSibling) || isBlockOrEdge(text.nextSibling);
}

function indexText(root: Node): TextIndex {
  const chars: string[] = [];
  const node: number[] = [];
  const offset: number[] = [];
  const nodes: Text[] = [];
  let pendingSpace = false;
  const breakHere = () => {
    if (chars.length) pendingSpace = true;
  };
  const doc = root.ownerDocument ?? (root as Document);
  const walker = doc.createTreeWalker(root, 0x1 | 0x4 /* elements and text */);
  // Block edges: a block's start is seen on entering it; its end when the walk leaves it.
  const open: Node[] = [];
  for (let current = walker.nextNode(); current; current = walker.nextNode()) {
    while (open.length && !open[open.length - 1].contains(current)) {
      open.pop();
      breakHere();
    }
    if (current.nodeType === 1) {
      if (BLOCK_TAGS.has((current as Element).tagName.toUpperCase())) {
        breakHere();
        open.push(current);
      }
      continue;
    }
    const text = (current as Text).data;
    const at = nodes.push(current as Text) - 1;
    for (let i = 0; i < text.length; i++) {
      const ch = text[i];
      if (SPACE.test(ch)) {
        if (chars.length) pendingSpace = true;
        continue;
      }
      if (pendingSpace) {
        chars.push(' ');
        node.push(-1);
        offset.push(-1);
        pendingSpace = false;
      }
      chars.push(ch);
      node.push(at);
      offset.push(i);
    }
  }
  return { text: chars.join(''), node: Int32Array.from(node), offset: Int32Array.from(offset), nodes };
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** The occurrence of `needle` in `haystack` nearest to `near`, or -1. */
function nearestOccurrence(haystack: string, needle: string, near: number): number {
  let best = -1;
  for (let at = haystack.indexOf(needle), seen = 0; at !== -1 && seen < 10_000; at = haystack.indexOf(needle, at + 1), seen++) {
    if (best === -1 || Math.abs(at - near) < Math.abs(best - near)) best = at;
    if (at > near) break;
  }
  return best;
}

/**
 * Wraps each highlight's words in `<mark data-kind=…>` inside `root`. Returns the first mark of the
 * best passage (or of any passage), or null, leaving `root` untouched, when any highlight's words
 * are not in it. `sourceText` is the text the offsets refer to.
 */
export function markPassages(root: Node, sourceText: string, highlights: readonly Highlight[]): HTMLElement | null {
  const merged = mergeHighlights(sourceText.length, highlights);
  if (merged.length === 0) return null;
  const index = indexText(root);
  const found: Array<{ start: number; end: number; kind: Highlight['kind'] }> = [];
  for (const h of merged) {
    const words = collapse(sourceText.slice(h.start, h.end));
    if (!words) continue;
    const near = collapse(sourceText.slice(0, h.start)).length + (h.start > 0 ? 1 : 0);
    const at = nearestOccurrence(index.text, words, near);
    if (at === -1) return null;
    found.push({ start: at, end: at + words.length, kind: h.kind });
  }
  // From the last to the first: splitting a text node keeps its head as the same node, so the
  // positions of every earlier match stay valid.
  const ranges = mergeHighlights(index.text.length, found).reverse();
  const doc = root.ownerDocument ?? (root as Document);
  const firstOfKind = new Map<Highlight['kind'], HTMLElement>();
  for (const range of ranges) {
    const firstNode = index.node[range.start];
    const lastNode = index.node[range.end - 1];
    for (let n = lastNode; n >= firstNode; n--) {
      const text = index.nodes[n];
      const from = n === firstNode ? index.offset[range.start] : 0;
      const to = n === lastNode ? index.offset[range.end - 1] + 1 : text.data.length;
      if (to <= from) continue;
      if (!text.data.slice(from, to).trim() && isLayoutWhitespace(text)) continue;
      if (to < text.data.length) text.splitText(to);
      const piece = from > 0 ? text.splitText(from) : text;
      const mark = doc.createElement('mark');
      mark.dataset.kind = range.kind;
      mark.dataset.testid = range.kind === 'evidence' ? 'reader-passage' : 'reader-part';
      piece.replaceWith(mark);
      mark.appendChild(piece);
      // A passage inside a closed <details> would be marked and unseen.
      for (let box = mark.closest('details'); box; box = box.parentElement?.closest('details') ?? null) box.open = true;
      firstOfKind.set(range.kind, mark);
    }
  }
  return firstOfKind.get('evidence') ?? firstOfKind.get('part') ?? null;
}
