/**
 * Small closed word lists the matcher needs: function words that carry no content, negations,
 * and direction words whose opposites turn a matching passage into a contradiction.
 * These are closed classes of English, short enough to list here rather than ship a package.
 */

/** Function words and the most general verbs: never key words of a claim. */
export const STOPWORDS = new Set(
  (
    'a an the and or but nor so yet for of in on at by to from with within without into onto upon ' +
    'over under about above below between among through during before after since until till ' +
    'as than then that this these those there here which who whom whose what when where why how ' +
    'is are was were be been being am do does did done doing have has had having will would shall ' +
    'should can could may might must it its itself they them their theirs themselves he him his ' +
    'himself she her hers herself we us our ours ourselves you your yours i me my mine myself ' +
    'not no also very just only even still such both each either neither any all some most more ' +
    'other another same own too s t one ones if whether because while although though however ' +
    // "e.g." and "i.e." are one token each as the word segmenter reads them.
    'thus therefore hence e g i e e.g i.e etc via per vs de la le du des der die das von und el los ' +
    'become became becomes get got gets make made makes include includes included including ' +
    'said say says according well like many much several various often ' +
    // Hedges around figures: "about 3 million" states the same as "3 million".
    'about around approximately roughly nearly almost some over'
  ).split(/\s+/),
);

/** Words that negate the statement they are in. */
export const NEGATIONS = new Set([
  'not', 'no', 'never', 'none', 'nor', 'neither', 'without', 'cannot', "can't", "don't",
  "doesn't", "didn't", "isn't", "aren't", "wasn't", "weren't", "won't", "wouldn't", "hasn't",
  "haven't", "hadn't", "shouldn't", "couldn't", 'nobody', 'nothing', 'fail', 'failed', 'fails',
  'lack', 'lacks', 'lacked', 'unable', 'rarely', 'seldom', 'hardly', 'barely', 'absent', 'absence',
]);

/** Prefixes that turn a word into its opposite ("ineffective", "dissimilar", "unsafe"). */
export const NEGATIVE_PREFIXES = ['un', 'in', 'im', 'il', 'ir', 'dis', 'non'];

/**
 * Change words (by stem): a passage that says one where the claim says the other, about the same
 * subject, disagrees with it ("fares increased" / "fares decreased"). Verbs of change and
 * comparatives of amount only: these are the opposites a reader takes as a plain contradiction.
 */
export const CHANGE_PAIRS: [string, string][] = [
  ['increas', 'decreas'], ['increas', 'reduc'], ['increas', 'declin'], ['increas', 'drop'], ['rise', 'fall'],
  ['rose', 'fell'], ['risen', 'fallen'], ['rise', 'declin'], ['rose', 'declin'], ['rais', 'lower'], ['rais', 'cut'],
  ['more', 'fewer'], ['more', 'less'], ['higher', 'lower'], ['greater', 'smaller'], ['larger', 'smaller'],
  ['greater', 'lower'], ['gain', 'lost'], ['gain', 'lose'], ['grow', 'shrink'], ['grew', 'shrank'],
  ['expand', 'shrank'], ['expand', 'contract'], ['improv', 'worsen'], ['improv', 'deterior'],
  ['boost', 'weaken'], ['strengthen', 'weaken'], ['doubl', 'halv'], ['win', 'lose'], ['won', 'lost'],
  ['accept', 'reject'], ['approv', 'reject'], ['pass', 'reject'], ['allow', 'forbid'], ['allow', 'prohibit'],
  ['allow', 'ban'], ['support', 'oppos'], ['promot', 'inhibit'], ['activ', 'inhibit'],
  ['acquit', 'convict'],
];

/**
 * Other opposites, listed beside a passage as a difference but never a contradiction on their
 * own: a paraphrase turns "better" into "not as bad" too easily ("better"/"worse", "same"/"different").
 * WordNet's antonyms (see `lexicon.ts`) join them.
 */
export const OTHER_OPPOSITES: [string, string][] = [
  ['posit', 'neg'], ['major', 'minor'], ['maximum', 'minimum'], ['most', 'least'], ['effect', 'ineffect'],
  ['safe', 'unsaf'], ['like', 'unlik'], ['enhanc', 'impair'], ['high', 'low'], ['long', 'short'],
  ['older', 'younger'], ['old', 'young'], ['men', 'women'], ['male', 'femal'], ['success', 'failur'],
  ['benefici', 'harm'], ['protect', 'harm'], ['better', 'wors'], ['best', 'worst'], ['similar', 'differ'],
  ['same', 'differ'], ['promis', 'disappoint'],
];

/**
 * Words of order, place and position: never a conflict at all. "Before it looks even" and "to look
 * even after drying" say the same; "top" against "side" is a passage on another subject.
 */
export const ORDER_AND_PLACE = new Set(
  (
    'befor after earlier later first last next previou prior subsequ former latter abov below over under up down ' +
    'top bottom side front back left right insid outsid inner outer upper near far begin end start finish ' +
    'east west north south northern southern eastern western here there'
  ).split(' '),
);
