/**
 * Disagreements between a claim and one passage, each with what each side says, and whether it is
 * reliable enough to call the claim contradicted.
 *
 * Reliable (same slot of the same statement):
 * - a number or year the claim gives that the passage replaces by another of the same kind, with
 *   at least two content words around both in common, and a plain count counting the same thing
 *   ("number");
 * - a month the passage replaces by another month next to the same year or day ("number");
 * - a negation of the same predicate: the claim's "not"/"no"/"never"/"-n't" governs a word the
 *   passage states with no negation near it ("claimNegation"), or the other way round
 *   ("sourceNegation");
 * - a change word turned round on the same subject: "fares increased" / "fares decreased"
 *   ("direction");
 * - a different name in the same role: the claim's name is absent, another stands where it stood,
 *   next to the same content word ("name"); two names sharing a word ("Mayor …") only differ.
 * Listed only, as differences: the same kinds where the slot is not clearly the same ("looseNumber",
 * "looseName", "looseSourceNegation"), and opposites that are not change words ("better"/"worse",
 * WordNet's antonyms: "antonym" when from WordNet, "direction" when hand-listed, never reliable).
 * Words of order and place (before/after, top/side) are no conflict at all.
 *
 * Whether the passage aligns tightly enough for a reliable kind to make the claim `contradicted`
 * is the caller's decision (`index.ts`).
 */
import { opensSentence, type ClaimAnalysis } from './claim';
import { ambiguousDate, comparable, sameNumber, type NumberMention } from './numbers';
import type { SourceIndex } from './source';
import { stem, type Token } from './text';
import { changeOpposites, otherOpposites } from './lexicon';
import { NEGATIONS, NEGATIVE_PREFIXES, ORDER_AND_PLACE, OTHER_OPPOSITES, STOPWORDS } from './words';

export type ConflictKind =
  | 'number'
  | 'name'
  | 'claimNegation'
  | 'sourceNegation'
  | 'direction'
  | 'antonym'
  | 'looseNumber'
  | 'looseName'
  | 'looseSourceNegation';

export interface Conflict {
  kind: ConflictKind;
  /** Same slot of the same statement: may make the claim contradicted. */
  reliable: boolean;
  message: string;
}

export interface Conflicts {
  list: Conflict[];
  messages: string[];
  /** Indices of claim terms involved (left out when judging how close the passage is). */
  terms: Set<number>;
  kinds: Set<ConflictKind>;
  reliable: boolean;
}

/** How many content words after a negation it governs, and how near a matching one must be. */
const SCOPE = 4;
const NEAR = 6;

/** Plain negations: what a reader takes as "does not". Wider cues ("fail", "lack") only agree with them. */
const PLAIN_NEGATIONS = new Set([
  'not', 'no', 'never', 'none', 'nor', 'neither', 'cannot', "can't", "don't", "doesn't", "didn't", "isn't",
  "aren't", "wasn't", "weren't", "won't", "wouldn't", "hasn't", "haven't", "hadn't", "shouldn't", "couldn't",
  'nobody', 'nothing',
]);

const MONTHS = new Set([
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october',
  'november', 'december',
]);

const isContent = (t: Token) => !STOPWORDS.has(t.word) && !/^\d/.test(t.word);

/** Stems of the content words a negation at `at` governs. */
export function negationScope(tokens: Token[], at: number): string[] {
  const out: string[] = [];
  for (let k = at + 1; k < tokens.length && out.length < SCOPE; k++) {
    const t = tokens[k];
    if (NEGATIONS.has(t.word)) break;
    if (isContent(t)) out.push(t.stem);
  }
  return out;
}

/** A negative-prefixed form of a stem ("unsafe" for "safe"). */
function negativeForm(t: Token, stems: Set<string>): boolean {
  return NEGATIVE_PREFIXES.some((p) => t.word.startsWith(p) && t.word.length >= p.length + 3 && stems.has(stem(t.word.slice(p.length).replace(/^-/, ''))));
}

/** Whether `tokens[from, to)` has a negation within NEAR tokens of a word whose stem is in `stems`. */
export function negatedNear(tokens: Token[], from: number, to: number, stems: Set<string>): boolean {
  for (let k = from; k < to; k++) {
    if (negativeForm(tokens[k], stems)) return true;
    if (!NEGATIONS.has(tokens[k].word)) continue;
    for (let j = Math.max(from, k - NEAR); j < Math.min(to, k + NEAR + 1); j++) {
      // A stop word is never the negated word, whatever its stem ("several" is not "severe").
      if (j !== k && stems.has(tokens[j].stem) && isContent(tokens[j])) return true;
    }
  }
  return false;
}

/** A plain negation that governs something ("not only … but also" does not negate). */
function plainNegationAt(tokens: Token[], k: number): boolean {
  if (!PLAIN_NEGATIONS.has(tokens[k].word)) return false;
  const next = tokens[k + 1]?.word;
  return !(tokens[k].word === 'not' && (next === 'only' || next === 'just' || next === 'merely'));
}

/** Content stems within `radius` tokens of positions [a, b] (the positions themselves excluded). */
function around(tokens: Token[], a: number, b: number, radius: number, from = 0, to = tokens.length): Set<string> {
  const out = new Set<string>();
  for (let k = Math.max(from, a - radius); k < Math.min(to, b + radius + 1); k++) {
    if (k >= a && k <= b) continue;
    if (isContent(tokens[k]) || /^\d/.test(tokens[k].word)) out.add(tokens[k].stem);
  }
  return out;
}

/**
 * What a plain count counts: the content words in the three tokens after it ("5,000 saplings
 * locally"). Empty for percents, fractions, years and dates, whose kind already says what they are.
 */
function counted(tokens: Token[], n: NumberMention, to = tokens.length): Set<string> {
  const out = new Set<string>();
  if (n.percent || n.fraction || n.year || n.date) return out;
  for (let k = n.last + 1; k < Math.min(to, n.last + 4); k++) if (isContent(tokens[k])) out.add(tokens[k].stem);
  return out;
}

function shared(a: Set<string>, b: Set<string>): number {
  let n = 0;
  for (const x of a) if (b.has(x)) n++;
  return n;
}

/** The first word beside position `at` (going `step`), past at most two stop words: its stem if a lower-case content word. */
function roleWord(tokens: Token[], at: number, step: 1 | -1): string | undefined {
  for (let k = at + step, n = 0; k >= 0 && k < tokens.length && n < 3; k += step, n++) {
    const t = tokens[k];
    if (STOPWORDS.has(t.word)) continue;
    return !t.capital && isContent(t) ? t.stem : undefined;
  }
  return undefined;
}

/** Runs of capitalised tokens that do not open a sentence, as [first, last] token indices. */
function nameSpans(tokens: Token[], text: string, from = 0, to = tokens.length): [number, number][] {
  const out: [number, number][] = [];
  for (let k = from; k < to; k++) {
    const t = tokens[k];
    if (!t.capital || MONTHS.has(t.word)) continue;
    // A capital that opens a sentence says nothing of a name (tested after the capital: most tokens have none).
    if (k === from || opensSentence(text, tokens[k - 1], t)) continue;
    let j = k;
    while (j + 1 < to && tokens[j + 1].capital && /^\s?$/.test(text.slice(tokens[j].end, tokens[j + 1].start))) j++;
    out.push([k, j]);
    k = j;
  }
  return out;
}

/** Every number a source states, gathered once per source (conflicts are sought in many windows of it). */
const SOURCE_NUMBERS = new WeakMap<SourceIndex, NumberMention[]>();
function numbersOf(source: SourceIndex): NumberMention[] {
  let all = SOURCE_NUMBERS.get(source);
  if (!all) SOURCE_NUMBERS.set(source, (all = source.sentences.flatMap((s) => s.numbers)));
  return all;
}

/** A name in the claim and what stands around it: the same for every passage it is compared with. */
interface ClaimName {
  a: number;
  b: number;
  own: Token[];
  roleBefore: string | undefined;
  roleAfter: string | undefined;
}

/** A claim word with opposites the claim does not also state. */
interface Opposable {
  k: number;
  change: readonly string[];
  other: readonly string[];
}

/**
 * The claim's side of every comparison, computed once per claim: its stems and words, the words
 * around each of its numbers and months, its names and their roles, its negations and their
 * scopes, its words with opposites. A claim is compared with several passages (`index.ts`).
 */
interface ClaimSide {
  stems: Set<string>;
  /** Stems of the claim's content words (stop words left out by the word, as in `claim.ts`). */
  contentStems: Set<string>;
  words: Set<string>;
  /** Per number term: the claim's content words around it, and how many claim numbers are of its kind. */
  numberNear: Map<number, { near: Set<string>; counted: Set<string>; sameKind: number }>;
  /** Capitalised month tokens: the digits around each. */
  months: { k: number; digits: string[] }[];
  names: ClaimName[];
  negations: { k: number; scope: string[] }[];
  opposables: Opposable[];
  /** Words the claim negates by a prefix, with the plain word's stem (one the claim does not also state). */
  prefixed: { t: Token; plain: string }[];
  /** Indices of the number terms, in order. */
  numberTerms: number[];
  /** Every stem the checks look up in a passage: only these are gathered from it. */
  queried: Set<string>;
  /** The words of the claim's names: the only passage words the name check looks up. */
  nameWords: Set<string>;
}

const CLAIM_SIDES = new WeakMap<ClaimAnalysis, ClaimSide>();

function claimSide(analysis: ClaimAnalysis): ClaimSide {
  let side = CLAIM_SIDES.get(analysis);
  if (side) return side;
  const tokens = analysis.tokens;
  const stems = new Set(tokens.map((t) => t.stem));
  const numberNear = new Map<number, { near: Set<string>; counted: Set<string>; sameKind: number }>();
  analysis.terms.forEach((term, i) => {
    if (term.kind !== 'number' || !term.number) return;
    const sameKind = analysis.numbers.filter((c) => comparable(c, term.number!)).length;
    const n = term.number;
    numberNear.set(i, { near: around(tokens, n.first, n.last, 4), counted: counted(tokens, n), sameKind });
  });
  const months: ClaimSide['months'] = [];
  tokens.forEach((t, k) => {
    if (MONTHS.has(t.word) && t.capital) months.push({ k, digits: [...around(tokens, k, k, 2)].filter((x) => /^\d/.test(x)) });
  });
  const names = nameSpans(tokens, analysis.text).map(([a, b]) => ({
    a,
    b,
    own: tokens.slice(a, b + 1),
    roleBefore: roleWord(tokens, a, -1),
    roleAfter: roleWord(tokens, b, 1),
  }));
  const negations: ClaimSide['negations'] = [];
  for (let k = 0; k < tokens.length; k++) if (plainNegationAt(tokens, k)) negations.push({ k, scope: negationScope(tokens, k) });
  const opposables: Opposable[] = [];
  tokens.forEach((t, k) => {
    if (ORDER_AND_PLACE.has(t.stem)) return;
    // Most words have no opposite: the lexicon's shared empty list is kept, not copied.
    const changes = changeOpposites(t.stem);
    const others = otherOpposites(t.stem);
    if (changes.length === 0 && others.length === 0) return;
    const change = changes.filter((o) => !stems.has(o));
    const other = others.filter((o) => !stems.has(o));
    if (change.length || other.length) opposables.push({ k, change, other });
  });
  const prefixed: ClaimSide['prefixed'] = [];
  for (const t of tokens) {
    const prefix = NEGATIVE_PREFIXES.find((p) => t.word.startsWith(p) && t.word.length >= p.length + 4);
    if (!prefix) continue;
    const plain = stem(t.word.slice(prefix.length).replace(/^-/, ''));
    if (!stems.has(plain)) prefixed.push({ t, plain });
  }
  const queried = new Set<string>();
  for (const { k } of months) queried.add(tokens[k].stem);
  for (const { scope } of negations) for (const x of scope) queried.add(x);
  for (const { k, change, other } of opposables) for (const x of [tokens[k].stem, ...change, ...other]) queried.add(x);
  for (const { t, plain } of prefixed) queried.add(t.stem).add(plain);
  const nameWords = new Set(names.flatMap((n) => n.own.map((t) => t.word)));
  side = {
    stems,
    contentStems: new Set(tokens.filter(isContent).map((t) => t.stem)),
    words: new Set(tokens.map((t) => t.word)),
    numberNear,
    months,
    names,
    negations,
    opposables,
    prefixed,
    numberTerms: [...numberNear.keys()],
    queried,
    nameWords,
  };
  CLAIM_SIDES.set(analysis, side);
  return side;
}

export function findConflicts(analysis: ClaimAnalysis, source: SourceIndex, from: number, to: number, matched: boolean[]): Conflicts {
  const list: Conflict[] = [];
  const terms = new Set<number>();
  const tokenFrom = source.sentences[from].tokenFrom;
  const tokenTo = source.sentences[to].tokenTo;
  const passage = source.tokens.slice(tokenFrom, tokenTo);
  const text = source.text;
  const claimTokens = analysis.tokens;
  const side = claimSide(analysis);
  const claimStems = side.stems;
  // Of the passage's stems, those the checks below look up, each with its first word.
  const passageStems = new Map<string, string>();
  // Of those, the stems the passage holds as content words: a negated word is never a stop word.
  const passageContent = new Set<string>();
  if (side.queried.size) {
    for (const t of passage) {
      if (!side.queried.has(t.stem)) continue;
      if (!passageStems.has(t.stem)) passageStems.set(t.stem, t.word);
      if (isContent(t)) passageContent.add(t.stem);
    }
  }
  const add = (kind: ConflictKind, reliable: boolean, message: string) => list.push({ kind, reliable, message });

  // Numbers and years: a rival of the same kind, in the same slot when two content words agree around both.
  // A source that states the claim's own value elsewhere ("the survey of 2022", then "counted …,
  // up from the survey of 2017") has the passage's other value about something else: next to the
  // passage, no conflict at all; further away, no loose "differs" (a reliable rival still counts).
  // Claim tokens of a date already found in conflict (its month is not reported a second time).
  const dated = new Set<number>();
  // The passage's numbers and those of the sentences beside it, read only when a claim number is not matched.
  let numbers: NumberMention[] | null = null;
  let near: NumberMention[] | null = null;
  for (const i of side.numberTerms) {
    const term = analysis.terms[i];
    if (matched[i]) continue;
    near ??= source.sentences.slice(Math.max(0, from - 1), Math.min(source.sentences.length, to + 2)).flatMap((s) => s.numbers);
    if (near.some((m) => sameNumber(m, term.number!))) continue;
    numbers ??= source.sentences.slice(from, to + 1).flatMap((s) => s.numbers);
    const rivals = numbers.filter((m) => comparable(m, term.number!) && !analysis.numbers.some((c) => sameNumber(c, m)));
    if (rivals.length === 0) continue;
    const { near: claimNear, counted: claimCounted, sameKind } = side.numberNear.get(i)!;
    let best = rivals[0];
    let bestShared = -1;
    for (const r of rivals) {
      const n = shared(around(source.tokens, r.first, r.last, 4, tokenFrom, tokenTo), claimNear);
      if (n > bestShared) {
        bestShared = n;
        best = r;
      }
    }
    // Two content words in common around both; or one, where each side has only this one number of its kind.
    const alone = rivals.length === 1 && sameKind === 1;
    // "05/03/2020" may be either of two dates: it can differ, never reliably.
    // A count of other things ("5,000 saplings" against "two new nurseries") is another slot,
    // however many words the two sentences share.
    const theirCounted = counted(source.tokens, best, tokenTo);
    const otherThings = claimCounted.size > 0 && theirCounted.size > 0 && shared(claimCounted, theirCounted) === 0;
    const reliable =
      (bestShared >= 2 || (bestShared >= 1 && alone)) && !otherThings && !ambiguousDate(term.number!) && !ambiguousDate(best);
    if (!reliable && numbersOf(source).some((m) => sameNumber(m, term.number!))) continue;
    terms.add(i);
    for (let k = term.number!.first; k <= term.number!.last; k++) dated.add(k);
    add(reliable ? 'number' : 'looseNumber', reliable, `source says ${text.slice(best.start, best.end)}, claim says ${term.surface}`);
  }

  // Months: another month beside the same year or day.
  for (const { k, digits } of side.months) {
    const t = claimTokens[k];
    if (passageStems.has(t.stem) || dated.has(k)) continue;
    let found = false;
    for (let j = 0; j < passage.length && !found; j++) {
      const p = passage[j];
      if (!MONTHS.has(p.word) || !p.capital || claimStems.has(p.stem)) continue;
      const near = around(passage, j, j, 2);
      if (!digits.some((s) => near.has(s))) continue;
      analysis.terms.forEach((term, i) => term.stem === t.stem && terms.add(i));
      add('number', true, `source says ${text.slice(p.start, p.end)}, claim says ${analysis.text.slice(t.start, t.end)}`);
      found = true;
    }
  }

  // A different name in the same role.
  const passageWords = new Set<string>();
  if (side.names.length) for (const t of passage) if (side.nameWords.has(t.word)) passageWords.add(t.word);
  const passageNames = side.names.length ? nameSpans(passage, text) : [];
  for (const { a, b, own, roleBefore, roleAfter } of side.names) {
    const absent = own.filter((t) => !passageWords.has(t.word));
    if (absent.length === 0) continue;
    for (const [c, d] of passageNames) {
      const theirs = passage.slice(c, d + 1);
      const other = theirs.filter((t) => !side.words.has(t.word));
      if (other.length === 0) continue;
      // The role: the same lower-case content word next to both names (stop words between them
      // skipped); or, listed only, a word the two names share ("Mayor").
      const before = roleBefore !== undefined && roleBefore === roleWord(passage, c, -1);
      const after = roleAfter !== undefined && roleAfter === roleWord(passage, d, 1);
      const title = own.length > absent.length && theirs.length > other.length;
      const looseBefore = claimTokens[a - 1] && passage[c - 1] && claimTokens[a - 1].stem === passage[c - 1].stem;
      const looseAfter = claimTokens[b + 1] && passage[d + 1] && claimTokens[b + 1].stem === passage[d + 1].stem;
      if (!(before || after || title || looseBefore || looseAfter)) continue;
      // A shared word of two multi-word names ("Mayor", "University of …") is listed, never
      // reliable: on real pages it mostly joins two forms of one name or two related bodies.
      const reliable = Boolean(before || after);
      const say = (ts: Token[], src: string) => src.slice(ts[0].start, ts[ts.length - 1].end);
      // Only a name in the same role leaves the alignment test: a "differs" must not decide the
      // verdict, and taking its words out would let a passage about another place align.
      if (reliable) analysis.terms.forEach((term, i) => absent.some((t) => t.stem === term.stem) && terms.add(i));
      add(reliable ? 'name' : 'looseName', reliable, `source says ${say(other, text)}, claim says ${say(absent, analysis.text)}`);
      break;
    }
  }

  // A negation on one side only, of the same predicate.
  for (const { k, scope } of side.negations) {
    // The negated word itself must be in the passage: a negated phrase it does not state is not contradicted by it.
    if (scope.length === 0 || !passageContent.has(scope[0])) continue;
    const present = scope.filter((x) => passageContent.has(x));
    if (!negatedNear(passage, 0, passage.length, new Set(present))) {
      add('claimNegation', true, `claim says "${claimTokens[k].word}", source does not negate it`);
      break;
    }
  }
  for (let k = 0; k < passage.length; k++) {
    if (!plainNegationAt(passage, k)) continue;
    const governed = negationScope(passage, k);
    const scope = governed.filter((s) => side.contentStems.has(s));
    if (scope.length === 0) continue;
    if (!negatedNear(claimTokens, 0, claimTokens.length, new Set(scope))) {
      // "would not be cut" against "would be cut": the negated word itself is the claim's.
      const reliable = side.contentStems.has(governed[0]);
      add(reliable ? 'sourceNegation' : 'looseSourceNegation', reliable, `source says "${passage[k].word}", claim does not`);
      break;
    }
  }

  // Opposites: change words on the same subject are reliable; other opposites are differences.
  let opposed = false;
  for (const { k, change, other } of side.opposables) {
    const t = claimTokens[k];
    if (passageStems.has(t.stem)) continue;
    for (const [opposites, isChange] of [[change, true], [other, false]] as const) {
      const hit = opposites.find((o) => passageStems.has(o));
      if (!hit) continue;
      const j = passage.findIndex((p) => p.stem === hit);
      // The same subject: a content word near both (a noun the change is about).
      const sameSubject = shared(around(claimTokens, k, k, 4), around(passage, j, j, 4)) >= 1;
      const handListed = isChange || !!HAND_LISTED.get(t.stem)?.includes(hit);
      add(handListed ? 'direction' : 'antonym', isChange && sameSubject, `source says "${passage[j].word}", claim says "${t.word}"`);
      analysis.terms.forEach((term, i) => term.stem === t.stem && terms.add(i));
      opposed = true;
      break;
    }
    if (opposed) break;
  }

  // A word the claim negates by a prefix ("ineffective") where the passage has the plain word.
  if (!opposed) {
    for (const { t, plain } of side.prefixed) {
      if (passageStems.has(t.stem)) continue;
      if (passageStems.has(plain)) {
        add('direction', false, `source says "${passageStems.get(plain)}", claim says "${t.word}"`);
        analysis.terms.forEach((term, i) => term.stem === t.stem && terms.add(i));
        break;
      }
    }
  }
  return {
    list,
    messages: list.map((c) => c.message),
    terms,
    kinds: new Set(list.map((c) => c.kind)),
    reliable: list.some((c) => c.reliable),
  };
}

const HAND_LISTED = new Map<string, string[]>();
for (const [a, b] of OTHER_OPPOSITES) {
  HAND_LISTED.set(a, [...(HAND_LISTED.get(a) ?? []), b]);
  HAND_LISTED.set(b, [...(HAND_LISTED.get(b) ?? []), a]);
}
