// Bench: a real `serve` over the simulator (its default 5 s fallback poll) with the echo agent;
// `count` DMs land in chat.db in one transaction. Measures the time until every one is answered
// (a reply row in chat.db) and the serve process's peak RSS against its idle RSS.
import { join } from 'node:path';
import { procUsage } from './bench-idle.js';
import { makeServeWorld, median, procMemory, resetPeak, rssBreakdown, spawnServe, stopChild, waitForTraced } from './serve-child.js';

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Options of {@link benchServeBurst}; `nodeArgs`/`probe` are for diagnosis (heap snapshots). */
export interface ServeBurstOptions {
  readonly count: number;
  readonly nodeArgs?: readonly string[];
  /** Called at idle (before the burst), when half is answered, and when all is: `when` says which. */
  readonly probe?: (pid: number, when: 'idle' | 'half' | 'done') => void | Promise<void>;
}

/** Idle RSS, burst peak RSS (ratio) and seconds until all of a `count` burst is answered. */
export async function benchServeBurst(dir: string, simBin: string, cliBin: string, opts: ServeBurstOptions): Promise<Record<string, unknown>> {
  const { openChatDb, injectMessage } = await import('../sim/db-writer.js');
  const world = await makeServeWorld(join(dir, 'serve-burst'), simBin);
  const serve = spawnServe(world, cliBin, opts.nodeArgs);
  const pid = serve.pid as number;
  const db = openChatDb(world.dbPath);
  try {
    await waitForTraced(world.tracePath, 'watch.subscribe', 0, 30_000);
    await sleep(3000); // start-up work (JIT, first writes, first snapshot) settles
    const idleSamples: number[] = [];
    for (let i = 0; i < 20; i++) {
      idleSamples.push(procMemory(pid)?.rssMb ?? 0);
      await sleep(100);
    }
    const idleRssMb = median(idleSamples);
    const idleBreakdown = rssBreakdown(pid);
    await opts.probe?.(pid, 'idle');
    const exactPeak = await resetPeak(pid);
    // Five messages per sender: the loop limiter (5 own rows a minute per chat) never pauses one.
    const senders = Math.ceil(opts.count / 5);
    const sentCount = db.prepare('SELECT COUNT(*) AS n FROM message WHERE is_from_me = 1');
    const cpuBefore = procUsage(pid)?.cpuSeconds;
    const started = performance.now();
    db.transaction(() => {
      for (let i = 0; i < opts.count; i++) injectMessage(db, { from: `+1555400${String(i % senders).padStart(4, '0')}`, text: `burst ${i}` });
    }).immediate();
    let peakMb = procMemory(pid)?.rssMb ?? 0;
    let answered = 0;
    let halfDone = false;
    const deadline = Date.now() + 120_000;
    while (answered < opts.count && Date.now() < deadline) {
      await sleep(20);
      peakMb = Math.max(peakMb, procMemory(pid)?.rssMb ?? 0);
      const now = (sentCount.get() as { n: number }).n;
      if (process.env.BENCH_DEBUG && Math.floor(now / 100) > Math.floor(answered / 100)) process.stderr.write(`${Math.round(performance.now() - started)} ms: ${now} answered, rss ${procMemory(pid)?.rssMb.toFixed(1)}\n`);
      answered = now;
      if (!halfDone && answered >= opts.count / 2) {
        halfDone = true;
        await opts.probe?.(pid, 'half');
      }
    }
    const seconds = (performance.now() - started) / 1000;
    const cpuAfter = procUsage(pid)?.cpuSeconds;
    await opts.probe?.(pid, 'done');
    const afterBreakdown = rssBreakdown(pid);
    if (exactPeak) peakMb = Math.max(peakMb, procMemory(pid)?.hwmMb ?? 0);
    const afterMb = procMemory(pid)?.rssMb ?? 0;
    const ratio = peakMb / idleRssMb;
    const r1 = (n: number): number => Math.round(n * 10) / 10;
    return {
      messages: opts.count,
      answered,
      allAnsweredSeconds: Math.round(seconds * 1000) / 1000,
      serveCpuSeconds: cpuBefore === undefined || cpuAfter === undefined ? null : Math.round((cpuAfter - cpuBefore) * 100) / 100,
      idleRssMb: r1(idleRssMb),
      peakRssMb: r1(peakMb),
      afterRssMb: r1(afterMb),
      peakToIdle: Math.round(ratio * 100) / 100,
      rssBreakdownMb: { idle: idleBreakdown, afterBurst: afterBreakdown },
      peakFrom: exactPeak ? 'VmHWM reset before the burst' : 'VmRSS sampled every 20 ms',
      target: { allAnsweredSeconds: 5, peakToIdle: 1.3 },
      met: { answered: answered === opts.count && seconds <= 5, memory: ratio <= 1.3 },
    };
  } finally {
    db.close();
    await stopChild(serve);
  }
}
