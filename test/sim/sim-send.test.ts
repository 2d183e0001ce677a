// RPC `send` (spec §3.5): validation order and texts, and the outgoing rows it writes (seen via `outbox`).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { injectMessage, openChatDb, type InjectResult } from './db-writer.js';
import { SIP_ERROR_TEXT } from './rpc/bridge-errors.js';
import { isNotification, makeSimDb, runSim, SimRpc } from './rpc-harness.js';

let db: Awaited<ReturnType<typeof makeSimDb>>;
let sim: SimRpc;
let direct: InjectResult;
let group: InjectResult;
let bareChatId: number;

beforeAll(async () => {
  db = await makeSimDb();
  const w = openChatDb(db.dbPath);
  direct = injectMessage(w, { from: '+15551234567', text: 'hi' });
  group = injectMessage(w, { from: 'a@b.com', groupName: 'Team', participants: ['+15550000001'], text: 'hey all' });
  bareChatId = Number(w.prepare("INSERT INTO chat (guid, chat_identifier) VALUES ('', NULL)").run().lastInsertRowid);
  w.close();
  writeFileSync(join(db.dir, 'pic.png'), 'png!');
  // HOME points at the temp dir so `~/pic.png` resolves there.
  sim = SimRpc.start({ db: db.dbPath, env: { HOME: db.dir } });
});
afterAll(async () => {
  await sim.close();
  await db.cleanup();
});

/** Outgoing rows after `since` as printed by `imsg-sim outbox --json`. */
async function outbox(since: number): Promise<Record<string, unknown>[]> {
  const res = await runSim(['outbox', '--db', db.dbPath, '--json', '--since-rowid', String(since)]);
  return res.stdout.trim() === '' ? [] : res.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
}

/** Raw message columns the imsg payload does not show. */
function rawRow(id: number): Record<string, unknown> {
  const r = new Database(db.dbPath, { readonly: true });
  try {
    return r.prepare('SELECT is_from_me, is_sent, handle_id, service FROM message WHERE ROWID = ?').get(id) as Record<string, unknown>;
  } finally {
    r.close();
  }
}

describe('send validation (order: service → transport → to/chat → text/file → chat lookup)', () => {
  it.each([
    [{ service: 'bogus', transport: 'bogus' }, 'invalid service'],
    [{ service: 'iMessage', to: '+1' }, 'invalid service'],
    [{ transport: 'pigeon', to: '+1', chat_id: 1 }, 'invalid transport'],
    [{ to: '+1', chat_id: 1 }, 'use to or chat_*; not both'],
    [{ to: '+1', chat_guid: 'x' }, 'use to or chat_*; not both'],
    [{ text: 'x' }, 'to is required for direct sends'],
    [{ to: '', text: 'x' }, 'to is required for direct sends'],
    [{ chat_id: 999 }, 'text or file is required'],
    [{ chat_id: 999, text: 'x' }, 'unknown chat_id 999'],
    [{ transport: 'bridge', to: '+15559990000', text: 'x' }, 'bridge transport requires an existing chat target'],
  ])('%j → -32602 %s', async (params, data) => {
    expect(await sim.request('send', params)).toMatchObject({ error: { code: -32602, message: 'Invalid params', data } });
  });

  it('requires the chat row to have an identifier or guid', async () => {
    expect(await sim.request('send', { chat_id: bareChatId, text: 'x' })).toMatchObject({ error: { code: -32602, data: 'missing chat identifier or guid' } });
  });

  it('fails a forced bridge send to a known chat with the SIP text; case-insensitive transport names', async () => {
    expect(await sim.request('send', { transport: 'BRIDGE', chat_id: direct.chat_id, text: 'x' })).toMatchObject({ error: { code: -32603, data: SIP_ERROR_TEXT } });
    expect(await sim.request('send', { transport: 'AppleScript', chat_id: direct.chat_id, text: 'ok' })).toMatchObject({ result: { ok: true } });
  });

  it('fails on a missing file and an unknown chat guid like the AppleScript path', async () => {
    const missing = join(db.dir, 'nope.png');
    expect(await sim.request('send', { to: '+15551234567', file: missing })).toMatchObject({ error: { code: -32603, data: `AppleScript failed: Attachment not found at ${missing}` } });
    expect(await sim.request('send', { chat_guid: 'iMessage;+;chat000', text: 'x' })).toMatchObject({
      error: { code: -32603, data: 'AppleScript failed: Messages got an error: Can’t get chat id "iMessage;+;chat000".' },
    });
  });
});

describe('send writes what Messages writes', () => {
  it('direct text send: {ok, transport, id, guid}; row is_from_me=1, is_sent=1, recipient handle, existing chat', async () => {
    const res = await sim.call('send', { to: '+15551234567', text: 'reply/1' });
    expect(res).toEqual({ ok: true, transport: 'applescript', id: expect.any(Number), guid: expect.stringMatching(/^[0-9A-F-]{36}$/) });
    const [row] = await outbox(Number(res.id) - 1);
    expect(row).toMatchObject({ id: res.id, guid: res.guid, chat_id: direct.chat_id, sender: '+15551234567', is_from_me: true, text: 'reply/1' });
    expect(rawRow(Number(res.id))).toMatchObject({ is_from_me: 1, is_sent: 1, service: 'iMessage' });
  });

  it('normalises a US number and creates the direct chat; sms service makes an SMS chat', async () => {
    const res = await sim.call('send', { to: '(555) 123-0000', text: 'new person' });
    const [row] = await outbox(Number(res.id) - 1);
    expect(row).toMatchObject({ sender: '+15551230000', chat_guid: 'iMessage;-;+15551230000', chat_identifier: '+15551230000' });
    const sms = await sim.call('send', { to: '+447700900123', text: 'sms', service: 'sms' });
    expect((await outbox(Number(sms.id) - 1))[0]).toMatchObject({ chat_guid: 'SMS;-;+447700900123' });
    expect(rawRow(Number(sms.id))).toMatchObject({ service: 'SMS' });
  });

  it('group send by chat_id / chat_guid / chat_identifier: handle_id 0, joined to the group', async () => {
    const ids: number[] = [];
    for (const target of [{ chat_id: String(group.chat_id) }, { chat_guid: group.chat_guid }, { chat_identifier: group.chat_guid.split(';')[2] }]) {
      ids.push(Number((await sim.call('send', { ...target, text: `to team ${ids.length}` })).id));
    }
    const rows = await outbox(ids[0]! - 1);
    expect(rows.map((r) => [r.id, r.chat_id, r.sender, r.is_group])).toEqual(ids.map((id) => [id, group.chat_id, '', true]));
    expect(rawRow(ids[0]!)).toMatchObject({ handle_id: 0 });
  });

  it('a handle-like chat_identifier becomes a direct send', async () => {
    const res = await sim.call('send', { chat_identifier: 'imessage:+15551234567', text: 'buddy' });
    expect((await outbox(Number(res.id) - 1))[0]).toMatchObject({ chat_id: direct.chat_id, text: 'buddy' });
  });

  it('file sends record an attachment row; attachment-only results carry no id/guid; text+file reports the text row', async () => {
    const before = (await outbox(0)).length;
    expect(await sim.call('send', { to: '+15551234567', file: '~/pic.png' })).toEqual({ ok: true, transport: 'applescript' });
    const both = await sim.call('send', { to: '+15551234567', file: '~/pic.png', text: 'with pic' });
    const rows = (await outbox(0)).slice(before);
    expect(rows.map((r) => [r.text, (r.attachments as unknown[]).length])).toEqual([['\uFFFC', 1], ['with pic', 0], ['\uFFFC', 1]]);
    expect(rows[1]).toMatchObject({ id: both.id, guid: both.guid });
    expect(rows[0]?.attachments).toEqual([expect.objectContaining({ filename: join(db.dir, 'pic.png'), mime_type: 'image/png', total_bytes: 4, missing: false })]);
  });

  it('outgoing rows reach watchers as is_from_me messages', async () => {
    const { subscription } = await sim.call('watch.subscribe', { debounce_ms: 0 });
    const sent = await sim.call('send', { to: '+15551234567', text: 'echo me' });
    const note = await sim.waitFor(isNotification('message', subscription as number), { timeoutMs: 4000 });
    expect(note.message).toMatchObject({ params: { message: { id: sent.id, is_from_me: true, text: 'echo me' } } });
  });
});
