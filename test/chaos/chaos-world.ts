// Shared pieces of the chaos suite: a World whose imsg is the hostile proxy, and the checks every
// attack ends with (serve alive, each allowed message answered exactly once).
import { resolve } from 'node:path';
import { expect } from 'vitest';
import { ROOT, SIM_BIN } from '../helpers/bins.js';
import { type ServeProcess, World } from '../e2e/serve-harness.js';
import { startServeChild } from '../e2e/serve-process.js';
import { until } from '../helpers/until.js';

export { until, World } from '../e2e/serve-harness.js';
export type { ServeProcess } from '../e2e/serve-harness.js';

/** The hostile `imsg` (see its header for the modes). */
export const HOSTILE_BIN = resolve(ROOT, 'test/chaos/hostile-imsg.mjs');

/** The environment that makes the proxy misbehave as `mode` says (the sim does the real work). */
export function hostileEnv(mode: string, extra: Record<string, string> = {}): Record<string, string> {
  return { HOSTILE_MODE: mode, HOSTILE_SIM_BIN: SIM_BIN, ...extra };
}

/** A World with open DMs, answered by the echo agent, whose imsg is the hostile proxy. */
export function hostileWorld(channel: Record<string, unknown> = {}, extra: Record<string, unknown> = {}): Promise<World> {
  return World.create({ cliPath: HOSTILE_BIN, dmPolicy: 'open', allowFrom: ['*'], ...channel }, extra);
}

/** serve is still running (no crash). */
export function expectAlive(serve: ServeProcess): void {
  expect({ exitCode: serve.child.exitCode, signal: serve.child.signalCode, output: serve.child.exitCode === null ? '' : serve.output() }).toEqual({ exitCode: null, signal: null, output: '' });
}

/** Every text of `texts` was sent exactly once (the echo agent repeats each message's text). */
export async function expectAnsweredOnce(w: World, texts: readonly string[]): Promise<void> {
  const sent = (await w.outbox()).map((r) => r.text);
  const counts = Object.fromEntries(texts.map((t) => [t, sent.filter((s) => s === t).length]));
  expect(counts).toEqual(Object.fromEntries(texts.map((t) => [t, 1])));
}

/**
 * Start serve and resolve once its control socket answers, without waiting for the account to
 * watch (it may never) or for the ready line (printed once starting settles); the caller stops it.
 */
export async function serveUnwatched(w: World, env: Record<string, string>): Promise<ServeProcess> {
  const proc = startServeChild(['--config', w.configPath, '--state-dir', w.stateDir], w.env(env));
  await until(async () => proc.child.exitCode !== null || (await w.snapshot()) !== undefined, 'the control socket', 30_000, 100);
  if (proc.child.exitCode !== null) throw new Error(`serve exited early:\n${proc.output()}`);
  return proc;
}
