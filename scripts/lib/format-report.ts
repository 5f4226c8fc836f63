/** A readable plain-text table of a report, for the terminal. */
import { partsWords } from '../../components/parts-words';
import { kindWord } from '../../components/verdicts';
import type { Report } from '../../utils/report/schema';
import { claimKind, isJudgement, type ClaimKind } from '../../utils/report/verdicts';

/** The badge's word in lower case: the table says what the extension's badge says ("not checkable" too). */
const word = (kind: ClaimKind): string => kindWord(kind).toLowerCase();

function cut(text: string, width: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= width ? flat : flat.slice(0, width - 1) + '…';
}

export function formatReport(report: Report): string {
  const lines: string[] = [];
  lines.push(`${report.title || report.url}`);
  lines.push(`${report.url}`);
  lines.push('');
  lines.push(`${'claim'.padEnd(5)} ${'verdict'.padEnd(13)} ${'score'.padStart(5)}  ${'sources'.padEnd(12)} text`);
  const sourcesById = new Map(report.sources.map((s) => [s.id, s]));
  const kinds = new Map(report.claims.map((c) => [c.id, claimKind(c, sourcesById)]));
  for (const claim of report.claims) {
    const sources = claim.markers.join(' ');
    const kind = kinds.get(claim.id)!;
    const score = isJudgement(kind) ? claim.score.toFixed(2).padStart(5) : '  -  ';
    lines.push(`${claim.id.padEnd(5)} ${word(kind).padEnd(13)} ${score}  ${cut(sources, 12).padEnd(12)} ${cut(claim.text, 70)}`);
    const best = claim.evidence[0];
    const page = best?.page !== undefined ? `page ${best.page}: ` : '';
    if (best && claim.verdict !== 'unavailable') lines.push(`${''.padEnd(40)}↳ ${page}"${cut(best.text, 90)}"`);
    for (const conflict of best?.conflicts ?? []) lines.push(`${''.padEnd(40)}⚠ ${conflict}`);
    const read = claim.sourceIds.filter((id) => sourcesById.get(id)?.status === 'ok').length;
    const explained = isJudgement(kind) && claim.verdict !== 'contradicted' ? partsWords(claim.parts, claim.absent, read > 1) : null;
    if (explained) lines.push(`${''.padEnd(40)}· ${explained.line}`);
  }
  lines.push('');
  lines.push('Sources:');
  for (const s of report.sources) {
    const state =
      s.status === 'ok'
        ? s.readFrom === 'archive' ? `ok, read from the archived copy${s.archivedAt ? ` of ${s.archivedAt.slice(0, 10)}` : ''}` : 'ok'
        : s.status === 'pending'
          ? s.cited === false ? 'not cited' : 'pending'
          : `unavailable (${s.reason}${s.httpStatus ? ` ${s.httpStatus}` : ''})`;
    lines.push(`  [${s.label}] ${cut(s.title ?? s.domain, 50).padEnd(50)} ${state}  ${s.url}`);
  }
  const counts = new Map<ClaimKind, number>();
  for (const kind of kinds.values()) counts.set(kind, (counts.get(kind) ?? 0) + 1);
  lines.push('');
  lines.push(
    `${report.claims.length} claims: ` +
      [...counts].map(([kind, n]) => `${n} ${word(kind)}`).join(', '),
  );
  return lines.join('\n');
}
