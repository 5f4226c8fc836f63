/** axe-core on an extension page, in Chromium (playwright-core) or Firefox (puppeteer-core). */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { root } from './fixtures';

export const AXE = path.join(root, 'node_modules/axe-core/axe.min.js');

/** What both browser drivers' pages offer: evaluating source text, and a function. */
interface EvaluatingPage {
  evaluate(source: string): Promise<unknown>;
}

/**
 * The serious and critical axe findings on the whole page, as "rule: targets". Extension pages
 * forbid injected scripts, so axe's source is evaluated through the driver's protocol instead.
 */
export async function extensionPageViolations(page: EvaluatingPage): Promise<string[]> {
  await page.evaluate(await readFile(AXE, 'utf8'));
  return (await page.evaluate(`(async () => {
    const result = await window.axe.run(document, { resultTypes: ['violations'] });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => v.id + ': ' + v.nodes.map((n) => JSON.stringify(n.target)).join(', '));
  })()`)) as string[];
}
