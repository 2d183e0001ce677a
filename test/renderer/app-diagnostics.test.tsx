// @vitest-environment jsdom
// Settings → App: the notification problem main reports, and Reveal logs (app:reveal-logs).
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { settingsView, snapshot } from './fixtures.js';
import { renderApp, useFakeApi } from './setup.js';

const api = useFakeApi();
const UNSIGNED = 'This is an unsigned development build: macOS shows no notifications for it. New pairing requests and problems appear here in the menu bar instead.';

async function showSettings(platform: Record<string, unknown>) {
  const base = snapshot();
  api().ok('status:get', snapshot({ platform: { ...base.platform, ...platform } })).ok('settings:get', settingsView()).ok('app:login-item', { supported: true, enabled: false, status: 'not-registered' });
  renderApp('settings');
  await screen.findByRole('combobox', { name: 'Direct messages' });
}

describe('Settings → App diagnostics', () => {
  it('says when macOS shows no notifications', async () => {
    await showSettings({ notifications: { ok: false, problem: UNSIGNED } });
    expect(screen.getByText(`Notifications: ${UNSIGNED}`)).toBeTruthy();
  });

  it('stays quiet when notifications work', async () => {
    await showSettings({ notifications: { ok: true } });
    expect(screen.queryByText(/^Notifications:/)).toBeNull();
  });

  it('Reveal logs calls app:reveal-logs and shows why it could not', async () => {
    await showSettings({ logPath: '/Users/me/Library/Logs/imsg Companion/main.log' });
    expect(screen.getByText('/Users/me/Library/Logs/imsg Companion/main.log')).toBeTruthy();
    api().ok('app:reveal-logs', { opened: false, path: '/Users/me/Library/Logs/imsg Companion/main.log', reason: 'The file does not exist yet.' });
    await userEvent.click(screen.getByRole('button', { name: 'Reveal logs' }));
    expect(api().inputsOf('app:reveal-logs')).toEqual([{}]);
    expect(screen.getByRole('alert').textContent).toBe('The file does not exist yet.');
  });
});
