/** A readable plain-text table of a report, for the terminal. */
import type { Report } from '../../utils/report/schema';

const WORDS: Record<string, string> = {
  supported: 'supported',
  partial: 'partly',
  unsupported: 'not found',
  contradicted: 'contradicted',
  unavailable: 'unavailable',
  unlinked: 'unlinked',
  pending: 'pending',
};

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
  for (const claim of report.claims) {
    const sources = claim.markers.join(' ');
    const score = claim.verdict === 'unavailable' || claim.verdict === 'unlinked' ? '  -  ' : claim.score.toFixed(2).padStart(5);
    lines.push(`${claim.id.padEnd(5)} ${WORDS[claim.verdict].padEnd(13)} ${score}  ${cut(sources, 12).padEnd(12)} ${cut(claim.text, 70)}`);
    const best = claim.evidence[0];
    if (best && claim.verdict !== 'unavailable') lines.push(`${''.padEnd(40)}↳ "${cut(best.text, 90)}"`);
    for (const conflict of best?.conflicts ?? []) lines.push(`${''.padEnd(40)}⚠ ${conflict}`);
  }
  lines.push('');
  lines.push('Sources:');
  for (const s of report.sources) {
    const state =
      s.status === 'ok'
        ? 'ok'
        : s.status === 'pending'
          ? s.cited === false ? 'not cited' : 'pending'
          : `unavailable (${s.reason}${s.httpStatus ? ` ${s.httpStatus}` : ''})`;
    lines.push(`  [${s.label}] ${cut(s.title ?? s.domain, 50).padEnd(50)} ${state}  ${s.url}`);
  }
  const counts = new Map<string, number>();
  for (const c of report.claims) counts.set(c.verdict, (counts.get(c.verdict) ?? 0) + 1);
  lines.push('');
  lines.push(
    `${report.claims.length} claims: ` +
      [...counts].map(([verdict, n]) => `${n} ${WORDS[verdict]}`).join(', '),
  );
  return lines.join('\n');
}
