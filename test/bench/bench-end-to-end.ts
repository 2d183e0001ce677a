// Bench: messages written to chat.db by another process → handed to the supervisor's consumer.
import { join } from 'node:path';
import { ImsgSupervisor } from '../../electron/core/imsg/supervisor.js';
import { percentiles } from './percentiles.js';

/** Inject `count` messages into a live simulator and time their arrival at the consumer. */
export async function benchEndToEnd(dir: string, simBin: string, count: number): Promise<Record<string, unknown>> {
  const { injectMessage, openChatDb } = await import('../sim/db-writer.js');
  const dbPath = join(dir, 'e2e.db');
  const db = openChatDb(dbPath);
  const injectedAt = new Map<string, number>();
  const latencies: number[] = [];
  let done: () => void = () => undefined;
  const finished = new Promise<void>((r) => (done = r));
  const sup = new ImsgSupervisor({
    accountId: 'bench',
    cliPath: simBin,
    dbPath,
    stateFile: join(dir, 'e2e-state.json'),
    env: { ...process.env, IMSG_SIM_POLL_MS: '50' },
    watchParams: { debounce_ms: 10 },
    onMessage: async (m) => {
      latencies.push(performance.now() - (injectedAt.get(m.guid as string) ?? performance.now()));
      if (latencies.length === count) done();
    },
  });
  sup.start();
  while (sup.health().state !== 'watching') await new Promise((r) => setTimeout(r, 10));
  const started = performance.now();
  for (let i = 0; i < count; i++) {
    const r = injectMessage(db, { from: `+1555000${String(i % 50).padStart(4, '0')}`, text: `bench ${i}` });
    injectedAt.set(r.guid, performance.now());
    if (i % 100 === 99) await new Promise((res) => setImmediate(res));
  }
  await finished;
  const seconds = (performance.now() - started) / 1000;
  await sup.stop();
  db.close();
  return { messages: count, seconds: Math.round(seconds * 1000) / 1000, perSecond: Math.round(count / seconds), latencyMs: percentiles(latencies), note: 'includes the simulator poll debounce (10 ms) and chat.db WAL polling' };
}
