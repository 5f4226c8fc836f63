import type { ComponentChildren } from 'preact';
import { markRuns } from './marks';

/**
 * A source passage as text, with the words the matcher found in it marked and, when the
 * on-device judge quoted it, the quoted span underlined as the judge's quote.
 */
export function Passage({ text, matched, quote }: { text: string; matched: readonly string[]; quote?: { start: number; end: number } | null }) {
  const words = (part: string, offset: number) =>
    markRuns(part, matched).map((run, i) => (run.marked ? <mark key={`${offset}:${i}`}>{run.text}</mark> : run.text));
  let body: ComponentChildren;
  if (quote && quote.start < quote.end && quote.end <= text.length) {
    body = [
      ...words(text.slice(0, quote.start), 0),
      <span class="cc-judge-quote" data-testid="judge-quote" key="quote">
        {words(text.slice(quote.start, quote.end), quote.start)}
      </span>,
      ...words(text.slice(quote.end), quote.end),
    ];
  } else body = words(text, 0);
  return (
    <blockquote class="cc-quote cc-passage" data-testid="passage">
      {body}
    </blockquote>
  );
}
