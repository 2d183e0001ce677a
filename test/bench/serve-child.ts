// Bench helpers around a real `imsg-companion serve` process over the simulator: a world (chat.db,
// config with the echo agent, state dir), the serve child, /proc memory readings, the sim trace.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { readSimTrace } from '../sim/sim-trace.js';

/** Paths of one benchmark world. */
export interface ServeWorld {
  readonly dir: string;
  readonly dbPath: string;
  readonly configPath: string;
  readonly stateDir: string;
  readonly tracePath: string;
}

/** Create chat.db and a config (simulator as imsg, open DMs, echo agent) under `dir`. */
export async function makeServeWorld(dir: string, simBin: string): Promise<ServeWorld> {
  const { createChatDb } = await import('../sim/db-writer.js');
  await mkdir(dir, { recursive: true });
  const world = { dir, dbPath: join(dir, 'chat.db'), configPath: join(dir, 'config.json5'), stateDir: join(dir, 'state'), tracePath: join(dir, 'sim-trace.jsonl') };
  createChatDb(world.dbPath);
  const config = { channels: { imessage: { cliPath: simBin, dbPath: world.dbPath, dmPolicy: 'open', allowFrom: ['*'] } }, agents: { list: [{ id: 'echo', default: true, backend: { type: 'echo' } }] } };
  await writeFile(world.configPath, JSON.stringify(config));
  return world;
}

/** The child environment: ours minus IMSG_* (the simulator's defaults, e.g. its 5 s poll), plus the trace file. */
export function benchEnv(world: ServeWorld): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!k.startsWith('IMSG_') && k !== 'NODE_OPTIONS') env[k] = v;
  return { ...env, IMSG_SIM_TRACE: world.tracePath };
}

/** Spawn `node [nodeArgs] <cli> serve --quiet` for `world` (with `extraEnv` added). */
export function spawnServe(world: ServeWorld, cliBin: string, nodeArgs: readonly string[] = [], extraEnv: NodeJS.ProcessEnv = {}): ChildProcess {
  const args = [...nodeArgs, cliBin, 'serve', '--quiet', '--config', world.configPath, '--state-dir', world.stateDir];
  // BENCH_SERVE_STDERR=1: serve's output shows (diagnosis, e.g. BENCH_NODE_ARGS=--trace-gc).
  const child = spawn(process.execPath, args, { env: { ...benchEnv(world), ...extraEnv }, stdio: ['ignore', process.env.BENCH_SERVE_STDERR ? 'inherit' : 'ignore', 'pipe'] });
  if (process.env.BENCH_SERVE_STDERR) child.stderr?.pipe(process.stderr);
  else child.stderr?.resume();
  return child;
}

/** SIGTERM `child` and wait for it to exit (SIGKILL after 20 s). */
export async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const closed = new Promise<void>((resolve) => child.once('close', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
  await closed;
  clearTimeout(timer);
}

/** Epoch ms of the `nth` (default first) traced request `method` at or after `since`, polling until `timeoutMs`. */
export async function waitForTraced(tracePath: string, method: string, since: number, timeoutMs: number, nth = 1): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const text = await readFile(tracePath, 'utf8').catch(() => '');
    const hit = readSimTrace(text).filter((l) => l.method === method && l.t >= since)[nth - 1];
    if (hit) return hit.t;
    if (Date.now() > deadline) throw new Error(`no ${method} within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

/** VmRSS and VmHWM (peak) of `pid` in MB from /proc (Linux), or undefined. */
export function procMemory(pid: number): { rssMb: number; hwmMb: number } | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (key: string): number => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1]);
    return { rssMb: kb('VmRSS') / 1024, hwmMb: kb('VmHWM') / 1024 };
  } catch {
    return undefined;
  }
}

/** RSS of `pid` by kind of mapping (MB, Linux /proc/<pid>/smaps): V8 heap and other anonymous memory, malloc's [heap], the node binary's pages, the rest. */
export function rssBreakdown(pid: number): Record<string, number> | undefined {
  let text: string;
  try {
    text = readFileSync(`/proc/${pid}/smaps`, 'utf8');
  } catch {
    return undefined;
  }
  const kb: Record<string, number> = { anon: 0, mallocHeap: 0, nodeBinary: 0, other: 0 };
  let kind = 'other';
  for (const line of text.split('\n')) {
    const mapping = /^[0-9a-f]+-[0-9a-f]+ \S+ \S+ \S+ \S+\s*(.*)$/.exec(line);
    if (mapping) {
      const name = mapping[1] ?? '';
      kind = name === '' ? 'anon' : name === '[heap]' ? 'mallocHeap' : name === process.execPath || name.endsWith('/node') ? 'nodeBinary' : 'other';
    } else if (line.startsWith('Rss:')) {
      kb[kind] = (kb[kind] ?? 0) + Number(/(\d+)/.exec(line)?.[1] ?? 0);
    }
  }
  return Object.fromEntries(Object.entries(kb).map(([k, v]) => [k, Math.round(v / 102.4) / 10]));
}

/** Reset the kernel's peak-RSS mark of `pid` (`5` > clear_refs); false when not allowed. */
export async function resetPeak(pid: number): Promise<boolean> {
  return writeFile(`/proc/${pid}/clear_refs`, '5').then(
    () => true,
    () => false,
  );
}

/** Median of `values`. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}
