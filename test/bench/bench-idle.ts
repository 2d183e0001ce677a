// Bench: idle cost of the app as people run it, `imsg-companion serve` with 3 accounts (each a
// real simulator process), read from /proc: CPU over the window, RSS now and at its peak (sampled
// every second, and the kernel's high-water mark since the window began).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { procMemory, resetPeak, spawnServe, stopChild, type ServeWorld, waitForTraced } from './serve-child.js';

const ACCOUNTS = ['one', 'two', 'three'];

/** CPU seconds and RSS of a process from /proc (Linux), or undefined elsewhere. */
export function procUsage(pid: number): { cpuSeconds: number; rssMb: number } | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]); // utime + stime (fields 14 and 15)
    const rssKb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]);
    return { cpuSeconds: ticks / clockTicks(), rssMb: rssKb / 1024 };
  } catch {
    return undefined;
  }
}

let ticksPerSecond: number | undefined;
function clockTicks(): number {
  ticksPerSecond ??= Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  return ticksPerSecond;
}

const round = (n: number, digits = 3): number => Math.round(n * 10 ** digits) / 10 ** digits;
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** The child pids of `pid` (Linux /proc), e.g. serve's imsg processes. */
function childrenOf(pid: number): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

/** A serve world with 3 accounts over the simulator (pairing, echo agent). */
async function idleWorld(dir: string, simBin: string): Promise<ServeWorld> {
  const { createChatDb } = await import('../sim/db-writer.js');
  await mkdir(dir, { recursive: true });
  const accounts: Record<string, unknown> = {};
  for (const id of ACCOUNTS) {
    const dbPath = join(dir, `${id}.db`);
    createChatDb(dbPath);
    accounts[id] = { dbPath };
  }
  const world = { dir, dbPath: join(dir, 'one.db'), configPath: join(dir, 'config.json5'), stateDir: join(dir, 'state'), tracePath: join(dir, 'sim-trace.jsonl') };
  const config = { channels: { imessage: { cliPath: simBin, dmPolicy: 'pairing', accounts } }, agents: { list: [{ id: 'echo', default: true, backend: { type: 'echo' } }] } };
  await writeFile(world.configPath, JSON.stringify(config));
  return world;
}

/** Run serve with 3 accounts until all watch, let start-up settle, then measure `seconds` of idling. */
export async function benchIdle(dir: string, seconds: number, simBin: string, cliBin: string): Promise<Record<string, unknown>> {
  const world = await idleWorld(join(dir, 'idle'), simBin);
  const serve = spawnServe(world, cliBin);
  const pid = serve.pid as number;
  try {
    await waitForTraced(world.tracePath, 'watch.subscribe', 0, 30_000, ACCOUNTS.length);
    await sleep(2000); // start-up work (JIT, first writes, the version run) settles
    const sims = childrenOf(pid);
    const simsBefore = sims.map(procUsage);
    const before = procUsage(pid);
    const exactPeak = await resetPeak(pid);
    const wallBefore = performance.now();
    let peakMb = procMemory(pid)?.rssMb ?? 0;
    for (let s = 0; s < seconds; s++) {
      await sleep(1000);
      peakMb = Math.max(peakMb, procMemory(pid)?.rssMb ?? 0);
    }
    const wallMs = performance.now() - wallBefore;
    const after = procUsage(pid);
    if (exactPeak) peakMb = Math.max(peakMb, procMemory(pid)?.hwmMb ?? 0);
    const cpuPercent = before && after ? round(((after.cpuSeconds - before.cpuSeconds) * 100_000) / wallMs) : null;
    const simulators = sims.map((p, i) => {
      const a = simsBefore[i];
      const b = procUsage(p);
      return a && b ? { pid: p, cpuPercent: round(((b.cpuSeconds - a.cpuSeconds) * 100_000) / wallMs), rssMb: round(b.rssMb, 1) } : { pid: p, cpuPercent: null, rssMb: null };
    });
    const companion = { cpuPercent, rssMb: round(after?.rssMb ?? 0, 1), peakRssMb: round(peakMb, 1) };
    return {
      accounts: ACCOUNTS.length,
      seconds: round(wallMs / 1000, 1),
      measured: 'imsg-companion serve (the process people run), from /proc',
      companion,
      simulators,
      target: { cpuPercent: 0.5, rssMb: 80 },
      met: { cpu: cpuPercent !== null && cpuPercent < 0.5, rss: peakMb > 0 && peakMb < 80 },
    };
  } finally {
    await stopChild(serve);
  }
}
