// Bench: idle cost of a companion with 3 accounts, each a real simulator process. It runs in a
// child process of its own (the bench's earlier allocations would distort RSS), which reports
// its own process.cpuUsage()/memoryUsage() and, from /proc, its simulators'.
import { execFileSync, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Companion } from '../../electron/core/app/companion.js';

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

/** Child side: run the companion for `seconds` once every account watches, then print JSON. */
export async function idleWorker(dir: string, seconds: number, simBin: string): Promise<void> {
  const { createChatDb } = await import('../sim/db-writer.js');
  const accounts: Record<string, unknown> = {};
  for (const id of ACCOUNTS) {
    const dbPath = join(dir, `${id}.db`);
    createChatDb(dbPath);
    accounts[id] = { dbPath };
  }
  const configPath = join(dir, 'config.json5');
  const config = { channels: { imessage: { cliPath: simBin, dmPolicy: 'pairing', accounts } }, agents: { list: [{ id: 'echo', default: true, backend: { type: 'echo' } }] } };
  await writeFile(configPath, JSON.stringify(config));
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('IMSG_')));
  const app = new Companion({ stateDir: join(dir, 'state'), configPath, version: 'bench', env });
  await app.start();
  const deadline = Date.now() + 30_000;
  while (ACCOUNTS.some((id) => app.runtime(id)?.supervisor.health().state !== 'watching')) {
    if (Date.now() > deadline) throw new Error('idle bench: accounts did not start watching');
    await new Promise((r) => setTimeout(r, 100));
  }
  await new Promise((r) => setTimeout(r, 2000)); // let start-up work (JIT, first writes) settle
  const pids = ACCOUNTS.map((id) => app.runtime(id)?.supervisor.health().pid as number);
  const simsBefore = pids.map(procUsage);
  const cpuBefore = process.cpuUsage();
  const wallBefore = performance.now();
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 5000);
  await new Promise((r) => setTimeout(r, seconds * 1000));
  clearInterval(sampler);
  const cpu = process.cpuUsage(cpuBefore);
  const wallMs = performance.now() - wallBefore;
  const rss = process.memoryUsage().rss;
  peakRss = Math.max(peakRss, rss);
  const simsAfter = pids.map(procUsage);
  const sims = pids.map((pid, i) => {
    const a = simsBefore[i];
    const b = simsAfter[i];
    return a && b ? { pid, cpuPercent: round(((b.cpuSeconds - a.cpuSeconds) * 100_000) / wallMs), rssMb: round(b.rssMb, 1) } : { pid, cpuPercent: null, rssMb: null };
  });
  await app.stop();
  const cpuPercent = round(((cpu.user + cpu.system) / 1000 / wallMs) * 100);
  process.stdout.write(`${JSON.stringify({ accounts: ACCOUNTS.length, seconds: round(wallMs / 1000, 1), companion: { cpuPercent, rssMb: round(rss / 1048576, 1), peakRssMb: round(peakRss / 1048576, 1) }, simulators: sims })}\n`);
}

/** Parent side: run {@link idleWorker} in a fresh `node <bench> --idle-worker` process. */
export async function benchIdle(dir: string, seconds: number, benchScript: string): Promise<Record<string, unknown>> {
  const workDir = join(dir, 'idle');
  await mkdir(workDir, { recursive: true });
  const child = spawn(process.execPath, [benchScript, '--idle-worker', workDir, String(seconds)], { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.on('data', (c: Buffer) => (out += c.toString('utf8')));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  if (code !== 0) throw new Error(`idle worker exited with ${code}: ${out}`);
  const result = JSON.parse(out.trim().split('\n').pop() ?? '{}') as { companion: { cpuPercent: number; peakRssMb: number } };
  return {
    ...result,
    target: { cpuPercent: 0.5, rssMb: 80 },
    met: { cpu: result.companion.cpuPercent < 0.5, rss: result.companion.peakRssMb < 80 },
  };
}
