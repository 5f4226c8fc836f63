// @vitest-environment jsdom
// jsdom, not happy-dom: happy-dom's Range.setEndAfter collapses the range, so an anchor over
// several elements cannot be read back there.
import { describe, expect, it } from 'vitest';
import { locateCitations } from '@/utils/extract';
import { parseHtml } from '../../tests/helpers/extract';

describe('adjacent links to one address', () => {
  it("anchor the claim over the whole merged link, not its first part, so the badge follows the link's end", () => {
    const html = `<article><p>The mayor noted that just last week the river patrol <a href="https://watch.example.org/r/5">closed</a><a href="https://watch.example.org/r/5"> three river crossings</a>.</p></article>`;
    const doc = parseHtml(html);
    const { citations, anchors } = locateCitations(doc, 'https://news.example.net/2024/patrol/');
    expect(citations.claims).toHaveLength(1);
    expect(anchors.get(citations.claims[0].id)?.toString()).toBe('closed three river crossings');
  });
});
