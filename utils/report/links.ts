/**
 * Links out of the extension: only http(s) addresses become links (a hostile page can list a
 * `javascript:` "source"), and a passage link uses a text fragment (`#:~:text=start,end`) so the
 * browser scrolls to and highlights the passage. A long passage is named by its first and last few
 * words: a fragment must match the rendered text exactly, and short ends survive the whitespace and
 * markup differences between the extracted text and the live page better than a whole paragraph.
 * A PDF passage opens the PDF at its page (`#page=7`: browsers' PDF viewers follow it; they do not
 * follow text fragments), and a source read from its archived copy opens the copy.
 */
import type { Evidence, Source } from './schema';

/** The URL when it is an absolute http(s) address, else null. */
export function safeHttpUrl(url: string | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}

/** Percent-encodes a text-fragment term: `-`, `,` and `&` are syntax inside the directive. */
function encodeTerm(term: string): string {
  return encodeURIComponent(term).replace(/-/g, '%2D');
}

const ENDS_WORDS = 4;

/** The `text=` value naming a passage: whole when short, else `first words,last words`. */
export function textFragmentDirective(passage: string): string {
  const words = passage.replace(/\s+/g, ' ').trim().split(' ').filter(Boolean);
  if (words.length === 0) return '';
  if (words.length <= ENDS_WORDS * 2) return encodeTerm(words.join(' '));
  const start = words.slice(0, ENDS_WORDS).join(' ');
  const end = words.slice(-ENDS_WORDS).join(' ');
  return `${encodeTerm(start)},${encodeTerm(end)}`;
}

/** A link that opens the source scrolled to the passage; null when the source has no web address. */
export function passageLink(source: Pick<Source, 'url' | 'finalUrl'>, passage: string): string | null {
  const base = safeHttpUrl(source.finalUrl) ?? safeHttpUrl(source.url);
  if (!base) return null;
  const directive = textFragmentDirective(passage);
  if (!directive) return base;
  const hashAt = base.indexOf('#');
  const withoutDirective = hashAt === -1 ? base : base.slice(0, hashAt) + base.slice(hashAt).split(':~:')[0];
  const joiner = withoutDirective.includes('#') ? ':~:text=' : '#:~:text=';
  return `${withoutDirective}${joiner}${directive}`;
}

/** A link to a passage as the reader can follow it: the archived copy when that was read, the page of a PDF. */
export function evidenceLink(
  source: Pick<Source, 'url' | 'finalUrl' | 'archiveUrl' | 'readFrom'>,
  evidence: Pick<Evidence, 'text' | 'page'>,
): string | null {
  const target = source.readFrom === 'archive' && safeHttpUrl(source.archiveUrl) ? { url: source.archiveUrl! } : source;
  if (evidence.page !== undefined) {
    const base = safeHttpUrl(target.finalUrl) ?? safeHttpUrl(target.url);
    if (!base) return null;
    const hashAt = base.indexOf('#');
    return `${hashAt === -1 ? base : base.slice(0, hashAt)}#page=${evidence.page}`;
  }
  return passageLink(target, evidence.text);
}
