import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { modeStateOf, siteStateOf, type ModeState, type PopupApi, type ReportResult, type SiteState } from '../api';
import { DEFAULT_SETTINGS } from '../../../utils/settings';
import { App, FIRST_ROWS } from '../App';
import type { Report } from '../../../utils/report/schema';
import { claim, nineClaims, report, source } from '../../../tests/helpers/ui-fixtures';

function fakeApi(
  answers: (ReportResult | Report | null)[],
  site: SiteState | null = { host: 'blog.example', enabled: true, globallyOff: false },
  mode: ModeState | null = { mode: 'auto', host: 'blog.example', allowed: false },
): PopupApi & { calls: Record<string, unknown[][]> } {
  const calls: Record<string, unknown[][]> = {
    getReport: [],
    watchReport: [],
    recheck: [],
    scrollToClaim: [],
    setSiteEnabled: [],
    setCheckMode: [],
    allowSite: [],
    checkPage: [],
  };
  let i = 0;
  const asResult = (answer: ReportResult | Report | null): ReportResult =>
    answer && 'ok' in answer ? answer : { ok: true, value: answer as Report | null };
  return {
    calls,
    tab: async () => ({ id: 7, url: 'https://blog.example/article' }),
    getReport: async (tabId) => {
      calls.getReport.push([tabId]);
      return asResult(answers[Math.min(i++, answers.length - 1)]);
    },
    // The answers not taken by getReport arrive as storage changes, one every 50 ms.
    watchReport: (tabId, onResult) => {
      calls.watchReport.push([tabId]);
      const timer = setInterval(() => {
        if (i < answers.length) onResult(asResult(answers[i++]));
      }, 50);
      return () => clearInterval(timer);
    },
    recheck: async (tabId) => void calls.recheck.push([tabId]),
    scrollToClaim: async (tabId, claimId) => void calls.scrollToClaim.push([tabId, claimId]),
    openOptions: async () => undefined,
    site: async () => site,
    setSiteEnabled: async (host, enabled) => void calls.setSiteEnabled.push([host, enabled]),
    checkMode: async () => mode,
    setCheckMode: async (m) => void calls.setCheckMode.push([m]),
    allowSite: async (host, allowed) => void calls.allowSite.push([host, allowed]),
    checkPage: async (tabId) => void calls.checkPage.push([tabId]),
  };
}

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('popup', () => {
  it('shows the summary line and one row per claim in page order, with hooks', async () => {
    const { container } = render(<App api={fakeApi([nineClaims()])} />);
    expect(await screen.findByTestId('summary')).toHaveProperty('textContent', '9 claims: 5 supported, 2 partly, 1 not found, 1 source unavailable');
    const rows = container.querySelectorAll('[data-testid="claim-row"]');
    expect([...rows].map((r) => r.getAttribute('data-claim-id'))).toEqual(['c1', 'c2', 'c3', 'c4', 'c5', 'c6', 'c7', 'c8', 'c9']);
    expect(rows[8].getAttribute('data-verdict')).toBe('unavailable');
    expect(container.querySelector('[data-state="ready"]')).not.toBeNull();
  });

  it('paints the first rows of a long report at once and the rest right after', async () => {
    // Hold frames so the first paint can be looked at, then let them run.
    const frames: FrameRequestCallback[] = [];
    const realRaf = globalThis.requestAnimationFrame;
    vi.stubGlobal('requestAnimationFrame', (cb: FrameRequestCallback) => frames.push(cb));
    const claims = Array.from({ length: 200 }, (_, i) => claim(`c${i + 1}`, i % 3 ? 'supported' : 'partial'));
    const { container } = render(<App api={fakeApi([report(claims)])} />);
    await screen.findByTestId('summary');
    const count = () => container.querySelectorAll('[data-testid="claim-row"]').length;
    expect(count()).toBe(FIRST_ROWS);
    expect(screen.getByTestId('claims').getAttribute('aria-busy')).toBe('true');
    vi.stubGlobal('requestAnimationFrame', realRaf);
    for (const frame of frames.splice(0)) frame(performance.now());
    await waitFor(() => expect(count()).toBe(200));
    expect(screen.getByTestId('claims').getAttribute('aria-busy')).toBe('false');
    const ids = [...container.querySelectorAll('[data-testid="claim-row"]')].map((r) => r.getAttribute('data-claim-id'));
    expect(ids[0]).toBe('c1');
    expect(ids[199]).toBe('c200');
  });

  it('shows the empty state with the recognised citation styles when there is no report', async () => {
    render(<App api={fakeApi([null])} />);
    const empty = await screen.findByTestId('empty');
    expect(empty.textContent).toContain('No cited claims found on this page');
    expect(empty.textContent).toContain('[Source 2]');
    expect(empty.textContent).toContain('[1][2]');
    expect(screen.queryByTestId('export-json')).toBeNull();
  });

  it('on a site where Citecheck is off, says so instead of "no claims", and turns it on', async () => {
    const api = fakeApi([null], { host: 'blog.example', enabled: false, globallyOff: false });
    render(<App api={api} />);
    const notice = await screen.findByTestId('site-off');
    expect(notice.textContent).toContain('Citecheck is off on blog.example.');
    expect(screen.queryByTestId('empty')).toBeNull();
    expect(screen.queryByTestId('recheck')).toBeNull();
    fireEvent.click(screen.getByTestId('site-on'));
    await waitFor(() => expect(api.calls.setSiteEnabled).toEqual([['blog.example', true]]));
    expect((await screen.findByTestId('site-changed')).textContent).toContain('Reload the page');
  });

  it('turns Citecheck off for the current site from the footer', async () => {
    const api = fakeApi([nineClaims()]);
    render(<App api={api} />);
    fireEvent.click(await screen.findByTestId('site-off-button'));
    await waitFor(() => expect(api.calls.setSiteEnabled).toEqual([['blog.example', false]]));
    expect((await screen.findByTestId('site-off')).textContent).toContain('Reload the page to remove its badges.');
  });

  it.each([
    ['https://www.blog.example/a', { enabled: true, disabledSites: [] }, { host: 'blog.example', enabled: true, globallyOff: false }],
    ['https://news.blog.example/a', { enabled: true, disabledSites: ['blog.example'] }, { host: 'news.blog.example', enabled: false, globallyOff: false }],
    ['https://blog.example/', { enabled: false, disabledSites: [] }, { host: 'blog.example', enabled: false, globallyOff: true }],
    ['chrome://settings', { enabled: true, disabledSites: [] }, null],
    [undefined, { enabled: true, disabledSites: [] }, null],
  ])('the site state of %s with %j is %j', (url, partial, expected) => {
    expect(siteStateOf({ ...DEFAULT_SETTINGS, ...partial }, url)).toEqual(expected);
  });

  it('shows an error the background reports', async () => {
    render(<App api={fakeApi([{ ok: false, error: 'no checker for this tab' }])} />);
    const error = await screen.findByTestId('error');
    expect(error.textContent).toContain('no checker for this tab');
  });

  it('keeps the report on screen when a later update fails, and says so', async () => {
    const running = report([claim('c1', 'pending')], [source('s1', { status: 'pending' })], { state: 'running' });
    render(<App api={fakeApi([running, { ok: false, error: 'the page was closed' }])} />);
    await screen.findByTestId('summary');
    expect((await screen.findByTestId('refresh-error', {}, { timeout: 3000 })).textContent).toContain('the page was closed');
    expect(screen.getByTestId('summary').textContent).toBe('1 claim: 1 checking');
  });

  it('filters rows by verdict', async () => {
    const { container } = render(<App api={fakeApi([nineClaims()])} />);
    fireEvent.click(await screen.findByTestId('filter-partial'));
    const rows = container.querySelectorAll('[data-testid="claim-row"]');
    expect([...rows].map((r) => r.getAttribute('data-verdict'))).toEqual(['partial', 'partial']);
    expect(screen.getByTestId('filter-partial').getAttribute('aria-pressed')).toBe('true');
    expect(screen.getByTestId('shown').textContent).toBe('2 claims shown');
  });

  it('sorts rows weakest first', async () => {
    const r = report([claim('a', 'supported', { score: 0.9 }), claim('b', 'unsupported', { score: 0.1 }), claim('c', 'partial', { score: 0.5 })]);
    const { container } = render(<App api={fakeApi([r])} />);
    const sort = (await screen.findByTestId('sort')) as HTMLSelectElement;
    sort.value = 'weakest';
    fireEvent.change(sort);
    const ids = [...container.querySelectorAll('[data-testid="claim-row"]')].map((row) => row.getAttribute('data-claim-id'));
    expect(ids).toEqual(['b', 'c', 'a']);
  });

  it('a row click expands it and scrolls the page to its marker', async () => {
    const api = fakeApi([nineClaims()]);
    const { container } = render(<App api={api} />);
    await screen.findByTestId('summary');
    const row = container.querySelector('[data-claim-id="c9"]')!;
    fireEvent.click(row.querySelector('button')!);
    expect(api.calls.scrollToClaim).toEqual([[7, 'c9']]);
    const details = within(row as HTMLElement).getByTestId('claim-details');
    expect(details.textContent).toContain('The source answered 404 Not Found');
    expect(row.querySelector('[data-testid="score"]')).toBeNull();
    expect(row.querySelector('button')!.getAttribute('aria-expanded')).toBe('true');
  });

  it('an expanded judged row shows the passage with marks, missing words and conflicts', async () => {
    const r = report([
      claim('c1', 'contradicted', {
        evidence: [
          { sourceId: 's1', text: 'Visits rose 57% in 2023.', start: 0, end: 24, score: 0.7, matched: ['visits', 'rose'], missing: ['summer'], conflicts: ['source says 57%, claim says 65.7%'] },
        ],
      }),
    ]);
    const { container } = render(<App api={fakeApi([r])} />);
    await screen.findByTestId('summary');
    fireEvent.click(container.querySelector('[data-claim-id="c1"] button')!);
    const passage = screen.getByTestId('passage');
    expect([...passage.querySelectorAll('mark')].map((m) => m.textContent)).toEqual(['Visits rose']);
    expect(screen.getByTestId('missing').textContent).toContain('summer');
    expect(screen.getByTestId('conflicts').textContent).toContain('source says 57%, claim says 65.7%');
    expect(screen.getByTestId('open-passage').getAttribute('href')).toBe('https://news1.example/story#:~:text=Visits%20rose%2057%25%20in%202023.');
  });

  it('shows progress and follows the stored report until it is done, asking only once', async () => {
    const running = report([claim('c1', 'pending'), claim('c2', 'supported')], [source('s1', { status: 'pending' }), source('s2')], { state: 'running' });
    const done = report([claim('c1', 'partial'), claim('c2', 'supported')], [source('s1'), source('s2')]);
    const api = fakeApi([running, running, done]);
    const { container } = render(<App api={api} />);
    expect((await screen.findByTestId('progress')).textContent).toContain('1 of 2 sources read; the ones on screen first');
    await waitFor(() => expect(container.querySelector('[data-report-state="done"]')).not.toBeNull(), { timeout: 3000 });
    expect(screen.queryByTestId('progress')).toBeNull();
    // The first report was asked for; the next two came as storage changes, not polls.
    expect(api.calls.getReport.length).toBe(1);
    expect(api.calls.watchReport).toEqual([[7]]);
    expect(screen.getByTestId('summary').textContent).toBe('2 claims: 1 supported, 1 partly');
  });

  it('re-check asks the background and shows the new report', async () => {
    const api = fakeApi([nineClaims(), nineClaims(), { ...report([claim('c1', 'supported')]), checkedAt: '2026-02-02T00:00:00.000Z' }]);
    render(<App api={api} />);
    await screen.findByTestId('summary');
    fireEvent.click(screen.getByTestId('recheck'));
    expect(api.calls.recheck).toEqual([[7]]);
    await waitFor(() => expect(screen.getByTestId('summary').textContent).toBe('1 claim: 1 supported'), { timeout: 3000 });
    expect((screen.getByTestId('recheck') as HTMLButtonElement).disabled).toBe(false);
  });

  it('exports Markdown and JSON as downloads', async () => {
    const created: Blob[] = [];
    const createObjectURL = vi.fn((blob: Blob) => {
      created.push(blob);
      return 'blob:citecheck/1';
    });
    vi.stubGlobal('URL', Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() }));
    const clicks: string[] = [];
    const spy = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicks.push(this.download);
    });
    render(<App api={fakeApi([nineClaims()])} />);
    fireEvent.click(await screen.findByTestId('export-markdown'));
    fireEvent.click(screen.getByTestId('export-json'));
    expect(clicks).toEqual(['citecheck-blog.example-2026-01-31.md', 'citecheck-blog.example-2026-01-31.json']);
    expect(await created[0].text()).toContain('9 claims: 5 supported');
    expect(JSON.parse(await created[1].text()).claims).toHaveLength(9);
    spy.mockRestore();
    vi.unstubAllGlobals();
  });

  it('"Check this page" when claims are not checked yet: asks the background for the tab', async () => {
    const waiting = report([claim('c1', 'unchecked'), claim('c2', 'unchecked'), claim('c3', 'supported')]);
    const api = fakeApi([waiting], undefined, { mode: 'click', host: 'blog.example', allowed: false });
    render(<App api={api} />);
    expect((await screen.findByTestId('not-checked')).textContent).toBe(
      '2 claims are not checked yet: nothing is fetched from their sources until you ask.',
    );
    expect(screen.queryByTestId('progress')).toBeNull();
    const button = screen.getByTestId('check-page');
    expect(button.textContent).toBe('Check this page');
    fireEvent.click(button);
    await waitFor(() => expect(api.calls.checkPage).toEqual([[7]]));
    expect(button.textContent).toBe('Checking…');
    expect(button.getAttribute('aria-disabled')).toBe('true');
    fireEvent.click(button);
    expect(api.calls.checkPage).toHaveLength(1);
  });

  it('while sources load: "23 of 400 sources read; the ones on screen first" and "Check the rest now"', async () => {
    const sources = Array.from({ length: 400 }, (_, i) => source(`s${i + 1}`, i < 23 ? {} : { status: 'pending' }));
    const claims = sources.map((s, i) => claim(`c${i + 1}`, i < 23 ? 'supported' : 'pending', { sourceIds: [s.id] }));
    const loading = { ...report(claims, sources), state: 'running' as const };
    const api = fakeApi([loading]);
    render(<App api={api} />);
    expect((await screen.findByTestId('progress')).textContent).toBe('23 of 400 sources read; the ones on screen first');
    fireEvent.click(screen.getByTestId('check-rest'));
    await waitFor(() => expect(api.calls.checkPage).toEqual([[7]]));
    expect(screen.queryByTestId('check-page')).toBeNull();
  });

  it('a finished page that nothing waits on offers no check button', async () => {
    render(<App api={fakeApi([nineClaims()])} />);
    await screen.findByTestId('summary');
    expect(screen.queryByTestId('check-panel')).toBeNull();
  });

  it('says why when the page check cannot start, and lets the reader try again', async () => {
    const api = fakeApi([report([claim('c1', 'unchecked')])], undefined, { mode: 'click', host: 'blog.example', allowed: false });
    api.checkPage = async () => {
      throw new Error('the tab is gone');
    };
    render(<App api={api} />);
    fireEvent.click(await screen.findByTestId('check-page'));
    expect((await screen.findByTestId('check-error')).textContent).toBe('Could not start the check: the tab is gone');
    expect(screen.getByTestId('check-page').textContent).toBe('Check this page');
  });

  it('shows the check mode and changes it through the background', async () => {
    const api = fakeApi([nineClaims()]);
    render(<App api={api} />);
    const select = (await screen.findByTestId('popup-check-mode')) as HTMLSelectElement;
    expect(select.value).toBe('auto');
    expect([...select.options].map((o) => o.textContent)).toEqual([
      'Automatically on every site',
      'Automatically on sites I allow, elsewhere when I click',
      'Only when I click',
    ]);
    expect(screen.queryByTestId('popup-allow-site')).toBeNull();
    select.value = 'allowed';
    fireEvent.change(select);
    await waitFor(() => expect(api.calls.setCheckMode).toEqual([['allowed']]));
    // In the allowed-sites mode the site itself can be added.
    const allow = (await screen.findByTestId('popup-allow-site')) as HTMLInputElement;
    expect(allow.checked).toBe(false);
    expect(allow.closest('label')!.textContent).toBe('Check blog.example automatically');
    fireEvent.click(allow);
    await waitFor(() => expect(api.calls.allowSite).toEqual([['blog.example', true]]));
    expect(allow.checked).toBe(true);
  });

  it('a mode that cannot be saved goes back to the stored one and says why', async () => {
    const api = fakeApi([nineClaims()], undefined, { mode: 'click', host: 'blog.example', allowed: false });
    api.setCheckMode = async () => {
      throw new Error('storage is full');
    };
    render(<App api={api} />);
    const select = (await screen.findByTestId('popup-check-mode')) as HTMLSelectElement;
    select.value = 'auto';
    fireEvent.change(select);
    expect((await screen.findByTestId('mode-error')).textContent).toBe('Could not save: storage is full');
    await waitFor(() => expect((screen.getByTestId('popup-check-mode') as HTMLSelectElement).value).toBe('click'));
  });

  it.each([
    ['https://news.blog.example/a', { checkMode: 'allowed', allowedSites: ['blog.example'] }, { mode: 'allowed', host: 'news.blog.example', allowed: true }],
    ['https://other.example/', { checkMode: 'allowed', allowedSites: ['blog.example'] }, { mode: 'allowed', host: 'other.example', allowed: false }],
    ['https://blog.example/', { checkMode: 'click', allowedSites: ['blog.example'] }, { mode: 'click', host: 'blog.example', allowed: true }],
    ['chrome://extensions', { checkMode: 'auto', allowedSites: [] }, null],
  ] as const)('mode state of %s', (url, settings, expected) => {
    expect(modeStateOf({ ...DEFAULT_SETTINGS, ...settings, allowedSites: [...settings.allowedSites] }, url)).toEqual(expected);
  });
});
