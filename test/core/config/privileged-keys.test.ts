import { describe, expect, it } from 'vitest';
import { PRIVILEGED_KEYS, privilegedChange, privilegedKey } from '../../../electron/core/config/privileged-keys.js';

describe('privilegedKey', () => {
  it.each([
    ['channels.imessage.cliPath', 'channels.imessage.cliPath'],
    ['channels.imessage.dbPath', 'channels.imessage.dbPath'],
    ['channels.imessage.remoteHost', 'channels.imessage.remoteHost'],
    ['channels.imessage.attachmentRoots[0]', 'channels.imessage.attachmentRoots'],
    ['channels.imessage.accounts.work.cliPath', 'channels.imessage.accounts.*.cliPath'],
    ['channels.imessage.accounts["my.mac"].remoteAttachmentRoots', 'channels.imessage.accounts.*.remoteAttachmentRoots'],
    ['agents.list[2].backend.argv', 'agents.list.*.backend.argv'],
    ['agents.list.0.backend.argv[1]', 'agents.list.*.backend.argv'],
    ['agents.list[0].runtime.acp.command', 'agents.list.*.runtime.acp.command'],
    // Containers of a privileged key would replace it too.
    ['channels', 'channels.imessage.cliPath'],
    ['channels.imessage.accounts.work', 'channels.imessage.accounts.*.cliPath'],
    ['agents.list[0].backend', 'agents.list.*.backend.argv'],
    ['agents', 'agents.list.*.backend.argv'],
  ])('%s is privileged (%s)', (key, pattern) => {
    expect(privilegedKey(key)?.pattern).toBe(pattern);
  });

  it.each(['channels.imessage.dmPolicy', 'channels.imessage.allowFrom[0]', 'channels.imessage.accounts.work.groupPolicy', 'agents.list[0].backend.model', 'agents.list[0].id', 'commands.config'])('%s is not privileged', (key) => {
    expect(privilegedKey(key)).toBeUndefined();
  });

  it('a malformed key path is treated as privileged (refused, never waved through)', () => {
    expect(privilegedKey('channels..cliPath')).toEqual({ pattern: 'channels..cliPath', why: 'the key path is malformed' });
  });

  it('every pattern says why it is privileged', () => {
    for (const k of PRIVILEGED_KEYS) expect(k.why.length).toBeGreaterThan(10);
  });
});

describe('privilegedChange (a parent key is privileged only when a privileged leaf beneath it changes)', () => {
  const openai = { id: 'main', default: true, backend: { type: 'openai', baseUrl: 'https://api.openai.com/v1', model: 'gpt-4o-mini', apiKeyEnv: 'OPENAI_API_KEY' } };
  const command = { id: 'local', backend: { type: 'command', argv: ['/usr/local/bin/bot', '--reply'] } };
  const set = (key: string, value: unknown) => ({ key, unset: false, value });
  const unset = (key: string) => ({ key, unset: true });

  it('setting agents.list to an openai (or webhook) agent is allowed: nothing privileged in it', () => {
    expect(privilegedChange(set('agents.list', [openai]), {})).toBeUndefined();
    expect(privilegedChange(set('agents.list[0]', { id: 'hook', backend: { type: 'webhook', url: 'https://example.com/hook' } }), { agents: { list: [] } })).toBeUndefined();
    expect(privilegedChange(set('agents', { list: [openai] }), { agents: { list: [openai] } })).toBeUndefined();
  });

  it('setting agents.list to a command agent with argv is refused (a new program to run)', () => {
    expect(privilegedChange(set('agents.list', [openai, command]), { agents: { list: [openai] } })?.pattern).toBe('agents.list.*.backend.argv');
    expect(privilegedChange(set('agents.list[1].backend', command.backend), { agents: { list: [openai] } })?.pattern).toBe('agents.list.*.backend.argv');
  });

  it('keeping an existing command agent as it is while editing around it is allowed; changing its argv or env is not', () => {
    const current = { agents: { list: [command, openai] } };
    expect(privilegedChange(set('agents.list', [command, { ...openai, backend: { ...openai.backend, model: 'gpt-4o' } }]), current)).toBeUndefined();
    expect(privilegedChange(set('agents.list[0].backend', { ...command.backend, timeoutSeconds: 30 }), current)).toBeUndefined();
    expect(privilegedChange(set('agents.list[0]', { ...command, backend: { ...command.backend, argv: ['/bin/sh', '-c', 'x'] } }), current)?.pattern).toBe('agents.list.*.backend.argv');
    expect(privilegedChange(set('agents.list[0].backend', { ...command.backend, env: { PATH: '/tmp' } }), current)?.pattern).toBe('agents.list.*.backend.env');
  });

  it('removing an existing privileged leaf counts as changing it (refused): unset, or a list without it, or a moved index', () => {
    const current = { agents: { list: [openai, command] } };
    expect(privilegedChange(unset('agents.list[1]'), current)?.pattern).toBe('agents.list.*.backend.argv');
    expect(privilegedChange(set('agents.list', [openai]), current)?.pattern).toBe('agents.list.*.backend.argv');
    expect(privilegedChange(set('agents.list', [command, openai]), current)?.pattern).toBe('agents.list.*.backend.argv');
    // Removing an agent that has no privileged key is fine.
    expect(privilegedChange(unset('agents.list[0]'), { agents: { list: [openai] } })).toBeUndefined();
  });

  it('an account container: allowed when cliPath/dbPath stay, refused when one changes or goes', () => {
    const current = { channels: { imessage: { accounts: { work: { cliPath: 'imsg', dbPath: '/Users/me/Library/Messages/chat.db', dmPolicy: 'pairing' } } } } };
    const work = current.channels.imessage.accounts.work;
    expect(privilegedChange(set('channels.imessage.accounts.work', { ...work, dmPolicy: 'open' }), current)).toBeUndefined();
    expect(privilegedChange(set('channels.imessage.accounts.work', { ...work, cliPath: '/tmp/evil' }), current)?.pattern).toBe('channels.imessage.accounts.*.cliPath');
    expect(privilegedChange(set('channels.imessage.accounts.work', { cliPath: 'imsg' }), current)?.pattern).toBe('channels.imessage.accounts.*.dbPath');
    expect(privilegedChange(set('channels.imessage.accounts.home', { remoteHost: 'evil.example' }), current)?.pattern).toBe('channels.imessage.accounts.*.remoteHost');
  });

  it('a privileged key itself, or one beneath it, is privileged whatever the value; non-privileged keys never are; a malformed path is', () => {
    const current = { agents: { list: [command] } };
    expect(privilegedChange(set('agents.list[0].backend.argv', command.backend.argv), current)?.pattern).toBe('agents.list.*.backend.argv');
    expect(privilegedChange(set('agents.list[0].backend.argv[1]', '--x'), current)?.pattern).toBe('agents.list.*.backend.argv');
    expect(privilegedChange(set('channels.imessage.dmPolicy', 'open'), current)).toBeUndefined();
    expect(privilegedChange(set('channels..cliPath', 'x'), current)?.why).toBe('the key path is malformed');
  });
});
