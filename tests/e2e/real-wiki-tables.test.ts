/**
 * End to end in Chromium on real saved Wikipedia pages whose cited claims sit in table cells
 * (../shared/corpus/real-citations: the French "Berlin" with its wikitables, the English "Cat"
 * with its infobox), served from loopback with the built extension in "only when I click" mode:
 * each labelled marker in a cell has its badge right after it, in the DOM and on screen, and the
 * badge's card shows the whole claim (the label's words, none of the neighbouring sentences);
 * every badge in a cell follows a marker, and a cell's only badge opens a card holding the cell's
 * whole text, labelled or not.
 *
 * Nothing may reach a public host: the page's own images and styles are aborted by request
 * interception (and recorded), and every other request of the browser goes through a recording
 * proxy on loopback, which answers none. The extension must send it nothing.
 */
import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumMissing, launchWithExtension, type ExtensionBrowser } from '../../scripts/lib/chromium';
import { startStaticServer, type StaticServer } from '../../scripts/lib/static-server';
import { hasShared, sharedDir, skipNote } from '../helpers/extract';
import { fold, readLabels, type LabelledClaim } from '../helpers/real-labels';

const corpus = path.join(sharedDir, 'corpus/real-citations');
const PAGES = ['wiki-fr-berlin', 'wiki-en-cat-mobile'];
const CELLS = new Set(['table cell', 'table header cell', 'table caption']);
/** Hosts Chromium itself calls (sign-in, component and GCM services), whatever the extension does. */
const BROWSER_SERVICES = /^(?:accounts\.google\.com|(?:android\.)?clients\d*\.google\.com|android\.clients\.google\.com|[\w-]+\.googleapis\.com|[\w.-]+\.gvt1\.com)$/;

const noChromium = chromiumMissing();
if (noChromium) console.warn(`Skipping the real Wikipedia table pages in Chromium: ${noChromium}`);
skipNote('real Wikipedia table pages in Chromium');
const pagesThere = hasShared && PAGES.every((p) => existsSync(path.join(corpus, p, 'source.html')));
if (hasShared && !pagesThere) {
  if (process.env.CI === 'true') throw new Error(`CI=true but ${PAGES.join(', ')} are not all in ${corpus}`);
  console.warn(`Skipping the real Wikipedia table pages in Chromium: ${PAGES.join(', ')} are not all in ${corpus}`);
}

/** A proxy that answers nothing and remembers every host asked for. */
async function startRecordingProxy(): Promise<{ port: number; hosts: string[]; close(): Promise<void> }> {
  const hosts: string[] = [];
  const server: Server = createServer((req, res) => {
    hosts.push(new URL(req.url ?? '/', 'http://unknown').host);
    res.writeHead(403).end();
  });
  server.on('connect', (req, socket) => {
    hosts.push(req.url ?? '?');
    socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    hosts,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

interface CellMarker {
  marker: string;
  found: boolean;
  claimId: string | null;
  /** What stands between the marker and the next badge, if not only further markers and spaces. */
  between: string[];
  markerBox: { top: number; bottom: number; left: number; right: number } | null;
  badgeBox: { top: number; bottom: number; left: number; right: number } | null;
}

/** Runs in the page: the marker of a label inside a cell whose text holds the label's words, and the badge after it. */
function locateCellMarker(label: { marker: string; refId: string; words: string }): CellMarker {
  const fold = (t: string) => t.replace(/[\u2018\u2019]/g, "'").replace(/[\u201c\u201d]/g, '"').replace(/\s+/g, ' ').trim().toLowerCase();
  const none: CellMarker = { marker: label.marker, found: false, claimId: null, between: [], markerBox: null, badgeBox: null };
  const sups = [...document.querySelectorAll('sup')].filter((sup) => {
    const href = sup.querySelector('a[href]')?.getAttribute('href') ?? '';
    const cell = sup.closest('td, th, caption');
    return href.endsWith(`#${label.refId}`) && cell && fold(cell.textContent ?? '').includes(label.words);
  });
  const sup = sups[0];
  if (!sup) return none;
  // The badge follows the group's last marker: step over spaces and further markers.
  const between: string[] = [];
  let node: Node | null = sup.nextSibling;
  while (node && !(node instanceof Element && node.localName === 'citecheck-badge')) {
    const isSpace = node.nodeType === Node.TEXT_NODE && !/\S/.test(node.textContent ?? '');
    // French Wikipedia separates grouped markers with <sup class="cite_virgule">,</sup>.
    const isMarker = node instanceof Element && node.localName === 'sup' && /^(?:\[[^\]]+\]|[,;])$/.test((node.textContent ?? '').trim());
    if (!isSpace && !isMarker) between.push(node.nodeType === Node.TEXT_NODE ? `text "${node.textContent}"` : `<${(node as Element).localName}>`);
    node = node.nextSibling;
  }
  const badge = node as Element | null;
  sup.scrollIntoView({ block: 'center' });
  const box = (r: DOMRect | undefined) => (r ? { top: r.top, bottom: r.bottom, left: r.left, right: r.right } : null);
  const markerRects = [...sup.getClientRects()];
  const button = badge?.shadowRoot?.querySelector('button') ?? badge;
  return {
    marker: label.marker,
    found: true,
    claimId: badge?.getAttribute('data-claim-id') ?? null,
    between,
    markerBox: box(markerRects.at(-1)),
    badgeBox: box(button?.getBoundingClientRect()),
  };
}

/** Runs in the page: for every badge inside a table cell, whether a marker precedes it, in the DOM and on screen. */
function everyCellBadge(): { claimId: string | null; afterMarker: boolean; afterOnScreen: boolean }[] {
  return [...document.querySelectorAll('citecheck-badge')]
    .filter((badge) => badge.closest('td, th, caption'))
    .map((badge) => {
      let before = badge.previousSibling;
      while (before && before.nodeType === Node.TEXT_NODE && !/\S/.test(before.textContent ?? '')) before = before.previousSibling;
      const marker = before instanceof Element && before.localName === 'sup' && /^\[[^\]]+\]$/.test((before.textContent ?? '').trim()) ? before : null;
      if (!marker) return { claimId: badge.getAttribute('data-claim-id'), afterMarker: false, afterOnScreen: false };
      marker.scrollIntoView({ block: 'center' });
      const m = [...marker.getClientRects()].at(-1);
      const b = (badge.shadowRoot?.querySelector('button') ?? badge).getBoundingClientRect();
      const onScreen = !!m && b.width > 0 && (b.top < m.bottom && b.bottom > m.top ? b.left >= m.right - 1 : b.top >= m.bottom - 1);
      return { claimId: badge.getAttribute('data-claim-id'), afterMarker: true, afterOnScreen: onScreen };
    });
}

/**
 * Runs in the page: the cells that hold exactly one badge, at their end (no words after it), with
 * their text as the page shows it without markers and badges: the words a card for that cell must
 * show whole. A badge before more words may cite only the part before it (one of several names).
 */
function singleBadgeCells(): { claimId: string; cellText: string }[] {
  const fold = (t: string) => t.replace(/[\u2018\u2019]/g, "'").replace(/[\u201c\u201d]/g, '"').replace(/\s+/g, ' ').trim().toLowerCase();
  const cells = new Set([...document.querySelectorAll('citecheck-badge')].map((b) => b.closest('td, th, caption')).filter((c): c is Element => !!c));
  const rows: { claimId: string; cellText: string }[] = [];
  for (const cell of cells) {
    const badges = cell.querySelectorAll('citecheck-badge');
    if (badges.length !== 1) continue;
    const after = document.createRange();
    after.setStartAfter(badges[0]);
    after.setEndAfter(cell.lastChild ?? cell);
    if (/[\p{L}\p{N}]/u.test(after.toString())) continue;
    const copy = cell.cloneNode(true) as Element;
    // Markers ("[12]", MediaWiki's sup.reference) and badges go; other superscripts ("1<sup>er</sup>") are words.
    for (const el of copy.querySelectorAll('sup, citecheck-badge, style, script, .noprint')) {
      if (el.localName !== 'sup' || el.classList.contains('reference') || /^\s*\[[^\]]*\]\s*$/.test(el.textContent ?? '')) el.remove();
    }
    // A line break shows as a space.
    for (const br of copy.querySelectorAll('br')) br.replaceWith(' ');
    const cellText = fold(copy.textContent ?? '');
    if (cellText.length >= 2 && cellText.length <= 300) rows.push({ claimId: badges[0].getAttribute('data-claim-id') ?? '', cellText });
  }
  return rows;
}

/** Opens a badge's card by focusing its button; returns the claim text the card shows. */
async function cardClaimText(page: Page, claimId: string): Promise<string | null> {
  await page.locator(`citecheck-badge[data-claim-id="${claimId}"] button`).focus();
  const card = page.locator('citecheck-card [data-citecheck-card]');
  await expect.poll(async () => (await card.count()) > 0 && (await card.getAttribute('data-claim-id')), { timeout: 15_000 }).toBe(claimId);
  return card.locator('[data-testid="claim-text"]').textContent();
}

describe.skipIf(!!noChromium || !pagesThere)('Chromium: real Wikipedia pages with cited table cells', () => {
  let server: StaticServer;
  let proxy: Awaited<ReturnType<typeof startRecordingProxy>>;
  let ext: ExtensionBrowser;
  /** Requests the interception aborted: the page's own subresources on public hosts. */
  const aborted: { url: string; type: string; fromPage: boolean }[] = [];

  beforeAll(async () => {
    server = await startStaticServer(corpus);
    proxy = await startRecordingProxy();
    // Loopback bypasses the proxy by default; everything else the browser asks for goes to it.
    ext = await launchWithExtension(undefined, { args: [`--proxy-server=http://127.0.0.1:${proxy.port}`] });
    await ext.context.route('**/*', (route) => {
      const request = route.request();
      const host = new URL(request.url()).hostname;
      if (host === '127.0.0.1' || request.url().startsWith('chrome-extension:')) return route.continue();
      let fromPage = true;
      try {
        request.frame();
      } catch {
        fromPage = false;
      }
      aborted.push({ url: request.url(), type: request.resourceType(), fromPage });
      return route.abort();
    });
    const options = await ext.context.newPage();
    await options.goto(`chrome-extension://${ext.extensionId}/options.html`);
    expect(await options.evaluate(() => (globalThis as any).chrome.runtime.sendMessage({ type: 'set-check-mode', mode: 'click' }))).toEqual({ ok: true, value: null });
    await options.close();
  });

  afterAll(async () => {
    await ext?.close();
    await proxy?.close();
    await server?.close();
  });

  for (const name of PAGES) {
    it(`${name}: each cell's badge sits right after its marker and its card shows the whole claim`, async () => {
      const labels = readLabels(path.join(corpus, name, 'expected.json'));
      const inCells = labels.claims.filter((c): c is LabelledClaim & { ref_id: string } => CELLS.has(c.where ?? '') && typeof (c as { ref_id?: unknown }).ref_id === 'string');
      expect(inCells.length).toBeGreaterThanOrEqual(2);
      const page = await ext.context.newPage();
      await page.goto(`${server.origin}/${name}/source.html`);
      await page.waitForFunction(() => document.querySelectorAll('citecheck-badge').length > 0, undefined, { timeout: 30_000 });
      // Only when I click: every badge waits for the reader.
      const verdicts = await page.evaluate(() => [...new Set([...document.querySelectorAll('citecheck-badge')].map((b) => b.getAttribute('data-verdict')))]);
      expect(verdicts).toEqual(['unchecked']);

      const linkedHosts = await page.evaluate(() => [...new Set([...document.querySelectorAll('a[href]')].map((a) => (a as HTMLAnchorElement).hostname).filter(Boolean))]);
      expect(linkedHosts.length).toBeGreaterThan(10);
      const rows: string[] = [];
      for (const label of inCells) {
        const at = await page.evaluate(locateCellMarker, { marker: label.marker, refId: label.ref_id, words: fold(label.text_contains) });
        rows.push(`${name} ${label.marker} (${label.where}): ${at.found ? (at.claimId ?? 'no badge') : 'marker not found'}`);
        expect(at.found, `${label.marker} "${label.text_contains}" in a cell`).toBe(true);
        expect(at.claimId, `badge after ${label.marker}`).not.toBeNull();
        expect(at.between, `between ${label.marker} and its badge`).toEqual([]);
        // On screen: to the right on the marker's line, or at the start of a following line.
        const m = at.markerBox!;
        const b = at.badgeBox!;
        expect(b.right - b.left, 'badge width').toBeGreaterThan(0);
        const sameLine = b.top < m.bottom && b.bottom > m.top;
        if (sameLine) expect(b.left, `${label.marker}: badge left of its marker`).toBeGreaterThanOrEqual(m.right - 1);
        else expect(b.top, `${label.marker}: badge above its marker's line`).toBeGreaterThanOrEqual(m.bottom - 1);

        const text = fold((await cardClaimText(page, at.claimId!)) ?? '');
        expect(text, `${label.marker}: the card's claim`).toContain(fold(label.text_contains));
        for (const other of label.text_excludes ?? []) expect(text, `${label.marker}: the card's claim`).not.toContain(fold(other));
        await page.keyboard.press('Escape');
      }
      // Every badge in a cell, labelled or not, follows a marker, and sits after it on screen.
      const cellBadges = await page.evaluate(everyCellBadge);
      expect(cellBadges.length).toBeGreaterThanOrEqual(inCells.length);
      expect(cellBadges.filter((c) => !c.afterMarker || !c.afterOnScreen)).toEqual([]);
      rows.push(`${name}: ${cellBadges.length} badges in table cells, each right after its marker`);
      // Labelled or not, a cell's only badge opens a card that holds the cell's words whole (a row
      // header may come before them), never a piece of them.
      const single = await page.evaluate(singleBadgeCells);
      expect(single.length).toBeGreaterThanOrEqual(2);
      for (const { claimId, cellText } of single) {
        const text = fold((await cardClaimText(page, claimId)) ?? '');
        expect(text, `${claimId}: the card of a cell's only badge`).toContain(fold(cellText).replace(/[.:]$/, ''));
        await page.keyboard.press('Escape');
      }
      rows.push(`${name}: ${single.length} cells with one badge, each card holding the whole cell`);
      if (process.env.SHOTS) await page.screenshot({ path: path.join(process.env.SHOTS, `${name}-cell.png`) });
      console.log(rows.join('\n'));
      await page.close();

      // The extension sent nothing to a public host: the proxy saw none of the hosts the page links
      // to, only Chromium's own account and update services; the page's own requests were only its
      // markup's.
      const linked = new Set(linkedHosts);
      expect(proxy.hosts.filter((h) => linked.has(h.replace(/:\d+$/, '')))).toEqual([]);
      expect(proxy.hosts.filter((h) => !BROWSER_SERVICES.test(h.replace(/:\d+$/, '')))).toEqual([]);
      expect(aborted.filter((r) => !r.fromPage)).toEqual([]);
      expect(aborted.filter((r) => r.type === 'fetch' || r.type === 'xhr' || r.type === 'eventsource' || r.type === 'websocket')).toEqual([]);
    });
  }
});
