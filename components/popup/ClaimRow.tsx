import { useEffect, useRef } from 'preact/hooks';
import type { Claim } from '../../utils/report/schema';
import { claimKind } from '../../utils/report/verdicts';
import { ClaimDetails, type SourceLookup } from '../ClaimDetails';
import { sourceName } from '../labels';
import { hasScore, ScoreBar } from '../ScoreBar';
import { VerdictChip } from '../VerdictChip';

export interface ClaimRowProps {
  claim: Claim;
  position: number;
  sources: SourceLookup;
  expanded: boolean;
  onActivate: (claimId: string) => void;
  onShowSource?: (claimId: string, sourceId: string) => void;
}

function sourcesLine(claim: Claim, sources: SourceLookup): string {
  if (claim.sourceIds.length === 0) return claim.markers.join(' ') || 'No source';
  return claim.sourceIds
    .map((id) => {
      const source = sources.get(id);
      if (!source) return sourceName(id);
      return source.domain ? `${source.label} · ${source.domain}` : source.label;
    })
    .join(', ');
}

/** One claim in the popup: a button that expands it and shows its marker in the page. */
export function ClaimRow({ claim, position, sources, expanded, onActivate, onShowSource }: ClaimRowProps) {
  const detailsId = `details-${claim.id}`;
  const kind = claimKind(claim, sources);
  const item = useRef<HTMLLIElement>(null);
  // An opened row brings its details into view; the list would otherwise hide them below the fold.
  useEffect(() => {
    if (expanded) item.current?.scrollIntoView?.({ block: 'nearest' });
  }, [expanded]);
  return (
    <li ref={item} class="row" data-testid="claim-row" data-claim-id={claim.id} data-verdict={kind} data-expanded={expanded ? 'true' : 'false'}>
      <button
        type="button"
        class="row-main"
        aria-expanded={expanded ? 'true' : 'false'}
        aria-controls={detailsId}
        onClick={() => onActivate(claim.id)}
      >
        <span class="row-top">
          <VerdictChip verdict={kind} />
          {hasScore(kind) ? <ScoreBar score={claim.score} verdict={kind} /> : null}
          <span class="row-pos">
            <span class="cc-visually-hidden">Claim </span>
            <span aria-hidden="true">#</span>
            {position}
          </span>
        </span>
        <span class={expanded ? 'row-text' : 'row-text clamp'}>{claim.text}</span>
        <span class="row-sources">{sourcesLine(claim, sources)}</span>
      </button>
      {expanded ? (
        <div class="row-details" id={detailsId} data-testid="claim-details">
          <ClaimDetails claim={claim} sources={sources} showClaim={false} maxEvidence={3} onShowSource={onShowSource} />
        </div>
      ) : null}
    </li>
  );
}
