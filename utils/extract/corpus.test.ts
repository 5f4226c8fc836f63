// @vitest-environment node
/**
 * Extraction on 127 real pages (Mozilla Readability's test pages, in /work/shared/corpus): never
 * throws, stays bounded, finds nothing where a page cites nothing, and on the three Wikipedia
 * pages finds the claims their reference markers make. Expected counts were taken by hand from
 * the pages' HTML (markers outside infoboxes and reference lists, grouped when adjacent, citing
 * an item that holds an external link), not from this code's output.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { JSDOM, VirtualConsole } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { extractCitations, locateCitations, MAX_SOURCES, PageCitationsSchema } from '@/utils/extract';
import { hasShared, sharedDir, skipNote } from '../../tests/helpers/extract';

const corpus = path.join(sharedDir, 'corpus/readability-pages');
const reason = skipNote('real-page corpus');

interface InventoryRow {
  page: string;
  bracketMarkers: number;
  supLinks: number;
}

function inventory(): InventoryRow[] {
  if (!hasShared) return [];
  const [header, ...rows] = readFileSync(path.join(corpus, 'inventory.tsv'), 'utf8').trim().split('\n');
  const cols = header.split('\t');
  const at = (name: string) => cols.indexOf(name);
  return rows
    .map((r) => r.split('\t'))
    .map((c) => ({ page: c[at('page')], bracketMarkers: Number(c[at('bracket_num_markers')]), supLinks: Number(c[at('sup_a')]) }))
    .filter((r) => existsSync(path.join(corpus, r.page, 'source.html')));
}

function open(page: string): { doc: Document; url: string; close: () => void } {
  const url = page.startsWith('wikipedia') ? `https://en.wikipedia.org/wiki/${page}` : `https://${page}.example.com/article`;
  // Real pages carry CSS jsdom cannot parse; that noise says nothing about extraction.
  const dom = new JSDOM(readFileSync(path.join(corpus, page, 'source.html'), 'utf8'), { url, virtualConsole: new VirtualConsole() });
  return { doc: dom.window.document, url, close: () => dom.window.close() };
}

/** Pages without any numbered marker where an attribution names a linked source (read by hand). */
const INLINE_ATTRIBUTIONS: Record<string, string[]> = {
  'bug-1255978': ['Quora'], // "according to answers posted on Quora"
  cnet: ['Business Insider'], // "according to a transcript reviewed by Business Insider"
  'nytimes-4': ['Tax Policy Center'], // "according to the Tax Policy Center"
  'quanta-1': ['An analysis of official U.S. labor statistics'], // "<a>An analysis …</a> shows that"
  'salon-1': ['Alexis Madrigal'], // "<a>Alexis Madrigal</a>reports, Uber has …"
  wikia: ['MakingStarWars.net'], // "According to fan site MakingStarWars.net"
};

/** Pages with bracketed numbers that are not citations, or citations without a source list. */
const MARKER_PAGES: Record<string, { claims: number; unlinked: number }> = {
  mercurial: { claims: 0, unlinked: 0 }, // "[6]" etc. inside a <pre> of command output
  'toc-missing': { claims: 0, unlinked: 0 }, // "[2]" inside SQL code
  'reordering-paragraphs': { claims: 3, unlinked: 3 }, // "[81]" three times, no reference list
};

/** Hand counts for the Wikipedia pages (see the module comment). */
const WIKIPEDIA: Record<string, { claims: number; sources: number; sourcesCapped: boolean }> = {
  wikipedia: { claims: 56, sources: 71, sourcesCapped: false },
  // 331 reference items hold an external link; only the first MAX_SOURCES are taken.
  'wikipedia-2': { claims: 217, sources: MAX_SOURCES, sourcesCapped: true },
  'wikipedia-3': { claims: 1, sources: 2, sourcesCapped: false },
};

const BLOCKS = new Set(['P', 'LI', 'DD', 'TD', 'TH', 'DIV', 'BODY']);

/** Text as a reader sees it: hidden elements (`display:none`) left out. */
function visibleText(node: Node): string {
  if (node.nodeType === 3) return (node as Text).data;
  if (node.nodeType !== 1 || /display\s*:\s*none/.test((node as Element).getAttribute('style') ?? '')) return '';
  return Array.from(node.childNodes).map(visibleText).join('');
}

/**
 * The text of the block before a boundary point. Built from siblings rather than with a second
 * Range: jsdom compares Range boundaries by walking the rest of the document.
 */
function textBefore(container: Node, offset: number): string {
  const parts: string[] = [];
  let node: Node | null;
  if (container.nodeType === 3) {
    parts.push((container as Text).data.slice(0, offset));
    node = container;
  } else {
    const kids = Array.from(container.childNodes).slice(0, offset);
    parts.push(kids.map(visibleText).join(''));
    if (BLOCKS.has((container as Element).tagName)) return parts.join('');
    node = container;
  }
  while (node && !(node.nodeType === 1 && BLOCKS.has((node as Element).tagName))) {
    for (let sib = node.previousSibling; sib; sib = sib.previousSibling) parts.unshift(visibleText(sib));
    node = node.parentNode;
  }
  return parts.join('');
}

const rows = inventory();

describe.skipIf(!hasShared)(`real pages (${hasShared ? corpus : reason})`, () => {
  it('has the pages the inventory lists', () => {
    expect(rows.length).toBeGreaterThanOrEqual(120);
  });

  // A hang guard, not a speed measurement (that is scripts/bench/extract.ts): generous enough for
  // a loaded machine, far below what a quadratic scan of a 1 MB page would take.
  const HANG_GUARD_MS = 15_000;

  it.each(rows.map((r) => [r.page, r] as const))('%s: extraction completes, validates and stays bounded', (page, row) => {
    const { doc, url, close } = open(page);
    const t0 = performance.now();
    const result = extractCitations(doc, url);
    const elapsed = performance.now() - t0;
    close();
    expect(PageCitationsSchema.safeParse(result).success).toBe(true);
    expect(elapsed).toBeLessThan(HANG_GUARD_MS);

    if (row.bracketMarkers === 0 && row.supLinks === 0) {
      const expected = INLINE_ATTRIBUTIONS[page] ?? [];
      expect(result.claims.map((c) => c.markers.join(' '))).toEqual(expected);
      for (const claim of result.claims) {
        const source = result.sources.find((s) => s.id === claim.sourceIds[0])!;
        expect(source.label).toBe(claim.markers[0]);
        expect(source.domain).not.toBe(new URL(url).hostname);
      }
    } else if (MARKER_PAGES[page]) {
      expect(result.claims).toHaveLength(MARKER_PAGES[page].claims);
      expect(result.claims.filter((c) => c.unlinkedLabels.length > 0 && c.sourceIds.length === 0)).toHaveLength(MARKER_PAGES[page].unlinked);
    }
  });

  it.each(Object.entries(WIKIPEDIA))('%s: a claim per reference-marker group, each ending at its marker, each source an external link of its item', (page, want) => {
    const { doc, url, close } = open(page);
    const { citations, anchors } = locateCitations(doc, url);
    expect(citations.claims).toHaveLength(want.claims);
    expect(citations.sources).toHaveLength(want.sources);
    expect(citations.limits.sourcesCapped).toBe(want.sourcesCapped);

    // Every href of an external link inside a reference item or a bibliography entry.
    const external = new Set<string>();
    for (const a of Array.from(doc.querySelectorAll('ol.references a.external, cite a.external'))) {
      external.add(new URL(a.getAttribute('href')!, url).href);
    }
    for (const source of citations.sources) {
      expect(source.domain).not.toMatch(/wikipedia\.org$/);
      expect(external.has(source.url) || (source.archiveUrl !== undefined && external.has(source.archiveUrl))).toBe(true);
    }

    // Claims drop trailing separators and keep closing punctuation: compare without either.
    const closing = /[\s.,;:!?…"'”’)\]–—-]+$/;
    for (const claim of citations.claims) {
      expect(claim.markers.every((m) => /^\[[^\]]+\]$/.test(m))).toBe(true);
      expect(claim.sourceIds.length).toBeGreaterThan(0);
      // The Range spans exactly the group's marker elements (read structurally: jsdom's
      // Range.toString walks the whole document for every text node).
      const range = anchors.get(claim.id)!;
      expect(range.startContainer).toBe(range.endContainer);
      const spanned = Array.from(range.startContainer.childNodes).slice(range.startOffset, range.endOffset);
      expect(spanned.map((n) => n.textContent ?? '').join('').replace(/\s+/g, '')).toBe(claim.markers.join('').replace(/\s+/g, ''));
      // The page text just before the marker ends with the claim.
      const tail = textBefore(range.startContainer, range.startOffset).replace(/\s+/g, ' ').replace(closing, '');
      const claimEnd = claim.text.replace(closing, '').slice(-25);
      expect(tail.endsWith(claimEnd), `${claim.id}: "${claimEnd}" vs "${tail.slice(-40)}"`).toBe(true);
    }
    close();
  });
});
