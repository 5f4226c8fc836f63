/**
 * Why a source could not be checked, in plain words. Each reason is a fact about the source or
 * the link, never a judgement of the claim: the reader must be able to tell "could not check"
 * from "not supported" at a glance.
 */
import type { UnavailableReason } from '../sources/types';
import type { Source } from './schema';

/** Reason phrases of the HTTP statuses a cited link commonly answers with. */
const HTTP_STATUS_TEXT: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  402: 'Payment Required',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  406: 'Not Acceptable',
  408: 'Request Timeout',
  410: 'Gone',
  418: "I'm a Teapot",
  429: 'Too Many Requests',
  451: 'Unavailable For Legal Reasons',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

export function httpStatusText(status: number): string {
  return HTTP_STATUS_TEXT[status] ?? '';
}

const REASON_TEXT: Record<Exclude<UnavailableReason, 'http_error'>, string> = {
  network: 'The source could not be reached (no answer from its server)',
  timeout: 'The source took too long to answer',
  too_large: 'The source is too large to read in the browser',
  not_text: 'The source is not a web page or text document',
  pdf: 'The source is a PDF, which Citecheck cannot read yet',
  pdf_no_text: 'The source is a scanned PDF: no text to read',
  pdf_encrypted: 'The source is an encrypted PDF, which cannot be read without its password',
  pdf_broken: 'The source is a damaged PDF that could not be opened',
  js_required: 'The source page shows its text only with JavaScript',
  no_url: 'The cited work has no link to check: a book, a print report',
  blocked_scheme: 'The link is not a web address (only http and https links are read)',
  blocked_private:
    'The source is on a private network; Citecheck reads those only when you allow it in the options',
  empty: 'The source page has no readable text',
  paywall: 'The source is behind a paywall or a login',
  invalid_url: 'The link is not a valid web address',
};

/** The plain-words reason a source could not be read ('' for a source that was read). */
export function reasonText(source: Pick<Source, 'status' | 'reason' | 'httpStatus'>): string {
  if (source.status === 'ok') return '';
  if (source.status === 'pending') return 'The source is still loading';
  const reason = source.reason;
  if (reason === 'http_error' || (!reason && source.httpStatus)) {
    const status = source.httpStatus;
    if (!status) return 'The source answered with an error';
    const text = httpStatusText(status);
    return text ? `The source answered ${status} ${text}` : `The source answered with HTTP status ${status}`;
  }
  if (!reason) return 'The source could not be read';
  return REASON_TEXT[reason];
}

/** "2 June 2021" (UTC: the archive's timestamp is UTC). */
export function longDate(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(date);
}

/** What the reader is told about a source read from its archived copy ('' for any other source). */
export function archiveNote(source: Pick<Source, 'readFrom' | 'archivedAt'>): string {
  if (source.readFrom !== 'archive') return '';
  return source.archivedAt ? `Read from an archived copy of ${longDate(source.archivedAt)}` : 'Read from an archived copy';
}
