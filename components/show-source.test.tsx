import { cleanup, fireEvent, render } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { ClaimDetails } from './ClaimDetails';
import { claim, source } from '../tests/helpers/ui-fixtures';

afterEach(cleanup);

describe('"Show in Citecheck"', () => {
  it('asks to open the reader view of the passage’s source for the claim', () => {
    const shown: [string, string][] = [];
    const { container } = render(
      <ClaimDetails claim={claim('c1', 'supported')} sources={new Map([['s1', source('s1')]])} onShowSource={(c, s) => shown.push([c, s])} />,
    );
    const button = container.querySelector<HTMLButtonElement>('[data-testid="show-in-citecheck"]')!;
    expect(button.textContent).toBe('Show in Citecheck');
    fireEvent.click(button);
    expect(shown).toEqual([['c1', 's1']]);
  });

  it('is not offered without a way to open the view, nor for a source that was not read', () => {
    const plain = render(<ClaimDetails claim={claim('c1', 'supported')} sources={new Map([['s1', source('s1')]])} />);
    expect(plain.container.querySelector('[data-testid="show-in-citecheck"]')).toBeNull();
    cleanup();
    const unread = render(
      <ClaimDetails
        claim={claim('c1', 'supported')}
        sources={new Map([['s1', source('s1', { status: 'unavailable', reason: 'paywall' })]])}
        onShowSource={() => undefined}
      />,
    );
    expect(unread.container.querySelector('[data-testid="show-in-citecheck"]')).toBeNull();
  });
});
