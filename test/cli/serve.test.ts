import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa, type ResultPromise } from 'execa';
import { afterEach, describe, expect, it } from 'vitest';
import { VERSION } from '../../electron/cli/version.js';
import { connectControl } from '../../electron/core/transport/control-client.js';
import { SIM_BIN } from '../helpers/bins.js';
import { simEnv } from '../sim/sim-process.js';
import { until, World } from '../e2e/serve-harness.js';
import { spawnServe } from '../e2e/serve-process.js';

let world: World | undefined;
let child: ResultPromise | undefined;
let dir: string | undefined;
afterEach(async () => {
  if (child && child.exitCode === null && child.signalCode === null) {
    child.kill('SIGKILL');
    await child.catch(() => undefined);
  }
  await world?.dispose();
  if (dir) await rm(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 50 });
  world = undefined;
  child = undefined;
  dir = undefined;
});

describe('imsg-companion serve', () => {
  it('prints an honest ready line once the account watches, activity lines as they happen, and stops on SIGTERM', async () => {
    world = await World.create({ dmPolicy: 'open', allowFrom: ['*'] });
    const serve = await world.serve();
    const pid = await world.waitWatching();
    expect(pid).toBeGreaterThan(0);
    const sock = join(world.stateDir, 'control.sock');
    expect(serve.output()).toContain(`imsg Companion ${VERSION} running (pid ${serve.pid}); Watching 1 account. Control socket: ${sock}\n`);
    world.inject({ from: '+15550000001', text: 'hello there' });
    await until(() => serve.output().includes('] reply sent +15550000001 "hello there" — 1 message sent to imessage:+15550000001'), 'the reply line');
    expect(serve.output()).toMatch(/\d\d:\d\d:\d\d \[default\] inbound dispatch \+15550000001 "hello there"\n/);
    // The Messages copy of the reply is named as ours, not as a drop.
    await until(() => serve.output().includes('] inbound copy of our reply +15550000001 "hello there"\n'), 'the copy line');
    const end = await serve.stop('SIGTERM');
    expect(end.exitCode).toBe(0);
    expect(end.output.slice(-400)).toMatch(/Stopping: finishing replies in flight…\nStopped\.\n$/);
  });

  it('rejects an unknown option with exit 2 and starts nothing', async () => {
    world = await World.create();
    const res = await world.cli(['serve', '--bogus']);
    expect(res.exitCode).toBe(2);
    expect(res.stderr).toMatch(/^imsg-companion serve: Unknown option '--bogus'/);
    expect(await world.snapshot()).toBeUndefined();
  });

  it('--demo works as its instructions say: imsg-sim inject → the pairing reply in imsg-sim outbox', async () => {
    dir = await mkdtemp(join(tmpdir(), 'serve-demo-'));
    const stateDir = join(dir, 'demo');
    const serve = await spawnServe(['--demo', '--state-dir', stateDir], simEnv({ IMSG_SIM_POLL_MS: '100' }));
    child = serve.child;
    // A message written before the first watch position is set is history, never answered.
    await until(async () => {
      const control = await connectControl(stateDir);
      const res = await control?.call('status:get', {}, 5_000);
      return res?.ok && res.data.accounts[0]?.health.state === 'watching';
    }, 'the demo account to watch', 30_000, 100);
    const dbPath = join(stateDir, 'demo-chat.db');
    expect(serve.output()).toContain(`  state dir: ${stateDir}\n`);
    expect(serve.output()).toContain(`inject --db ${dbPath} --from +15551234567 --text "hello"`);
    const inject = await execa(process.execPath, [SIM_BIN, 'inject', '--db', dbPath, '--from', '+15551234567', '--text', 'hello'], { env: simEnv(), extendEnv: false });
    expect(JSON.parse(inject.stdout)).toMatchObject({ chat_id: 1 });
    const outbox = async (): Promise<Array<{ text: string; chat_id: number }>> => {
      const res = await execa(process.execPath, [SIM_BIN, 'outbox', '--db', dbPath, '--json'], { env: simEnv(), extendEnv: false });
      return res.stdout.split('\n').filter((l) => l !== '').map((l) => JSON.parse(l) as { text: string; chat_id: number });
    };
    const rows = await until(async () => {
      const r = await outbox();
      return r.length > 0 ? r : undefined;
    }, 'the pairing reply', 20_000, 250);
    expect(rows).toHaveLength(1);
    expect(rows[0]?.text).toMatch(/^imsg Companion: access not configured\.\n\nYour iMessage sender id: \+15551234567\nAsk the bot owner to approve you with: imsg-companion pairing approve [A-Z2-9]{8}$/);
    expect((await serve.stop('SIGTERM')).exitCode).toBe(0);
  });
});
