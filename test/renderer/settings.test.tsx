// @vitest-environment jsdom
// Settings section: read-only agent summary, policy selects through config:set with inline issues,
// start at login, Open config file, and the loading/error states.
import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { SETTING_PATHS } from '../../renderer/src/sections/settings/settings-section.js';
import { settingsView, snapshot } from './fixtures.js';
import { renderApp, useFakeApi } from './setup.js';

const api = useFakeApi();

const macApp = snapshot();
const linux = snapshot({ platform: { os: 'linux', macos: false, mode: 'headless', launchContext: 'serve started from a shell', canOpenSettings: false, canReveal: false, loginItems: false } });

async function showSettings(snap = macApp, view = settingsView()) {
  api().ok('status:get', snap).ok('settings:get', view).ok('app:login-item', { supported: true, enabled: false, status: 'not-registered' });
  renderApp('settings');
  await screen.findByRole('combobox', { name: 'DM policy' });
}

const select = (name: string) => screen.getByRole('combobox', { name }) as HTMLSelectElement;

describe('Settings section', () => {
  it('summarises the agent backend read-only', async () => {
    await showSettings();
    expect(screen.getByText('Assistant')).toBeTruthy();
    expect(screen.getByText('openai')).toBeTruthy();
    expect(screen.getByText('llama3.2')).toBeTruthy();
    expect(screen.queryByRole('textbox')).toBeNull();
  });

  it('says when no agent is configured', async () => {
    await showSettings(macApp, settingsView({ agent: null }));
    expect(screen.getByText(/No agent configured/)).toBeTruthy();
  });

  it('shows the effective policies in labelled selects', async () => {
    await showSettings();
    expect(select('DM policy').value).toBe('pairing');
    expect(select('Group policy').value).toBe('allowlist');
    expect(select('Unpaired response').value).toBe('code');
  });

  it('writes a policy through config:set by key path and reloads the settings', async () => {
    await showSettings();
    api()
      .ok('config:set', { ok: true, issues: [] })
      .ok('settings:get', settingsView({ unpairedResponse: 'silent' }));
    await userEvent.selectOptions(select('Unpaired response'), 'silent');
    expect(api().inputsOf('config:set')).toEqual([{ key: 'channels.imessage.unpairedResponse', value: 'silent' }]);
    expect(select('Unpaired response').value).toBe('silent');
    expect(api().inputsOf('settings:get')).toHaveLength(2);
  });

  it('shows the cross-field issue main returns under the control', async () => {
    await showSettings();
    const message = 'channels.imessage.dmPolicy="open" requires channels.imessage.allowFrom to include "*"';
    api().ok('config:set', { ok: false, issues: [{ path: 'channels.imessage.allowFrom', message }] });
    await userEvent.selectOptions(select('DM policy'), 'open');
    expect(api().inputsOf('config:set')).toEqual([{ key: SETTING_PATHS.dmPolicy, value: 'open' }]);
    const dm = select('DM policy');
    expect(dm.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByRole('alert').textContent).toBe(message);
    expect(dm.getAttribute('aria-describedby')).toContain(screen.getByRole('alert').id);
    // Nothing was written: the select still shows the effective value.
    expect(dm.value).toBe('pairing');
    expect(select('Group policy').getAttribute('aria-invalid')).toBeNull();
  });

  it('clears the issue after a good edit', async () => {
    await showSettings();
    api().ok('config:set', { ok: false, issues: [{ path: 'channels.imessage.allowFrom', message: 'bad' }] });
    await userEvent.selectOptions(select('DM policy'), 'allowlist');
    expect(screen.getByRole('alert')).toBeTruthy();
    api().ok('config:set', { ok: true, issues: [] }).ok('settings:get', settingsView({ dmPolicy: 'disabled' }));
    await userEvent.selectOptions(select('DM policy'), 'disabled');
    expect(screen.queryByRole('alert')).toBeNull();
    expect(select('DM policy').value).toBe('disabled');
  });

  it('disables the select while its write runs', async () => {
    await showSettings();
    const call = api().defer('config:set');
    await userEvent.selectOptions(select('Group policy'), 'open');
    expect(select('Group policy').disabled).toBe(true);
    await act(async () => call.resolve({ ok: true, data: { ok: false, issues: [] } }));
    expect(select('Group policy').disabled).toBe(false);
  });

  it('toggles start at login on the Mac app', async () => {
    await showSettings();
    const toggle = await screen.findByRole('switch', { name: 'Start at login' });
    expect(api().inputsOf('app:login-item')).toEqual([{}]);
    expect((toggle as HTMLInputElement).checked).toBe(false);
    api().ok('app:login-item', { supported: true, enabled: true, status: 'enabled' });
    await userEvent.click(toggle);
    expect(api().inputsOf('app:login-item')).toEqual([{}, { enabled: true }]);
    expect((toggle as HTMLInputElement).checked).toBe(true);
  });

  it('explains when macOS wants the login item approved', async () => {
    api().ok('status:get', macApp).ok('settings:get', settingsView()).ok('app:login-item', { supported: true, enabled: true, status: 'requires-approval' });
    renderApp('settings');
    expect(await screen.findByText(/needs you to allow imsg Companion/)).toBeTruthy();
    api().ok('shell:open-settings', { opened: true, url: 'x-apple.systempreferences:com.apple.LoginItems-Settings.extension' });
    await userEvent.click(screen.getByRole('button', { name: 'Open Login Items' }));
    expect(api().inputsOf('shell:open-settings')).toEqual([{ pane: 'login-items' }]);
  });

  it('disables start at login with the reason where login items do not exist', async () => {
    await showSettings(linux);
    const toggle = screen.getByRole('switch', { name: 'Start at login' }) as HTMLInputElement;
    expect(toggle.disabled).toBe(true);
    expect(toggle.getAttribute('aria-describedby')).toBeTruthy();
    expect(screen.getByText(/Only the menu-bar app on macOS can start at login \(serve started from a shell\)/)).toBeTruthy();
    expect(api().inputsOf('app:login-item')).toEqual([]);
  });

  it('opens the config file, and says why not when it cannot', async () => {
    await showSettings();
    api().ok('shell:reveal', { opened: false, path: '/Users/me/.imsg-companion/config.json5', reason: 'Finder is not available over the web UI.' });
    await userEvent.click(screen.getByRole('button', { name: 'Open config file' }));
    expect(api().inputsOf('shell:reveal')).toEqual([{ target: 'config' }]);
    expect(screen.getByRole('alert').textContent).toBe('Finder is not available over the web UI.');
  });

  it('lists the config file problems from the snapshot', async () => {
    await showSettings(snapshot({ config: { path: '/c.json5', ok: false, issues: [{ path: 'channels.imessage.cliPath', message: 'expected a safe executable name' }] } }));
    const alert = screen.getByRole('alert');
    expect(within(alert).getByText('channels.imessage.cliPath')).toBeTruthy();
    expect(alert.textContent).toContain('expected a safe executable name');
  });

  it('has loading and error states', async () => {
    api().ok('status:get', macApp);
    const call = api().defer('settings:get');
    renderApp('settings');
    expect(screen.getByRole('status').textContent).toContain('Loading settings');
    await act(async () => call.resolve({ ok: false, error: { code: 'failed', message: 'config unreadable' } }));
    expect(screen.getByRole('alert').textContent).toContain('config unreadable');
    api().ok('settings:get', settingsView());
    await userEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findByRole('combobox', { name: 'DM policy' })).toBeTruthy();
  });
});
