// Chaos: 1,000 messages while the simulator is SIGKILLed 10 times at random points.
// The consumer must see every message exactly once, in order per chat.
import { afterEach, expect, it } from 'vitest';
import { createSimAccount, type SimAccount } from '../../helpers/sim-account.js';
import { until } from './supervisor-fake-client.js';
import { rng } from '../../helpers/rng.js';

let acct: SimAccount | undefined;
afterEach(async () => {
  await acct?.dispose();
  acct = undefined;
});

it('delivers 1,000 messages exactly once, in order per chat, across 10 SIGKILLs', { timeout: 120_000 }, async () => {
  const seed = Number(process.env.CHAOS_SEED ?? Math.floor(Math.random() * 1e9));
  const random = rng(seed);
  acct = await createSimAccount();
  const a = acct;
  const senders = ['+15550000001', '+15550000002', '+15550000003', 'friend@example.com', '+15550000005'];
  for (const s of senders) a.inject({ from: s, text: 'history that must not be answered' });
  a.supervisor.start();
  await until(() => a.supervisor.health().state === 'watching', 20_000, 'watching');

  const total = 1000;
  const killAt = new Set<number>();
  while (killAt.size < 10) killAt.add(20 + Math.floor(random() * (total - 40)));
  const injected: Array<{ guid: string; chat_id: number; id: number }> = [];
  let kills = 0;
  for (let i = 0; i < total; i++) {
    const from = senders[Math.floor(random() * senders.length)] as string;
    injected.push(a.inject({ from, text: `chaos ${i} from ${from}` }));
    if (killAt.has(i)) {
      const pid = await until(() => a.supervisor.health().pid, 20_000, `a child to kill (seed ${seed})`);
      process.kill(pid, 'SIGKILL');
      kills++;
      await until(() => a.supervisor.health().pid !== pid, 20_000, 'the kill to be noticed');
    }
    if (random() < 0.1) await new Promise((r) => setTimeout(r, Math.floor(random() * 5)));
  }
  await until(() => a.received.length >= total, 90_000, `all ${total} messages (seed ${seed}, got ${a.received.length})`);
  await a.supervisor.idle();
  await new Promise((r) => setTimeout(r, 500)); // anything replayed late would show up now

  expect(kills).toBe(10);
  expect(a.supervisor.health().restarts).toBeGreaterThanOrEqual(10);
  const guids = a.received.map((m) => m.guid);
  expect(new Set(guids).size, `duplicates (seed ${seed})`).toBe(guids.length);
  expect(guids.length).toBe(total);
  expect(new Set(guids)).toEqual(new Set(injected.map((m) => m.guid)));
  const lastIdPerChat = new Map<number, number>();
  for (const m of a.received) {
    const prev = lastIdPerChat.get(m.chat_id as number) ?? 0;
    expect(m.id, `order in chat ${m.chat_id} (seed ${seed})`).toBeGreaterThan(prev);
    lastIdPerChat.set(m.chat_id as number, m.id);
  }
});
