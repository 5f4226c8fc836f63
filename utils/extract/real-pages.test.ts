// @vitest-environment node
/**
 * Extraction on real saved pages with hand-checked labels: the pages of
 * ../shared/corpus/real-citations (labels beside them) and the three Wikipedia pages of
 * ../shared/corpus/readability-pages (labels kept in tests/fixtures/real-labels). Prints a table
 * per page and fails under the targets: 97 % of labelled claims found, 95 % with a clean boundary,
 * 97 % tied to the right source, 95 % of the links that are not citations left alone.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { JSDOM, VirtualConsole } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { extractCitations, hasCitationHints, PageCitationsSchema } from '@/utils/extract';
import { hasShared, repoRoot, sharedDir, skipNote } from '../../tests/helpers/extract';
import { misses, readLabels, scorePage, scoreTable, totals, type PageScore } from '../../tests/helpers/real-labels';

const realDir = path.join(sharedDir, 'corpus/real-citations');
const readabilityDir = path.join(sharedDir, 'corpus/readability-pages');
const ownLabels = path.join(repoRoot, 'tests/fixtures/real-labels');
const mustRun = process.env.CI === 'true';
const reason = skipNote('real-page labels');

interface LabelledPage {
  name: string;
  html: string;
  url: string;
  labels: string;
}

function pages(): LabelledPage[] {
  if (!hasShared) return [];
  const found: LabelledPage[] = [];
  for (const name of readdirSync(realDir).sort()) {
    const dir = path.join(realDir, name);
    if (!existsSync(path.join(dir, 'expected.json'))) continue;
    found.push({ name, html: path.join(dir, 'source.html'), url: readFileSync(path.join(dir, 'url.txt'), 'utf8').trim(), labels: path.join(dir, 'expected.json') });
  }
  for (const name of existsSync(ownLabels) ? readdirSync(ownLabels).sort() : []) {
    const labels = path.join(ownLabels, name, 'expected.json');
    if (!existsSync(labels)) continue;
    const url = readFileSync(path.join(ownLabels, name, 'url.txt'), 'utf8').trim();
    found.push({ name, html: path.join(readabilityDir, name, 'source.html'), url, labels });
  }
  return found;
}

function score(page: LabelledPage): PageScore {
  const dom = new JSDOM(readFileSync(page.html, 'utf8'), { url: page.url, virtualConsole: new VirtualConsole() });
  try {
    const result = extractCitations(dom.window.document, page.url);
    expect(PageCitationsSchema.safeParse(result).success).toBe(true);
    // The cheap pre-check never says no where extraction finds a claim.
    if (result.claims.length > 0) expect(hasCitationHints(dom.window.document), `${page.name}: pre-check`).toBe(true);
    return scorePage(readLabels(page.labels), result);
  } finally {
    dom.window.close();
  }
}

describe.skipIf(!hasShared && !mustRun)(`real pages with labels (${hasShared ? realDir : reason})`, () => {
  it('the labelled pages are there', () => {
    expect(hasShared, `${sharedDir} is required when CI=true`).toBe(true);
    const names = pages().map((p) => p.name);
    expect(names.length).toBeGreaterThanOrEqual(12);
    for (const name of ['wikipedia', 'wikipedia-2', 'wikipedia-3']) expect(names).toContain(name);
  });

  it('readability Wikipedia pages (own labels): found ≥ 97 %, clean ≥ 95 %, right source ≥ 97 %, not_claims left ≥ 95 %', () => {
    const scores = pages().filter((p) => p.labels.startsWith(ownLabels)).map(score);
    const t = totals(scores);
    console.log(`\nreadability Wikipedia pages\n${scoreTable(scores)}\n${misses(scores).join('\n')}`);
    expect(scores.map((s) => s.page)).toEqual(['wikipedia', 'wikipedia-2', 'wikipedia-3']);
    expect(scores.filter((s) => s.page !== 'wikipedia-3').every((s) => s.claims.length >= 40)).toBe(true);
    expect(t.found / t.claims).toBeGreaterThanOrEqual(0.97);
    expect(t.clean / t.claims).toBeGreaterThanOrEqual(0.95);
    expect(t.rightSource / t.claims).toBeGreaterThanOrEqual(0.97);
    expect(t.notClaimsLeft / t.notClaims).toBeGreaterThanOrEqual(0.95);
  });

  it('real-citations: found ≥ 97 %, clean ≥ 95 %, right source ≥ 97 %, not_claims left ≥ 95 %', () => {
    const scores = pages().filter((p) => !p.labels.startsWith(ownLabels)).map(score);
    const t = totals(scores);
    console.log(`\nreal-citations\n${scoreTable(scores)}\n${misses(scores).join('\n')}`);
    expect(t.claims).toBeGreaterThan(0);
    expect(t.found / t.claims).toBeGreaterThanOrEqual(0.97);
    expect(t.clean / t.claims).toBeGreaterThanOrEqual(0.95);
    expect(t.rightSource / t.claims).toBeGreaterThanOrEqual(0.97);
    expect(t.notClaimsLeft / t.notClaims).toBeGreaterThanOrEqual(0.95);
  });
});
