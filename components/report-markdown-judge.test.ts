import { describe, expect, it } from 'vitest';
import { reportToMarkdown } from './report-markdown';
import { reportToJson } from '../utils/report/export';
import { ReportSchema } from '../utils/report/schema';
import { claim, report, source } from '../tests/helpers/ui-fixtures';

const judged = claim('c1', 'contradicted', {
  judgedBy: 'llama3.2 at 127.0.0.1:11434',
  quote: 'park visits rose by 57%',
  judgeReason: 'The source says [57%](x), not 65.7%.',
});
const worded = claim('c2', 'partial', { judgedBy: 'words' });

describe('exports carry who judged a claim', () => {
  it('JSON keeps judgedBy, the quote and the reason', () => {
    const r = report([judged, worded], [source('s1')]);
    const parsed = ReportSchema.parse(JSON.parse(reportToJson(r)));
    expect(parsed.claims[0]).toMatchObject({ judgedBy: 'llama3.2 at 127.0.0.1:11434', quote: 'park visits rose by 57%', judgeReason: judged.judgeReason });
    expect(parsed.claims[1].judgedBy).toBe('words');
  });

  it('Markdown names the judge and shows its quote and reason as escaped text', () => {
    const md = reportToMarkdown(report([judged, worded], [source('s1')]));
    expect(md).toContain('Judged by the on-device model (llama3.2 at 127.0.0.1:11434).');
    expect(md).toContain('The model quoted:\n\n> park visits rose by 57%');
    expect(md).toContain('The model’s reason: The source says \\[57%\\]\\(x\\), not 65.7%.');
    expect(md).toContain('Judged by word match.');
  });
});
