// Errors that help: unknown keys and enum values name the closest known word, and echo the bad value.
import { describe, expect, it } from 'vitest';
import { formatIssue } from '../../../electron/core/config/issues.js';
import { closestMatch, editDistance } from '../../../electron/core/config/suggest.js';
import { validateConfig } from '../../../electron/core/config/validate.js';

function problems(raw: unknown): string[] {
  const r = validateConfig(raw);
  return r.ok ? [] : r.issues.map(formatIssue);
}

describe('did you mean', () => {
  it('edit distance and the closeness limit', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(closestMatch('dmPolcy', ['dmPolicy', 'groupPolicy'])).toBe('dmPolicy');
    expect(closestMatch('DMPOLICY', ['dmPolicy'])).toBe('dmPolicy');
    expect(closestMatch('xyz', ['dmPolicy', 'allowFrom'])).toBeUndefined();
    expect(closestMatch('ab', ['xy'])).toBeUndefined();
  });

  it.each([
    [{ channels: { imessage: { dmPolcy: 'pairing' } } }, 'channels.imessage.dmPolcy: unknown key (did you mean "dmPolicy"?)'],
    [{ channels: { imessage: { accounts: { work: { groupAlowFrom: [] } } } } }, 'channels.imessage.accounts.work.groupAlowFrom: unknown key (did you mean "groupAllowFrom"?)'],
    [{ channels: { imessage: { groups: { '1': { requireMentions: true } } } } }, 'channels.imessage.groups.1.requireMentions: unknown key (did you mean "requireMention"?)'],
    [{ agent: { list: [] } }, 'agent: unknown key (did you mean "agents"?)'],
    [{ agents: { list: [{ id: 'a', backend: { type: 'openai', baseUrl: 'http://x', modle: 'm', model: 'm' } }] } }, 'agents.list[0].backend.modle: unknown key (did you mean "model"?)'],
    [{ bindings: [{ agentId: 'a', match: { peers: {} } }] }, 'bindings[0].match.peers: unknown key (did you mean "peer"?)'],
    [{ channels: { imessage: { dmPolicy: 'pairng' } } }, 'channels.imessage.dmPolicy: expected one of pairing|allowlist|open|disabled, got "pairng" (did you mean "pairing"?)'],
    [{ channels: { imessage: { groupPolicy: 'allow-list' } } }, 'channels.imessage.groupPolicy: expected one of open|allowlist|disabled, got "allow-list" (did you mean "allowlist"?)'],
    [{ session: { dmScope: 'per_peer' } }, 'session.dmScope: expected one of main|per-peer|per-channel-peer|per-account-channel-peer, got "per_peer" (did you mean "per-peer"?)'],
    [{ channels: { imessage: { wat: 1 } } }, 'channels.imessage.wat: unknown key'],
    [{ channels: { imessage: { service: 42 } } }, 'channels.imessage.service: expected one of imessage|sms|auto, got 42'],
  ])('%j → %s', (raw, line) => {
    expect(problems(raw)).toEqual([line]);
  });
});
