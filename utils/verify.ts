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
 * - What is fetched, and when, is the scheduler's (utils/scheduler.ts): `startVerification` hands
 *   it the page and passes on the reader's viewport and requests; `verifyCitations` asks for all.
 * - A claim nobody asked for yet, where pages are not checked automatically, is `unchecked`; once
 *   asked for (or the page turns automatic) it is `pending` until its sources settle.
 * - A PDF passage carries the page it starts on (`Evidence.page`), from the page offsets the
 *   reader kept; a source read from its archived copy says so (`readFrom`, `archivedAt`).
 */
import { domainOf } from './extract/text';
import type { PageCitations } from './extract/types';
import { indexSource, matchClaim, type SourceIndex } from './match';
import type { Claim, Report, Source } from './report/schema';
import { pageAt } from './sources/pdf';
import type { SourceLoader, SourceOutcome } from './sources/types';
import { MAX_REQUESTS_PER_HOST, MAX_REQUESTS_TOTAL } from './sources/limits';
import { createScheduler } from './scheduler';

export interface VerifyDeps {
  loader: SourceLoader;
  /** Re-check: bypass the source cache. */
  force?: boolean;
  /** Called with a fresh copy of the report after each source settles. */
  onUpdate?: (report: Report) => void;
  /** Decides the `selfCitation` flag. */
  isSelfCitation?: (sourceUrl: string, pageUrl: string) => boolean;
  now?: () => Date;
  /**
   * The on-device judge (utils/judge), asked about each claim once its word-match verdict is out:
   * resolves with the judged claim, or null to keep the verdict. It never holds up the report.
   */
  judge?: (claim: Claim, sources: readonly Source[]) => Promise<Claim | null>;
}

export interface VerificationOptions extends VerifyDeps {
  /** Fetch visible claims and a look-ahead unasked (true), or only what is asked for (false). */
  automatic: boolean;
  /** The claims in and near view when the check starts. */
  viewport?: { inView: readonly string[]; nearView: readonly string[] };
  /** Claims asked for before this check started (a resumed check keeps them). */
  requested?: readonly string[];
  /** Every claim was asked for ("Check this page") before this check started. */
  everything?: boolean;
  /** Sources fetched ahead of what the reader has seen (the scheduler's default otherwise). */
  lookAhead?: number;
}

/**
 * The report before any source has loaded: unlinked claims are final, the rest pending (or
 * `unchecked` when the page is not checked automatically).
 */
export function initialReport(page: PageCitations, now: Date = new Date(), automatic = true): Report {
  const cited = new Set(page.claims.flatMap((c) => c.sourceIds));
  const sources: Source[] = page.sources.map((s) => ({
    ...s,
    domain: s.domain || domainOf(s.url),
    // Extraction already knows some works cannot be fetched (no link, a blocked scheme).
    status: s.status ?? 'pending',
    ...(cited.has(s.id) ? {} : { cited: false }),
  }));
  const claims: Claim[] = page.claims.map(({ unlinkedLabels: _unlinked, ...c }) => ({
    ...c,
    verdict: c.sourceIds.length === 0 ? 'unlinked' : automatic ? 'pending' : 'unchecked',
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
    if (outcome.pageCount) source.pageCount = outcome.pageCount;
    if (outcome.readFrom === 'archive') {
      source.readFrom = 'archive';
      if (outcome.archiveUrl) source.archiveUrl = outcome.archiveUrl;
      if (outcome.archivedAt) source.archivedAt = outcome.archivedAt;
    }
  } else {
    source.status = 'unavailable';
    source.reason = outcome.reason;
    if (outcome.httpStatus !== undefined) source.httpStatus = outcome.httpStatus;
  }
}

/** Verifies every claim of a page; resolves with the finished report. */
export async function verifyCitations(page: PageCitations, deps: VerifyDeps): Promise<Report> {
  const verification = startVerification(page, { ...deps, automatic: true });
  verification.requestAll();
  return verification.done;
}

/**
 * Starts checking a page: the report so far at once (through `onUpdate`), then a new copy after
 * each source settles. `done` resolves once no claim is pending, which in automatic mode may wait
 * for the reader to scroll (or for `requestAll`).
 */
export function startVerification(page: PageCitations, deps: VerificationOptions) {
  const now = deps.now ?? (() => new Date());
  const report = initialReport(page, now(), deps.automatic);
  const emit = () => deps.onUpdate?.(structuredClone(report));

  const sourceById = new Map(report.sources.map((s) => [s.id, s]));
  const indexes = new Map<string, SourceIndex>();
  // Works extraction found unfetchable are settled from the start and never loaded.
  const settled = new Set(report.sources.filter((s) => s.status === 'unavailable').map((s) => s.id));
  /** PDFs: where each page starts in the source's text. */
  const pageStarts = new Map<string, number[]>();
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
      const withPage = <E extends { sourceId: string; start: number }>(evidence: E): E => {
        const pages = pageStarts.get(evidence.sourceId);
        return pages ? { ...evidence, page: pageAt(pages, evidence.start) } : evidence;
      };
      claim.evidence = match.evidence.map(withPage);
      if (match.parts) claim.parts = match.parts.map((part) => (part.evidence ? { ...part, evidence: withPage(part.evidence) } : part));
      if (match.absent) claim.absent = match.absent;
      claim.judgedBy = 'words';
      if (deps.judge) judgeLater(i);
    });
  };

  // The word-match verdict is out and shown; the judge's answer, if it passes the gate, replaces
  // it later, unless the claim was matched again meanwhile.
  const judgeLater = (i: number) => {
    const asked = structuredClone(report.claims[i]);
    deps.judge!(asked, structuredClone(report.sources)).then(
      (judged) => {
        if (!judged || report.claims[i].judgedBy !== 'words' || report.claims[i].verdict !== asked.verdict) return;
        report.claims[i] = judged;
        emit();
      },
      () => undefined,
    );
  };

  let finish: (report: Report) => void = () => undefined;
  const done = new Promise<Report>((resolve) => (finish = resolve));
  /**
   * Running while any claim waits for its sources; done (for now) otherwise. A progress update
   * goes out as running, and the finished report after it, as its own update.
   */
  const settle = (progress = false) => {
    judgeReadyClaims();
    const waiting = report.claims.some((c) => c.verdict === 'pending');
    if (waiting) {
      report.state = 'running';
      return;
    }
    if (progress) emit();
    if (report.state !== 'done') report.checkedAt = now().toISOString();
    report.state = 'done';
    if (!report.claims.some((c) => c.verdict === 'unchecked')) finish(structuredClone(report));
  };

  // One fetch per URL: sources listed twice share it.
  const toLoad = report.sources.filter((s) => s.cited !== false && s.status !== 'unavailable');
  const sourcesByUrl = new Map<string, Source[]>();
  for (const source of toLoad) sourcesByUrl.set(source.url, [...(sourcesByUrl.get(source.url) ?? []), source]);

  const load = async (url: string) => {
    let outcome: SourceOutcome;
    try {
      // A copy the page gives for a dead original (the first of the sources listed with this URL).
      const archiveUrl = sourcesByUrl.get(url)?.find((s) => s.archiveUrl)?.archiveUrl;
      outcome = await deps.loader.load(url, { pageUrl: page.url, bypassCache: deps.force, ...(archiveUrl ? { archiveUrl } : {}) });
    } catch {
      // A loader is expected to map every failure to a reason; this is the last safety net.
      outcome = { ok: false, url, reason: 'network', fetchedAt: now().toISOString(), fromCache: false };
    }
    for (const source of sourcesByUrl.get(url) ?? []) {
      applyOutcome(source, outcome, deps.isSelfCitation?.(source.url, page.url) ?? false);
      if (outcome.ok && outcome.text.trim()) {
        indexes.set(source.id, indexSource(source.id, outcome.text));
        if (outcome.pages?.length) pageStarts.set(source.id, outcome.pages);
      } else if (outcome.ok) {
        source.status = 'unavailable';
        source.reason = 'empty';
      }
      settled.add(source.id);
    }
    settle(true);
    emit();
  };

  const urlsOf = (ids: string[]) => [...new Set(ids.map((id) => sourceById.get(id)).filter((s) => s && s.cited !== false).map((s) => s!.url))];
  const scheduler = createScheduler({
    claims: report.claims.map((c) => ({ id: c.id, keys: urlsOf(c.sourceIds) })),
    sources: [...sourcesByUrl.keys()].map((url) => ({ key: url, host: hostOf(url) })),
    start: load,
    automatic: deps.automatic,
    perHost: MAX_REQUESTS_PER_HOST,
    total: MAX_REQUESTS_TOTAL,
    lookAhead: deps.lookAhead,
  });

  /** Claims that were unchecked and are now wanted become pending. */
  const markWanted = (ids?: readonly string[]) => {
    let changed = false;
    for (const claim of report.claims) {
      if (claim.verdict !== 'unchecked') continue;
      if (ids ? !ids.includes(claim.id) : !scheduler.wanted(claim.id)) continue;
      claim.verdict = 'pending';
      changed = true;
    }
    if (changed) {
      settle();
      emit();
    }
  };

  settle();
  emit();
  for (const id of deps.requested ?? []) scheduler.requestClaim(id);
  markWanted(deps.requested ?? []);
  if (deps.everything) {
    scheduler.requestAll();
    markWanted();
  }
  // The first loads wait for the viewport when it is known, so the budget is not spent on the top.
  if (deps.viewport) scheduler.viewport(deps.viewport.inView, deps.viewport.nearView);
  else scheduler.kick();

  return {
    done,
    viewport(inView: readonly string[], nearView: readonly string[]) {
      scheduler.viewport(inView, nearView);
    },
    /** Checks one claim now, whatever the mode. */
    requestClaim(claimId: string) {
      scheduler.requestClaim(claimId);
      markWanted([claimId]);
    },
    /** Checks every claim left. */
    requestAll() {
      scheduler.requestAll();
      markWanted();
    },
    setAutomatic(automatic: boolean) {
      scheduler.setAutomatic(automatic);
      if (automatic) markWanted();
    },
    stop() {
      scheduler.stop();
    },
    /** Claims the reader asked for while the page was not automatic (kept when a check resumes). */
    requested(): string[] {
      return report.claims.filter((c) => c.verdict !== 'unchecked' && c.verdict !== 'unlinked').map((c) => c.id);
    },
    stats: () => scheduler.stats(),
  };
}
export type Verification = ReturnType<typeof startVerification>;

function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}
