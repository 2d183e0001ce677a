// @vitest-environment jsdom
// Accounts section: state badges (with the backoff countdown), facts, last error in plain words, Restart/Probe.
import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { account, isoIn, snapshot } from './fixtures.js';
import { renderApp, useFakeApi } from './setup.js';

const api = useFakeApi();

const card = (id: string) => screen.getByRole('article', { name: id });

async function showAccounts(accounts = [account({ health: { lastMessageAt: isoIn(-180_000), restarts: 2 } })]) {
  api().ok('status:get', snapshot({ accounts }));
  renderApp('accounts');
  await screen.findAllByRole('article');
}

describe('Accounts section', () => {
  it('shows state, imsg version, restarts and the last message time', async () => {
    await showAccounts();
    const c = card('default');
    expect(within(c).getByText('Watching')).toBeTruthy();
    expect(within(c).getByText('0.5.1 (v1)')).toBeTruthy();
    expect(within(c).getByText('2')).toBeTruthy();
    expect(within(c).getByText('3 min ago')).toBeTruthy();
  });

  it('counts down a backoff restart and explains the last error with its fix', async () => {
    vi.useFakeTimers({ toFake: ['Date', 'setInterval', 'clearInterval'] });
    vi.setSystemTime(new Date('2026-03-01T10:00:00Z'));
    const failing = account({
      health: {
        state: 'backoff',
        healthy: false,
        nextRestartAt: '2026-03-01T10:00:08Z',
        lastError: {
          message: 'authorization denied (os error 23)',
          at: '2026-03-01T09:59:00Z',
          cause: { kind: 'full-disk-access', summary: 'imsg cannot read chat.db', fix: 'Give imsg Companion Full Disk Access, then press Restart.' },
        },
      },
    });
    await showAccounts([failing]);
    const c = card('default');
    expect(within(c).getByText('Restarting in 8 s')).toBeTruthy();
    act(() => vi.advanceTimersByTime(3000));
    expect(within(c).getByText('Restarting in 5 s')).toBeTruthy();
    const err = within(c).getByRole('group', { name: 'Last error of default' });
    expect(within(err).getByText('imsg cannot read chat.db')).toBeTruthy();
    expect(within(err).getByText('Give imsg Companion Full Disk Access, then press Restart.')).toBeTruthy();
    expect(within(err).getByText('authorization denied (os error 23)')).toBeTruthy();
    expect(within(err).getByText('1 min ago')).toBeTruthy();
  });

  it('a healed account shows no error box, one "last problem (recovered …)" line, and its details once', async () => {
    const healed = account({ health: { lastProblem: { message: 'imsg stopped unexpectedly (exit code 1)', at: isoIn(-300_000), recoveredAt: isoIn(-120_000) } } });
    const detailed = account({
      accountId: 'work',
      health: { state: 'backoff', healthy: false, lastError: { message: 'imsg rpc timeout (chats.list)', at: isoIn(-60_000), cause: { kind: 'timeout', summary: 'imsg did not answer', detail: 'imsg rpc timeout (chats.list)' } } },
    });
    await showAccounts([healed, detailed]);
    const c = card('default');
    expect(within(c).getByText('Watching')).toBeTruthy();
    expect(within(c).queryByRole('group', { name: 'Last error of default' })).toBeNull();
    expect(within(c).getByLabelText('Last problem of default').textContent).toBe('Last problem (recovered 2 min ago): imsg stopped unexpectedly (exit code 1)');
    const err = within(card('work')).getByRole('group', { name: 'Last error of work' });
    expect(within(err).getAllByText('imsg rpc timeout (chats.list)')).toHaveLength(1);
  });

  it('labels fatal, stopped, paused and disabled accounts', async () => {
    await showAccounts([account({ accountId: 'a', health: { state: 'fatal', healthy: false } }), account({ accountId: 'b', enabled: false, paused: true, health: { state: 'stopped', healthy: false } })]);
    expect(within(card('a')).getByText('Failed')).toBeTruthy();
    expect(within(card('b')).getByText('Stopped')).toBeTruthy();
    expect(within(card('b')).getByText('Paused')).toBeTruthy();
    expect(within(card('b')).getByText('Disabled')).toBeTruthy();
    expect(within(card('b')).getByText('none yet')).toBeTruthy();
  });

  it('restarts the account', async () => {
    await showAccounts();
    api().ok('account:restart', { ok: true });
    await userEvent.click(screen.getByRole('button', { name: 'Restart default' }));
    expect(api().inputsOf('account:restart')).toEqual([{ accountId: 'default' }]);
  });

  it('shows a failed restart on the card', async () => {
    await showAccounts();
    api().fail('account:restart', 'account default is not running (disabled, paused or unknown)', 'not-found');
    await userEvent.click(screen.getByRole('button', { name: 'Restart default' }));
    expect(within(card('default')).getByRole('alert').textContent).toBe('account default is not running (disabled, paused or unknown)');
  });

  it('probes and shows the result inline', async () => {
    await showAccounts();
    api().ok('account:probe', { ok: true, fatal: false, binaryPath: '/opt/homebrew/bin/imsg', version: '0.5.1', rpcSupported: true, durationMs: 120 });
    await userEvent.click(screen.getByRole('button', { name: 'Probe default' }));
    expect(api().inputsOf('account:probe')).toEqual([{ accountId: 'default' }]);
    expect(within(card('default')).getByRole('status').textContent).toBe('Probe OK: imsg 0.5.1 at /opt/homebrew/bin/imsg (120 ms)');
  });

  it('shows a failing probe as an error', async () => {
    await showAccounts();
    api().ok('account:probe', { ok: false, fatal: true, error: 'imsg: command not found', durationMs: 8 });
    await userEvent.click(screen.getByRole('button', { name: 'Probe default' }));
    expect(within(card('default')).getByRole('alert').textContent).toBe('Probe failed (needs a fix before it can run): imsg: command not found — imsg (8 ms)');
  });

  it('says how to add an account when there is none', async () => {
    api().ok('status:get', snapshot({ accounts: [] }));
    renderApp('accounts');
    expect(await screen.findByText('No accounts configured')).toBeTruthy();
  });
});
