/**
 * Lab (round 12, pre-registered in docs/matcher-notes.md): what a sentence of a scientific abstract
 * does — state the study's aim or method, or report a finding — read from closed lists of cue
 * forms. (Abbreviations a source defines in brackets are read by the product: `abbreviationsOf` in
 * utils/match/source.ts.)
 */

const AIM_LABEL =
  /^(?:background|introduction|importance|objectives?|aims?|purpose|methods?|methodology|design|study design|setting|participants|patients|interventions?|exposures?|main outcomes?(?: and)? measures?|materials and methods)\s*:/i;
const STUDY = String.raw`(?:we|(?:this|the|our|the present)\s+(?:study|paper|article|review|work|trial|analysis))`;
const AIM_VERB = String.raw`(?:aim(?:s|ed)?|sought|set out|seeks?|intend(?:s|ed)?|propose[sd]?|evaluate[sd]?|assess(?:es|ed)?|investigate[sd]?|examine[sd]?|explore[sd]?|describe[sd]?|compare[sd]?|conduct(?:s|ed)?|perform(?:s|ed)?|analy[sz]e[sd]?|review(?:s|ed)?|enrol(?:l)?(?:s|ed)?|enroll|recruit(?:s|ed)?|search(?:es|ed)?|use[sd]?|design(?:s|ed)?)`;
const AIM_CUES = [
  new RegExp(String.raw`\b${STUDY}\s+${AIM_VERB}\b`, 'i'),
  /\b(?:the|our)\s+(?:aims?|objectives?|purpose|goals?)\s+(?:of|was|is|were)\b/i,
  /\b(?:in order )?to\s+(?:assess|evaluate|investigate|determine|examine|explore|describe|compare|estimate|characteri[sz]e|quantify)\b/i,
  /\b(?:was|were)\s+(?:enrolled|recruited|randomi[sz]ed|included|collected|analy[sz]ed|assessed|evaluated|measured|surveyed|interviewed|screened|searched|reviewed|retrieved|obtained|selected|followed)\b/i,
];
const FINDING_LABEL = /^(?:results?|findings?|conclusions?|interpretation|discussion)\s*:/i;
const FINDING_CUES = [
  /\b(?:we|they|our study|results|findings|data|analysis)\s+(?:found|find|show(?:s|ed|n)?|demonstrate[sd]?|reveal(?:s|ed)?|observe[sd]?|identif(?:y|ied)|confirm(?:s|ed)?|detect(?:s|ed)?)\b/i,
  /\b(?:results|findings|data|analyses|evidence|this|these)\s+(?:show(?:s|ed)?|suggest(?:s|ed)?|indicate[sd]?|demonstrate[sd]?|reveal(?:s|ed)?|support(?:s|ed)?|confirm(?:s|ed)?)\b/i,
  /\b(?:is|are|was|were)\s+(?:(?:significantly|strongly|independently|positively|negatively)\s+)?(?:associated|correlated|linked)\b/i,
  /\b(?:and|but)\s+(?:found|showed|observed)\b|\bfound that\b/i,
  /\bsignificant(?:ly)?\b/i,
  /\b(?:resulted in|led to|reduced|increased|decreased|improved|lowered|higher|lower|fewer|more likely|less likely)\b/i,
  /\bp\s*[<=≤]\s*0?\.\d/i,
];
const RATIO = /\b(?:OR|RR|HR|aOR|aHR|CI)\b/;

const bare = (sentence: string) => sentence.replace(/^#+\s*/, '').trim();

export function reportsFinding(sentence: string): boolean {
  const s = bare(sentence);
  return FINDING_LABEL.test(s) || RATIO.test(s) || FINDING_CUES.some((re) => re.test(s));
}

/** States only what the study set out to do or how: an aim-or-method cue and no finding cue. */
export function aimOnly(sentence: string): boolean {
  const s = bare(sentence);
  return (AIM_LABEL.test(s) || AIM_CUES.some((re) => re.test(s))) && !reportsFinding(s);
}

