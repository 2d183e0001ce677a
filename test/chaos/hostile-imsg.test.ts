// Chaos: a hostile imsg against `serve` (attacks 2, 3 and 7 of issue 12).
// Each ends with: no crash, no storm, each allowed message answered exactly once, health honest.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { connectControl } from '../../electron/core/transport/control-client.js';
import { expectAlive, expectAnsweredOnce, hostileEnv, hostileWorld, until, type World } from './chaos-world.js';

let world: World | undefined;
afterEach(async () => {
  await world?.dispose();
  world = undefined;
});

const health = async (w: World) => (await w.snapshot())?.accounts[0]?.health;

it('an id-less error every second: bounded resubscribes, status answers, the reply goes out, SIGTERM is quick', { timeout: 60_000 }, async () => {
  world = await hostileWorld();
  const w = world;
  const log = join(w.dir, 'subscribes.log');
  const serve = await w.serve(hostileEnv('error-storm', { HOSTILE_LOG: log }));
  const startedAt = Date.now();
  await new Promise((r) => setTimeout(r, 8_000));
  const m = w.inject({ from: '+15550001111', text: 'storm reply' });
  await until(() => w.sentCount() >= 1, 'the reply during the storm', 20_000, 100);
  const status = await w.cli(['status', '--json']);
  expect(JSON.parse(status.stdout)).toMatchObject({ running: true });
  const subscribes = (await readFile(log, 'utf8')).trim().split('\n').length;
  const seconds = (Date.now() - startedAt) / 1000;
  // 1 s doubling: about log2(seconds) + 1 (the doubling storm sent thousands per second).
  expect(subscribes, `${subscribes} subscribes in ${seconds} s`).toBeLessThanOrEqual(6);
  expectAlive(serve);
  await expectAnsweredOnce(w, ['storm reply']);
  expect(m.guid).toBeTruthy();
  const stopAt = Date.now();
  const stopped = await serve.stop('SIGTERM', 15_000);
  expect(stopped.exitCode).toBe(0);
  expect(Date.now() - stopAt).toBeLessThan(5_000);
});

it('a payload nested 6,000 levels deep is refused once with a reason; later messages are answered once', { timeout: 60_000 }, async () => {
  world = await hostileWorld();
  const w = world;
  const serve = await w.serve(hostileEnv('deep'));
  w.inject({ from: '+15550002222', text: 'DEEP payload' });
  w.inject({ from: '+15550002222', text: 'after deep' });
  await until(() => w.sentCount() >= 1, 'the reply after the deep payload', 20_000, 100);
  await w.waitWatching();
  await new Promise((r) => setTimeout(r, 1500)); // a late (tripled) answer would show now
  expectAlive(serve);
  await expectAnsweredOnce(w, ['after deep']);
  expect((await w.outbox()).map((r) => r.text)).not.toContain('DEEP payload');
  expect((await health(w))?.protocolErrors).toBeGreaterThanOrEqual(1);
  const recorded = (await w.activity()).find((e) => e.kind === 'system' && e.detail?.includes('nested deeper than'));
  expect(recorded?.detail).toContain('imsg protocol error');
});

it('bad ids are recorded and counted, never move the cursor; protocol errors are counted; the account keeps answering', { timeout: 60_000 }, async () => {
  world = await hostileWorld();
  const w = world;
  const serve = await w.serve(hostileEnv('invalid'));
  const bad = ['1e308', '-1', '0', '2.5', '"7"', 'missing'];
  for (const id of bad) w.inject({ from: '+15550003333', text: `BADID:${id}` });
  w.inject({ from: '+15550003333', text: 'good one' });
  await until(() => w.sentCount() >= 1, 'the good reply', 20_000, 100);
  await until(async () => (await health(w))?.invalidPayloads === bad.length, 'every bad id counted', 10_000, 100);
  const h = await health(w);
  // The 10 MB line, the non-JSON line and the unknown response id.
  expect(h?.protocolErrors).toBeGreaterThanOrEqual(3);
  expect(h?.cursor).toBeLessThan(1_000_000);
  const state = JSON.parse(await readFile(join(w.stateDir, 'accounts', 'default', 'watch-state.json'), 'utf8')) as { cursor: number };
  expect(state.cursor).toBeLessThan(1_000_000);
  const invalid = (await w.activity()).filter((e) => e.reason === 'invalid payload');
  expect(invalid).toHaveLength(bad.length);
  expect(invalid.map((e) => e.detail).join(' ')).toContain('1e+308');
  const text = await w.cli(['status']);
  expect(text.stdout).toContain(`${bad.length} invalid message payload(s)`);
  // A resubscription after a restart still gets new rows (the cursor was never poisoned).
  const control = await connectControl(w.stateDir);
  const pid = await w.waitWatching();
  expect((await control?.call('account:restart', { accountId: 'default' }))?.ok).toBe(true);
  await until(async () => (await health(w))?.pid !== pid && (await health(w))?.state === 'watching', 'the restart');
  w.inject({ from: '+15550003333', text: 'after restart' });
  await until(() => w.sentCount() >= 2, 'the reply after the restart', 20_000, 100);
  expectAlive(serve);
  await expectAnsweredOnce(w, ['good one', 'after restart']);
  // A restart the owner asked for is not a crash.
  expect((await health(w))?.restarts).toBe(0);
});
