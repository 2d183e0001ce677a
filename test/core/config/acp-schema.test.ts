// ACP keys of the config (acp-bindings.md): agents.list[].runtime and bindings[] of type "acp" are
// accepted as documented, still strict inside, and an ACP agent without the runtime says so.
import os from 'node:os';
import { describe, expect, it } from 'vitest';
import { ACP_RUNTIME_NOT_AVAILABLE, agentUnavailable } from '../../../electron/core/agents/agent-availability.js';
import { EchoBackend } from '../../../electron/core/agents/echo-backend.js';
import { AgentRegistry } from '../../../electron/core/agents/registry.js';
import { formatIssue } from '../../../electron/core/config/issues.js';
import type { AppConfig } from '../../../electron/core/config/schema.js';
import { validateConfig } from '../../../electron/core/config/validate.js';

/** The example of acp-bindings.md, verbatim. */
const DOCS_EXAMPLE = {
  agents: { list: [{ id: 'codex', runtime: { type: 'acp', acp: { agent: 'codex', backend: 'acpx', mode: 'persistent' } } }] },
  bindings: [{ type: 'acp', agentId: 'codex', match: { channel: 'imessage', accountId: 'default', peer: { kind: 'group', id: 'chat_id:123' } }, acp: { label: 'codex-group' } }],
};

function valid(raw: unknown): AppConfig {
  const r = validateConfig(raw);
  if (!r.ok) throw new Error(r.issues.map(formatIssue).join('\n'));
  return r.config;
}

function problems(raw: unknown): string[] {
  const r = validateConfig(raw);
  return r.ok ? [] : r.issues.map(formatIssue);
}

const withAgent = (runtime: unknown, extra: Record<string, unknown> = {}) => ({ agents: { list: [{ id: 'codex', runtime, ...extra }] } });

describe('ACP config keys', () => {
  it('accepts the docs example and every planned runtime.acp key', () => {
    expect(valid(DOCS_EXAMPLE).bindings?.[0]?.acp?.label).toBe('codex-group');
    const full = { agent: 'claude', backend: 'acpx', mode: 'oneshot', command: ['claude-agent-acp'], cwd: '/tmp', progress: 'tools', workingNoticeSeconds: 20, permissionTimeoutSeconds: 60, allowFsWrite: false };
    expect(valid(withAgent({ type: 'acp', acp: full })).agents?.list?.[0]?.runtime?.acp).toEqual(full);
    expect(problems({ bindings: [{ type: 'route', agentId: 'main', match: { channel: 'imessage' } }] })).toEqual([]);
  });

  it('is strict inside runtime and bindings[].acp', () => {
    expect(problems(withAgent({ type: 'acp', acp: { agent: 'codex', lable: 'x' } }))).toEqual(['agents.list[0].runtime.acp.lable: unknown key']);
    expect(problems(withAgent({ type: 'acp', acp: { agent: 'codex' }, extra: 1 }))).toEqual(['agents.list[0].runtime.extra: unknown key']);
    expect(problems({ ...DOCS_EXAMPLE, bindings: [{ ...DOCS_EXAMPLE.bindings[0], acp: { label: 'x', mode: 'y' } }] })).toEqual(['bindings[0].acp.mode: unknown key']);
  });

  it('rejects wrong values with their key path', () => {
    expect(problems(withAgent({ type: 'docker', acp: { agent: 'codex' } }))).toEqual(['agents.list[0].runtime.type: expected "acp", got "docker"']);
    expect(problems(withAgent({ type: 'acp', acp: {} }))).toEqual(['agents.list[0].runtime.acp.agent: required']);
    expect(problems(withAgent({ type: 'acp', acp: { agent: 'codex', mode: 'forever' } }))).toEqual(['agents.list[0].runtime.acp.mode: expected one of persistent|oneshot, got "forever"']);
    expect(problems(withAgent({ type: 'acp', acp: { agent: 'codex', backend: 'acpy' } }))).toEqual(['agents.list[0].runtime.acp.backend: expected "acpx", got "acpy" (did you mean "acpx"?)']);
    expect(problems({ bindings: [{ type: 'acpx', agentId: 'codex', match: {} }] })).toEqual(['bindings[0].type: expected one of route|acp, got "acpx" (did you mean "acp"?)']);
    expect(problems(withAgent({ type: 'acp', acp: { agent: 'codex', env: ['OPENAI_API_KEY', 'BAD NAME'] } }))).toEqual(['agents.list[0].runtime.acp.env[1]: an environment variable name']);
    expect(problems(withAgent({ type: 'acp', acp: { agent: 'codex' } }, { backend: { type: 'echo' } }))).toEqual(['agents.list[0].runtime: set either backend or runtime, not both (runtime: {type: "acp"} needs no backend)']);
  });
});

describe('ACP runtime availability', () => {
  const deps = { stateDir: os.tmpdir(), env: {} };
  const peer = { accountId: 'default', peer: { kind: 'group' as const, id: '123' } };

  it('an ACP agent without a wired runtime is "ACP runtime not available", not another agent', () => {
    const config = valid({ ...DOCS_EXAMPLE, agents: { list: [{ id: 'main', default: true, backend: { type: 'echo' } }, ...DOCS_EXAMPLE.agents.list] }, bindings: [{ agentId: 'codex', match: { channel: 'imessage', peer: { kind: 'group', id: 'chat_id:123' } } }] });
    const registry = new AgentRegistry(config, deps);
    expect(registry.resolve(peer)).toEqual({ agentId: null, reason: ACP_RUNTIME_NOT_AVAILABLE, detail: 'agent "codex" uses runtime.type "acp" (ACP agent "codex"), but no ACP runtime is wired into this app' });
    expect(registry.list()[1]).toMatchObject({ agentId: 'codex', type: 'acp', unavailable: expect.stringMatching(/^ACP runtime not available: /) });
    expect(registry.get('codex')).toBeUndefined();
    expect(agentUnavailable(config.agents!.list![0]!, {})).toBeUndefined();
  });

  it('a wired runtime builds the backend', () => {
    const config = valid({ ...DOCS_EXAMPLE, bindings: [{ agentId: 'codex', match: { channel: 'imessage', peer: { kind: 'group', id: 'chat_id:123' } } }] });
    const backend = new EchoBackend({ type: 'echo' });
    const registry = new AgentRegistry(config, { ...deps, acpRuntime: (id) => (id === 'codex' ? backend : new EchoBackend({ type: 'echo' })) });
    const route = registry.resolve(peer);
    expect(route.agentId).toBe('codex');
    expect(route.agentId !== null && route.backend).toBe(backend);
    expect(registry.list()[0]?.unavailable).toBeUndefined();
  });
});
