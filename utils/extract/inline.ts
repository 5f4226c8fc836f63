/**
 * Which links in running text are citations. A link is one when an attribution ties it to the
 * text, whatever its host (newsrooms link their own reporting and document mirrors):
 *
 * - a lead-in right before it names it as the source: "according to <a>", "per the <a>",
 *   "reports for <a>", "a study published in <a>", "he wrote in his book <a>";
 * - its own words report or name a work: "<a>told the jury</a>", "<a>Reuters reported</a>",
 *   "a March 2019 <a>study</a>", "<a>a blog post</a>";
 * - it quotes: "called Jones <a>“terrible”</a>" links the quoted word to where it was said;
 * - a reporting verb follows it: "<a>The Associated Press</a> reports that";
 * - a reporting verb or a kind of work opens the clause it sits in, a few words before it, so that
 *   the link lies inside what is reported: "AT&T said it <a>will also add this feature</a>".
 *   A verb right before the link makes the link the speaker ("said <a>the union chair</a>"),
 *   which is a profile, not a source.
 *
 * Never: links filling their whole block (menus, related stories, headlines), a site's front
 * page under its own name ("releases from <a href="https://example.ai/">Example AI</a>"), page furniture
 * ("share", "see full bio"), pointers to more reading ("read more", "my earlier post"), bylines
 * and credits ("By <a>", "Photo: <a>", a figure's "(Image source: <a>)").
 */
import { REGEXPS } from './vocabulary';
import { normalizeSpace } from './text';

/** Words of the clause before a link that are searched for a cue. */
const CLAUSE_WORDS = 12;
/** Characters of text read on either side of a link. */
const WINDOW = 200;

export interface LinkSpan {
  start: number;
  end: number;
}

/** Share of a block's characters inside links above which the block is a menu, a tag list or a teaser. */
const LINK_DENSITY = 0.6;

/** A block made mostly of links (menus, tag lists, share bars, teasers): none of its links is a citation. */
export function isLinkDense(text: string, links: readonly LinkSpan[]): boolean {
  if (links.length < 2) return false;
  const linked = links.reduce((sum, l) => sum + normalizeSpace(text.slice(l.start, l.end)).length, 0);
  return linked >= LINK_DENSITY * normalizeSpace(text).length;
}

/**
 * The first tests of isAttributedLink: the link's own text, and a cue word near it. Undefined when
 * they rule the link out; otherwise its text and what is read on either side of it.
 */
function linkWithCue(text: string, link: LinkSpan, sentenceStart: number): { linkText: string; before: string; after: string } | undefined {
  const linkText = normalizeSpace(text.slice(link.start, link.end));
  if (linkText.length < 2) return undefined;
  if (fillsText(text, link)) return undefined;
  if (REGEXPS.furniture.test(linkText) || REGEXPS.pointer.test(linkText) || REGEXPS.dateLink.test(linkText) || /^https?:\/\//i.test(linkText)) return undefined;
  const before = text.slice(Math.max(sentenceStart, link.start - WINDOW), link.start);
  const after = text.slice(link.end, link.end + WINDOW);
  // Every rule of isAttributedLink needs one of its words near the link: without any, none can
  // hold. Read as letters only, so that a soft hyphen or a stray mark inside a word hides none.
  if (!REGEXPS.attributionStem.test((before + linkText + after).replace(NOT_LETTERS, ''))) return undefined;
  return { linkText, before, after };
}

/**
 * Can any sentence make this link an attributed citation? Asked before its sentence is found
 * (segmenting the block is the costly step): a later sentence start only shortens the text read
 * before the link, and the letters of a shorter window are part of the wider one's, so a link
 * without a cue word in the widest window has none in its sentence's.
 */
export function mayBeAttributedLink(text: string, link: LinkSpan): boolean {
  return linkWithCue(text, link, 0) !== undefined;
}

/** Is the link at `link` in `text` an attributed citation? `sentenceStart` bounds what is read before it. */
export function isAttributedLink(text: string, link: LinkSpan, sentenceStart: number): boolean {
  const cued = linkWithCue(text, link, sentenceStart);
  if (!cued) return false;
  const { linkText, before, after } = cued;
  if (REGEXPS.byline.test(before) || REGEXPS.figureCredit.test(before.slice(-40)) || REGEXPS.pointer.test(before.slice(-24)) || REGEXPS.credit.test(before.trimStart())) return false;
  // "the <a>Data Model</a> section below": a pointer within the page's own text.
  if (/^\s*(?:section|chapter|part|post|article)?\s*(?:below|above)\b/i.test(after)) return false;

  // Cue words count in lower case: "States" in "United States", "Review" in a headline hold none.
  const lowBefore = lowerFirst(before.slice(-80));
  const lowLink = lowerFirst(linkText);
  if (REGEXPS.leadIn.test(lowBefore)) return true;
  if (REGEXPS.cueWordLower.test(lowLink)) return true;
  if (REGEXPS.workInLink.test(lowLink) && (/^(?:a|an|the|this|his|her|their|its|one)\s/.test(lowLink) || REGEXPS.workIntro.test(lowBefore))) return true;
  // A quotation linked to where it was said: "called Jones <a>“terrible”</a>".
  if (/^["“‘«].{2,}["”’»,.]*$/.test(linkText) && REGEXPS.quoteCue.test(lowerFirst(before))) return true;
  if (REGEXPS.verbAfter.test(after) && !/^\s*\S+\s+about\b/i.test(after)) return true;
  return cueOpensClause(before);
}

const NOT_LETTERS = /[^\p{L}]+/gu;

/** A character other than space or punctuation. */
const WORDING = /[^\s.,;:!?"'“”‘’()]/;

/**
 * Whether the link is all its block says: nothing but spaces and punctuation outside it. Each
 * side is read only up to its first word, so that a long block costs what a short one does.
 */
function fillsText(text: string, link: LinkSpan): boolean {
  return !WORDING.test(text.slice(link.end)) && !WORDING.test(text.slice(0, link.start));
}

/**
 * A reporting verb in the clause before the link, not right before it ("AT&T said it <a>…</a>",
 * "an analysis … found that 62 percent … <a>…</a>"). Not after "I" or "we" (the author's own
 * finding), not when the verb's object is the link ("said <a>the union chair</a>"), its agent
 * ("written by <a>") or its topic ("wrote about <a>").
 */
function cueOpensClause(before: string): boolean {
  const clause = before.split(/[;:()—–,]|\s-\s/).pop() ?? '';
  const words = clause.trim().split(/\s+/).filter(Boolean);
  if (words.length < 2) return false;
  const recent = words.slice(-CLAUSE_WORDS - 1);
  for (let i = recent.length - 2; i >= 0; i--) {
    const word = recent[i].replace(/[^\p{L}'’-]/gu, '');
    // Lower-case words only: "United States" holds no verb.
    if (!word || !REGEXPS.clauseCue.test(word)) continue;
    // The author's own finding ("I've only found", "we announced"): not a source's.
    if (recent.slice(Math.max(0, i - 3), i).some((w) => /^(?:i|we|i['’]ve|we['’]ve|i['’]d|we['’]d)$/i.test(w.replace(/[^\p{L}'’]/gu, '')))) return false;
    const between = recent.slice(i + 1);
    if (/^(?:about|on|of|by|as|out)$/i.test(between[0] ?? '')) return false;
    if (between.every((w) => /^(?:the|a|an)$/i.test(w))) return false;
    // The link must lie inside what is reported: "said it …", "found that …", "announcement … that …".
    return /^(?:it|they|he|she|its|their|there|you)$/i.test(between[0]) || between.some((w) => /^that$/i.test(w));
  }
  return false;
}

/** Lower-cases the first letter of a text and of a sentence inside it: only those may be capitals of a cue. */
function lowerFirst(text: string): string {
  return text.replace(/(^|[.!?]\s+)(\p{Lu})/gu, (_, lead: string, letter: string) => lead + letter.toLowerCase());
}

/** A site's front page: no path (or an index page), no query, no fragment. */
const HOMEPAGE = /^https?:\/\/[^/?#]+\/?(?:index\.(?:html?|php|aspx?))?$/i;

/**
 * A link to a site's front page whose text names the site, a product or an organisation
 * ("tech reports from <a href="https://www.deepseek.com/">DeepSeek</a>"): it points to who
 * someone is, not to a work that could back the sentence. Unless the sentence names it as the
 * source of what it says ("according to <a href=front page>the agency</a>, …", "<a>The agency</a>
 * reported that …"): that claim is cited, and its check says what the front page holds.
 */
export function isHomepageName(text: string, link: LinkSpan & { url: string }, sentenceStart: number): boolean {
  if (!HOMEPAGE.test(link.url)) return false;
  const linkText = normalizeSpace(text.slice(link.start, link.end));
  if (REGEXPS.cueWordLower.test(lowerFirst(linkText)) || REGEXPS.workInLink.test(lowerFirst(linkText))) return false;
  const before = text.slice(Math.max(sentenceStart, link.start - WINDOW), link.start);
  if (REGEXPS.sourceNamedBefore.test(before) || REGEXPS.verbAfter.test(text.slice(link.end, link.end + WINDOW))) return false;
  return /^(?:(?:the|a|an)\s+)?[\p{Lu}\p{N}][^\s]*(?:\s+\S+){0,4}$/u.test(linkText);
}

/**
 * Adjacent links to one address ("<a>D</a><a>ata</a>") are one link; `lastEl` keeps the last
 * element, so that the claim's anchor (and its badge) spans the whole link, not its first part.
 */
export function mergeAdjacentLinks<T extends LinkSpan & { url: string; el: Element }>(text: string, links: readonly T[]): (T & { lastEl: Element })[] {
  const merged: (T & { lastEl: Element })[] = [];
  for (const link of links) {
    const last = merged[merged.length - 1];
    if (last && last.url === link.url && /^\s*$/.test(text.slice(last.end, link.start))) merged[merged.length - 1] = { ...last, end: link.end, lastEl: link.el };
    else merged.push({ ...link, lastEl: link.el });
  }
  return merged;
}
