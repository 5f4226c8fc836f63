/**
 * The words of citation, in one place: what makes a link an attribution, what names a list of
 * sources, what looks like a marker but is not one. Every rule of extraction (attribution.ts,
 * inline.ts, sources.ts, markers.ts) and the cheap pre-check (hints.ts) builds on these, so that a
 * cue recognised by one is never missed by another.
 *
 * Word lists are regular-expression source strings (alternations without anchors) so that each
 * user composes them into its own pattern; the patterns shared as-is sit in REGEXPS.
 */

/**
 * Verbs by which an article reports what a source states: "Reuters reported", "the study found
 * that", "<a>told the jury</a>", "as we've <a>noted</a>".
 */
export const REPORTING_VERBS = [
  'says?', 'said', 'saying', 'tells?', 'told', 'telling', 'reports?', 'reported', 'reporting',
  'writes', 'wrote', 'written', 'explains?', 'explained', 'admits', 'admitted',
  'acknowledges', 'acknowledged', 'warns', 'warned', 'notes', 'noted', 'noting', 'projects',
  'projected', 'announces?', 'announced', 'describes', 'described', 'finds', 'found', 'shows',
  'showed', 'shown', 'concludes', 'concluded', 'estimates', 'estimated', 'argues', 'argued',
  'claims', 'claimed', 'states', 'stated', 'confirms', 'confirmed', 'reveals', 'revealed',
  'obtained', 'issued', 'accused?', 'assured', 'points? out', 'pointed out', 'suggests',
  'suggested', 'indicates', 'indicated', 'observes', 'observed', 'documents', 'documented',
  'predicts', 'predicted', 'discovered', 'demonstrated', 'testified', 'insisted', 'added',
  'cautioned', 'calculated', 'determined', 'disclosed', 'alleged', 'asserted', 'cited',
].join('|');

/**
 * Verbs that follow what a named source states, that source right after them ("…, rapporte
 * <a>le quotidien</a>", "…, schreibt <a>die Zeitung</a>", "…, aldus <a>het CBS</a>").
 */
const POSTPOSED_REPORTING_VERBS = 'rapporte|écrit|berichtet|schreibt|meldet|informa|meldt|schrijft|aldus';

/**
 * The same verbs in the other languages of the corpus's pages (French, German, Spanish,
 * Portuguese, Italian): forms that only report ("a déclaré", "sagte", "dijo"), not those that are
 * also nouns ("annonce").
 */
const OTHER_REPORTING_VERBS = [
  'a déclaré', 'a affirmé', 'a indiqué', 'a expliqué', 'a annoncé', 'a précisé', 'a estimé',
  'a rapporté', 'a écrit', 'a souligné', 'a assuré', 'a fait part', 'a fait savoir', 'déclare', 'affirme', 'indique', 'explique',
  'sagte', 'sagt', 'erklärte', 'berichtete', 'berichtet', 'schrieb', 'schreibt', 'betonte',
  'dijo', 'afirmó', 'declaró', 'explicó', 'informó', 'señaló', 'aseguró',
  'disse', 'afirmou', 'declarou', 'informou', 'ha detto', 'ha dichiarato',
  ...POSTPOSED_REPORTING_VERBS.split('|'), 'a confié', 'zei', 'zegt',
].join('|');

/** "According to" in those languages: "selon <a>", "laut <a>", "según <a>", "segundo <a>". */
export const OTHER_ACCORDING_TO = "selon|d['’]après|laut|según|segundo|secondo|de acuerdo con|de acordo com|volgens";
export const ACCORDING_TO = `according to|${OTHER_ACCORDING_TO}`;
/**
 * Articles that may stand between such a word and the source it names ("selon le <a>", "laut
 * der <a>"). Nothing else may: "según explicó en un <a>comunicado</a>" names no source there.
 */
export const OTHER_ARTICLES = 'le|la|les|der|die|das|dem|den|des|el|los|las|o|a|os|as|il|lo|gli|i|de|het|een';

/**
 * Words that carry a source's name on in German after "laut" ("laut einer Studie der Universität
 * aus dem Jahr 2019"): articles, prepositions, conjunctions. Any other lower-case word after the
 * name's last capitalised word is the clause's verb ("Laut der Polizei wurden …"), where the
 * attribution ends when no comma closes it.
 */
export const GERMAN_PHRASE_WORDS = 'der|die|das|dem|den|des|ein|eine|einer|einem|einen|eines|von|vom|aus|in|im|zu|zum|zur|für|über|an|am|auf|bei|beim|mit|nach|unter|und|oder|sowie';

/** Participles of "as reported by X", "as recorded in the 2013 census": the phrase names its source. */
export const AS_PARTICIPLES = 'reported|noted|stated|described|explained|documented|found|shown|recorded|listed|estimated|measured';

/** Kinds of work a link may name: "a 2019 <a>study</a>", "in a <a>speech</a>", "<a>a blog post</a>". */
export const WORK_NOUNS = [
  'study', 'studies', 'reports?', 'survey', 'papers?', 'analysis', 'analyses', 'review',
  'articles?', 'investigation', 'poll', 'trial', 'meta-analysis', 'story', 'blog post', 'post',
  'piece', 'assessment', 'preprint', 'statement', 'speech', 'remarks', 'interview', 'transcript',
  'tweet', 'book', 'data', 'documents?', 'audit', 'filing', 'letter', 'press release', 'memo',
  'testimony', 'announcement', 'op-ed', 'column', 'editorial', 'research', 'figures', 'estimates?',
  'census', 'dataset', 'paper',
].join('|');

/**
 * Kinds of work that make a link a citation on their own words when introduced as one work
 * ("a March 2019 <a>study</a>", "in a <a>speech</a>", "<a>a blog post</a>"). Weaker nouns (data,
 * review, story, book) need a lead-in.
 */
const STRONG_WORKS = 'study|report|survey|analysis|statement|speech|remarks|interview|transcript|blog post|paper|poll|filing|testimony|press release|tweet|announcement|investigation|audit';

/**
 * Phrases right before a link that introduce it as the source: "according to <a>",
 * "per the <a>", "published in <a>", "reports for <a>", "wrote in his book <a>".
 */
const LEAD_IN = [
  'according to(?: [^.!?;,]{1,40})?',
  `(?:${OTHER_ACCORDING_TO})(?: (?:${OTHER_ARTICLES}))?`,
  'per', 'citing',
  '(?:published|reported|appeared|appearing|printed|posted) (?:in|by|on)',
  `as (?:${AS_PARTICIPLES}) (?:by|in)`,
  `(?:${WORK_NOUNS}) (?:by|from|in|of|published (?:in|by)|released by)`,
  // The reporting verbs once, with what may follow them (four copies of the verbs cost twice the
  // pattern's compile time on each page, 27 ms against 12 in Chromium, for the same phrases):
  `(?:${REPORTING_VERBS})(?:` +
    // "reports for <a>", "told to the <a>";
    ` (?:in|for|to|on)(?: (?:a|an|the|his|her|their|its|one))?(?: [\\w-]+){0,2}` +
    // "he said during a <a>stop in New Hampshire</a>", "wrote … in his book <a>": the occasion or the work;
    `|(?: [\\w-]+){0,4},? (?:in|during|at) (?:a|an|the|his|her|their|its)(?: [\\w-]+){0,2}` +
    `|(?: [\\w-]+){0,2} (?:in|during|at)` +
    // "assured the public on <a>Weibo</a>": the medium the statement was made in.
    `| (?:the|his|her|their|its) [\\w-]+ (?:on|in))`,
  'writing in',
  // "the mayor told <a>the Harbour Gazette</a>": the outlet the statement was made to.
  '(?:told|tells|telling)(?: (?:a|an))?',
  `(?:${POSTPOSED_REPORTING_VERBS})(?: (?:${OTHER_ARTICLES}|l['’]))?`,
  // The same in the other languages: "explicó en un <a>comunicado</a>", "a déclaré dans un <a>communiqué</a>",
  // "sagte in einem <a>Interview</a>": the work the statement was made in; "dijo a <a>El Diario</a>",
  // "sagte der <a>Zeitung</a>", "a déclaré à l'<a>AFP</a>": the outlet it was made to.
  `(?:${OTHER_REPORTING_VERBS}) (?:(?:en|dans|in|em|num|numa|nel|nella)(?: (?:un|una|el|la|su|une|le|son|sa|einem|einer|dem|der|um|uma|o|a|il|lo))?|(?:à|au|aux|a|al|der|dem|den)(?: (?:la|los|las|l['’]))?)`,
].join('|');

/** The words of LEAD_IN and of a linked quotation's verbs (quoteCue) that the lists above lack. */
const OTHER_CUE_WORDS = 'per|citing|published|appeared|appearing|printed|posted|writing|called|calling|dubbed|termed|labell?ed';

/**
 * One necessary word of each alternative of a word list, letters only: its longest word, without
 * a letter made optional or a hyphen ("says?" gives "say", "points? out" "point", "op-ed" "oped",
 * "d['’]après" "après").
 */
function stems(list: string): string[] {
  return list.split('|').map((alternative) => {
    const runs = alternative.replace(/\p{L}\?/gu, ' ').split(/[^\p{L}-]+/u).map((run) => run.replace(/-/g, ''));
    return runs.reduce((longest, run) => (run.length > longest.length ? run : longest), '');
  });
}

/** The pointer phrases that offer further reading rather than back a claim. */
const POINTERS = "(?:\\S+ )?here$|(?:read|see|learn|find|discover|watch|listen to) (?:more|also|it here|the full|our|my)|more (?:at|on|here)|related|see also|click here|further reading|(?:my|our) (?:earlier |previous |recent |full |latest )?(?:coverage|posts?|pieces?|stor(?:y|ies)|articles?|reporting|explainer|newsletter|podcast|guide)";

/**
 * Words that make a clause a statement rather than a noun phrase: auxiliaries and copulas
 * (English, French, German, Spanish), regular past forms and the common irregular ones. Read only
 * to tell a sentence's subject ("The reed warbler, the marsh tit") from a clause that has its verb;
 * a verb it misses makes the claim run on to the sentence's next group (a clause read as a phrase
 * before the statement), never shorter. The other languages' auxiliaries are in OTHER_AUXILIARIES
 * and their forms beyond the auxiliaries in OTHER_VERB_FORMS, read only where the text may be in
 * that language (see hasVerb).
 */
const VERB_WORDS = [
  'is', 'are', 'was', 'were', 'be', 'been', 'being', 'am', 'has', 'have', 'had', 'do', 'does', 'did',
  'can', 'could', 'will', 'would', 'shall', 'should', 'may', 'might', 'must', '\\p{Ll}+[a-df-z]ed',
  'became', 'began', 'bought', 'brought', 'built', 'came', 'caught', 'chose', 'drew', 'drove', 'fell',
  'fought', 'found', 'gave', 'got', 'grew', 'held', 'kept', 'knew', 'led', 'left', 'lost', 'made',
  'meant', 'met', 'paid', 'put', 'ran', 'rose', 'said', 'saw', 'sent', 'set', 'shot', 'sold', 'spent',
  'spoke', 'stood', 'struck', 'taught', 'thought', 'took', 'told', 'went', 'won', 'wrote',
].join('|');

/**
 * The auxiliaries and copulas of French, German and Spanish, in any case. Several are English
 * words ("war", "hat", "son", "era", "ont"), so they count only where the text may be in their
 * language (see hasVerb).
 */
const OTHER_AUXILIARIES = {
  fr: 'est|sont|était|étaient|ont|avait|fut',
  de: 'ist|sind|war|waren|hat|haben|hatte|hatten|wird|werden|wurde|wurden',
  es: 'es|son|fue|era|han',
};

/**
 * The verbs of French and German clauses beyond their auxiliaries, matched in lower case only (a
 * German noun is capitalised: "Planeten" is no verb, "gründeten" is): French imperfect, past
 * historic, future and conditional endings ("augmentait", "comptaient", "fondèrent") and common
 * present forms ("compte", "devient"); German weak past forms ("gründete", "regierte", "zählte",
 * "lebten"; not after s, z, t or ß, where ordinals and superlatives end: "erste", "letzte",
 * "größten") and common strong and present forms ("lag", "stieg", "liegt", "gilt"). Without them a
 * clause such as "Die Einwohnerzahl stieg,[1]" read as a phrase with no verb, and its claim ran
 * on into the next clause.
 */
const OTHER_VERB_FORMS = {
  fr: [
  '\\p{Ll}+(?:aient|èrent|eraient|erait|eront)', '\\p{Ll}{2,}(?<!tr)ait', 'peut', 'peuvent', 'doit', 'doivent',
  'devient', 'deviennent', 'devint', 'devinrent', 'furent', 'sera', 'seront', 'compte', 'comptent', 'possède',
  'possèdent', 'abrite', 'accueille', 'comprend',
  ].join('|'),
  de: [
  '\\p{Ll}+(?:ierte|ierten|iert)', '\\p{Ll}{2,}(?:ete|eten)', '(?!often)\\p{Ll}{2,}[bcdfghklmnpqrvw](?:te|ten)', 'konnte', 'konnten',
  'musste', 'mussten', 'lag', 'lagen', 'liegt', 'liegen', 'gab', 'gaben', 'gibt', 'gilt', 'galt', 'kam', 'kamen',
  'kommt', 'blieb', 'blieben', 'bleibt', 'stieg', 'stiegen', 'steigt', 'starb', 'starben', 'fand', 'fanden',
  'findet', 'hieß', 'hießen', 'heißt', 'zog', 'zogen', 'wuchs', 'wächst', 'entstand', 'entstanden', 'entsteht',
  'besteht', 'bestehen', 'begann', 'begannen', 'beginnt', 'gewann', 'verlor', 'erhielt', 'erhielten', 'erhält',
  'hielt', 'trat', 'traten', 'tritt', 'sprach', 'schrieb', 'lebt', 'leben', 'zählt', 'zählen', 'bildet',
  'beträgt', 'betrug', 'umfasst', 'gehört', 'ging', 'gingen', 'geht', 'stand', 'standen', 'steht', 'fiel', 'fielen',
  ].join('|'),
};

/** The languages whose verbs hasVerb tells apart; undefined: not known, every language's verbs count. */
export type VerbLanguage = 'en' | 'fr' | 'de' | 'es' | undefined;

/** The verb language of a `lang` attribute's value: its primary subtag when the vocabulary has its verbs ("en-GB": "en"). */
export function verbLanguage(lang: string | null | undefined): VerbLanguage {
  const primary = lang?.trim().toLowerCase().split(/[-_]/)[0];
  return primary === 'en' || primary === 'fr' || primary === 'de' || primary === 'es' ? primary : undefined;
}

const wordsOf = (list: string, flags: string) => new RegExp(`(?<![\\p{L}\\p{N}'’-])(?:${list})(?![\\p{L}\\p{N}'’-])`, flags);

/** Each language's verbs beyond English's, and all of them for a text of no known language: auxiliaries in any case, other forms in lower case. */
const OTHER_VERBS: Record<'fr' | 'de' | 'es' | 'any', { auxiliary: RegExp; form?: RegExp }> = {
  fr: { auxiliary: wordsOf(OTHER_AUXILIARIES.fr, 'iu'), form: wordsOf(OTHER_VERB_FORMS.fr, 'u') },
  de: { auxiliary: wordsOf(OTHER_AUXILIARIES.de, 'iu'), form: wordsOf(OTHER_VERB_FORMS.de, 'u') },
  es: { auxiliary: wordsOf(OTHER_AUXILIARIES.es, 'iu') },
  any: {
    auxiliary: wordsOf(Object.values(OTHER_AUXILIARIES).join('|'), 'iu'),
    form: wordsOf(Object.values(OTHER_VERB_FORMS).join('|'), 'u'),
  },
};

/*
 * A word's left edge is a lookbehind ("(?<![\p{L}-])says"), never a consumed character
 * ("(?:^|[^\p{L}-])says"): the same texts pass .test(), and Chromium compiles a consumed class
 * before a long alternation, on a text holding any character beyond Latin-1, in 5-15 ms instead
 * of 1-2 (leadIn 44 ms against 10): time that every page pays on its first attributed link.
 */
export const REGEXPS = {
  /** An English verb in a clause (see VERB_WORDS); read with the other languages' verbs by hasVerb. */
  verbWord: new RegExp(`(?<![\\p{L}\\p{N}'’-])(?:${VERB_WORDS})(?![\\p{L}\\p{N}'’-])`, 'iu'),
  /**
   * A word that opens a subordinate clause ("as tertiary education became more available", "when
   * the mill closed"), which states nothing until its main clause follows. Words that are also
   * prepositions ("since 2010", "after the flood", "before", "until") are left out: the clause
   * after them may be the main one ("Since 2010 the town has grown"). German's ("Als die Fähre
   * eingestellt wurde, pendelten …") are here: its main clause then opens with its verb.
   */
  subordinator: /as|when|while|whilst|although|though|because|whereas|unless|if|lorsque|quand|alors que|bien que|parce que|puisque|cuando|aunque|porque|mientras|als|wenn|weil|obwohl|obgleich|nachdem|während|bevor|sobald|solange|seitdem|falls/,
  /**
   * What opens the words after a group when they are not a sentence's main clause: a conjunction
   * (a second predicate: "grew[1] and prospered") or a preposition (the same clause goes on).
   */
  notMainClause: /^[\s,]*(?:and|or|but|nor|yet|so|then|in|on|at|by|for|from|to|with|of|into|over|under|during|since|until|after|before|than|as|et|ou|mais|puis|und|oder|aber|y|o|pero|e)(?![\p{L}\p{N}'’-])/iu,
  /** Text before a link ends with a lead-in: the link names the source. */
  leadIn: new RegExp(`(?<!\\p{L})(?:${LEAD_IN})\\s+(?:the\\s+)?$`, 'u'),
  /**
   * Text before a link that names the link as the source, not as an occasion or a work ("said
   * during a <a>stop in New Hampshire</a>", "in his book <a>Evicted</a>"): "according to [Sui-Lee
   * Wee of] the <a>", "per the <a>", "reports for <a>", "a transcript reviewed by <a>", the medium
   * a statement was made on ("assured the public on <a>Weibo</a>").
   */
  sourceNamedBefore: new RegExp(`(?:according to(?:\\s[^.!?;:]{1,40})?|\\b(?:${OTHER_ACCORDING_TO})(?:\\s(?:${OTHER_ARTICLES}))?|\\bper(?: the)?|\\bvia|\\bciting|(?:reports?|reported|reporting|writes|wrote|writing)\\s+for|(?:reviewed|obtained|published|released|posted|reported|cited|compiled|conducted|told)\\s+(?:by|on|in|to)|(?:data|figures|numbers)\\s+from|\\b(?:${REPORTING_VERBS})(?:\\s+[\\w-]+){0,2}\\s+on)\\s+(?:the\\s+)?$`, 'i'),
  /** Text after a link opens with a reporting verb: the link is the source speaking. */
  verbAfter: new RegExp(`^\\s*(?:${REPORTING_VERBS}|${OTHER_REPORTING_VERBS})(?![\\p{L}\\p{N}_])`, 'u'),
  /** A reporting verb a few words before a link, in its clause (lower-case words only). */
  clauseCue: new RegExp(`^(?:${REPORTING_VERBS}|announcement|statement)$`),
  /** A strong kind of work heading a link's text, introduced as one work: "a March 2019 study", "a blog post". */
  workInLink: new RegExp(`(?:^|\\b(?:a|an|the|this|that|his|her|their|its|one|new|recent|latest|\\d{4}))(?:\\s+[\\w-]+){0,2}?\\s*\\b(?:${STRONG_WORKS})s?$`, 'u'),
  /** Text right before a link that introduces one work: "in a <a>speech</a>", "a 2019 <a>study</a>". */
  workIntro: /(?:^|\s)(?:a|an|the|this|his|her|their|its|one|new|recent|latest|\d{4})(?:\s+[\w-]+){0,2}\s+$/,
  /** The same in lower case only (a link's own words: "Everything Announced" is a headline). */
  cueWordLower: new RegExp(`(?<![\\p{L}\\p{N}_-])(?:${REPORTING_VERBS}|${OTHER_REPORTING_VERBS}|${ACCORDING_TO})(?![\\p{L}\\p{N}_-])`, 'u'),
  /** Verbs that introduce a quoted word linked to where it was said: the reporting verbs and naming ones. */
  quoteCue: new RegExp(`(?<![\\p{L}-])(?:${REPORTING_VERBS}|${OTHER_REPORTING_VERBS}|called|calling|dubbed|termed|labell?ed)(?![\\p{L}-])`, 'u'),
  /**
   * A word that every rule of inline.ts's isAttributedLink needs near a link (the lead-ins, the
   * reporting verbs and kinds of work, the verbs that name a quotation), as a bare stem: tested on
   * the letters of the text around a link, it says whether any of those rules could hold.
   */
  attributionStem: new RegExp(
    [...new Set(stems([REPORTING_VERBS, OTHER_REPORTING_VERBS, WORK_NOUNS, ACCORDING_TO, AS_PARTICIPLES, OTHER_CUE_WORDS].join('|')))].join('|'),
    'iu',
  ),
  /** A reporting verb alone (without the work nouns). */
  reportingVerb: new RegExp(`(?<![\\p{L}-])(?:${REPORTING_VERBS}|${OTHER_REPORTING_VERBS})(?![\\p{L}-])`, 'iu'),
  /** Link texts and lead-ins that point to more reading, share or navigate: never a citation. */
  pointer: new RegExp(`(?<!\\p{L})(?:${POINTERS})(?![\\p{L}])`, 'iu'),
  /** A link to a sound file (a pronunciation's recording): "File:Ludlow.ogg", ".../kettle.mp3". */
  soundFile: /\.(?:ogg|oga|wav|mp3|flac|opus|m4a)$/i,
  /** What a pronunciation's sound link says: "listen", "Écouter", "(help·info)", an icon. */
  listenText: /^[\s()[\]·•|ⓘ🔊🔉🔈]*(?:(?:listen|play|hear|écouter|ecouter|anhören|hören|escuchar|ascolta(?:re)?|ouvir|luister|pronunciation|prononciation|aussprache|pronunciación|audio|sound|help|info|about this sound)[\s()[\]·•|ⓘ🔊🔉🔈]*)*$/iu,
  /** Link texts of page furniture. */
  furniture: /^(?:[#@←→«»]|(?:share|tweet|e-?mail|print|subscribe|sign (?:up|in)|log ?in|comments?|see full bio|full bio|more|next|previous|home|top|back|edit|update|reply|permalink|link|source|here|this|privacy|terms|cookie|code of conduct|licen[cs]e|copyright|advertis|about us|contact)\b)|(?:policy|terms of (?:service|use)|licen[cs]e)$/i,
  /** A date or a time as link text: a comment's permalink, an archive link. */
  dateLink: /^(?:(?:\p{L}+\s+)?\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}|\p{L}+ \d{1,2}(?:st|nd|rd|th)?,? \d{4}(?: at .*)?|\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?|\d{4}-\d{2}-\d{2})$/iu,
  /** A republication or print credit: "This article originally appeared on <a>", "printed from: <a>". */
  credit: /^this (?:article|story|post|piece|essay|page)\b.*\b(?:appeared|published|reprinted|syndicated|posted|printed)\b|\b(?:printed|retrieved) from\s*:?\s*$/i,
  /** A byline or a credit before the link: "By <a>", "Photo: <a>", "Researchers: <a>". */
  byline: /(?:^|[.!?]\s+|\n\s*)(?:by|posted by|published by|photo(?:graph)?s?(?: by)?|image(?: by| credit)?|credit|researchers?|editors?|reporting by|written by|illustration(?: by)?|names in this article)\s*:?\s*$/i,
  /**
   * A figure's credit before a link: "(Image source: <a>", "Figure credit: <a>", "Photo courtesy
   * of <a>". The link cites an image, not a claim.
   */
  figureCredit: /(?:^|[(\[]|[.!?]\s|\n)\s*(?:images?|figures?|fig\.|photos?|photograph|pictures?|illustration|charts?|diagram|graphic|video|table|plot)\s*(?:sources?|credits?|courtesy(?: of)?|from|adapted from|reproduced from|via)\s*:?\s*$/i,
  /**
   * A linked author-year citation: "Snell et al. (2024", "Wang & Zhou (2024)", "DeepSeek-AI, 2025",
   * "Thinking, Fast and Slow (Kahneman, 2013)", "Alex Graves in 2016".
   */
  authorYear: /^(?:\p{Lu}[\p{L}'’.-]+(?:(?:,? et al\.?|,? (?:&|and) \p{Lu}[\p{L}'’-]+),?\s*\(?(?:1[6-9]|20)\d{2}[a-z]?\)?|,\s*(?:1[6-9]|20)\d{2}[a-z]?\)?|\s+\p{Lu}[\p{L}'’-]+ in (?:1[6-9]|20)\d{2})|.{2,60}\(\p{Lu}[\p{L}'’.-]+(?: et al\.?)?,\s*(?:1[6-9]|20)\d{2}[a-z]?\))\s*$/u,
  /**
   * The names of an author-year citation whose year stands after the link, in parentheses
   * ("<a>Wei et al.</a> (2022)", "<a>Lund & Berg</a> (2021)"): "et al." or two names, never one
   * name alone ("<a>Marsh Trust</a> (2020)" names an organisation as often as an author).
   */
  authorNames: /^\p{Lu}[\p{L}'’.-]+(?:,? et al\.?|,? (?:&|and) \p{Lu}[\p{L}'’-]+)$/u,
  /** The year in parentheses right after such names. */
  yearAfter: /^\s?\((?:1[6-9]|20)\d{2}[a-z]?\)/,
  /** Unlinked author-year references between linked ones in one parenthesis ("…, Chua & Evans, 2025, …"). */
  authorYearFiller: /^[\s,;]*(?:\p{Lu}[\p{L}'’.-]+(?:,? et al\.?|,? (?:&|and) \p{Lu}[\p{L}'’-]+)?,?\s*\(?(?:1[6-9]|20)\d{2}[a-z]?\)?[\s,;]*)*$/u,
  /** Headings that introduce a list of cited works ("[edit]" and a trailing colon are ignored). */
  sourceHeading: /^(?:sources?|references?|notes?|footnotes?|end ?notes|citations?|cited (?:works|sources)|works cited|bibliography|sources and (?:notes|references)|notes and references|references and notes|notes et références|références|sources et références|bibliographie|einzelnachweise|referencias|referências|note|riferimenti)$/i,
  /** Class, id or label of a container that is a source list. */
  sourceName: /^(?:sources?|references?|footnotes?|endnotes|citations|bibliography|works-cited|reflist)$/i,
  /**
   * Bracketed numbers that read as code or mathematics, not as markers: glued to an identifier
   * (`items[2]`, `row[k-1]`) or an interval ("[2, 8]", "[0, 1)"). They count only when the page
   * lists a source they name.
   */
  codeLikeBefore: /[\p{L}\p{N}_)\]]$/u,
  mathContext: /(?:interval|range|between|from|in|within|\bof\b|matrix|array|index|indices|vector|=|∈)\s*$/i,
  /** A reference entry that describes a work: a formatted citation, an ISBN, pages, a dated title. */
  workEntry: /\b(?:ISBN|ISSN|OCLC|doi|édition|edition|press|university|verlag|journal|revue|dictionnaire|dictionary)\b|(?:^|[\s(,])(?:p|pp|vol|éd|ed|S)\.\s*\d/iu,
} as const;

/**
 * Does a clause hold a verb? An English one (REGEXPS.verbWord) in any text; the auxiliaries and
 * forms of French, German or Spanish only where the text is in that language (its element's
 * `lang`, see verbLanguage), all of them where no language is known; none of them in English
 * text, where "war", "hat", "son" and "era" are nouns.
 */
export function hasVerb(text: string, language?: VerbLanguage): boolean {
  if (REGEXPS.verbWord.test(text)) return true;
  if (language === 'en') return false;
  const other = OTHER_VERBS[language ?? 'any'];
  return other.auxiliary.test(text) || (other.form?.test(text) ?? false);
}
