/**
 * A report's summary in words: the popup's and the exports' summary line, and the toolbar badge
 * with its tooltip. The numbers come from `utils/report/summary.ts`, the words from the verdict
 * table.
 */
import type { Report } from '../utils/report/schema';
import { summarizeReport, type ReportSummary } from '../utils/report/summary';
import { KIND_ORDER, isSettled } from '../utils/report/verdicts';
import type { ToolbarBadge } from '../utils/background/toolbar';
import { kindColor, kindPhrase } from './verdicts';

export type { ToolbarBadge };

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** "9 claims: 5 supported, 2 partly, 1 not found, 1 source unavailable", kinds in summary order. */
export function summaryLine(summary: ReportSummary): string {
  if (summary.total === 0) return 'No cited claims found';
  const parts = KIND_ORDER.filter((k) => summary.counts[k] > 0).map((k) => `${summary.counts[k]} ${kindPhrase(k)}`);
  return `${plural(summary.total, 'claim', 'claims')}: ${parts.join(', ')}`;
}

const NO_CLAIMS = 'Citecheck: no cited claims on this page';

export function toolbarBadge(report: Report | null): ToolbarBadge {
  if (!report) return { text: '', color: kindColor('pending'), title: NO_CLAIMS };
  const s = summarizeReport(report);
  const running = report.state === 'running';
  const loading = running ? ` (checking sources: ${s.progress.done} of ${s.progress.total} loaded)` : '';
  if (s.total === 0) return { text: '', color: kindColor('pending'), title: NO_CLAIMS };
  const unchecked = s.counts.unchecked;
  const notChecked = unchecked > 0 ? `; ${plural(unchecked, 'claim', 'claims')} not checked yet` : '';
  if (s.needsLook === 0 && unchecked > 0 && !running) {
    const which = unchecked === s.total ? ', not checked yet' : notChecked;
    return {
      text: String(unchecked),
      color: kindColor('unchecked'),
      title: `Citecheck: ${plural(s.total, 'cited claim', 'cited claims')}${which} (open Citecheck to check them)`,
    };
  }
  const text = s.needsLook > 0 ? String(s.needsLook) : '';
  const color = kindColor(s.worst ?? 'pending');
  let title: string;
  if (s.needsLook === 0) {
    title = running
      ? `Citecheck: ${plural(s.total, 'cited claim', 'cited claims')}${loading}`
      : `Citecheck: all ${plural(s.total, 'cited claim', 'cited claims')} supported by their sources`;
  } else {
    const detail = KIND_ORDER.filter((k) => k !== 'supported' && isSettled(k) && s.counts[k] > 0)
      .map((k) => `${s.counts[k]} ${kindPhrase(k)}`)
      .join(', ');
    const needs = s.needsLook === 1 ? '1 of ' + s.total + ' claims needs a look' : `${s.needsLook} of ${s.total} claims need a look`;
    title = `Citecheck: ${needs} (${detail})${notChecked}${loading}`;
  }
  return { text, color, title };
}
