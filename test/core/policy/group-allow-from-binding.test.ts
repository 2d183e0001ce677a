// groups["<chat_id>"].allowFrom replaces groupAllowFrom for that chat; bindings on chat_guid: /
// chat_identifier: route the conversation (they used to fall through to the default agent).
import { describe, expect, it } from 'vitest';
import { ALICE, BOB, dm, group, harness } from './decide-fixtures.js';

const CAROL = '+15550003333';

describe('per-group allowFrom', () => {
  const imessage = { groupAllowFrom: [BOB], groups: { '*': { requireMention: false }, '42': { allowFrom: [CAROL] } } };

  it('the chat entry replaces groupAllowFrom there, and the trace names it', () => {
    const h = harness({ imessage });
    const bob = h.decide(group());
    expect([bob.decision, bob.reason]).toEqual(['drop', 'not in groupAllowFrom']);
    expect(bob.steps.at(-1)?.detail).toBe(`sender ${BOB} is not in groups["42"].allowFrom`);
    const carol = h.decide(group({ sender: CAROL }));
    expect(carol.decision).toBe('dispatch');
    expect(carol.steps.find((s) => s.step === 'group access')?.detail).toBe(`sender ${CAROL} is allowed by groups["42"].allowFrom entry "${CAROL}"`);
    // Control commands count the chat's own list as the effective groupAllowFrom (§10 step 15).
    expect(h.decide(group({ sender: CAROL, text: '/status' })).commandAuthorized).toBe(true);
    expect(h.decide(group({ sender: BOB, chat_id: 7, text: '/status' })).commandAuthorized).toBe(true);
  });

  it('other chats keep groupAllowFrom; an empty chat list blocks that chat; it restricts "open" too', () => {
    expect(harness({ imessage }).decide(group({ chat_id: 7 })).decision).toBe('dispatch');
    expect(harness({ imessage }).decide(group({ chat_id: 7, sender: CAROL })).reason).toBe('not in groupAllowFrom');
    const empty = harness({ imessage: { groupAllowFrom: [BOB], groups: { '42': { allowFrom: [], requireMention: false } } } }).decide(group());
    expect([empty.decision, empty.steps.at(-1)?.detail]).toEqual(['drop', 'groups["42"].allowFrom is empty, so nobody may trigger the bot in this chat']);
    const open = harness({ imessage: { groupPolicy: 'open', groups: { '*': { requireMention: false }, '42': { allowFrom: [CAROL] } } } });
    expect([open.decide(group()).decision, open.decide(group({ sender: CAROL })).decision, open.decide(group({ chat_id: 9 })).decision]).toEqual(['drop', 'dispatch', 'dispatch']);
  });
});

describe('bindings on chat_guid / chat_identifier', () => {
  const agents = { agents: { list: [{ id: 'main' }, { id: 'fam' }, { id: 'work' }] } };
  const open = { groupPolicy: 'open' as const, groups: { '*': { requireMention: false } } };

  it.each<[string, 'direct' | 'group', string]>([
    ['chat_guid:iMessage;+;chat123456', 'group', 'fam'],
    ['chat_identifier:chat123456', 'group', 'fam'],
    ['chat_guid:iMessage;+;other', 'group', 'main'],
    ['chat_identifier:CHAT123456', 'group', 'main'],
  ])('group peer %s → %s agent %s', (id, kind, agentId) => {
    const h = harness({ imessage: open, config: { ...agents, bindings: [{ agentId: 'fam', match: { channel: 'imessage', peer: { kind, id } } }] } });
    expect(h.decide(group()).agentId).toBe(agentId);
  });

  it('a DM binding on the chat guid matches that DM; chat_id bindings still match', () => {
    const h = harness({ store: [ALICE], config: { ...agents, bindings: [{ agentId: 'work', match: { peer: { kind: 'direct', id: `chat_guid:iMessage;-;${ALICE}` } } }] } });
    expect(h.decide(dm()).agentId).toBe('work');
    const byId = harness({ imessage: open, config: { ...agents, bindings: [{ agentId: 'work', match: { peer: { kind: 'group', id: 'chat_id:42' } } }] } });
    expect(byId.decide(group()).agentId).toBe('work');
  });
});
