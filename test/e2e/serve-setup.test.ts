// First run without a config: serve starts in setup mode (no account, nothing sent, status says
// "not set up" and exits non-zero); `init` writes the config, serve picks it up live, and the
// stranger's pairing code approved → their next message is answered.
import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StatusReport } from '../../electron/cli/status-format.js';
import { APPROVED_NOTE_TEXT } from '../../electron/core/pairing/reply-text.js';
import { SIM_BIN } from '../helpers/bins.js';
import { type OutboxRow, type ServeProcess, until, World } from './serve-harness.js';

const STRANGER = '+15551239876';
let world: World;
let serve: ServeProcess;

beforeAll(async () => {
  world = await World.create();
  await rm(world.configPath);
  serve = await world.serve({}, { setup: true });
}, 60_000);

afterAll(async () => {
  await world?.dispose();
});

async function outboxOf(n: number): Promise<OutboxRow[]> {
  await until(() => world.sentCount() >= n, `${n} outgoing rows`, 20_000);
  return world.outbox();
}

describe('serve without a config (setup mode)', () => {
  it('runs no account: a stranger writes and nothing is sent', async () => {
    const snapshot = await world.snapshot();
    expect(snapshot?.setup).toEqual({ needed: true, reason: `no config at ${world.configPath}`, configPath: world.configPath });
    expect(snapshot?.overall.level).toBe('setup');
    expect(snapshot?.accounts).toEqual([]);
    world.inject({ from: STRANGER, text: 'hello? anyone?' });
    // The simulator polls every 100 ms: a running account would have answered within this window.
    await new Promise((r) => setTimeout(r, 2_000));
    // Not even an explicit send goes out through the running app.
    const send = await world.cli(['send', '--to', STRANGER, 'hi from the owner']);
    expect(send.exitCode).not.toBe(0);
    expect(send.stderr).toContain(`not set up (no config at ${world.configPath}): nothing is sent`);
    expect(await world.outbox()).toEqual([]);
    expect(serve.output()).not.toMatch(/pairing/i);
  });

  it('status says not set up (with the fix) and exits non-zero', async () => {
    const text = await world.cli(['status']);
    expect(text.exitCode).toBe(1);
    expect(text.stdout).toBe(`Not set up: no config at ${world.configPath}; run \`imsg-companion init\` or open the app`);
    const json = JSON.parse((await world.cli(['status', '--json'])).stdout) as StatusReport;
    expect(json).toMatchObject({ running: true, setup: { needed: true, configPath: world.configPath }, accounts: [] });
  });

  it('init writes the config; serve starts the account live; pairing code approved → answered', async () => {
    const init = await world.cli(['init', '--cli-path', SIM_BIN, '--db-path', world.dbPath]);
    expect(init).toMatchObject({ exitCode: 0, stdout: expect.stringContaining(`Wrote ${world.configPath}`) });
    await world.waitWatching('default');
    expect((await world.snapshot())?.setup?.needed).toBe(false);
    expect((await world.cli(['status'])).exitCode).toBe(0);

    const first = world.inject({ from: STRANGER, text: 'now?' });
    const [pairing] = await outboxOf(1);
    const code = /pairing approve ([A-Z0-9]{8})$/.exec(pairing?.text ?? '')?.[1] ?? '';
    expect(code).not.toBe('');
    expect(pairing?.chat_id).toBe(first.chat_id);
    expect(await world.cli(['pairing', 'approve', code])).toMatchObject({ exitCode: 0 });

    // The approval note (pairing.notifyApproved defaults to true) goes out before the first answer.
    await outboxOf(2);
    world.inject({ from: STRANGER, text: 'approved, hi' });
    const rows = await outboxOf(3);
    expect(rows.map((r) => r.text)).toEqual([pairing?.text, APPROVED_NOTE_TEXT, 'echo: approved, hi']);
    // The message written while not set up was never answered, and nothing else went out.
    await new Promise((r) => setTimeout(r, 500));
    expect(world.sentCount()).toBe(3);
  });
});
