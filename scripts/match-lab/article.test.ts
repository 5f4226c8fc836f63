import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readRecords } from '../eval-lib';
import { readArticles } from './article';

const dir = mkdtempSync(path.join(tmpdir(), 'articles-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the article around a record', () => {
  it('gives one entry per record, in the order readRecords gives them, empty where a record has none', () => {
    const file = path.join(dir, 'two.jsonl');
    const base = { source_text: 'A line.', label: 'supported' };
    writeFileSync(
      file,
      [
        JSON.stringify({ ...base, id: 'a', claim: 'It opened in 1990.', article_title: 'Harbour Gallery', claim_context: 'The gallery was built in Hull.' }),
        '',
        JSON.stringify({ ...base, id: 'b', claim: 'Nothing around it.' }),
      ].join('\n'),
    );
    const records = readRecords(file);
    const articles = readArticles(file);
    expect(records.map((r) => r.id)).toEqual(['a', 'b']);
    expect(articles).toEqual([
      { title: 'Harbour Gallery', context: 'The gallery was built in Hull.' },
      { title: '', context: '' },
    ]);
  });

  it('refuses a title that is not text', () => {
    const file = path.join(dir, 'bad.jsonl');
    writeFileSync(file, JSON.stringify({ id: 'c', claim: 'x', source_text: 'y', label: 'supported', article_title: 7 }));
    expect(() => readArticles(file)).toThrow();
  });
});
