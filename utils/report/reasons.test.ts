import { describe, expect, it } from 'vitest';
import { reasonText } from './reasons';
import { UNAVAILABLE_REASONS } from '../sources/types';
import { UNAVAILABLE_CASES } from '../../tests/helpers/ui-fixtures';

describe('reasonText', () => {
  it.each(UNAVAILABLE_CASES)('explains $reason ($httpStatus) in plain words', ({ reason, httpStatus, text }) => {
    expect(reasonText({ status: 'unavailable', reason, httpStatus })).toBe(text);
  });

  it('covers every reason of the schema with its own sentence', () => {
    const texts = UNAVAILABLE_REASONS.map((reason) => reasonText({ status: 'unavailable', reason, httpStatus: 404 }));
    expect(new Set(texts).size).toBe(UNAVAILABLE_REASONS.length);
    for (const text of texts) expect(text).toMatch(/^The (source|link|cited work)/);
  });

  it.each([
    [{ status: 'unavailable' as const, reason: 'http_error' as const, httpStatus: 599 }, 'The source answered with HTTP status 599'],
    [{ status: 'unavailable' as const, reason: 'http_error' as const }, 'The source answered with an error'],
    [{ status: 'unavailable' as const }, 'The source could not be read'],
    [{ status: 'pending' as const }, 'The source is still loading'],
    [{ status: 'ok' as const }, ''],
  ])('handles %j', (source, text) => {
    expect(reasonText(source)).toBe(text);
  });

  it('never calls an unreadable source unsupported', () => {
    for (const reason of UNAVAILABLE_REASONS) {
      expect(reasonText({ status: 'unavailable', reason, httpStatus: 404 }).toLowerCase()).not.toMatch(/unsupported|not supported|score/);
    }
  });
});
