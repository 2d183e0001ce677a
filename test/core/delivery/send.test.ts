import { describe, expect, it } from 'vitest';
import { buildSendParams, MAX_REPLY_TO_LENGTH, sanitizeReplyTo, type SendParamsInput } from '../../../electron/core/delivery/send-params.js';
import { planSend, sendPlanDocument, type SendPlanInput } from '../../../electron/core/delivery/send-plan.js';
import { messageIdFromResult } from '../../../electron/core/delivery/send-result.js';
import type { ImsgTarget } from '../../../electron/core/policy/targets.js';

const ACCOUNT = { service: undefined, region: 'US' } as const;
const SMS_ACCOUNT = { service: 'sms', region: 'GB' } as const;

describe('send params: targets (§18)', () => {
  it.each<[string, string | ImsgTarget, SendParamsInput['account'], Record<string, unknown>]>([
    ['chat_id', 'chat_id:42', ACCOUNT, { chat_id: 42, service: 'auto' }],
    ['chat_id uses the account service', 'chat_id:42', SMS_ACCOUNT, { chat_id: 42, service: 'sms', region: 'GB' }],
    ['chat: spelling', 'chat:7', ACCOUNT, { chat_id: 7, service: 'auto' }],
    ['chat_id with trailing junk (parseInt quirk)', 'chat_id:12abc', ACCOUNT, { chat_id: 12, service: 'auto' }],
    ['chat_guid', 'chat_guid:iMessage;+;chat123', SMS_ACCOUNT, { chat_guid: 'iMessage;+;chat123', service: 'sms', region: 'GB' }],
    ['guid: spelling', 'guid:ABC', ACCOUNT, { chat_guid: 'ABC', service: 'auto' }],
    ['chat_identifier', 'chat_identifier:chat123456', ACCOUNT, { chat_identifier: 'chat123456', service: 'auto' }],
    ['bare handle: service auto, even with an account service', '+15551234567', SMS_ACCOUNT, { to: '+15551234567', service: 'auto', region: 'GB' }],
    ['sms: handle keeps its service, not normalized', 'sms:+1 (555) 123-4567', ACCOUNT, { to: '+1 (555) 123-4567', service: 'sms' }],
    ['imessage: email as given', 'imessage:Alice@Example.com', ACCOUNT, { to: 'Alice@Example.com', service: 'imessage' }],
    ['auto: handle', 'AUTO:+15550001111', ACCOUNT, { to: '+15550001111', service: 'auto' }],
    ['service prefix before a chat target is dropped', 'imessage:chat_id:9', SMS_ACCOUNT, { chat_id: 9, service: 'sms', region: 'GB' }],
    ['a parsed target object', { kind: 'chat_id', chatId: 5 }, ACCOUNT, { chat_id: 5, service: 'auto' }],
    ['a parsed handle object', { kind: 'handle', to: 'bob@x.com', service: 'imessage' }, ACCOUNT, { to: 'bob@x.com', service: 'imessage' }],
  ])('%s', (_name, target, account, expected) => {
    expect(buildSendParams({ target, text: 'hi', account })).toStrictEqual({ text: 'hi', region: 'US', ...expected });
  });

  it('the chat-id override (pairing replies) wins over the target; 0 is ignored', () => {
    expect(buildSendParams({ target: '+15550001111', text: 'hi', account: ACCOUNT, chatIdOverride: 77 })).toStrictEqual({ text: 'hi', service: 'auto', region: 'US', chat_id: 77 });
    expect(buildSendParams({ target: '+15550001111', text: 'hi', account: ACCOUNT, chatIdOverride: 0 })).toMatchObject({ to: '+15550001111' });
  });

  it.each([
    ['input wins', 'DE', 'GB', 'DE'],
    ['account next', undefined, 'GB', 'GB'],
    ['blank input ignored', '  ', 'GB', 'GB'],
    ['US last', undefined, '', 'US'],
  ])('region: %s', (_name, region, accountRegion, expected) => {
    expect(buildSendParams({ target: '+1555', text: 'x', region, account: { region: accountRegion } }).region).toBe(expected);
  });

  it.each([
    ['non-numeric chat_id', 'chat_id:abc', 'hi', 'Invalid chat_id: abc'],
    ['blank target', '   ', 'hi', 'iMessage target is required'],
    ['empty chat_guid', 'chat_guid:', 'hi', 'chat_guid is required'],
    ['empty chat_identifier', 'chatidentifier:  ', 'hi', 'chat_identifier is required'],
    ['empty imessage: handle', 'imessage:', 'hi', 'imessage: target is required'],
    ['empty sms: handle', 'SMS:  ', 'hi', 'sms: target is required'],
    ['a bad target before a missing text', 'chat_id:x', '', 'Invalid chat_id: x'],
  ])('throws on %s', (_name, target, text, message) => {
    expect(() => buildSendParams({ target, text, account: ACCOUNT })).toThrow(new Error(message));
  });

  it.each([
    ['no text', undefined],
    ['empty text', ''],
    ['whitespace', ' \n '],
    ['only directive tags', '[[reply_to_current]] [[audio_as_voice]]'],
  ])('throws "iMessage send requires text or media" with %s and no file', (_name, text) => {
    expect(() => buildSendParams({ target: '+1555', text, account: ACCOUNT })).toThrow(new Error('iMessage send requires text or media'));
  });

  it('directive tags are stripped from the text', () => {
    expect(buildSendParams({ target: '+1555', text: 'Hi [[reply_to:123]] there', account: ACCOUNT }).text).toBe('Hi there');
  });
});

describe('send params: files and placeholders (§18)', () => {
  it.each<[string, Partial<SendParamsInput>, string]>([
    ['image by extension', { file: '/tmp/IMG_1.HEIC' }, '<media:image>'],
    ['audio by MIME, parameters and case normalized', { file: '/tmp/a.bin', mime: ' Audio/MP4; codecs=mp4a ' }, '<media:audio>'],
    ['video by extension', { file: '/tmp/clip.mov' }, '<media:video>'],
    ['unknown extension → document', { file: '/tmp/report.xyz' }, '<media:document>'],
    ['a caption wins over the placeholder', { file: '/tmp/a.jpg', text: 'look' }, 'look'],
    ['a tag-only caption is a missing caption', { file: '/tmp/a.jpg', text: '[[audio_as_voice]]' }, '<media:image>'],
  ])('%s', (_name, over, text) => {
    const params = buildSendParams({ target: 'chat_id:3', account: ACCOUNT, ...over });
    expect(params).toStrictEqual({ text, service: 'auto', region: 'US', file: over.file, chat_id: 3 });
  });
});

describe('reply_to (§18)', () => {
  it.each([
    ['trimmed', '  p:0/ABC  ', 'p:0/ABC'],
    ['controls and brackets removed', 'a[b]c\u0007\u0000\u009f', 'abc'],
    ['empty after cleaning → omitted', ' [[]] \n', undefined],
    ['blank → omitted', '   ', undefined],
    ['undefined → omitted', undefined, undefined],
  ])('%s', (_name, raw, expected) => {
    expect(sanitizeReplyTo(raw)).toBe(expected);
    const params = buildSendParams({ target: '+1555', text: 'x', replyTo: raw, account: ACCOUNT });
    if (expected === undefined) expect(params).not.toHaveProperty('reply_to');
    else expect(params.reply_to).toBe(expected);
  });

  it('is cut to 256 code points without splitting an emoji', () => {
    expect(sanitizeReplyTo('x'.repeat(300))).toBe('x'.repeat(MAX_REPLY_TO_LENGTH));
    const emoji = sanitizeReplyTo('😀'.repeat(300)) ?? '';
    expect(Array.from(emoji)).toHaveLength(256);
    expect(emoji).toBe('😀'.repeat(256));
  });
});

const PLAN_ACCOUNT: SendPlanInput['account'] = { accountId: 'work', service: undefined, region: 'US', textChunkLimit: 4000, chunkMode: 'length' };

describe('planSend (one request per chunk)', () => {
  it('a 9,000-character message is 3 requests at the account limit', () => {
    const text = 'abcdefgh '.repeat(1000).trim();
    const requests = planSend({ target: 'chat_id:1', text, account: PLAN_ACCOUNT });
    expect(requests).toHaveLength(3);
    expect(requests.map((r) => r.method)).toEqual(['send', 'send', 'send']);
    expect(requests.map((r) => r.params.text).join(' ')).toBe(text);
    for (const r of requests) expect(r.params).toMatchObject({ chat_id: 1, service: 'auto', region: 'US' });
  });

  it('limit and mode overrides; reply_to on every request', () => {
    const requests = planSend({ target: '+15550001111', text: 'one\n\ntwo', account: PLAN_ACCOUNT, chunkMode: 'newline', limit: 100, replyTo: 'G1' });
    expect(requests.map((r) => r.params)).toStrictEqual([
      { text: 'one', service: 'auto', region: 'US', to: '+15550001111', reply_to: 'G1' },
      { text: 'two', service: 'auto', region: 'US', to: '+15550001111', reply_to: 'G1' },
    ]);
  });

  it('the file rides on the first request only', () => {
    const requests = planSend({ target: 'chat_id:1', text: 'aaa bbb', file: '/tmp/a.png', account: { ...PLAN_ACCOUNT, textChunkLimit: 4 } });
    expect(requests.map((r) => r.params)).toStrictEqual([
      { text: 'aaa', service: 'auto', region: 'US', file: '/tmp/a.png', chat_id: 1 },
      { text: 'bbb', service: 'auto', region: 'US', chat_id: 1 },
    ]);
  });

  it('a file without text is one request with the placeholder', () => {
    expect(planSend({ target: 'chat_id:1', file: '/tmp/voice.m4a', account: PLAN_ACCOUNT })).toStrictEqual([
      { method: 'send', params: { text: '<media:audio>', service: 'auto', region: 'US', file: '/tmp/voice.m4a', chat_id: 1 } },
    ]);
  });

  it.each([
    ['nothing to send', 'chat_id:1', '  ', 'iMessage send requires text or media'],
    ['a bad target', 'chat_id:nope', 'hi', 'Invalid chat_id: nope'],
  ])('throws on %s', (_name, target, text, message) => {
    expect(() => planSend({ target, text, account: PLAN_ACCOUNT })).toThrow(new Error(message));
  });

  it('the dry-run document is {account, requests} and survives JSON', () => {
    const requests = planSend({ target: 'chat_guid:G', text: 'hi', account: PLAN_ACCOUNT });
    const doc = sendPlanDocument(PLAN_ACCOUNT.accountId, requests);
    expect(JSON.parse(JSON.stringify(doc))).toStrictEqual({ account: 'work', requests: [{ method: 'send', params: { text: 'hi', service: 'auto', region: 'US', chat_guid: 'G' } }] });
  });
});

describe('messageIdFromResult (§18)', () => {
  it.each([
    [{ messageId: ' m1 ', message_id: 'm2' }, 'm1'],
    [{ message_id: 'm2', id: 'm3' }, 'm2'],
    [{ id: 'm3', guid: 'g' }, 'm3'],
    [{ guid: ' p:0/GUID ' }, 'p:0/GUID'],
    [{ messageId: '  ', guid: 'g' }, 'g'],
    [{ message_id: 17, id: 18 }, '17'],
    [{ id: 18, ok: true }, '18'],
    [{ id: 0 }, '0'],
    [{ message_id: 'x', id: 5 }, 'x'],
    [{ ok: true, transport: 'applescript' }, 'ok'],
    [{ ok: false }, 'unknown'],
    [{}, 'unknown'],
    [null, 'unknown'],
    ['ok', 'unknown'],
    [{ id: Number.NaN, ok: 1 }, 'ok'],
  ])('%j → %s', (result, expected) => {
    expect(messageIdFromResult(result)).toBe(expected);
  });
});
