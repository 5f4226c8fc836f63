/**
 * The attribution a claim names ("According to nature.com, …", "a study published in Nature
 * found that …", "…, according to Reuters.") and whether it fits the source the claim cites.
 *
 * The phrase is taken off the claim so that the matcher compares only what the source is said to
 * state. Phrases are recognised at the start of the claim, or ", according to X" at its end; a
 * bare "X said" is recognised only when X is the text of the cited link, because "the company
 * said" names a speaker, not a source. Generic names ("the report", "this study") are stripped but
 * not recorded: they say nothing that could be compared with a source.
 */
import type { CitedSource } from './types';
import { capitalizeFirst } from './text';
import { ACCORDING_TO, AS_PARTICIPLES, GERMAN_PHRASE_WORDS, OTHER_ACCORDING_TO, OTHER_ARTICLES, REPORTING_VERBS, WORK_NOUNS } from './vocabulary';

const VERBS = `(?:${REPORTING_VERBS})`;
const WORKS = `(?:${WORK_NOUNS})`;

const LEADING: RegExp[] = [
  // According to [a report by] X, …
  new RegExp(`^(?:${ACCORDING_TO}) (?:(?:a|an|the)\\s+(?:new\\s+|recent\\s+|latest\\s+)?(?:${WORKS}|data|figures)\\s+(?:by|from|in|published (?:by|in)|released by)\\s+)?(?:the\\s+)?([^,]{2,80}?),\\s+`, 'i'),
  // As reported by X, …
  new RegExp(`^(?:as\\s+)?(?:${AS_PARTICIPLES}) (?:by|in) (?:the\\s+)?([^,]{2,80}?),\\s+`, 'i'),
  // A [new] study published in X found that …
  new RegExp(`^(?:a|an|the|one)\\s+(?:(?:new|recent|\\d{4}|large|landmark|separate)\\s+)*${WORKS}\\s+(?:(?:published|released|conducted|posted|appearing|issued)\\s+)?(?:in|by|from)\\s+(?:the\\s+)?(.{2,80}?)\\s+${VERBS}(?:\\s+that)?,?\\s+`, 'i'),
  // Per X, …
  /^(?:per|via)\s+(?:the\s+)?([^,]{2,60}?),\s+/i,
  // As Emily Feng reports for NPR, … / As the WHO notes, …
  new RegExp(`^as\\s+(?:the\\s+)?([^,]{2,60}?)\\s+${VERBS}(?:\\s+(?:for|in|on)\\s+(?:the\\s+)?([^,]{2,60}?))?,\\s+`, 'i'),
];

/**
 * A clause that is nothing but an attribution: "According to Mozilla's manifesto", "As reported by
 * the BBC", "Per the IEA". Such a clause is never a claim of its own.
 */
const ATTRIBUTION_ONLY = new RegExp(
  `^(?:${ACCORDING_TO}|per|as (?:${AS_PARTICIPLES}) (?:by|in)|as\\s+[^,]{2,60}?\\s+${VERBS}(?:\\s+(?:for|in)\\s+[^,]{2,60})?)\\s+[^,.;!?]{1,80}$`,
  'i',
);

export function isAttributionOnly(clause: string): boolean {
  const trimmed = clause.trim();
  // "Laut der Polizei wurden drei Menschen verletzt" needs no comma to hold its statement.
  return ATTRIBUTION_ONLY.test(trimmed) && leadNamesSource(trimmed) && germanLeadEnd(trimmed) === undefined;
}

const GERMAN_LEAD = /^laut\s+/i;
const GERMAN_PHRASE_WORD = new RegExp(`^(?:${GERMAN_PHRASE_WORDS})$`);
/** A word of a name in German: a capitalised word (every noun is one) or a number ("2019", "3."). */
const GERMAN_NAME_WORD = /^(?:\p{Lu}[\p{L}\p{N}'’.-]*|\p{N}+\.?)$/u;
const GERMAN_PLAIN_WORD = /^\p{Ll}[\p{L}-]*$/u;
/** The most words a source's name after "laut" is read through. */
const GERMAN_SOURCE_WORDS = 12;

/**
 * Where "Laut X" ends when no comma closes it ("Laut dem Statistischen Bundesamt lebten 2019 …"):
 * German puts the clause's verb right after the phrase, and writes every noun with a capital. The
 * name runs through articles, prepositions and conjunctions (GERMAN_PHRASE_WORDS), capitalised
 * words and numbers, and a lower-case word after one of those small words (an adjective: "einer
 * neuen Studie"); the first lower-case word after a capitalised one is the verb, and the phrase
 * ends before it, when words follow the verb. Undefined when the phrase is not read to a verb
 * (punctuation or a word of another kind first): nothing is taken off then.
 */
function germanLeadEnd(text: string): number | undefined {
  const lead = GERMAN_LEAD.exec(text);
  if (!lead) return undefined;
  const word = /\S+/g;
  word.lastIndex = lead[0].length;
  let previous: 'small' | 'name' | 'plain' | undefined;
  let named = false;
  for (let n = 0; n <= GERMAN_SOURCE_WORDS; n++) {
    const m = word.exec(text);
    if (!m) return undefined;
    const w = m[0];
    if (GERMAN_PHRASE_WORD.test(w)) previous = 'small';
    else if (GERMAN_NAME_WORD.test(w)) {
      previous = 'name';
      named = true;
    } else if (!GERMAN_PLAIN_WORD.test(w)) return undefined;
    else if (previous === 'name' && named) return /[\p{L}\p{N}]/u.test(text.slice(m.index + w.length)) ? m.index : undefined;
    else if (previous === 'small' || previous === 'plain') previous = 'plain';
    else return undefined;
  }
  return undefined;
}

const OTHER_LEAD = new RegExp(`^(?:${OTHER_ACCORDING_TO})\\s+`, 'i');
const OTHER_ARTICLE = new RegExp(`^(?:(?:${OTHER_ARTICLES})\\s|l['’])`, 'i');

/**
 * After "selon", "laut", "según" … a source is named by a capital or an article ("selon le
 * Progrès", "laut Reuters"); a lower-case word there is a verb or a pronoun ("según explicó en un
 * comunicado", "selon lui"), and the phrase names no source to take off.
 */
function leadNamesSource(text: string): boolean {
  const lead = OTHER_LEAD.exec(text);
  if (!lead) return true;
  const next = text.slice(lead[0].length);
  return /^\p{Lu}/u.test(next) || OTHER_ARTICLE.test(next) || (GERMAN_LEAD.test(text) && GERMAN_PHRASE_WORD.test(next.split(/\s/, 1)[0]));
}

/**
 * A relative clause right after an attribution describes the source, not what it states
 * ("According to the manifesto, which outlines goals, principles, and a pledge, "The project
 * uses …""): it runs to the first comma before a quotation or a capital, where the statement starts.
 */
const SOURCE_ASIDE = /^[Ww](?:hich|ho|hose)\s[^"“”«»‘’.;:!?]*?,\s+(?=["“«‘]|\p{Lu})/u;

export function dropSourceAside(text: string): string {
  const m = text.match(SOURCE_ASIDE);
  return m && m[0].length < text.length ? capitalizeFirst(text.slice(m[0].length)) : text;
}

/** "showed that easier questions …" after its subject, an author-year citation, was taken out. */
const LEADING_VERB = new RegExp(`^(?:(?:has|have|had)\\s+)?${VERBS}(?:\\s+that)?,?\\s+(?=\\S)`, 'i');

export function stripLeadingVerb(claim: string): string {
  const m = claim.match(LEADING_VERB);
  return m && m[0].length < claim.length ? capitalizeFirst(claim.slice(m[0].length)) : claim;
}

/** The words the patterns below all hold (in any of the vocabulary's languages). */
const ACCORDING_TO_WORDS = new RegExp(ACCORDING_TO, 'i');

/**
 * "…, according to Reuters." at the claim's end; also right after a speaker's reporting verb with
 * no comma between ("…, he said according to a transcript reviewed by <a>."): the speaker stays,
 * the phrase naming the source goes.
 */
const TRAILING = new RegExp(`(?:,\\s*|(?<=\\b${VERBS})\\s+)(?:${ACCORDING_TO}) (?:the\\s+)?([^,]{2,80}?)\\s*([.!?]?)$`, 'i');

/**
 * ", according to <a>Alex Horton of the Post</a>," inside the sentence: taken off only when the
 * phrase holds the cited link's text, since "and, according to Italian folklore, …" is what the
 * cited work states, not who states it.
 */
const MIDDLE = new RegExp(`,\\s*(?:${ACCORDING_TO}) (?:the\\s+)?([^,]{2,80}?),\\s+(?=\\S)`, 'i');

/** The source a phrase names inside its work: "a transcript reviewed by Business Insider" names Business Insider. */
const WORK_OF = new RegExp(`^(?:a|an|the)\\s+(?:new\\s+|recent\\s+|latest\\s+)?(?:${WORKS}|data|figures)\\s+(?:by|from|in|published (?:by|in)|released by|reviewed by|obtained by|seen by)\\s+(?:the\\s+)?(.{2,80})$`, 'i');

/** A statement's opening after a comma: a name, or a determiner or pronoun as its subject. */
const CLAUSE_OPENING = /^(?:\p{Lu}|(?:the|a|an|it|its|this|these|those|they|he|she|we|there)\s)/u;

const GENERIC = new RegExp(
  `^(?:(?:the|a|an|this|that|these|those|one|its|their|his|her|our|some|several|two|three)\\s+(?:[\\w-]+\\s+){0,3}|(?:1[6-9]|20)\\d{2}\\s+)?(?:${WORKS}|data|research|source|findings|statement|figures|document|blog post|website|site|link|page|here|this)s?$`,
  'i',
);

export interface SplitClaim {
  text: string;
  /** The named attribution ("nature.com"), absent when none or only a generic one was found. */
  attribution?: string;
  /** Whether a phrase was stripped (generic or not). */
  stripped: boolean;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Takes the attribution phrase off a claim. `linkText` is the cited link's text, if any. */
export function splitAttribution(claim: string, linkText?: string): SplitClaim {
  // "Laut der Polizei wurden drei Menschen verletzt, zwei davon schwer": the phrase ends at the
  // verb, not at a comma further on.
  // German sets no comma after the phrase: one there closes an aside ("Laut Polizei, die am Abend
  // kam, wurden …"), and nothing is read as the source.
  // The verb comes right after the phrase: taken off, it would open the claim ("Wurden drei
  // Menschen verletzt"), which reads as a question. The sentence stays whole, as a speaker's "he
  // said" does; the source it names is kept apart.
  if (GERMAN_LEAD.test(claim)) {
    const end = germanLeadEnd(claim);
    if (end === undefined) return { text: claim, stripped: false };
    return { ...finish(claim, claim.slice(0, end).replace(GERMAN_LEAD, '')), stripped: false };
  }
  const candidates = [...LEADING];
  if (linkText && linkText.length >= 2) {
    candidates.push(new RegExp(`^(?:the\\s+)?(${escapeRegExp(linkText)})\\s*,?\\s*${VERBS}(?:\\s+that)?,?\\s+`, 'i'));
    // "As <a>Alexis Madrigal</a>reports, …": the link's end is a word's end, even where the page
    // left out the space after it.
    candidates.push(new RegExp(`^as\\s+(?:the\\s+)?(${escapeRegExp(linkText)})\\s*${VERBS}(?:\\s+(?:for|in|on)\\s+(?:the\\s+)?([^,]{2,60}?))?,\\s+`, 'i'));
  }
  for (const pattern of candidates) {
    const m = claim.match(pattern);
    if (m && m[0].length < claim.length && leadNamesSource(claim)) {
      return finish(capitalizeFirst(claim.slice(m[0].length)), m[2] ?? m[1]);
    }
  }
  // "…the bottleneck; according to iea.org, fewer than half…": the attribution opens the last
  // clause, and that clause is what the source is credited with.
  // The patterns below all hold "according to": most claims do not, and one search rules them out.
  if (!ACCORDING_TO_WORDS.test(claim)) return { text: claim, stripped: false };
  const inner = claim.match(/(?:[;:—–]|,\s+(?:and|but|while|whereas))\s+(according to\s[^,]{2,80},\s+\S[\s\S]*)$/i);
  if (inner) {
    const split = splitAttribution(inner[1], linkText);
    if (split.stripped) return split;
  }
  const trailing = claim.match(TRAILING);
  if (trailing && trailing.index !== undefined && trailing.index > 0) {
    return finish(claim.slice(0, trailing.index) + trailing[2], namedIn(trailing[1]));
  }
  const middle = linkText && linkText.length >= 2 ? claim.match(MIDDLE) : null;
  if (middle && middle.index !== undefined && middle.index > 0 && holdsLink(middle[0], linkText!)) {
    const rest = claim.slice(middle.index + middle[0].length);
    // "(Overall, according to X, the ACA expanded …)" keeps the comma that closes "Overall";
    // "He had, according to X, killed …" joins its verb again.
    return finish(claim.slice(0, middle.index) + (CLAUSE_OPENING.test(rest) ? ', ' : ' ') + rest, namedIn(middle[1]));
  }
  return { text: claim, stripped: false };
}

/** Does the phrase hold the link's text, or the link the phrase ("<a>according to one analysis</a>")? */
function holdsLink(phrase: string, linkText: string): boolean {
  const p = phrase.replace(/^[\s,]+|[\s,]+$/g, '').toLowerCase();
  const l = linkText.toLowerCase();
  return p.includes(l) || l.includes(p);
}

function namedIn(phrase: string): string {
  return phrase.match(WORK_OF)?.[1] ?? phrase;
}

function finish(text: string, named: string | undefined): SplitClaim {
  const attribution = named?.trim().replace(/^(?:the)\s+/i, '');
  if (!attribution || GENERIC.test(attribution)) return { text, stripped: true };
  return { text, attribution, stripped: true };
}

/** True for names that point at no particular source ("the report", "here"). */
export function isGenericName(name: string): boolean {
  return GENERIC.test(name.trim());
}

const SUFFIXES = new Set(['com', 'org', 'net', 'edu', 'gov', 'co', 'ac', 'uk', 'io', 'info', 'int', 'us', 'eu', 'de', 'fr', 'au', 'ca', 'nz', 'jp', 'in', 'news', 'www', 'en', 'm']);

const STOPWORDS = new Set(['the', 'of', 'and', 'for', 'on', 'in', 'at', 'a', 'an', '&']);

function compact(text: string): string {
  return text.toLowerCase().replace(/^the\s+/, '').replace(/[^\p{L}\p{N}]+/gu, '');
}

/** The distinctive part of a domain: "techcrunch" for techcrunch.com, "bbc" for bbc.co.uk. */
function domainName(domain: string): string {
  const parts = domain.split('.').filter((p) => !SUFFIXES.has(p));
  return parts.length > 0 ? parts[parts.length - 1] : domain;
}

/** Does the named attribution fit this source's domain or title? */
export function attributionFits(attribution: string, source: Pick<CitedSource, 'domain' | 'title'>): boolean {
  const attr = compact(attribution);
  if (attr.length < 2) return false;
  const domain = compact(source.domain);
  const name = compact(domainName(source.domain));
  if (attr === domain || attr === name) return true;
  if (attr.length >= 3 && domain.includes(attr)) return true;
  if (name.length >= 3 && attr.includes(name)) return true;
  // "New York Times" / nytimes.com, "BBC News" / bbc.co.uk: initials of the name's words.
  const words = attribution
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w && !STOPWORDS.has(w));
  const initials = words.map((w) => w[0]).join('');
  if (initials.length >= 2 && name.startsWith(initials) && words.length >= 2) return true;
  const title = source.title ? compact(source.title) : '';
  return attr.length >= 4 && title.includes(attr);
}

/** True when the attribution fits any of the cited sources; undefined when there is nothing to compare. */
export function attributionMatches(attribution: string | undefined, sources: CitedSource[]): boolean | undefined {
  if (!attribution || sources.length === 0) return undefined;
  return sources.some((s) => attributionFits(attribution, s));
}
