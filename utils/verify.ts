/**
 * The pipeline: citations found on a page → sources loaded → claims matched → a Report.
 *
 * Pure of browser APIs: the background worker and the command-line checker both run it, each
 * handing in its own source loader. It reports progress through `onUpdate` after every source,
 * so the badges and the popup fill in as sources arrive.
 *
 * Judgement calls:
 * - A claim is matched only once every source it cites has settled, so a verdict never flips
 *   from "unsupported" to "supported" as a late source arrives.
 * - A claim whose cited sources all failed is `unavailable` with score 0 and no evidence: the
 *   reader must see "could not check", never a low score.
 * - A source that no claim cites is listed but never fetched: it stays `pending` with
 *   `cited: false`.
 */
import { domainOf } from './extract/text';
import type { PageCitations } from './extract/types';
import { indexSource, matchClaim, type SourceIndex } from './match';
import type { Claim, Report, Source } from './report/schema';
import type { SourceLoader, SourceOutcome } from './sources/types';

export interface VerifyDeps {
  loader: SourceLoader;
  /** Re-check: bypass the source cache. */
  force?: boolean;
  /** Called with a fresh copy of the report after each source settles. */
  onUpdate?: (report: Report) => void;
  /** Decides the `selfCitation` flag. */
  isSelfCitation?: (sourceUrl: string, pageUrl: string) => boolean;
  now?: () => Date;
}

/** The report before any source has loaded: unlinked claims are final, the rest pending. */
export function initialReport(page: PageCitations, now: Date = new Date()): Report {
  const cited = new Set(page.claims.flatMap((c) => c.sourceIds));
  const sources: Source[] = page.sources.map((s) => ({
    ...s,
    domain: s.domain || domainOf(s.url),
    status: 'pending',
    ...(cited.has(s.id) ? {} : { cited: false }),
  }));
  const claims: Claim[] = page.claims.map(({ unlinkedLabels: _unlinked, ...c }) => ({
    ...c,
    verdict: c.sourceIds.length === 0 ? 'unlinked' : 'pending',
    score: 0,
    evidence: [],
  }));
  const report: Report = {
    url: page.url,
    title: page.title,
    checkedAt: now.toISOString(),
    claims,
    sources,
    state: 'running',
    limits: page.limits,
  };
  if (!claims.some((c) => c.verdict === 'pending')) report.state = 'done';
  return report;
}

function applyOutcome(source: Source, outcome: SourceOutcome, selfCitation: boolean): void {
  source.fetchedAt = outcome.fetchedAt;
  source.fromCache = outcome.fromCache;
  if (outcome.finalUrl && outcome.finalUrl !== source.url) source.finalUrl = outcome.finalUrl;
  if (selfCitation) source.selfCitation = true;
  if (outcome.ok) {
    source.status = 'ok';
    if (outcome.title && !source.title) source.title = outcome.title;
    if (outcome.byline) source.byline = outcome.byline;
    if (outcome.published) source.published = outcome.published;
    if (outcome.truncated) source.truncated = true;
  } else {
    source.status = 'unavailable';
    source.reason = outcome.reason;
    if (outcome.httpStatus !== undefined) source.httpStatus = outcome.httpStatus;
  }
}

/** Verifies every claim of a page; resolves with the finished report. */
export async function verifyCitations(page: PageCitations, deps: VerifyDeps): Promise<Report> {
  const now = deps.now ?? (() => new Date());
  const report = initialReport(page, now());
  const emit = () => deps.onUpdate?.(structuredClone(report));
  emit();
  if (report.state === 'done') return report;

  const sourceById = new Map(report.sources.map((s) => [s.id, s]));
  const indexes = new Map<string, SourceIndex>();
  const settled = new Set<string>();
  const textOf = page.claims;

  const judgeReadyClaims = () => {
    report.claims.forEach((claim, i) => {
      if (claim.verdict !== 'pending') return;
      if (!claim.sourceIds.every((id) => settled.has(id) || !sourceById.has(id))) return;
      const usable = claim.sourceIds.map((id) => indexes.get(id)).filter((x): x is SourceIndex => !!x);
      if (usable.length === 0) {
        claim.verdict = 'unavailable';
        claim.score = 0;
        claim.evidence = [];
        return;
      }
      const match = matchClaim(textOf[i].text, usable);
      claim.verdict = match.verdict;
      claim.score = match.score;
      claim.evidence = match.evidence;
    });
  };

  const toLoad = report.sources.filter((s) => s.cited !== false);
  await Promise.all(
    toLoad.map(async (source) => {
      let outcome: SourceOutcome;
      try {
        outcome = await deps.loader.load(source.url, { pageUrl: page.url, bypassCache: deps.force });
      } catch {
        // A loader is expected to map every failure to a reason; this is the last safety net.
        outcome = { ok: false, url: source.url, reason: 'network', fetchedAt: now().toISOString(), fromCache: false };
      }
      applyOutcome(source, outcome, deps.isSelfCitation?.(source.url, page.url) ?? false);
      if (outcome.ok && outcome.text.trim()) {
        indexes.set(source.id, indexSource(source.id, outcome.text));
      } else if (outcome.ok) {
        source.status = 'unavailable';
        source.reason = 'empty';
      }
      settled.add(source.id);
      judgeReadyClaims();
      emit();
    }),
  );
  judgeReadyClaims();
  report.state = 'done';
  report.checkedAt = now().toISOString();
  emit();
  return report;
}
