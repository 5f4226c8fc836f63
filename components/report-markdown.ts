/**
 * The report as a Markdown file for people: a view of the report, like the popup and the card, so
 * it takes its words from the components. (The JSON export is in utils/report/export.ts.)
 *
 * Page and source text is hostile input even in a Markdown file: it is escaped so that a claim or
 * a passage cannot turn into a link, an image, an HTML tag or a heading when the file is rendered.
 */
import { evidenceLink, safeHttpUrl } from '../utils/report/links';
import { archiveNote, reasonText } from '../utils/report/reasons';
import type { Claim, Report, Source } from '../utils/report/schema';
import { summarizeReport } from '../utils/report/summary';
import { claimKind, isJudgement } from '../utils/report/verdicts';
import { partsWords } from './parts-words';
import { summaryLine } from './summary-words';
import { kindMeaning, kindWord } from './verdicts';

/** Escapes Markdown syntax in one line of inline text. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\\`*_{}\[\]()<>#+!|~]/g, (c) => `\\${c}`)
    .replace(/^(\d+)\./, '$1\\.')
    .replace(/^-/, '\\-');
}

function link(label: string, url: string | null): string {
  if (!url) return escapeMarkdown(label);
  return `[${escapeMarkdown(label)}](<${url.replace(/[<>\s]/g, encodeURIComponent)}>)`;
}

function percent(score: number): string {
  return `${Math.round(score * 100)}%`;
}

function sourceLine(source: Source): string {
  const name = source.title ? (source.domain ? `${source.title} (${source.domain})` : source.title) : source.domain || source.url;
  const parts = [`${escapeMarkdown(source.label)}: ${link(name, safeHttpUrl(source.finalUrl ?? source.url))}`];
  if (source.published) parts.push(`published ${escapeMarkdown(source.published)}`);
  if (source.cited === false && source.status === 'pending') parts.push('not cited by any claim');
  else if (source.status === 'unavailable' || source.status === 'pending') parts.push(`**${escapeMarkdown(reasonText(source))}**`);
  if (source.readFrom === 'archive') parts.push(`${escapeMarkdown(lowerFirst(archiveNote(source)))} (${link('copy', safeHttpUrl(source.archiveUrl))})`);
  if (source.truncated) parts.push('only the first part was read');
  if (source.selfCitation) parts.push('on the article’s own site');
  return parts.join(' — ');
}

function claimSection(claim: Claim, index: number, sources: Map<string, Source>): string[] {
  const kind = claimKind(claim, sources);
  const judged = isJudgement(kind);
  const heading = `### ${index + 1}. ${kindWord(kind)}${judged ? ` — score ${percent(claim.score)}` : ''}`;
  const lines = [heading, '', `> ${escapeMarkdown(claim.text)}`, ''];
  if (claim.markers.length) lines.push(`Markers: ${claim.markers.map(escapeMarkdown).join(' ')}`, '');
  lines.push(`*${kindMeaning(kind)}*`, '');
  if (claim.judgedBy === 'words') lines.push('Judged by word match.', '');
  else if (claim.judgedBy) {
    lines.push(`Judged by the on-device model (${escapeMarkdown(claim.judgedBy)}).`, '');
    if (claim.quote) lines.push('The model quoted:', '', `> ${escapeMarkdown(claim.quote)}`, '');
    if (claim.judgeReason) lines.push(`The model’s reason: ${escapeMarkdown(claim.judgeReason)}`, '');
  }
  if (claim.attribution && claim.attributionMatches === false) {
    lines.push(`The claim names ${escapeMarkdown(claim.attribution)}, which does not fit the cited source.`, '');
  }
  for (const sourceId of claim.sourceIds) {
    const source = sources.get(sourceId);
    if (source) lines.push(`- ${sourceLine(source)}`);
  }
  if (claim.sourceIds.length) lines.push('');
  const read = claim.sourceIds.filter((id) => sources.get(id)?.status === 'ok').length;
  const parts = judged && claim.verdict !== 'contradicted' ? partsWords(claim.parts, claim.absent, read > 1) : null;
  if (parts) {
    lines.push(escapeMarkdown(parts.line), '');
    for (const part of parts.stated) {
      if (part.evidence) lines.push(`- “${escapeMarkdown(part.text)}”: ${escapeMarkdown(part.evidence.text)}`);
    }
    if (parts.stated.length) lines.push('');
  }
  for (const evidence of claim.evidence.slice(0, 1)) {
    const source = sources.get(evidence.sourceId);
    const where = evidence.page !== undefined ? `page ${evidence.page}, ` : '';
    lines.push(`Best passage (${where}${percent(evidence.score)}):`, '', `> ${escapeMarkdown(evidence.text)}`, '');
    const href = source ? evidenceLink(source, evidence) : null;
    if (href) lines.push(link('Open the source at this passage', href), '');
    if (evidence.missing.length) lines.push(`Missing key words: ${evidence.missing.map(escapeMarkdown).join(', ')}`, '');
    for (const conflict of evidence.conflicts) lines.push(`- Conflict: ${escapeMarkdown(conflict)}`);
    if (evidence.conflicts.length) lines.push('');
  }
  return lines;
}

export function reportToMarkdown(report: Report): string {
  const summary = summarizeReport(report);
  const sources = new Map(report.sources.map((s) => [s.id, s]));
  const lines = [
    `# Citecheck report: ${escapeMarkdown(report.title || report.url)}`,
    '',
    `Page: ${link(report.url, safeHttpUrl(report.url))}`,
    `Checked: ${escapeMarkdown(report.checkedAt)}`,
    '',
    `**${summaryLine(summary)}**`,
    '',
  ];
  if (report.state === 'running') {
    lines.push(`Still checking: ${summary.progress.done} of ${summary.progress.total} sources loaded.`, '');
  }
  if (report.limits?.markersCapped || report.limits?.sourcesCapped) {
    lines.push('This page has more citations than Citecheck checks at once; the rest were skipped.', '');
  }
  if (report.claims.length) {
    lines.push('## Claims', '');
    report.claims.forEach((claim, i) => lines.push(...claimSection(claim, i, sources)));
  }
  if (report.sources.length) {
    lines.push('## Sources', '');
    for (const source of report.sources) lines.push(`- ${sourceLine(source)}`);
    lines.push('');
  }
  return lines.join('\n');
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
