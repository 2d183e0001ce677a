// The supervisor against the real simulator process: first start, crashes, app restarts, faults.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readSimTrace } from '../../sim/sim-trace.js';
import { writeFakeCli } from './fake-cli.js';
import { createSimAccount, type SimAccount } from '../../helpers/sim-account.js';
import { until } from './supervisor-fake-client.js';

let acct: SimAccount | undefined;
afterEach(async () => {
  await acct?.dispose();
  acct = undefined;
});

const watching = (a: SimAccount) => until(() => a.supervisor.health().state === 'watching', 20_000, 'watching');

describe('supervisor ↔ imsg-sim', () => {
  it('does not answer history on a first start, then delivers new messages', async () => {
    acct = await createSimAccount();
    const a = acct;
    a.inject({ from: '+15550001111', text: 'old one' });
    a.inject({ from: '+15550002222', text: 'old two' });
    a.supervisor.start();
    await watching(a);
    const fresh = a.inject({ from: '+15550001111', text: 'new' });
    await until(() => a.received.length >= 1, 10_000, 'new message');
    await new Promise((r) => setTimeout(r, 300));
    expect(a.received.map((m) => m.guid)).toEqual([fresh.guid]);
    expect(a.received[0]).toMatchObject({ text: 'new', sender: '+15550001111', is_from_me: false });
    expect(a.supervisor.health()).toMatchObject({ healthy: true, imsgVersion: '0.9.0', cursor: fresh.id });
  });

  it('after a SIGKILL, delivers what arrived during the outage exactly once', async () => {
    acct = await createSimAccount({ backoff: { baseMs: 600, maxMs: 600, jitterRatio: 0, stableMs: 60_000 } });
    const a = acct;
    a.supervisor.start();
    await watching(a);
    const first = a.inject({ from: '+15550001111', text: 'before' });
    await until(() => a.received.length === 1, 10_000, 'first');
    process.kill(a.supervisor.health().pid as number, 'SIGKILL');
    await until(() => a.supervisor.health().state === 'backoff', 5000, 'backoff');
    const during = [a.inject({ from: '+15550001111', text: 'during 1' }), a.inject({ from: '+15550003333', text: 'during 2' })];
    await watching(a);
    await until(() => a.received.length === 3, 10_000, 'outage messages');
    await new Promise((r) => setTimeout(r, 300));
    expect(a.received.map((m) => m.guid)).toEqual([first.guid, ...during.map((d) => d.guid)]);
    expect(a.supervisor.health().restarts).toBe(1);
    // Watching again: the crash is history, shown as the last problem with when it healed.
    expect(a.supervisor.health().lastError).toBeUndefined();
    expect(a.supervisor.health().lastProblem).toMatchObject({ recoveredAt: expect.any(String) });
  });

  it('resumes from the persisted cursor across an app restart', async () => {
    acct = await createSimAccount();
    const a = acct;
    a.supervisor.start();
    await watching(a);
    a.inject({ from: '+15550001111', text: 'one' });
    await until(() => a.received.length === 1, 10_000, 'one');
    await a.supervisor.stop();
    const offline = [a.inject({ from: '+15550001111', text: 'two' }), a.inject({ from: '+15550001111', text: 'three' })];
    a.restart().start();
    await until(() => a.received.length === 3, 15_000, 'offline messages');
    await new Promise((r) => setTimeout(r, 300));
    expect(a.received.slice(1).map((m) => m.guid)).toEqual(offline.map((o) => o.guid));
  });

  it('starts with one probe whose session becomes the watch session; a restart asks the binary nothing again', async () => {
    acct = await createSimAccount();
    const a = acct;
    const trace = join(a.dir, 'sim-trace.jsonl');
    a.restart({ env: { ...process.env, IMSG_SIM_POLL_MS: '100', IMSG_SIM_TRACE: trace } }).start();
    await watching(a);
    // What imsg saw: runs by arguments, requests by method.
    const seen = async (): Promise<{ runs: string[]; requests: string[]; sessions: number }> => {
      const lines = readSimTrace(await readFile(trace, 'utf8').catch(() => ''));
      const runs = lines.filter((l) => l.argv).map((l) => (l.argv as string[]).filter((x) => x !== a.dbPath).join(' '));
      const requests = lines.filter((l) => l.method && ['initialize', 'watch.subscribe'].includes(l.method)).map((l) => l.method as string);
      return { runs, requests, sessions: new Set(lines.filter((l) => l.method).map((l) => l.pid)).size };
    };
    // A healthy first start asks the rpc session only; the version follows, once, after the watch began.
    await until(async () => (await seen()).runs.includes('--version'), 10_000, 'the version run after the start');
    const first = await seen();
    expect(first.runs).toEqual(['rpc --db', '--version']);
    expect(first).toMatchObject({ requests: ['initialize', 'watch.subscribe'], sessions: 1 });
    await until(() => a.supervisor.health().imsgVersion === '0.9.0', 5000, 'the learned version in health');
    const fresh = a.inject({ from: '+15550001111', text: 'after start' });
    await until(() => a.received.length === 1, 10_000, 'a message on the reused session');
    expect(a.received[0]?.guid).toBe(fresh.guid);
    await a.supervisor.stop();
    a.restart({ env: { ...process.env, IMSG_SIM_POLL_MS: '100', IMSG_SIM_TRACE: trace } }).start();
    await watching(a);
    const both = await seen();
    expect(both.runs.slice(first.runs.length)).toEqual(['rpc --db']);
    expect(both).toMatchObject({ requests: ['initialize', 'watch.subscribe', 'initialize', 'watch.subscribe'], sessions: 2 });
    expect(a.supervisor.health()).toMatchObject({ state: 'watching', imsgVersion: '0.9.0', protocol: 'legacy' });
  });

  it('an imsg without rpc is fatal: its failed rpc session brings the binary checks, which say why', async () => {
    acct = await createSimAccount();
    const a = acct;
    const cli = await writeFakeCli(a.dir, 'old-help');
    const pidFile = join(a.dir, 'rpc.pid');
    a.restart({ cliPath: cli, env: { ...process.env, FAKE_PIDFILE: pidFile } }).start();
    await until(() => a.supervisor.health().state === 'fatal', 10_000, 'fatal');
    expect(a.supervisor.health().lastError?.cause.kind).toBe('rpc-unsupported');
    const pid = Number(await readFile(pidFile, 'utf8').catch(() => '0'));
    const alive = (p: number): boolean => {
      try {
        process.kill(p, 0);
        return true;
      } catch {
        return false;
      }
    };
    if (pid > 0) await until(() => !alive(pid), 5000, 'the early rpc child to be stopped');
  });

  it('drains a backlog beyond one poll batch at once: each full batch resubscribes from the last row received', async () => {
    acct = await createSimAccount();
    const a = acct;
    const trace = join(a.dir, 'sim-trace.jsonl');
    // No fallback poll: one file event (the whole transaction) brings 100 rows; only the drain brings the rest.
    a.restart({ env: { ...process.env, IMSG_SIM_POLL_MS: '600000', IMSG_SIM_TRACE: trace } }).start();
    await watching(a);
    const injected = a.db.transaction(() => Array.from({ length: 350 }, (_, i) => a.inject({ from: `+1555000${String(i % 7).padStart(4, '0')}`, text: `backlog ${i}` })))();
    await until(() => a.received.length >= 350, 20_000, 'the whole backlog');
    await new Promise((r) => setTimeout(r, 300));
    expect(a.received.map((m) => m.guid)).toEqual(injected.map((m) => m.guid));
    const subscribes = readSimTrace(await readFile(trace, 'utf8')).filter((l) => l.method === 'watch.subscribe');
    // The start, then one per full batch (after rows 100, 200 and 300); the last 50 are not a full batch.
    expect(subscribes).toHaveLength(4);
    expect(a.supervisor.health()).toMatchObject({ state: 'watching', subscription: 4 });
  });

  it('reports a Full Disk Access denial with its cause and stays unhealthy', async () => {
    acct = await createSimAccount({ env: { ...process.env, IMSG_SIM_FDA: 'denied' } });
    const a = acct;
    a.supervisor.start();
    await until(() => a.supervisor.health().lastError !== undefined && a.supervisor.health().state === 'backoff', 20_000, 'FDA failure');
    const h = a.supervisor.health();
    expect(h.lastError?.cause.kind).toBe('full-disk-access');
    expect(h.healthy).toBe(false);
  });
});
