import { describe, expect, it } from 'vitest';
import { BLOCK_TAGS } from './config';
import { closestTag } from './dom';
import { blockTexts, hasCitationHints, type BlockSpans } from './hints';

/**
 * What blockTexts must give, read the slow way: each text node looks up through its ancestors
 * for its block (within 16 steps of its parent, else the root) and its link (within 8, counted
 * only inside the root and with an href); with `ownOnly` nested blocks, scripts and styles are not
 * entered.
 */
function blockTextsByLookup(root: Element, ownOnly: boolean, leaves: (link: Element) => boolean): Map<Element, BlockSpans> {
  const blocks = new Map<Element, BlockSpans>();
  const visit = (parent: Node) => {
    for (let node = parent.firstChild; node; node = node.nextSibling) {
      if (node.nodeType === 3) {
        const data = (node as Text).data.replace(/[\n\r\t\f]/g, ' ');
        const blockEl = closestTag(node.parentElement, BLOCK_TAGS, 16) ?? root;
        const block = blocks.get(blockEl) ?? { flat: '', outbound: new Map(), every: new Map() };
        blocks.set(blockEl, block);
        const link = closestTag(node.parentElement, new Set(['a']), 8);
        if (link && root.contains(link) && link.hasAttribute('href')) {
          const span = block.every.get(link) ?? { start: block.flat.length, end: block.flat.length };
          span.end = block.flat.length + data.length;
          block.every.set(link, span);
          if (leaves(link)) block.outbound.set(link, span);
        }
        block.flat += data;
      } else if (node.nodeType === 1) {
        const name = (node as Element).localName;
        if (ownOnly && (BLOCK_TAGS.has(name) || name === 'script' || name === 'style')) continue;
        visit(node);
      }
    }
  };
  visit(root);
  return blocks;
}

/** A small seeded generator, so that a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

const INLINE = ['span', 'a', 'a', 'em', 'b', 'nav', 'script', 'style'];
const BLOCKS = ['div', 'p', 'li', 'ul', 'section', 'h3'];

/** A random tree under `parent` of at most `budget.nodes` elements, deep enough in places to pass both lookup limits. */
function grow(doc: Document, parent: Element, next: () => number, depth: number, budget: { nodes: number; inline: number }): void {
  // Mostly one child, so that chains grow deep rather than wide.
  const children = next() < 0.6 ? 1 : 2 + Math.floor(next() * 2);
  for (let i = 0; i < children; i++) {
    if (next() < 0.25 || depth > 26 || --budget.nodes < 0) {
      parent.append(doc.createTextNode(`w${Math.floor(next() * 100)}${next() < 0.2 ? '\n' : ' '}`));
      continue;
    }
    const tags = next() < budget.inline ? INLINE : BLOCKS;
    const el = doc.createElement(tags[Math.floor(next() * tags.length)]);
    if (el.localName === 'a' && next() < 0.8) el.setAttribute('href', next() < 0.5 ? `https://x.example/${i}` : `#n${i}`);
    parent.append(el);
    // Long chains of inline elements, so that some text sits more than 16 steps below its block.
    grow(doc, el, next, depth + 1, budget);
  }
}

function shape(blocks: Map<Element, BlockSpans>): unknown[] {
  return [...blocks].map(([el, b]) => [el, b.flat, [...b.every].map(([l, s]) => [l, s.start, s.end]), [...b.outbound].map(([l, s]) => [l, s.start, s.end])]);
}

describe('blockTexts', () => {
  it('gives each block the text and links a lookup from every text node would give, on 400 generated trees', () => {
    const leaves = (link: Element) => (link.getAttribute('href') ?? '').startsWith('https:');
    let deep = 0;
    for (let seed = 1; seed <= 400; seed++) {
      const next = random(seed);
      document.body.replaceChildren();
      // The element read sits under a chain that may hold a link and blocks, near or far.
      let top: Element = document.body;
      for (let i = Math.floor(next() * 12); i > 0; i--) {
        const el = document.createElement(next() < 0.2 ? 'a' : next() < 0.3 ? 'div' : 'span');
        if (el.localName === 'a') el.setAttribute('href', 'https://around.example/');
        top.append(el);
        top = el;
      }
      const root = document.createElement(next() < 0.5 ? 'li' : 'div');
      top.append(root);
      // Some trees almost without blocks, so that text sits more than 16 steps below its block.
      grow(document, root, next, 0, { nodes: 120, inline: 0.6 + next() * 0.4 });
      if (root.querySelectorAll('*').length > 0 && [...root.querySelectorAll('*')].some((el) => closestTag(el, BLOCK_TAGS, 16) === null)) deep++;
      for (const ownOnly of [false, true]) {
        expect(shape(blockTexts(root, ownOnly, leaves)), `seed ${seed}, ownOnly ${ownOnly}`).toEqual(shape(blockTextsByLookup(root, ownOnly, leaves)));
      }
    }
    // The trees reach past the block lookup's limit, so that the fallback to the root is tested.
    expect(deep).toBeGreaterThan(20);
  });
});

describe('hasCitationHints on a wrapper block', () => {
  const page = (inner: string) => {
    document.body.innerHTML = inner;
    return document;
  };

  it('reads a <div>’s own text, not a script inside it', () => {
    expect(hasCitationHints(page('<div><script>// according to</script> <a href="https://agency.example/r">the agency</a> counts rose</div>'))).toBe(false);
    expect(hasCitationHints(page('<div><span>according to</span> <a href="https://agency.example/r">the agency</a> counts rose</div>'))).toBe(true);
  });

  it('reads a <div>’s own text, not the items of a list inside an inline element of it', () => {
    // Extraction takes "Counts per the county rose" as cited ("per" names the source), whatever the list says.
    expect(hasCitationHints(page('<div>Counts per <a href="https://county.example/r">the county</a> rose <span><ul><li>Study guide</li></ul></span></div>'))).toBe(true);
    expect(hasCitationHints(page('<div>A study per <a href="https://county.example/r">the county</a> rose</div>'))).toBe(true);
    // The item's "said" is a block of its own, not a verb after the link.
    expect(hasCitationHints(page('<div>Counts rose, <a href="https://county.example/r">the county</a><span><ul><li>said</li></ul></span></div>'))).toBe(false);
    expect(hasCitationHints(page('<div>Counts rose, <a href="https://county.example/r">the county</a><span> said</span></div>'))).toBe(true);
  });
});

describe('hasCitationHints, from the links', () => {
  const page = (inner: string) => {
    document.body.innerHTML = inner;
    return document;
  };
  const agency = 'https://agency.example/report';

  it('asks what extraction asks of a link, with or without a cue word elsewhere', () => {
    expect(hasCitationHints(page(`<p>Counts rose sharply last year, per <a href="${agency}">the county</a>.</p>`))).toBe(true);
    expect(hasCitationHints(page(`<p>Counts rose sharply last year, in <a href="${agency}">the county</a>.</p>`))).toBe(false);
  });

  it('passes over a link that is all its block says, and one in a quotation or a menu', () => {
    expect(hasCitationHints(page(`<ul><li><a href="${agency}">Reuters reported</a></li></ul>`))).toBe(false);
    expect(hasCitationHints(page(`<ul><li>Prices rose, <a href="${agency}">Reuters reported</a></li></ul>`))).toBe(true);
    expect(hasCitationHints(page(`<div><blockquote><b><a href="${agency}">Makali</a> wrote:</b> skins are a bad idea</blockquote></div>`))).toBe(false);
    expect(hasCitationHints(page(`<div><b><a href="${agency}">Makali</a> wrote:</b> skins are a bad idea</div>`))).toBe(true);
    expect(hasCitationHints(page(`<nav><p>Prices rose, <a href="${agency}">Reuters reported</a></p></nav>`))).toBe(false);
  });

  it('counts only links that leave the page', () => {
    expect(hasCitationHints(page('<p>Prices rose, according to <a href="#method">the method section</a>.</p>'))).toBe(false);
    expect(hasCitationHints(page('<p>Prices rose, according to <a href="javascript:void(0)">the agency</a>.</p>'))).toBe(false);
    expect(hasCitationHints(page(`<p>Prices rose, according to <a href="${agency}#table-2">the agency</a>.</p>`))).toBe(true);
  });

  it('finds a marker written in text in an item or a cell, not in code, a script or a link’s label', () => {
    expect(hasCitationHints(page('<ul><li>Rates rose by a third [2].</li></ul>'))).toBe(true);
    expect(hasCitationHints(page('<table><tr><td>Rates rose by a third [2]</td></tr></table>'))).toBe(true);
    expect(hasCitationHints(page('<p>Use <code>items[2]</code> for the third.</p>'))).toBe(false);
    expect(hasCitationHints(page('<p>Rates rose.</p><script>var a = "[2]";</script>'))).toBe(false);
    expect(hasCitationHints(page(`<ul><li><a href="${agency}">Go to content [1]</a></li></ul>`))).toBe(false);
    expect(hasCitationHints(page('<p>Rates rose by a third.<a href="#n2">[2]</a></p>'))).toBe(true);
  });
});
