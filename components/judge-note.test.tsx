import { cleanup, fireEvent, render } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { ClaimDetails } from './ClaimDetails';
import { claim, evidence, source } from '../tests/helpers/ui-fixtures';

afterEach(cleanup);

const sources = new Map([['s1', source('s1')]]);

describe('the card says who decided', () => {
  it('says "Judged by word match" when the words decided, and offers no model without a judge', () => {
    const { container } = render(<ClaimDetails claim={claim('c1', 'partial', { judgedBy: 'words' })} sources={sources} />);
    expect(container.querySelector('[data-testid="judged-by"]')!.textContent).toBe('Judged by word match');
    expect(container.querySelector('[data-testid="judge-quote"]')).toBeNull();
    expect(container.querySelector('[data-testid="ask-judge"]')).toBeNull();
  });

  it('names the on-device model, shows its reason as text and highlights its quote inside the passage', () => {
    const judged = claim('c1', 'contradicted', {
      judgedBy: 'llama3.2 at 127.0.0.1:11434',
      quote: 'park visits rose by 57%',
      judgeReason: '<b>57%</b>, not 65.7%.',
    });
    const { container } = render(<ClaimDetails claim={judged} sources={sources} />);
    expect(container.querySelector('[data-testid="judged-by"]')!.getAttribute('data-judged-by')).toBe('model');
    expect(container.textContent).toContain('Judged by the on-device model (llama3.2 at 127.0.0.1:11434)');
    const reason = container.querySelector('[data-testid="judge-reason"]')!;
    expect(reason.textContent).toContain('<b>57%</b>, not 65.7%.');
    expect(reason.querySelector('b')).toBeNull();
    const passage = container.querySelector('[data-testid="passage"]')!;
    expect(passage.textContent).toBe('The council said park visits rose by 57% over the summer of 2023.');
    expect(passage.querySelector('[data-testid="judge-quote"]')!.textContent).toBe('park visits rose by 57%');
    // The matcher's word marks stay inside the quote.
    expect([...passage.querySelectorAll('[data-testid="judge-quote"] mark')].map((m) => m.textContent)).toEqual(['park visits rose']);
  });

  it('shows the passage the model quoted even when it is not the best one', () => {
    const second = evidence('s1', { text: 'Attendance at the pools fell by a third in August.', start: 100, end: 150, matched: [] });
    const judged = claim('c1', 'partial', { evidence: [evidence('s1'), second], judgedBy: 'm', quote: 'Attendance at the pools fell by a third' });
    const { container } = render(<ClaimDetails claim={judged} sources={sources} maxEvidence={1} />);
    const passages = [...container.querySelectorAll('[data-testid="passage"]')];
    expect(passages).toHaveLength(1);
    expect(passages[0].textContent).toContain('Attendance at the pools');
    expect(container.textContent).toContain('The passage the model quoted');
  });

  it('asks the model again about this claim, once per click, when a judge is on', () => {
    const asked: string[] = [];
    const { container } = render(<ClaimDetails claim={claim('c7', 'unsupported')} sources={sources} onAskJudge={(id) => asked.push(id)} />);
    const button = container.querySelector<HTMLButtonElement>('[data-testid="ask-judge"]')!;
    expect(button.textContent).toBe('Ask the on-device model again');
    fireEvent.click(button);
    expect(asked).toEqual(['c7']);
    expect(button.disabled).toBe(true);
  });

  it('says nothing about judging a claim that could not be checked', () => {
    const { container } = render(<ClaimDetails claim={claim('c1', 'unavailable')} sources={sources} onAskJudge={() => undefined} />);
    expect(container.querySelector('[data-testid="judged-by"]')).toBeNull();
  });
});
