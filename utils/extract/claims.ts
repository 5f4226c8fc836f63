/**
 * The claim a marker attributes, from a block's text alone (strings in, strings out).
 *
 * Rule: the claim of a marker group is the sentence that ends at it, or, when an earlier group
 * sits inside the same sentence, the clause since that group. It is never the next sentence and
 * never the whole paragraph. Markers are taken out of the text before it is segmented, so that
 * "formed.[81] The exact" segments like "formed. The exact" and the marker belongs to the
 * sentence it follows. Closing punctuation right after the marker ("small[2].") stays with the
 * claim when nothing else follows it in the sentence.
 *
 * Fragments: the clause since an earlier group is the claim only when it reads as a statement of
 * its own, opening with a capital letter or a digit and holding at least FRAGMENT_WORDS words.
 * A clause that opens with a lower-case word is the tail of its sentence: a conjunction ("and
 * snails."), a relative ("who introduced …"), a preposition ("further north."), an apposition or
 * the next item of a list ("a mobile OS called Firefox OS"). Such a clause carries the sentence's
 * earlier part: the claim starts at the nearest earlier group after which the clause does read as
 * a statement, or at the sentence's start. But a second clause with a subject of its own after a
 * conjunction ("… in 1931[1] and the weir fell into ruin.[2]", phrases.ts secondClause) is its
 * group's, when the clause before the earlier group has its verb; with none, the two share the
 * predicate ("Gulls[1] and the terns were counted …[2]").
 *
 * Inside a clause: a group with words right before and right after it and no punctuation on
 * either side ("un vote[10] tendu et très serré au Bundestag, …", "devices using this OS
 * include[55] Alcatel One Touch Fire, …") sits in the middle of a phrase. When no later group in
 * the sentence cites the words that follow, the claim runs on to the sentence's end, since ending
 * at the group would leave half a phrase. When a later group does ("metabolism[1] and increases
 * food intake,[2] both …"), each group cites its own part and the claim ends at the group, unless
 * the word after the group continues the phrase it stands in ("an open source[1] codec to play
 * …[2]"; not a preposition but "of", a conjunction or a relative: PART_OPENING): then the claim
 * runs on to that phrase's end, clause punctuation, a conjunction or the next group
 * (phraseGoesOnTo).
 *
 * Subjects: a group inside the sentence's subject, before its verb, cites no statement where it
 * stands ("The reed warbler, the marsh tit,[1] and the bittern[2] nest in the fen"). When the text
 * before it holds no verb (REGEXPS.verbWord), the words after it are more items of the list, each
 * closed by its group, and the last item's group has words right on both sides (its predicate
 * follows), every group of the list gets the subject with its predicate: the sentence up to the
 * next group after the predicate, or to the sentence's end. So does a group after a short phrase
 * with no verb that opens the sentence and ends with a comma, when the sentence's statement follows
 * ("A regional power,[1] New Zealand is involved in …"); a group anywhere inside a phrase of any
 * length that opens the sentence with a preposition and has no verb up to the comma before the
 * statement ("In response to the company's plans[1] and the settlers' purchases,[2] the governor
 * declared …"; insidePrepositionalPhrase); a group that closes a subordinate clause
 * opening the sentence, when the main clause follows it ("In the 1960s, as tertiary education
 * became more available and cities expanded[1] urban culture began to dominate";
 * closesSubordinateClause); and a group after a list's last item closed by a comma ("The
 * scenery, plus incentives,[1] have drawn …"). An aside in the subject
 * (a comma apposition or a parenthesis after a short head with no verb): its group cites the
 * aside when a later group of the sentence follows (the claim is the head with its aside, which a
 * reader can check), and the whole sentence when it is the sentence's only group. With the
 * predicate's verb right after the group, the head may be long and hold participles with their
 * prepositions ("the area covered by rivers, …, based on figures from the survey,[1] is 1.6%").
 *
 * Lists: a group in the middle of a list of short items that qualify one noun, with the rest of
 * the list after it ("There was also significant Dutch, Dalmatian,[1] German, and Italian
 * immigration, …"), would leave the list without its noun. When its item and the one before it
 * are closed by commas and the words after it are more items, the last opened by "and" or "or",
 * none holding a verb or a group, the claim runs on to the end of the last item.
 *
 * A clause since an earlier group that ends with a comma or no punctuation and opens with names
 * followed by a comma, a bracket, "and"/"or" or nothing is the next item of a list, not a
 * statement, however it is capitalised ("…, Crete,[2] El Alamein and Cassino.[3]").
 *
 * Parentheses and quotations: a claim never starts or ends inside a parenthesis, and never
 * starts inside a quotation, opened or closed outside it (brackets.ts).
 */
import { isAttributionOnly } from './attribution';
import { balancedText, bracketPositions, endPastQuotation, quotationOpening, withoutParentheses } from './brackets';
import { FRONTED_PHRASE_WORDS, FRONTED_WORDS, HEAD_WORDS, isListItem, LAST_ITEM, LAST_ITEM_WORDS, LEADING_PARTICIPLE, LIST_ITEM, LIST_ITEM_WORDS, LIST_NEXT, LIST_REST, NOT_A_HEAD, PART_END, PART_OPENING, PARTICIPLE_PHRASE, predicateVerbNext, NOT_A_SUBJECT, opensWithListItem, PREPOSITION_OPENING, readsAsStatement, secondClause, STATEMENT_AFTER, SUBORDINATE_OPENING, wordCount } from './phrases';
import { floorIndex, HAS_WORD, lowerBound, normalizeSpace, sentenceStarts, tidyClaim } from './text';
import { hasVerb, REGEXPS, type VerbLanguage } from './vocabulary';

export interface Span {
  start: number;
  end: number;
  /** The group may open a sentence (an author-year citation as its subject). */
  opensSentence?: boolean;
  /** A narrative citation: its words are the sentence's own, kept in the clean text. */
  keepWords?: boolean;
}

/**
 * Re-scans of a page that changed (late content, single-page apps) meet mostly the same blocks
 * again: their segmentation, the costliest step, is remembered by text. Bounded: the memo is
 * dropped whole when it fills up.
 */
const SEGMENT_MEMO_CHARS = 2_000_000;
/** By language (see sentenceStarts), then by text. */
const segmentMemo = new Map<VerbLanguage, Map<string, number[]>>();
let segmentMemoChars = 0;

function cachedSentenceStarts(text: string, language: VerbLanguage): number[] {
  let memo = segmentMemo.get(language);
  let starts = memo?.get(text);
  if (!starts) {
    if (segmentMemoChars + text.length > SEGMENT_MEMO_CHARS) {
      segmentMemo.clear();
      segmentMemoChars = 0;
      memo = undefined;
    }
    if (!memo) segmentMemo.set(language, (memo = new Map()));
    starts = sentenceStarts(text, language);
    memo.set(text, starts);
    segmentMemoChars += text.length;
  }
  return starts;
}

/** A list item that opens with an article: a noun phrase of its own, not a word qualifying the list's noun. */
const OWN_NOUN_ITEM = /^\s*(?:the|a|an)\s/i;

export class BlockText {
  /** The block's text with every marker group removed. */
  readonly clean: string;
  /** Where each group sat in `clean` (after its words, for a group that keeps them). */
  readonly groupAt: number[];
  /** Where each group's kept words start in `clean` (its `groupAt` when it keeps none). */
  private readonly wordsAt: number[];
  private readonly groups: Span[];
  private starts?: number[];
  private parenAt?: number[];

  /** The language of the block's text, for the verb test (hasVerb); undefined: not known. */
  private readonly language: VerbLanguage;

  constructor(raw: string, groups: Span[], language?: VerbLanguage) {
    this.groups = groups;
    this.language = language;
    const parts: string[] = [];
    const at: number[] = [];
    const wordsAt: number[] = [];
    let length = 0;
    let previous = 0;
    for (const g of groups) {
      const piece = raw.slice(previous, g.keepWords ? g.end : g.start);
      parts.push(piece);
      wordsAt.push(length + (g.keepWords ? g.start - previous : piece.length));
      length += piece.length;
      at.push(length);
      previous = g.end;
    }
    parts.push(raw.slice(previous));
    this.clean = parts.join('');
    this.groupAt = at;
    this.wordsAt = wordsAt;
  }

  /** A narrative group's words as the claim shows them ("" for a group whose words are removed). */
  keptWords(index: number): string {
    return normalizeSpace(this.clean.slice(this.wordsAt[index], this.groupAt[index]));
  }

  /** Sentence starts of the clean text, computed once and only when a claim asks. */
  sentences(): number[] {
    if (!this.starts) {
      let starts = cachedSentenceStarts(this.clean, this.language);
      // A citation that opens a sentence ("… together. Snell et al. (2024) showed …") leaves a
      // lower-case word after the full stop, where the segmenter sees no new sentence.
      const opening = this.groupAt.filter((at, i) => this.groups[i].opensSentence && !this.groups[i].keepWords && /[.!?]["”’)]*\s+$/.test(this.clean.slice(Math.max(0, at - 4), at)));
      if (opening.length > 0) starts = [...new Set([...starts, ...opening])].sort((a, b) => a - b);
      this.starts = starts;
    }
    return this.starts;
  }

  /** Offset in the clean text of a raw offset that lies outside every group. */
  toClean(raw: number): number {
    let removed = 0;
    for (const g of this.groups) {
      if (g.start >= raw) break;
      removed += Math.min(g.end, raw) - g.start;
    }
    return raw - removed;
  }

  /** Offset in the raw text of a clean offset (the first raw character it stands for). */
  toRaw(clean: number): number {
    let added = 0;
    for (let i = 0; i < this.groups.length && this.groupAt[i] <= clean; i++) added += this.groups[i].end - this.groups[i].start;
    return clean + added;
  }

  /** The sentence a group belongs to: the one it closes, or the one it opens. */
  private sentenceOf(index: number): number {
    const starts = this.sentences();
    const at = this.groupAt[index];
    const s = floorIndex(starts, at);
    return starts[s] === at && s > 0 && !this.groups[index].opensSentence ? s - 1 : s;
  }

  private sentenceEnd(s: number): number {
    const starts = this.sentences();
    return s + 1 < starts.length ? starts[s + 1] : this.clean.length;
  }

  /** Does the sentence go on, with words, after group `index`? */
  continuesAfter(index: number): boolean {
    const at = this.groupAt[index];
    return /[\p{L}\p{N}]/u.test(this.clean.slice(at, this.sentenceEnd(this.sentenceOf(index))));
  }

  /**
   * Does group `index`, a citation in parentheses inside its sentence, close a statement of its
   * own, with a later group in the same sentence for the words after it ("… by prompting them
   * with “think step by step” (Kojima et al. 2022) or more complex prompting … (Yasunaga et al.
   * 2023).")? Then the words up to it read as a statement and hold a verb, and by the claim
   * boundary its claim ends there.
   */
  closesOwnStatement(index: number): boolean {
    if (this.groups[index].keepWords || index + 1 >= this.groups.length || this.sentenceOf(index + 1) !== this.sentenceOf(index)) return false;
    const part = tidyClaim(this.claimOf(index));
    return readsAsStatement(part) && hasVerb(part, this.language);
  }

  /** Does group `index` open its sentence (nothing but punctuation before it or its words)? */
  startsSentence(index: number): boolean {
    return !/[\p{L}\p{N}]/u.test(this.clean.slice(this.sentences()[this.sentenceOf(index)], this.wordsAt[index]));
  }

  /**
   * The text attributed by group `index` (markers removed, spaces normalised), maybe empty. With
   * `toSentenceEnd`, the claim runs on to the end of the sentence instead of ending at the group.
   */
  claimOf(index: number, toSentenceEnd = false): string {
    const clean = this.clean;
    const at = this.groupAt[index];
    if (toSentenceEnd) {
      const starts = this.sentences();
      const s = this.sentenceOf(index);
      // A narrative citation belongs to its whole sentence.
      const from = this.groups[index].keepWords ? [] : this.earlierGroups(index, starts[s], at);
      return this.wholeClause(from, starts[s], (start) => this.balanced(start, this.sentenceEnd(s), starts[s], this.sentenceEnd(s), '', at));
    }
    const predicateGroup = this.frontedPhrase(index) || this.closesSubordinateClause(index) ? index : (this.subjectEndsAt(index) ?? this.insidePrepositionalPhrase(index));
    if (predicateGroup !== undefined) return this.withPredicate(index, predicateGroup);
    if (this.insideClause(index) || this.soleGroupInSubject(index)) return this.claimOf(index, true);
    if (this.closesFirstCorrelate(index)) return this.withPredicate(index, index);
    const listEnd = this.listGoesOnTo(index);
    if (listEnd !== undefined) {
      const starts = this.sentences();
      const s = this.sentenceOf(index);
      return this.wholeClause(this.earlierGroups(index, starts[s], at), starts[s], (start) => this.balanced(start, listEnd, starts[s], this.sentenceEnd(s)));
    }
    const phraseEnd = this.phraseGoesOnTo(index);
    if (phraseEnd !== undefined) {
      const starts = this.sentences();
      const s = this.sentenceOf(index);
      return this.wholeClause(this.earlierGroups(index, starts[s], at), starts[s], (start) => this.balanced(start, phraseEnd, starts[s], this.sentenceEnd(s)));
    }
    let end = at;
    while (end > 0 && /\s/.test(clean[end - 1])) end--;
    if (end === 0) return '';
    const starts = this.sentences();
    const s = floorIndex(starts, end - 1);
    const sentenceEnd = s + 1 < starts.length ? starts[s + 1] : clean.length;
    // Closing punctuation after the marker ("walking [4]."), when only that remains of the sentence.
    const rest = clean.slice(at, sentenceEnd);
    const closing = rest.match(/^[.!?…"'”’)\]]+/);
    let tail = closing && /^\s*$/.test(rest.slice(closing[0].length)) && this.nextGroupAfter(index) >= at + closing[0].length ? closing[0] : '';
    // "à Berlin.[32].": the sentence already ended before the marker; its second full stop is not the claim's.
    if (tail && SENTENCE_STOP.test(tail) && SENTENCE_STOP.test(clean.charAt(end - 1))) tail = '';
    // A previous group inside the same sentence: the claim is the clause since that group.
    const from = this.quotationStart(index, s, end);
    return this.wholeClause(this.earlierGroups(index, from, end), from, (start) => this.balanced(start, end, from, sentenceEnd, tail, at));
  }

  /**
   * Where the claim of group `index`, ending at `end` in sentence `s`, starts: the sentence's
   * start, unless the sentence closes a quotation opened in an earlier one ("“The community has
   * been taken for granted. It’s time to break with the past,” he said.[3]"). Then it starts
   * where the quotation opens, at most QUOTED_SENTENCES back and never past an earlier group, so
   * that the claim holds the whole quotation rather than its last sentence with a closing quote
   * alone: a claim never starts inside a quotation opened outside it.
   */
  private quotationStart(index: number, s: number, end: number): number {
    return this.openingOfQuotation(s, end, index > 0 ? this.groupAt[index - 1] : -1);
  }

  /** The start of sentence `s`, or of the earlier sentence (after `limit`) whose quotation [start of `s`, `end`) closes. */
  private openingOfQuotation(s: number, end: number, limit: number): number {
    return quotationOpening(this.clean, this.sentences(), s, end, limit);
  }

  /**
   * Does group `index` sit inside its clause, so that ending the claim there would cut a phrase
   * ("un vote[10] tendu et très serré", "devices include[55] Alcatel One Touch Fire")? Words on
   * both sides with no punctuation between, and no later group in the sentence to cite the
   * words that follow: see Inside a clause at the top of this module.
   */
  private insideClause(index: number): boolean {
    if (this.groups[index].keepWords) return false;
    const clean = this.clean;
    const at = this.groupAt[index];
    const before = this.spacesBefore(at);
    if (before === 0 || !WORD_END.test(clean[before - 1])) return false;
    if (!WORD_NEXT.test(this.ahead(at, 8))) return false;
    return this.nextGroupAfter(index) > this.sentenceEndPastQuotation(this.sentenceOf(index));
  }

  /**
   * Where the phrase ends that group `index` cuts, when a later group of the sentence cites the
   * words after it ("… a binary build of an open source[1] codec to play the H.264 format.[2]"):
   * words right on both sides, no punctuation between, and the word after the group continues
   * the phrase rather than open a new part of the clause (PART_OPENING: "donated US$1,000[1] in
   * 2008" keeps its end). The claim runs on to the phrase's end: clause punctuation, a
   * conjunction, or the next group, whichever comes first.
   */
  private phraseGoesOnTo(index: number): number | undefined {
    if (this.groups[index].keepWords) return undefined;
    const clean = this.clean;
    const at = this.groupAt[index];
    const before = this.spacesBefore(at);
    if (before === 0 || !WORD_END.test(clean[before - 1])) return undefined;
    const next = this.nextGroupAfter(index);
    if (next > this.sentenceEnd(this.sentenceOf(index))) return undefined;
    const rest = clean.slice(at, next);
    if (!WORD_NEXT.test(rest) || PART_OPENING.test(rest)) return undefined;
    const stop = PART_END.exec(rest);
    return this.spacesBefore(at + (stop ? stop.index : rest.length));
  }

  /**
   * Is group `index` the only group of its sentence, placed in the sentence's subject after an
   * aside or a parenthesis, before the predicate ("Aotearoa (often translated as …)[1] is the
   * Māori name", "The Realm, one of 16 realms,[2] is the area …")? The text before it holds no
   * verb once its parentheses are set aside, and words follow it in the sentence: ending there
   * would leave a subject without its statement, and no other group cites the rest (see Subjects
   * at the top of this module).
   */
  private soleGroupInSubject(index: number): boolean {
    if (this.groups[index].keepWords) return false;
    const clean = this.clean;
    const s = this.sentenceOf(index);
    const sentenceStart = this.sentences()[s];
    if (!this.opensSentence(index, s, sentenceStart)) return false;
    const before = this.spacesBefore(this.wordsAt[index], sentenceStart);
    const last = clean[before - 1];
    if (last !== ')' && last !== ',') return false;
    const after = this.ahead(this.groupAt[index], 12);
    if (!WORD_NEXT.test(after)) return false;
    if (this.nextGroupAfter(index) <= this.sentenceEndPastQuotation(s)) return false;
    // The subject's head: a short noun phrase with no verb ("Aotearoa", "The Realm of New Zealand").
    let subject = withoutParentheses(clean.slice(sentenceStart, before));
    if (subject === undefined || NOT_A_SUBJECT.test(subject)) return false;
    // The predicate's own verb right after the group ("…, based on figures from the survey,[4] is
    // 1.6%"): the subject ends there, however long its head, and a participle with its preposition
    // in it ("the area covered by rivers") qualifies a noun.
    const predicateNext = predicateVerbNext(after, this.language);
    if (predicateNext) subject = subject.replace(PARTICIPLE_PHRASE, ' ');
    const comma = last === ',' ? subject.indexOf(',') : -1;
    if (last === ',' && (comma < 0 || comma === subject.length - 1)) return false;
    const head = comma < 0 ? subject : subject.slice(0, comma);
    if (!HAS_WORD.test(head) || NOT_A_HEAD.test(head) || hasVerb(head, this.language) || (!predicateNext && wordCount(head, HEAD_WORDS + 1) > HEAD_WORDS)) return false;
    // Its aside between commas may open with a participle ("headed by the chief justice"), and has no verb after it.
    return comma < 0 || !hasVerb(subject.slice(comma + 1).replace(LEADING_PARTICIPLE, ''), this.language);
  }

  /**
   * Where the list ends that group `index` sits in the middle of, when the sentence goes on with
   * the rest of it ("There was also significant Dutch, Dalmatian,[1] German, and Italian
   * immigration, …"): the group's item and the one before it are closed by commas, the words
   * after the group are more items, the last opened by "and" or "or", and no item holds a verb or
   * a group. Ending at the group would cut the list from the noun it qualifies: the claim runs on
   * to the end of the last item (see Lists at the top of this module). Items that open with an
   * article are nouns of their own ("the Korean War,[118] the Malayan Emergency,[119] the Gulf
   * War and the Afghanistan War"), each cited where it stands: the claim ends at the group.
   */
  private listGoesOnTo(index: number): number | undefined {
    if (this.groups[index].keepWords) return undefined;
    const clean = this.clean;
    const s = this.sentenceOf(index);
    const sentenceStart = this.sentences()[s];
    const before = this.spacesBefore(this.wordsAt[index], sentenceStart);
    if (clean[before - 1] !== ',') return undefined;
    const lead = clean.slice(sentenceStart, before - 1);
    const comma = lead.lastIndexOf(',');
    if (comma < 0 || !isListItem(lead.slice(comma + 1), LIST_ITEM_WORDS, this.language) || OWN_NOUN_ITEM.test(lead.slice(comma + 1))) return undefined;
    const at = this.groupAt[index];
    const rest = LIST_REST.exec(clean.slice(at, Math.min(this.nextGroupAfter(index), this.sentenceEnd(s))));
    if (!rest) return undefined;
    const items = rest[1].split(',');
    // The piece before the conjunction is empty when a comma closes the item before it ("German, and").
    const last = items.pop()!;
    if (!items.every((item) => isListItem(item, LIST_ITEM_WORDS, this.language)) || !(/^\s*$/.test(last) || isListItem(last, LIST_ITEM_WORDS, this.language))) return undefined;
    if (!isListItem(rest[2], LAST_ITEM_WORDS, this.language)) return undefined;
    return this.spacesBefore(at + rest[0].length);
  }

  /**
   * Where sentence `s` ends when a quotation opened in it closes in a later sentence ("…
   * posted a statement: "We moved too slowly. We are sorry."[28]"): the end of the sentence that
   * closes it, at most QUOTED_SENTENCES on. A group after the quotation still cites the words
   * before it, so a group before it is not inside its clause.
   */
  private sentenceEndPastQuotation(s: number): number {
    return endPastQuotation(this.clean, this.sentences(), s);
  }

  /**
   * Is group `index` inside the sentence's subject, before its verb ("The reed warbler,[1] the
   * marsh tit[2] and the bittern[3] nest in the fen")? Then the text up to it holds no verb, the
   * words after it are more items of a list of noun phrases ("and the bittern"), each closed by
   * its own group, and the words after the last item's group go straight on, with no punctuation:
   * the predicate. Returns the group after which the predicate starts (see Subjects at the top of
   * this module).
   */
  private subjectEndsAt(index: number): number | undefined {
    if (this.groups[index].keepWords) return undefined;
    const clean = this.clean;
    const s = this.sentenceOf(index);
    const sentenceStart = this.sentences()[s];
    const sentenceEnd = this.sentenceEnd(s);
    let found: number | undefined;
    for (let j = index; j < this.groups.length; j++) {
      const next = j + 1 < this.groups.length && this.sentenceOf(j + 1) === s ? j + 1 : undefined;
      const after = clean.slice(this.groupAt[j], next === undefined ? sentenceEnd : this.wordsAt[next]);
      // The predicate: a word right after the group, no punctuation between.
      if (WORD_NEXT.test(after) && !LIST_NEXT.test(after)) {
        if ((this.wordBefore(j) || this.closesLastItem(j, sentenceStart)) && !(next === undefined && j === index)) found = j;
        break;
      }
      // More items of the list, each ending at its own group.
      if (next === undefined || !LIST_ITEM.test(after) || this.groups[next].keepWords) break;
    }
    if (found === undefined) return undefined;
    // The subject is read last: its verb test runs over all of it, while the list above mostly
    // ends at the first character after the group.
    const subject = clean.slice(sentenceStart, this.wordsAt[index]);
    if (!HAS_WORD.test(subject) || NOT_A_SUBJECT.test(subject) || hasVerb(subject, this.language)) return undefined;
    return found;
  }

  /**
   * Is group `index` after a short phrase that opens its sentence, has no verb and ends with a
   * comma, with the sentence's own statement after it ("A regional power,[1] New Zealand is
   * involved in …", "In 1931,[2] the mill closed")? The phrase says nothing alone: the claim
   * runs on like a subject's (see Subjects at the top of this module).
   */
  private frontedPhrase(index: number): boolean {
    if (this.groups[index].keepWords) return false;
    const s = this.sentenceOf(index);
    const sentenceStart = this.sentences()[s];
    if (!this.opensSentence(index, s, sentenceStart)) return false;
    const phrase = this.clean.slice(sentenceStart, this.wordsAt[index]).trim();
    if (!phrase.endsWith(',') || NOT_A_SUBJECT.test(phrase)) return false;
    // Counted before the verb test, which reads the whole phrase: most phrases are too long.
    const words = wordCount(phrase, FRONTED_WORDS + 1);
    if (words === 0 || words > FRONTED_WORDS || hasVerb(phrase, this.language)) return false;
    return STATEMENT_AFTER.test(this.clean.slice(this.groupAt[index], this.sentenceEnd(s)));
  }

  /**
   * Is group `index` inside a phrase that opens its sentence with a preposition, holds no verb up
   * to the comma that closes it, and is followed there by the sentence's statement ("In response
   * to the company's attempts to settle the harbour[1] and settlers buying land upriver,[2] the
   * governor declared …")? Its length does not matter: the phrase says nothing alone, and each of
   * its groups gets it with the statement, as a subject's group does. Returns the phrase's last
   * group, after which the statement starts (see Subjects at the top of this module).
   */
  private insidePrepositionalPhrase(index: number): number | undefined {
    if (this.groups[index].keepWords) return undefined;
    const clean = this.clean;
    const s = this.sentenceOf(index);
    const sentenceStart = this.sentences()[s];
    const sentenceEnd = this.sentenceEnd(s);
    if (!PREPOSITION_OPENING.test(clean.slice(sentenceStart, sentenceStart + 24).trimStart())) return undefined;
    // The comma that closes the phrase: right before the group ("Akaroa,[2]"), else the next one after it.
    const before = this.spacesBefore(this.wordsAt[index], sentenceStart);
    const comma = clean[before - 1] === ',' ? before - 1 : clean.indexOf(',', this.groupAt[index]);
    if (comma < 0 || comma >= sentenceEnd) return undefined;
    const phrase = clean.slice(sentenceStart, comma);
    if (NOT_A_SUBJECT.test(phrase) || wordCount(phrase, FRONTED_PHRASE_WORDS + 1) > FRONTED_PHRASE_WORDS || hasVerb(phrase, this.language)) return undefined;
    const after = clean.slice(comma + 1, sentenceEnd);
    if (!STATEMENT_AFTER.test(after.replace(/^[\s\S]*?(?=[\p{L}\p{N}])/u, '')) || REGEXPS.notMainClause.test(after)) return undefined;
    // The phrase's last group: at its comma or before it.
    let last = index;
    while (last + 1 < this.groups.length && this.groupAt[last + 1] <= comma + 1 && this.sentenceOf(last + 1) === s) last++;
    return last;
  }

  /**
   * Is group `index` the first of its sentence, closing a subordinate clause that opens the
   * sentence (after at most a short phrase with no verb and a comma: "In the 1960s, as tertiary
   * education became more available and cities expanded[1] urban culture began to dominate[2]"),
   * with the sentence's own statement after it? The clause says nothing alone: the claim runs on
   * like a subject's (see Subjects at the top of this module).
   */
  private closesSubordinateClause(index: number): boolean {
    if (this.groups[index].keepWords) return false;
    const s = this.sentenceOf(index);
    const sentenceStart = this.sentences()[s];
    if (!this.opensSentence(index, s, sentenceStart)) return false;
    const clause = this.clean.slice(sentenceStart, this.wordsAt[index]).trim().replace(/,$/, '');
    const m = SUBORDINATE_OPENING.exec(clause);
    // "As recorded in the 2013 census,[1] …" attributes: its claim is the attribution's (locate.ts).
    if (!m || NOT_A_SUBJECT.test(clause) || isAttributionOnly(clause) || (m[1] && (wordCount(m[1], FRONTED_WORDS + 1) > FRONTED_WORDS || hasVerb(m[1], this.language)))) return false;
    const after = this.clean.slice(this.groupAt[index], this.sentenceEnd(s));
    return /^[\s,]*[\p{L}\p{N}]/u.test(after) && !REGEXPS.notMainClause.test(after);
  }

  /**
   * Does group `index` close the first half of "both … and", "either … or", "neither … nor" ("used
   * both by commuters[1] and by tourists[2]"), the second half following it? Ending there would
   * leave "both" without its pair: the claim runs on to the next group, as a subject's does. A
   * "both" that opens its clause or follows "and", "or" or "but" is a subject ("… and both hold 40
   * boats[1] and a tug"), and "both of" a pronoun: neither is read so. The pair's own second word
   * inside the first half closes the pair before the group ("both barges and tugs[1] and …"),
   * unless it joins two single words before their noun ("both by clubs or local and regional
   * councils[1] and by post").
   */
  private closesFirstCorrelate(index: number): boolean {
    if (this.groups[index].keepWords || index + 1 >= this.groups.length) return false;
    const s = this.sentenceOf(index);
    if (this.sentenceOf(index + 1) !== s) return false;
    const clean = this.clean;
    const at = this.groupAt[index];
    if (!CORRELATE_SECOND.test(clean.slice(at, this.wordsAt[index + 1]))) return false;
    const from = Math.max(this.sentences()[s], index > 0 ? this.groupAt[index - 1] : 0);
    const before = clean.slice(from, this.wordsAt[index]);
    let first: RegExpExecArray | null = null;
    CORRELATE_FIRST.lastIndex = 0;
    for (let m = CORRELATE_FIRST.exec(before); m; m = CORRELATE_FIRST.exec(before)) first = m;
    if (!first) return false;
    // The pair's own second word inside the first half closes it there ("both X and Y[1] and …");
    // another conjunction does not ("both through associations or …"), nor one joining two single
    // words before their noun ("national and international organizations").
    const pair = PAIR_WORD[first[1].toLowerCase()];
    return !pair.inHalf.test(before.slice(first.index + first[0].length).replace(pair.joiningWords, ' '));
  }

  /**
   * Does group `index` close a list's last item with a comma ("The scenery and the size, plus
   * incentives,[1] have drawn …")? The item since the comma before it opens with "and", "or" or
   * "plus": the comma after it closes the subject, and the predicate follows.
   */
  private closesLastItem(index: number, sentenceStart: number): boolean {
    const before = this.spacesBefore(this.wordsAt[index], sentenceStart);
    if (this.clean[before - 1] !== ',') return false;
    const item = this.clean.slice(sentenceStart, before - 1);
    return LAST_ITEM.test(item.slice(item.lastIndexOf(',') + 1));
  }

  /** Where the spaces that end at `at` begin, not before `floor`. */
  private spacesBefore(at: number, floor = 0): number {
    let before = at;
    while (before > floor && SPACE.test(this.clean[before - 1])) before--;
    return before;
  }

  /** Is group `index` the first group of its sentence `s`, which starts at `sentenceStart`? */
  private opensSentence(index: number, s: number, sentenceStart: number): boolean {
    return !(index > 0 && this.groupAt[index - 1] > sentenceStart && this.sentenceOf(index - 1) === s);
  }

  /** The `n` characters after `at`, past its spaces (pretty-printed markup: a newline and indentation after a marker). */
  private ahead(at: number, n: number): string {
    return this.clean.slice(at).trimStart().slice(0, n);
  }

  /** Does a word end right before group `index` (spaces between, no punctuation)? */
  private wordBefore(index: number): boolean {
    const before = this.spacesBefore(this.wordsAt[index]);
    return before > 0 && WORD_END.test(this.clean[before - 1]);
  }

  /**
   * The claim of a group inside the sentence's subject: the subject with its predicate, up to the
   * group that follows the predicate in the sentence, or to the sentence's end.
   */
  private withPredicate(index: number, predicateGroup: number): string {
    const starts = this.sentences();
    const s = this.sentenceOf(index);
    const sentenceEnd = this.sentenceEnd(s);
    const next = predicateGroup + 1;
    if (next >= this.groups.length || this.sentenceOf(next) !== s) return this.claimOf(index, true);
    const end = this.spacesBefore(this.wordsAt[next]);
    return this.wholeClause(this.earlierGroups(index, starts[s], this.groupAt[index]), starts[s], (start) => this.balanced(start, end, starts[s], sentenceEnd));
  }

  /** Does an earlier group at `at` close a clause: a semicolon, colon or full stop on one side of it? */
  private endsClauseAt(at: number): boolean {
    const clean = this.clean;
    let before = at;
    while (before > 0 && CLOSERS.includes(clean[before - 1])) before--;
    let after = at;
    while (after < clean.length && CLOSERS.includes(clean[after])) after++;
    return CLAUSE_END.includes(clean[before - 1]) || CLAUSE_END.includes(clean[after]);
  }

  /** Positions of the groups before group `index` inside (sentenceStart, before), nearest first. */
  private earlierGroups(index: number, sentenceStart: number, before: number): number[] {
    const found: number[] = [];
    for (let i = index - 1; i >= 0; i--) {
      const prev = this.groupAt[i];
      if (prev <= sentenceStart) break;
      if (prev < before && prev !== found[found.length - 1]) found.push(prev);
    }
    return found;
  }

  /** The clause since the nearest earlier group that reads as a statement, else since the sentence's start. */
  private wholeClause(earlier: number[], sentenceStart: number, textFrom: (start: number) => string): string {
    for (const start of earlier) {
      const text = tidyClaim(textFrom(start));
      if (readsAsStatement(text) && (this.endsClauseAt(start) || !opensWithListItem(text))) return text;
      // "X did A[1] and Y did B[2]": the second clause is [2]'s; with no verb before [1] the two share it.
      const second = secondClause(text);
      if (second && REGEXPS.verbWord.test(this.clean.slice(sentenceStart, start))) return second;
    }
    return tidyClaim(textFrom(sentenceStart));
  }

  /**
   * The clean text from `start` to `end` (then `tail`, the closing punctuation read at
   * `tailAt`, where the claim's own group sits), its parentheses balanced within the sentence
   * [sentenceStart, sentenceEnd) (brackets.ts balancedText).
   */
  private balanced(start: number, end: number, sentenceStart: number, sentenceEnd: number, tail = '', tailAt = end): string {
    if (!this.parenAt) this.parenAt = bracketPositions(this.clean);
    return balancedText(this.clean, this.parenAt, this.groupAt, start, end, sentenceStart, sentenceEnd, tail, tailAt);
  }

  private nextGroupAfter(index: number): number {
    return index + 1 < this.groupAt.length ? this.groupAt[index + 1] : Number.POSITIVE_INFINITY;
  }

  /**
   * The sentence of the clean text around a clean offset: its bounds and tidied text. A sentence
   * that closes a quotation opened in an earlier one starts where the quotation opens (see
   * quotationStart), never past a group.
   */
  sentenceAround(cleanOffset: number): { start: number; end: number; text: string } {
    const starts = this.sentences();
    const s = floorIndex(starts, cleanOffset);
    const end = s + 1 < starts.length ? starts[s + 1] : this.clean.length;
    const before = lowerBound(this.groupAt, starts[s] + 1) - 1;
    const start = this.openingOfQuotation(s, end, before >= 0 ? this.groupAt[before] : -1);
    return { start, end, text: tidyClaim(this.clean.slice(start, end)) };
  }
}

/** The first word of a correlative pair after a word of its clause, not a subject ("and both") or a pronoun ("both of"). */
const CORRELATE_FIRST = /(?<=[\p{L}\p{N},]\s+)(?<!\b(?:and|or|but|nor)\s+)(both|either|neither)\s+(?!of\b)/giu;
/**
 * Each first word's own second word, and that word joining two single lower-case words before the
 * noun they qualify ("national and international organizations"), which is no second half.
 */
const PAIR_WORD: Record<string, { inHalf: RegExp; joiningWords: RegExp }> = Object.fromEntries(
  Object.entries({ both: 'and', either: 'or', neither: 'nor' }).map(([first, second]) => [
    first,
    { inHalf: new RegExp(`\\b${second}\\s`, 'i'), joiningWords: new RegExp(`(?<![\\p{L}\\p{N}'’-])\\p{Ll}+\\s+${second}\\s+\\p{Ll}+(?=\\s+\\p{Ll})`, 'gu') },
  ]),
);
/** The second half of the pair, right after the group. */
const CORRELATE_SECOND = /^[\s"”’)]*(?:and|or|nor)\s+[\p{L}\p{N}]/u;

/** Punctuation alone that ends a sentence. */
const SENTENCE_STOP = /^[.!?…]+$/;
const SPACE = /\s/;
/** Spaces and closing quotes or brackets, read past around a group. */
const CLOSERS = ' \u00a0"”’)]';
/** Punctuation that ends a clause (a comma ends only a list item or a phrase). */
const CLAUSE_END = '.;:!?…';
/** What a clause's last word ends with when a group sits right after it. */
const WORD_END = /[\p{L}\p{N}%]/u;
/** A word right after a group (spaces between, nothing else). */
const WORD_NEXT = /^\s*[\p{L}\p{N}]/u;

