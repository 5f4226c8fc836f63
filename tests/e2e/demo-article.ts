/** What a careful reader concludes for each claim of the demo article (assets/demo/article.html). */
import type { Verdict } from '../../utils/report/schema';

export const DEMO_VERDICTS: Record<string, Verdict> = {
  c1: 'supported',
  c2: 'partial',
  c3: 'unsupported',
  c4: 'unavailable',
  c5: 'contradicted',
  c6: 'unlinked',
  /** A PDF source: the passage is on its page 3. */
  c7: 'supported',
  /** A dead link (404) read through the archived copy the article gives. */
  c8: 'supported',
  /** The source states the rest of the claim but gives no such number (80 percent). */
  c9: 'partial',
};

/** Where the demo's PDF passage is, and the date of its archived copy. */
export const DEMO_PDF_PAGE = { claimId: 'c7', page: 3 };
export const DEMO_ARCHIVED = { claimId: 'c8', archivedAt: '2021-06-02T10:15:00.000Z' };
