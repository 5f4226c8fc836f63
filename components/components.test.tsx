import { cleanup, render } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { ClaimDetails } from './ClaimDetails';
import { Card } from './inline/Card';
import { hasScore, ScoreBar } from './ScoreBar';
import { VerdictChip } from './VerdictChip';
import type { Claim, Source } from '../utils/report/schema';
import { KIND_ORDER, type ClaimKind } from '../utils/report/verdicts';
import { claim, evidence, source, UNAVAILABLE_CASES } from '../tests/helpers/ui-fixtures';

afterEach(cleanup);

const WORDS: Record<ClaimKind, string> = {
  supported: 'Supported',
  partial: 'Partly',
  unsupported: 'Not found',
  contradicted: 'Contradicted',
  unavailable: 'Unavailable',
  uncheckable: 'Not checkable',
  unlinked: 'Unlinked',
  unchecked: 'Not checked',
  pending: 'Checking',
};

function sourcesOf(...list: Source[]) {
  return new Map(list.map((s) => [s.id, s]));
}

function card(c: Claim, sources = sourcesOf(source('s1'))) {
  return render(<Card claim={c} sources={sources} theme="light" label="Citecheck: test" onClose={() => undefined} />).container;
}

describe('VerdictChip', () => {
  it.each(KIND_ORDER)('shows %s with its own icon and word', (verdict) => {
    const { container } = render(<VerdictChip verdict={verdict} />);
    const chip = container.querySelector('[data-testid="verdict-chip"]')!;
    expect(chip.textContent).toBe(WORDS[verdict]);
    expect(chip.getAttribute('data-verdict')).toBe(verdict);
    expect(chip.querySelector(`svg[data-icon="${verdict}"]`)).not.toBeNull();
  });

  it('gives every verdict a different icon drawing', () => {
    const drawings = KIND_ORDER.map((v) => render(<VerdictChip verdict={v} />).container.querySelector('svg')!.innerHTML);
    expect(new Set(drawings).size).toBe(KIND_ORDER.length);
  });
});

describe('ScoreBar', () => {
  it.each([
    [0, '0%'],
    [0.456, '46%'],
    [1, '100%'],
  ])('shows %s as %s with a bar of that width', (score, text) => {
    const { container } = render(<ScoreBar score={score} verdict="partial" />);
    expect(container.textContent).toContain(text);
    expect((container.querySelector('.cc-score-fill') as HTMLElement).style.width).toBe(text);
  });

  it.each([
    ['supported', true],
    ['partial', true],
    ['unsupported', true],
    ['contradicted', true],
    ['unavailable', false],
    ['uncheckable', false],
    ['unlinked', false],
    ['unchecked', false],
    ['pending', false],
  ] as const)('%s has a score: %s', (verdict, expected) => {
    expect(hasScore(verdict)).toBe(expected);
  });
});

describe('Card for each verdict', () => {
  it.each(['supported', 'partial', 'unsupported', 'contradicted'] as const)('a %s claim shows its verdict, score and best passage', (verdict) => {
    const c = card(claim('c1', verdict, { score: 0.62 }));
    expect(c.querySelector('[data-testid="verdict-chip"]')!.textContent).toBe(WORDS[verdict]);
    expect(c.querySelector('[data-testid="score"]')!.textContent).toContain('62%');
    expect(c.querySelector('[data-testid="passage"]')!.textContent).toBe(evidence('s1').text);
    expect(c.querySelector('[data-testid="open-passage"]')!.getAttribute('href')).toMatch(/^https:\/\/news1\.example\/story#:~:text=/);
    expect(c.querySelector('[data-testid="claim-text"]')!.textContent).toBe(claim('c1', verdict).text);
  });

  it('a PDF passage says its page and opens the PDF at it', () => {
    const c = card(claim('c1', 'supported', { evidence: [evidence('s1', { page: 7 })] }), sourcesOf(source('s1', { url: 'https://a.example/r.pdf' })));
    expect(c.querySelector('[data-testid="passage-page"]')!.textContent).toBe(', page 7');
    expect(c.querySelector('[data-testid="open-passage"]')!.getAttribute('href')).toBe('https://a.example/r.pdf#page=7');
    expect(c.querySelector('[data-testid="open-passage"]')!.textContent).toBe('Open the PDF at page 7');
  });

  it('a source read from its archived copy says so, with the copy’s date, and links the copy', () => {
    const archiveUrl = 'https://web.archive.org/web/20210602101500/https://news1.example/story';
    const c = card(claim('c1', 'supported'), sourcesOf(source('s1', { readFrom: 'archive', archiveUrl, archivedAt: '2021-06-02T10:15:00.000Z' })));
    expect(c.querySelector('[data-testid="archived"]')!.textContent).toBe('Read from an archived copy of 2 June 2021: the original link is dead.');
    expect(c.querySelector('[data-testid="open-passage"]')!.getAttribute('href')).toMatch(/^https:\/\/web\.archive\.org\/web\/20210602101500\/https:\/\/news1\.example\/story#:~:text=/);
  });

  it('a source read from its original has no archive note and no page', () => {
    const c = card(claim('c1', 'supported'));
    expect(c.querySelector('[data-testid="archived"]')).toBeNull();
    expect(c.querySelector('[data-testid="passage-page"]')).toBeNull();
  });

  it('a judged claim without evidence says no passage came close', () => {
    const c = card(claim('c1', 'unsupported', { evidence: [] }));
    expect(c.querySelector('[data-testid="no-passage"]')).not.toBeNull();
  });

  it('a pending claim says the source is loading, with no score', () => {
    const c = card(claim('c1', 'pending'), sourcesOf(source('s1', { status: 'pending' })));
    expect(c.querySelector('[data-testid="reason"]')!.textContent).toBe('The source is still loading');
    expect(c.querySelector('[data-testid="score"]')).toBeNull();
  });

  it('a claim not checked yet says so, with no score and no passage', () => {
    const c = card(claim('c1', 'unchecked'), sourcesOf(source('s1', { status: 'pending' })));
    expect(c.querySelector('[data-testid="verdict-chip"]')!.textContent).toBe('Not checked');
    expect(c.querySelector('[data-testid="meaning"]')!.textContent).toMatch(/not been checked yet/);
    expect(c.querySelector('[data-testid="score"]')).toBeNull();
    expect(c.querySelector('[data-testid="evidence"]')).toBeNull();
  });

  it.each(['no_url', 'blocked_scheme'] as const)('a claim whose only source has %s is "Not checkable", with the reason', (reason) => {
    const c = card(claim('c1', 'unavailable'), sourcesOf(source('s1', { status: 'unavailable', reason })));
    expect(c.querySelector('[data-testid="verdict-chip"]')!.textContent).toBe('Not checkable');
    expect(c.querySelector('[data-verdict="uncheckable"]')).not.toBeNull();
    expect(c.querySelector('[data-testid="reason"]')!.getAttribute('data-reason')).toBe(reason);
    expect(c.querySelector('[data-testid="score"]')).toBeNull();
  });

  it('a claim with one source without a link and one that failed stays "Unavailable"', () => {
    const both = claim('c1', 'unavailable', { sourceIds: ['s1', 's2'] });
    const c = card(both, sourcesOf(source('s1', { status: 'unavailable', reason: 'no_url' }), source('s2', { status: 'unavailable', reason: 'timeout' })));
    expect(c.querySelector('[data-testid="verdict-chip"]')!.textContent).toBe('Unavailable');
  });

  it('an unlinked claim says its marker points at nothing', () => {
    const c = card(claim('c1', 'unlinked', { markers: ['[7]'] }));
    expect(c.querySelector('[data-testid="reason"]')!.textContent).toContain('The marker [7] points at no source');
    expect(c.querySelector('[data-testid="score"]')).toBeNull();
    expect(c.querySelector('[data-testid="source"]')).toBeNull();
  });

  it.each(UNAVAILABLE_CASES)('an unavailable source ($reason $httpStatus) shows "$text" and never a score', ({ reason, httpStatus, text }) => {
    const c = card(claim('c1', 'unavailable'), sourcesOf(source('s1', { status: 'unavailable', reason, httpStatus })));
    expect(c.querySelector('[data-testid="reason"]')!.textContent).toBe(text);
    expect(c.querySelector('[data-testid="reason"]')!.getAttribute('data-reason')).toBe(reason);
    expect(c.querySelector('[data-testid="score"]')).toBeNull();
    expect(c.querySelector('[data-testid="passage"]')).toBeNull();
  });

  it('an unavailable source with a javascript: address gets no link', () => {
    const c = card(claim('c1', 'unavailable'), sourcesOf(source('s1', { status: 'unavailable', reason: 'blocked_scheme', url: 'javascript:alert(1)' })));
    expect(c.querySelector('a')).toBeNull();
  });

  it('with several sources cited, a passage says which source it comes from', () => {
    const c = card(
      claim('c1', 'supported', { sourceIds: ['s1', 's2'], evidence: [evidence('s2')] }),
      sourcesOf(source('s1'), source('s2')),
    );
    expect(c.querySelector('[data-testid="evidence"] .cc-label')!.textContent).toBe('Best passage in the source (Source 2)');
  });

  it('a partly supported claim says part by part what the source states, each with its passage, and what it does not', () => {
    const stated = evidence('s1', { text: 'The city planted 12,000 trees in 2022.', matched: ['planted', 'trees'] });
    const parts = [
      { text: 'the city planted 12,000 trees in 2022', stated: true, evidence: stated },
      { text: 'it doubled the maintenance budget', stated: false },
    ];
    const best = evidence('s1', { text: 'Maintenance spending stayed flat.', start: 100, end: 133 });
    const c = card(claim('c1', 'partial', { parts, evidence: [best] }));
    expect(c.querySelector('[data-testid="parts-line"]')!.textContent).toBe('States: “the city planted 12,000 trees in 2022”. Not found: “it doubled the maintenance budget”.');
    const passages = c.querySelectorAll('[data-testid="part-passage"]');
    expect(passages).toHaveLength(1);
    expect(passages[0].textContent).toContain('The city planted 12,000 trees in 2022.');
    expect(passages[0].querySelectorAll('mark').length).toBeGreaterThan(0);
    // A part stated in the passage the card already shows is not shown twice.
    const same = card(claim('c3', 'partial', { parts, evidence: [stated] }));
    expect(same.querySelector('[data-testid="parts-line"]')).not.toBeNull();
    expect(same.querySelectorAll('[data-testid="part-passage"]')).toHaveLength(0);
    expect(same.querySelectorAll('[data-testid="evidence"]')).toHaveLength(1);
    // A contradicted claim is not explained part by part: its conflict is what matters.
    expect(card(claim('c2', 'contradicted', { parts, evidence: [stated] })).querySelector('[data-testid="parts"]')).toBeNull();
  });

  it('a claim partly supported for lack of its number names that number, as text', () => {
    const best = evidence('s1', { text: 'The city planted new street trees in 2022.', missing: ['12,000'] });
    const c = card(claim('c1', 'partial', { evidence: [best], absent: [{ kind: 'number', text: '12,000' }, { kind: 'name', text: '<img src=x onerror=alert(1)>' }] }));
    const line = c.querySelector('[data-testid="absent-line"]')!;
    expect(line.textContent).toBe('Not in the source: the number 12,000, the name “<img src=x onerror=alert(1)>”.');
    expect(line.querySelector('img')).toBeNull();
    expect(c.querySelector('[data-testid="parts"]')).toBeNull();
    // With two sources read, the line says that none of them holds it.
    const two = card(claim('c2', 'unsupported', { sourceIds: ['s1', 's2'], evidence: [best], absent: [{ kind: 'year', text: '2019' }] }), sourcesOf(source('s1'), source('s2')));
    expect(two.querySelector('[data-testid="absent-line"]')!.textContent).toBe('Not in any cited source: the year 2019.');
    // A contradicted claim's conflict says it already; an unavailable one was never read.
    expect(card(claim('c3', 'contradicted', { evidence: [best], absent: [{ kind: 'number', text: '12,000' }] })).querySelector('[data-testid="absent-line"]')).toBeNull();
    expect(card(claim('c4', 'unavailable', { absent: [{ kind: 'number', text: '12,000' }] }), sourcesOf(source('s1', { status: 'unavailable', reason: 'timeout' }))).querySelector('[data-testid="absent-line"]')).toBeNull();
  });

  it('a stated part whose number no source holds does not read as simply stated', () => {
    const stated = evidence('s1', { text: 'The city planted new trees in 2022.' });
    const parts = [
      { text: 'the city planted 12,000 trees in 2022', stated: true, evidence: stated },
      { text: 'it doubled the maintenance budget', stated: false },
    ];
    const c = card(claim('c1', 'partial', { parts, evidence: [stated], absent: [{ kind: 'number', text: '12,000', part: 0 }] }));
    expect(c.querySelector('[data-testid="parts-line"]')!.textContent).toBe(
      'States: “the city planted 12,000 trees in 2022” (without the number 12,000). Not found: “it doubled the maintenance budget”.',
    );
  });

  it('grouped markers list every source with its own state', () => {
    const c = card(
      claim('c1', 'partial', { sourceIds: ['s1', 's2'] }),
      sourcesOf(source('s1'), source('s2', { status: 'unavailable', reason: 'timeout' })),
    );
    const items = [...c.querySelectorAll('[data-testid="source"]')];
    expect(items.map((i) => i.getAttribute('data-status'))).toEqual(['ok', 'unavailable']);
    expect(items[1].textContent).toContain('The source took too long to answer');
  });

  it('warns when the named attribution does not fit the cited source', () => {
    const c = card(claim('c1', 'supported', { attribution: 'nature.com', attributionMatches: false }));
    expect(c.querySelector('[data-testid="attribution"]')!.textContent).toContain('The claim names nature.com');
  });

  it('shows the title, domain and publication date of the source', () => {
    const c = card(claim('c1', 'supported'), sourcesOf(source('s1', { published: '2024-03-12' })));
    const meta = c.querySelector('[data-testid="source"]')!.textContent!;
    expect(meta).toContain('Story number 1');
    expect(meta).toContain('news1.example');
    expect(meta).toMatch(/2024/);
  });

  it('is a dialog named by its label, with test hooks', () => {
    const c = card(claim('c9', 'supported'));
    const root = c.querySelector('[data-citecheck-card]')!;
    expect(root.getAttribute('role')).toBe('dialog');
    expect(root.getAttribute('data-claim-id')).toBe('c9');
    const labelId = root.getAttribute('aria-labelledby')!;
    expect(c.querySelector(`#${labelId}`)!.textContent).toBe('Citecheck: test');
  });
});

describe('ClaimDetails in the popup', () => {
  it('shows up to three passages when asked, best first', () => {
    const c = claim('c1', 'partial', {
      evidence: [evidence('s1', { text: 'first passage here', start: 0 }), evidence('s1', { text: 'second passage here', start: 50 }), evidence('s1', { text: 'third passage here', start: 90 }), evidence('s1', { text: 'fourth', start: 120 })],
    });
    const { container } = render(<ClaimDetails claim={c} sources={sourcesOf(source('s1'))} showClaim={false} maxEvidence={3} />);
    expect([...container.querySelectorAll('[data-testid="passage"]')].map((p) => p.textContent)).toEqual(['first passage here', 'second passage here', 'third passage here']);
    expect(container.querySelector('[data-testid="claim-text"]')).toBeNull();
  });
});
