// watch.subscribe / watch.unsubscribe over a real process while other writers change chat.db (spec §3.3, §3.4, §4.6).
import type Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { injectMessage, openChatDb, type InjectOptions } from './db-writer.js';
import { isNotification, isResponseTo, makeSimDb, runSim, SimRpc } from './rpc-harness.js';

/** Disable file-event polls (huge debounce) so only the fallback poll can deliver. */
const NO_EVENT_POLLS = 600_000;

let cleanups: (() => Promise<unknown> | unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.reverse()) await c();
  cleanups = [];
});

/** A fresh DB, an in-process writer and a running sim (fallback poll `pollMs`). */
async function setup(pollMs = 60_000): Promise<{ path: string; w: Database.Database; sim: SimRpc; add: (o: InjectOptions) => ReturnType<typeof injectMessage> }> {
  const db = await makeSimDb();
  const w = openChatDb(db.dbPath);
  const sim = SimRpc.start({ db: db.dbPath, env: { IMSG_SIM_POLL_MS: String(pollMs) } });
  cleanups.push(db.cleanup, () => w.close(), () => sim.close());
  return { path: db.dbPath, w, sim, add: (o) => injectMessage(w, o) };
}

describe('watch.subscribe', () => {
  it('notifies about a message injected by another process, via file events (fallback poll off)', async () => {
    const { path, sim, add } = await setup();
    add({ from: '+15550000001', text: 'before' });
    expect(await sim.call('watch.subscribe', {})).toEqual({ subscription: 1 });
    const inject = await runSim(['inject', '--db', path, '--from', '+15550000002', '--text', 'live/one\nline two']);
    const row = JSON.parse(inject.stdout) as { id: number; guid: string; chat_id: number };
    const note = await sim.waitFor(isNotification('message', 1), { timeoutMs: 4000 });
    expect(note.message).toEqual({
      jsonrpc: '2.0',
      method: 'message',
      params: {
        subscription: 1,
        message: expect.objectContaining({ id: row.id, guid: row.guid, chat_id: row.chat_id, text: 'live/one\nline two', sender: '+15550000002', attachments: [], reactions: [] }),
      },
    });
    expect(note.raw).toContain('live\\/one\\nline two');
    expect(sim.messages()).toHaveLength(1);
    expect(await sim.call('watch.subscribe', { debounce_ms: 0 })).toEqual({ subscription: 2 });
  });

  it('replays everything for a negative since_rowid and continues after a positive one', async () => {
    const { sim, add } = await setup();
    const ids = [1, 2, 3].map((n) => add({ from: '+15550000001', text: `m${n}` }).id);
    const all = await sim.call('watch.subscribe', { since_rowid: -5 });
    const from2 = await sim.call('watch.subscribe', { since_rowid: String(ids[1]) });
    await sim.waitForCount(isNotification('message', all.subscription as number), 3);
    await sim.waitForCount(isNotification('message', from2.subscription as number), 1);
    expect(sim.messages(all.subscription as number).map((m) => m.id)).toEqual(ids);
    expect(sim.messages(from2.subscription as number).map((m) => m.id)).toEqual([ids[2]]);
  });

  it('drains a backlog of more than 100 rows 100 per poll, in ROWID order', async () => {
    const { sim, w } = await setup(700);
    const ids = w.transaction(() => Array.from({ length: 230 }, (_, i) => injectMessage(w, { from: '+15550000001', text: `n${i}` }).id))();
    const { subscription } = await sim.call('watch.subscribe', { since_rowid: -1, debounce_ms: NO_EVENT_POLLS });
    const sub = subscription as number;
    await sim.waitForCount(isNotification('message', sub), 100);
    expect(sim.messages(sub)).toHaveLength(100); // the second batch needs the next (fallback) poll
    await sim.waitForCount(isNotification('message', sub), 200, { timeoutMs: 3000 });
    expect(sim.messages(sub)).toHaveLength(200);
    await sim.waitForCount(isNotification('message', sub), 230, { timeoutMs: 3000 });
    expect(sim.messages(sub).map((m) => m.id)).toEqual(ids);
  });

  it('delivers through the fallback poll when file events never trigger one', async () => {
    const { sim, add } = await setup(200);
    const { subscription } = await sim.call('watch.subscribe', { debounceMs: NO_EVENT_POLLS });
    const row = add({ from: 'a@b.com', text: 'via fallback' });
    const note = await sim.waitFor(isNotification('message', subscription as number), { timeoutMs: 3000 });
    expect(note.message).toMatchObject({ params: { message: { id: row.id, text: 'via fallback' } } });
  });

  it('applies chat_id, participants, start/end filters; attachments only when asked; unjoined rows get chat_id 0', async () => {
    const { sim, add } = await setup();
    const a = add({ from: '+15550000001', text: 'a0' });
    const b = add({ from: '+15550000002', text: 'b0' });
    const byChat = (await sim.call('watch.subscribe', { chat_id: b.chat_id, debounce_ms: 20 })).subscription as number;
    const byWho = (await sim.call('watch.subscribe', { participants: ['+15550000001'], debounce_ms: 20, attachments: true })).subscription as number;
    const late = (await sim.call('watch.subscribe', { start: '2100-01-01T00:00:00Z', debounce_ms: 20 })).subscription as number;
    const every = (await sim.call('watch.subscribe', { debounce_ms: 20 })).subscription as number;
    const a1 = add({ chatId: a.chat_id, from: '+15550000001', text: 'a1', attachment: '/nope/x.png' });
    const b1 = add({ chatId: b.chat_id, from: '+15550000002', text: 'b1', attachment: '/nope/y.png' });
    const lost = add({ from: '+15550000003', text: 'unjoined', unjoined: true });
    await sim.waitForCount(isNotification('message', every), 3);
    await sim.waitForCount(isNotification('message', byChat), 1);
    await sim.waitForCount(isNotification('message', byWho), 1);
    expect(sim.messages(byChat).map((m) => [m.id, (m.attachments as unknown[]).length])).toEqual([[b1.id, 0]]);
    expect(sim.messages(byWho).map((m) => [m.id, (m.attachments as unknown[]).length])).toEqual([[a1.id, 1]]);
    expect(sim.messages(every).map((m) => [m.id, m.chat_id, m.chat_guid])).toEqual([
      [a1.id, a.chat_id, a.chat_guid],
      [b1.id, b.chat_id, b.chat_guid],
      [lost.id, 0, ''],
    ]);
    expect(sim.messages(late)).toEqual([]);
  });

  it('emits reaction rows as events only with include_reactions', async () => {
    const { sim, add } = await setup();
    const m = add({ from: '+15550000001', text: 'hello' });
    const plain = (await sim.call('watch.subscribe', { debounce_ms: 10 })).subscription as number;
    const withR = (await sim.call('watch.subscribe', { debounce_ms: 10, include_reactions: 1 })).subscription as number;
    const r = add({ chatId: m.chat_id, from: '+15550000002', text: 'Loved “hello”', associatedMessageGuid: `p:0/${m.guid}`, associatedMessageType: 2000 });
    const after = add({ chatId: m.chat_id, from: '+15550000002', text: 'after' });
    await sim.waitForCount(isNotification('message', withR), 2);
    await sim.waitForCount(isNotification('message', plain), 1);
    expect(sim.messages(plain).map((x) => x.id)).toEqual([after.id]);
    const [event] = sim.messages(withR);
    expect(event).toMatchObject({ id: r.id, is_reaction: true, reaction_type: 'love', reaction_emoji: '❤️', is_reaction_add: true, reacted_to_guid: m.guid });
    expect(event).not.toHaveProperty('reply_to_guid');
  });

  it('rejects a bad debounce_ms and a bad ISO date', async () => {
    const { sim } = await setup();
    expect(await sim.request('watch.subscribe', { debounce_ms: -1 })).toMatchObject({ error: { code: -32602, data: 'debounce_ms must be a non-negative integer' } });
    expect(await sim.request('watch.subscribe', { debounceMs: 2.5 })).toMatchObject({ error: { code: -32602 } });
    expect(await sim.request('watch.subscribe', { end: 'tomorrow' })).toMatchObject({ error: { code: -32603, data: 'Invalid ISO8601 date: tomorrow' } });
    expect(await sim.call('watch.subscribe', {})).toEqual({ subscription: 1 });
  });

  it('ends a subscription with an error notification when its poll throws', async () => {
    const { sim, w, add } = await setup(150);
    const { subscription } = await sim.call('watch.subscribe', { debounce_ms: 10 });
    w.exec('ALTER TABLE message RENAME TO message_moved');
    const err = await sim.waitFor(isNotification('error', subscription as number), { timeoutMs: 3000 });
    expect(err.message).toEqual({ jsonrpc: '2.0', method: 'error', params: { subscription, error: { message: 'no such table: message (code: 1)' } } });
    w.exec('ALTER TABLE message_moved RENAME TO message');
    const witness = (await sim.call('watch.subscribe', { debounce_ms: 10 })).subscription as number;
    add({ from: '+15550000001', text: 'after the error' });
    await sim.waitFor(isNotification('message', witness), { timeoutMs: 3000 });
    expect(sim.lines.filter((l) => (l.message.params as { subscription?: number } | undefined)?.subscription === subscription)).toHaveLength(1);
    expect(await sim.call('watch.unsubscribe', { subscription })).toEqual({ ok: true });
  });
});

describe('watch.unsubscribe', () => {
  it('stops notifications; unknown ids are fine; the id is required', async () => {
    const { sim, add } = await setup();
    const gone = (await sim.call('watch.subscribe', { debounce_ms: 0 })).subscription as number;
    const witness = (await sim.call('watch.subscribe', { debounce_ms: 150 })).subscription as number;
    expect(await sim.call('watch.unsubscribe', { subscription: gone })).toEqual({ ok: true });
    add({ from: '+15550000001', text: 'nobody for gone' });
    // The unsubscribed one had the shorter debounce: had it survived, it would have fired first.
    await sim.waitFor(isNotification('message', witness), { timeoutMs: 3000 });
    expect(sim.messages(gone)).toEqual([]);
    expect(await sim.call('watch.unsubscribe', { subscription: 99 })).toEqual({ ok: true });
    expect(await sim.request('watch.unsubscribe', {})).toMatchObject({ error: { code: -32602, data: 'subscription is required' } });
    sim.send({ jsonrpc: '2.0', id: 'last', method: 'watch.unsubscribe', params: { subscription: '2' } });
    expect((await sim.waitFor(isResponseTo('last'))).message).toMatchObject({ result: { ok: true } });
  });
});
