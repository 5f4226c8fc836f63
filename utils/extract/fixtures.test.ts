import { readdirSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractCitations, hasCitationHints, locateCitations, PageCitationsSchema } from '@/utils/extract';
import { fixtureDir, loadIntoWindow, parseHtml } from '../../tests/helpers/extract';

const names = readdirSync(fixtureDir).filter((n) => existsSync(path.join(fixtureDir, n, 'page.html')));

function load(name: string) {
  const dir = path.join(fixtureDir, name);
  const urlFile = path.join(dir, 'url.txt');
  const url = existsSync(urlFile) ? readFileSync(urlFile, 'utf8').trim() : `https://example.org/${name}/`;
  return {
    url,
    doc: parseHtml(readFileSync(path.join(dir, 'page.html'), 'utf8')),
    expected: JSON.parse(readFileSync(path.join(dir, 'expected.json'), 'utf8')),
  };
}

describe('golden extraction fixtures', () => {
  it('covers every citation style with at least two pages, plus pages without citations', () => {
    const styles = ['source-', 'wiki-references', 'numbered-footnotes', 'grouped-', 'inline-', 'bare-url-', 'answer-engine', 'jsonld-', 'no-citations-'];
    for (const prefix of ['source-', 'grouped-', 'inline-', 'bare-url-', 'answer-engine', 'jsonld-', 'no-citations-']) {
      expect(names.filter((n) => n.startsWith(prefix)).length, prefix).toBeGreaterThanOrEqual(2);
    }
    expect(names.filter((n) => styles.some((s) => n.startsWith(s))).length).toBe(names.length);
  });

  it.each(names)('%s: extraction matches expected.json', (name) => {
    const { url, doc, expected } = load(name);
    const result = extractCitations(doc, url);
    expect(PageCitationsSchema.parse(result)).toEqual(result);
    expect(result).toEqual(expected);
  });

  it.each(names)('%s: the cheap pre-check says yes exactly when there is something to cite', (name) => {
    const { doc, expected } = load(name);
    expect(hasCitationHints(doc)).toBe(expected.claims.length > 0);
  });

  it.each(names)('%s: each claim has a Range covering its markers, ending at the last one', (name) => {
    const { url } = load(name);
    const doc = loadIntoWindow(readFileSync(path.join(fixtureDir, name, 'page.html'), 'utf8'));
    const { citations, anchors } = locateCitations(doc, url);
    expect(citations).toEqual(load(name).expected);
    expect(anchors.size).toBe(citations.claims.length);
    for (const claim of citations.claims) {
      const range = anchors.get(claim.id)!;
      const covered = range.toString().replace(/\s+/g, ' ').trim();
      expect(covered.startsWith(claim.markers[0])).toBe(true);
      expect(covered.endsWith(claim.markers[claim.markers.length - 1])).toBe(true);
      for (const marker of claim.markers) expect(covered).toContain(marker);
    }
  });
});
