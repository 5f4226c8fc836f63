/**
 * Lab: what a WiCE record says of the article around its claim (`article_title`, the Wikipedia
 * article; `claim_context`, the text of its section before the claim), in the order
 * `readRecords` gives the records. The eval's record schema leaves these out: the matcher is
 * not given them. Check-COVID and ExpertQA records have neither.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';

const ArticleFields = z.object({
  article_title: z.string().optional(),
  claim_context: z.string().optional(),
});

export interface Article {
  title: string;
  context: string;
}

export function readArticles(file: string): Article[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => {
      const fields = ArticleFields.parse(JSON.parse(line));
      return { title: fields.article_title ?? '', context: fields.claim_context ?? '' };
    });
}
