/**
 * What the card and an expanded popup row show about one claim: the sources it cites and what
 * became of each, the best passage with its marks, missing key words and conflicts, and a link
 * to the passage. Everything from the page or a source is rendered as text.
 *
 * An unavailable source shows its reason and never a score or a passage; an unlinked marker says
 * that it points at nothing, rather than pretending to have checked it.
 */
import type { Claim, Evidence, Source } from '../utils/report/schema';
import { evidenceLink, safeHttpUrl } from '../utils/report/links';
import { archiveNote, reasonText } from '../utils/report/reasons';
import { claimKind, isJudgement } from '../utils/report/verdicts';
import { kindMeaning } from './verdicts';
import { findQuote } from '../utils/judge/gate';
import { JudgeNote } from './JudgeNote';
import { Passage } from './Passage';
import { partsWords } from './parts-words';
import { AlertIcon } from './VerdictIcon';

export type SourceLookup = ReadonlyMap<string, Source>;

export function formatDate(value: string | undefined): string {
  if (!value) return '';
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'short', day: 'numeric' }).format(date);
}

function SourceItem({ source }: { source: Source }) {
  const href = safeHttpUrl(source.finalUrl ?? source.url);
  const meta = [source.label, source.domain, formatDate(source.published)].filter(Boolean).join(' · ');
  return (
    <li class="cc-source" data-source-id={source.id} data-status={source.status} data-testid="source">
      <span class="cc-source-title">{source.title || source.domain || source.url}</span>
      <span class="cc-source-meta">{meta}</span>
      {source.status === 'unavailable' || (source.status === 'pending' && source.cited !== false) ? (
        <span class="cc-reason" data-reason={source.reason ?? 'pending'} data-testid="reason">
          <AlertIcon />
          <span>{reasonText(source)}</span>
        </span>
      ) : null}
      {source.status === 'unavailable' && href ? (
        <a class="cc-link cc-source-open" href={href} target="_blank" rel="noopener noreferrer">
          Try the link yourself
        </a>
      ) : null}
      {source.readFrom === 'archive' ? (
        <p class="cc-note" data-testid="archived">
          {archiveNote(source)}: the original link is dead.
        </p>
      ) : null}
      {source.truncated ? <p class="cc-note">Only the first part of this source was read.</p> : null}
      {source.selfCitation ? <p class="cc-note">This source is on the article’s own site.</p> : null}
    </li>
  );
}

function EvidenceBlock({
  evidence,
  source,
  label,
  quote,
  onShow,
}: {
  evidence: Evidence;
  source?: Source;
  label: string;
  quote?: { start: number; end: number } | null;
  /** Opens Citecheck's reader view of the source at this passage. */
  onShow?: () => void;
}) {
  const href = source ? evidenceLink(source, evidence) : null;
  return (
    <div class="cc-evidence" data-testid="evidence">
      <p class="cc-label">
        {label}
        {evidence.page !== undefined ? (
          <span data-testid="passage-page">{`, page ${evidence.page}`}</span>
        ) : null}
      </p>
      <Passage text={evidence.text} matched={evidence.matched} quote={quote} />
      {evidence.missing.length ? (
        <p class="cc-missing" data-testid="missing">
          Not in the passage:{' '}
          {evidence.missing.map((word, i) => (
            <span class="cc-word" key={i}>
              {word}
            </span>
          ))}
        </p>
      ) : null}
      {evidence.conflicts.length ? (
        <ul class="cc-conflicts" data-testid="conflicts">
          {evidence.conflicts.map((conflict, i) => (
            // "differs: …" is a difference that did not decide the verdict: shown, but not as a contradiction.
            <li key={i} class={conflict.startsWith('differs: ') ? 'cc-differs' : undefined}>
              <AlertIcon />
              <span>{conflict}</span>
            </li>
          ))}
        </ul>
      ) : null}
      {onShow && source?.status === 'ok' ? (
        <p class="cc-note cc-open">
          <button type="button" class="cc-button cc-show-source" data-testid="show-in-citecheck" onClick={onShow}>
            Show in Citecheck
          </button>
        </p>
      ) : null}
      {href ? (
        <p class="cc-note cc-open">
          <a class="cc-link" href={href} target="_blank" rel="noopener noreferrer" data-testid="open-passage">
            {evidence.page !== undefined ? `Open the PDF at page ${evidence.page}` : 'Open source at this passage'}
          </a>
        </p>
      ) : null}
    </div>
  );
}

/**
 * A partly supported claim part by part: what the source states (each with its passage) and what
 * it does not; for any claim, the numbers, dates and names no source holds.
 */
function PartsBlock({ claim, sources, shown }: { claim: Claim; sources: SourceLookup; shown: readonly Evidence[] }) {
  const read = claim.sourceIds.filter((id) => sources.get(id)?.status === 'ok').length;
  const words = partsWords(claim.parts, claim.absent, read > 1);
  if (!words) return null;
  if (!words.byPart) {
    return (
      <p class="cc-parts-line cc-absent" data-testid="absent-line">
        {words.line}
      </p>
    );
  }
  // A part stated in a passage the card shows anyway is not shown twice.
  const isShown = (e: Evidence) => shown.some((s) => s.sourceId === e.sourceId && s.start === e.start && s.end === e.end);
  return (
    <div class="cc-parts" data-testid="parts">
      <p class="cc-label">Part by part</p>
      <p class="cc-parts-line" data-testid="parts-line">
        {words.line}
      </p>
      {words.stated.map((part, i) =>
        part.evidence && !isShown(part.evidence) ? (
          <div class="cc-part" key={i} data-testid="part-passage">
            <p class="cc-note">
              “{part.text}”{sources.get(part.evidence.sourceId) ? ` (${sources.get(part.evidence.sourceId)!.label})` : ''}:
            </p>
            <Passage text={part.evidence.text} matched={part.evidence.matched} />
          </div>
        ) : null,
      )}
    </div>
  );
}

export interface ClaimDetailsProps {
  claim: Claim;
  sources: SourceLookup;
  /** Show the claim's own text (the popup row already shows it). */
  showClaim?: boolean;
  /** How many passages to show, best first. */
  maxEvidence?: number;
  /** Set when the reader turned an on-device judge on: asks it about this claim again. */
  onAskJudge?: (claimId: string) => void;
  /** Opens the reader view of one of the claim's sources at its passage ("Show in Citecheck"). */
  onShowSource?: (claimId: string, sourceId: string) => void;
}

/** The passages to show, best first, with the one the judge quoted among them. */
function shownEvidence(claim: Claim, max: number): { evidence: Evidence; quote: { start: number; end: number } | null }[] {
  const found = claim.quote ? findQuote(claim.quote, claim.evidence) : null;
  const order = claim.evidence.map((_, i) => i);
  if (found && found.passage >= max) order.splice(max - 1, 0, ...order.splice(found.passage, 1));
  return order.slice(0, max).map((i) => ({
    evidence: claim.evidence[i],
    quote: found && found.passage === i ? { start: found.start, end: found.end } : null,
  }));
}

export function ClaimDetails({ claim, sources, showClaim = true, maxEvidence = 1, onAskJudge, onShowSource }: ClaimDetailsProps) {
  const cited = claim.sourceIds.map((id) => sources.get(id)).filter((s): s is Source => Boolean(s));
  const kind = claimKind(claim, sources);
  const judged = isJudgement(kind);
  const evidence = judged ? shownEvidence(claim, maxEvidence) : [];
  return (
    <div class="cc-details">
      <p class="cc-meaning" data-testid="meaning">
        {kindMeaning(kind)}
      </p>
      {showClaim ? (
        <div>
          <p class="cc-label">The claim, as read</p>
          <blockquote class="cc-quote" data-testid="claim-text">
            {claim.text}
          </blockquote>
        </div>
      ) : null}
      {claim.attribution && claim.attributionMatches === false ? (
        <p class="cc-reason" data-testid="attribution">
          <AlertIcon />
          <span>
            The claim names {claim.attribution}, which does not fit the cited source.
          </span>
        </p>
      ) : null}
      {claim.verdict === 'unlinked' ? (
        <p class="cc-reason" data-testid="reason" data-reason="unlinked">
          <AlertIcon />
          <span>
            {claim.markers.length ? `The marker ${claim.markers.join(' ')}` : 'This marker'} points at no source in
            the page’s list, so there is nothing to check.
          </span>
        </p>
      ) : null}
      {cited.length ? (
        <div>
          <p class="cc-label">{cited.length === 1 ? 'Source' : 'Sources'}</p>
          <ul class="cc-sources">
            {cited.map((source) => (
              <SourceItem key={source.id} source={source} />
            ))}
          </ul>
        </div>
      ) : null}
      {judged ? <JudgeNote claim={claim} onAskJudge={onAskJudge} /> : null}
      {judged && claim.verdict !== 'contradicted' ? <PartsBlock claim={claim} sources={sources} shown={evidence.map((e) => e.evidence)} /> : null}
      {evidence.map(({ evidence: item, quote }, i) => {
        const source = sources.get(item.sourceId);
        // With several sources cited, say which one the passage comes from.
        const from = cited.length > 1 && source ? ` (${source.label})` : '';
        return (
          <EvidenceBlock
            key={`${item.sourceId}:${item.start}`}
            evidence={item}
            quote={quote}
            source={source}
            onShow={onShowSource ? () => onShowSource(claim.id, item.sourceId) : undefined}
            label={`${quote ? 'The passage the model quoted' : i === 0 ? 'Best passage in the source' : 'Another passage'}${from}`}
          />
        );
      })}
      {judged && evidence.length === 0 ? (
        <p class="cc-note" data-testid="no-passage">
          No passage of the source comes close to the claim.
        </p>
      ) : null}
    </div>
  );
}
