// JSON-RPC framing, errors, id handling, coercion and the read methods over a real `imsg-sim rpc` process.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unixMsToAppleNs } from './db/apple-time.js';
import { injectMessage, openChatDb, type InjectResult } from './db-writer.js';
import { SIP_ERROR_TEXT } from './rpc/bridge-errors.js';
import { CHAT_TARGET_BRIDGE_METHODS } from './rpc/methods-bridge.js';
import { isResponseTo, makeSimDb, SimRpc } from './rpc-harness.js';

let db: Awaited<ReturnType<typeof makeSimDb>>;
let sim: SimRpc;
let first: InjectResult;
let second: InjectResult;
let third: InjectResult;
let group: InjectResult;
let blobs: InjectResult[];
const MEDIUM = `${'ü'.repeat(650)}`; // 1300 UTF-8 bytes: 0x81 length, high byte trimmed as a control char
const LONG = 'L'.repeat(9000); // 0x2328: imsg's 2-byte strip leaves '#' in front (spec §4.4)

beforeAll(async () => {
  db = await makeSimDb();
  const w = openChatDb(db.dbPath);
  const at = (min: number) => unixMsToAppleNs(Date.parse('2026-05-16T10:00:00Z') + min * 60_000);
  const pic = join(db.dir, 'pic.jpg');
  writeFileSync(pic, 'jpeg');
  first = injectMessage(w, { from: '+15551234567', text: 'first ü', date: at(0) });
  second = injectMessage(w, { from: '+15551234567', text: 'see https://x.y/z\nline2', date: at(1), attachment: pic });
  third = injectMessage(w, { from: '+15551234567', fromMe: true, text: 'third', date: at(2) });
  group = injectMessage(w, { from: 'a@b.com', groupName: 'G', participants: ['+15550000001'], text: 'g', date: at(3) });
  blobs = [MEDIUM, LONG].map((text, i) => injectMessage(w, { from: 'blob@x.com', text, noTextColumn: true, date: at(-10 + i) }));
  w.close();
  sim = SimRpc.start({ db: db.dbPath });
});
afterAll(async () => {
  expect(await sim.close()).toBe(0);
  expect(sim.stderr).toBe('');
  await db.cleanup();
});

/** Send a raw line and return the next output line after it. */
async function rawReply(line: string | Buffer): Promise<Record<string, unknown>> {
  const after = sim.lines.length;
  sim.child.stdin?.write(Buffer.concat([Buffer.isBuffer(line) ? line : Buffer.from(line), Buffer.from('\n')]));
  return (await sim.waitFor(() => true, { after })).message;
}

describe('framing and request rules (spec §2.1–§2.2)', () => {
  it.each([
    ['{"id":1,"method"', null, -32700, 'Parse error', 'The data couldn’t be read because it isn’t in the correct format.'],
    ['[{"jsonrpc":"2.0","id":1,"method":"chats.list"}]', null, -32600, 'Invalid Request', 'request must be an object'],
    ['42', null, -32600, 'Invalid Request', 'request must be an object'],
    ['{"jsonrpc":"1.0","id":"j","method":"chats.list"}', 'j', -32600, 'Invalid Request', 'jsonrpc must be 2.0'],
    ['{"jsonrpc":"2.0","id":5}', 5, -32600, 'Invalid Request', 'method is required'],
    ['{"id":6,"method":""}', 6, -32600, 'Invalid Request', 'method is required'],
    ['{"id":7,"method":"no.such"}', 7, -32601, 'Method not found', 'no.such'],
    ['{"id":8,"method":"__proto__"}', 8, -32601, 'Method not found', '__proto__'],
  ])('%s → %i', async (line, id, code, message, data) => {
    expect(await rawReply(line)).toEqual({ jsonrpc: '2.0', id, error: { code, message, data } });
  });

  it('accepts a missing or non-string jsonrpc and CRLF line ends; ignores blank lines', async () => {
    const after = sim.lines.length;
    sim.child.stdin?.write('\n   \n\t\r\n{"id":"crlf","method":"chats.list","params":{"limit":1}}\r\n{"jsonrpc":2,"id":"num","method":"chats.list"}\n');
    const [a, b] = await sim.waitForCount(() => true, 2, { after });
    expect(a?.message).toMatchObject({ id: 'crlf', result: { chats: [expect.any(Object)] } });
    expect(b?.message).toMatchObject({ id: 'num', result: { chats: expect.any(Array) } });
  });

  it('repairs invalid UTF-8 to U+FFFD instead of failing the line', async () => {
    const line = Buffer.concat([Buffer.from('{"id":9,"method":"x'), Buffer.from([0xff]), Buffer.from('"}')]);
    expect(await rawReply(line)).toMatchObject({ id: 9, error: { code: -32601, data: 'x\uFFFD' } });
  });

  it.each([['str'], [0], [-1.5], [null], [{ nested: [1, 'two'] }], [[1]]])('echoes id %j exactly', async (id) => {
    expect(await rawReply(JSON.stringify({ jsonrpc: '2.0', id, method: 'chats.list', params: { limit: 1 } }))).toMatchObject({ id, result: expect.any(Object) });
  });

  it('suppresses success for requests without id but still writes their errors with id null', async () => {
    const after = sim.lines.length;
    sim.send({ jsonrpc: '2.0', method: 'chats.list' });
    sim.send({ jsonrpc: '2.0', method: 'messages.history' });
    sim.send({ jsonrpc: '2.0', id: 'marker', method: 'chats.list', params: { limit: 1 } });
    await sim.waitFor(isResponseTo('marker'), { after });
    expect(sim.lines.slice(after).map((l) => l.message)).toEqual([
      { jsonrpc: '2.0', id: null, error: { code: -32602, message: 'Invalid params', data: 'chat_id is required' } },
      expect.objectContaining({ id: 'marker' }),
    ]);
  });

  it('answers in request order', async () => {
    const after = sim.lines.length;
    for (let i = 0; i < 20; i++) sim.send({ jsonrpc: '2.0', id: i, method: i % 2 ? 'chats.list' : 'nope' });
    const lines = await sim.waitForCount(() => true, 20, { after });
    expect(lines.map((l) => l.message.id)).toEqual([...Array(20).keys()]);
  });

  it('writes / as \\/, non-ASCII raw and newlines escaped, one object per line', async () => {
    const after = sim.lines.length;
    const res = await sim.call('messages.history', { chat_id: first.chat_id, limit: 3 });
    const raw = sim.lines.slice(after).find((l) => l.message.result)?.raw ?? '';
    expect(raw).toContain('https:\\/\\/x.y\\/z\\nline2');
    expect(raw).toContain('first ü');
    expect(raw).not.toContain('\\u00fc');
    expect((res.messages as { text: string }[])[1]?.text).toBe('see https://x.y/z\nline2');
  });
});

describe('chats.list and messages.history (spec §3.1, §3.2)', () => {
  it('lists chats newest first with exactly the RPC keys; limit coerced and clamped to ≥1', async () => {
    const { chats } = (await sim.call('chats.list', {})) as { chats: Record<string, unknown>[] };
    expect(chats.map((c) => c.id)).toEqual([group.chat_id, first.chat_id, blobs[0]?.chat_id]);
    expect(chats[1]).toEqual({
      id: first.chat_id, identifier: '+15551234567', guid: 'iMessage;-;+15551234567', name: '', service: 'iMessage',
      last_message_at: '2026-05-16T10:02:00.000Z', participants: ['+15551234567'], is_group: false,
    });
    expect(chats[0]).toMatchObject({ name: 'G', is_group: true, participants: ['+15550000001', 'a@b.com'] });
    expect(((await sim.call('chats.list', { limit: '1' })).chats as unknown[]).length).toBe(1);
    expect(((await sim.call('chats.list', { limit: 0 })).chats as unknown[]).length).toBe(1);
  });

  it('returns history newest first, coerces chat_id, and fills attachments only when asked', async () => {
    const plain = (await sim.call('messages.history', { chat_id: String(first.chat_id) })).messages as Record<string, unknown>[];
    expect(plain.map((m) => m.id)).toEqual([third.id, second.id, first.id]);
    expect(plain.every((m) => Array.isArray(m.attachments) && (m.attachments as unknown[]).length === 0)).toBe(true);
    const withFiles = (await sim.call('messages.history', { chat_id: first.chat_id, attachments: 'true', limit: 2 })).messages as Record<string, unknown>[];
    expect(withFiles.map((m) => m.id)).toEqual([third.id, second.id]);
    expect(withFiles[1]?.attachments).toEqual([expect.objectContaining({ transfer_name: 'pic.jpg', mime_type: 'image/jpeg', total_bytes: 4, missing: false })]);
  });

  it('recovers attributedBody-only bodies over the wire (1300 B exact, 9000 B with the stray length byte)', async () => {
    const { messages } = (await sim.call('messages.history', { chat_id: blobs[0]?.chat_id })) as { messages: { text: string }[] };
    expect(messages.map((m) => m.text)).toEqual([`#${LONG}`, MEDIUM]);
  });

  it('filters by start/end/participants and rejects bad input', async () => {
    const ranged = await sim.call('messages.history', { chat_id: first.chat_id, start: '2026-05-16T10:01:00Z', end: '2026-05-16T12:02:00+02:00' });
    expect((ranged.messages as { id: number }[]).map((m) => m.id)).toEqual([second.id]);
    const none = await sim.call('messages.history', { chat_id: first.chat_id, participants: 'someone@else.com' });
    expect(none.messages).toEqual([]);
    expect(await sim.request('messages.history', { limit: 5 })).toMatchObject({ error: { code: -32602, data: 'chat_id is required' } });
    expect(await sim.request('messages.history', { chat_id: 1, start: 'bad' })).toMatchObject({ error: { code: -32603, data: 'Invalid ISO8601 date: bad' } });
    expect(await sim.call('messages.history', { chat_id: 999 })).toEqual({ messages: [] });
  });
});

describe('IMCore-only methods (spec §3.6, §3.7)', () => {
  it.each(CHAT_TARGET_BRIDGE_METHODS.map((m) => [m]))('%s needs a chat target, then fails with the SIP text', async (method) => {
    expect(await sim.request(method, { text: 'x' })).toMatchObject({ error: { code: -32602, data: 'chat_guid, chat_identifier, or chat_id is required' } });
    expect(await sim.request(method, { chat_id: '1' })).toMatchObject({ error: { code: -32603, message: 'Internal error', data: SIP_ERROR_TEXT } });
  });

  it('chats.create needs addresses; typing and read fail with their shapes', async () => {
    expect(await sim.request('chats.create', {})).toMatchObject({ error: { code: -32602 } });
    expect(await sim.request('chats.create', { addresses: ['+15550000001'] })).toMatchObject({ error: { code: -32603, data: SIP_ERROR_TEXT } });
    expect(await sim.request('typing', { to: '+15550000001' })).toMatchObject({ error: { code: -32603, data: expect.stringMatching(/^Typing indicator failed: /) } });
    expect(await sim.request('read', { chat_id: 1 })).toMatchObject({
      error: { code: -32603, data: 'The operation couldn’t be completed. (IMsgCore.IMCoreBridgeError error 1.)' },
    });
  });
});
