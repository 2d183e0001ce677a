// Optional protocol-v1 mode (IMSG_VERSION ≥ 0.14.0, spec §10) and its absence in 0.9.0.
import { afterEach, describe, expect, it } from 'vitest';
import { injectMessage, openChatDb } from './db-writer.js';
import { isResponseTo, makeSimDb, SimRpc } from './rpc-harness.js';
import { speaksV1 } from './rpc/v1/protocol.js';

let cleanups: (() => Promise<unknown> | unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.reverse()) await c();
  cleanups = [];
});

/** A DB with one chat and a sim impersonating `version`. */
async function start(version: string, extra: Record<string, string> = {}): Promise<{ sim: SimRpc; path: string }> {
  const db = await makeSimDb();
  const w = openChatDb(db.dbPath);
  injectMessage(w, { from: '+15550000001', text: 'hello' });
  w.close();
  const sim = SimRpc.start({ db: db.dbPath, env: { IMSG_VERSION: version, ...extra } });
  cleanups.push(db.cleanup, () => sim.child.kill());
  return { sim, path: db.dbPath };
}

describe('speaksV1', () => {
  it.each([['0.9.0', false], ['0.13.9', false], ['0.14.0', true], ['0.15.2-beta.1', true], ['1.0.0', true], ['garbage', false]])('%s → %s', (v, expected) => {
    expect(speaksV1(v)).toBe(expected);
  });
});

describe('protocol v1', () => {
  it('adds initialize/status and keeps the normal methods working', async () => {
    const { sim, path } = await start('0.14.0');
    const init = await sim.call('initialize', { protocol_version: 1 });
    expect(init).toMatchObject({ version: '0.14.0', protocol_version: 1, database: { path, ready: true }, bridge: { ready: false } });
    expect(init.methods).toEqual(expect.arrayContaining(['initialize', 'status', 'chats.list', 'send']));
    expect(await sim.call('status')).toMatchObject({ database: { ready: true } });
    expect(((await sim.call('chats.list', { limit: 1 })).chats as unknown[]).length).toBe(1);
    expect(await sim.request('initialize', { protocol_version: 2 })).toMatchObject({ error: { code: -32602 } });
  });

  it('rejects unknown keys, coercions, a missing jsonrpc and non-object params', async () => {
    const { sim } = await start('0.15.0');
    expect(await sim.request('chats.list', { limit: 1, chatId: 2 })).toMatchObject({ error: { code: -32602, data: 'unknown param for chats.list: chatId' } });
    expect(await sim.request('chats.list', { limit: '1' })).toMatchObject({ error: { code: -32602, data: 'limit must be an integer' } });
    expect(await sim.request('watch.subscribe', { include_reactions: 1 })).toMatchObject({ error: { code: -32602, data: 'include_reactions must be a boolean' } });
    sim.send({ id: 'nojsonrpc', method: 'chats.list' });
    expect((await sim.waitFor(isResponseTo('nojsonrpc'))).message).toMatchObject({ error: { code: -32600, data: 'jsonrpc must be 2.0' } });
    sim.send({ jsonrpc: '2.0', id: 'arr', method: 'chats.list', params: [1] });
    expect((await sim.waitFor(isResponseTo('arr'))).message).toMatchObject({ error: { code: -32602, data: 'params must be an object' } });
  });

  it('never answers notifications, not even their errors', async () => {
    const { sim } = await start('0.14.0');
    const after = sim.lines.length;
    sim.send({ jsonrpc: '2.0', method: 'messages.history' });
    sim.send({ jsonrpc: '2.0', method: 'no.such' });
    sim.send({ method: 'chats.list' });
    sim.send({ jsonrpc: '2.0', id: 'marker', method: 'status' });
    await sim.waitFor(isResponseTo('marker'), { after });
    expect(sim.lines.slice(after).map((l) => l.message.id)).toEqual(['marker']);
  });

  it('answers -32002 with object data when the database is unavailable, keeps status, exits 0', async () => {
    const { sim, path } = await start('0.14.0', { IMSG_SIM_FDA: 'denied' });
    expect(await sim.request('chats.list', {})).toEqual({
      jsonrpc: '2.0', id: expect.any(Number),
      error: { code: -32002, message: 'Database unavailable', data: { path, detail: 'unable to open database file (code: 14)', retryable: true } },
    });
    expect(await sim.call('status')).toMatchObject({ database: { path, ready: false } });
    expect(await sim.request('no.such')).toMatchObject({ error: { code: -32601 } });
    expect(await sim.close()).toBe(0);
  });
});

describe('0.9.0 has no v1 methods', () => {
  it('answers initialize/status with -32601', async () => {
    const { sim } = await start('0.9.0');
    expect(await sim.request('initialize')).toMatchObject({ error: { code: -32601, data: 'initialize' } });
    expect(await sim.request('status')).toMatchObject({ error: { code: -32601, data: 'status' } });
  });
});
