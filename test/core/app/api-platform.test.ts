// The platform verbs through dispatchVerb: targets and panes are names, paths/URLs are decided main-side.
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ContractHandlers } from '../../../electron/contract/channels.js';
import { dispatchVerb } from '../../../electron/contract/dispatch.js';
import type { PermissionView } from '../../../electron/contract/permissions.js';
import { NO_RELAUNCH, platformHandlers } from '../../../electron/core/app/api-platform.js';
import type { PermissionsPort } from '../../../electron/core/app/permissions-port.js';
import { resolveAccounts } from '../../../electron/core/config/accounts.js';
import type { AppConfig } from '../../../electron/core/config/schema.js';
import { fakePlatform } from '../platform/fake-platform.js';

let dir: string;
let imsg: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'api-platform-'));
  imsg = join(dir, 'imsg');
  await writeFile(imsg, '#!/bin/sh\necho 0.9.0\n');
  await chmod(imsg, 0o755);
  await writeFile(join(dir, 'config.json5'), '{}');
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function setup() {
  const platform = fakePlatform();
  const permissionCalls: Array<[string, string | undefined]> = [];
  const fakeRow = (accountId: string): PermissionView => ({ id: 'automation', accountId, status: 'granted', title: 'Automation', summary: 'ok', steps: [], actions: [], checkedAt: 'now' });
  const permissions: PermissionsPort = {
    current: () => [],
    check: async (accountId) => {
      permissionCalls.push(['check', accountId]);
      return [fakeRow(accountId ?? 'default')];
    },
    requestAutomation: async (accountId) => {
      permissionCalls.push(['request', accountId]);
      return fakeRow(accountId);
    },
  };
  const config = {
    channels: { imessage: { cliPath: imsg, accounts: { default: {}, missing: { cliPath: join(dir, 'nope') }, off: { enabled: false } } } },
    agents: { list: [{ id: 'a', backend: { type: 'openai', baseUrl: 'http://127.0.0.1:11434', model: 'm', apiKeyEnv: 'OPENAI_KEY' } }] },
  } as unknown as AppConfig;
  const deps = { permissions, platform, configPath: join(dir, 'config.json5'), stateDir: join(dir, 'state'), accounts: () => resolveAccounts(config), config: () => config, env: { PATH: '' } };
  const handlers = platformHandlers(deps);
  const call = (verb: string, input: unknown) => dispatchVerb(handlers as ContractHandlers, verb, input);
  return { platform, permissionCalls, handlers, call, deps };
}

describe('shell:reveal', () => {
  it.each([
    ['app', '/Applications/imsg Companion.app'],
    ['config', 'config.json5'],
    ['state-dir', 'state'],
  ])('%s reveals the path the main side decides', async (target, expected) => {
    const t = setup();
    const result = await t.call('shell:reveal', { target });
    const path = expected.startsWith('/') ? expected : join(dir, expected);
    expect(result).toEqual({ ok: true, data: { opened: true, path } });
    expect(t.platform.calls).toEqual([{ op: 'reveal', arg: path }]);
  });

  it("imsg reveals the account's resolved binary, or explains it is missing", async () => {
    const t = setup();
    expect(await t.call('shell:reveal', { target: 'imsg', accountId: 'default' })).toEqual({ ok: true, data: { opened: true, path: imsg } });
    expect(await t.call('shell:reveal', { target: 'imsg', accountId: 'missing' })).toMatchObject({ ok: true, data: { opened: false, reason: expect.stringContaining("wasn't found") } });
    expect(await t.call('shell:reveal', { target: 'imsg', accountId: 'ghost' })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(t.platform.calls).toEqual([{ op: 'reveal', arg: imsg }]);
  });

  it('never takes a path from the request', async () => {
    const t = setup();
    expect(await t.call('shell:reveal', { target: 'app', path: '/etc/passwd' })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(await t.call('shell:reveal', { target: '/etc/passwd' })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    // Called directly (no schema in front), the handler still refuses an unknown target.
    await expect(t.handlers['shell:reveal']({ target: '../x' as never })).rejects.toThrow('Unknown reveal target');
    expect(t.platform.calls).toEqual([]);
  });
});

describe('shell:open-settings and shell:open-messages', () => {
  it('passes an allowlisted pane name, never a URL', async () => {
    const t = setup();
    expect(await t.call('shell:open-settings', { pane: 'automation' })).toEqual({ ok: true, data: { opened: true, url: 'fake:automation' } });
    expect(await t.call('shell:open-settings', { pane: 'x-apple.systempreferences:evil' })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(await t.call('shell:open-settings', { pane: 'automation', url: 'https://evil.example' })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    await expect(t.handlers['shell:open-settings']({ pane: 'constructor' as never })).rejects.toThrow('Unknown System Settings pane');
    expect(await t.call('shell:open-messages', {})).toEqual({ ok: true, data: { opened: true } });
    expect(t.platform.calls).toEqual([{ op: 'openSettings', arg: 'automation' }, { op: 'openMessages' }]);
  });
});

describe('permissions verbs', () => {
  it('check and request-automation reach the service for enabled accounts only', async () => {
    const t = setup();
    expect(await t.call('permissions:check', {})).toMatchObject({ ok: true, data: { permissions: [{ accountId: 'default' }] } });
    expect(await t.call('permissions:check', { accountId: 'Default' })).toMatchObject({ ok: true });
    expect(await t.call('permissions:request-automation', { accountId: 'default' })).toMatchObject({ ok: true, data: { permission: { id: 'automation' } } });
    expect(await t.call('permissions:check', { accountId: 'off' })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(await t.call('permissions:request-automation', { accountId: 'ghost' })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(t.permissionCalls).toEqual([['check', undefined], ['check', 'Default'], ['request', 'default']]);
  });
});

describe('settings:get and app:login-item', () => {
  it('builds the settings view from the config, env var names only', async () => {
    const t = setup();
    const result = await t.call('settings:get', {});
    expect(result).toMatchObject({ ok: true, data: { configPath: join(dir, 'config.json5'), exists: true, accountId: 'default', agent: { id: 'a', backend: { apiKeyEnv: 'OPENAI_KEY' } } } });
  });

  it('app:relaunch: headless (no relaunch in the platform) says so and what to do; the app delegates', async () => {
    const t = setup();
    expect(await t.call('app:relaunch', {})).toEqual({ ok: true, data: { relaunching: false, reason: NO_RELAUNCH } });
    expect(NO_RELAUNCH).toContain('restart imsg-companion serve');
    let relaunched = 0;
    const withRelaunch = platformHandlers({ ...t.deps, platform: { ...t.platform, relaunch: () => (relaunched++, { relaunching: true }) } });
    expect(await dispatchVerb(withRelaunch as ContractHandlers, 'app:relaunch', {})).toEqual({ ok: true, data: { relaunching: true } });
    expect(await dispatchVerb(withRelaunch as ContractHandlers, 'app:relaunch', { now: true })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(relaunched).toBe(1);
  });

  it('passes the login item wish to the platform', async () => {
    const t = setup();
    expect(await t.call('app:login-item', { enabled: true })).toEqual({ ok: true, data: { supported: true, enabled: true, status: 'enabled' } });
    expect(t.platform.calls).toEqual([{ op: 'loginItem', arg: true }]);
  });
});
