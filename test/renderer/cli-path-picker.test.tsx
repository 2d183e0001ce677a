// @vitest-environment jsdom
// Settings → Account: "Choose…" next to cliPath only where main can show a file dialog (the Mac app's
// platform.canPickFiles); it calls account:pick-cli-path and shows "Saved" or main's problem. The
// web UI shows the protected paths read-only with how to change them.
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Snapshot } from '../../electron/contract/views.js';
import { settingsView, snapshot } from './fixtures.js';
import { renderApp, useFakeApi } from './setup.js';

const api = useFakeApi();

const app = (canPickFiles?: boolean) => snapshot({ platform: { os: 'darwin', macos: true, mode: 'app', launchContext: 'imsg Companion.app', canOpenSettings: true, canReveal: true, loginItems: true, ...(canPickFiles === undefined ? {} : { canPickFiles }) } });
const web = snapshot({ platform: { os: 'darwin', macos: true, mode: 'headless', launchContext: 'serve started from Terminal', canOpenSettings: false, canReveal: true, loginItems: false } });
const twoAccounts = settingsView({
  accounts: [
    { accountId: 'default', keyBase: 'channels.imessage', enabled: true, cliPath: 'imsg' },
    { accountId: 'work', keyBase: 'channels.imessage.accounts.work', enabled: true, cliPath: '/usr/local/bin/imsg', dbPath: '/Users/me/work/chat.db' },
  ],
});

async function show(snap: Snapshot) {
  api().ok('status:get', snap).ok('settings:get', twoAccounts).ok('app:login-item', { supported: true, enabled: false, status: 'not-registered' });
  renderApp('settings');
  await screen.findByRole('combobox', { name: 'Direct messages' });
}

describe('cliPath file picker', () => {
  it('the Mac app shows "Choose…" per account; a pick writes through main and says "Saved"', async () => {
    await show(app(true));
    const work = screen.getByRole('group', { name: 'Account work' });
    api().ok('account:pick-cli-path', { canceled: false, cliPath: '/opt/homebrew/bin/imsg', ok: true, issues: [] }).ok('settings:get', twoAccounts);
    await userEvent.click(within(work).getByRole('button', { name: 'Choose the imsg program for account work' }));
    expect(api().inputsOf('account:pick-cli-path')).toEqual([{ accountId: 'work' }]);
    expect(within(work).getByText(/Saved/)).toBeTruthy();
    expect(screen.getAllByRole('button', { name: /^Choose the imsg program/ })).toHaveLength(2);
  });

  it('main\'s problem with the chosen file shows under the account; Cancel says nothing', async () => {
    await show(app(true));
    const work = screen.getByRole('group', { name: 'Account work' });
    const choose = within(work).getByRole('button', { name: 'Choose the imsg program for account work' });
    api().ok('account:pick-cli-path', { canceled: false, cliPath: '/tmp/notes.txt', ok: false, issues: [{ path: 'channels.imessage.accounts.work.cliPath', message: '"/tmp/notes.txt" is not executable.' }] });
    await userEvent.click(choose);
    expect(within(work).getByRole('alert').textContent).toBe('"/tmp/notes.txt" is not executable.');
    api().ok('account:pick-cli-path', { canceled: true, ok: false, issues: [] });
    await userEvent.click(choose);
    expect(within(work).queryByRole('alert')).toBeNull();
    expect(within(work).queryByText(/Saved/)).toBeNull();
  });

  it('without the capability there is no "Choose…" (the text field stays)', async () => {
    await show(app());
    expect(screen.queryByRole('button', { name: /^Choose the imsg program/ })).toBeNull();
    expect(screen.getAllByRole('textbox', { name: 'imsg program (cliPath)' })).toHaveLength(2);
  });

  it('the web UI shows the paths read-only and how to change them on the Mac', async () => {
    await show(web);
    expect(screen.queryByRole('button', { name: /^Choose/ })).toBeNull();
    expect(screen.queryByRole('textbox', { name: 'imsg program (cliPath)' })).toBeNull();
    const work = screen.getByRole('group', { name: 'Account work' });
    expect(within(work).getByText('/usr/local/bin/imsg')).toBeTruthy();
    expect(within(work).getByText('/Users/me/work/chat.db')).toBeTruthy();
    expect(within(work).getByText('imsg-companion config set channels.imessage.accounts.work.cliPath …')).toBeTruthy();
    expect(api().calls.map((c) => c.verb)).not.toContain('account:pick-cli-path');
  });
});
