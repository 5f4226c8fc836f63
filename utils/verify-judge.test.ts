import { describe, expect, it } from 'vitest';
import type { PageCitations } from './extract/types';
import type { Claim, Report } from './report/schema';
import type { SourceLoader } from './sources/types';
import { verifyCitations } from './verify';

const TREES = 'Blocks lined with mature street trees were up to 4 degrees Celsius cooler in the afternoon than treeless blocks.';
const page: PageCitations = {
  url: 'http://127.0.0.1:8000/article.html',
  title: 'Article',
  claims: [{ id: 'c1', text: 'Street trees made blocks up to 4 degrees Celsius cooler.', markers: ['[Source 1]'], sourceIds: ['s1'], unlinkedLabels: [] }],
  sources: [{ id: 's1', label: 'Source 1', url: 'http://127.0.0.1:8000/s1.html', domain: '127.0.0.1' }],
  limits: { markersCapped: false, sourcesCapped: false },
};
const loader: SourceLoader = {
  async load(url) {
    return { ok: true, url, finalUrl: url, fetchedAt: '2026-01-01T00:00:00.000Z', fromCache: false, truncated: false, text: `${TREES}\n\nThe survey ran for two summers.` };
  },
};

describe('the pipeline with an on-device judge', () => {
  it('gives the word-match verdict first, finishes the report without waiting, then shows the judged claim', async () => {
    const updates: Report[] = [];
    let answer!: (claim: Claim | null) => void;
    const asked: Claim[] = [];
    const report = await verifyCitations(page, {
      loader,
      onUpdate: (r) => updates.push(r),
      judge: (claim) => {
        asked.push(claim);
        return new Promise((resolve) => (answer = resolve));
      },
    });
    // The report is done while the judge still thinks.
    expect(report.state).toBe('done');
    expect(report.claims[0]).toMatchObject({ judgedBy: 'words' });
    const wordVerdict = report.claims[0].verdict;
    expect(asked).toHaveLength(1);
    expect(asked[0]).toMatchObject({ id: 'c1', verdict: wordVerdict, judgedBy: 'words' });
    expect(asked[0].evidence[0].text).toContain('4 degrees Celsius cooler');
    const before = updates.length;
    answer({ ...asked[0], verdict: 'contradicted', judgedBy: 'fake model', quote: 'up to 4 degrees Celsius cooler', judgeReason: 'r' });
    await new Promise((r) => setTimeout(r, 0));
    expect(updates).toHaveLength(before + 1);
    expect(updates.at(-1)!.claims[0]).toMatchObject({ verdict: 'contradicted', judgedBy: 'fake model', quote: 'up to 4 degrees Celsius cooler' });
    expect(updates.at(-1)!.state).toBe('done');
  });

  it('leaves the verdict alone when the judge declines or fails, and is not held by one that never answers', async () => {
    for (const judge of [async () => null, async () => { throw new Error('broken'); }, () => new Promise<null>(() => undefined)]) {
      const updates: Report[] = [];
      const report = await verifyCitations(page, { loader, onUpdate: (r) => updates.push(r), judge });
      await new Promise((r) => setTimeout(r, 0));
      expect(report.state).toBe('done');
      expect(updates.at(-1)!.claims[0].judgedBy).toBe('words');
      expect(updates.at(-1)!.claims[0].verdict).toBe(report.claims[0].verdict);
    }
  });
});
