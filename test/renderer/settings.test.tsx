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
  await screen.findByRole('combobox', { name: 'Direct messages' });
}

const select = (name: string) => screen.getByRole('combobox', { name }) as HTMLSelectElement;

describe('Settings section', () => {
  it('shows every agent with its backend fields and tests it', async () => {
    await showSettings();
    const box = screen.getByRole('group', { name: /Assistant \(default\) · openai/ });
    expect((within(box).getByRole('textbox', { name: 'Model' }) as HTMLInputElement).value).toBe('llama3.2');
    api().ok('agents:test', { ok: true, reply: 'Hello there!', durationMs: 1200 });
    await userEvent.click(within(box).getByRole('button', { name: 'Test agent Assistant' }));
    expect(api().inputsOf('agents:test')).toEqual([{ agentId: 'main' }]);
    expect(within(box).getByRole('status').textContent).toContain('Hello there!');
  });

  it('edits a backend field by key path and says "Saved"; a refused value shows main\'s words under the field', async () => {
    await showSettings();
    const model = screen.getByRole('textbox', { name: 'Model' });
    await userEvent.clear(model);
    await userEvent.type(model, 'qwen2.5');
    api().ok('config:set', { ok: false, issues: [{ path: 'agents.list[0].backend.model', message: 'expected a model name' }] });
    await userEvent.click(screen.getByRole('button', { name: 'Save Model' }));
    expect(api().inputsOf('config:set')).toEqual([{ key: 'agents.list[0].backend.model', value: 'qwen2.5' }]);
    expect(screen.getByRole('alert').textContent).toBe('expected a model name');
    expect(model.getAttribute('aria-invalid')).toBe('true');
    api().ok('config:set', { ok: true, issues: [] }).ok('settings:get', settingsView());
    await userEvent.click(screen.getByRole('button', { name: 'Save Model' }));
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.getAllByText(/Saved/).length).toBeGreaterThan(0);
  });

  it('adds a first agent from a preset when there is none', async () => {
    await showSettings(macApp, settingsView({ agent: null, agents: [] }));
    expect(screen.getByText(/No agent yet/)).toBeTruthy();
    api().ok('config:set', { ok: true, issues: [] }).ok('settings:get', settingsView());
    await userEvent.click(screen.getByRole('button', { name: 'Add agent: Ollama (on this Mac)' }));
    expect(api().inputsOf('config:set')).toEqual([{ key: 'agents.list[0]', value: { id: 'main', default: true, backend: { type: 'openai', baseUrl: 'http://127.0.0.1:11434/v1', model: 'llama3.2' } } }]);
  });

  it('adds a validated handle to allowFrom and removes one', async () => {
    await showSettings(macApp, settingsView({ allowFrom: ['+15551234567'] }));
    const group = screen.getByRole('group', { name: 'Allowed people (allowFrom)' });
    await userEvent.type(within(group).getByRole('textbox'), 'not a number');
    await userEvent.click(within(group).getByRole('button', { name: 'Add' }));
    expect(within(group).getByRole('alert').textContent).toMatch(/is not a phone number/);
    expect(api().inputsOf('config:set')).toEqual([]);
    await userEvent.clear(within(group).getByRole('textbox'));
    await userEvent.type(within(group).getByRole('textbox'), 'mum@example.com');
    api().ok('config:set', { ok: true, issues: [] }).ok('settings:get', settingsView({ allowFrom: ['+15551234567', 'mum@example.com'] }));
    await userEvent.click(within(group).getByRole('button', { name: 'Add' }));
    expect(api().inputsOf('config:set')).toEqual([{ key: 'channels.imessage.allowFrom', value: ['+15551234567', 'mum@example.com'] }]);
    await userEvent.click(screen.getByRole('button', { name: 'Remove +15551234567' }));
    expect(api().inputsOf('config:set')[1]).toEqual({ key: 'channels.imessage.allowFrom', value: ['mum@example.com'] });
  });

  it('edits cliPath and dbPath of the account; an empty dbPath removes the key', async () => {
    const withDb = settingsView({ accounts: [{ accountId: 'default', keyBase: 'channels.imessage', enabled: true, cliPath: 'imsg', dbPath: '/tmp/chat.db' }] });
    await showSettings(macApp, withDb);
    const cli = screen.getByRole('textbox', { name: 'imsg program (cliPath)' });
    await userEvent.clear(cli);
    await userEvent.type(cli, '/opt/homebrew/bin/imsg');
    api().ok('config:set', { ok: true, issues: [] }).ok('config:unset', { ok: true, issues: [] }).ok('settings:get', withDb);
    await userEvent.click(screen.getByRole('button', { name: 'Save imsg program (cliPath)' }));
    expect(api().inputsOf('config:set')).toEqual([{ key: 'channels.imessage.cliPath', value: '/opt/homebrew/bin/imsg' }]);
    await userEvent.clear(screen.getByRole('textbox', { name: 'Messages database (dbPath)' }));
    await userEvent.click(screen.getByRole('button', { name: 'Save Messages database (dbPath)' }));
    expect(api().inputsOf('config:unset')).toEqual([{ key: 'channels.imessage.dbPath' }]);
  });

  it('toggles "needs a mention" of a group and edits mention words', async () => {
    await showSettings();
    api().ok('config:set', { ok: true, issues: [] }).ok('settings:get', settingsView());
    await userEvent.click(screen.getByRole('checkbox', { name: 'needs a mention' }));
    expect(api().inputsOf('config:set')).toEqual([{ key: 'channels.imessage.groups["*"].requireMention', value: false }]);
    const words = screen.getByRole('group', { name: 'Mention words' });
    await userEvent.type(within(words).getByRole('textbox'), 'assistant');
    await userEvent.click(within(words).getByRole('button', { name: 'Add' }));
    expect(api().inputsOf('config:set')[1]).toEqual({ key: 'messages.groupChat.mentionPatterns', value: ['@bot', 'assistant'] });
  });

  it('re-opens the setup guide', async () => {
    await showSettings();
    await userEvent.click(screen.getByRole('button', { name: 'Open the setup guide' }));
    expect(screen.getByRole('heading', { name: 'Set up imsg Companion' })).toBeTruthy();
  });

  it('shows the effective policies in labelled selects', async () => {
    await showSettings();
    expect(select('Direct messages').value).toBe('pairing');
    expect(select('Group messages').value).toBe('allowlist');
    expect(select('Unpaired response').value).toBe('code');
  });

  it('writes a policy through config:set by key path and reloads the settings', async () => {
    await showSettings();
    const loads = api().inputsOf('settings:get').length;
    api()
      .ok('config:set', { ok: true, issues: [] })
      .ok('settings:get', settingsView({ unpairedResponse: 'silent' }));
    await userEvent.selectOptions(select('Unpaired response'), 'silent');
    expect(api().inputsOf('config:set')).toEqual([{ key: 'channels.imessage.unpairedResponse', value: 'silent' }]);
    expect(select('Unpaired response').value).toBe('silent');
    expect(api().inputsOf('settings:get')).toHaveLength(loads + 1);
  });

  it('"Anyone" writes the "*" for you before dmPolicy "open"; a refusal shows under the control', async () => {
    await showSettings();
    api().ok('config:set', { ok: true, issues: [] }).ok('settings:get', settingsView({ allowFrom: ['*'] }));
    await userEvent.selectOptions(select('Direct messages'), 'open');
    expect(api().inputsOf('config:set')).toEqual([
      { key: 'channels.imessage.allowFrom', value: ['*'] },
      { key: SETTING_PATHS.dmPolicy, value: 'open' },
    ]);
    const message = 'something main refused';
    api().ok('config:set', { ok: false, issues: [{ path: 'channels.imessage.dmPolicy', message }] });
    await userEvent.selectOptions(select('Direct messages'), 'disabled');
    const dm = select('Direct messages');
    expect(dm.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByRole('alert').textContent).toBe(message);
    expect(dm.getAttribute('aria-describedby')).toContain(screen.getByRole('alert').id);
    expect(select('Group messages').getAttribute('aria-invalid')).toBeNull();
  });

  it('clears the issue after a good edit', async () => {
    await showSettings();
    api().ok('config:set', { ok: false, issues: [{ path: 'channels.imessage.allowFrom', message: 'bad' }] });
    await userEvent.selectOptions(select('Direct messages'), 'disabled');
    expect(screen.getByRole('alert')).toBeTruthy();
    api().ok('config:set', { ok: true, issues: [] }).ok('settings:get', settingsView({ dmPolicy: 'disabled' }));
    await userEvent.selectOptions(select('Direct messages'), 'disabled');
    expect(screen.queryByRole('alert')).toBeNull();
    expect(select('Direct messages').value).toBe('disabled');
  });

  it('disables the select while its write runs', async () => {
    await showSettings();
    const call = api().defer('config:set');
    await userEvent.selectOptions(select('Group messages'), 'open');
    expect(select('Group messages').disabled).toBe(true);
    await act(async () => call.resolve({ ok: true, data: { ok: false, issues: [] } }));
    expect(select('Group messages').disabled).toBe(false);
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
    expect(await screen.findByRole('combobox', { name: 'Direct messages' })).toBeTruthy();
  });
});
