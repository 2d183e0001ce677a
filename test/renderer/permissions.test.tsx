// @vitest-environment jsdom
// Permissions section: rows from the snapshot, each button's verb, re-checks while visible, non-macOS.
import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { RECHECK_MS } from '../../renderer/src/sections/permissions/permissions-section.js';
import { permission, snapshot } from './fixtures.js';
import { renderApp, useFakeApi } from './setup.js';

const api = useFakeApi();

const automation = permission({
  id: 'automation',
  status: 'not-determined',
  title: 'Automation (Messages)',
  summary: 'macOS has not asked yet whether imsg Companion may control Messages.',
  steps: ['Press Request access.', 'Choose OK in the macOS prompt.'],
  actions: ['request-access', 'open-messages', 'open-settings', 'relaunch'],
  settingsPane: 'automation',
});
const imsg = permission({ id: 'imsg-binary', status: 'granted', title: 'imsg binary', summary: 'imsg 0.5.1 found at /opt/homebrew/bin/imsg', steps: [], actions: ['reveal-imsg'] });

async function showRows(rows = [permission(), automation, imsg]) {
  api().ok('status:get', snapshot({ permissions: rows })).ok('permissions:check', { permissions: rows });
  renderApp('permissions');
  await screen.findAllByRole('heading', { name: 'Full Disk Access' });
}

const row = (title: string) => screen.getByRole('listitem', { name: title });

describe('Permissions section', () => {
  it('renders status, who needs the grant and the numbered fix', async () => {
    await showRows();
    const fda = row('Full Disk Access');
    expect(within(fda).getByText('Denied')).toBeTruthy();
    expect(within(fda).getByText('imsg Companion.app')).toBeTruthy();
    const steps = within(fda).getByRole('list', { name: 'How to fix Full Disk Access' });
    expect(within(steps).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'Open System Settings → Privacy & Security → Full Disk Access.',
      'Turn on imsg Companion.',
      'Come back and press Check again.',
    ]);
    expect(within(row('Automation (Messages)')).getByText('Not asked yet')).toBeTruthy();
    const ok = row('imsg binary');
    expect(within(ok).getByText('Granted')).toBeTruthy();
    expect(within(ok).queryByRole('list')).toBeNull();
  });

  it('offers Relaunch where the row asks for it: it calls app:relaunch, and a headless run says why not', async () => {
    await showRows();
    expect(within(row('Automation (Messages)')).getAllByRole('button').map((b) => b.textContent)).toEqual(['Request access', 'Open Messages', 'Open Settings', 'Relaunch']);
    api().ok('app:relaunch', { relaunching: false, reason: 'Only the menu-bar app can relaunch itself.' });
    await userEvent.click(screen.getByRole('button', { name: 'Relaunch for Automation (Messages)' }));
    expect(api().inputsOf('app:relaunch')).toEqual([{}]);
    expect(within(row('Automation (Messages)')).getByRole('alert').textContent).toBe('Only the menu-bar app can relaunch itself.');
    api().ok('app:relaunch', { relaunching: true });
    await userEvent.click(screen.getByRole('button', { name: 'Relaunch for Automation (Messages)' }));
    expect(within(row('Automation (Messages)')).queryByRole('alert')).toBeNull();
  });

  it('calls the right verb with the right input for every button', async () => {
    await showRows();
    api()
      .ok('shell:open-settings', { opened: true, url: 'x-apple.systempreferences:com.apple.preference.security?Privacy_AllFiles' })
      .ok('shell:reveal', { opened: true, path: '/Applications/imsg Companion.app' })
      .ok('shell:open-messages', { opened: true })
      .ok('permissions:request-automation', { permission: { ...automation, status: 'granted', actions: [], steps: [] } });
    const click = (name: string) => userEvent.click(screen.getByRole('button', { name }));
    await click('Open Settings for Full Disk Access');
    await click('Reveal app for Full Disk Access');
    await click('Check again for Full Disk Access');
    await click('Open Messages for Automation (Messages)');
    await click('Open Settings for Automation (Messages)');
    await click('Reveal imsg for imsg binary');
    await click('Request access for Automation (Messages)');
    expect(api().inputsOf('shell:open-settings')).toEqual([{ pane: 'full-disk-access' }, { pane: 'automation' }]);
    expect(api().inputsOf('shell:reveal')).toEqual([{ target: 'app' }, { target: 'imsg', accountId: 'default' }]);
    expect(api().inputsOf('permissions:check')).toContainEqual({ accountId: 'default' });
    expect(api().inputsOf('shell:open-messages')).toEqual([{}]);
    expect(api().inputsOf('permissions:request-automation')).toEqual([{ accountId: 'default' }]);
    // The prompt's answer replaces the row at once.
    expect(within(row('Automation (Messages)')).getByText('Granted')).toBeTruthy();
  });

  it('shows why a shell action could not open anything, on the row', async () => {
    await showRows();
    api().ok('shell:open-settings', { opened: false, url: '', reason: 'System Settings only opens on the Mac running imsg Companion.' });
    await userEvent.click(screen.getByRole('button', { name: 'Open Settings for Full Disk Access' }));
    expect(within(row('Full Disk Access')).getByRole('alert').textContent).toBe('System Settings only opens on the Mac running imsg Companion.');
  });

  it('shows a failed call inline and keeps the button usable', async () => {
    await showRows();
    api().fail('permissions:check', 'probe timed out');
    const button = screen.getByRole('button', { name: 'Check again for Full Disk Access' });
    await userEvent.click(button);
    expect(within(row('Full Disk Access')).getByRole('alert').textContent).toBe('probe timed out');
    expect((button as HTMLButtonElement).disabled).toBe(false);
  });

  it('disables a button while its call runs', async () => {
    await showRows();
    const call = api().defer('shell:reveal');
    await userEvent.click(screen.getByRole('button', { name: 'Reveal app for Full Disk Access' }));
    const busy = screen.getByRole('button', { name: 'Reveal app for Full Disk Access' }) as HTMLButtonElement;
    expect(busy.disabled).toBe(true);
    expect(busy.textContent).toBe('Reveal app…');
    await act(async () => call.resolve({ ok: true, data: { opened: true, path: '/Applications/imsg Companion.app' } }));
    expect(busy.disabled).toBe(false);
  });

  it('re-checks on open, when the popover becomes visible again, and every few seconds while visible', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    await showRows();
    expect(api().inputsOf('permissions:check')).toEqual([{}]);
    await act(async () => vi.advanceTimersByTime(RECHECK_MS));
    expect(api().inputsOf('permissions:check')).toHaveLength(2);

    const visibility = vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('hidden');
    act(() => void document.dispatchEvent(new Event('visibilitychange')));
    await act(async () => vi.advanceTimersByTime(RECHECK_MS * 3));
    expect(api().inputsOf('permissions:check')).toHaveLength(2);

    visibility.mockReturnValue('visible');
    await act(async () => void document.dispatchEvent(new Event('visibilitychange')));
    expect(api().inputsOf('permissions:check')).toHaveLength(3);
    visibility.mockRestore();
  });

  it('applies a fresh check to the rows', async () => {
    const granted = permission({ status: 'granted', summary: 'chat.db is readable.', steps: [], actions: ['check-again'] });
    api().ok('status:get', snapshot()).ok('permissions:check', { permissions: [granted] });
    renderApp('permissions');
    expect(await screen.findByText('chat.db is readable.')).toBeTruthy();
    expect(within(row('Full Disk Access')).getByText('Granted')).toBeTruthy();
  });

  it('groups rows per account and names the buttons with the account', async () => {
    const rows = [permission(), permission({ accountId: 'work' })];
    await showRows(rows);
    expect(screen.getByRole('heading', { name: 'Account default' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Account work' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Check again for Full Disk Access (work)' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Check again for Full Disk Access (default)' })).toBeTruthy();
  });

  it('is calm off macOS: "not applicable here" with the reason, no fix steps, no polling', async () => {
    const na = permission({ status: 'not-applicable', summary: 'Full Disk Access is a macOS setting; this is Linux.', steps: [], actions: [] });
    api().ok('status:get', snapshot({ permissions: [na], platform: { os: 'linux', macos: false, mode: 'headless', launchContext: 'serve started from a shell', canOpenSettings: false, canReveal: false, loginItems: false } }));
    renderApp('permissions');
    const fda = await screen.findByRole('listitem', { name: 'Full Disk Access' });
    expect(within(fda).getByText('Not applicable here')).toBeTruthy();
    expect(within(fda).getByText('Full Disk Access is a macOS setting; this is Linux.')).toBeTruthy();
    expect(screen.getByText(/nothing to grant on linux/)).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
    expect(document.querySelector('.badge-error')).toBeNull();
    expect(api().inputsOf('permissions:check')).toEqual([]);
  });

  it('says so when there are no checks yet', async () => {
    api().ok('status:get', snapshot({ permissions: [] })).ok('permissions:check', { permissions: [] });
    renderApp('permissions');
    expect(await screen.findByText('No checks yet')).toBeTruthy();
  });
});
