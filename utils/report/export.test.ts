import { describe, expect, it } from 'vitest';
import { reportToJson } from './export';
import { ReportSchema } from './schema';
import { claim, nineClaims } from '../../tests/helpers/ui-fixtures';

describe('reportToJson', () => {
  it('round-trips through the report schema', () => {
    const r = nineClaims();
    const parsed = ReportSchema.parse(JSON.parse(reportToJson(r)));
    expect(parsed).toEqual(r);
  });

  it('refuses a report that breaks the schema', () => {
    const bad = { ...nineClaims(), claims: [{ ...claim('c1', 'supported'), score: 3 }] };
    expect(() => reportToJson(bad)).toThrow();
  });
});
