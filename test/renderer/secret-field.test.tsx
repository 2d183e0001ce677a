// @vitest-environment jsdom
// The API key / webhook secret field (Settings agent editor and the guide's agent step): the value
// goes to secret:set only, the config gets {secret: NAME}, and a stored key shows as stored, never its value.
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { agentSecretName } from '../../renderer/src/actions/secret-actions.js';
import { settingsView, snapshot } from './fixtures.js';
import { renderApp, useFakeApi } from './setup.js';

const api = useFakeApi();
const KEY = 'sk-test-0123456789';
const openai = (apiKey?: unknown) =>
  settingsView({ agents: [{ index: 0, id: 'main', name: 'Assistant', default: true, backend: { type: 'openai', baseUrl: 'https://api.openai.com/v1', model: 'gpt-4o-mini', ...(apiKey ? { apiKey } : {}) } }] });

async function showSettings(view = openai(), names: string[] = []) {
  api().ok('status:get', snapshot()).ok('settings:get', view).ok('app:login-item', { supported: true, enabled: false, status: 'not-registered' }).ok('secret:list', { names });
  renderApp('settings');
  return screen.findByLabelText('API key');
}

describe('API key field', () => {
  it('stores the typed key with secret:set, then writes only {secret: NAME} to the config', async () => {
    const input = (await showSettings()) as HTMLInputElement;
    expect(input.type).toBe('password');
    api().ok('secret:set', { name: 'main-api-key' }).ok('config:set', { ok: true, issues: [] }).ok('settings:get', openai({ secret: 'main-api-key' })).ok('secret:list', { names: ['main-api-key'] });
    await userEvent.type(input, KEY);
    await userEvent.click(screen.getByRole('button', { name: 'Save API key' }));
    expect(api().inputsOf('secret:set')).toEqual([{ name: 'main-api-key', value: KEY }]);
    expect(api().inputsOf('config:set')).toEqual([{ key: 'agents.list[0].backend.apiKey', value: { secret: 'main-api-key' } }]);
    expect(api().calls.map((c) => c.verb).filter((v) => v === 'secret:set' || v === 'config:set')).toEqual(['secret:set', 'config:set']);
    expect(await screen.findByText(/Stored in the secret store/)).toBeTruthy();
    expect(input.value).toBe('');
    expect(document.body.innerHTML).not.toContain(KEY);
    // The env-var alternative stays.
    expect(screen.getByRole('textbox', { name: 'API key variable' })).toBeTruthy();
  });

  it('says "Stored in the secret store" for a referenced name the store has, and replaces it under that name', async () => {
    await showSettings(openai({ secret: 'OPENAI' }), ['OPENAI']);
    expect(await screen.findByText(/Stored in the secret store/)).toBeTruthy();
    api().ok('secret:set', { name: 'OPENAI' }).ok('config:set', { ok: true, issues: [] });
    await userEvent.type(screen.getByLabelText('API key'), 'new-key');
    await userEvent.click(screen.getByRole('button', { name: 'Save API key' }));
    expect(api().inputsOf('secret:set')).toEqual([{ name: 'OPENAI', value: 'new-key' }]);
  });

  it('says when the referenced name is missing from the store', async () => {
    await showSettings(openai({ secret: 'OPENAI' }), []);
    expect(await screen.findByText(/The secret store has no “OPENAI” yet/)).toBeTruthy();
    expect(screen.queryByText(/Stored in the secret store/)).toBeNull();
  });

  it('writes no config when the store refuses, and shows why', async () => {
    await showSettings();
    api().fail('secret:set', 'secret:set: could not store main-api-key in the macOS Keychain: locked');
    await userEvent.type(screen.getByLabelText('API key'), KEY);
    await userEvent.click(screen.getByRole('button', { name: 'Save API key' }));
    expect(api().inputsOf('config:set')).toEqual([]);
    expect((await screen.findByRole('alert')).textContent).toContain('locked');
  });

  it('in the guide, stores a webhook secret as <agentId>-webhook-secret', async () => {
    const hook = settingsView({ exists: false, agents: [{ index: 0, id: 'hook', default: true, backend: { type: 'webhook', url: 'http://127.0.0.1:8787/reply' } }] });
    const setup = snapshot({ overall: { level: 'setup', text: 'Not set up' }, setup: { needed: true, reason: 'no config file', configPath: '/tmp/c.json5' } });
    api().ok('status:get', setup).ok('settings:get', hook).ok('messages:list', { messages: [] }).ok('secret:list', { names: [] });
    renderApp();
    const step = (await screen.findAllByRole('listitem', { name: /Choose who answers/ }))[0] as HTMLElement;
    api().ok('secret:set', { name: 'hook-webhook-secret' }).ok('config:set', { ok: true, issues: [] });
    await userEvent.type(within(step).getByLabelText('Webhook secret'), 'hmac-value');
    await userEvent.click(within(step).getByRole('button', { name: 'Save Webhook secret' }));
    expect(api().inputsOf('secret:set')).toEqual([{ name: 'hook-webhook-secret', value: 'hmac-value' }]);
    expect(api().inputsOf('config:set')).toEqual([{ key: 'agents.list[0].backend.secret', value: { secret: 'hook-webhook-secret' } }]);
  });

  it('derives a valid secret name from any agent id', () => {
    expect(agentSecretName('main', 'apiKey')).toBe('main-api-key');
    expect(agentSecretName('9 lives/π', 'apiKey')).toBe('_9_lives__-api-key');
    expect(agentSecretName('x'.repeat(80), 'secret')).toMatch(/^x+-webhook-secret$/);
    expect(agentSecretName('x'.repeat(80), 'secret').length).toBe(64);
  });
});
