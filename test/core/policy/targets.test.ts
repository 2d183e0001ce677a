import { describe, expect, it } from 'vitest';
import {
  formatChatTarget,
  isExplicitTargetId,
  looksLikeTargetId,
  normalizeMessagingTarget,
  parseTarget,
  targetChatType,
} from '../../../electron/core/policy/targets.js';

describe('parseTarget (§7 send-target grammar)', () => {
  it.each([
    ['chat_id:42', { kind: 'chat_id', chatId: 42 }],
    ['  CHATID: 7 ', { kind: 'chat_id', chatId: 7 }],
    ['chat:9', { kind: 'chat_id', chatId: 9 }],
    ['chat_guid:iMessage;+;chat9', { kind: 'chat_guid', chatGuid: 'iMessage;+;chat9' }],
    ['chatguid:abc', { kind: 'chat_guid', chatGuid: 'abc' }],
    ['guid:abc', { kind: 'chat_guid', chatGuid: 'abc' }],
    ['chat_identifier:chat123', { kind: 'chat_identifier', chatIdentifier: 'chat123' }],
    ['chatidentifier:x', { kind: 'chat_identifier', chatIdentifier: 'x' }],
    ['chatident:x', { kind: 'chat_identifier', chatIdentifier: 'x' }],
    ['imessage:+15550001111', { kind: 'handle', to: '+15550001111', service: 'imessage' }],
    ['SMS: +15550001111', { kind: 'handle', to: '+15550001111', service: 'sms' }],
    ['auto:pal@example.com', { kind: 'handle', to: 'pal@example.com', service: 'auto' }],
    ['imessage:chat_id:5', { kind: 'chat_id', chatId: 5 }],
    ['sms:chat_guid:G', { kind: 'chat_guid', chatGuid: 'G' }],
    ['imessage:sms:+1555', { kind: 'handle', to: 'sms:+1555', service: 'imessage' }],
    ['  +1 (555) 000-1111 ', { kind: 'handle', to: '+1 (555) 000-1111', service: 'auto' }],
  ])('%j', (raw, expected) => {
    expect(parseTarget(raw)).toEqual(expected);
  });

  it('kept quirk: chat_id is parsed with parseInt, so chat_id:12abc is chat 12', () => {
    expect(parseTarget('chat_id:12abc')).toEqual({ kind: 'chat_id', chatId: 12 });
  });

  it.each([
    ['', 'iMessage target is required'],
    ['   ', 'iMessage target is required'],
    ['chat_id:abc', 'Invalid chat_id: abc'],
    ['chat_id:', 'Invalid chat_id: '],
    ['chat_guid:  ', 'chat_guid is required'],
    ['guid:', 'chat_guid is required'],
    ['chat_identifier:', 'chat_identifier is required'],
    ['imessage:', 'imessage: target is required'],
    ['SMS:  ', 'sms: target is required'],
    ['auto:', 'auto: target is required'],
  ])('%j throws %j', (raw, message) => {
    expect(() => parseTarget(raw)).toThrow(new Error(message));
  });

  it('chat type: handles are direct, every chat_* target is a group', () => {
    expect(targetChatType(parseTarget('+15550001111'))).toBe('direct');
    expect(targetChatType(parseTarget('chat_id:1'))).toBe('group');
    expect(targetChatType(parseTarget('chat_guid:x'))).toBe('group');
    expect(targetChatType(parseTarget('chat_identifier:x'))).toBe('group');
  });
});

describe('formatChatTarget', () => {
  it.each([
    [42, 'chat_id:42'],
    [0, ''],
    [null, ''],
    [undefined, ''],
    [Number.NaN, ''],
  ])('%s → %j', (id, expected) => {
    expect(formatChatTarget(id)).toBe(expected);
  });
});

describe('looks-like-id and explicit id (§7)', () => {
  it.each([
    ['chat_id:1', true, true],
    ['imessage:Mom', true, true],
    ['pal@example.com', true, false],
    ['+123', true, false],
    ['555', true, false],
    ['55', false, false],
    ['Mom', false, false],
    ['+1 555', false, false],
    ['', false, false],
  ])('%j: looksLikeId=%s explicit=%s', (raw, looks, explicit) => {
    expect(looksLikeTargetId(raw)).toBe(looks);
    expect(isExplicitTargetId(raw)).toBe(explicit);
  });
});

describe('normalizeMessagingTarget (§7 --to normalizer)', () => {
  it.each([
    ['sms:+1 (555) 222-3333', 'sms:+15552223333'],
    ['imessage:Pal@Example.com', 'imessage:pal@example.com'],
    ['imessage:chat_id:5', 'chat_id:5'],
    ['chatidentifier: foo ', 'chatidentifier:foo'],
    ['CHAT:7', 'chat:7'],
    ['+1 555 000 1111', '+15550001111'],
    ['', undefined],
    ['imessage:', undefined],
  ])('%j → %j', (raw, expected) => {
    expect(normalizeMessagingTarget(raw)).toBe(expected);
  });
});
