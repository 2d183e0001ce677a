// Deprecated aliases (warning naming the new key; both spellings is an error), agent/binding
// warnings, channels.defaults.groupPolicy and ACP binding errors.
import { describe, expect, it } from 'vitest';
import { resolveAccount } from '../../../electron/core/config/accounts.js';
import { formatIssue } from '../../../electron/core/config/issues.js';
import { validateConfig } from '../../../electron/core/config/validate.js';

const AGENT = { agents: { list: [{ id: 'main', backend: { type: 'echo' } }] } };
const IM = { channels: { imessage: {} } };

function warnings(raw: unknown): string[] {
  const r = validateConfig(raw);
  if (!r.ok) throw new Error(r.issues.map(formatIssue).join('\n'));
  return r.warnings.map(formatIssue);
}
function problems(raw: unknown): string[] {
  const r = validateConfig(raw);
  return r.ok ? [] : r.issues.map(formatIssue);
}

describe('deprecated keys', () => {
  it('top-level imessage: is read as channels.imessage, with a warning', () => {
    const r = validateConfig({ ...AGENT, imessage: { dmPolicy: 'disabled' } });
    expect(r.ok && r.config.channels?.imessage?.dmPolicy).toBe('disabled');
    expect(r.ok && r.warnings.map(formatIssue)).toEqual(['imessage: deprecated top-level key; read as channels.imessage (move it there)']);
    expect(problems({ imessage: { dmPolcy: 'x' } })).toEqual(['channels.imessage.dmPolcy: unknown key (did you mean "dmPolicy"?)']);
  });

  it('routing.groupChat.mentionPatterns is read as messages.groupChat.mentionPatterns; other routing keys stay errors', () => {
    const r = validateConfig({ ...AGENT, ...IM, routing: { groupChat: { mentionPatterns: ['@bot'] } }, messages: { groupChat: { historyLimit: 5 } } });
    expect(r.ok && r.config.messages?.groupChat).toEqual({ historyLimit: 5, mentionPatterns: ['@bot'] });
    expect(r.ok && 'routing' in r.config).toBe(false);
    expect(r.ok && r.warnings.map(formatIssue)).toEqual(['routing.groupChat.mentionPatterns: deprecated key; read as messages.groupChat.mentionPatterns (move it there)']);
    expect(problems({ routing: { groupChat: { mentionPatterns: [], requireMention: true } } })).toEqual(['routing.groupChat.requireMention: unknown key']);
  });

  it('both spellings at once is an error naming the key to keep', () => {
    expect(problems({ imessage: {}, channels: { imessage: {} } })).toEqual(['imessage: both imessage (deprecated) and channels.imessage are set; keep only channels.imessage']);
    expect(problems({ routing: { groupChat: { mentionPatterns: [] } }, messages: { groupChat: { mentionPatterns: [] } } })).toEqual([
      'routing.groupChat.mentionPatterns: both routing.groupChat.mentionPatterns (deprecated) and messages.groupChat.mentionPatterns are set; keep only messages.groupChat.mentionPatterns',
    ]);
  });
});

describe('agents and bindings', () => {
  it('no agent, two defaults, a route to an unknown agent are warnings', () => {
    expect(warnings(IM)).toEqual(['agents.list: no agent configured: messages are received but never answered (add one under agents.list)']);
    const two = { ...IM, agents: { list: [{ id: 'a', default: true, backend: { type: 'echo' } }, { id: 'b', default: true, backend: { type: 'echo' } }] } };
    expect(warnings(two)).toEqual(['agents.list[1].default: more than one agent has default: true; using the first, "a" (agents.list[0])']);
    expect(warnings({ ...AGENT, ...IM, bindings: [{ agentId: 'mian', match: { channel: 'imessage' } }] })).toEqual([
      'bindings[0].agentId: no agent "mian" in agents.list (did you mean "main"?); messages it matches go to the default agent',
    ]);
  });

  it('an ACP binding to a missing or non-ACP agent is a warning (that chat shows the error); acp options on a route are an error', () => {
    const bind = (b: object) => ({ ...AGENT, ...IM, bindings: [{ agentId: 'main', match: { channel: 'imessage' }, ...b }] });
    expect(warnings(bind({ type: 'acp', agentId: 'mainn' }))).toEqual(['bindings[0].agentId: no agent "mainn" in agents.list (did you mean "main"?); that chat gets an error instead of an answer (an ACP binding needs an agent with runtime: {type: "acp"})']);
    expect(warnings(bind({ type: 'acp' }))).toEqual(['bindings[0].agentId: agent "main" has no runtime: {type: "acp"}; an ACP binding needs an ACP agent']);
    expect(problems(bind({ acp: { label: 'x' } }))).toEqual(['bindings[0].acp: acp options only apply to a binding with type: "acp"']);
  });
});

describe('channels.defaults.groupPolicy', () => {
  it('is the fallback when the channel and account set none, only with channels.imessage present', () => {
    const config = (raw: object) => {
      const r = validateConfig(raw);
      if (!r.ok) throw new Error('invalid');
      return r.config;
    };
    expect(resolveAccount(config({ channels: { defaults: { groupPolicy: 'disabled' }, imessage: {} } })).groupPolicy).toBe('disabled');
    expect(resolveAccount(config({ channels: { defaults: { groupPolicy: 'disabled' }, imessage: { groupPolicy: 'open' } } })).groupPolicy).toBe('open');
    expect(resolveAccount(config({ channels: { defaults: { groupPolicy: 'open' }, imessage: { accounts: { w: { groupPolicy: 'disabled' } } } } }), 'w').groupPolicy).toBe('disabled');
    expect(resolveAccount(config({ channels: { defaults: { groupPolicy: 'open' } } })).groupPolicy).toBe('allowlist');
    expect(problems({ channels: { defaults: { groupPolicy: 'opne' } } })).toEqual(['channels.defaults.groupPolicy: expected one of open|allowlist|disabled, got "opne" (did you mean "open"?)']);
    expect(problems({ channels: { defaults: { dmPolicy: 'open' } } })).toEqual(['channels.defaults.dmPolicy: unknown key']);
  });
});
