// Conversation (ACP) bindings route before the default agent, by every documented peer form, and a
// binding naming a missing agent is an error for that conversation, never another agent.
import os from 'node:os';
import { describe, expect, it } from 'vitest';
import { AgentRegistry } from '../../electron/core/agents/registry.js';
import type { AppConfig } from '../../electron/core/config/schema.js';
import { type ConversationBinding, resolveAgentRoute } from '../../electron/core/policy/route.js';

const agents = { list: [{ id: 'main', default: true, backend: { type: 'echo' as const } }, { id: 'codex', runtime: { type: 'acp' as const, acp: { agent: 'codex' } } }] };
const acpBinding = (id: string, kind: 'direct' | 'group' = 'group', agentId = 'codex') => ({ type: 'acp' as const, agentId, match: { channel: 'imessage' as const, accountId: 'default', peer: { kind, id } }, acp: { label: 'lbl' } });
const group = { kind: 'group' as const, id: '123', chatGuid: 'iMessage;+;chat999', chatIdentifier: 'chat999' };

describe('conversation binding routing', () => {
  it.each([
    ['chat_id:123', group],
    ['chat_guid:iMessage;+;chat999', group],
    ['chat_identifier:chat999', group],
  ])('a config binding with peer %s takes the group', (id, peer) => {
    const config: AppConfig = { agents, bindings: [acpBinding(id)] };
    expect(resolveAgentRoute(config, 'default', peer)).toMatchObject({ agentId: 'codex', matchedBy: 'acp binding', binding: { id: `default/${id}`, source: 'config', label: 'lbl' } });
    expect(resolveAgentRoute(config, 'default', { kind: 'group', id: '124' })).toMatchObject({ agentId: 'main', matchedBy: 'default agent' });
    expect(resolveAgentRoute(config, 'other', peer).matchedBy).toBe('default agent');
  });

  it('a DM binding matches the normalized handle', () => {
    const config: AppConfig = { agents, bindings: [acpBinding('+1 (555) 000-1111', 'direct')] };
    expect(resolveAgentRoute(config, 'default', { kind: 'direct', id: '+15550001111' })).toMatchObject({ agentId: 'codex', matchedBy: 'acp binding' });
    expect(resolveAgentRoute(config, 'default', { kind: 'group', id: '15550001111' }).matchedBy).toBe('default agent');
  });

  it('a chat-made binding wins over the config and over plain bindings[]', () => {
    const config: AppConfig = { agents: { list: [...agents.list, { id: 'claude', runtime: { type: 'acp', acp: { agent: 'claude' } } }] }, bindings: [acpBinding('chat_id:123'), { agentId: 'main', match: { channel: 'imessage' as const, peer: { kind: 'group', id: '123' } } }] };
    const chat: ConversationBinding = { id: 'default/chat_id:123', source: 'chat', agentId: 'claude', accountId: 'default', peer: { kind: 'group', id: 'chat_id:123' } };
    expect(resolveAgentRoute(config, 'default', group, [chat])).toMatchObject({ agentId: 'claude', binding: { source: 'chat' } });
    expect(resolveAgentRoute(config, 'default', group)).toMatchObject({ agentId: 'codex', binding: { source: 'config' } });
  });

  it('a binding to a missing agent is that conversation\'s error, not the default agent', () => {
    const config: AppConfig = { agents, bindings: [acpBinding('chat_id:123', 'group', 'gone')] };
    const registry = new AgentRegistry(config, { stateDir: os.tmpdir(), env: {}, acpRuntime: () => ({ type: 'acp', reply: async () => ({ text: 'x' }) }) });
    expect(registry.resolve({ accountId: 'default', peer: group })).toEqual({ agentId: null, reason: 'no agent configured', detail: 'agent "gone" (binding default/chat_id:123) is not in agents.list' });
    expect(registry.resolve({ accountId: 'default', peer: { kind: 'group', id: '5' } })).toMatchObject({ agentId: 'main' });
  });

  it('the registry scopes an ACP backend to the binding', () => {
    const bound: ConversationBinding[] = [];
    const config: AppConfig = { agents, bindings: [acpBinding('chat_id:123')] };
    const registry = new AgentRegistry(config, {
      stateDir: os.tmpdir(),
      env: {},
      acpRuntime: () => ({ type: 'acp', reply: async () => ({ text: 'x' }), bind: (b) => (bound.push(b), { type: 'acp-bound', reply: async () => ({ text: 'y' }) }) }),
    });
    const r = registry.resolve({ accountId: 'default', peer: group });
    expect(r).toMatchObject({ agentId: 'codex', matchedBy: 'acp binding', backend: { type: 'acp-bound' } });
    expect(bound.map((b) => b.id)).toEqual(['default/chat_id:123']);
  });
});
