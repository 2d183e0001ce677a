// settings:get data: the default account and agent, with secret-looking values masked.
import { describe, expect, it } from 'vitest';
import type { AppConfig } from '../../../electron/core/config/schema.js';
import { buildSettingsView, MASK, maskArgv, maskBackend, maskUrl } from '../../../electron/core/platform/settings-view.js';

describe('masking', () => {
  it('keeps env var names and plain values, hides secret-named keys', () => {
    expect(maskBackend({ type: 'openai', baseUrl: 'http://127.0.0.1:11434', model: 'llama3', apiKeyEnv: 'OPENAI_API_KEY', token: 'abc', nested: { password: 'p', ok: 1 } })).toEqual({
      type: 'openai',
      baseUrl: 'http://127.0.0.1:11434/',
      model: 'llama3',
      apiKeyEnv: 'OPENAI_API_KEY',
      token: MASK,
      nested: { password: MASK, ok: 1 },
    });
  });

  it('shows a secret-store reference (a name) but still hides a plain apiKey or secret value', () => {
    expect(maskBackend({ type: 'openai', apiKey: { secret: 'main-api-key' } })).toEqual({ type: 'openai', apiKey: { secret: 'main-api-key' } });
    expect(maskBackend({ type: 'webhook', secret: { secret: 'hook-webhook-secret' } })).toEqual({ type: 'webhook', secret: { secret: 'hook-webhook-secret' } });
    expect(maskBackend({ apiKey: 'sk-live', secret: 'hmac', token: { secret: 'x' } })).toEqual({ apiKey: MASK, secret: MASK, token: MASK });
  });

  it('hides URL credentials, query values and fragments', () => {
    expect(maskUrl('https://u:p@hooks.example/x?token=abc&mode=1#sig')).toBe(`https://hooks.example/x?token=${MASK}&mode=${MASK}#${MASK}`);
    expect(maskUrl('not a url')).toBe('not a url');
  });

  it('hides argv values after or inside secret-named flags', () => {
    expect(maskArgv(['bot', '--token', 'abc', '--api-key=xyz', '--model', 'm1', '-v'])).toEqual(['bot', '--token', MASK, `--api-key=${MASK}`, '--model', 'm1', '-v']);
  });
});

describe('buildSettingsView', () => {
  it('shows the default account and the default agent, masked', () => {
    const config = {
      channels: { imessage: { defaultAccount: 'Work', dmPolicy: 'allowlist', allowFrom: ['+15551234567', ' '], accounts: { work: { groupPolicy: 'open', unpairedResponse: 'silent' } } } },
      agents: { list: [{ id: 'first', backend: { type: 'echo' } }, { id: 'Hook', name: 'Hook', default: true, backend: { type: 'webhook', url: 'https://h.example/in?key=s3cret', secretEnv: 'HOOK_SECRET' } }] },
    } as unknown as AppConfig;
    const view = buildSettingsView(config, '/cfg/config.json5', true);
    expect(view).toMatchObject({
      configPath: '/cfg/config.json5',
      exists: true,
      accountId: 'work',
      dmPolicy: 'allowlist',
      groupPolicy: 'open',
      unpairedResponse: 'silent',
      allowFrom: ['+15551234567'],
      agent: { id: 'hook', name: 'Hook', backend: { type: 'webhook', url: `https://h.example/in?key=${MASK}`, secretEnv: 'HOOK_SECRET' } },
    });
    // Issue 13's Settings: every account with the key path its fields live under, every agent (masked too).
    expect(view.accounts).toEqual([{ accountId: 'work', keyBase: 'channels.imessage.accounts.work', enabled: true, cliPath: 'imsg' }]);
    expect(view.agents).toEqual([
      { index: 0, id: 'first', default: false, backend: { type: 'echo' } },
      { index: 1, id: 'Hook', name: 'Hook', default: true, backend: { type: 'webhook', url: `https://h.example/in?key=${MASK}`, secretEnv: 'HOOK_SECRET' } },
    ]);
    expect(view).toMatchObject({ groupAllowFrom: [], groups: [], mentionPatterns: [] });
    expect(JSON.stringify(view)).not.toContain('s3cret');
  });

  it('has no agent when none is configured', () => {
    const view = buildSettingsView({} as AppConfig, '/cfg/none.json5', false);
    expect(view).toMatchObject({ exists: false, accountId: 'default', dmPolicy: 'pairing', groupPolicy: 'allowlist', unpairedResponse: 'code', allowFrom: [], agent: null });
  });
});
