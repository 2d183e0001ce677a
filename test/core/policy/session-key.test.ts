import { describe, expect, it } from 'vitest';
import type { AppConfig } from '../../../electron/core/config/schema.js';
import { defaultAgentId, resolveAgentRoute } from '../../../electron/core/policy/route.js';
import {
  directSessionKey,
  groupSessionKey,
  inboundSessionKey,
  mainSessionOwner,
  outboundSessionKey,
  type DmScope,
} from '../../../electron/core/policy/session-key.js';
import { parseTarget } from '../../../electron/core/policy/targets.js';

describe('session keys (§14)', () => {
  it('groups: agent:<id>:imessage:group:<chat_id>, lower-cased, no account', () => {
    expect(groupSessionKey('Main', 42)).toBe('agent:main:imessage:group:42');
  });

  it.each<[DmScope | undefined, string]>([
    [undefined, 'agent:main:main'],
    ['main', 'agent:main:main'],
    ['per-peer', 'agent:main:direct:pal@example.com'],
    ['per-channel-peer', 'agent:main:imessage:direct:pal@example.com'],
    ['per-account-channel-peer', 'agent:main:imessage:work:direct:pal@example.com'],
  ])('DMs with dmScope %s → %s', (dmScope, key) => {
    expect(directSessionKey({ agentId: 'main', accountId: 'Work', peer: 'Pal@Example.com', dmScope })).toBe(key);
  });

  it('inbound keys read session.dmScope from the config', () => {
    const config: AppConfig = { session: { dmScope: 'per-peer' } };
    expect(inboundSessionKey(config, { agentId: 'a', accountId: 'default', peer: { kind: 'direct', id: '+1555' } })).toBe('agent:a:direct:+1555');
    expect(inboundSessionKey(config, { agentId: 'a', accountId: 'default', peer: { kind: 'group', id: '9' } })).toBe('agent:a:imessage:group:9');
  });

  it('outbound explicit targets: handles get the DM key, chat targets a group key from the raw id', () => {
    const config: AppConfig = { session: { dmScope: 'per-channel-peer' } };
    const key = (to: string) => outboundSessionKey(config, { agentId: 'main', accountId: 'default', target: parseTarget(to) });
    expect(key('imessage:+1 555 000 1111')).toBe('agent:main:imessage:direct:+15550001111');
    expect(key('chat_id:7')).toBe('agent:main:imessage:group:7');
    expect(key('chat_guid:iMessage;+;Chat9')).toBe('agent:main:imessage:group:imessage;+;chat9');
  });
});

describe('agent routing (§14)', () => {
  const config: AppConfig = {
    agents: { list: [{ id: 'main' }, { id: 'Work', default: true }, { id: 'fam' }] },
    bindings: [
      { agentId: 'fam', match: { channel: 'imessage', peer: { kind: 'direct', id: '+1 (555) 000-1111' } } },
      { agentId: 'fam', match: { peer: { kind: 'group', id: 'chat_id:42' } } },
      { agentId: 'main', match: { accountId: 'personal' } },
      { agentId: 'ghost', match: { accountId: 'gone' } },
    ],
  };

  it('the default agent is the one marked default, else the first, else main', () => {
    expect(defaultAgentId(config)).toBe('work');
    expect(defaultAgentId({ agents: { list: [{ id: 'A' }, { id: 'b' }] } })).toBe('a');
    expect(defaultAgentId({})).toBe('main');
  });

  it.each<[string, string, 'direct' | 'group', string, string, string]>([
    ['peer binding (DM, normalized)', 'default', 'direct', '+15550001111', 'fam', 'peer binding'],
    ['peer binding (group by chat_id)', 'default', 'group', '42', 'fam', 'peer binding'],
    ['account binding', 'personal', 'direct', 'x@y.z', 'main', 'account binding'],
    ['binding to an unknown agent falls back to the default agent', 'gone', 'direct', 'x@y.z', 'work', 'account binding'],
    ['no binding → default agent', 'default', 'direct', 'x@y.z', 'work', 'default agent'],
    ['a binding without accountId only applies to the default account', 'personal', 'direct', '+15550001111', 'main', 'account binding'],
  ])('%s', (_name, accountId, kind, id, agentId, matchedBy) => {
    expect(resolveAgentRoute(config, accountId, { kind, id })).toEqual({ agentId, matchedBy });
  });

  it('an accountId "*" binding applies to every account', () => {
    const c: AppConfig = { agents: { list: [{ id: 'main' }, { id: 'any' }] }, bindings: [{ agentId: 'any', match: { accountId: '*' } }] };
    expect(resolveAgentRoute(c, 'work', { kind: 'direct', id: '+1' })).toEqual({ agentId: 'any', matchedBy: 'channel binding' });
  });
});

describe('main-session last route owner (§14)', () => {
  it('exactly one distinct non-wildcard owner with dmScope main', () => {
    expect(mainSessionOwner({}, ['+1 555 000 1111', '15550001111', '*'])).toBe('+15550001111');
    expect(mainSessionOwner({}, ['+1', '+2'])).toBeUndefined();
    expect(mainSessionOwner({ session: { dmScope: 'per-peer' } }, ['+1'])).toBeUndefined();
  });
});
