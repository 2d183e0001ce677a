import { describe, expect, it } from 'vitest';
import { PRIVILEGED_KEYS, privilegedKey } from '../../../electron/core/config/privileged-keys.js';

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
