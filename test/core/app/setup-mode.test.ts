// Setup mode: no config file (or none valid yet) runs no account; a valid config written later
// starts them live; a later invalid one keeps the last good config; deleting the file stops them.
import { mkdtemp, rm, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Companion } from '../../../electron/core/app/companion.js';
import { MemoryImsg } from './memory-imsg.js';
import { until } from '../../helpers/until.js';

const VALID = { channels: { imessage: { cliPath: 'imsg', dmPolicy: 'open', allowFrom: ['*'] } }, agents: { list: [{ id: 'echo', default: true, backend: { type: 'echo' } }] } };

let app: Companion | undefined;
let dir: string | undefined;

afterEach(async () => {
  await app?.stop();
  app = undefined;
  if (dir) await rm(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 50 });
  dir = undefined;
});

async function start(): Promise<{ app: Companion; imsg: MemoryImsg; configPath: string }> {
  dir = await mkdtemp(join(tmpdir(), 'setup-mode-'));
  const configPath = join(dir, 'config.json5');
  const imsg = new MemoryImsg();
  app = new Companion({ stateDir: dir, configPath, version: 'test', env: process.env, supervisorOverrides: imsg.overrides() });
  await app.start();
  return { app, imsg, configPath };
}

describe('setup mode', () => {
  it('runs no account without a config file and says so in the snapshot', async () => {
    const { app: a, imsg, configPath } = await start();
    const s = await a.snapshot();
    expect(s.setup).toEqual({ needed: true, reason: `no config at ${configPath}`, configPath });
    expect(s.overall).toEqual({ level: 'setup', text: `Not set up: no config at ${configPath}; run \`imsg-companion init\` or open the app` });
    expect(s.accounts).toEqual([]);
    expect(a.runtime('default')).toBeUndefined();
    await new Promise((r) => setTimeout(r, 200));
    expect(imsg.runs).toBe(0);
    expect(a.activity.list({ limit: 10 }).some((e) => e.kind === 'system' && /setup mode: no config at/.test(e.detail ?? ''))).toBe(true);
  });

  it('an invalid first config is setup mode too; a valid one starts the account live; a later invalid one keeps it', async () => {
    const { app: a, imsg, configPath } = await start();
    await writeFile(configPath, '{ channels: { imessage: { dmPolicy: "sometimes" } } }');
    await until(async () => (await a.snapshot()).setup?.reason.includes('not valid yet'), 'the invalid first config to be seen');
    const s = await a.snapshot();
    expect(s.overall.level).toBe('setup');
    expect(s.setup?.reason).toMatch(/channels\.imessage\.dmPolicy/);
    expect(imsg.runs).toBe(0);

    await writeFile(configPath, JSON.stringify(VALID));
    await until(() => imsg.watching && a.runtime('default')?.supervisor.health().state === 'watching', 'the account to start');
    const running = await a.snapshot();
    expect(running.setup).toEqual({ needed: false, reason: '', configPath });
    expect(running.overall.level).not.toBe('setup');
    imsg.inject({ from: '+15550001111', text: 'hi' });
    await imsg.waitForSends(1);

    await writeFile(configPath, '{ channels: { imessage: { dmPolicy: "sometimes" } } }');
    await until(async () => !(await a.snapshot()).config.ok, 'the bad config to be reported');
    const kept = await a.snapshot();
    expect(kept.setup?.needed).toBe(false);
    expect(kept.overall.level).toBe('error');
    expect(a.runtime('default')).toBeDefined();
  });

  it('deleting the config file stops the accounts (back to setup mode)', async () => {
    const { app: a, imsg, configPath } = await start();
    await writeFile(configPath, JSON.stringify(VALID));
    await until(() => imsg.watching, 'the account to start');
    await unlink(configPath);
    await until(() => a.runtime('default') === undefined && !imsg.watching, 'the account to stop');
    expect((await a.snapshot()).overall.level).toBe('setup');
    const system = a.activity.list({ limit: 20 }).filter((e) => e.kind === 'system').map((e) => e.detail);
    expect(system).toEqual(expect.arrayContaining([`config ${configPath} loaded: set up, starting the accounts`, `setup mode: no config at ${configPath}; every account stops`]));
  });
});
