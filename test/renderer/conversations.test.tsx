// @vitest-environment jsdom
// Conversations: one row per inbound message with its lifecycle badge, group names, dates, the
// expanded texts and "Why?", filters, search, Retry and Dismiss (the engine's verbs), live refresh.
import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { entry, isoIn, message, snapshot } from './fixtures.js';
import { renderApp, useFakeApi } from './setup.js';

const api = useFakeApi();

const answered = message();
const group = message({ id: 'm2', messageId: 102, chatType: 'group', chatName: 'Family', sender: 'mum@example.com', text: 'dinner at 7?', status: 'dropped', reason: 'no mention', replies: [] });
const failed = message({ id: 'm3', messageId: 103, at: '2025-11-02T08:15:00Z', text: 'are you there', status: 'not-answered', cause: 'agent main cannot reach 127.0.0.1:11434', replies: [] });

async function showConversations(messages = [answered, group, failed]) {
  api().ok('status:get', snapshot({ permissions: [] })).ok('messages:list', { messages });
  renderApp('activity');
  return screen.findByRole('list', { name: 'Conversations' });
}

describe('Conversations section', () => {
  it('has one row per message with its badge, the group name, and the date when not today', async () => {
    const list = await showConversations();
    const rows = within(list).getAllByRole('listitem');
    expect(rows).toHaveLength(3);
    expect(within(rows[0] as HTMLElement).getByText('Answered')).toBeTruthy();
    expect(rows[1]?.textContent).toContain('in Family');
    expect(within(rows[1] as HTMLElement).getByText('Dropped · no mention')).toBeTruthy();
    expect(within(rows[2] as HTMLElement).getByText('Not answered')).toBeTruthy();
    expect(rows[2]?.textContent).toMatch(/2 Nov|Nov 2/);
    expect(api().inputsOf('messages:list')).toEqual([{ group: 'all', limit: 200 }]);
  });

  it('expands to the full message, the reply that was sent, and the trace behind "Why?"', async () => {
    await showConversations();
    const head = screen.getAllByRole('button', { expanded: false })[0] as HTMLElement;
    await userEvent.click(head);
    expect(head.getAttribute('aria-expanded')).toBe('true');
    expect(screen.getByText('Your dentist appointment is at 9:30.')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Why?' }));
    expect(within(screen.getByRole('list', { name: 'Decision trace' })).getByText('sender is approved')).toBeTruthy();
  });

  it('offers Retry on a not-answered message: the engine answers with the row, a refusal shows its reason', async () => {
    await showConversations();
    await userEvent.click(screen.getByText('are you there'));
    expect(screen.getByText(/cannot reach 127.0.0.1:11434/)).toBeTruthy();
    api().ok('replies:retry', { message: { ...failed, status: 'waiting', cause: undefined } });
    api().ok('messages:list', { messages: [answered, group, { ...failed, status: 'asking', cause: undefined }] });
    await userEvent.click(screen.getByRole('button', { name: 'Retry the reply to +15551230000' }));
    expect(api().inputsOf('replies:retry')).toEqual([{ id: 'm3' }]);
    expect(await screen.findByText('Asking agent')).toBeTruthy();
  });

  it('shows the engine\'s refusal of a Retry', async () => {
    await showConversations();
    await userEvent.click(screen.getByText('are you there'));
    api().fail('replies:retry', 'm3 is not waiting for a retry', 'invalid-input');
    await userEvent.click(screen.getByRole('button', { name: 'Retry the reply to +15551230000' }));
    expect((await screen.findByRole('alert')).textContent).toContain('not waiting for a retry');
  });

  it('Dismiss forgets a not-answered message and the row says Dismissed', async () => {
    await showConversations();
    await userEvent.click(screen.getByText('are you there'));
    api().ok('replies:dismiss', { dismissed: true });
    api().ok('messages:list', { messages: [answered, group, { ...failed, status: 'dismissed' }] });
    await userEvent.click(screen.getByRole('button', { name: 'Dismiss the message from +15551230000' }));
    expect(api().inputsOf('replies:dismiss')).toEqual([{ id: 'm3' }]);
    expect(await screen.findByText('Dismissed', { selector: '.badge' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Retry the reply to +15551230000' })).toBeNull();
  });

  it('a waiting message says why and shows the reply texts only as sent once delivered', async () => {
    const waiting = message({ id: 'm4', text: 'long question', status: 'waiting', cause: 'agent main: connection refused', replies: [] });
    await showConversations([waiting, answered]);
    await userEvent.click(screen.getByText('long question'));
    expect(screen.getByText(/Waiting: agent main: connection refused/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Retry the reply/ })).toBeNull();
  });

  it('filters and searches through messages:list', async () => {
    await showConversations();
    api().ok('messages:list', { messages: [failed] });
    await userEvent.click(screen.getByRole('button', { name: 'Not answered' }));
    expect(screen.getByRole('button', { name: 'Not answered' }).getAttribute('aria-pressed')).toBe('true');
    expect(api().inputsOf('messages:list').at(-1)).toEqual({ group: 'not-answered', limit: 200 });
    expect(within(screen.getByRole('list', { name: 'Conversations' })).getAllByRole('listitem')).toHaveLength(1);
    await userEvent.type(screen.getByRole('searchbox', { name: 'Search conversations' }), 'dent');
    await vi.waitFor(() => expect(api().inputsOf('messages:list').at(-1)).toEqual({ group: 'not-answered', search: 'dent', limit: 200 }));
  });

  it('reloads shortly after new activity arrives', async () => {
    await showConversations([answered]);
    api().ok('messages:list', { messages: [message({ id: 'm9', text: 'new one', status: 'asking', replies: [], at: isoIn(0) }), answered] });
    act(() => api().emit('activity', entry()));
    expect(await screen.findByText('new one')).toBeTruthy();
    expect(screen.getByText('Asking agent')).toBeTruthy();
  });

  it('has an empty state', async () => {
    api().ok('status:get', snapshot({ permissions: [] })).ok('messages:list', { messages: [] });
    renderApp('activity');
    expect(await screen.findByText('No messages yet')).toBeTruthy();
  });
});
