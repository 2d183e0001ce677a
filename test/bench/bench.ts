// `npm run bench`: prints JSON numbers for the imsg client, the supervisor over the simulator, and
// the companion itself (own overhead, burst throughput, idle cost), each with its target.
// `--quick` shortens the idle window from 60 s to 10 s (local runs; CI uses the default).
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { tuneV8ForAllDay } from '../../electron/core/app/v8-flags.js';
import { ImsgClient } from '../../electron/core/imsg/rpc-client.js';
import { benchBurst, benchOverhead } from './bench-companion.js';
import { benchEndToEnd } from './bench-end-to-end.js';
import { benchIdle } from './bench-idle.js';
import { benchServeBurst } from './bench-serve-burst.js';
import { benchStartup } from './bench-startup.js';
import { percentiles } from './percentiles.js';

const SIM_BIN = resolve(process.argv[1] ?? '', '../../bin/imsg-sim.js');
// `BENCH_CLI=<path>`: measure another build's CLI (e.g. main's, for a before/after) with this harness.
const CLI_BIN = process.env.BENCH_CLI ?? resolve(process.argv[1] ?? '', '../../bin/imsg-companion.js');

/**
 * Diagnosis of the serve burst: `BENCH_HEAPSNAPSHOT=<dir>` writes heap snapshots of serve there
 * at idle, half-way and at the end; `BENCH_NODE_ARGS` passes node flags to serve (e.g. --cpu-prof).
 */
function serveDiagnosis(): { nodeArgs?: string[]; probe?: (pid: number) => Promise<void> } {
  const nodeArgs = process.env.BENCH_NODE_ARGS ? process.env.BENCH_NODE_ARGS.split(' ') : [];
  const dir = process.env.BENCH_HEAPSNAPSHOT;
  if (!dir) return { nodeArgs };
  // Writing a snapshot stops serve for a while: give it that time before measuring on.
  const probe = async (pid: number): Promise<void> => {
    process.kill(pid, 'SIGUSR2');
    await new Promise((r) => setTimeout(r, 3000));
  };
  return { nodeArgs: [...nodeArgs, '--heapsnapshot-signal=SIGUSR2', `--diagnostic-dir=${dir}`], probe };
}

/** A fake `imsg rpc` that answers watch.subscribe, then writes `count` notifications as fast as it can. */
function blasterSource(count: number): string {
  return `#!/usr/bin/env node
const msg = (i) => JSON.stringify({ jsonrpc: '2.0', method: 'message', params: { subscription: 1, message: {
  id: i, chat_id: 1, guid: 'G' + i, sender: '+15550001111', is_from_me: false, text: 'hello number ' + i + ' \\u00e9\\u2028 ok',
  created_at: '2026-11-21T10:00:00.000Z', attachments: [], reactions: [], chat_identifier: '+15550001111',
  chat_guid: 'iMessage;-;+15550001111', chat_name: '', participants: ['+15550001111'], is_group: false } } }) + '\\n';
let buf = '';
process.stdin.on('data', (d) => {
  buf += d;
  const nl = buf.indexOf('\\n');
  if (nl < 0) return;
  const req = JSON.parse(buf.slice(0, nl));
  buf = buf.slice(nl + 1);
  process.stdout.write(JSON.stringify({ jsonrpc: '2.0', id: req.id, result: { subscription: 1 } }) + '\\n');
  let i = 1;
  const pump = () => {
    while (i <= ${count}) {
      let chunk = '';
      for (let k = 0; k < 500 && i <= ${count}; k++) chunk += msg(i++);
      if (!process.stdout.write(chunk)) return process.stdout.once('drain', pump);
    }
  };
  pump();
});
process.stdin.on('end', () => process.exit(0));
`;
}

async function benchNotifications(dir: string, count: number): Promise<Record<string, number>> {
  const script = join(dir, 'blaster.js');
  await writeFile(script, blasterSource(count), { mode: 0o755 });
  const client = new ImsgClient({ cliPath: script });
  await client.start();
  let received = 0;
  let done: () => void = () => undefined;
  const finished = new Promise<void>((r) => (done = r));
  const started = performance.now();
  await client.subscribe({}, { onMessage: () => ++received === count && done(), onError: () => undefined });
  await finished;
  const seconds = (performance.now() - started) / 1000;
  await client.stop();
  return { messages: count, seconds: round(seconds), perSecond: Math.round(count / seconds) };
}

async function benchRoundTrip(dir: string, count: number): Promise<Record<string, number>> {
  const dbPath = join(dir, 'rt.db');
  const { createChatDb, injectMessage, openChatDb } = await import('../sim/db-writer.js');
  createChatDb(dbPath);
  const db = openChatDb(dbPath);
  injectMessage(db, { from: '+15550001111', text: 'hi' });
  db.close();
  const client = new ImsgClient({ cliPath: SIM_BIN, dbPath });
  await client.start();
  await client.request('chats.list', { limit: 1 });
  const samples: number[] = [];
  for (let i = 0; i < count; i++) {
    const t = performance.now();
    await client.request('chats.list', { limit: 1 });
    samples.push(performance.now() - t);
  }
  await client.stop();
  return { requests: count, ...percentiles(samples) };
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}

// The in-process benches (client, companion) measure code that runs in the app's process: give
// this one the same V8 settings as the app and serve (v8-flags.ts).
tuneV8ForAllDay();
const args = process.argv.slice(2);
const idleSeconds = args.includes('--quick') ? 10 : 60;
// `--only a,b` runs just the named benches (local iteration); the default runs them all.
const only = args.includes('--only') ? new Set((args[args.indexOf('--only') + 1] ?? '').split(',')) : undefined;
const dir = await mkdtemp(join(tmpdir(), 'imsg-bench-'));
try {
  const benches: Record<string, () => Promise<unknown>> = {
    clientNotificationThroughput: () => benchNotifications(dir, 50_000),
    requestRoundTripMs: () => benchRoundTrip(dir, 500),
    supervisorEndToEnd: () => benchEndToEnd(dir, SIM_BIN, 2000),
    companionOverhead: () => benchOverhead(join(dir, 'overhead'), { rate: 100, count: 2000, warmup: 200 }),
    companionBurst: () => benchBurst(join(dir, 'burst'), 10_000),
    startup: () => benchStartup(dir, SIM_BIN, CLI_BIN, 5),
    serveBurst: () => benchServeBurst(dir, SIM_BIN, CLI_BIN, { count: 1000, ...serveDiagnosis() }),
    companionIdle: () => benchIdle(dir, idleSeconds, SIM_BIN, CLI_BIN),
  };
  const unknown = [...(only ?? [])].filter((name) => !(name in benches));
  if (unknown.length > 0) throw new Error(`--only: unknown bench ${unknown.join(', ')} (known: ${Object.keys(benches).join(', ')})`);
  const result: Record<string, unknown> = { node: process.version };
  for (const [name, run] of Object.entries(benches)) if (!only || only.has(name)) result[name] = await run();
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
} finally {
  await rm(dir, { recursive: true, force: true });
}
