import { describe, expect, it } from 'vitest';
import { extractCitations, MAX_MARKERS, MAX_SOURCES } from '@/utils/extract';
import { parseHtml } from '../../tests/helpers/extract';

const url = 'https://example.org/hostile/';

describe('bounded work on hostile pages', () => {
  it(`takes at most ${MAX_MARKERS} markers and says so`, () => {
    const sentences = Array.from({ length: MAX_MARKERS + 150 }, (_, i) => `Statement number ${i} is here.[1]`).join(' ');
    const doc = parseHtml(`<p>${sentences}</p><h2>References</h2><ol><li><a href="https://a.example/1">One</a></li></ol>`);
    const page = extractCitations(doc, url);
    expect(page.claims).toHaveLength(MAX_MARKERS);
    expect(page.limits).toEqual({ markersCapped: true, sourcesCapped: false });
    expect(page.claims[MAX_MARKERS - 1].text).toBe(`Statement number ${MAX_MARKERS - 1} is here.`);
  });

  it(`takes at most ${MAX_SOURCES} sources and says so; markers past the cap make no claim`, () => {
    const items = Array.from({ length: MAX_SOURCES + 60 }, (_, i) => `<li><a href="https://s${i}.example/">Work ${i + 1}</a></li>`).join('');
    const doc = parseHtml(`<p>Early claim.[3] Late claim.[${MAX_SOURCES + 50}]</p><h2>Sources</h2><ol>${items}</ol>`);
    const page = extractCitations(doc, url);
    expect(page.sources).toHaveLength(MAX_SOURCES);
    expect(page.limits).toEqual({ markersCapped: false, sourcesCapped: true });
    expect(page.claims.map((c) => [c.text, c.sourceIds, c.unlinkedLabels])).toEqual([['Early claim.', ['s3'], []]]);
  });

  it('extracts from a deeply nested page', () => {
    const doc = parseHtml('<html><body></body></html>');
    let parent: Element = doc.body;
    // Deeper than any recursive walk over the call stack would like (happy-dom's own queries
    // recurse, so the depth stays within what they survive).
    for (let i = 0; i < 1500; i++) {
      const div = doc.createElement('div');
      parent.appendChild(div);
      parent = div;
    }
    const p = doc.createElement('p');
    p.textContent = 'Deep down, the claim holds.[1]';
    parent.appendChild(p);
    const page = extractCitations(doc, url);
    expect(page.claims.map((c) => [c.text, c.unlinkedLabels])).toEqual([['Deep down, the claim holds.', ['1']]]);
  });

  it('does not expand a hostile marker range into hundreds of labels', () => {
    const doc = parseHtml('<p>Everything is proven.[1–999]</p>');
    const page = extractCitations(doc, url);
    expect(page.claims[0].unlinkedLabels).toEqual(['1', '999']);
  });

  it('reads page text as text: markup-like text in a claim stays inert text', () => {
    const doc = parseHtml('<p>The tag &lt;img src=x onerror=alert(1)&gt; appeared in the report.[1]</p>');
    const page = extractCitations(doc, url);
    expect(page.claims[0].text).toBe('The tag <img src=x onerror=alert(1)> appeared in the report.');
    expect(doc.getElementsByTagName('img')).toHaveLength(0);
  });

  it('never takes a source-list link that is not http(s) for a URL: the work is blocked_scheme, its claim stays', () => {
    const doc = parseHtml(
      '<p>A claim.[1] Another.[2] Third.[3]</p><h2>References</h2><ol><li><a href="javascript:alert(1)">Bad</a></li><li><a href="https://ok.example/">Good</a></li><li><a href="data:text/html,x">Data</a> and <a href="file:///etc/passwd">file</a></li></ol>',
    );
    const page = extractCitations(doc, url);
    expect(page.sources.map((s) => [s.url, s.status, s.reason])).toEqual([
      ['', 'unavailable', 'blocked_scheme'],
      ['https://ok.example/', undefined, undefined],
      ['', 'unavailable', 'blocked_scheme'],
    ]);
    expect(page.claims.map((c) => [c.text, c.sourceIds])).toEqual([
      ['A claim.', ['s1']],
      ['Another.', ['s2']],
      ['Third.', ['s3']],
    ]);
    expect(JSON.stringify(page)).not.toMatch(/javascript:|data:text|file:/);
  });

  it('takes any other scheme for blocked_scheme too; contact links cite nothing', () => {
    const doc = parseHtml(
      '<p>Via ftp.[1] Mixed case.[2] A note.[3]</p><h2>References</h2><ol><li><a href="ftp://files.example/report.txt">Report</a></li><li><a href="JavaScript:void(0)">Odd</a></li><li>Write to <a href="mailto:desk@example.org">the desk</a>.</li></ol>',
    );
    const page = extractCitations(doc, url);
    expect(page.sources.map((s) => [s.url, s.status, s.reason])).toEqual([
      ['', 'unavailable', 'blocked_scheme'],
      ['', 'unavailable', 'blocked_scheme'],
    ]);
    expect(page.claims.map((c) => [c.text, c.sourceIds])).toEqual([
      ['Via ftp.', ['s1']],
      ['Mixed case.', ['s2']],
    ]);
    expect(JSON.stringify([page.claims, page.sources])).not.toMatch(/ftp:|mailto:/i);
  });

  it('judges a relative link by the page\'s address alone: a note with wiki links cites nothing, on a saved file as on the site', () => {
    const html = '<p>A term.[1]</p><h2>Notes</h2><ol><li>Also named after <a href="/wiki/Someone">Someone</a>.</li></ol>';
    for (const at of ['file:///home/reader/saved/article.html', 'https://wiki.example/wiki/Term']) {
      const page = extractCitations(parseHtml(html), at);
      expect(page.sources.filter((s) => s.reason === 'blocked_scheme')).toEqual([]);
    }
  });
});
