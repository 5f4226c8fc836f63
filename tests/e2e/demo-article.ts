/** What a careful reader concludes for each claim of the demo article (assets/demo/article.html). */
import type { Verdict } from '../../utils/report/schema';

export const DEMO_VERDICTS: Record<string, Verdict> = {
  c1: 'supported',
  c2: 'partial',
  c3: 'unsupported',
  c4: 'unavailable',
  c5: 'contradicted',
  c6: 'unlinked',
};
