// Chaos through the real CLI: 1,000 allowed messages while the imsg child is SIGKILLed 10 times.
// Every inbound message must be answered exactly once (the echo reply repeats its unique text).
import { afterEach, expect, it } from 'vitest';
import { connectControl } from '../../electron/core/transport/control-client.js';
import { until, World } from './serve-harness.js';
import { rng } from '../helpers/rng.js';

let world: World | undefined;
afterEach(async () => {
  await world?.dispose();
  world = undefined;
});

it('answers 1,000 messages exactly once across 10 SIGKILLs of imsg', { timeout: 120_000 }, async () => {
  const seed = Number(process.env.CHAOS_SEED ?? Math.floor(Math.random() * 1e9));
  const random = rng(seed);
  world = await World.create({ dmPolicy: 'open', allowFrom: ['*'] });
  const w = world;
  const serve = await w.serve();
  const control = await connectControl(w.stateDir);
  if (!control) throw new Error('no control socket');

  // §10's loop limiter suppresses a conversation after 5 of the bot's own rows within 60 s, so
  // each of 200 senders writes 5 times: every message is allowed, and must be answered.
  const senders = Array.from({ length: 200 }, (_, i) => `+1555100${String(i).padStart(4, '0')}`);
  const remaining = new Map(senders.map((s) => [s, 5]));
  const total = 1000;
  const killAt = new Set<number>();
  while (killAt.size < 10) killAt.add(20 + Math.floor(random() * (total - 40)));
  const texts: string[] = [];
  const guids: string[] = [];
  let kills = 0;
  for (let i = 0; i < total; i++) {
    const open = [...remaining.keys()];
    const from = open[Math.floor(random() * open.length)] as string;
    const left = (remaining.get(from) ?? 1) - 1;
    if (left === 0) remaining.delete(from);
    else remaining.set(from, left);
    const text = `chaos ${i} from ${from}`;
    texts.push(text);
    guids.push(w.inject({ from, text }).guid);
    if (killAt.has(i)) {
      await w.waitWatching();
      const status = await w.cli(['status', '--json']);
      const pid = (JSON.parse(status.stdout) as { accounts: Array<{ health: { pid?: number } }> }).accounts[0]?.health.pid;
      if (pid === undefined) throw new Error(`no imsg pid in status (seed ${seed}): ${status.stdout}`);
      process.kill(pid, 'SIGKILL');
      kills++;
      // The supervisor notices on its own; the product backoff (5 s doubling) is skipped with the
      // app's own "restart now" verb so ten kills fit in the test budget.
      await until(async () => (await w.snapshot())?.accounts[0]?.health.pid !== pid, `the kill to be noticed (seed ${seed})`);
      const restarted = await control.call('account:restart', { accountId: 'default' });
      expect(restarted.ok).toBe(true);
    }
    if (random() < 0.1) await new Promise((r) => setTimeout(r, Math.floor(random() * 20)));
  }
  // On a timeout the assertions below say which replies are missing and why.
  await until(() => w.sentCount() >= total, `${total} replies`, 60_000, 200).catch(() => undefined);
  await until(async () => (await w.snapshot())?.accounts[0]?.health.queued === 0, 'the inbound queue to drain');
  await new Promise((r) => setTimeout(r, 1500)); // a late duplicate would show up now

  expect(kills).toBe(10);
  const snap = await w.snapshot();
  expect(snap?.accounts[0]?.health.restarts).toBeGreaterThanOrEqual(10);
  const replies = (await w.outbox()).map((r) => r.text);
  const counts = new Map<string, number>();
  for (const t of replies) counts.set(t, (counts.get(t) ?? 0) + 1);
  const doubled = [...counts].filter(([, n]) => n > 1).map(([t]) => t);
  const activity = await w.activity();
  const why = new Map<string, number>();
  for (const [i, t] of texts.entries()) {
    if (counts.has(t)) continue;
    const trail = activity.filter((e) => e.guid === guids[i] && e.kind !== 'inbound').map((e) => `${e.kind}: ${e.detail ?? ''}`.replace(/\+?\d+/g, 'N'));
    const key = trail.join(' | ') || 'no reply attempt recorded';
    why.set(key, (why.get(key) ?? 0) + 1);
  }
  expect({ seed, doubled, lost: [...why] }).toEqual({ seed, doubled: [], lost: [] });
  expect(replies).toHaveLength(total);
  // Each inbound message was decided exactly once, and every decision was to answer.
  const decisions = activity.filter((e) => e.kind === 'inbound' && e.guid !== undefined && guids.includes(e.guid));
  expect(decisions.map((e) => e.guid).sort()).toEqual([...guids].sort());
  expect(decisions.filter((e) => e.decision !== 'dispatch')).toEqual([]);
  const end = await serve.stop('SIGTERM');
  expect(end.exitCode).toBe(0);
});
