import { describe, expect, it } from 'vitest';
import { ALICE, BOB, group, harness, NOW, verdict, type HarnessOptions } from './decide-fixtures.js';

const BOT = { messages: { groupChat: { mentionPatterns: ['@?bot\\b'] } } };

describe('decideInbound — groups (§10, §11, §17)', () => {
  it.each<[string, HarnessOptions, Record<string, unknown>, string]>([
    ['4 is_from_me in a group', { imessage: { groupPolicy: 'open' } }, { is_from_me: true }, 'drop: from me'],
    ['5 group without chat_id', { imessage: { groupPolicy: 'open' } }, { chat_id: undefined }, 'drop: group without chat_id'],
    ['5 group with chat_id 0', { imessage: { groupPolicy: 'open' } }, { chat_id: 0 }, 'drop: group without chat_id'],
    ['6 default config: allowlist with nobody listed', {}, {}, 'drop: groupPolicy allowlist (empty groupAllowFrom)'],
    ['6 groupPolicy disabled', { imessage: { groupPolicy: 'disabled', groupAllowFrom: ['*'] } }, {}, 'drop: groupPolicy disabled'],
    ['6 sender not in groupAllowFrom', { imessage: { groupAllowFrom: [ALICE], groups: { '*': {} } } }, {}, 'drop: not in groupAllowFrom'],
    ['6 explicit empty groupAllowFrom does not fall back to allowFrom', { imessage: { allowFrom: [BOB], groupAllowFrom: [], groups: { '*': {} } } }, {}, 'drop: groupPolicy allowlist (empty groupAllowFrom)'],
    ['6 the DM pairing store never counts for groups', { store: [BOB], imessage: { groups: { '*': {} } } }, {}, 'drop: groupPolicy allowlist (empty groupAllowFrom)'],
    ['6 a chat_id entry admits everyone in that chat', { config: BOT, imessage: { groupAllowFrom: ['chat_id:42'], groups: { '*': {} } } }, { text: 'bot hi' }, 'dispatch'],
    ['7 reference behavior kept when groups exist: chat not listed', { imessage: { allowFrom: [BOB], groups: { '7': {} } } }, {}, 'drop: group id not in allowlist'],
    ['7 open policy with a groups map still gates chats', { imessage: { groupPolicy: 'open', groups: { '7': {} } } }, {}, 'drop: group id not in allowlist'],
    ['7 §0.2 FIX: allowlist + groups unset + groupAllowFrom (via allowFrom) admits the group', { config: BOT, imessage: { allowFrom: [BOB] } }, { text: 'hey bot' }, 'dispatch'],
    ['7 "*" admits every chat', { config: BOT, imessage: { groupAllowFrom: [BOB], groups: { '*': {} } } }, { text: 'hey bot' }, 'dispatch'],
    ['9 empty body', { imessage: { groupPolicy: 'open' } }, { text: '' }, 'drop: empty body'],
    ['12 reflected content', { imessage: { groupPolicy: 'open' } }, { text: 'assistant to=exec' }, 'drop: reflected assistant content'],
    ['15 unauthorized control command', { config: BOT, imessage: { groupPolicy: 'open' } }, { text: '/status' }, 'drop: control command (unauthorized)'],
    ['15 unauthorized command drops even when mentioned', { config: BOT, imessage: { groupPolicy: 'open' } }, { text: '/config set x 1' }, 'drop: control command (unauthorized)'],
    ['§0.10 other slash text is ordinary text and still needs a mention', { config: BOT, imessage: { groupPolicy: 'open' } }, { text: '/stop' }, 'drop: no mention'],
    ['16 no mention', { config: BOT, imessage: { groupPolicy: 'open' } }, {}, 'drop: no mention'],
    ['16 mentioned', { config: BOT, imessage: { groupPolicy: 'open' } }, { text: 'Hey @Bot, hi' }, 'dispatch'],
    ['16 requireMention false via "*"', { config: BOT, imessage: { groupPolicy: 'open', groups: { '*': { requireMention: false } } } }, {}, 'dispatch'],
    ['16 the chat entry beats "*"', { config: BOT, imessage: { groupPolicy: 'open', groups: { '*': { requireMention: false }, '42': { requireMention: true } } } }, {}, 'drop: no mention'],
    ['16 no patterns at all: gating cannot be enforced, everything passes', { imessage: { groupPolicy: 'open' } }, {}, 'dispatch'],
    ['16 the agent name is a mention pattern', { config: { agents: { list: [{ id: 'main', name: 'Clawd' }] } }, imessage: { groupPolicy: 'open' } }, {}, 'drop: no mention'],
    ['16 an empty agent list of patterns disables gating', { config: { ...BOT, agents: { list: [{ id: 'main', name: 'Clawd', groupChat: { mentionPatterns: [] } }] } }, imessage: { groupPolicy: 'open' } }, {}, 'dispatch'],
  ])('%s', (_name, opts, over, expected) => {
    expect(verdict(harness(opts).decide(group(over)))).toBe(expected);
  });

  it('the no-mention drop explains itself and records pending history', () => {
    const h = harness({ config: { ...BOT, messages: { groupChat: { mentionPatterns: ['@?bot\\b'], historyLimit: 2 } } }, imessage: { groupPolicy: 'open' } });
    const d = h.decide(group());
    expect(d).toMatchObject({ chatType: 'group', sessionKey: 'agent:main:imessage:group:42', agentId: 'main', wasMentioned: false, historyKey: '42' });
    expect(d.steps.at(-1)).toEqual({ step: 'mention gate', outcome: 'drop', detail: 'group requires a mention; no pattern matched "hello all"' });
    expect(d.pendingHistory).toEqual({ chatKey: '42', limit: 2, entry: { sender: BOB, body: 'hello all', timestamp: Date.parse('2026-01-01T00:00:00.000Z'), messageId: '200' } });
    h.decide(group({ id: 201, text: 'second' }));
    h.decide(group({ id: 202, text: 'third' }));
    expect(h.caches.history?.entries('42').map((e) => e.body)).toEqual(['second', 'third']);
  });

  it('account historyLimit 0 disables pending history', () => {
    const h = harness({ config: BOT, imessage: { groupPolicy: 'open', historyLimit: 0 } });
    expect(h.decide(group()).pendingHistory?.limit).toBe(0);
    expect(h.caches.history?.chatCount()).toBe(0);
  });

  it('an authorized control command bypasses the mention gate and counts as mentioned', () => {
    const d = harness({ config: BOT, imessage: { groupPolicy: 'open', allowFrom: [BOB] } }).decide(group({ text: '/status' }));
    expect(d).toMatchObject({ decision: 'dispatch', isControlCommand: true, commandAuthorized: true, wasMentioned: true, replyTarget: 'chat_id:42' });
  });

  it('commandAuthorized: groupAllowFrom counts; the DM store never does', () => {
    const viaGroupList = harness({ imessage: { groupPolicy: 'open', groupAllowFrom: [BOB] } }).decide(group());
    expect(viaGroupList.commandAuthorized).toBe(true);
    const viaStore = harness({ store: [BOB], imessage: { groupPolicy: 'open' } }).decide(group());
    expect(viaStore.commandAuthorized).toBe(false);
  });

  it('group-ish thread: is_group=false but the chat has its own groups entry → treated as a group', () => {
    const d = harness({ imessage: { groupPolicy: 'open', groups: { '42': { requireMention: false } } } }).decide(group({ is_group: false, chat_identifier: BOB }));
    expect(d).toMatchObject({ decision: 'dispatch', chatType: 'group', sessionKey: 'agent:main:imessage:group:42', replyTarget: 'chat_id:42' });
    expect(d.steps[1]).toEqual({ step: 'chat type', outcome: 'info', detail: 'treated as a group: groups has an entry for chat 42 although is_group is false' });
  });

  it('a "*" entry alone does not turn a DM into a group', () => {
    const d = harness({ store: [ALICE], imessage: { groups: { '*': {} } } }).decide(group({ is_group: false, sender: ALICE, chat_id: 5 }));
    expect(d.chatType).toBe('direct');
  });

  it('a peer binding routes the group to another agent', () => {
    const h = harness({ imessage: { groupPolicy: 'open' }, config: { agents: { list: [{ id: 'main' }, { id: 'Fam' }] }, bindings: [{ agentId: 'fam', match: { peer: { kind: 'group', id: '42' } } }] } });
    expect(h.decide(group())).toMatchObject({ agentId: 'fam', sessionKey: 'agent:fam:imessage:group:42' });
  });

  it.each<[string, 'all' | 'allowlist' | 'allowlist_quote', string | undefined, boolean]>([
    ['all keeps any quote', 'all', '+17770000000', true],
    ['allowlist_quote keeps any quote', 'allowlist_quote', '+17770000000', true],
    ['allowlist keeps a quote from an allowed sender', 'allowlist', ALICE, true],
    ['allowlist hides a quote from anyone else', 'allowlist', '+17770000000', false],
    ['allowlist hides a quote without a sender', 'allowlist', undefined, false],
  ])('reply context (§10 step 13): %s', (_name, contextVisibility, replySender, kept) => {
    const h = harness({ imessage: { groupAllowFrom: [ALICE, BOB], groups: { '*': { requireMention: false } }, contextVisibility } });
    const d = h.decide(group({ reply_to_text: 'the quote', reply_to_sender: replySender }));
    expect(d.decision).toBe('dispatch');
    expect(d.replyContext !== undefined).toBe(kept);
  });

  it('the loop-limiter key and echo scope follow the chat, not the sender', () => {
    const h = harness({ imessage: { groupPolicy: 'open' } });
    h.caches.echo.remember('default:chat_id:42', { text: 'hello all' }, NOW - 1_000);
    expect(verdict(h.decide(group({ id: undefined, guid: '' })))).toBe('drop: echo');
    expect(verdict(h.decide(group({ id: undefined, guid: '', chat_id: 43 })))).toBe('dispatch');
  });
});
