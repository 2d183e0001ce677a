// In-process tests of the read side: Message payloads (spec §3.8), reactions (§4.7), schema detection (§4.1).
import { writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { unixMsToAppleNs } from './db/apple-time.js';
import { injectMessage, openChatDb, type InjectOptions } from './db-writer.js';
import { makeSimDb } from './rpc-harness.js';
import { listChats, chatRpcPayload } from './store/chats-query.js';
import { messagePayload } from './store/message-payload.js';
import { historyRows } from './store/message-queries.js';
import { openStore, type Store } from './store/open-store.js';

let env: Awaited<ReturnType<typeof makeSimDb>>;
let writer: Database.Database;
let stores: Store[] = [];

beforeEach(async () => {
  env = await makeSimDb();
  writer = openChatDb(env.dbPath);
});
afterEach(async () => {
  for (const s of stores) s.db.close();
  stores = [];
  writer.close();
  await env.cleanup();
});

/** A fresh read-only store (fresh chat cache). */
function store(path = env.dbPath): Store {
  const s = openStore(path);
  stores.push(s);
  return s;
}

const T0 = Date.parse('2026-05-16T10:00:00.000Z');
/** Inject with a date `minutes` after T0. */
function add(minutes: number, opts: InjectOptions) {
  return injectMessage(writer, { ...opts, date: unixMsToAppleNs(T0 + minutes * 60_000) });
}

/** The payload of message `id` through history (attachments on, reactions aggregated). */
function payloadOf(s: Store, chatId: number, id: number): Record<string, unknown> {
  const row = historyRows(s, { chatId, limit: 500 }).find((r) => r.id === id);
  if (!row) throw new Error(`message ${id} not in chat ${chatId}`);
  return messagePayload(s, row, { attachments: true, reactions: true });
}

describe('Message payload', () => {
  it('has exactly the always-present keys for a plain inbound message', () => {
    const m = add(0, { from: '+15551230000', text: 'hi/there' });
    expect(payloadOf(store(), m.chat_id, m.id)).toEqual({
      id: m.id,
      chat_id: m.chat_id,
      guid: m.guid,
      sender: '+15551230000',
      is_from_me: false,
      text: 'hi/there',
      created_at: '2026-05-16T10:00:00.000Z',
      attachments: [],
      reactions: [],
      chat_identifier: '+15551230000',
      chat_guid: 'iMessage;-;+15551230000',
      chat_name: '',
      participants: ['+15551230000'],
      is_group: false,
    });
  });

  it('falls back to destination_caller_id for outgoing group rows and reports it', () => {
    const g = add(0, { from: '+15550000002', groupName: 'Crew', participants: ['b@x.com', '+15550000001', 'b@x.com'], text: 'yo' });
    const out = add(1, { chatId: g.chat_id, fromMe: true, text: 'me too', destinationCallerId: 'me@icloud.com' });
    const p = payloadOf(store(), g.chat_id, out.id);
    expect(p).toMatchObject({ sender: 'me@icloud.com', destination_caller_id: 'me@icloud.com', is_from_me: true, is_group: true, chat_name: 'Crew' });
    expect(p.participants).toEqual(['+15550000001', '+15550000002', 'b@x.com']);
    expect(String(p.chat_guid)).toMatch(/^iMessage;\+;chat\d+$/);
  });

  it('decodes attributedBody when the text column is NULL', () => {
    const m = add(0, { from: 'a@b.com', text: 'only in the blob ✓', noTextColumn: true });
    expect(writer.prepare('SELECT text FROM message WHERE ROWID = ?').get(m.id)).toEqual({ text: null });
    expect(payloadOf(store(), m.chat_id, m.id).text).toBe('only in the blob ✓');
  });

  it('reports replies: reply_to_guid from p:0/GUID, thread originator first for reply_to_text/sender', () => {
    const parent = add(0, { from: '+15551110000', text: 'parent' });
    const other = add(1, { from: '+15552220000', chatId: parent.chat_id, text: 'other' });
    const reply = add(2, { from: '+15553330000', chatId: parent.chat_id, text: 'reply', associatedMessageGuid: `p:0/${other.guid}`, threadOriginatorGuid: parent.guid });
    const p = payloadOf(store(), parent.chat_id, reply.id);
    expect(p).toMatchObject({ reply_to_guid: other.guid, thread_originator_guid: parent.guid, reply_to_text: 'parent', reply_to_sender: '+15551110000' });
  });

  it('aggregates reactions: add replaces same sender+type, remove deletes, custom emoji from the text', () => {
    const m = add(0, { from: '+15551110000', text: 'hello' });
    const target = `p:0/${m.guid}`;
    const react = (min: number, from: string, type: number, text = 'x') =>
      add(min, { from, chatId: m.chat_id, text, associatedMessageGuid: target, associatedMessageType: type });
    react(1, '+15552220000', 2000); // love
    react(2, '+15552220000', 2001); // like
    const love2 = react(3, '+15552220000', 2000); // love again: replaces the first
    react(4, '+15552220000', 3001); // remove like
    const custom = react(5, '+15553330000', 2006, 'Reacted 🎉 to “hello”');
    react(6, '+15554440000', 2006, 'Reacted 🙂 to “hello”');
    react(7, '+15554440000', 3006, 'Removed a reaction'); // no emoji: removes that sender's custom
    const p = payloadOf(store(), m.chat_id, m.id);
    expect(p.reactions).toEqual([
      { id: love2.id, type: 'love', emoji: '❤️', sender: '+15552220000', is_from_me: false, created_at: '2026-05-16T10:03:00.000Z' },
      { id: custom.id, type: 'custom', emoji: '🎉', sender: '+15553330000', is_from_me: false, created_at: '2026-05-16T10:05:00.000Z' },
    ]);
    expect(historyRows(store(), { chatId: m.chat_id, limit: 50 }).map((r) => r.id)).toEqual([m.id]);
  });

  it('describes attachments with total_bytes, original_path (~ expanded) and missing', () => {
    const file = join(env.dir, 'pic.png');
    writeFileSync(file, Buffer.alloc(10));
    const m = add(0, { from: 'a@b.com', attachment: file });
    const gone = add(1, { from: 'a@b.com', attachment: '~/Library/Messages/Attachments/ab/11/X/IMG_1.jpeg' });
    const s = store();
    expect(payloadOf(s, m.chat_id, m.id)).toMatchObject({
      text: '\uFFFC',
      attachments: [{ filename: file, transfer_name: 'pic.png', uti: 'public.png', mime_type: 'image/png', total_bytes: 10, is_sticker: false, original_path: file, missing: false }],
    });
    expect(payloadOf(s, gone.chat_id, gone.id).attachments).toEqual([
      expect.objectContaining({ original_path: join(homedir(), 'Library/Messages/Attachments/ab/11/X/IMG_1.jpeg'), missing: true, total_bytes: 0 }),
    ]);
  });

  it.each([
    ['XML', Buffer.from('<?xml version="1.0"?><plist><dict><key>audio-transcription</key><string>Call me &amp; go</string></dict></plist>')],
    ['binary', binaryPlist([['audio-transcription', 'Call me & go']])],
  ])('replaces an audio message text with its %s plist transcription', (_kind, userInfo) => {
    const m = add(0, { from: 'a@b.com', attachment: '/nope/Audio.caf', isAudioMessage: true, attachmentUserInfo: userInfo });
    expect(payloadOf(store(), m.chat_id, m.id).text).toBe('Call me & go');
  });
});

describe('history query', () => {
  it('orders newest first and applies start/end/participants before the limit', () => {
    const a = add(0, { from: '+15550000001', text: 'a', destinationCallerId: 'me@x.com' });
    const b = add(1, { from: '+15550000002', chatId: a.chat_id, text: 'b' });
    const c = add(2, { from: '+15550000001', chatId: a.chat_id, text: 'c' });
    // Two handles in the chat now, so the outgoing row carries handle_id 0 and sender falls back to dci.
    const d = add(3, { chatId: a.chat_id, fromMe: true, text: 'd', destinationCallerId: 'ME@x.com' });
    add(4, { from: '+15550000002', chatId: a.chat_id, text: 'e' });
    const s = store();
    const ids = (q: Partial<Parameters<typeof historyRows>[1]>) => historyRows(s, { chatId: a.chat_id, limit: 50, ...q }).map((r) => r.id);
    expect(ids({ limit: 2, participants: ['+15550000001'] })).toEqual([c.id, a.id]);
    expect(ids({ start: unixMsToAppleNs(T0 + 60_000), end: unixMsToAppleNs(T0 + 3 * 60_000) })).toEqual([c.id, b.id]);
    // a also has dci me@x.com, but its sender handle wins; only d (no handle) matches by dci, case-insensitively.
    expect(ids({ participants: ['me@x.com'] })).toEqual([d.id]);
    expect(historyRows(s, { chatId: 999, limit: 50 })).toEqual([]);
  });
});

describe('schema detection (upstream fixture tables, no guid/associated_* columns)', () => {
  it('reports guid "" and uses MAX(message.date) for last_message_at', () => {
    const path = join(env.dir, 'minimal.db');
    const db = new Database(path);
    db.exec(`CREATE TABLE message (ROWID INTEGER PRIMARY KEY, handle_id INTEGER, text TEXT, date INTEGER, is_from_me INTEGER, service TEXT);
      CREATE TABLE chat (ROWID INTEGER PRIMARY KEY, chat_identifier TEXT, guid TEXT, display_name TEXT, service_name TEXT);
      CREATE TABLE handle (ROWID INTEGER PRIMARY KEY, id TEXT);
      CREATE TABLE chat_message_join (chat_id INTEGER, message_id INTEGER);
      CREATE TABLE chat_handle_join (chat_id INTEGER, handle_id INTEGER);
      CREATE TABLE message_attachment_join (message_id INTEGER, attachment_id INTEGER);
      CREATE TABLE attachment (ROWID INTEGER PRIMARY KEY, filename TEXT, transfer_name TEXT, uti TEXT, mime_type TEXT, total_bytes INTEGER, is_sticker INTEGER);
      INSERT INTO handle VALUES (1, '+15550001111');
      INSERT INTO chat VALUES (1, '+15550001111', NULL, NULL, 'iMessage');
      INSERT INTO chat_handle_join VALUES (1, 1);
      INSERT INTO message VALUES (1, 1, 'old', 1000000000, 0, 'iMessage');
      INSERT INTO chat_message_join VALUES (1, 1);`);
    db.close();
    const s = store(path);
    expect(s.schema).toMatchObject({ reactions: false, attributedBody: false, messageDate: false });
    const [chat] = listChats(s, 20);
    expect(chat && chatRpcPayload(s, chat)).toEqual({
      id: 1, identifier: '+15550001111', guid: '', name: '+15550001111', service: 'iMessage',
      last_message_at: '2001-01-01T00:00:01.000Z', participants: ['+15550001111'], is_group: false,
    });
    const [row] = historyRows(s, { chatId: 1, limit: 5 });
    expect(row && messagePayload(s, row, { attachments: true, reactions: true })).toMatchObject({ guid: '', text: 'old', reactions: [], attachments: [] });
  });
});

/** A minimal binary plist (bplist00) with one dict of string → string (UTF-16 for non-ASCII). */
function binaryPlist(entries: readonly (readonly [string, string])[]): Buffer {
  const str = (s: string): Buffer => {
    const ascii = /^[\x00-\x7f]*$/.test(s);
    const body = ascii ? Buffer.from(s, 'latin1') : Buffer.from(s, 'utf16le').swap16();
    const marker = ascii ? 0x50 : 0x60;
    const len = s.length;
    const head = len < 15 ? Buffer.from([marker | len]) : Buffer.from([marker | 0x0f, 0x10, len]);
    return Buffer.concat([head, body]);
  };
  const n = entries.length;
  const objects = [
    Buffer.from([0xd0 | n, ...entries.map((_, i) => 1 + i), ...entries.map((_, i) => 1 + n + i)]),
    ...entries.map(([k]) => str(k)),
    ...entries.map(([, v]) => str(v)),
  ];
  const header = Buffer.from('bplist00', 'latin1');
  const offsets: number[] = [];
  let pos = header.length;
  for (const o of objects) {
    offsets.push(pos);
    pos += o.length;
  }
  const table = Buffer.from(offsets.flatMap((o) => [o >> 8, o & 0xff]));
  const trailer = Buffer.alloc(32);
  trailer[6] = 2;
  trailer[7] = 1;
  trailer.writeBigUInt64BE(BigInt(objects.length), 8);
  trailer.writeBigUInt64BE(0n, 16);
  trailer.writeBigUInt64BE(BigInt(pos), 24);
  return Buffer.concat([header, ...objects, table, trailer]);
}
