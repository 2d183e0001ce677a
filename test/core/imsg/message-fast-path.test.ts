import { describe, expect, it } from 'vitest';
import { imsgAttachmentSchema, imsgMessageSchema, parseImsgMessage } from '../../../electron/core/imsg/message.js';
import { ATTACHMENT_FIELDS, fastParseMessage, MESSAGE_FIELDS } from '../../../electron/core/imsg/message-fast-path.js';

/** A small seeded PRNG: the same 3000 payloads every run. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

const GOOD: Record<string, unknown[]> = {
  id: [1, 42.5, 0],
  guid: ['G1', ''],
  chat_id: [7],
  sender: ['+15550001111'],
  destination_caller_id: ['me@icloud.com'],
  is_from_me: [true, false],
  text: ['hi', ''],
  created_at: ['2026-11-21T10:00:00.000Z'],
  reply_to_id: ['R1', 12],
  reply_to_text: ['earlier'],
  reply_to_sender: ['+1555'],
  chat_identifier: ['chat123'],
  chat_guid: ['iMessage;+;chat123'],
  chat_name: ['Team'],
  participants: [[], ['+1', 'a@b.c']],
  is_group: [true],
  attachments: [[], [{ original_path: '/a.jpg', mime_type: 'image/jpeg', missing: false }], [{ missing: null, extra: 1 }]],
};
const BAD: unknown[] = ['x', 1, true, [], {}, [1], Number.POSITIVE_INFINITY, [{ missing: 'no' }], [null]];

describe('fastParseMessage', () => {
  it('checks exactly the fields the zod schemas know (a field added there must be added here)', () => {
    expect(Object.keys(MESSAGE_FIELDS).sort()).toEqual(Object.keys(imsgMessageSchema.shape).filter((k) => k !== 'attachments').sort());
    expect(Object.keys(ATTACHMENT_FIELDS).sort()).toEqual(Object.keys(imsgAttachmentSchema.shape).sort());
  });

  it('agrees with the zod schema on 3000 mixed payloads (valid, nulls, wrong types, extra fields)', () => {
    const next = rng(7);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)] as T;
    let fastHits = 0;
    for (let n = 0; n < 3000; n++) {
      const raw: Record<string, unknown> = { extra_field: pick([undefined, 'kept', { deep: 1 }]) };
      for (const [key, goods] of Object.entries(GOOD)) {
        const r = next();
        if (r < 0.3) continue;
        raw[key] = r < 0.45 ? null : r < 0.97 ? pick(goods) : pick(BAD);
      }
      const fast = fastParseMessage(raw);
      const zod = imsgMessageSchema.safeParse(raw);
      if (fast) {
        fastHits++;
        expect(zod.success, JSON.stringify(raw)).toBe(true);
        expect(fast).toEqual(zod.data);
      } else {
        expect(zod.success, JSON.stringify(raw)).toBe(false);
      }
    }
    expect(fastHits).toBeGreaterThan(1000);
  });

  it('leaves wrong payloads to zod, whose error names the field', () => {
    expect(fastParseMessage({ id: 1, sender: 5 })).toBeUndefined();
    expect(parseImsgMessage({ id: 1, sender: 5 })).toMatchObject({ ok: false, error: expect.stringContaining('sender') });
    expect(parseImsgMessage({ id: 1, attachments: [{ missing: 'no' }] })).toMatchObject({ ok: false, error: expect.stringContaining('attachments[0].missing') });
  });

  it('does not share the attachments it validated with the raw payload', () => {
    const raw = { id: 1, attachments: [{ original_path: '/x', missing: null }] };
    const fast = fastParseMessage(raw);
    expect(fast?.attachments?.[0]).not.toBe(raw.attachments[0]);
    expect(fast?.attachments?.[0]).toEqual({ original_path: '/x', missing: undefined });
  });
});
