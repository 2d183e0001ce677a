// @vitest-environment jsdom
// Pairing section: pending rows with live countdowns, Approve/Deny/Block, Approve all, Revoke, live events.
import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { Snapshot } from '../../electron/contract/views.js';
import { account, isoIn, pending, snapshot } from './fixtures.js';
import { renderApp, useFakeApi } from './setup.js';

const api = useFakeApi();

const alice = pending();
const bob = pending({ id: 'bob@example.com', code: 'B0BC0DE1', meta: { sender: 'bob@example.com' } });

function withPairing(pairing: Partial<Snapshot['pairing']>, over: Partial<Snapshot> = {}): Snapshot {
  return snapshot({ pairing: { pending: [], approved: [], ...pairing }, ...over });
}

async function showPairing(snap: Snapshot) {
  api().ok('status:get', snap);
  renderApp('pairing');
  await screen.findByRole('heading', { name: 'Pending requests' });
}

const rowOf = (sender: string) => screen.getByRole('listitem', { name: `Request from ${sender}` });
const button = (name: string) => screen.getByRole('button', { name }) as HTMLButtonElement;

describe('Pairing section', () => {
  it('shows sender, code in monospace, age and expiry', async () => {
    await showPairing(withPairing({ pending: [alice] }));
    const row = rowOf('+15551230000');
    const code = within(row).getByLabelText('Code K 7 Q X 2 M 9 P');
    expect(code.tagName).toBe('CODE');
    expect(code.textContent).toBe('K7QX2M9P');
    expect(within(row).getByText(/First wrote 2 min ago/)).toBeTruthy();
    expect(within(row).getByText('expires in 58 min')).toBeTruthy();
  });

  it('shows what a stranger needs to be decided on: contact name, chat, first message and time', async () => {
    const carol = pending({ id: 'carol@example.com', code: 'CAR0L123', meta: { sender: 'carol@example.com' }, contactName: 'Carol Diaz', chatType: 'group', chatName: 'Book club', firstText: 'Hi! Is this the bot Anna told me about?' });
    await showPairing(withPairing({ pending: [carol] }));
    const row = rowOf('Carol Diaz');
    expect(within(row).getByText('Carol Diaz')).toBeTruthy();
    expect(row.textContent).toContain('carol@example.com');
    expect(within(row).getByText('In the group Book club')).toBeTruthy();
    expect(within(row).getByText('Hi! Is this the bot Anna told me about?')).toBeTruthy();
    expect(button('Approve Carol Diaz')).toBeTruthy();
  });

  it('says so on the card when the code has not reached the stranger yet (imsg failed to send it)', async () => {
    const dan = pending({ id: 'dan@example.com', code: 'DAN00001', meta: { sender: 'dan@example.com', codeUndelivered: '1' } });
    await showPairing(withPairing({ pending: [alice, dan] }));
    expect(within(rowOf('dan@example.com')).getByRole('note').textContent).toBe('The code has not reached them yet (imsg could not send it). It goes out when they write again; you can approve them now anyway.');
    expect(within(rowOf('+15551230000')).queryByRole('note')).toBeNull();
  });

  it('asks before Deny & block, then offers Undo (pairing:unblock) and lists the blocked sender with Unblock', async () => {
    await showPairing(withPairing({ pending: [alice] }));
    await userEvent.click(button('Deny and block +15551230000'));
    expect(api().inputsOf('pairing:deny')).toEqual([]);
    expect(screen.getByRole('group', { name: 'Confirm blocking +15551230000' }).textContent).toContain('can’t ask again');
    api().ok('pairing:deny', { denied: alice });
    await userEvent.click(button('Confirm deny and block +15551230000'));
    expect(api().inputsOf('pairing:deny')).toEqual([{ code: 'K7QX2M9P', block: true }]);
    act(() => api().emit('snapshot', withPairing({ pending: [], blocked: [{ accountId: 'default', sender: '+15551230000' }] })));
    expect(within(screen.getByRole('list', { name: 'Blocked senders' })).getByText('+15551230000')).toBeTruthy();
    api().ok('pairing:unblock', { unblocked: true });
    await userEvent.click(button('Undo blocking +15551230000'));
    expect(api().inputsOf('pairing:unblock')).toEqual([{ sender: '+15551230000', accountId: 'default' }]);
    expect(screen.queryByRole('button', { name: 'Undo blocking +15551230000' })).toBeNull();
    await userEvent.click(button('Unblock +15551230000'));
    expect(api().inputsOf('pairing:unblock')).toHaveLength(2);
  });

  it('lists strangers waiting because the request limit is reached', async () => {
    await showPairing(withPairing({ pending: [alice], waiting: [{ accountId: 'default', sender: 'dave@example.com', firstSeenAt: isoIn(-60_000), lastSeenAt: isoIn(-1000), count: 2, text: 'hello?' }] }));
    const list = screen.getByRole('list', { name: 'Waiting senders' });
    expect(list.textContent).toContain('dave@example.com');
    expect(list.textContent).toContain('2 messages');
    expect(list.textContent).toContain('hello?');
  });

  it('counts down every second from expiresAt', async () => {
    vi.useFakeTimers({ toFake: ['Date', 'setInterval', 'clearInterval'] });
    vi.setSystemTime(new Date('2026-03-01T10:00:00Z'));
    const soon = pending({ createdAt: '2026-03-01T09:00:00Z', expiresAt: '2026-03-01T10:01:02Z' });
    await showPairing(withPairing({ pending: [soon] }));
    const row = rowOf('+15551230000');
    expect(within(row).getByText('expires in 1 min 2 s')).toBeTruthy();
    expect(within(row).getByText(/First wrote 1 h ago/)).toBeTruthy();
    act(() => vi.advanceTimersByTime(1000));
    expect(within(row).getByText('expires in 1 min 1 s')).toBeTruthy();
    act(() => vi.advanceTimersByTime(20_000));
    expect(within(row).getByText('expires in 41 s')).toBeTruthy();
    act(() => vi.advanceTimersByTime(41_000));
    expect(within(row).getByText('expired')).toBeTruthy();
  });

  it('approves with the code and account; the row leaves with the next snapshot', async () => {
    await showPairing(withPairing({ pending: [alice, bob] }));
    api().ok('pairing:approve', { approved: alice });
    await userEvent.click(button('Approve +15551230000'));
    expect(api().inputsOf('pairing:approve')).toEqual([{ code: 'K7QX2M9P', accountId: 'default' }]);
    expect(within(rowOf('+15551230000')).getByRole('status').textContent).toBe('Approved — updating…');
    act(() => api().emit('snapshot', withPairing({ pending: [bob], approved: [{ accountId: 'default', sender: '+15551230000' }] })));
    expect(screen.queryByRole('listitem', { name: 'Request from +15551230000' })).toBeNull();
    expect(within(screen.getByRole('list', { name: 'Approved senders' })).getByText('+15551230000')).toBeTruthy();
  });

  it('denies, or denies and blocks', async () => {
    await showPairing(withPairing({ pending: [alice, bob] }));
    api().ok('pairing:deny', { denied: alice });
    await userEvent.click(button('Deny +15551230000'));
    await userEvent.click(button('Deny and block bob@example.com'));
    await userEvent.click(button('Confirm deny and block bob@example.com'));
    expect(api().inputsOf('pairing:deny')).toEqual([{ code: 'K7QX2M9P' }, { code: 'B0BC0DE1', block: true }]);
    expect(within(rowOf('bob@example.com')).getByText('Blocked — updating…')).toBeTruthy();
  });

  it('disables the row while a call runs, then shows its error on the row', async () => {
    await showPairing(withPairing({ pending: [alice, bob] }));
    const call = api().defer('pairing:approve');
    await userEvent.click(button('Approve +15551230000'));
    expect(button('Approve +15551230000').disabled).toBe(true);
    expect(button('Approve +15551230000').textContent).toBe('Approve…');
    expect(button('Deny +15551230000').disabled).toBe(true);
    expect(button('Approve bob@example.com').disabled).toBe(false);
    await act(async () => call.resolve({ ok: false, error: { code: 'not-found', message: 'No pending pairing request found for code: K7QX2M9P' } }));
    expect(within(rowOf('+15551230000')).getByRole('alert').textContent).toBe('No pending pairing request found for code: K7QX2M9P');
    expect(button('Approve +15551230000').disabled).toBe(false);
    expect(within(rowOf('bob@example.com')).queryByRole('alert')).toBeNull();
  });

  it('shows a pushed pairing:new request at once, without polling', async () => {
    await showPairing(withPairing({}));
    expect(screen.getByText('No pending requests')).toBeTruthy();
    act(() => api().emit('pairing:new', bob));
    expect(rowOf('bob@example.com')).toBeTruthy();
    // The snapshot that follows carries the same request: still one row.
    act(() => api().emit('snapshot', withPairing({ pending: [bob] })));
    expect(screen.getAllByRole('listitem', { name: 'Request from bob@example.com' })).toHaveLength(1);
    expect(api().inputsOf('status:get')).toHaveLength(1);
  });

  it('shows a request that arrives with a pushed snapshot', async () => {
    await showPairing(withPairing({}));
    act(() => api().emit('snapshot', withPairing({ pending: [alice] })));
    expect(button('Approve +15551230000')).toBeTruthy();
    expect(screen.getByRole('tab', { name: 'Pairing' }).textContent).toBe('Pairing1');
  });

  it('offers Approve all from two requests on, behind a confirm step', async () => {
    await showPairing(withPairing({ pending: [alice] }));
    expect(screen.queryByRole('button', { name: 'Approve all' })).toBeNull();
    act(() => api().emit('snapshot', withPairing({ pending: [alice, bob] })));
    await userEvent.click(button('Approve all'));
    await userEvent.click(within(screen.getByRole('group', { name: 'Confirm approving all' })).getByRole('button', { name: 'Cancel' }));
    expect(api().inputsOf('pairing:approve-all')).toEqual([]);
    api().ok('pairing:approve-all', { approved: [alice, bob] });
    await userEvent.click(button('Approve all'));
    expect(screen.getByText('Approve all 2 senders? Each of them can then message your assistant.')).toBeTruthy();
    await userEvent.click(button('Confirm approve all'));
    expect(api().inputsOf('pairing:approve-all')).toEqual([{}]);
  });

  it('revokes an approved sender after a confirm step', async () => {
    await showPairing(withPairing({ approved: [{ accountId: 'default', sender: 'carol@example.com' }] }));
    await userEvent.click(button('Revoke carol@example.com'));
    expect(document.activeElement).toBe(button('Cancel'));
    await userEvent.click(button('Cancel'));
    expect(api().inputsOf('pairing:revoke')).toEqual([]);
    api().ok('pairing:revoke', { revoked: true });
    await userEvent.click(button('Revoke carol@example.com'));
    await userEvent.click(button('Confirm revoke carol@example.com'));
    expect(api().inputsOf('pairing:revoke')).toEqual([{ handle: 'carol@example.com', accountId: 'default' }]);
  });

  it('has calm empty states and shows a store problem', async () => {
    await showPairing(withPairing({ problem: 'pairing store is unreadable: approvals are refused until it is fixed' }));
    expect(screen.getByText('When someone new messages you, they appear here with Approve and Deny.')).toBeTruthy();
    expect(screen.getByText('No one approved through pairing yet.')).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toContain('pairing store is unreadable');
  });

  it('names the account when there are several', async () => {
    await showPairing(withPairing({ pending: [pending({ accountId: 'work' })] }, { accounts: [account(), account({ accountId: 'work' })] }));
    expect(within(rowOf('+15551230000')).getByText('work')).toBeTruthy();
  });
});
