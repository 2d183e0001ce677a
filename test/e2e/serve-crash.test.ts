// Crashes of the companion itself (serve SIGKILLed mid-stream, then started again): every
// allowed message is answered exactly once — the journal and the watch cursor agree.
import { afterEach, expect, it } from 'vitest';
import { rng } from '../helpers/rng.js';
import { until, World } from './serve-harness.js';

let world: World | undefined;
afterEach(async () => {
  await world?.dispose();
  world = undefined;
});

it('answers 600 messages exactly once across 5 SIGKILLs of serve itself', { timeout: 180_000 }, async () => {
  const seed = Number(process.env.CHAOS_SEED ?? Math.floor(Math.random() * 1e9));
  const random = rng(seed);
  world = await World.create({ dmPolicy: 'open', allowFrom: ['*'] });
  const w = world;
  let serve = await w.serve();
  await w.waitWatching();
  // Five messages per sender: the §10 loop limiter (5 own rows a minute) never pauses a chat.
  const senders = Array.from({ length: 120 }, (_, i) => `+1555200${String(i).padStart(4, '0')}`);
  const total = 600;
  const killAt = new Set<number>();
  while (killAt.size < 5) killAt.add(50 + Math.floor(random() * (total - 100)));
  const texts: string[] = [];
  const guids: string[] = [];
  for (let i = 0; i < total; i++) {
    const from = senders[i % senders.length] as string;
    const text = `crash ${i} from ${from}`;
    texts.push(text);
    guids.push(w.inject({ from, text }).guid);
    if (killAt.has(i)) {
      // Mid-stream: messages are being decided, journaled and answered right now.
      await new Promise((r) => setTimeout(r, Math.floor(random() * 30)));
      await serve.stop('SIGKILL');
      serve = await w.serve();
    } else if (random() < 0.2) {
      await new Promise((r) => setTimeout(r, Math.floor(random() * 5)));
    }
  }
  await until(() => w.sentCount() >= total, `${total} replies (seed ${seed})`, 60_000, 200).catch(() => undefined);
  await new Promise((r) => setTimeout(r, 1500)); // a late duplicate would show up now
  const replies = (await w.outbox()).map((r) => r.text);
  const counts = new Map<string, number>();
  for (const t of replies) counts.set(t, (counts.get(t) ?? 0) + 1);
  const doubled = [...counts].filter(([, n]) => n > 1).map(([t]) => t);
  const missing = texts.filter((t) => !counts.has(t));
  // On a failure, each bad message's trail in the activity log says what happened to it.
  const activity = await w.activity();
  const trail = (t: string) => `${t}: ${activity.filter((e) => e.guid === guids[texts.indexOf(t)] || e.preview === t).map((e) => `${e.kind}/${e.decision ?? ''}/${e.detail ?? ''}`).join(' | ')}`;
  expect({ seed, doubled: doubled.map(trail), missing: missing.map(trail) }).toEqual({ seed, doubled: [], missing: [] });
  expect((await serve.stop('SIGTERM')).exitCode).toBe(0);
});
