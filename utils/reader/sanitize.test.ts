// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { READER_HTML_MAX_CHARS, sanitizedFragment, sanitizeSourceHtml } from './sanitize';

const hostile = readFileSync(path.resolve(import.meta.dirname, '../../tests/fixtures/sources/hostile-reader.html'), 'utf8');

/** Elements and attributes that fetch something, run something or restyle the page. */
const LOADING_ELEMENTS = 'script,style,link,meta,base,img,picture,source,video,audio,track,iframe,frame,object,embed,svg,math,form,input,button,image,use';
const LOADING_ATTRIBUTES = ['src', 'srcset', 'poster', 'background', 'data', 'action', 'formaction', 'style', 'ping', 'xlink:href', 'imagesrcset', 'lowsrc', 'dynsrc'];

/** What any of the page's scripts or handlers would set, had it run (in the live document). */
const flag = () => document.documentElement.dataset.hostileRan;

/** Puts nodes in the live document and fires every event a handler in them could wait for. */
async function insertAndPoke(nodes: DocumentFragment): Promise<HTMLElement> {
  const host = document.createElement('div');
  host.appendChild(nodes);
  document.body.appendChild(host);
  for (const el of [host, ...host.querySelectorAll('*')]) {
    for (const type of ['click', 'mouseover', 'load', 'error', 'focus']) el.dispatchEvent(new Event(type));
  }
  await new Promise((resolve) => setTimeout(resolve, 20));
  return host;
}

function offenders(root: ParentNode): string[] {
  const found: string[] = [];
  for (const el of root.querySelectorAll(LOADING_ELEMENTS)) found.push(`<${el.tagName.toLowerCase()}>`);
  for (const el of root.querySelectorAll('*')) {
    for (const attr of Array.from(el.attributes)) {
      if (attr.name.startsWith('on') || LOADING_ATTRIBUTES.includes(attr.name)) found.push(`${el.tagName.toLowerCase()}[${attr.name}]`);
      if (attr.name === 'href' && !/^https?:\/\//i.test(attr.value)) found.push(`${el.tagName.toLowerCase()}[href=${attr.value}]`);
    }
    if (el.tagName !== 'A' && el.hasAttribute('href')) found.push(`${el.tagName.toLowerCase()}[href]`);
  }
  return found;
}

afterEach(() => {
  delete document.documentElement.dataset.hostileRan;
  document.body.replaceChildren();
});

describe('sanitising a source for the reader view', () => {
  it('the harness itself sees hostile markup run when it is not sanitised', async () => {
    const raw = document.createRange().createContextualFragment(hostile);
    await insertAndPoke(raw);
    expect(flag()).toBeDefined();
  });

  it('runs nothing and loads nothing from a hostile page (fragment, as the view shows it)', async () => {
    const host = await insertAndPoke(sanitizedFragment(hostile));
    expect(flag()).toBeUndefined();
    expect(offenders(host)).toEqual([]);
    // The text is all there: the words of every paragraph, the table's cells.
    expect(host.textContent).toContain('seven milligrams per litre');
    expect(host.textContent).toContain('Coliform counts were');
    expect(host.querySelector('th')?.textContent).toBe('Station');
    // Nothing of a script or a style sheet survives as text either.
    expect(host.textContent).not.toContain('hostileRan');
    expect(host.textContent).not.toContain('@import');
  });

  it('runs nothing and loads nothing once the cached string is parsed again', async () => {
    const cached = sanitizeSourceHtml(hostile);
    expect(cached).not.toMatch(/attacker\.example\/(?!base)/);
    const host = await insertAndPoke(document.createRange().createContextualFragment(cached));
    expect(flag()).toBeUndefined();
    expect(offenders(host)).toEqual([]);
  });

  it('keeps only http(s) links, each opening a new tab without an opener or a referrer', () => {
    const host = document.createElement('div');
    host.appendChild(sanitizedFragment(hostile));
    const links = [...host.querySelectorAll('a')];
    const byText = Object.fromEntries(links.map((a) => [a.textContent?.trim(), a.getAttribute('href')]));
    expect(byText['read the full report']).toBe('https://example.org/canal/report');
    expect(byText['open the map']).toBeNull();
    expect(byText['see the table']).toBeNull();
    expect(byText['compare stations']).toBeNull();
    // A relative link (one Readability did not make absolute) does not point into the extension.
    expect(byText['healthy for fish']).toBeNull();
    for (const a of links.filter((l) => l.hasAttribute('href'))) {
      expect(a.getAttribute('target')).toBe('_blank');
      expect(a.getAttribute('rel')).toBe('noopener noreferrer');
    }
  });

  it('drops ids, classes, data and ARIA attributes that could clash with the view’s own', () => {
    const html = sanitizeSourceHtml('<p id="app" class="cc-reader" data-testid="reader-passage" aria-hidden="true" title="kept">Words</p>');
    expect(html).toBe('<p title="kept">Words</p>');
  });

  it('states its bound on the HTML it keeps', () => {
    expect(READER_HTML_MAX_CHARS).toBeGreaterThan(100_000);
  });
});
