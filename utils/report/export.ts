/**
 * The report as JSON (the report schema) for tools. The Markdown file for people is a view of the
 * report and lives with the other views: components/report-markdown.ts.
 */
import { ReportSchema, type Report } from './schema';

/** The report as JSON; throws when it does not satisfy the report schema. */
export function reportToJson(report: Report): string {
  return JSON.stringify(ReportSchema.parse(report), null, 2);
}
