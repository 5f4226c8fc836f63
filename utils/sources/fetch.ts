/**
 * One cited URL in, its decoded body or a precise reason out. No reading, no cache: see
 * `read.ts` and `loader.ts`; what the bytes are and how they decode: `body.ts`.
 *
 * Judgement calls:
 * - GET only, no referrer (the source must not learn which article the reader is on), cookies
 *   omitted unless the reader turned on "use my logins".
 * - Redirects are followed by hand so each hop passes the private-network guard before it is
 *   requested. Node (the CLI, tests) exposes `Location` on `redirect: 'manual'`. Browsers give an
 *   extension an opaque redirect with no `Location`; there the request is repeated with
 *   `redirect: 'follow'` and the final URL checked afterwards, and the browser's own request
 *   rules (`guard`, request-guard.ts) refuse a hop to a private address before it leaves, which
 *   shows as `blocked_private`. A hop limit still applies (the browser's own, 20). Once a fetch
 *   function has shown it hides redirects, later requests through it go straight to `follow`,
 *   so a redirecting source costs one request, not two.
 * - The byte cap is applied to the stream: the text before the cap is kept and marked truncated,
 *   so a long page still gets checked against its first megabytes.
 * - Types are decided from the header, then from the first bytes when the header is missing or
 *   generic: a PDF is a PDF by its `%PDF-` bytes whatever its label (file servers often send
 *   `application/octet-stream`). PDFs come back as bytes for pdf.js, under their own, larger
 *   cap (`PDF_MAX_BYTES`): a PDF cut at the cap cannot be parsed (its index is at the end), so a
 *   longer one is `too_large`, refused from its `Content-Length` before any byte is read.
 * - One signal ends a request: the caller's, or the timeout's (`AbortSignal.any` of both).
 */
import { GENERIC_TYPES, HTML_TYPES, PDF_TYPES, TEXT_TYPES, decodeBody, parseContentType, readCapped, sniffBytes, type BodyKind } from './body';
import type { SourceFailure, UnavailableReason } from './types';
import { DEFAULT_MAX_BYTES, DEFAULT_MAX_REDIRECTS, DEFAULT_TIMEOUT_MS, PDF_MAX_BYTES } from './limits';
import { checkSourceUrl } from './url';
import { PrivateAddressRefused } from './request-guard';


export interface FetchSourceOptions {
  /** The article's URL: decides whether loopback/private targets are allowed. */
  pageUrl: string;
  fetchImpl?: typeof fetch;
  timeoutMs?: number;
  maxBytes?: number;
  /** The byte cap for PDFs (default `PDF_MAX_BYTES`). */
  maxPdfBytes?: number;
  credentials?: 'omit' | 'include';
  allowPrivate?: boolean;
  maxRedirects?: number;
  /** Validators of a cached copy: a 304 answer yields `notModified`. */
  conditional?: { etag?: string; lastModified?: string };
  /** Aborts the fetch (reported as `network`). */
  signal?: AbortSignal;
  /**
   * Sends each request through the browser's private-address rules (request-guard.ts); a
   * refused hop throws `PrivateAddressRefused`. Node follows no redirect unseen and needs none.
   */
  guard?: (url: string, request: () => Promise<Response>) => Promise<Response>;
}

interface FetchedHeaders {
  ok: true;
  notModified: false;
  url: string;
  finalUrl: string;
  status: number;
  contentType: string;
  /** Bytes read from the network (at most the cap). */
  bytes: number;
  truncated: boolean;
  etag?: string;
  lastModified?: string;
}

export type FetchResult =
  | (FetchedHeaders & { kind: BodyKind; body: string })
  /** A whole PDF (never truncated: a cut PDF is `too_large`). */
  | (FetchedHeaders & { kind: 'pdf'; data: Uint8Array })
  | {
      ok: true;
      notModified: true;
      url: string;
      finalUrl: string;
      status: 304;
      etag?: string;
      lastModified?: string;
    }
  | (SourceFailure & {
      /** For logs and tests only ("too_many_redirects", "aborted"); never shown as a reason. */
      detail?: string;
    });

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

const ACCEPT = 'text/html,application/xhtml+xml;q=0.9,application/pdf;q=0.9,text/plain;q=0.8,*/*;q=0.1';

/** Fetch functions seen to answer `redirect: 'manual'` with an opaque redirect (browsers). */
const hidesRedirects = new WeakSet<object>();

function failure(
  url: string,
  reason: UnavailableReason,
  extra: { finalUrl?: string; httpStatus?: number; detail?: string } = {},
): FetchResult {
  return { ok: false, url, reason, ...extra };
}

function discard(response: Response): void {
  response.body?.cancel().catch(() => undefined);
}

export async function fetchSource(url: string, opts: FetchSourceOptions): Promise<FetchResult> {
  const fetchImpl = opts.fetchImpl ?? globalThis.fetch.bind(globalThis);
  const fetchIdentity: object = opts.fetchImpl ?? globalThis.fetch;
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  const maxPdfBytes = opts.maxPdfBytes ?? PDF_MAX_BYTES;
  const maxRedirects = opts.maxRedirects ?? DEFAULT_MAX_REDIRECTS;
  const guard = { allowPrivate: opts.allowPrivate ?? false };

  const first = checkSourceUrl(url, opts.pageUrl, guard);
  if (!first.ok) return failure(url, first.reason);

  const timeout = AbortSignal.timeout(timeoutMs);
  const signal = opts.signal ? AbortSignal.any([opts.signal, timeout]) : timeout;

  const headers: Record<string, string> = { Accept: ACCEPT };
  if (opts.conditional?.etag) headers['If-None-Match'] = opts.conditional.etag;
  if (opts.conditional?.lastModified) headers['If-Modified-Since'] = opts.conditional.lastModified;
  const init = (redirect: RequestRedirect): RequestInit => ({
    method: 'GET',
    credentials: opts.credentials ?? 'omit',
    redirect,
    headers,
    referrerPolicy: 'no-referrer',
    signal,
  });

  const send = (href: string, redirect: RequestRedirect) =>
    opts.guard ? opts.guard(href, () => fetchImpl(href, init(redirect))) : fetchImpl(href, init(redirect));

  let current = first.url;
  try {
    let response!: Response;
    for (let hop = 0; ; hop++) {
      const knownOpaque = hidesRedirects.has(fetchIdentity);
      response = await send(current.href, knownOpaque ? 'follow' : 'manual');
      if (knownOpaque || response.type === 'opaqueredirect') {
        // A browser hides the Location: let it follow, then check where it ended (see top).
        if (!knownOpaque) {
          hidesRedirects.add(fetchIdentity);
          response = await send(current.href, 'follow');
        }
        const landed = response.url || current.href;
        const check = checkSourceUrl(landed, opts.pageUrl, guard);
        if (!check.ok) {
          discard(response);
          return failure(url, check.reason, { finalUrl: landed });
        }
        current = check.url;
        break;
      }
      if (!REDIRECT_STATUSES.has(response.status)) break;
      discard(response);
      const location = response.headers.get('location');
      if (!location) return failure(url, 'http_error', { finalUrl: current.href, httpStatus: response.status });
      if (hop >= maxRedirects) {
        return failure(url, 'network', { finalUrl: current.href, detail: 'too_many_redirects' });
      }
      let next: URL;
      try {
        next = new URL(location, current);
      } catch {
        return failure(url, 'invalid_url', { finalUrl: current.href });
      }
      const check = checkSourceUrl(next.href, opts.pageUrl, guard);
      if (!check.ok) return failure(url, check.reason, { finalUrl: next.href });
      current = check.url;
    }

    const finalUrl = current.href;
    const etag = response.headers.get('etag') ?? undefined;
    const lastModified = response.headers.get('last-modified') ?? undefined;
    const validators = { ...(etag ? { etag } : {}), ...(lastModified ? { lastModified } : {}) };
    if (response.status === 304 && opts.conditional) {
      discard(response);
      return { ok: true, notModified: true, url, finalUrl, status: 304, ...validators };
    }
    if (response.type === 'opaque' || response.status === 0) {
      return failure(url, 'network', { finalUrl, detail: 'opaque_response' });
    }
    if (response.status < 200 || response.status > 299) {
      discard(response);
      return failure(url, 'http_error', { finalUrl, httpStatus: response.status });
    }

    const { mime, charset } = parseContentType(response.headers.get('content-type'));
    const declaredPdf = PDF_TYPES.has(mime);
    const length = Number(response.headers.get('content-length') ?? NaN);
    if (declaredPdf && length > maxPdfBytes) {
      discard(response);
      return failure(url, 'too_large', { finalUrl, detail: 'pdf_over_cap' });
    }
    const declared: BodyKind | 'pdf' | 'generic' | 'other' = declaredPdf
      ? 'pdf'
      : HTML_TYPES.has(mime)
      ? 'html'
      : TEXT_TYPES.has(mime)
        ? 'text'
        : GENERIC_TYPES.has(mime)
          ? 'generic'
          : 'other';
    if (declared === 'other') {
      discard(response);
      return failure(url, 'not_text', { finalUrl, detail: mime });
    }

    // A PDF or a generic label gets the PDF cap until the bytes say what it is; a page labelled
    // HTML or text is read to the page cap (a mislabelled PDF longer than that is `too_large`).
    const cap = declared === 'pdf' ? maxPdfBytes : declared === 'generic' ? Math.max(maxBytes, maxPdfBytes) : maxBytes;
    const read = await readCapped(response.body, cap);
    const sniffed = sniffBytes(read.bytes);
    const head = { ok: true as const, notModified: false as const, url, finalUrl, status: response.status, ...validators };
    // Mislabelled PDFs and binaries are common on file servers; the bytes win over the label.
    if (sniffed === 'pdf') {
      if (read.truncated || read.bytes.byteLength > maxPdfBytes) return failure(url, 'too_large', { finalUrl, detail: 'pdf_over_cap' });
      return { ...head, contentType: 'application/pdf', kind: 'pdf', data: read.bytes, bytes: read.bytes.byteLength, truncated: false };
    }
    if (declared === 'pdf') return failure(url, 'not_text', { finalUrl, detail: 'pdf_label_without_pdf' });
    if (sniffed === 'binary') return failure(url, 'not_text', { finalUrl, detail: mime || 'binary' });
    const truncated = read.truncated || read.bytes.byteLength > maxBytes;
    const bytes = read.bytes.byteLength > maxBytes ? read.bytes.subarray(0, maxBytes) : read.bytes;
    const kind: BodyKind = declared === 'generic' ? (sniffed === 'html' ? 'html' : 'text') : declared;
    let body = decodeBody(bytes, charset, kind);
    // A cap can cut a multi-byte character in half: drop the replacement character it leaves.
    if (truncated) body = body.replace(/\uFFFD+$/, '');
    return {
      ...head,
      contentType: mime || (kind === 'html' ? 'text/html' : 'text/plain'),
      kind,
      body,
      bytes: bytes.byteLength,
      truncated,
    };
  } catch (error) {
    if (error instanceof PrivateAddressRefused) return failure(url, 'blocked_private', { finalUrl: error.target ?? current.href, detail: 'refused_by_browser' });
    if (timeout.aborted && !opts.signal?.aborted) return failure(url, 'timeout', { finalUrl: current.href });
    const aborted = opts.signal?.aborted ?? false;
    return failure(url, 'network', {
      finalUrl: current.href,
      detail: aborted ? 'aborted' : error instanceof Error ? error.message : String(error),
    });
  }
}
