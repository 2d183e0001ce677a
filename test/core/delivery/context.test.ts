import { describe, expect, it } from 'vitest';
import { buildInboundContext, type ContextDecision, type InboundContextInput } from '../../../electron/core/delivery/context.js';
import { parseImsgMessage, type ImsgMessage } from '../../../electron/core/imsg/message.js';
import type { HistoryEntry } from '../../../electron/core/policy/history.js';

const ALICE = '+15550001111';
const BOB = '+15550002222';
const CREATED = '2026-01-07T14:05:00.000Z';
const T = Date.parse(CREATED);

function message(raw: Record<string, unknown>): ImsgMessage {
  const r = parseImsgMessage(raw);
  if (!r.ok) throw new Error(`bad fixture: ${r.error}`);
  return r.message;
}

const dmMessage = (over: Record<string, unknown> = {}): ImsgMessage =>
  message({ id: 100, guid: 'GUID-100', chat_id: 5, sender: ALICE, is_from_me: false, text: 'hello', created_at: CREATED, chat_name: '', participants: [ALICE], is_group: false, ...over });
const groupMessage = (over: Record<string, unknown> = {}): ImsgMessage =>
  message({ id: 200, guid: 'GUID-200', chat_id: 42, sender: BOB, is_from_me: false, text: '@bot hi', created_at: CREATED, chat_name: 'Friends', participants: [ALICE, BOB, ''], is_group: true, ...over });

const dmDecision = (over: Partial<ContextDecision> = {}): ContextDecision => ({
  chatType: 'direct', chatId: 5, senderId: ALICE, senderNormalized: ALICE, bodyText: 'hello', sessionKey: 'agent:main:main', agentId: 'main', wasMentioned: true, commandAuthorized: false, attachments: [], ...over,
});
const groupDecision = (over: Partial<ContextDecision> = {}): ContextDecision => ({
  chatType: 'group', chatId: 42, senderId: BOB, senderNormalized: BOB, bodyText: '@bot hi', sessionKey: 'agent:main:imessage:group:42', agentId: 'main', wasMentioned: true, commandAuthorized: true, attachments: [], ...over,
});

const build = (over: Partial<InboundContextInput> & Pick<InboundContextInput, 'message' | 'decision'>) => buildInboundContext({ accountId: 'default', envelope: { timeZone: 'UTC' }, ...over });

describe('inbound context: DM golden (§13)', () => {
  it('has exactly the documented fields and survives JSON', () => {
    const ctx = build({ message: dmMessage(), decision: dmDecision() });
    const expected = {
      Body: `[iMessage ${ALICE} Wed 2026-01-07T14:05Z] hello`,
      BodyForAgent: 'hello', RawBody: 'hello', CommandBody: 'hello',
      From: `imessage:${ALICE}`, To: `imessage:${ALICE}`, OriginatingTo: `imessage:${ALICE}`,
      SessionKey: 'agent:main:main', AccountId: 'default', AgentId: 'main',
      Provider: 'imessage', Surface: 'imessage', OriginatingChannel: 'imessage',
      ChatType: 'direct', ConversationLabel: ALICE,
      SenderName: ALICE, SenderId: ALICE, MessageSid: '100', Timestamp: T,
      WasMentioned: true, CommandAuthorized: false,
    };
    expect(ctx).toStrictEqual(expected);
    expect(JSON.parse(JSON.stringify(ctx))).toStrictEqual(expected);
  });

  it('a raw sender that differs from the normalized one shows both', () => {
    const ctx = build({ message: dmMessage({ sender: 'Alice@Example.com' }), decision: dmDecision({ senderId: 'Alice@Example.com', senderNormalized: 'alice@example.com' }) });
    expect(ctx).toMatchObject({
      Body: '[iMessage alice@example.com id:Alice@Example.com Wed 2026-01-07T14:05Z] hello',
      ConversationLabel: 'alice@example.com id:Alice@Example.com',
      From: 'imessage:Alice@Example.com', To: 'imessage:Alice@Example.com', SenderName: 'alice@example.com', SenderId: 'Alice@Example.com',
    });
  });

  it('reply context: suffix block in Body, ReplyTo* fields', () => {
    const ctx = build({ message: dmMessage({ text: 'sure' }), decision: dmDecision({ bodyText: 'sure', replyContext: { id: 'p:0/ABC', body: 'lunch\r\ntoday?', sender: BOB } }) });
    expect(ctx.Body).toBe(`[iMessage ${ALICE} Wed 2026-01-07T14:05Z] sure\n\n[Replying to ${BOB} id:p:0/ABC]\nlunch\ntoday?\n[/Replying]`);
    expect(ctx).toMatchObject({ ReplyToId: 'p:0/ABC', ReplyToBody: 'lunch\ntoday?', ReplyToSender: BOB, BodyForAgent: 'sure' });
  });

  it('missing created_at and id: no timestamp, no Timestamp, no MessageSid', () => {
    const ctx = build({ message: dmMessage({ created_at: undefined, id: undefined }), decision: dmDecision() });
    expect(ctx.Body).toBe(`[iMessage ${ALICE}] hello`);
    expect(ctx).not.toHaveProperty('Timestamp');
    expect(ctx).not.toHaveProperty('MessageSid');
  });

  it('CRLF becomes LF in every text field; pending history is ignored for DMs', () => {
    const ctx = build({ message: dmMessage(), decision: dmDecision({ bodyText: 'a\r\nb' }), history: [{ sender: BOB, body: 'x' }] });
    expect(ctx).toMatchObject({ Body: `[iMessage ${ALICE} Wed 2026-01-07T14:05Z] a\nb`, BodyForAgent: 'a\nb', RawBody: 'a\nb', CommandBody: 'a\nb' });
    expect(ctx).not.toHaveProperty('InboundHistory');
  });
});

const HISTORY: HistoryEntry[] = [
  { sender: ALICE, body: 'earlier', timestamp: T - 5 * 60_000, messageId: '198' },
  { sender: BOB, body: 'no id or time' },
];

describe('inbound context: group golden with pending history (§13, §15)', () => {
  it('has exactly the documented fields', () => {
    const ctx = build({ message: groupMessage(), decision: groupDecision(), history: HISTORY, historyLimit: 50 });
    expect(ctx).toStrictEqual({
      Body: [
        '[Chat messages since your last reply - for context]',
        `[iMessage Friends id:42 Wed 2026-01-07T14:00Z] ${ALICE}: earlier [id:198]`,
        `[iMessage Friends id:42] ${BOB}: no id or time`,
        '',
        '[Current message - respond to this]',
        `[iMessage Friends id:42 Wed 2026-01-07T14:05Z] ${BOB}: @bot hi`,
      ].join('\n'),
      BodyForAgent: '@bot hi', RawBody: '@bot hi', CommandBody: '@bot hi',
      From: 'imessage:group:42', To: 'chat_id:42', OriginatingTo: 'chat_id:42',
      SessionKey: 'agent:main:imessage:group:42', AccountId: 'default', AgentId: 'main',
      Provider: 'imessage', Surface: 'imessage', OriginatingChannel: 'imessage',
      ChatType: 'group', ConversationLabel: 'Friends id:42', GroupSubject: 'Friends', GroupMembers: `${ALICE}, ${BOB}`,
      SenderName: BOB, SenderId: BOB, MessageSid: '200', Timestamp: T,
      WasMentioned: true, CommandAuthorized: true,
      InboundHistory: [
        { sender: ALICE, body: 'earlier', timestamp: T - 5 * 60_000, messageId: '198' },
        { sender: BOB, body: 'no id or time' },
      ],
    });
  });

  it.each([
    ['limit 1 keeps the newest entry', 1, 1],
    ['no limit given keeps all', undefined, 2],
  ])('%s', (_name, historyLimit, count) => {
    const ctx = build({ message: groupMessage(), decision: groupDecision(), history: HISTORY, historyLimit });
    expect(ctx.InboundHistory).toHaveLength(count);
    expect(ctx.Body.split('\n').filter((l) => l.startsWith('[iMessage Friends id:42')).length).toBe(count + 1);
    expect(ctx.InboundHistory?.at(-1)?.body).toBe('no id or time');
  });

  it('limit 0 disables history: Body is the envelope alone, no InboundHistory', () => {
    const ctx = build({ message: groupMessage(), decision: groupDecision(), history: HISTORY, historyLimit: 0 });
    expect(ctx.Body).toBe(`[iMessage Friends id:42 Wed 2026-01-07T14:05Z] ${BOB}: @bot hi`);
    expect(ctx).not.toHaveProperty('InboundHistory');
  });

  it('no pending entries: Body is the envelope alone, InboundHistory is empty', () => {
    const ctx = build({ message: groupMessage(), decision: groupDecision(), historyLimit: 50 });
    expect(ctx.Body).toBe(`[iMessage Friends id:42 Wed 2026-01-07T14:05Z] ${BOB}: @bot hi`);
    expect(ctx.InboundHistory).toEqual([]);
  });

  it('an unnamed group without participants: "Group" label, no subject, no members', () => {
    const ctx = build({ message: groupMessage({ chat_name: undefined, participants: [] }), decision: groupDecision() });
    expect(ctx).toMatchObject({ ConversationLabel: 'Group id:42', Body: `[iMessage Group id:42 Wed 2026-01-07T14:05Z] ${BOB}: @bot hi` });
    expect(ctx).not.toHaveProperty('GroupSubject');
    expect(ctx).not.toHaveProperty('GroupMembers');
  });

  it('history lines follow the envelope time zone', () => {
    const ctx = build({ message: groupMessage(), decision: groupDecision(), history: HISTORY.slice(0, 1), envelope: { timeZone: 'America/Los_Angeles' } });
    expect(ctx.Body.split('\n')[1]).toBe(`[iMessage Friends id:42 Wed 2026-01-07 06:00 PST] ${ALICE}: earlier [id:198]`);
  });
});

describe('inbound context: media (§13, §19)', () => {
  const heic = { original_path: '/Users/me/Library/Messages/Attachments/ab/01/IMG_1.HEIC', mime_type: 'image/heic', missing: false };
  const blob = { original_path: '/Users/me/Library/Messages/Attachments/cd/02/file.bin', mime_type: undefined, missing: undefined };

  it('from the decision attachments; a missing MIME type is application/octet-stream', () => {
    const ctx = build({ message: dmMessage({ text: '', attachments: [heic, blob] }), decision: dmDecision({ bodyText: '<media:image>', attachments: [heic, blob] }) });
    expect(ctx).toMatchObject({
      BodyForAgent: '<media:image>',
      MediaPath: heic.original_path, MediaType: 'image/heic', MediaUrl: heic.original_path,
      MediaPaths: [heic.original_path, blob.original_path], MediaTypes: ['image/heic', 'application/octet-stream'], MediaUrls: [heic.original_path, blob.original_path],
    });
    expect(ctx).not.toHaveProperty('MediaRemoteHost');
  });

  it('explicit media (staged copies) override the decision, with the remote host', () => {
    const ctx = build({ message: dmMessage(), decision: dmDecision({ attachments: [heic] }), media: [{ path: '/tmp/staged/IMG_1.HEIC', mimeType: 'image/heic' }, { path: '  ' }], remoteHost: 'me@mac-mini' });
    expect(ctx).toMatchObject({ MediaPath: '/tmp/staged/IMG_1.HEIC', MediaPaths: ['/tmp/staged/IMG_1.HEIC'], MediaTypes: ['image/heic'], MediaRemoteHost: 'me@mac-mini' });
  });

  it('no attachments: no Media* fields at all, even with a remote host', () => {
    const ctx = build({ message: dmMessage(), decision: dmDecision(), remoteHost: 'me@mac-mini' });
    expect(Object.keys(ctx).filter((k) => k.startsWith('Media'))).toEqual([]);
  });
});
