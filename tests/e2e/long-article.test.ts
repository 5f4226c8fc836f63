/**
 * A long generated article (tests/helpers/long-article.ts: references spread over loopback hosts,
 * each source answering after a delay) in Chromium and Firefox: every marker gets its badge at
 * once, the claims in view are checked first, the look-ahead keeps to its budget, scrolling
 * re-prioritises, no source is fetched twice; and each check mode, driven by its messages.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumMissing, launchWithExtension, type ExtensionBrowser } from '../../scripts/lib/chromium';
import { firefoxMissing, launchFirefoxWithExtension } from '../../scripts/lib/firefox';
import { LOOK_AHEAD_SOURCES } from '../../utils/scheduler';
import { startLongArticleServer, type LongArticleServer } from '../helpers/long-article';
import { callFromExtensionPage, openLongArticle } from './long-article-tab';

const REFERENCES = 120;
const HOSTS = 6;
const LATENCY_MS = 150;

const noChromium = chromiumMissing();
const noFirefox = firefoxMissing();
if (noChromium) console.warn(`Skipping Chromium long-article tests: ${noChromium}`);
if (noFirefox) console.warn(`Skipping Firefox long-article test: ${noFirefox}`);

/** Runs in the page: each badge's claim id, verdict and whether it is on screen now. */
function badgeStates() {
  return [...document.querySelectorAll('citecheck-badge')].map((badge) => {
    const box = badge.getBoundingClientRect();
    return {
      id: badge.getAttribute('data-claim-id') ?? '',
      verdict: badge.getAttribute('data-verdict') ?? '',
      inView: box.bottom > 0 && box.top < innerHeight && box.height > 0,
    };
  });
}
type BadgeState = ReturnType<typeof badgeStates>[number];

const settledIn = (states: BadgeState[], which: (s: BadgeState) => boolean) =>
  states.filter(which).every((s) => s.verdict !== 'pending' && s.verdict !== 'unchecked');

describe.skipIf(!!noChromium)('Chromium: a long article, visible first', () => {
  let server: LongArticleServer;
  let ext: ExtensionBrowser;

  const call = (message: Record<string, unknown>) => callFromExtensionPage(ext, message);

  const open = () => openLongArticle(ext, server, REFERENCES);

  beforeAll(async () => {
    server = await startLongArticleServer({ references: REFERENCES, hosts: HOSTS, latencyMs: LATENCY_MS });
    ext = await launchWithExtension();
  });

  afterAll(async () => {
    await ext?.close();
    await server?.close();
  });

  it('gives every marker a badge, checks the claims in view first and keeps the look-ahead to its budget', async () => {
    const { page, since } = await open();
    await page.waitForFunction(() => {
      const badges = [...document.querySelectorAll('citecheck-badge')];
      const shown = badges.filter((b) => {
        const box = b.getBoundingClientRect();
        return box.bottom > 0 && box.top < innerHeight;
      });
      return shown.length > 0 && shown.every((b) => b.getAttribute('data-verdict') === 'supported');
    }, undefined, { timeout: 10_000 });
    const states = await page.evaluate(badgeStates);
    const inView = states.filter((s) => s.inView);
    expect(inView.length).toBeGreaterThan(5);
    // The in-view claims' sources went first: the first requests are theirs.
    const firstRefs = server.requests.filter((r) => r.at >= since).slice(0, inView.length).map((r) => r.ref);
    expect(firstRefs.sort((a, b) => a - b)).toEqual(inView.map((s) => Number(s.id.slice(1))).sort((a, b) => a - b));
    // Let the look-ahead run out: no more requests than the claims in view plus the budget.
    await page.waitForTimeout(LATENCY_MS * 8);
    const beforeScroll = server.countSince(since);
    expect(beforeScroll).toBeLessThanOrEqual(inView.length + LOOK_AHEAD_SOURCES);
    expect(beforeScroll).toBeGreaterThan(inView.length);
    expect(states.filter((s) => s.verdict === 'pending').length).toBeGreaterThan(0);

    // Scroll to the end of the article text (the reference list follows): those claims come next.
    await page.evaluate((n) => document.querySelector(`citecheck-badge[data-claim-id="c${n}"]`)!.scrollIntoView({ block: 'end' }), REFERENCES);
    await page.waitForFunction(() => {
      const shown = [...document.querySelectorAll('citecheck-badge')].filter((b) => {
        const box = b.getBoundingClientRect();
        return box.bottom > 0 && box.top < innerHeight;
      });
      return shown.length > 0 && shown.every((b) => b.getAttribute('data-verdict') === 'supported');
    }, undefined, { timeout: 10_000 });
    expect(server.fetchedTwice(since)).toEqual([]);
    await page.close();
  });

  it('"only when I click": no source request until asked; one claim, then the whole page', async () => {
    expect(await call({ type: 'set-check-mode', mode: 'click' })).toEqual({ ok: true, value: null });
    const { page, tabId, since } = await open();
    await page.waitForTimeout(LATENCY_MS * 4);
    const states = await page.evaluate(badgeStates);
    expect(new Set(states.map((s) => s.verdict))).toEqual(new Set(['unchecked']));
    expect(server.countSince(since)).toBe(0);

    // One claim (what a click on its badge asks for).
    await call({ type: 'check-claim', tabId, claimId: 'c40' });
    await page.waitForFunction(() => document.querySelector('citecheck-badge[data-claim-id="c40"]')?.getAttribute('data-verdict') === 'supported');
    expect(server.requests.filter((r) => r.at >= since).map((r) => r.ref)).toEqual([40]);
    expect((await page.evaluate(badgeStates)).filter((s) => s.verdict === 'unchecked')).toHaveLength(REFERENCES - 1);

    // "Check this page".
    await call({ type: 'check-page', tabId });
    await page.waitForFunction(() => [...document.querySelectorAll('citecheck-badge')].every((b) => b.getAttribute('data-verdict') === 'supported'), undefined, {
      timeout: 20_000,
    });
    expect(server.countSince(since)).toBe(REFERENCES);
    expect(server.fetchedTwice(since)).toEqual([]);
    await page.close();
  });

  it('"on the sites I allow" follows the list', async () => {
    await call({ type: 'set-check-mode', mode: 'allowed' });
    await call({ type: 'allow-site', host: 'some-other-site.example', allowed: true });
    const elsewhere = await open();
    await elsewhere.page.waitForTimeout(LATENCY_MS * 4);
    expect(server.countSince(elsewhere.since)).toBe(0);
    await elsewhere.page.close();

    await call({ type: 'allow-site', host: '127.0.0.1', allowed: true });
    const allowed = await open();
    await allowed.page.waitForFunction(() => document.querySelector('citecheck-badge[data-claim-id="c1"]')?.getAttribute('data-verdict') === 'supported', undefined, {
      timeout: 10_000,
    });
    expect(server.countSince(allowed.since)).toBeGreaterThan(0);
    await allowed.page.close();
    await call({ type: 'set-check-mode', mode: 'auto' });
  });
});

describe.skipIf(!!noFirefox)('Firefox ESR: a long article, visible first', () => {
  it('checks the claims in view first and keeps the look-ahead to its budget', async () => {
    const server = await startLongArticleServer({ references: REFERENCES, hosts: HOSTS, latencyMs: LATENCY_MS });
    const { browser } = await launchFirefoxWithExtension();
    try {
      const page = await browser.newPage();
      await page.setViewport({ width: 1100, height: 900 }).catch(() => undefined);
      const since = server.now();
      await page.goto(server.articleUrl);
      await page.waitForFunction((n: number) => document.querySelectorAll('citecheck-badge').length === n, { timeout: 45_000 }, REFERENCES);
      await page.waitForFunction(
        () => {
          const shown = [...document.querySelectorAll('citecheck-badge')].filter((b) => {
            const box = b.getBoundingClientRect();
            return box.bottom > 0 && box.top < innerHeight;
          });
          return shown.length > 0 && shown.every((b) => b.getAttribute('data-verdict') === 'supported');
        },
        { timeout: 30_000 },
      );
      const states = await page.evaluate(badgeStates);
      const inView = states.filter((s) => s.inView);
      await new Promise((r) => setTimeout(r, LATENCY_MS * 8));
      expect(server.countSince(since)).toBeLessThanOrEqual(inView.length + LOOK_AHEAD_SOURCES);
      expect(settledIn(states, (s) => s.inView)).toBe(true);
      expect(server.fetchedTwice()).toEqual([]);
    } finally {
      await browser.close();
      await server.close();
    }
  });
});
