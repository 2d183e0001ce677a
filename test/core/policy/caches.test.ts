import { describe, expect, it } from 'vitest';
import { echoScope, SentMessageCache } from '../../../electron/core/policy/echo-cache.js';
import { GroupHistory, MAX_HISTORY_CHATS, buildPendingHistoryBody } from '../../../electron/core/policy/history.js';
import { LoopLimiter, loopKey } from '../../../electron/core/policy/loop-limiter.js';
import { SelfChatCache, selfChatScope } from '../../../electron/core/policy/self-chat-cache.js';

const S = 'default:imessage:+15550001111';

describe('sent-message cache (§12)', () => {
  it('text matches for 4 s (CRLF and outer space normalized), then expires', () => {
    const c = new SentMessageCache();
    c.remember(S, { text: ' hello\r\nthere ' }, 1_000);
    expect(c.has(S, { text: 'hello\nthere' }, 5_000)).toBe(true);
    expect(c.has(S, { text: 'hello\nthere' }, 5_001)).toBe(false);
    expect(c.has('other-scope', { text: 'hello\nthere' }, 1_000)).toBe(false);
  });

  it('ids match for 60 s; "ok", "unknown" and blank are not ids', () => {
    const c = new SentMessageCache();
    c.remember(S, { text: 'a', messageId: 'GUID-1' }, 0);
    expect(c.has(S, { messageId: 'GUID-1' }, 60_000)).toBe(true);
    expect(c.has(S, { messageId: 'GUID-1' }, 60_001)).toBe(false);
    for (const id of ['ok', 'unknown', '  ']) {
      const d = new SentMessageCache();
      d.remember(S, { messageId: id }, 0);
      expect(d.size()).toBe(0);
    }
  });

  it('#47830: an inbound with an uncached id is NOT matched by text when the send returned a real id', () => {
    const c = new SentMessageCache();
    c.remember(S, { text: 'same words', messageId: 'GUID-OUT' }, 0);
    expect(c.has(S, { text: 'same words', messageId: 'GUID-USER' }, 1_000)).toBe(false);
    expect(c.has(S, { text: 'same words' }, 1_000)).toBe(true);
  });

  it('an uncached id still matches by text when the newest copy was sent without a real id', () => {
    const c = new SentMessageCache();
    c.remember(S, { text: 'same words', messageId: 'GUID-OUT' }, 0);
    c.remember(S, { text: 'same words', messageId: 'ok' }, 500);
    expect(c.has(S, { text: 'same words', messageId: '123' }, 1_000)).toBe(true);
  });

  it('skipIdShortCircuit (self-chat rows without a guid) lets text match despite an uncached id', () => {
    const c = new SentMessageCache();
    c.remember(S, { text: 'reply', messageId: 'GUID-OUT' }, 0);
    expect(c.has(S, { text: 'reply', messageId: '991' }, 1_000, { skipIdShortCircuit: true })).toBe(true);
  });

  it('has() never mutates; expired entries are swept on remember', () => {
    const c = new SentMessageCache();
    c.remember(S, { text: 'x', messageId: 'g' }, 0);
    expect(c.size()).toBe(2);
    c.has(S, { text: 'x' }, 100_000);
    expect(c.size()).toBe(2);
    c.remember(S, { text: 'y' }, 100_000);
    expect(c.size()).toBe(1);
  });

  it('scopes: chat_id for groups, imessage:<raw sender> for DMs', () => {
    expect(echoScope('acct', { isGroup: true, chatId: 5, sender: '+1' })).toBe('acct:chat_id:5');
    expect(echoScope('acct', { isGroup: false, chatId: 5, sender: ' +1 ' })).toBe('acct:imessage: +1 ');
  });
});

describe('self-chat cache (§12)', () => {
  const base = { accountId: 'default', isGroup: false, sender: '+1', text: 'hi', createdAt: 1_700_000_000_000 };

  it('same scope + created_at + text within 10 s is a hit; anything different is not', () => {
    const c = new SelfChatCache();
    c.remember(base, 0);
    expect(c.has({ ...base, text: ' hi\r\n' }, 10_000)).toBe(true);
    expect(c.has(base, 10_001)).toBe(false);
    expect(c.has({ ...base, createdAt: base.createdAt + 1 }, 1)).toBe(false);
    expect(c.has({ ...base, text: 'ho' }, 1)).toBe(false);
    expect(c.has({ ...base, isGroup: true, chatId: 3 }, 1)).toBe(false);
  });

  it('without created_at nothing is cached', () => {
    const c = new SelfChatCache();
    c.remember({ ...base, createdAt: undefined }, 0);
    expect(c.size()).toBe(0);
    expect(c.has({ ...base, createdAt: undefined }, 0)).toBe(false);
  });

  it('holds at most 512 entries, dropping the oldest', () => {
    const c = new SelfChatCache();
    for (let i = 0; i < 600; i++) c.remember({ ...base, createdAt: i }, 0);
    expect(c.size()).toBe(512);
    expect(c.has({ ...base, createdAt: 0 }, 0)).toBe(false);
    expect(c.has({ ...base, createdAt: 599 }, 0)).toBe(true);
  });

  it('sweeps expired entries at most once per second', () => {
    const c = new SelfChatCache();
    c.remember(base, 0);
    c.remember({ ...base, text: 'b' }, 10_500);
    expect(c.size()).toBe(1);
    c.remember({ ...base, text: 'c' }, 20_400);
    expect(c.size()).toBe(2);
    c.remember({ ...base, text: 'd' }, 20_600);
    expect(c.has({ ...base, text: 'b' }, 20_600)).toBe(false);
    expect(c.size()).toBe(3);
    c.remember({ ...base, text: 'e' }, 21_400);
    expect(c.size()).toBe(3);
  });

  it('scopes per §12', () => {
    expect(selfChatScope({ accountId: 'a', isGroup: false, sender: '+1' })).toBe('a:imessage:+1');
    expect(selfChatScope({ accountId: 'a', isGroup: true, chatId: 9, sender: '+1' })).toBe('a:chat_id:9:imessage:+1');
  });
});

describe('loop limiter (§10)', () => {
  it('trips at 5 drops within 60 s and recovers when they age out', () => {
    const l = new LoopLimiter();
    const k = loopKey('default', 7, '+1');
    for (let i = 0; i < 4; i++) l.record(k, i * 1_000);
    expect(l.isLimited(k, 4_000)).toBe(false);
    l.record(k, 4_000);
    expect(l.isLimited(k, 4_000)).toBe(true);
    expect(l.isLimited(k, 60_000)).toBe(true);
    expect(l.isLimited(k, 60_001)).toBe(false);
    expect(l.isLimited(loopKey('default', 8, '+1'), 4_000)).toBe(false);
  });
  it('keys by chat_id whenever there is one, else by sender', () => {
    expect(loopKey('a', 7, '+1')).toBe('a:group:7');
    expect(loopKey('a', undefined, '+1')).toBe('a:dm:+1');
  });
});

describe('pending group history (§15)', () => {
  const e = (n: number) => ({ sender: '+1', body: `m${n}`, timestamp: n, messageId: String(n) });

  it('keeps the newest `limit` entries oldest-first; 0 disables; clear forgets', () => {
    const h = new GroupHistory();
    for (let i = 1; i <= 5; i++) h.record('42', e(i), 3);
    expect(h.entries('42').map((x) => x.body)).toEqual(['m3', 'm4', 'm5']);
    expect(h.entries('42', 2).map((x) => x.body)).toEqual(['m4', 'm5']);
    h.record('43', e(1), 0);
    expect(h.entries('43')).toEqual([]);
    h.clear('42');
    expect(h.entries('42')).toEqual([]);
  });

  it('keeps at most 1 000 chats, evicting the least recently touched', () => {
    const h = new GroupHistory();
    for (let i = 0; i <= MAX_HISTORY_CHATS; i++) h.record(String(i), e(i), 5);
    expect(h.chatCount()).toBe(MAX_HISTORY_CHATS);
    expect(h.entries('0')).toEqual([]);
    expect(h.entries('1')).toHaveLength(1);
  });

  it('builds the Body with the reference headers', () => {
    expect(buildPendingHistoryBody(['[iMessage a] x [id:1]'], '[iMessage b] y')).toBe(
      '[Chat messages since your last reply - for context]\n[iMessage a] x [id:1]\n\n[Current message - respond to this]\n[iMessage b] y',
    );
    expect(buildPendingHistoryBody([], 'cur')).toBe('cur');
  });
});
