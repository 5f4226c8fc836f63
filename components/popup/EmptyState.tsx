import type { ComponentChildren } from 'preact';

/** What the popup shows when the page has no citation Citecheck recognises. */
export const RECOGNISED_STYLES: readonly string[] = [
  'Numbered markers such as [1] or [12], with a References or Notes list holding the links',
  'Footnote superscripts that link to notes, as on Wikipedia',
  'Grouped markers such as [1][2] or [1, 3]',
  '[Source 2] markers with a Sources list',
  'Inline links named by an attribution: “according to Reuters”, “a study published in …”',
  'A References section of bare links at the end of a post',
];

export function EmptyState({ children }: { children?: ComponentChildren }) {
  return (
    <section class="empty" data-testid="empty" aria-labelledby="empty-title">
      <h2 id="empty-title">No cited claims found on this page</h2>
      <p>Citecheck looks for these citation styles:</p>
      <ul>
        {RECOGNISED_STYLES.map((style) => (
          <li key={style}>{style}</li>
        ))}
      </ul>
      {children}
    </section>
  );
}
