// Chaos: a stuck command agent with grandchildren, hostile sender handles on the terminal, and a
// control socket that refuses another user (attacks 4, 6 and 8b of issue 12).
import { chmod, copyFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { execa } from 'execa';
import { afterEach, expect, it } from 'vitest';
import { CLI_BIN } from '../helpers/bins.js';
import { expectAlive, until, World } from './chaos-world.js';

let world: World | undefined;
afterEach(async () => {
  await world?.dispose();
  world = undefined;
});

/** Pids of processes whose command line is exactly `sleep <seconds>` (read-only: pgrep). */
async function sleepers(seconds: string): Promise<number[]> {
  const res = await execa('pgrep', ['-x', '-f', `sleep ${seconds}`], { reject: false });
  return String(res.stdout).split('\n').filter((p) => /^\d+$/.test(p)).map(Number);
}

// Under a full suite's load this stop takes 4.5–5.5 s; execa's default forceKillAfterDelay (5 s)
// used to SIGKILL serve in the harness then, which looked like serve dying by a signal. The
// harness now leaves the kill to `stop`'s own timeout (serve-process.ts), so no retry is needed.
it('a command agent that times out leaves no grandchildren, and serve stops quickly while one runs', { timeout: 60_000 }, async () => {
  // Durations unique to this run: leftovers of another run (or another checkout's run of this
  // test on the same machine) are never counted as ours.
  const run = String(Math.floor(Math.random() * 1e6)).padStart(6, '0');
  const [outer, inner] = [`3141.${run}`, `3142.${run}`];
  const agents = { list: [{ id: 'stuck', default: true, backend: { type: 'command', argv: ['bash', '-c', `trap "" TERM; sleep ${outer} & sleep ${inner}`], timeoutMs: 1500 } }] };
  world = await World.create({ dmPolicy: 'open', allowFrom: ['*'] }, { agents });
  const w = world;
  const serve = await w.serve();
  const m = w.inject({ from: '+15558880001', text: 'will time out' });
  await until(async () => (await sleepers(outer)).length > 0, 'the agent and its grandchild to run', 20_000, 100);
  // Each timed-out call (retried with backoff) takes its whole group with it before the retry
  // starts: the TERM-trapping group is gone (KILL after the grace) while serve runs on, and at no
  // time is more than one group's two sleeps alive.
  let most = 0;
  const count = async (): Promise<number> => {
    const n = (await sleepers(outer)).length + (await sleepers(inner)).length;
    most = Math.max(most, n);
    return n;
  };
  await until(async () => (await count()) === 0, 'the timed-out group gone', 15_000, 100);
  expectAlive(serve);
  await until(async () => (await count()) > 0, 'the retry to run', 20_000, 100);
  await until(async () => (await count()) === 0, 'the retried group gone', 15_000, 100);
  expect(most).toBeGreaterThan(0);
  expect(most).toBeLessThanOrEqual(2);
  expect(m.guid).toBeTruthy();
  expectAlive(serve);

  // Stop while a call runs: serve is gone within the agent's timeout plus a bounded grace.
  await until(async () => (await sleepers(inner)).length > 0, 'a call to run', 20_000, 100);
  const stopAt = Date.now();
  const stopped = await serve.stop('SIGTERM', 30_000);
  expect({ exitCode: stopped.exitCode, signal: stopped.signal, tail: stopped.output.slice(-600) }).toMatchObject({ exitCode: 0 });
  expect(stopped.output).toContain('Stopped.');
  expect(Date.now() - stopAt).toBeLessThan(10_000);
  await until(async () => (await sleepers(outer)).length + (await sleepers(inner)).length === 0, 'no grandchild after the stop', 10_000, 100);
});

it('hostile sender handles and texts never reach the terminal raw: serve lines and `pairing list` stay one line per record', { timeout: 60_000 }, async () => {
  world = await World.create({ dmPolicy: 'pairing' });
  const w = world;
  const serve = await w.serve();
  const evil = 'evil\u001b]52;c;SGVsbG8=\u0007\r\n00:00:00 [default] inbound dispatch FORGED@x.com';
  w.inject({ from: evil, text: 'hi\u001b[2J\u009b31m there' });
  await until(async () => (await w.activity()).some((e) => e.kind === 'pairing'), 'the pairing request', 20_000, 100);
  await until(() => serve.output().includes('pairing'), 'serve to print it', 10_000, 100);
  const printed = serve.output();
   
  expect(printed).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
  expect(printed.split('\n').filter((l) => l.startsWith('00:00:00 [default] inbound dispatch FORGED'))).toEqual([]);
  expect(printed).toContain('\\e]52;c;SGVsbG8=\\x07\\r\\n');
  const list = await w.cli(['pairing', 'list']);
  expect(list.exitCode).toBe(0);
   
  expect(list.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
  // One request, one row (handles are compared lower-cased, so the stored id is too).
  expect(list.stdout.split('\n').filter((l) => l.toLowerCase().includes('forged'))).toHaveLength(1);
  expect(list.stdout).toContain('evil\\e]52;c;');
  expectAlive(serve);
});

it('status run by a user the control socket refuses says the app runs, not "not running"', { timeout: 60_000 }, async () => {
  world = await World.create({ dmPolicy: 'open', allowFrom: ['*'] });
  const w = world;
  const serve = await w.serve();
  // nobody (65534) may not enter the owner's 0700 state dir: connect() fails with EACCES. The CLI
  // (self-contained) runs from a copy nobody can read, wherever this checkout lives (a 0700 temp dir, say).
  const bin = await mkdtemp(join(tmpdir(), 'cli-for-nobody-'));
  await chmod(bin, 0o755);
  for (const file of ['imsg-companion.js', 'imsg-companion-main.cjs']) await copyFile(join(dirname(CLI_BIN), file), join(bin, file));
  await writeFile(join(bin, 'package.json'), '{"type":"module"}\n');
  const res = await execa(process.execPath, [join(bin, 'imsg-companion.js'), 'status', '--config', w.configPath, '--state-dir', w.stateDir], { env: w.env({ HOME: '/tmp' }), extendEnv: false, reject: false, uid: 65534, gid: 65534 });
  await rm(bin, { recursive: true, force: true });
  expect(res.stdout).toContain('imsg Companion is running, but you may not talk to it');
  expect(res.stdout).not.toContain('not running');
  expect(res.exitCode).toBe(1);
  expectAlive(serve);
});
