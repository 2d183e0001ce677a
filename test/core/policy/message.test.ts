import { describe, expect, it } from 'vitest';
import { parseImsgMessage, unwrapLengthPrefixedText } from '../../../electron/core/imsg/message.js';

describe('imsg message payload (§2)', () => {
  it('accepts a full imsg message and passes extra fields through', () => {
    const raw = {
      id: 7, guid: 'G', chat_id: 3, sender: '+1', is_from_me: false, text: 'hi', created_at: '2026-01-01T00:00:00.000Z',
      attachments: [{ original_path: '/Users/a/Library/Messages/Attachments/x.jpg', mime_type: 'image/jpeg', missing: false, total_bytes: 5 }],
      reactions: [], chat_identifier: '+1', chat_guid: 'iMessage;-;+1', chat_name: '', participants: ['+1'], is_group: false,
      reply_to_id: 5, destination_caller_id: 'me@x.y', sender_name: 'Pal',
    };
    const r = parseImsgMessage(raw);
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.message).toMatchObject({ ...raw, attachments: [{ total_bytes: 5 }] });
      expect(r.message.sender_name).toBe('Pal');
    }
  });

  it('every field is optional and null counts as absent', () => {
    expect(parseImsgMessage({})).toMatchObject({ ok: true });
    const r = parseImsgMessage({ sender: null, chat_id: null });
    expect(r.ok && r.message.sender === undefined && r.message.chat_id === undefined).toBe(true);
  });

  it.each([
    [{ sender: { x: 1 } }, 'sender'],
    [{ id: '7' }, 'id'],
    [{ chat_id: '3' }, 'chat_id'],
    [{ is_from_me: 'true' }, 'is_from_me'],
    [{ is_group: 1 }, 'is_group'],
    [{ reply_to_id: true }, 'reply_to_id'],
    [{ participants: ['+1', 2] }, 'participants[1]'],
    [{ attachments: [{ missing: 'no' }] }, 'attachments[0].missing'],
    [{ attachments: {} }, 'attachments'],
    [{ text: 5 }, 'text'],
  ])('a wrong-typed known field is invalid and named: %j', (raw, field) => {
    const r = parseImsgMessage(raw);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.issues[0]?.path).toBe(field);
      expect(r.error.startsWith(`${field}: expected`)).toBe(true);
    }
  });

  it.each([[null], [[1]], ['text'], [5]])('a non-object payload is invalid: %j', (raw) => {
    expect(parseImsgMessage(raw)).toMatchObject({ ok: false, issues: [{ path: '(payload)' }] });
  });

  it('unwraps protobuf-style length-prefixed text and reply_to_text', () => {
    const wrapped = `\n${String.fromCharCode(5)}hello`;
    expect(unwrapLengthPrefixedText(wrapped)).toBe('hello');
    // A 3-byte varint: U+0201 encodes as C8 81, then 0x01 → 0x48 + 1·128 + 1·16384 = 16584.
    const long = 'x'.repeat(16_584);
    expect(unwrapLengthPrefixedText(`\n\u0201\u0001${long}`)).toBe(long);
    expect(unwrapLengthPrefixedText(`\n\u0201\u0001${long}y`)).toBe(`\n\u0201\u0001${long}y`);
    const r = parseImsgMessage({ text: wrapped, reply_to_text: `\n${String.fromCharCode(2)}ok` });
    expect(r.ok && [r.message.text, r.message.reply_to_text]).toEqual(['hello', 'ok']);
  });

  it.each([
    ['normal text', 'hello'],
    ['length does not cover exactly the rest', `\n${String.fromCharCode(3)}hello`],
    ['zero length', `\n${String.fromCharCode(0)}`],
    ['no 0x0A tag', `${String.fromCharCode(5)}hello`],
    ['empty', ''],
  ])('leaves other text alone: %s', (_name, text) => {
    expect(unwrapLengthPrefixedText(text)).toBe(text);
  });
});
