import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BADGE_TAG, CARD_TAG, createBadgeLayer, type BadgeLayer } from './badges';
import { inlineCard, type CardRenderer } from './card-render';
import type { Report, Verdict } from '../../utils/report/schema';
import { claim, report, source, UNAVAILABLE_CASES } from '../../tests/helpers/ui-fixtures';

const ARTICLE = `
  <p id="p1">Park visits rose by 57%.<sup id="m1"><a href="#r1">[1]</a></sup> Trees cooled streets.<sup id="m2"><a href="#r2">[2]</a></sup></p>
  <p id="p2">Plain marker here [3] and then more text.</p>
  <p id="p3">Two sources back this.<sup id="m4a"><a href="#r1">[1]</a></sup><sup id="m4b"><a href="#r2">[2]</a></sup></p>
`;

function rangeOver(first: Node, last: Node = first): Range {
  const range = document.createRange();
  range.setStartBefore(first);
  range.setEndAfter(last);
  return range;
}

function anchorsFor(): Map<string, Range> {
  const text = document.querySelector('#p2')!.firstChild as Text;
  const at = text.data.indexOf('[3]');
  const plain = document.createRange();
  plain.setStart(text, at);
  plain.setEnd(text, at + 3);
  return new Map([
    ['c1', rangeOver(document.querySelector('#m1 a')!.firstChild!)],
    ['c2', rangeOver(document.querySelector('#m2')!)],
    ['c3', plain],
    ['c4', rangeOver(document.querySelector('#m4a')!, document.querySelector('#m4b')!)],
  ]);
}

function baseReport(verdicts: Partial<Record<string, Verdict>> = {}): Report {
  return report(
    [
      claim('c1', verdicts.c1 ?? 'supported'),
      claim('c2', verdicts.c2 ?? 'partial', { sourceIds: ['s2'], markers: ['[2]'] }),
      claim('c3', verdicts.c3 ?? 'unavailable', { sourceIds: ['s3'], markers: ['[3]'] }),
      claim('c4', verdicts.c4 ?? 'supported', { sourceIds: ['s1', 's2'], markers: ['[1]', '[2]'] }),
    ],
    [source('s1'), source('s2'), source('s3', { status: 'unavailable', reason: 'http_error', httpStatus: 404 })],
  );
}

function host(id: string): HTMLElement {
  const el = document.querySelector<HTMLElement>(`${BADGE_TAG}[data-claim-id="${id}"]`);
  if (!el) throw new Error(`no badge for ${id}`);
  return el;
}

function button(id: string): HTMLButtonElement {
  return host(id).shadowRoot!.querySelector('button')!;
}

function card(): HTMLElement | null {
  return document.querySelector(CARD_TAG)?.shadowRoot?.querySelector<HTMLElement>('[data-citecheck-card]') ?? null;
}

let layer: BadgeLayer;

beforeEach(() => {
  document.body.innerHTML = ARTICLE;
  layer = createBadgeLayer(document, { card: inlineCard });
});

afterEach(() => {
  layer.destroy();
  vi.useRealTimers();
});

describe('badge layer: placement and hooks', () => {
  it('puts one badge host per claim right after its marker, outside links and superscripts', () => {
    layer.render(baseReport(), anchorsFor());
    expect(document.querySelectorAll(BADGE_TAG)).toHaveLength(4);
    expect(document.querySelector('#m1')!.nextElementSibling).toBe(host('c1'));
    expect(document.querySelector('#m2')!.nextElementSibling).toBe(host('c2'));
    expect(host('c1').closest('a, sup')).toBeNull();
    // grouped markers share one badge, after the last of them
    expect(document.querySelector('#m4b')!.nextElementSibling).toBe(host('c4'));
    expect(document.querySelector('#m4a')!.nextElementSibling).toBe(document.querySelector('#m4b'));
  });

  it('inserts after a marker inside plain text without losing any of the text', () => {
    layer.render(baseReport(), anchorsFor());
    const p2 = document.querySelector('#p2')!;
    expect(p2.textContent).toBe('Plain marker here [3] and then more text.');
    const before = host('c3').previousSibling as Text;
    expect(before.data.endsWith('[3]')).toBe(true);
  });

  it('carries test hooks and an open shadow root with a labelled button', () => {
    layer.render(baseReport(), anchorsFor());
    const h = host('c2');
    expect(h.getAttribute('data-verdict')).toBe('partial');
    expect(h.shadowRoot).not.toBeNull();
    const b = button('c2');
    expect(b.getAttribute('aria-label')).toBe('Citecheck: partly supported by Source 2');
    expect(b.type).toBe('button');
    expect(b.textContent).toContain('Partly');
    expect(b.querySelector('svg[data-icon="partial"]')).not.toBeNull();
    expect(button('c4').getAttribute('aria-label')).toBe('Citecheck: supported by Source 1 and Source 2');
  });

  it.each([
    ['supported', 'Supported', 'Citecheck: supported by Source 1'],
    ['partial', 'Partly', 'Citecheck: partly supported by Source 1'],
    ['unsupported', 'Not found', 'Citecheck: not found in Source 1'],
    ['contradicted', 'Contradicted', 'Citecheck: contradicted by Source 1'],
    ['unavailable', 'Unavailable', 'Citecheck: could not check, Source 1 unavailable'],
    ['pending', 'Checking', 'Citecheck: checking Source 1'],
  ] as const)('shows %s as an icon, the word %s and the name "%s"', (verdict, word, label) => {
    layer.render(baseReport({ c1: verdict }), anchorsFor());
    const b = button('c1');
    expect(b.querySelector('.cc-word')!.textContent).toBe(word);
    expect(b.querySelector(`svg[data-icon="${verdict}"]`)).not.toBeNull();
    expect(b.getAttribute('aria-label')).toBe(label);
  });

  it.each(['supported', 'partial', 'unsupported', 'contradicted', 'unavailable', 'unlinked', 'pending'] as const)(
    'a %s badge names itself with the word it shows',
    (verdict) => {
      layer.render(baseReport({ c1: verdict }), anchorsFor());
      const word = button('c1').querySelector('.cc-word')!.textContent!.toLowerCase();
      expect(button('c1').getAttribute('aria-label')!.toLowerCase()).toContain(word);
    },
  );

  it('names the marker of an unlinked claim', () => {
    const r = report([claim('c1', 'unlinked', { markers: ['[7]'] })]);
    layer.render(r, new Map([['c1', anchorsFor().get('c1')!]]));
    expect(button('c1').getAttribute('aria-label')).toBe('Citecheck: unlinked, marker [7] points at no source');
  });

  it('styles live inside the shadow roots only', () => {
    layer.render(baseReport(), anchorsFor());
    expect(document.head.querySelector('style')).toBeNull();
    const root = host('c1').shadowRoot!;
    const css = root.adoptedStyleSheets.length
      ? [...root.adoptedStyleSheets[0].cssRules].map((r) => r.cssText).join('\n')
      : root.querySelector('style')!.textContent!;
    expect(css).toContain('.cc-badge');
  });
});

describe('badge layer: updates', () => {
  it('updates hosts in place as verdicts arrive', () => {
    const anchors = anchorsFor();
    layer.render(baseReport({ c1: 'pending', c2: 'pending' }), anchors);
    const before = host('c1');
    const beforeButton = button('c1');
    expect(before.getAttribute('data-verdict')).toBe('pending');
    layer.render(baseReport({ c1: 'contradicted', c2: 'partial' }), anchors);
    expect(host('c1')).toBe(before);
    expect(button('c1')).toBe(beforeButton);
    expect(before.getAttribute('data-verdict')).toBe('contradicted');
    expect(beforeButton.getAttribute('aria-label')).toBe('Citecheck: contradicted by Source 1');
    expect(document.querySelectorAll(BADGE_TAG)).toHaveLength(4);
  });

  it('removes badges of claims that left the report, and skips claims without an anchor', () => {
    const anchors = anchorsFor();
    layer.render(baseReport(), anchors);
    anchors.delete('c2');
    const r = baseReport();
    r.claims = r.claims.filter((c) => c.id !== 'c3');
    layer.render(r, anchors);
    expect(document.querySelector(`${BADGE_TAG}[data-claim-id="c3"]`)).toBeNull();
    expect(document.querySelector(`${BADGE_TAG}[data-claim-id="c2"]`)).toBeNull();
    expect(document.querySelectorAll(BADGE_TAG)).toHaveLength(2);
  });

  it('puts a badge back when the page removed it', () => {
    const anchors = anchorsFor();
    layer.render(baseReport(), anchors);
    host('c1').remove();
    layer.render(baseReport(), anchors);
    expect(document.querySelector('#m1')!.nextElementSibling?.localName).toBe(BADGE_TAG);
  });

  it('destroy removes every badge and the card', () => {
    layer.render(baseReport(), anchorsFor());
    button('c1').focus();
    expect(document.querySelector(CARD_TAG)).not.toBeNull();
    layer.destroy();
    expect(document.querySelectorAll(`${BADGE_TAG}, ${CARD_TAG}`)).toHaveLength(0);
  });
});

describe('badge layer: the card', () => {
  it('opens on focus with the claim, the verdict and the score', () => {
    layer.render(baseReport(), anchorsFor());
    button('c2').focus();
    const c = card()!;
    expect(c).not.toBeNull();
    expect(c.getAttribute('data-claim-id')).toBe('c2');
    expect(c.getAttribute('role')).toBe('dialog');
    expect(c.querySelector('[data-testid="verdict-chip"]')!.textContent).toContain('Partly');
    expect(c.querySelector('[data-testid="score"]')!.textContent).toContain('50%');
    expect(c.querySelector('[data-testid="claim-text"]')!.textContent).toBe(claim('c2', 'partial').text);
    expect(button('c2').getAttribute('aria-expanded')).toBe('true');
  });

  it.each(UNAVAILABLE_CASES)('shows an unavailable source ($reason) with its reason and no score', ({ reason, httpStatus, text }) => {
    const r = report([claim('c1', 'unavailable', { sourceIds: ['s1'] })], [source('s1', { status: 'unavailable', reason, httpStatus })]);
    layer.render(r, new Map([['c1', anchorsFor().get('c1')!]]));
    button('c1').focus();
    const c = card()!;
    expect(c.querySelector('[data-testid="reason"]')!.textContent).toBe(text);
    expect(c.querySelector('[data-testid="score"]')).toBeNull();
    expect(c.querySelector('[data-testid="passage"]')).toBeNull();
  });

  it('closes on Escape and gives focus back to the badge', () => {
    layer.render(baseReport(), anchorsFor());
    button('c1').click();
    expect(card()).not.toBeNull();
    document.querySelector(CARD_TAG)!.shadowRoot!.querySelector<HTMLElement>('[data-citecheck-card]')!.focus();
    card()!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
    expect(card()).toBeNull();
    expect(host('c1').shadowRoot!.activeElement).toBe(button('c1'));
    expect(button('c1').getAttribute('aria-expanded')).toBe('false');
  });

  it('a click pins the card; a second click closes it', () => {
    layer.render(baseReport(), anchorsFor());
    button('c1').click();
    expect(card()?.getAttribute('data-claim-id')).toBe('c1');
    button('c1').click();
    expect(card()).toBeNull();
  });

  it('opened from the keyboard, the card takes focus so its links can be reached', () => {
    layer.render(baseReport(), anchorsFor());
    button('c2').focus();
    button('c2').dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true, detail: 0 }));
    const cardHost = document.querySelector(CARD_TAG)!;
    expect(document.activeElement).toBe(cardHost);
    expect(cardHost.shadowRoot!.activeElement).toBe(card());
    expect(card()!.querySelector('a[data-testid="open-passage"]')).not.toBeNull();
  });

  it('with a card loaded on first use, the card shows (and takes focus) once its code is there, and a close meanwhile cancels it', async () => {
    layer.destroy();
    let loads = 0;
    let deliver: (renderer: CardRenderer) => void = () => undefined;
    layer = createBadgeLayer(document, {
      card: () => {
        loads++;
        return new Promise<CardRenderer>((resolve) => (deliver = resolve));
      },
    });
    layer.render(baseReport(), anchorsFor());
    button('c2').focus();
    button('c2').dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true, detail: 0 }));
    expect(card()).toBeNull();
    deliver(inlineCard);
    await Promise.resolve();
    expect(card()?.getAttribute('data-claim-id')).toBe('c2');
    expect(document.querySelector(CARD_TAG)!.shadowRoot!.activeElement).toBe(card());
    expect(loads).toBe(1);
    // Loaded once: later cards open at once.
    button('c1').click();
    expect(card()?.getAttribute('data-claim-id')).toBe('c1');
    expect(loads).toBe(1);
  });

  it('starts loading the card\'s code when the pointer reaches a badge, so the card opens at once after the hover delay', async () => {
    layer.destroy();
    vi.useFakeTimers();
    let loads = 0;
    layer = createBadgeLayer(document, {
      card: async () => {
        loads++;
        return inlineCard;
      },
    });
    layer.render(baseReport(), anchorsFor());
    host('c2').dispatchEvent(new MouseEvent('mouseover', { bubbles: true, composed: true }));
    expect(loads).toBe(1);
    expect(card()).toBeNull();
    await vi.advanceTimersByTimeAsync(200);
    expect(card()?.getAttribute('data-claim-id')).toBe('c2');
    expect(loads).toBe(1);
  });

  it('a card closed while its code loads stays closed', async () => {
    layer.destroy();
    let deliver: (renderer: CardRenderer) => void = () => undefined;
    layer = createBadgeLayer(document, { card: () => new Promise<CardRenderer>((resolve) => (deliver = resolve)) });
    layer.render(baseReport(), anchorsFor());
    button('c1').click();
    button('c1').click();
    deliver(inlineCard);
    await Promise.resolve();
    expect(card()).toBeNull();
  });

  it('a click elsewhere on the page closes the card', () => {
    layer.render(baseReport(), anchorsFor());
    button('c1').click();
    document.querySelector<HTMLElement>('#p2')!.click();
    expect(card()).toBeNull();
  });

  it('opens after a short hover and closes a moment after the pointer leaves', () => {
    vi.useFakeTimers();
    layer.render(baseReport(), anchorsFor());
    host('c2').dispatchEvent(new MouseEvent('mouseover', { bubbles: true, composed: true }));
    expect(card()).toBeNull();
    vi.advanceTimersByTime(200);
    expect(card()?.getAttribute('data-claim-id')).toBe('c2');
    host('c2').dispatchEvent(new MouseEvent('mouseout', { bubbles: true, composed: true, relatedTarget: document.body }));
    expect(card()).not.toBeNull();
    vi.advanceTimersByTime(400);
    expect(card()).toBeNull();
  });

  it('stays open while the pointer moves from the badge onto the card', () => {
    vi.useFakeTimers();
    layer.render(baseReport(), anchorsFor());
    host('c2').dispatchEvent(new MouseEvent('mouseover', { bubbles: true, composed: true }));
    vi.advanceTimersByTime(200);
    const cardHost = document.querySelector(CARD_TAG)!;
    host('c2').dispatchEvent(new MouseEvent('mouseout', { bubbles: true, composed: true, relatedTarget: cardHost }));
    cardHost.dispatchEvent(new MouseEvent('mouseover', { bubbles: true, composed: true }));
    vi.advanceTimersByTime(1000);
    expect(card()?.getAttribute('data-claim-id')).toBe('c2');
  });

  it('follows report updates while open', () => {
    const anchors = anchorsFor();
    layer.render(baseReport({ c1: 'pending' }), anchors);
    button('c1').focus();
    expect(card()!.getAttribute('data-verdict')).toBe('pending');
    layer.render(baseReport({ c1: 'supported' }), anchors);
    expect(card()!.getAttribute('data-verdict')).toBe('supported');
  });

  it('shows page text as text, never as markup', () => {
    const hostile = '<img src=x onerror="window.__pwned=1">Claim';
    const r = report([claim('c1', 'supported', { text: hostile })]);
    layer.render(r, new Map([['c1', anchorsFor().get('c1')!]]));
    button('c1').focus();
    const quote = card()!.querySelector('[data-testid="claim-text"]')!;
    expect(quote.textContent).toBe(hostile);
    expect(quote.querySelector('img')).toBeNull();
  });
});

describe('badge layer: page theme', () => {
  it.each([
    ['background: #101317; color: #e0e0e0', 'dark'],
    ['background: #fdfcf8; color: #222', 'light'],
  ])('a page styled %j gets %s badges and card', (style, theme) => {
    document.body.setAttribute('style', style);
    layer.render(baseReport(), anchorsFor());
    expect(button('c1').getAttribute('data-theme')).toBe(theme);
    button('c1').focus();
    expect(card()!.getAttribute('data-theme')).toBe(theme);
    document.body.removeAttribute('style');
  });
});

describe('badge layer: scrollToClaim', () => {
  it('scrolls to and flashes a known claim, and says false for an unknown one', () => {
    layer.render(baseReport(), anchorsFor());
    const scroll = vi.fn();
    host('c2').scrollIntoView = scroll;
    expect(layer.scrollToClaim('c2')).toBe(true);
    expect(scroll).toHaveBeenCalledTimes(1);
    expect(button('c2').hasAttribute('data-flash')).toBe(true);
    expect(layer.scrollToClaim('nope')).toBe(false);
  });
});

describe('badge layer: compact badges', () => {
  /** A page of `n` cited sentences, each with its own marker. */
  function densePage(n: number): { report: Report; anchors: Map<string, Range> } {
    document.body.innerHTML = Array.from({ length: n }, (_, i) => `<p>Claim ${i}.<sup id="d${i}"><a href="#r">[${i + 1}]</a></sup></p>`).join('');
    const claims = Array.from({ length: n }, (_, i) => claim(`d${i}`, i % 2 ? 'partial' : 'supported', { markers: [`[${i + 1}]`] }));
    const anchors = new Map(claims.map((c) => [c.id, rangeOver(document.querySelector(`#${c.id}`)!)]));
    return { report: report(claims), anchors };
  }

  const compact = (id: string) => button(id).hasAttribute('data-compact');

  it('auto: word badges up to 40 markers, compact above', () => {
    const few = densePage(40);
    layer.render(few.report, few.anchors);
    expect(compact('d0')).toBe(false);
    expect(button('d0').hasAttribute('title')).toBe(false);
    layer.destroy();
    layer = createBadgeLayer(document, { card: inlineCard });
    const many = densePage(41);
    layer.render(many.report, many.anchors);
    expect([...document.querySelectorAll(BADGE_TAG)].every((h) => h.shadowRoot!.querySelector('button')!.hasAttribute('data-compact'))).toBe(true);
  });

  it('a compact badge keeps the word in its accessible name and its tooltip', () => {
    const many = densePage(41);
    layer.render(many.report, many.anchors);
    for (const [id, word] of [['d0', 'supported'], ['d1', 'partly']] as const) {
      expect(button(id).getAttribute('aria-label')!.toLowerCase()).toContain(word);
      expect(button(id).title.toLowerCase()).toContain(word);
      expect(button(id).querySelector('svg.cc-icon')).not.toBeNull();
    }
  });

  it('the reader’s setting wins over the count: always compact, always the word', () => {
    layer.destroy();
    layer = createBadgeLayer(document, { card: inlineCard, badgeStyle: 'compact' });
    layer.render(baseReport(), anchorsFor());
    expect(compact('c1')).toBe(true);
    layer.destroy();
    layer = createBadgeLayer(document, { card: inlineCard, badgeStyle: 'full' });
    const many = densePage(41);
    layer.render(many.report, many.anchors);
    expect(compact('d0')).toBe(false);
  });

  it('switching style redraws in place: same button, focus kept, card still open', () => {
    layer.render(baseReport(), anchorsFor());
    const before = button('c2');
    before.focus();
    layer.setBadgeStyle('compact');
    expect(button('c2')).toBe(before);
    expect(compact('c2')).toBe(true);
    expect(host('c2').shadowRoot!.activeElement).toBe(before);
    expect(card()?.getAttribute('data-claim-id')).toBe('c2');
    layer.setBadgeStyle('full');
    expect(compact('c2')).toBe(false);
    expect(before.hasAttribute('title')).toBe(false);
  });

  it('a compact badge opens its card on focus and on click like any other', () => {
    layer.destroy();
    layer = createBadgeLayer(document, { card: inlineCard, badgeStyle: 'compact' });
    layer.render(baseReport(), anchorsFor());
    button('c1').focus();
    expect(card()?.getAttribute('data-claim-id')).toBe('c1');
    button('c3').click();
    expect(card()?.getAttribute('data-claim-id')).toBe('c3');
  });

  it('every verdict has an icon of its own shape, so the compact badge reads without colour', () => {
    const verdicts = ['supported', 'partial', 'unsupported', 'contradicted', 'unavailable', 'unlinked', 'unchecked', 'pending'] as const;
    const shapes = verdicts.map((verdict) => {
      layer.render(baseReport({ c1: verdict }), anchorsFor());
      const svg = button('c1').querySelector('svg')!;
      return [...svg.children].map((el) => el.outerHTML.replace(/\s*class="[^"]*"/g, '')).join('');
    });
    expect(new Set(shapes).size).toBe(verdicts.length);
  });

  it('the compact look is in the badge stylesheet: the word hidden, a narrower fixed width', () => {
    layer.destroy();
    layer = createBadgeLayer(document, { card: inlineCard, badgeStyle: 'compact' });
    layer.render(baseReport(), anchorsFor());
    const root = host('c1').shadowRoot!;
    const css = root.adoptedStyleSheets.length
      ? [...root.adoptedStyleSheets[0].cssRules].map((r) => r.cssText).join('\n')
      : root.querySelector('style')!.textContent!;
    expect(css).toMatch(/\.cc-badge\[data-compact\] \.cc-word\s*\{\s*display: none/);
    expect(css).toMatch(/\.cc-badge\[data-compact\]\s*\{[^}]*width: 1\.9em/);
  });
});

describe('badge layer: "Not checked" badges', () => {
  function setup(answer: () => Promise<unknown> = () => new Promise(() => {})) {
    const asked: string[] = [];
    layer.destroy();
    layer = createBadgeLayer(document, {
      card: inlineCard,
      onCheckClaim: (id) => {
        asked.push(id);
        return answer();
      },
    });
    const anchors = anchorsFor();
    layer.render(baseReport({ c1: 'unchecked', c2: 'unchecked' }), anchors);
    return { asked, anchors };
  }

  it('says "Not checked" with the word in its name, and a tooltip that says a click checks it', () => {
    setup();
    const b = button('c1');
    expect(b.querySelector('.cc-word')!.textContent).toBe('Not checked');
    expect(b.querySelector('svg[data-icon="unchecked"]')).not.toBeNull();
    expect(b.getAttribute('aria-label')!.toLowerCase()).toContain('not checked');
    expect(b.title).toContain('Click to check it');
  });

  it('a click asks for that claim alone and the badge says "Checking" at once, then its verdict', () => {
    const { asked, anchors } = setup();
    button('c1').click();
    expect(asked).toEqual(['c1']);
    expect(host('c1').getAttribute('data-verdict')).toBe('pending');
    expect(button('c1').querySelector('.cc-word')!.textContent).toBe('Checking');
    expect(host('c2').getAttribute('data-verdict')).toBe('unchecked');
    // The pinned card follows: checking now.
    expect(card()?.getAttribute('data-verdict')).toBe('pending');
    // A report from before the request still says unchecked: the badge keeps checking.
    layer.render(baseReport({ c1: 'unchecked', c2: 'unchecked' }), anchors);
    expect(host('c1').getAttribute('data-verdict')).toBe('pending');
    layer.render(baseReport({ c1: 'supported', c2: 'unchecked' }), anchors);
    expect(host('c1').getAttribute('data-verdict')).toBe('supported');
    expect(card()?.getAttribute('data-verdict')).toBe('supported');
    expect(button('c1').hasAttribute('title')).toBe(false);
  });

  it('Enter on a focused "Not checked" badge checks it too', () => {
    const { asked } = setup();
    button('c2').focus();
    button('c2').dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true, detail: 0 }));
    expect(asked).toEqual(['c2']);
    expect(host('c2').getAttribute('data-verdict')).toBe('pending');
  });

  it('a second click on a badge already asked for asks nothing more', () => {
    const { asked } = setup();
    button('c1').click();
    button('c1').click();
    expect(asked).toEqual(['c1']);
  });

  it('a click on a checked badge asks nothing', () => {
    const asked: string[] = [];
    layer.destroy();
    layer = createBadgeLayer(document, { card: inlineCard, onCheckClaim: async (id) => void asked.push(id) });
    layer.render(baseReport(), anchorsFor());
    button('c1').click();
    expect(asked).toEqual([]);
    expect(card()?.getAttribute('data-claim-id')).toBe('c1');
  });

  it('when the request fails the badge says "Not checked" again', async () => {
    setup(() => Promise.reject(new Error('worker gone')));
    button('c1').click();
    expect(host('c1').getAttribute('data-verdict')).toBe('pending');
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(host('c1').getAttribute('data-verdict')).toBe('unchecked');
    expect(card()?.getAttribute('data-verdict')).toBe('unchecked');
  });
});
