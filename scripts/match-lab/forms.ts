/**
 * Lab, round 12: how many claims and claim terms each of three reading fixes touches on a dev
 * file (docs/matcher-notes.md, round 12). Counted on the code after the fixes:
 * - spans: claims holding a year span written short ("2018–19"), and sources that write one;
 * - hyphens: claim words of a hyphenated pair that no source holds under their own stem but one
 *   holds under the pair's joined stem ("co-operation" against "cooperation");
 * - glued: claim words no source holds except as a part of a glued word ("ScotlandDied").
 *
 *   npx tsx scripts/match-lab/forms.ts [--files wice,checkcovid,expertqa] [--list]
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyseClaim } from '../../utils/match/claim';
import { indexSource, type SourceIndex } from '../../utils/match/source';
import { gluedParts, hyphenJoined, joinedStem, stem } from '../../utils/match/text';
import { STOPWORDS } from '../../utils/match/words';
import { readArgs } from '../lib/args';
import { readRecords } from '../eval-lib';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const { values } = readArgs('usage: npx tsx scripts/match-lab/forms.ts [--files wice,checkcovid,expertqa] [--list]', {
  files: { type: 'string', default: 'wice,checkcovid,expertqa' },
  list: { type: 'boolean', default: false },
});

/** Stems the index posts for whole tokens and hyphenated pairs only: the index before the glued-word fix. */
function wholeStems(source: SourceIndex): Set<string> {
  const out = new Set<string>();
  for (let s = 0; s < source.bodyEnd; s++) {
    const sentence = source.sentences[s];
    for (let t = sentence.tokenFrom; t < sentence.tokenTo; t++) {
      const tok = source.tokens[t];
      if (!STOPWORDS.has(tok.word)) out.add(tok.stem);
      if (t > sentence.tokenFrom && hyphenJoined(source.text, source.tokens[t - 1], tok)) out.add(joinedStem(source.tokens[t - 1], tok));
    }
  }
  return out;
}

function gluedOnly(source: SourceIndex, whole: Set<string>): Set<string> {
  const out = new Set<string>();
  for (let s = 0; s < source.bodyEnd; s++) {
    const sentence = source.sentences[s];
    for (let t = sentence.tokenFrom; t < sentence.tokenTo; t++) {
      const tok = source.tokens[t];
      for (const part of gluedParts(source.text.slice(tok.start, tok.end)) ?? []) {
        const word = part.toLowerCase().replace(/['’]s$/, '');
        const st = stem(word);
        if (word.length > 1 && !STOPWORDS.has(word) && !whole.has(st)) out.add(st);
      }
    }
  }
  return out;
}

const FILES: Record<string, string> = { wice: 'wice-dev.jsonl', checkcovid: 'checkcovid-dev.jsonl', expertqa: 'expertqa-dev.jsonl' };
for (const name of values.files.split(',')) {
  const records = readRecords(path.resolve(repoRoot, '../shared/eval', FILES[name]));
  const count = { claims: records.length, spanClaims: 0, spanSources: 0, hyphenTerms: 0, hyphenClaims: 0, hyphenPairs: 0, gluedTerms: 0, gluedClaims: 0 };
  const listed: string[] = [];
  const indexCache = new Map<string, { whole: Set<string>; glued: Set<string>; spans: boolean }>();
  for (const r of records) {
    let cached = indexCache.get(r.source_text);
    if (!cached) {
      const source = indexSource('s', r.source_text);
      const whole = wholeStems(source);
      cached = { whole, glued: gluedOnly(source, whole), spans: source.sentences.some((s) => s.numbers.some((n) => n.span)) };
      indexCache.set(r.source_text, cached);
    }
    const analysis = analyseClaim(r.claim);
    if (analysis.numbers.some((n) => n.span)) {
      count.spanClaims++;
      listed.push(`span ${r.id} (${r.label}): ${analysis.numbers.filter((n) => n.span).map((n) => analysis.text.slice(n.start, n.end)).join(', ')}`);
    }
    if (cached.spans) count.spanSources++;
    let hyphen = 0;
    let glued = 0;
    for (const t of analysis.terms) {
      if (t.kind === 'number') continue;
      if (t.joined) count.hyphenPairs++;
      const own = cached.whole.has(t.stem);
      if (!own && t.joined?.some((j) => cached.whole.has(j))) {
        hyphen++;
        listed.push(`hyphen ${r.id} (${r.label}): ${t.surface} in ${analysis.text.slice(analysis.tokens[Math.max(0, t.position - 1)].start, analysis.tokens[Math.min(analysis.tokens.length - 1, t.position + 1)].end)}`);
      }
      if (!own && !t.joined?.some((j) => cached.whole.has(j)) && cached.glued.has(t.stem)) {
        glued++;
        listed.push(`glued ${r.id} (${r.label}): ${t.surface}`);
      }
    }
    count.hyphenTerms += hyphen;
    count.gluedTerms += glued;
    if (hyphen) count.hyphenClaims++;
    if (glued) count.gluedClaims++;
  }
  console.log(`${name}: ${JSON.stringify(count)}`);
  if (values.list) for (const l of listed) console.log('  ' + l);
}
