// Bench: the companion's own overhead, measured inside the process. imsg is the in-memory fake,
// so the time from a `message` notification to the `send` request it causes is all ours:
// inbound queue, pairing-store read, policy, journal, activity log, echo agent, chunking.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Companion } from '../../electron/core/app/companion.js';
import { MemoryImsg, type MemoryPayload } from '../core/app/memory-imsg.js';
import { percentiles } from './percentiles.js';

/** A watching Companion over {@link MemoryImsg} in `dir`, answering everyone with the echo agent. */
async function startMemoryCompanion(dir: string): Promise<{ app: Companion; imsg: MemoryImsg }> {
  await mkdir(dir, { recursive: true });
  const configPath = join(dir, 'config.json5');
  const config = { channels: { imessage: { cliPath: 'imsg', dmPolicy: 'open', allowFrom: ['*'] } }, agents: { list: [{ id: 'echo', default: true, backend: { type: 'echo' } }] } };
  await writeFile(configPath, JSON.stringify(config));
  const imsg = new MemoryImsg();
  const app = new Companion({ stateDir: dir, configPath, version: 'bench', env: process.env, supervisorOverrides: imsg.overrides(), watchConfig: false });
  await app.start();
  const deadline = Date.now() + 10_000;
  while (!imsg.watching || app.runtime('default')?.supervisor.health().state !== 'watching') {
    if (Date.now() > deadline) throw new Error('bench companion did not start watching');
    await new Promise((r) => setTimeout(r, 10));
  }
  return { app, imsg };
}

const sleepUntil = (t: number): Promise<void> => new Promise((r) => setTimeout(r, Math.max(0, t - performance.now())));

/** p50/p99 from notification to `send` request at a steady `rate` msg/s (first `warmup` not counted). */
export async function benchOverhead(dir: string, opts: { rate: number; count: number; warmup: number }): Promise<Record<string, unknown>> {
  const { app, imsg } = await startMemoryCompanion(dir);
  const sentAt = new Map<string, number>();
  imsg.onSend = (s) => sentAt.set(String(s.params.text), s.at);
  const injectedAt = new Map<string, number>();
  const started = performance.now();
  const interval = 1000 / opts.rate;
  for (let i = 0; i < opts.count; i++) {
    await sleepUntil(started + i * interval);
    const message: MemoryPayload = imsg.payload({ from: `+1555200${String(i % 50).padStart(4, '0')}`, text: `bench ${i}` });
    injectedAt.set(`bench ${i}`, performance.now());
    imsg.deliver(message);
  }
  await imsg.waitForSends(opts.count, 60_000);
  const samples: number[] = [];
  for (let i = opts.warmup; i < opts.count; i++) samples.push((sentAt.get(`bench ${i}`) as number) - (injectedAt.get(`bench ${i}`) as number));
  await app.stop();
  const p = percentiles(samples);
  return { rate: opts.rate, messages: samples.length, latencyMs: p, target: { p99Ms: 2 }, met: p.p99 <= 2 };
}

/** Messages per second for a burst of `count` notifications written at once. */
export async function benchBurst(dir: string, count: number): Promise<Record<string, unknown>> {
  const { app, imsg } = await startMemoryCompanion(dir);
  const payloads = Array.from({ length: count }, (_, i) => imsg.payload({ from: `+1555300${String(i % 100).padStart(4, '0')}`, text: `burst ${i}` }));
  // A full reply queue refuses messages (recorded as `overloaded`): count those as done, not sent.
  let dropped = 0;
  app.activity.onEntry((e) => void (e.reason === 'overloaded' && dropped++));
  const started = performance.now();
  for (const p of payloads) imsg.deliver(p);
  const deadline = Date.now() + 120_000;
  while (imsg.sends.length + dropped < count && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  const seconds = (performance.now() - started) / 1000;
  const sent = imsg.sends.length;
  await app.stop();
  const perSecond = Math.round(sent / seconds);
  return { messages: count, answered: sent, overloaded: dropped, seconds: Math.round(seconds * 1000) / 1000, perSecond, target: { perSecond: 2000 }, met: perSecond >= 2000 && sent === count };
}
