/** Small reports for the interface tests, written for these tests. */
import type { Claim, Evidence, Report, Source, Verdict } from '../../utils/report/schema';
import type { UnavailableReason } from '../../utils/sources/types';
import { isJudgement } from '../../utils/report/verdicts';

export function source(id: string, overrides: Partial<Source> = {}): Source {
  const n = id.replace(/\D/g, '') || '1';
  return {
    id,
    label: `Source ${n}`,
    url: `https://news${n}.example/story`,
    domain: `news${n}.example`,
    title: `Story number ${n}`,
    status: 'ok',
    ...overrides,
  };
}

export function evidence(sourceId: string, overrides: Partial<Evidence> = {}): Evidence {
  return {
    sourceId,
    text: 'The council said park visits rose by 57% over the summer of 2023.',
    start: 0,
    end: 66,
    score: 0.7,
    matched: ['park', 'visits', 'rose'],
    missing: [],
    conflicts: [],
    ...overrides,
  };
}

export function claim(id: string, verdict: Verdict, overrides: Partial<Claim> = {}): Claim {
  const judged = isJudgement(verdict);
  return {
    id,
    text: `Claim ${id}: park visits rose by 65.7% last summer.`,
    markers: ['[1]'],
    sourceIds: verdict === 'unlinked' ? [] : ['s1'],
    verdict,
    score: judged ? 0.5 : 0,
    evidence: judged ? [evidence('s1')] : [],
    ...overrides,
  };
}

export function report(claims: Claim[], sources: Source[] = [source('s1')], overrides: Partial<Report> = {}): Report {
  return {
    url: 'https://blog.example/article',
    title: 'An article about parks',
    checkedAt: '2026-01-31T10:00:00.000Z',
    claims,
    sources,
    state: 'done',
    ...overrides,
  };
}

/** The nine-claim report of the summary line's example. */
export function nineClaims(): Report {
  const verdicts: Verdict[] = [
    'supported', 'supported', 'supported', 'supported', 'supported',
    'partial', 'partial', 'unsupported', 'unavailable',
  ];
  return report(
    verdicts.map((v, i) => claim(`c${i + 1}`, v, v === 'unavailable' ? { sourceIds: ['s2'] } : {})),
    [source('s1'), source('s2', { status: 'unavailable', reason: 'http_error', httpStatus: 404 })],
  );
}

export const UNAVAILABLE_CASES: { reason: UnavailableReason; httpStatus?: number; text: string }[] = [
  { reason: 'http_error', httpStatus: 404, text: 'The source answered 404 Not Found' },
  { reason: 'http_error', httpStatus: 503, text: 'The source answered 503 Service Unavailable' },
  { reason: 'network', text: 'The source could not be reached (no answer from its server)' },
  { reason: 'timeout', text: 'The source took too long to answer' },
  { reason: 'too_large', text: 'The source is too large to read in the browser' },
  { reason: 'not_text', text: 'The source is not a web page or text document' },
  { reason: 'pdf', text: 'The source is a PDF, which Citecheck cannot read yet' },
  { reason: 'pdf_no_text', text: 'The source is a scanned PDF: no text to read' },
  { reason: 'pdf_encrypted', text: 'The source is an encrypted PDF, which cannot be read without its password' },
  { reason: 'pdf_broken', text: 'The source is a damaged PDF that could not be opened' },
  { reason: 'js_required', text: 'The source page shows its text only with JavaScript' },
  { reason: 'no_url', text: 'The cited work has no link to check: a book, a print report' },
  { reason: 'blocked_scheme', text: 'The link is not a web address (only http and https links are read)' },
  {
    reason: 'blocked_private',
    text: 'The source is on a private network; Citecheck reads those only when you allow it in the options',
  },
  { reason: 'empty', text: 'The source page has no readable text' },
  { reason: 'paywall', text: 'The source is behind a paywall or a login' },
  { reason: 'invalid_url', text: 'The link is not a valid web address' },
];
