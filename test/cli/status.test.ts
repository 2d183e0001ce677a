import { mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { StatusReport } from '../../electron/cli/status-format.js';
import { watchStateFile } from '../../electron/core/imsg/cursor-store.js';
import { PairingStore } from '../../electron/core/pairing/store.js';
import { World } from '../e2e/serve-harness.js';

let world: World | undefined;
afterEach(async () => {
  await world?.dispose();
  world = undefined;
});

describe('imsg-companion status', () => {
  it('offline: reads the config and the state dir (saved cursor, pending pairings) and says it is not running', async () => {
    world = await World.create({ accounts: { default: {}, work: { enabled: false } } });
    const w = world;
    const file = watchStateFile(w.stateDir, 'default');
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, JSON.stringify({ version: 1, cursor: 42, seen: [] }));
    await new PairingStore({ stateDir: w.stateDir }).upsertRequest({ accountId: 'default', senderId: '+15550000001' });

    const res = await w.cli(['status', '--json']);
    expect(res).toMatchObject({ exitCode: 0, stderr: '' });
    const report = JSON.parse(res.stdout) as StatusReport;
    expect(report).toMatchObject({ running: false, overall: 'imsg Companion is not running (start it with: imsg-companion serve)', pendingPairings: 1 });
    expect(report.accounts.map((a) => [a.accountId, a.enabled, a.health.state, a.health.cursor, a.pendingPairings])).toEqual([
      ['default', true, 'stopped', 42, 1],
      ['work', false, 'stopped', null, 0],
    ]);
    const text = await w.cli(['status']);
    expect(text.stdout).toContain('default: not running\n');
    expect(text.stdout).toContain('work: disabled\n');
    expect(text.stdout).toContain('  1 pairing request(s) waiting: imsg-companion pairing list');
  });

  it('offline without a config file: not set up, with the fix, exit 1', async () => {
    world = await World.create();
    await rm(world.configPath);
    const res = await world.cli(['status']);
    expect(res).toMatchObject({ exitCode: 1, stdout: `Not set up: no config at ${world.configPath}; run \`imsg-companion init\` or open the app` });
    expect(JSON.parse((await world.cli(['status', '--json'])).stdout)).toMatchObject({ running: false, accounts: [], setup: { needed: true, reason: `no config at ${world.configPath}` } });
  });

  it('with serve running: asks the app through the control socket (live state, imsg pid and version)', async () => {
    world = await World.create();
    const w = world;
    const serve = await w.serve();
    const pid = await w.waitWatching();
    const res = await w.cli(['status', '--json']);
    expect(res.exitCode).toBe(0);
    const report = JSON.parse(res.stdout) as StatusReport;
    expect(report).toMatchObject({ running: true, overall: 'Watching 1 account', pendingPairings: 0 });
    expect(report.accounts[0]?.health).toMatchObject({ state: 'watching', healthy: true, pid, imsgVersion: '0.9.0', restarts: 0 });
    expect(report.agents?.[0]?.health).toMatchObject({ state: 'ok', waiting: 0 });
    expect(report.replies).toEqual({ waiting: 0, notAnswered: 0 });
    const text = await w.cli(['status']);
    expect(text.stdout).toMatch(/^Watching 1 account\n\ndefault: watching \(healthy\)\n {2}imsg: .*imsg-sim\.js \(version 0\.9\.0\), db .*chat\.db\n {2}pid \d+, 0 restart\(s\)\n\nagent echo \(echo, default\): ok$/);
    expect((await serve.stop()).exitCode).toBe(0);
    // Once it is gone, status falls back to the files.
    expect(JSON.parse((await w.cli(['status', '--json'])).stdout)).toMatchObject({ running: false });
  });

  it('with serve running, exit 1 while the app needs its owner (a pairing request to approve), 0 once it does not', async () => {
    world = await World.create();
    const w = world;
    const serve = await w.serve();
    await w.waitWatching();
    w.inject({ from: '+15550000077', text: 'hello?' });
    const deadline = Date.now() + 15_000;
    while ((await w.snapshot())?.pairing.pending.length !== 1) {
      if (Date.now() > deadline) throw new Error('no pairing request');
      await new Promise((r) => setTimeout(r, 100));
    }
    const waiting = await w.cli(['status', '--json']);
    expect(waiting.exitCode).toBe(1);
    expect(JSON.parse(waiting.stdout)).toMatchObject({ running: true, level: 'warning', overall: '1 pairing request to approve', pendingPairings: 1 });
    const code = (await w.snapshot())?.pairing.pending[0]?.code as string;
    expect((await w.cli(['pairing', 'approve', code])).exitCode).toBe(0);
    let after = await w.cli(['status']);
    while (after.exitCode !== 0 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 100));
      after = await w.cli(['status']);
    }
    expect(after).toMatchObject({ exitCode: 0 });
    expect(after.stdout).toMatch(/^Watching 1 account\n/);
    expect((await serve.stop()).exitCode).toBe(0);
  });

  it('--probe checks imsg now: ok with the simulator, exit 1 with a missing binary', async () => {
    world = await World.create();
    const good = await world.cli(['status', '--probe', '--json']);
    expect(good.exitCode).toBe(0);
    expect((JSON.parse(good.stdout) as StatusReport).probes?.default).toMatchObject({ ok: true, version: '0.9.0', rpcSupported: true });
    await world.writeConfig({ cliPath: '/nonexistent/imsg' });
    const bad = await world.cli(['status', '--probe']);
    expect(bad.exitCode).toBe(1);
    expect(bad.stdout).toContain("  probe: FAILED: The imsg program wasn't found.\n    fix: ");
  });
});
