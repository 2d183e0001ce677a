// @vitest-environment jsdom
// Activity section: fetched on open, live entries, filter chips and text, the decision trace.
import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ACTIVITY_CAP, useActivityStore } from '../../renderer/src/stores/activity-store.js';
import { entry, isoIn, snapshot } from './fixtures.js';
import { renderApp, useFakeApi } from './setup.js';

const api = useFakeApi();

const dropped = entry();
const answered = entry({ id: 'a2', at: isoIn(-30_000), decision: 'dispatch', reason: null, sender: 'alice@example.com', preview: 'what is the weather', steps: [{ step: 'dm access', outcome: 'pass', detail: 'alice is in allowFrom' }] });
const pairingEntry = entry({ id: 'a3', at: isoIn(-90_000), decision: 'pairing', reason: 'pairing required', sender: '+15559990000', preview: 'hi', steps: [] });
const sent = entry({ id: 'a6', at: isoIn(-20_000), kind: 'reply', decision: undefined, reason: undefined, outcome: 'sent', sender: 'alice@example.com', preview: 'sunny', steps: undefined, detail: '1 message sent' });
const notAnswered = entry({ id: 'a7', at: isoIn(-25_000), kind: 'agent-error', decision: undefined, reason: undefined, outcome: 'not-answered', sender: 'bob@example.com', preview: undefined, steps: undefined, detail: 'not answered: cannot reach x' });
const system = entry({ id: 'a4', at: isoIn(-120_000), kind: 'system', decision: undefined, reason: undefined, sender: undefined, preview: undefined, steps: undefined, detail: 'account default started' });

async function showActivity(entries = [answered, dropped, pairingEntry, system]) {
  api().ok('status:get', snapshot()).ok('activity:list', { entries });
  renderApp('activity');
  await screen.findByRole('list', { name: 'Activity' });
}

const rows = () => within(screen.getByRole('list', { name: 'Activity' })).getAllByRole('listitem').filter((li) => li.classList.contains('activity'));
const senders = () => rows().map((li) => li.querySelector('.sender')?.textContent);

describe('Activity section', () => {
  it('loads the latest entries on open, newest first, with decision badges and reasons', async () => {
    await showActivity();
    expect(api().inputsOf('activity:list')).toEqual([{ limit: ACTIVITY_CAP }]);
    expect(senders()).toEqual(['alice@example.com', '+15550001111', '+15559990000', 'default']);
    expect(within(rows()[0] as HTMLElement).getByText('Accepted')).toBeTruthy();
    expect(within(rows()[1] as HTMLElement).getByText('Dropped · no mention')).toBeTruthy();
    expect(within(rows()[1] as HTMLElement).getByText('lunch at noon?')).toBeTruthy();
    expect(within(rows()[3] as HTMLElement).getByText('System')).toBeTruthy();
  });

  it('prepends live activity events', async () => {
    await showActivity();
    act(() => api().emit('activity', entry({ id: 'a9', at: isoIn(0), sender: 'dave@example.com', reason: 'from me' })));
    expect(senders()[0]).toBe('dave@example.com');
    expect(within(rows()[0] as HTMLElement).getByText('Dropped · from me')).toBeTruthy();
  });

  it('shows the Messages copy of a sent reply as "Sent copy", muted, and keeps it out of Dropped', async () => {
    const copy = entry({ id: 'a5', at: isoIn(-10_000), sender: 'me', reason: 'from me', preview: 're: hi', ownReplyCopy: true });
    await showActivity([copy, dropped]);
    expect(within(rows()[0] as HTMLElement).getByText('Sent copy')).toBeTruthy();
    expect(within(rows()[0] as HTMLElement).queryByText(/Dropped/)).toBeNull();
    expect(rows()[0]?.classList.contains('own-copy')).toBe(true);
    await userEvent.click(screen.getByRole('button', { name: 'Dropped' }));
    expect(senders()).toEqual(['+15550001111']);
  });

  it('says "Answered" only for a delivered reply, "Not answered" for one that was not', async () => {
    await showActivity([sent, notAnswered, answered]);
    expect(within(rows()[0] as HTMLElement).getByText('Answered')).toBeTruthy();
    expect(within(rows()[1] as HTMLElement).getByText('Not answered')).toBeTruthy();
    expect(within(rows()[2] as HTMLElement).getByText('Accepted')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Answered' }));
    expect(rows()).toHaveLength(1);
    expect(within(rows()[0] as HTMLElement).getByText('sunny')).toBeTruthy();
  });

  it('filters by chip and by text', async () => {
    await showActivity([answered, sent, dropped, pairingEntry, system]);
    const chip = (name: string) => screen.getByRole('button', { name });
    expect(chip('All').getAttribute('aria-pressed')).toBe('true');
    await userEvent.click(chip('Answered'));
    expect(chip('Answered').getAttribute('aria-pressed')).toBe('true');
    expect(senders()).toEqual(['alice@example.com']);
    await userEvent.click(chip('Dropped'));
    expect(senders()).toEqual(['+15550001111']);
    await userEvent.click(chip('Pairing'));
    expect(senders()).toEqual(['+15559990000']);
    await userEvent.click(chip('All'));
    await userEvent.type(screen.getByRole('searchbox', { name: 'Filter activity' }), 'WEATHER');
    expect(senders()).toEqual(['alice@example.com']);
    expect(within(rows()[0] as HTMLElement).getByText('what is the weather')).toBeTruthy();
    await userEvent.clear(screen.getByRole('searchbox', { name: 'Filter activity' }));
    await userEvent.type(screen.getByRole('searchbox', { name: 'Filter activity' }), 'nobody-matches');
    expect(screen.getByText('Nothing matches this filter')).toBeTruthy();
  });

  it('expands a row to its trace with ✓/✗ per step, and collapses it again', async () => {
    await showActivity();
    const toggle = within(rows()[1] as HTMLElement).getByRole('button');
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    await userEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    const trace = screen.getByRole('list', { name: 'Decision trace' });
    expect(toggle.getAttribute('aria-controls')).toBe(trace.parentElement?.id);
    expect(within(trace).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      '✓passed: from me not sent by this Mac',
      '✗dropped: mention group message without @bot',
    ]);
    await userEvent.click(toggle);
    expect(screen.queryByRole('list', { name: 'Decision trace' })).toBeNull();
  });

  it('shows the detail of an entry without steps', async () => {
    await showActivity();
    await userEvent.click(within(rows()[3] as HTMLElement).getByRole('button'));
    expect(screen.getByText('account default started')).toBeTruthy();
  });

  it('does not make a row without trace or detail clickable', async () => {
    await showActivity();
    expect(within(rows()[2] as HTMLElement).queryByRole('button')).toBeNull();
  });

  it('has loading, empty and error states', async () => {
    api().ok('status:get', snapshot());
    const call = api().defer('activity:list');
    renderApp('activity');
    expect(screen.getByRole('status').textContent).toContain('Loading activity');
    await act(async () => call.resolve({ ok: true, data: { entries: [] } }));
    expect(screen.getByText('No activity yet')).toBeTruthy();
  });

  it('shows a failed load with Retry', async () => {
    api().ok('status:get', snapshot()).fail('activity:list', 'activity log unreadable');
    renderApp('activity');
    expect((await screen.findByRole('alert')).textContent).toContain('activity log unreadable');
    api().ok('activity:list', { entries: [dropped] });
    await userEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findByText('lunch at noon?')).toBeTruthy();
  });

  it('keeps at most ACTIVITY_CAP entries and no duplicates', () => {
    const store = useActivityStore.getState();
    for (let i = 0; i < ACTIVITY_CAP + 5; i++) store.push(entry({ id: `e${i}`, at: new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString() }));
    store.push(entry({ id: `e${ACTIVITY_CAP + 4}`, at: new Date(Date.UTC(2026, 0, 1, 0, 0, ACTIVITY_CAP + 4)).toISOString() }));
    const ids = useActivityStore.getState().entries.map((e) => e.id);
    expect(ids).toHaveLength(ACTIVITY_CAP);
    expect(ids[0]).toBe(`e${ACTIVITY_CAP + 4}`);
    expect(new Set(ids).size).toBe(ACTIVITY_CAP);
  });
});
