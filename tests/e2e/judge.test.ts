/**
 * The on-device judge end to end in Debian's Chromium: the options page says why Chrome's built-in
 * model is unavailable here, the reader points the judge at a fake OpenAI-compatible server on
 * 127.0.0.1, and the demo article's cards show the judge's verdict, reason and quote, or the word
 * match where the judge invented its quote. Screenshots go to test-output/.
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import { ReportSchema } from '../../utils/report/schema';
import { chromiumMissing, storedReport, tabIdOf, waitForVerdicts } from '../../scripts/lib/chromium';
import { INVENTED_QUOTE, startFakeModelServer, type FakeModelServer, type SeenPrompt } from '../helpers/fake-model-server';
import { DEMO_VERDICTS } from './demo-article';
import { chromiumTest, shots } from './fixtures';

const missing = chromiumMissing();
if (missing) console.warn(`Skipping Chromium judge tests: ${missing}`);

const REASON = 'The report states the planting, but says nothing about the maintenance budget.';

/** c2 judged "partial", quoting the sentence about the planting; c1 with an invented quote; the rest off-schema. */
function demoJudge(p: SeenPrompt) {
  if (p.claim.includes('12,000 new street trees')) {
    const sentence = p.passages.join(' ').split(/(?<=\.)\s+/).find((s) => s.includes('12,000'))!;
    return { answer: { verdict: 'partial', quote: sentence, reason: REASON } };
  }
  if (p.claim.includes('mature street trees')) return { answer: { verdict: 'contradicted', quote: INVENTED_QUOTE, reason: 'Invented.' } };
  return { content: 'I think it is fine.' };
}

const it = chromiumTest();

describe.skipIf(!!missing)('Chromium: the on-device judge', () => {
  let model: FakeModelServer;
  let article: Page;
  let articleUrl: string;

  it.beforeAll(async ({ server }) => {
    articleUrl = `${server.origin}/article.html`;
    model = await startFakeModelServer(demoJudge);
  });

  it.afterAll(async () => {
    await model?.close();
  });

  it('options: off by default; Chrome’s built-in model is unavailable here, and the page says why', async ({ ext }) => {
    const options = await ext.context.newPage();
    await options.goto(`chrome-extension://${ext.extensionId}/options.html`);
    await options.locator('[data-testid="judge-tier-off"]:checked').waitFor();
    await options.getByTestId('judge-tier-chrome-builtin').check();
    const status = options.getByTestId('judge-status');
    await options.locator('[data-testid="judge-status"][data-state="unavailable"]').waitFor({ timeout: 10_000 });
    expect(await status.innerText()).toMatch(/^Not available: (this browser has no built-in model|Chrome says this device cannot run its built-in model)\./);
    expect(await options.getByTestId('judge-download').count()).toBe(0);
    await options.getByTestId('judge-section').screenshot({ path: path.join(shots, 'judge-options-chrome.png') });
    await options.close();
  });

  it('options: the fake local server is probed and its model chosen', async ({ server, ext }) => {
    const options = await ext.context.newPage();
    await options.goto(`chrome-extension://${ext.extensionId}/options.html`);
    await options.getByTestId('judge-tier-local-server').check();
    await options.getByTestId('judge-url').fill(model.baseUrl);
    await options.getByTestId('judge-probe').click();
    await options.locator('[data-testid="judge-model"]').waitFor();
    expect(await options.getByTestId('judge-probe-result').innerText()).toBe('The server answered with 1 model.');
    await options.getByTestId('judge-section').screenshot({ path: path.join(shots, 'judge-options-local.png') });
    const stored = await (await ext.currentWorker()).evaluate(async () => (await (globalThis as any).chrome.storage.local.get('settings')).settings.judge);
    expect(stored).toEqual({ tier: 'local-server', baseUrl: model.baseUrl, model: 'fake-judge', allowNonLoopback: false });
    await options.close();
  });

  it('the card shows the judge’s verdict, its reason and its quote highlighted in the passage', async ({ ext }) => {
    article = await ext.context.newPage();
    await article.goto(articleUrl);
    // The word-match verdicts come first, as without a judge.
    expect(await waitForVerdicts(article)).toEqual(DEMO_VERDICTS);
    const tabId = await tabIdOf(await ext.currentWorker(), articleUrl);
    let report = ReportSchema.parse(await storedReport(await ext.currentWorker(), tabId));
    for (let i = 0; i < 100 && report.claims.find((c) => c.id === 'c2')?.judgedBy === 'words'; i++) {
      await article.waitForTimeout(100);
      report = ReportSchema.parse(await storedReport(await ext.currentWorker(), tabId));
    }
    const judgeName = `fake-judge at ${new URL(model.origin).host}`;
    const c2 = report.claims.find((c) => c.id === 'c2')!;
    expect(c2).toMatchObject({ verdict: 'partial', judgedBy: judgeName, judgeReason: REASON });
    expect(c2.quote).toMatch(/^The Riverton Parks Department planted 12,000 new street trees in 2022/);
    // The invented quote was dropped: the words' verdict stands.
    expect(report.claims.find((c) => c.id === 'c1')).toMatchObject({ verdict: 'supported', judgedBy: 'words' });
    expect(report.claims.find((c) => c.id === 'c5')).toMatchObject({ verdict: 'contradicted', judgedBy: 'words' });

    await article.locator('citecheck-badge[data-claim-id="c2"] button').hover();
    const card = article.locator('[data-citecheck-card]').first();
    await card.waitFor({ state: 'visible', timeout: 5_000 });
    const text = await card.innerText();
    expect(text).toContain(`Judged by the on-device model (${judgeName})`);
    expect(text).toContain(REASON);
    const quote = card.locator('[data-testid="passage"] [data-testid="judge-quote"]');
    expect(await quote.innerText()).toBe(c2.quote!.replace(/\s+/g, ' '));
    expect(await card.getByTestId('ask-judge').innerText()).toBe('Ask the on-device model again');
    await article.screenshot({ path: path.join(shots, 'judge-card.png') });

    // Asking again sends the claim to the model once more.
    const asked = model.prompts.filter((p) => p.claim.includes('12,000')).length;
    await card.getByTestId('ask-judge').click();
    for (let i = 0; i < 50 && model.prompts.filter((p) => p.claim.includes('12,000')).length === asked; i++) await article.waitForTimeout(100);
    expect(model.prompts.filter((p) => p.claim.includes('12,000')).length).toBe(asked + 1);
  });

  it('a word-matched card says so', async () => {
    await article.mouse.move(0, 0);
    await article.locator('citecheck-badge[data-claim-id="c1"] button').hover();
    const card = article.locator('[data-citecheck-card][data-claim-id="c1"]');
    await card.waitFor({ state: 'visible', timeout: 5_000 });
    expect(await card.getByTestId('judged-by').innerText()).toContain('Judged by word match');
    expect(await card.locator('[data-testid="judge-quote"]').count()).toBe(0);
  });

  it('the model server saw only the extension, asking for models and judgements, and only the claims with passages', async ({ server, ext }) => {
    expect(model.requests.length).toBeGreaterThan(0);
    for (const r of model.requests) {
      expect(['GET /v1/models', 'POST /v1/chat/completions']).toContain(`${r.method} ${r.path}`);
      // Chromium sends no Origin on the extension's GETs; what it sends is never a web page's.
      if (r.method === 'POST' || r.origin !== undefined) expect(r.origin).toBe(`chrome-extension://${ext.extensionId}`);
    }
    expect(model.requests.filter((r) => r.method === 'POST').length).toBeGreaterThan(0);
    // Only claims with a passage are sent: c4's source is missing and c6 cites nothing.
    const tabId = await tabIdOf(await ext.currentWorker(), articleUrl);
    const report = ReportSchema.parse(await storedReport(await ext.currentWorker(), tabId));
    const withPassages = report.claims.filter((c) => c.evidence.length > 0).map((c) => c.text);
    expect(withPassages.length).toBeGreaterThanOrEqual(3);
    expect(new Set(model.prompts.map((p) => p.claim))).toEqual(new Set(withPassages));
    expect(model.prompts.some((p) => p.claim.includes('hottest on record'))).toBe(false);
  });
});
