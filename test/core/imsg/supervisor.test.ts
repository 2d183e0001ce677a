// ImsgSupervisor state machine against a scripted fake client: cursor, restarts, fatal, wedges.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ProbeResult } from '../../../electron/core/imsg/probe.js';
import { ImsgSupervisor, type SupervisorOptions } from '../../../electron/core/imsg/supervisor.js';
import type { QueuedMessage } from '../../../electron/core/imsg/inbound-queue.js';
import { type FakeScript, fakeFactory, until } from './supervisor-fake-client.js';

const okProbe = async (): Promise<ProbeResult> => ({ ok: true, fatal: false, version: '0.9.0', protocol: 'legacy', durationMs: 1 });
const msg = (id: number, chat = 1, guid = `G${id}`): Record<string, unknown> => ({ id, guid, chat_id: chat, sender: '+15550001111', text: `m${id}`, is_from_me: false });

let dir: string;
let sup: ImsgSupervisor | undefined;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sup-'));
});
afterEach(async () => {
  await sup?.stop();
  sup = undefined;
  await rm(dir, { recursive: true, force: true });
});

function make(script: FakeScript, extra: Partial<SupervisorOptions> = {}) {
  const factory = fakeFactory(script);
  const seen: QueuedMessage[] = [];
  sup = new ImsgSupervisor({
    accountId: 'default',
    cliPath: 'imsg',
    stateFile: join(dir, 'watch-state.json'),
    onMessage: async (m) => void seen.push(m),
    createClient: factory.create,
    probe: okProbe,
    backoff: { baseMs: 20, maxMs: 200, jitterRatio: 0, stableMs: 60_000 },
    pingIntervalMs: 60_000,
    requestTimeoutMs: 200,
    firstRequestTimeoutMs: 200,
    ...extra,
  });
  return { sup, factory, seen };
}

const stateOnDisk = async () => JSON.parse(await readFile(join(dir, 'watch-state.json'), 'utf8')) as { cursor: number; seen: string[] };

describe('ImsgSupervisor', () => {
  it('starts at the current end of chat.db on a first start and persists that position', async () => {
    const { sup, factory } = make({ chats: [{ id: 3, newestId: 40 }, { id: 7, newestId: 42 }] });
    sup.start();
    await until(() => sup.health().state === 'watching', 2000, 'watching');
    expect(factory.clients[0]?.subscribeCalls[0]).toMatchObject({ since_rowid: 42 });
    expect((await stateOnDisk()).cursor).toBe(42);
    expect(sup.health()).toMatchObject({ imsgVersion: '0.9.0', cursor: 42, healthy: true, subscription: 1 });
  });

  it('replays from row 0 (since_rowid -1) when no chat existed at the first start', async () => {
    const { sup, factory } = make({ chats: [] });
    sup.start();
    await until(() => sup.health().state === 'watching');
    expect(factory.clients[0]?.subscribeCalls[0]).toMatchObject({ since_rowid: -1 });
  });

  it('hands messages over in order, advances the cursor only after handling, and skips duplicate guids', async () => {
    const { sup, factory, seen } = make({ chats: [{ id: 1, newestId: 10 }] });
    sup.start();
    await until(() => sup.health().state === 'watching');
    const client = factory.clients[0]!;
    client.emit(msg(11));
    client.emit(msg(12));
    client.emit(msg(12)); // same row again (e.g. joined to two chats)
    client.emit(msg(13, 2, 'G11')); // same guid as an earlier row
    await sup.idle();
    expect(seen.map((m) => m.id)).toEqual([11, 12]);
    expect(await stateOnDisk()).toMatchObject({ cursor: 12, seen: ['guid:G11', 'guid:G12'] });
  });

  it('restarts a dead child with backoff and resumes after the last received row', async () => {
    const { sup, factory, seen } = make({ chats: [{ id: 1, newestId: 10 }] });
    sup.start();
    await until(() => sup.health().state === 'watching');
    factory.clients[0]!.emit(msg(11));
    factory.clients[0]!.exit({ code: null, signal: 'SIGKILL' });
    await until(() => sup.health().state === 'backoff', 2000, 'backoff');
    expect(sup.health().lastError?.message).toMatch(/imsg rpc/);
    expect(sup.health().lastError?.cause.kind).toBe('exited');
    await until(() => factory.clients.length === 2 && sup.health().state === 'watching', 2000, 'second run');
    expect(factory.clients[1]!.subscribeCalls[0]).toMatchObject({ since_rowid: 11 });
    factory.clients[1]!.emit(msg(11)); // a replay by imsg must not reach the consumer twice
    factory.clients[1]!.emit(msg(12));
    await sup.idle();
    expect(seen.map((m) => m.id)).toEqual([11, 12]);
    expect(sup.health()).toMatchObject({ restarts: 1, attempt: 1 });
  });

  it('doubles the delay on consecutive failures', async () => {
    const { sup, factory } = make({ chats: [], startError: new Error('spawn imsg ENOENT') });
    sup.start();
    await until(() => factory.clients.length >= 4, 3000, 'four attempts');
    const h = sup.health();
    expect(h.attempt).toBeGreaterThanOrEqual(3);
    expect(h.state === 'backoff' || h.state === 'starting').toBe(true);
    expect(h.healthy).toBe(false);
  });

  it('resubscribes on the same child after a terminal watch error', async () => {
    const { sup, factory, seen } = make({ chats: [{ id: 1, newestId: 5 }] });
    sup.start();
    await until(() => sup.health().state === 'watching');
    const client = factory.clients[0]!;
    client.emit(msg(6));
    client.emitError('database is locked (code: 5)');
    await until(() => client.subscribeCalls.length === 2, 2000, 'resubscribe');
    expect(client.subscribeCalls[1]).toMatchObject({ since_rowid: 6 });
    await until(() => sup.health().state === 'watching' && sup.health().subscription === 2, 2000, 'watching again');
    expect(sup.health().lastError).toBeUndefined();
    expect(sup.health().lastProblem?.message).toContain('database is locked');
    expect(factory.clients).toHaveLength(1);
    client.emit(msg(7));
    await sup.idle();
    expect(seen.map((m) => m.id)).toEqual([6, 7]);
  });

  it('resubscribes once per failure, after a backoff, however many errors arrive meanwhile', async () => {
    const { sup, factory } = make({ chats: [{ id: 1, newestId: 5 }] });
    sup.start();
    await until(() => sup.health().state === 'watching');
    const client = factory.clients[0]!;
    const live = client.handlersFor(1)!;
    // A hostile imsg repeats the error on the old subscription every few ms.
    for (let i = 0; i < 50; i++) live.onError({ message: 'boom' });
    expect(sup.health().lastError?.message).toContain('boom');
    expect(sup.health().subscription).toBeUndefined();
    await until(() => client.subscribeCalls.length === 2, 3000, 'one resubscribe');
    const second = client.handlersFor(2)!;
    for (let i = 0; i < 50; i++) second.onError({ message: 'boom again' });
    await new Promise((r) => setTimeout(r, 1200));
    // The second failure waits 2 s: no third subscribe yet, and the old handlers were dropped.
    expect(client.subscribeCalls).toHaveLength(2);
    expect(client.handlersFor(1)).toBeUndefined();
  });

  it('refuses ids that are not safe positive integers: counted, never the cursor', async () => {
    const invalid: string[] = [];
    const { sup, factory, seen } = make({ chats: [{ id: 1, newestId: 5 }] }, { onInvalid: (_p, reason) => invalid.push(reason) });
    sup.start();
    await until(() => sup.health().state === 'watching');
    const client = factory.clients[0]!;
    for (const id of [1e308, -3, 0, 2.5, '7', undefined]) client.emit({ ...msg(9), id });
    client.emit(msg(6));
    await sup.idle();
    expect(seen.map((m) => m.id)).toEqual([6]);
    expect(invalid).toHaveLength(6);
    expect(invalid[0]).toContain('1e+308');
    expect(sup.health()).toMatchObject({ invalidPayloads: 6, cursor: 6 });
    expect((await stateOnDisk()).cursor).toBe(6);
  });

  it('waits in fatal when imsg has no rpc command, until a manual retry', async () => {
    let fatal = true;
    const probe = async (): Promise<ProbeResult> =>
      fatal ? { ok: false, fatal: true, error: 'imsg CLI does not support the "rpc" subcommand (update imsg)', durationMs: 1 } : okProbe();
    const { sup, factory } = make({ chats: [] }, { probe });
    sup.start();
    await until(() => sup.health().state === 'fatal', 2000, 'fatal');
    expect(sup.health().lastError?.message).toContain('update imsg');
    await new Promise((r) => setTimeout(r, 100));
    expect(factory.clients).toHaveLength(0);
    fatal = false;
    sup.retry();
    await until(() => sup.health().state === 'watching', 2000, 'watching after retry');
  });

  it('kills and restarts a wedged child whose liveness ping times out', async () => {
    const script: FakeScript = { chats: [] };
    const { sup, factory } = make(script, { pingIntervalMs: 30 });
    sup.start();
    await until(() => sup.health().state === 'watching');
    script.hangMethod = 'chats.list';
    await until(() => factory.clients[0]!.exited, 3000, 'wedged child stopped');
    expect(sup.health().lastError?.message).toContain('timeout');
    script.hangMethod = undefined;
    await until(() => factory.clients.length === 2 && sup.health().state === 'watching', 3000, 'restart');
  });

  it('resumes from the persisted cursor and seen guids after an app restart', async () => {
    await writeFile(join(dir, 'watch-state.json'), JSON.stringify({ version: 1, cursor: 20, seen: ['guid:G20'] }));
    const { sup, factory, seen } = make({ chats: [{ id: 1, newestId: 99 }] });
    sup.start();
    await until(() => sup.health().state === 'watching');
    expect(factory.clients[0]!.subscribeCalls[0]).toMatchObject({ since_rowid: 20 });
    factory.clients[0]!.emit(msg(21, 1, 'G20'));
    factory.clients[0]!.emit(msg(22));
    await sup.idle();
    expect(seen.map((m) => m.id)).toEqual([22]);
  });

  it('keeps a corrupt watch-state file aside and reports it instead of resetting silently', async () => {
    await writeFile(join(dir, 'watch-state.json'), '{not json');
    const { sup } = make({ chats: [{ id: 1, newestId: 5 }] });
    sup.start();
    await until(() => sup.health().state === 'watching');
    const { readdir } = await import('node:fs/promises');
    expect((await readdir(dir)).some((f) => f.startsWith('watch-state.json.corrupt-'))).toBe(true);
  });

  it('stop() unsubscribes, lets queued messages finish and reports stopped', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((r) => (release = r));
    const seen: number[] = [];
    const { sup, factory } = make({ chats: [{ id: 1, newestId: 1 }] }, { onMessage: async (m) => { await gate; seen.push(m.id); } });
    sup.start();
    await until(() => sup.health().state === 'watching');
    factory.clients[0]!.emit(msg(2));
    const stopped = sup.stop();
    release();
    await stopped;
    expect(seen).toEqual([2]);
    expect(sup.health().state).toBe('stopped');
    expect((await stateOnDisk()).cursor).toBe(2);
  });
});
