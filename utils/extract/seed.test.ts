import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractCitations, hasCitationHints } from '@/utils/extract';
import { markdownToHtml, parseSeed, seedToHtml } from '../../tests/helpers/seed-to-html';
import { parseHtml, sharedDir, skipNote } from '../../tests/helpers/extract';

const seedFile = path.join(sharedDir, 'seeds/000_ca19d410bcd32c7c.txt');
const present = existsSync(seedFile);
const reason = present ? '' : skipNote('seed article');

describe('seed renderer', () => {
  it('reads front matter keys and the sources list, and leaves the body', () => {
    const seed = parseSeed('---\ntitle: "A title"\nsources:\n  - "https://a.example/1"\n  - "https://b.example/2"\ndraft: false\n---\n\n## Head\n');
    expect(seed.meta).toEqual({ title: 'A title', draft: 'false' });
    expect(seed.sources).toEqual(['https://a.example/1', 'https://b.example/2']);
    expect(seed.body.trim()).toBe('## Head');
  });

  it('renders headings, lists, rules and paragraphs, escaping text', () => {
    const html = markdownToHtml('## Over <b>view</b>\n\n- one **bold**\n- two\n\n1. first\n\n---\n\nA [link](https://x.example/) and *it*.');
    expect(html).toBe(
      [
        '<h2>Over &lt;b&gt;view&lt;/b&gt;</h2>',
        '<ul>',
        '<li>one <strong>bold</strong></li>',
        '<li>two</li>',
        '</ul>',
        '<ol>',
        '<li>first</li>',
        '</ol>',
        '<hr>',
        '<p>A <a href="https://x.example/">link</a> and <em>it</em>.</p>',
      ].join('\n'),
    );
  });
});

describe.skipIf(!present)(`seed article 000 (${present ? seedFile : reason})`, () => {
  it('yields its four claims, each tied to the source its attribution names', () => {
    const doc = parseHtml(seedToHtml(readFileSync(seedFile, 'utf8')));
    expect(hasCitationHints(doc)).toBe(true);
    const page = extractCitations(doc, 'https://blog.example.org/2024/01/open-source-ai-landscape');
    expect(page.title).toBe('Analysis: The Evolving Open Source AI Landscape');
    expect(page.sources.map((s) => [s.id, s.label, s.domain])).toEqual([
      ['s1', 'Source 1', 'arxiv.org'],
      ['s2', 'Source 2', 'techcrunch.com'],
      ['s3', 'Source 3', 'nature.com'],
      ['s4', 'Source 4', 'wired.com'],
    ]);
    expect(page.claims.map((c) => ({ id: c.id, markers: c.markers, sourceIds: c.sourceIds, attribution: c.attribution, attributionMatches: c.attributionMatches }))).toEqual([
      { id: 'c1', markers: ['[Source 1]'], sourceIds: ['s1'], attribution: 'arxiv.org', attributionMatches: true },
      { id: 'c2', markers: ['[Source 2]'], sourceIds: ['s2'], attribution: 'techcrunch.com', attributionMatches: true },
      { id: 'c3', markers: ['[Source 3]'], sourceIds: ['s3'], attribution: 'nature.com', attributionMatches: true },
      { id: 'c4', markers: ['[Source 4]'], sourceIds: ['s4'], attribution: 'wired.com', attributionMatches: true },
    ]);
    expect(page.claims[0].text).toBe(
      'Academic researchers have documented a significant increase in the number of openly available AI models over the past year.',
    );
    expect(page.claims[3].text).toBe('Industry analysts observe growing adoption of open source AI in enterprise environments.');
    for (const claim of page.claims) {
      expect(claim.text).not.toMatch(/According to|\[Source/);
      expect(claim.unlinkedLabels).toEqual([]);
    }
  });
});
