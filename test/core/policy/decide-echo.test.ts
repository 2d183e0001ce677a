import { describe, expect, it } from 'vitest';
import { ALICE, dm, group, harness, NOW, verdict } from './decide-fixtures.js';

const ME = '+15559990000';
/** A real self-chat row: chat_identifier and destination are the sender. */
const self = (over: Record<string, unknown> = {}) => dm({ sender: ME, chat_identifier: ME, destination_caller_id: ME, participants: [], text: 'note to self', ...over });
const ownerOnly = { imessage: { dmPolicy: 'allowlist' as const, allowFrom: [ME, ALICE] } };

describe('decideInbound — self-chat and echoes (§10 steps 3–4, 10–12; §12)', () => {
  it('a real self-chat message (is_from_me) is processed as user input', () => {
    const d = harness(ownerOnly).decide(self({ is_from_me: true }));
    expect(d).toMatchObject({ decision: 'dispatch', replyTarget: `imessage:${ME}` });
    expect(d.steps.find((s) => s.step === 'from me')).toMatchObject({ outcome: 'pass' });
  });

  it('…and its is_from_me=false twin (same created_at and text) is dropped as self-chat echo', () => {
    const h = harness(ownerOnly);
    h.decide(self({ is_from_me: true, id: 1 }));
    expect(verdict(h.decide(self({ is_from_me: false, id: 2, guid: 'OTHER' })))).toBe('drop: self-chat echo');
    expect(verdict(h.decide(self({ is_from_me: false, id: 3, created_at: '2026-01-01T00:00:01.000Z' })))).toBe('dispatch');
    expect(verdict(h.decide(self({ is_from_me: false, id: 4 }), { now: NOW + 10_001 }))).toBe('dispatch');
  });

  it('an agent reply showing up in the self-chat is dropped as "agent echo in self-chat" and not counted by the loop limiter', () => {
    const h = harness(ownerOnly);
    h.caches.echo.remember(`default:imessage:${ME}`, { text: 'the answer', messageId: 'GUID-OUT' }, NOW - 1_000);
    // Rows without a guid cannot match by id, so text matching is forced (skipIdShortCircuit).
    for (let i = 0; i < 6; i++) expect(verdict(h.decide(self({ is_from_me: true, id: 50 + i, guid: '', text: 'the answer' })))).toBe('drop: agent echo in self-chat');
    expect(h.caches.loop.count('default:group:5', NOW)).toBe(0);
    expect(verdict(h.decide(self({ is_from_me: true, id: 60, guid: 'GUID-OUT' })))).toBe('drop: agent echo in self-chat');
  });

  it('with a guid that is not ours, the self-chat row is the user typing the same words (#47830)', () => {
    const h = harness(ownerOnly);
    h.caches.echo.remember(`default:imessage:${ME}`, { text: 'the answer', messageId: 'GUID-OUT' }, NOW - 1_000);
    expect(verdict(h.decide(self({ is_from_me: true, guid: 'GUID-USER', text: 'the answer' })))).toBe('dispatch');
  });

  it('self-chat needs the destination too: without it the thread is ambiguous, so is_from_me is dropped but remembered', () => {
    const h = harness(ownerOnly);
    const ambiguous = (over: Record<string, unknown>) => self({ destination_caller_id: undefined, ...over });
    expect(verdict(h.decide(ambiguous({ is_from_me: true })))).toBe('drop: from me');
    expect(verdict(h.decide(ambiguous({ is_from_me: false, id: 2 })))).toBe('drop: self-chat echo');
  });

  it('a destination that differs from the sender is not self-chat', () => {
    expect(verdict(harness(ownerOnly).decide(self({ is_from_me: true, destination_caller_id: ALICE })))).toBe('drop: from me');
  });

  it.each([
    ['a cached outbound id (row id)', { id: 777 }, { messageId: '777' }, 'drop: echo'],
    ['a cached outbound guid', { guid: 'GUID-OUT' }, { messageId: 'GUID-OUT' }, 'drop: echo'],
    ['text sent without a real id', {}, { text: 'hello', messageId: 'ok' }, 'drop: echo'],
    ['#47830: same text, but we got a real id back and this row has another one', {}, { text: 'hello', messageId: 'GUID-OUT' }, 'dispatch'],
    ['text matching needs no id at all on the inbound row', { id: undefined, guid: undefined }, { text: 'hello', messageId: 'GUID-OUT' }, 'drop: echo'],
  ])('echo cache (step 11): %s', (_name, over, sent, expected) => {
    const h = harness({ store: [ALICE] });
    h.caches.echo.remember(`default:imessage:${ALICE}`, sent, NOW - 1_000);
    expect(verdict(h.decide(dm(over)))).toBe(expected);
  });

  it('order: the echo check runs before the reflection guard, the empty-body check before both', () => {
    const h = harness({ store: [ALICE] });
    h.caches.echo.remember(`default:imessage:${ALICE}`, { text: '<final>x</final>' }, NOW);
    expect(verdict(h.decide(dm({ id: undefined, guid: undefined, text: '<final>x</final>' })))).toBe('drop: echo');
    expect(verdict(h.decide(dm({ id: 9, guid: 'GUID-OUT-9', text: '' })))).toBe('drop: empty body');
  });

  it('loop limiter: 5 counted drops in 60 s pause dispatches for that conversation', () => {
    const h = harness({ imessage: { dmPolicy: 'open', allowFrom: ['*'] } });
    for (let i = 0; i < 5; i++) expect(verdict(h.decide(dm({ is_from_me: true, id: i }), { now: NOW + i }))).toBe('drop: from me');
    // A fresh question (other text than the remembered is_from_me rows, so no self-chat echo).
    const limited = h.decide(dm({ id: 10, text: 'new question' }), { now: NOW + 10 });
    expect(verdict(limited)).toBe('drop: rate-limited (echo loop detected)');
    expect(limited.steps.at(-1)).toMatchObject({ step: 'loop limiter', outcome: 'drop' });
    expect(limited.replyTarget).toBeUndefined();
    expect(verdict(h.decide(dm({ id: 11, chat_id: 6, text: 'new question' }), { now: NOW + 10 }))).toBe('dispatch');
    expect(verdict(h.decide(dm({ id: 12, text: 'new question' }), { now: NOW + 60_001 }))).toBe('dispatch');
  });

  it('loop limiter: drops for echo, self-chat echo and reflection count; other drops do not', () => {
    const h = harness({ imessage: { groupPolicy: 'open' } });
    h.caches.echo.remember('default:chat_id:42', { text: 'bot says' }, NOW);
    h.decide(group({ id: 1, guid: '', text: 'bot says' }));
    h.decide(group({ id: 2, text: '<think>' }));
    h.decide(group({ id: 3, text: '' }));
    h.decide(group({ id: 4, is_from_me: true }));
    expect(h.caches.loop.count('default:group:42', NOW)).toBe(3);
  });

  it('record:false (explain) reads the caches but never writes them', () => {
    const h = harness({ ...ownerOnly, config: { messages: { groupChat: { mentionPatterns: ['bot'] } } } });
    h.decide(self({ is_from_me: true }), { record: false });
    expect(h.caches.selfChat.size()).toBe(0);
    for (let i = 0; i < 6; i++) h.decide(dm({ is_from_me: true, id: i }), { record: false });
    expect(h.caches.loop.count('default:group:5', NOW)).toBe(0);
    const g = harness({ imessage: { groupPolicy: 'open' }, config: { messages: { groupChat: { mentionPatterns: ['bot'] } } } });
    const d = g.decide(group(), { record: false });
    expect(d.pendingHistory?.entry.body).toBe('hello all');
    expect(g.caches.history?.chatCount()).toBe(0);
  });
});
