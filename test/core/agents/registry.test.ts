// Agent routing (default, first, bindings), the no-agent state, and the echo backend.
import os from 'node:os';
import { describe, expect, it } from 'vitest';
import { AgentError } from '../../../electron/core/agents/agent-error.js';
import { createAgentBackend } from '../../../electron/core/agents/create-backend.js';
import { EchoBackend } from '../../../electron/core/agents/echo-backend.js';
import { AgentRegistry } from '../../../electron/core/agents/registry.js';
import type { AgentRequest } from '../../../electron/core/agents/types.js';
import type { AppConfig } from '../../../electron/core/config/schema.js';
import { validateConfig } from '../../../electron/core/config/validate.js';

const deps = { stateDir: os.tmpdir(), env: {} };

function registry(raw: unknown): AgentRegistry {
  const result = validateConfig(raw);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return new AgentRegistry(result.config, deps);
}

const dm = (id: string, accountId = 'default') => ({ accountId, peer: { kind: 'direct' as const, id } });
const group = (id: string, accountId = 'default') => ({ accountId, peer: { kind: 'group' as const, id } });
const request = (text: string): AgentRequest => ({ agentId: 'a', accountId: 'default', sessionKey: 'agent:a:main', text, context: {} });

const echo = (prefix: string) => ({ type: 'echo', prefix });

describe('AgentRegistry.resolve', () => {
  it('no agents configured is a state, not a crash', () => {
    for (const raw of [{}, { agents: {} }, { agents: { list: [] } }]) {
      const r = registry(raw);
      expect(r.resolve(dm('+15550001111'))).toEqual({ agentId: null, reason: 'no agent configured', detail: 'agents.list is empty: add an agent with a backend' });
      expect(r.list()).toEqual([]);
    }
  });

  it('an agent without a backend is reported with its key path', () => {
    expect(registry({ agents: { list: [{ id: 'Main' }] } }).resolve(dm('+1555'))).toEqual({
      agentId: null,
      reason: 'no agent configured',
      detail: 'agents.list[0].backend is not set (agent "main")',
    });
  });

  it('uses the agent marked default, else the first', () => {
    const withDefault = registry({ agents: { list: [{ id: 'one', backend: echo('1:') }, { id: 'Two', default: true, backend: echo('2:') }] } });
    expect(withDefault.resolve(dm('+15550001111'))).toMatchObject({ agentId: 'two', matchedBy: 'default agent', agent: { id: 'Two' } });
    const first = registry({ agents: { list: [{ id: 'one', backend: echo('1:') }, { id: 'two', backend: echo('2:') }] } });
    expect(first.resolve(group('42'))).toMatchObject({ agentId: 'one' });
  });

  it('routes by peer and account bindings', async () => {
    const r = registry({
      agents: { list: [{ id: 'main', backend: echo('main:') }, { id: 'family', backend: echo('family:') }, { id: 'work', backend: echo('work:') }] },
      bindings: [
        { agentId: 'family', match: { peer: { kind: 'group', id: '42' } } },
        { agentId: 'family', match: { accountId: '*', peer: { kind: 'direct', id: 'imessage:+1 (555) 000-1111' } } },
        { agentId: 'work', match: { accountId: 'work' } },
      ],
    });
    expect(r.resolve(group('42'))).toMatchObject({ agentId: 'family', matchedBy: 'peer binding' });
    expect(r.resolve(group('43'))).toMatchObject({ agentId: 'main', matchedBy: 'default agent' });
    expect(r.resolve(dm('+15550001111', 'work'))).toMatchObject({ agentId: 'family', matchedBy: 'peer binding' });
    expect(r.resolve(dm('+15559999999', 'work'))).toMatchObject({ agentId: 'work', matchedBy: 'account binding' });
    const routed = r.resolve(group('42'));
    if (routed.agentId === null) throw new Error('expected an agent');
    expect((await routed.backend.reply(request('hi'))).text).toBe('family:hi');
  });

  it('reuses one backend per agent', () => {
    const r = registry({ agents: { list: [{ id: 'main', backend: echo('') }] } });
    const a = r.resolve(dm('+1'));
    const b = r.resolve(group('9'));
    expect(a.agentId && b.agentId && a.backend === b.backend).toBe(true);
  });
});

describe('AgentRegistry.list', () => {
  it('lists agents with backend type and the default flag', () => {
    const r = registry({
      agents: {
        list: [
          { id: 'Main', name: 'Molly', backend: { type: 'openai', baseUrl: 'http://127.0.0.1:11434', model: 'llama3.2' } },
          { id: 'hook', default: true, backend: { type: 'webhook', url: 'https://example.com/h' } },
          { id: 'bare' },
        ],
      },
    });
    expect(r.list()).toEqual([
      { agentId: 'main', name: 'Molly', type: 'openai', default: false },
      { agentId: 'hook', type: 'webhook', default: true },
      { agentId: 'bare', type: 'none', default: false },
    ]);
  });
});

describe('createAgentBackend', () => {
  it('builds each type and exposes errorReply', () => {
    const agent = (backend: unknown) => ({ id: 'a', backend }) as NonNullable<NonNullable<AppConfig['agents']>['list']>[number];
    expect(createAgentBackend(agent({ type: 'echo', errorReply: 'Oops' }), deps)).toMatchObject({ type: 'echo', errorReply: 'Oops' });
    expect(createAgentBackend(agent({ type: 'command', argv: ['x'] }), deps).type).toBe('command');
    expect(createAgentBackend(agent({ type: 'webhook', url: 'https://x' }), deps).type).toBe('webhook');
    const openai = createAgentBackend(agent({ type: 'openai', baseUrl: 'http://x', model: 'm', errorReply: 'Sorry' }), deps);
    expect(openai).toMatchObject({ type: 'openai', errorReply: 'Sorry' });
    expect(typeof openai.clearSession).toBe('function');
  });

  it('an agent without a backend is a config AgentError', () => {
    let err: unknown;
    try {
      createAgentBackend({ id: 'Lonely' }, deps);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(AgentError);
    expect(err).toMatchObject({ agentId: 'lonely', kind: 'config' });
  });
});

describe('echo backend', () => {
  it('replies with the text and prefix; empty text is no reply', async () => {
    expect(await new EchoBackend({ type: 'echo', prefix: 'you said: ' }).reply(request('hello'))).toEqual({ text: 'you said: hello', provider: 'echo' });
    expect((await new EchoBackend({ type: 'echo' }).reply(request('hello'))).text).toBe('hello');
    expect((await new EchoBackend({ type: 'echo' }).reply(request('   '))).text).toBeNull();
    expect(await new EchoBackend({ type: 'echo' }).check()).toEqual({ ok: true, detail: 'echo needs nothing' });
  });
});
