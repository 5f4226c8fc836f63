/**
 * Splitting text into sentences and normalised word tokens.
 *
 * Both passes use `Intl.Segmenter`, but never on a whole page at once: Node 20's segmenter is
 * quadratic in the length of the string, so text is cut into blocks (lines, and very long lines
 * into slices ending at a space) and each block is segmented on its own. A sentence therefore
 * spans no paragraph break and no line that ends one sentence. A hard-wrapped line (one that ends
 * without a sentence mark, its next line going on in lower case: "housed in the former\ncommunity
 * hall") is the same sentence as the next line, so the two are one block.
 *
 * A token keeps its offsets into the original text, its lower-cased surface form, its stem (the
 * `stemmer` package, Porter's algorithm) and, for numerals, the value it denotes.
 */
import { stemmer } from 'stemmer';

export interface Token {
  /** Lower-cased surface form (apostrophe-s removed). */
  word: string;
  /** Porter stem of `word`; for numbers, the canonical number key. */
  stem: string;
  start: number;
  end: number;
  /** Starts with an upper-case letter in the text. */
  capital: boolean;
}

export interface Span {
  start: number;
  end: number;
}

/** Longest slice handed to the segmenter at once (see the module comment). */
const MAX_BLOCK = 2000;

const sentenceSegmenter = new Intl.Segmenter('en', { granularity: 'sentence' });
const wordSegmenter = new Intl.Segmenter('en', { granularity: 'word' });

/**
 * Blocks of `text` (non-empty after trimming): its lines, a hard-wrapped line joined with the next
 * (`continuesOnNextLine`), and long blocks cut at spaces into slices.
 */
export function blocks(text: string): Span[] {
  const out: Span[] = [];
  const lineRe = /[^\n]+/g;
  let start = -1;
  let end = -1;
  let lineStart = -1;
  for (let m = lineRe.exec(text); m; m = lineRe.exec(text)) {
    const lineEnd = m.index + m[0].length;
    if (start >= 0 && m.index === end + 1 && continuesOnNextLine(text, lineStart, end, m[0])) {
      end = lineEnd;
      lineStart = m.index;
      continue;
    }
    if (start >= 0) pushBlock(text, start, end, out);
    [start, end, lineStart] = [m.index, lineEnd, m.index];
  }
  if (start >= 0) pushBlock(text, start, end, out);
  return out;
}

/** A mark that ends a sentence, and any closing quotes or brackets after it, at the end of a line. */
const SENTENCE_END = /[.!?…:;。！？]["'”’)\]]*\s*$/;
/** A line going on in lower case ("community hall, a stone building"). */
const LOWER_START = /^\s*\p{Ll}/u;

/**
 * Is the line `text[lineStart, lineEnd)` hard-wrapped, so that `next` (the line right after it,
 * one line break between) goes on with the same sentence? Only when the line ends without a
 * sentence mark and is not a heading, and the next line starts in lower case: a menu's or a
 * list's short lines start with capitals, and a blank line always ends a paragraph.
 */
function continuesOnNextLine(text: string, lineStart: number, lineEnd: number, next: string): boolean {
  if (!LOWER_START.test(next)) return false;
  const line = text.slice(lineStart, lineEnd);
  return /\S/.test(line) && !SENTENCE_END.test(line) && !/^\s*#/.test(line);
}

/** A block, cut at spaces into slices of at most `MAX_BLOCK` characters. */
function pushBlock(text: string, start: number, end: number, out: Span[]): void {
  while (end - start > MAX_BLOCK) {
    let cut = text.lastIndexOf(' ', start + MAX_BLOCK);
    if (cut <= start) cut = start + MAX_BLOCK;
    pushTrimmed(text, start, cut, out);
    start = cut;
  }
  pushTrimmed(text, start, end, out);
}

function pushTrimmed(text: string, start: number, end: number, out: Span[]): void {
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  if (end > start) out.push({ start, end });
}

/** A sentence-ending mark followed by a space and more text: where a line may hold two sentences. */
const INNER_BREAK = /[.!?…。！？]["'”’)\]]*\s+\S/;

/** Sentences of `text`, as offsets, segmented block by block. */
export function sentences(text: string): Span[] {
  const out: Span[] = [];
  for (const block of blocks(text)) {
    // A wrapped block's line breaks read as spaces (same length, so offsets hold): the segmenter
    // would end a sentence at each.
    let slice = text.slice(block.start, block.end);
    if (slice.includes('\n')) slice = slice.replace(/[\r\n]/g, ' ');
    // A line with no sentence-ending mark before its end is one sentence: no need to segment it.
    if (!INNER_BREAK.test(slice)) {
      pushAtGluedStops(text, block.start, block.end, out);
      continue;
    }
    for (const seg of sentenceSegmenter.segment(slice)) {
      pushAtGluedStops(text, block.start + seg.index, block.start + seg.index + seg.segment.length, out);
    }
  }
  return out;
}

const LOWER = /\p{Ll}/u;
const UPPER = /\p{Lu}/u;

/**
 * Is the mark at `i` of `text` glued between two lower-case letters and a capital and a lower-case letter?
 *
 * A full stop glued to the next sentence, as a scraped page that lost its block breaks writes
 * it ("… narrow-minded.Due to our …", "Auditory.Cognitive."): two lower-case letters, the stop,
 * then a capital and a lower-case letter. Initials and titles ("U.S.", "Ph.D", "Mr.Smith") and
 * names with a stop ("Node.js", "e.g.") do not match.
 */
function gluedAt(text: string, i: number): boolean {
  return i >= 2 && i + 2 < text.length && UPPER.test(text[i + 1]) && LOWER.test(text[i + 2]) && LOWER.test(text[i - 1]) && LOWER.test(text[i - 2]);
}

/** The sentence `text[start, end)`, cut after each glued full stop (`gluedAt`). */
function pushAtGluedStops(text: string, start: number, end: number, out: Span[]): void {
  let from = start;
  // The last character cannot be a glued stop; a sentence's own final stop is skipped so.
  for (let i = text.indexOf('.', start); i >= 0 && i < end - 2; i = text.indexOf('.', i + 1)) {
    if (!gluedAt(text, i)) continue;
    pushTrimmed(text, from, i + 1, out);
    from = i + 1;
  }
  pushTrimmed(text, from, end, out);
}

const stemCache = new Map<string, string>();

/**
 * Irregular past forms Porter's algorithm leaves apart from their verb ("paid"/"pay",
 * "found"/"find", "rose"/"rise"): a closed class, listed so that "did not pay" meets "paid".
 */
const IRREGULAR = new Map<string, string>(
  (
    'paid:pay found:find took:take taken:take gave:give given:give went:go gone:go saw:see seen:see came:come ' +
    'knew:know known:know told:tell sold:sell bought:buy brought:bring thought:think held:hold kept:keep met:meet ' +
    'ran:run won:win lost:lose began:begin begun:begin grew:grow grown:grow rose:rise risen:rise fell:fall ' +
    'fallen:fall built:build sent:send spent:spend led:lead wrote:write written:write drove:drive driven:drive ' +
    'chose:choose chosen:choose spoke:speak spoken:speak broke:break broken:break struck:strike caught:catch ' +
    'taught:teach fought:fight sought:seek understood:understand stood:stand drew:draw drawn:draw flew:fly ' +
    'flown:fly threw:throw thrown:throw wore:wear worn:wear hid:hide hidden:hide froze:freeze frozen:freeze ' +
    'shrank:shrink shrunk:shrink sank:sink sunk:sink sang:sing sung:sing swam:swim dug:dig fed:feed felt:feel ' +
    'heard:hear slept:sleep meant:mean lent:lend dealt:deal ate:eat eaten:eat hung:hang shot:shoot forgot:forget ' +
    'arose:arise woke:wake withdrew:withdraw withdrawn:withdraw overtook:overtake undertook:undertake'
  )
    .split(' ')
    .map((pair) => pair.split(':') as [string, string]),
);

/** Porter stem (irregular past forms first brought to their verb), cached: the same few thousand words recur across every source. */
export function stem(word: string): string {
  let s = stemCache.get(word);
  if (s === undefined) {
    const base = IRREGULAR.get(word) ?? word;
    s = /^\p{L}+$/u.test(base) ? stemmer(base) : base;
    if (stemCache.size > 200_000) stemCache.clear();
    stemCache.set(word, s);
  }
  return s;
}

/** Word tokens of `text[start, end)` (a single block or sentence: keep it short). */
export function tokenize(text: string, start = 0, end = text.length, out: Token[] = []): Token[] {
  const slice = text.slice(start, end);
  for (const seg of wordSegmenter.segment(slice)) {
    if (!seg.isWordLike) continue;
    const word = seg.segment;
    if (word.length >= 5 && (word.includes('.') || word.includes(':'))) pushAtGluedMarks(word, start + seg.index, out);
    else pushToken(word, start + seg.index, out);
  }
  return out;
}

/** A word-like segment at `at`, cut at its glued full stops and colons ("minded.Due": "minded", "Due"; a colon as "including:Auditory"; `gluedAt`). */
function pushAtGluedMarks(word: string, at: number, out: Token[]): void {
  let from = 0;
  for (let i = 2; i < word.length - 2; i++) {
    if ((word[i] !== '.' && word[i] !== ':') || !gluedAt(word, i)) continue;
    pushToken(word.slice(from, i), at + from, out);
    from = i + 1;
  }
  pushToken(from === 0 ? word : word.slice(from), at + from, out);
}

/** What a token reads as, from its segment alone: word, stem and capital (`Token`). */
interface Reading {
  word: string;
  stem: string;
  capital: boolean;
}

/**
 * Readings by segment as written, cached like the stems: a source's words recur, and one lookup
 * per token replaces its lower-casing and stem lookup. Tokens of the same segment share one word
 * and one stem string.
 *
 * The cache is a table of its own, open-addressed by a hash of the segment's UTF-16 code units
 * (FNV-1a), not a `Map`: a `Map` first has the engine hash each fresh segment string, and in the
 * bench's loop its lookup cost about twice as much. The table doubles at half full and is emptied
 * at `MAX_READINGS`, as the stem cache is.
 */
const MAX_READINGS = 1 << 17;
let slots = 1 << 12;
let keys: (string | undefined)[] = emptySlots(slots);
let values: (Reading | undefined)[] = emptySlots(slots);
let hashes = new Int32Array(slots);
let held = 0;

function emptySlots<T>(n: number): (T | undefined)[] {
  const out: (T | undefined)[] = [];
  for (let i = 0; i < n; i++) out.push(undefined);
  return out;
}

function hashOf(segment: string): number {
  let h = 0x811c9dc5 | 0;
  for (let i = 0; i < segment.length; i++) h = Math.imul(h ^ segment.charCodeAt(i), 16777619);
  return h;
}

function readingOf(segment: string): Reading {
  const h = hashOf(segment);
  let i = h & (slots - 1);
  for (let k = keys[i]; k !== undefined; k = keys[i]) {
    if (k === segment) return values[i]!;
    i = (i + 1) & (slots - 1);
  }
  const r = read(segment);
  if (held >= MAX_READINGS) {
    slots = 1 << 12;
    [keys, values, hashes, held] = [emptySlots(slots), emptySlots(slots), new Int32Array(slots), 0];
    i = h & (slots - 1);
  } else if (2 * (held + 1) > slots) {
    grow();
    i = h & (slots - 1);
    while (keys[i] !== undefined) i = (i + 1) & (slots - 1);
  }
  keys[i] = segment;
  values[i] = r;
  hashes[i] = h;
  held++;
  return r;
}

/** The table at twice its size, every entry placed again by its hash. */
function grow(): void {
  const [oldKeys, oldValues, oldHashes] = [keys, values, hashes];
  slots *= 2;
  [keys, values, hashes] = [emptySlots(slots), emptySlots(slots), new Int32Array(slots)];
  for (let j = 0; j < oldKeys.length; j++) {
    if (oldKeys[j] === undefined) continue;
    let i = oldHashes[j] & (slots - 1);
    while (keys[i] !== undefined) i = (i + 1) & (slots - 1);
    keys[i] = oldKeys[j];
    values[i] = oldValues[j];
    hashes[i] = oldHashes[j];
  }
}

function read(segment: string): Reading {
  let raw = segment;
  // "Obama's" and "Obamas’" count as "Obama"; "don't" keeps its apostrophe so negation is seen.
  if (raw.includes("'") || raw.includes('’')) raw = raw.replace(/['’]s$/i, '').replace(/’/g, "'");
  const word = raw.toLowerCase();
  const first = raw.charCodeAt(0);
  return { word, stem: stem(word), capital: first >= 65 && first <= 90 };
}

function pushToken(segment: string, at: number, out: Token[]): void {
  const r = readingOf(segment);
  out.push({ word: r.word, stem: r.stem, start: at, end: at + segment.length, capital: r.capital });
}

/**
 * Is `tok` joined to `prev` by a single hyphen ("co-operation", "e-mail")? Such a pair is also
 * read as one word, its parts joined ("cooperation"), on both sides: the source index posts it,
 * a claim term of either part is also found where a source writes the pair joined.
 */
export function hyphenJoined(text: string, prev: Token, tok: Token): boolean {
  return prev.end === tok.start - 1 && text.charCodeAt(prev.end) === 45;
}

/**
 * Prefixes a writer may set apart from their word ("co operation", "pre war", "non profit"): a
 * closed list of bound prefixes, none of them a word of its own ("post", "counter") or a
 * contraction's part ("you re done"), so that no pair of two words is joined.
 */
const SPACED_PREFIXES = new Set(['co', 'pre', 'non', 'anti', 'multi', 'semi', 'sub', 'mid', 'inter', 'intra', 'bi', 'tri']);

/**
 * Is `tok` one word with `prev`, written with a hyphen ("co-operation") or as a prefix set apart
 * by one space ("co operation")? Both are also read as the joined word ("cooperation").
 */
export function joinedPair(text: string, prev: Token, tok: Token): boolean {
  if (hyphenJoined(text, prev, tok)) return true;
  return prev.end === tok.start - 1 && text.charCodeAt(prev.end) === 32 && SPACED_PREFIXES.has(prev.word) && /^\p{Ll}/u.test(text.slice(tok.start, tok.start + 1));
}

/**
 * A word written in capitals ("US", "WHO", "IT"): an acronym, never the stop word its lower-case
 * form may be ("us", "who", "it"), on both sides.
 */
export function inCapitals(text: string, tok: Token): boolean {
  return tok.capital && tok.end - tok.start > 1 && /^\p{Lu}+$/u.test(text.slice(tok.start, tok.end));
}

/** A dotted initialism ("u.s", "j.d" as the segmenter reads "U.S.", "J.D."): its letters read as one word ("us", "jd"), as a page may write it. */
export function initialismLetters(tok: Token): string | null {
  return /^(?:\p{L}\.)+\p{L}$/u.test(tok.word) ? tok.word.replace(/\./g, '') : null;
}

/** The stem of a hyphenated pair read as one word. */
export function joinedStem(prev: Token, tok: Token): string {
  return stem(prev.word + tok.word);
}

/**
 * Where a glued word of a scraped page changes case inside ("ScotlandDied", "NewsOPINIONApril"):
 * before an upper-case letter after a lower-case one, and before the last capital of a run of
 * capitals followed by lower case. Null when it does not: most words.
 */
const GLUED = /(?<=\p{Ll})(?=\p{Lu})|(?<=\p{Lu})(?=\p{Lu}\p{Ll})/u;
export function gluedParts(raw: string): string[] | null {
  const parts = raw.split(GLUED);
  return parts.length > 1 ? parts : null;
}
