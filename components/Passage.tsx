import { markRuns } from './marks';

/** A source passage as text, with the words the matcher found in it marked. */
export function Passage({ text, matched }: { text: string; matched: readonly string[] }) {
  return (
    <blockquote class="cc-quote cc-passage" data-testid="passage">
      {markRuns(text, matched).map((run, i) => (run.marked ? <mark key={i}>{run.text}</mark> : run.text))}
    </blockquote>
  );
}
