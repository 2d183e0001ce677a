// Chaos: storage attacks against `serve` (attacks 1, 5 and 8c of issue 12): a disk that fills and
// frees mid-stream (a real 1 MB tmpfs), broken pairing files, temp files a kill -9 left behind.
import { mkdir, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterEach, expect, it } from 'vitest';
import { expectAlive, expectAnsweredOnce, until, World } from './chaos-world.js';

let world: World | undefined;
let mounted: string | undefined;
afterEach(async () => {
  await world?.dispose().catch(() => undefined);
  if (mounted) await execa('umount', ['-l', mounted], { reject: false });
  mounted = undefined;
  world = undefined;
});

const OPEN = { dmPolicy: 'open', allowFrom: ['*'] };

it('a full disk mid-stream: no crash, health says "State not saved", it resumes by itself, every message answered once', { timeout: 90_000 }, async () => {
  world = await World.create(OPEN);
  const w = world;
  await mkdir(w.stateDir, { recursive: true, mode: 0o700 });
  // A real small filesystem (the test runs as root, here and in CI).
  const mount = await execa('mount', ['-t', 'tmpfs', '-o', 'size=1m,mode=0700', 'tmpfs', w.stateDir], { reject: false });
  expect(mount.exitCode, `mount a tmpfs (needs root): ${mount.stderr}`).toBe(0);
  mounted = w.stateDir;
  const serve = await w.serve();
  const texts: string[] = [];
  const send = (i: number): void => {
    const text = `disk ${i}`;
    texts.push(text);
    w.inject({ from: `+1555700${String(i % 4).padStart(4, '0')}`, text });
  };
  for (let i = 0; i < 6; i++) send(i);
  await until(() => w.sentCount() >= 6, 'the first replies', 20_000, 100);

  // Fill the disk (dd stops at ENOSPC) while a burst is being decided and journaled, then keep
  // the messages coming: records start failing while earlier ones still wait for their sync.
  const filler = join(w.stateDir, 'filler');
  for (let i = 6; i < 46; i++) send(i);
  await execa('dd', ['if=/dev/zero', `of=${filler}`, 'bs=4k'], { reject: false });
  for (let i = 46; i < 56; i++) {
    send(i);
    await new Promise((r) => setTimeout(r, 50));
  }
  const full = await until(async () => {
    expectAlive(serve); // the crash this attack used to cause: an unhandled ENOSPC rejection
    const s = await w.snapshot();
    return s?.overall.level === 'error' && s.overall.text.startsWith('State not saved') ? s : undefined;
  }, 'health to say the state is not saved', 30_000, 200);
  expect(full.storage?.problems.length).toBeGreaterThan(0);
  expect(full.storage?.problems.map((p) => p.message).join(' ')).toContain('ENOSPC');
  expectAlive(serve);

  await rm(filler);
  for (let i = 56; i < 60; i++) send(i);
  await until(() => w.sentCount() >= texts.length, `${texts.length} replies`, 45_000, 200);
  // Retries back off (at most 8 s by now): health recovers by itself.
  await until(async () => {
    const s = await w.snapshot();
    return s?.overall.level === 'ok' && (s.storage?.problems ?? []).length === 0;
  }, 'health to recover', 45_000, 250);
  await new Promise((r) => setTimeout(r, 1500)); // a late double would show now
  expectAlive(serve);
  await expectAnsweredOnce(w, texts);
  expect((await w.snapshot())?.accounts[0]?.health.queued).toBe(0);
  const stopped = await serve.stop('SIGTERM', 20_000);
  expect(stopped.exitCode).toBe(0);
});

it('broken pairing files: no fresh code for an approved sender, status names the file, answers resume once fixed', { timeout: 60_000 }, async () => {
  world = await World.create({ dmPolicy: 'pairing' });
  const w = world;
  const approved = '+15557770001';
  const file = join(w.stateDir, 'credentials', 'imessage-default-allowFrom.json');
  await mkdir(join(w.stateDir, 'credentials'), { recursive: true, mode: 0o700 });
  await writeFile(file, JSON.stringify({ version: 1, allowFrom: [approved] }));
  const serve = await w.serve();
  w.inject({ from: approved, text: 'before' });
  await until(() => w.sentCount() >= 1, 'the approved sender answered', 20_000, 100);

  for (const broken of ['{"version":1,"allowFrom":["+1', '', '{"version":1,"allowFrom":{"x":1}}']) {
    await writeFile(file, broken);
    const text = `while broken ${JSON.stringify(broken).length}`;
    const m = w.inject({ from: approved, text });
    await until(async () => (await w.activity()).find((e) => e.guid === m.guid && e.reason === 'pairing store unreadable'), 'the fail-closed drop', 20_000, 100);
    const status = await w.cli(['status']);
    expect(status.stdout).toMatch(/^State file problem: .*imessage-default-allowFrom\.json/);
    expect(status.stdout).not.toContain('(healthy)\n\n');
  }
  expect(JSON.parse((await w.cli(['pairing', 'list', '--json'])).stdout)).toEqual({ requests: [] });
  await writeFile(file, JSON.stringify({ version: 1, allowFrom: [approved] }));
  w.inject({ from: approved, text: 'after fix' });
  await until(() => w.sentCount() >= 2, 'the answer after the fix', 20_000, 100);
  await new Promise((r) => setTimeout(r, 1000));
  expectAlive(serve);
  // No pairing code ever went out; exactly the two allowed messages were answered.
  const sent = (await w.outbox()).map((r) => r.text);
  expect(sent).toEqual(['before', 'after fix']);
  expect((await w.snapshot())?.overall.level).toBe('ok');
});

it('temp files a kill -9 during `config set` left behind are removed on start', { timeout: 60_000 }, async () => {
  world = await World.create(OPEN);
  const w = world;
  const dead = 2 ** 30;
  const configDir = join(w.configPath, '..');
  const leftovers = [`.config.json5.${dead}.0123456789ab.tmp`, `.config.json5.bak.${dead}.0123456789ab.tmp`];
  for (const name of leftovers) await writeFile(join(configDir, name), 'partial');
  const lockStaging = join(configDir, 'config.json5.lock.0123456789abcdef.tmp');
  await mkdir(lockStaging);
  const old = new Date(Date.now() - 10 * 60_000);
  await utimes(lockStaging, old, old);
  await mkdir(w.stateDir, { recursive: true });
  await writeFile(join(w.stateDir, `send-intents.jsonl.${dead}.tmp`), 'partial');
  const serve = await w.serve();
  // Not counted: a write the running serve has in flight right now (its own pid in the temp name,
  // e.g. imsg-binaries.json once the version is learned after watching began).
  const left = [...(await readdir(configDir)), ...(await readdir(w.stateDir))].filter((n) => n.endsWith('.tmp') && !n.includes(`.${serve.pid}.`));
  expect(left).toEqual([]);
  expect((await w.activity()).some((e) => e.detail?.startsWith('removed 4 temp file(s)'))).toBe(true);
  expectAlive(serve);
  // And `config set` still works (its lock is free).
  expect((await w.cli(['config', 'set', 'channels.imessage.textChunkLimit', '3000'])).exitCode).toBe(0);
});
