import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterEach, describe, expect, it } from 'vitest';
import { SIM_BIN } from '../helpers/bins.js';
import { until, World } from '../e2e/serve-harness.js';

let world: World | undefined;
afterEach(async () => {
  await world?.dispose();
  world = undefined;
});

/** An imsg stand-in that only records that it was started (dry runs must never start it). */
async function tripwire(w: World): Promise<{ cliPath: string; started: () => Promise<boolean> }> {
  const marks = join(w.dir, 'started');
  const cliPath = join(w.dir, 'tripwire-imsg');
  await writeFile(cliPath, `#!/bin/sh\nmkdir -p ${marks} && touch ${marks}/$$\nexec ${process.execPath} ${SIM_BIN} "$@"\n`, { mode: 0o755 });
  return { cliPath, started: async () => (await readdir(marks).catch(() => [])).length > 0 };
}

/** `imsg-sim rpc` processes using this world's chat.db. */
async function simProcesses(w: World): Promise<string[]> {
  const res = await execa('pgrep', ['-af', `rpc --db ${w.dbPath}`], { reject: false });
  return String(res.stdout).split('\n').filter((l) => l.trim() !== '');
}

describe('imsg-companion send --dry-run', () => {
  it('--json prints exactly the imsg requests, and starts no process', async () => {
    world = await World.create();
    const wire = await tripwire(world);
    await world.writeConfig({ cliPath: wire.cliPath });
    const res = await world.cli(['send', '--dry-run', '--json', '--to', '+15551234567', 'hello', 'there']);
    expect(res).toMatchObject({ exitCode: 0, stderr: '' });
    expect(res.stdout).toBe('{"account":"default","requests":[{"method":"send","params":{"text":"hello there","service":"auto","region":"US","to":"+15551234567"}}]}');
    const group = await world.cli(['send', '--dry-run', '--json', '--to', 'chat_id:42', '--', '-x']);
    expect(JSON.parse(group.stdout)).toEqual({ account: 'default', requests: [{ method: 'send', params: { text: '-x', service: 'auto', region: 'US', chat_id: 42 } }] });
    expect(await wire.started()).toBe(false);
  });

  it('splits long text exactly as replies are (textChunkLimit), one request per chunk', async () => {
    world = await World.create({ textChunkLimit: 10 });
    const res = await world.cli(['send', '--dry-run', '--json', '--to', 'chat_id:7', 'aaaa bbbb cccc dddd']);
    const doc = JSON.parse(res.stdout) as { requests: Array<{ params: { text: string } }> };
    expect(doc.requests.map((r) => r.params.text)).toEqual(['aaaa bbbb', 'cccc dddd']);
    const text = await world.cli(['send', '--dry-run', '--to', 'chat_id:7', 'aaaa bbbb cccc dddd']);
    expect(text.stdout).toBe('1. send {"text":"aaaa bbbb","service":"auto","region":"US","chat_id":7}\n2. send {"text":"cccc dddd","service":"auto","region":"US","chat_id":7}');
  });

  it('a bad target exits 2 with the target error, and starts nothing', async () => {
    world = await World.create();
    const wire = await tripwire(world);
    await world.writeConfig({ cliPath: wire.cliPath });
    const res = await world.cli(['send', '--dry-run', '--json', '--to', 'chat_id:abc', 'hi']);
    expect(res).toMatchObject({ exitCode: 2, stdout: '', stderr: 'imsg-companion send: Invalid chat_id: abc' });
    const real = await world.cli(['send', '--to', 'chat_id:abc', 'hi']);
    expect(real).toMatchObject({ exitCode: 2, stderr: 'imsg-companion send: Invalid chat_id: abc' });
    const missing = await world.cli(['send', 'hi']);
    expect(missing).toMatchObject({ exitCode: 2, stderr: 'imsg-companion send: --to TARGET is required' });
    expect(await wire.started()).toBe(false);
  });
});

describe('imsg-companion send', () => {
  it('without a running app it sends through its own short-lived imsg, which is gone afterwards', async () => {
    world = await World.create();
    const w = world;
    const res = await w.cli(['send', '--json', '--to', '+15551234567', 'from the CLI']);
    expect(res.exitCode).toBe(0);
    const out = JSON.parse(res.stdout) as { account: string; sent: number; messageIds: string[]; via: string };
    expect(out).toMatchObject({ account: 'default', sent: 1, via: 'imsg' });
    const rows = await w.outbox();
    expect(rows.map((r) => r.text)).toEqual(['from the CLI']);
    expect(out.messageIds).toEqual([rows[0]?.guid]);
    await until(async () => (await simProcesses(w)).length === 0, 'the short-lived imsg to exit', 5_000);
    const text = await w.cli(['send', '--to', '+15551234567', 'again']);
    expect(text).toMatchObject({ exitCode: 0, stdout: 'Sent 1 message to +15551234567.' });
  });

  it('with serve running it sends through the app (its imsg, its activity log)', async () => {
    world = await World.create();
    const w = world;
    const serve = await w.serve();
    const pid = await w.waitWatching();
    const res = await w.cli(['send', '--json', '--to', '+15551234567', 'through the app']);
    expect(res.exitCode).toBe(0);
    expect(JSON.parse(res.stdout)).toMatchObject({ account: 'default', sent: 1, via: 'app' });
    expect((await w.outbox()).map((r) => r.text)).toEqual(['through the app']);
    // No second imsg was started for it: the app's child is the only one.
    expect(await simProcesses(w)).toEqual([expect.stringMatching(new RegExp(`^${pid} `))]);
    await until(async () => (await w.activity()).some((e) => e.kind === 'send' && e.detail === '1 message(s) sent to +15551234567'), 'the send in the activity log');
    const text = await w.cli(['send', '--to', '+15551234567', 'twice']);
    expect(text).toMatchObject({ exitCode: 0, stdout: 'Sent 1 message to +15551234567 (through the running app).' });
    expect((await serve.stop()).exitCode).toBe(0);
  });
});
