// Bench: process start of `imsg-companion serve` to its first `watch.subscribe` (seen in the
// simulator's trace), against a bare `imsg-sim rpc` start plus one `chats.list` round trip. The
// three are measured in turns, round after round, so machine load hits them alike.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { benchEnv, makeServeWorld, median, spawnServe, stopChild, waitForTraced, type ServeWorld } from './serve-child.js';

/** Spawn the simulator's `rpc` as imsg would be, send one `chats.list`, resolve to ms until its answer. */
async function bareRoundTrip(simBin: string, dbPath: string, env: NodeJS.ProcessEnv): Promise<number> {
  const started = performance.now();
  const child = spawn(simBin, ['rpc', '--db', dbPath], { env, stdio: ['pipe', 'pipe', 'ignore'] });
  let out = '';
  const answered = new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString('utf8');
      if (out.includes('\n')) resolve();
    });
    child.once('error', reject);
    child.once('exit', () => reject(new Error(`imsg-sim rpc exited before answering: ${out}`)));
  });
  child.stdin.write(`${JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'chats.list', params: { limit: 1 } })}\n`);
  await answered;
  const ms = performance.now() - started;
  const closed = new Promise((r) => child.once('close', r));
  child.stdin.end();
  await closed;
  return ms;
}

/** ms from spawning serve to the first `watch.subscribe` it sends. */
async function serveToSubscribe(world: ServeWorld, cliBin: string, extraEnv: NodeJS.ProcessEnv = {}): Promise<number> {
  // The trace holds epoch ms (the simulator's clock is ours: same machine).
  const t0 = Date.now();
  const serve = spawnServe(world, cliBin, [], extraEnv);
  try {
    return (await waitForTraced(world.tracePath, 'watch.subscribe', t0, 30_000)) - t0;
  } finally {
    await stopChild(serve);
  }
}

/**
 * Medians of `rounds` rounds: bare rpc, a first start (empty state dir), a restart (state kept),
 * and (no target, for the record) a first start without the CLI's code cache, as right after an
 * install or upgrade, before any run left one.
 */
export async function benchStartup(dir: string, simBin: string, cliBin: string, rounds = 5): Promise<Record<string, unknown>> {
  const bare: number[] = [];
  const first: number[] = [];
  const again: number[] = [];
  const cold: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const world = await makeServeWorld(join(dir, `startup-${i}`), simBin);
    const { IMSG_SIM_TRACE: _trace, ...env } = benchEnv(world);
    bare.push(await bareRoundTrip(simBin, world.dbPath, env));
    first.push(await serveToSubscribe(world, cliBin));
    again.push(await serveToSubscribe(world, cliBin));
    const coldWorld = await makeServeWorld(join(dir, `startup-cold-${i}`), simBin);
    cold.push(await serveToSubscribe(coldWorld, cliBin, { IMSG_COMPANION_CODE_CACHE: '0' }));
  }
  const bareMs = median(bare);
  const firstMs = median(first);
  const againMs = median(again);
  const r = (n: number, d = 0): number => Math.round(n * 10 ** d) / 10 ** d;
  return {
    rounds,
    bareRpcRoundTripMs: r(bareMs),
    firstStartToSubscribeMs: r(firstMs),
    restartToSubscribeMs: r(againMs),
    firstStartWithoutCodeCacheMs: r(median(cold)),
    firstStartRatio: r(firstMs / bareMs, 2),
    restartRatio: r(againMs / bareMs, 2),
    samplesMs: { bare: bare.map((n) => r(n)), first: first.map((n) => r(n)), restart: again.map((n) => r(n)), withoutCodeCache: cold.map((n) => r(n)) },
    target: { ratio: 3 },
    met: { firstStart: firstMs / bareMs <= 3, restart: againMs / bareMs <= 3 },
  };
}
