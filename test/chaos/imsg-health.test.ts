// Chaos: an imsg that hangs or crashes, against `serve` (attack 8a of issue 12, and issue 11's
// "account health that heals"): health says what is wrong while it is, and heals after.
import { afterEach, expect, it } from 'vitest';
import { connectControl } from '../../electron/core/transport/control-client.js';
import type { ServeProcess } from '../e2e/serve-process.js';
import { expectAlive, expectAnsweredOnce, hostileEnv, hostileWorld, serveUnwatched, until, type World } from './chaos-world.js';

let world: World | undefined;
afterEach(async () => {
  await world?.dispose();
  world = undefined;
});

const health = async (w: World) => (await w.snapshot())?.accounts[0]?.health;

it('an imsg that hangs on every request shows the cause while starting, not a bare "Starting…"', { timeout: 60_000 }, async () => {
  world = await hostileWorld({ probeTimeoutMs: 2000 });
  const w = world;
  const serve = await serveUnwatched(w, hostileEnv('hang'));
  try {
    await hangChecks(w, serve);
  } finally {
    if (serve.child.exitCode === null) await serve.stop('SIGKILL', 5_000);
  }
});

async function hangChecks(w: World, serve: ServeProcess): Promise<void> {
  const snap = await until(async () => {
    const s = await w.snapshot();
    return s?.accounts[0]?.health.lastError ? s : undefined;
  }, 'a cause while starting', 15_000, 200);
  expect(snap.accounts[0]?.health.state).toBe('starting');
  expect(snap.overall.text).toMatch(/^Starting default: imsg didn't answer/);
  expect(snap.accounts[0]?.health.lastError?.cause.kind).toBe('contacts-wait');
  expectAlive(serve);
  const stopAt = Date.now();
  const stopped = await serve.stop('SIGTERM', 15_000);
  expect({ exitCode: stopped.exitCode, signal: stopped.signal, output: stopped.output }).toMatchObject({ exitCode: 0, signal: undefined });
  expect(stopped.output).toContain('Stopped.');
  expect(Date.now() - stopAt).toBeLessThan(8_000);
}

it('a crashed imsg that is watching again: the error becomes "last problem (recovered at …)"', { timeout: 60_000 }, async () => {
  world = await hostileWorld();
  const w = world;
  const serve = await w.serve(hostileEnv('none'));
  const pid = await w.waitWatching();
  process.kill(pid, 'SIGKILL');
  await until(async () => (await health(w))?.lastError, 'the crash to show', 10_000, 100);
  // The backoff (5 s) is skipped with the owner's "restart now".
  const control = await connectControl(w.stateDir);
  expect((await control?.call('account:restart', { accountId: 'default' }))?.ok).toBe(true);
  await until(async () => (await health(w))?.state === 'watching', 'watching again', 20_000, 100);
  const h = await health(w);
  expect(h?.lastError).toBeUndefined();
  expect(h?.lastProblem).toMatchObject({ recoveredAt: expect.any(String) });
  expect(h?.restarts).toBe(1);
  expect((await w.snapshot())?.overall.level).toBe('ok');
  expect((await w.cli(['status'])).stdout).toMatch(/last problem \(recovered at .+\): /);
  w.inject({ from: '+15550004444', text: 'after recovery' });
  await until(() => w.sentCount() >= 1, 'the reply', 20_000, 100);
  expectAlive(serve);
  await expectAnsweredOnce(w, ['after recovery']);
});
