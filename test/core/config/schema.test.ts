// Every key of channels.imessage (flat and per account) and of the other sections: valid values pass,
// invalid ones fail with the exact plain message at the exact key path.
import { describe, expect, it } from 'vitest';
import { formatIssue } from '../../../electron/core/config/issues.js';
import { validateConfig } from '../../../electron/core/config/validate.js';

/** The issue lines of a config, or [] when it is valid. */
function problems(raw: unknown): string[] {
  const result = validateConfig(raw, { home: '/home/u' });
  return result.ok ? [] : result.issues.map(formatIssue);
}

const im = (block: Record<string, unknown>) => ({ channels: { imessage: block } });

const BOOL = 'expected true or false';
const STR = 'expected a string';
const INT_GT0 = 'expected an integer > 0';
const INT_GE0 = 'expected an integer >= 0';
const ROOT = 'expected absolute path root';
const HOST = 'expected SSH host or user@host (no spaces/options)';
const EXE = 'expected a safe executable name or path (no shell metacharacters or quotes)';

/** [key, valid values, [invalid value, message]...] for one key of the imessage block. */
const KEY_CASES: [string, unknown[], [unknown, string][]][] = [
  ['enabled', [true, false], [['yes', BOOL]]],
  ['name', ['Home Mac'], [[1, STR]]],
  ['cliPath', ['imsg', '~/bin/imsg', '/opt/My Tools/imsg', './imsg', 'imsg-wrapper.sh', 'imsg+ssh'], [['imsg; rm -rf /', EXE], ['$(evil)', EXE], ['a|b', EXE], ['`x`', EXE], ['"imsg"', EXE], ["'imsg'", EXE], ['-x', EXE], ['im sg', EXE], ['imsg\nrm', EXE], ['a>b', EXE], ['a&b', EXE], ['', EXE]]],
  ['dbPath', ['~/Library/Messages/chat.db'], [[5, STR], ['', 'expected a non-empty string']]],
  ['remoteHost', ['mac-mini', 'bot@mac-mini.local', 'u_1@10.0.0.2', '[::1]', 'me@[fe80::1]'], [['-oProxyCommand=x', HOST], ['user@host:22', HOST], ['a b', HOST], ['@host', HOST], ['user@', HOST], ['a@b@c', HOST], ['host/x', HOST], ['[fe80::1%en0]', HOST], ['host;x', HOST], ['', HOST]]],
  ['service', ['imessage', 'sms', 'auto'], [['rcs', 'expected one of imessage|sms|auto, got "rcs"']]],
  ['region', ['US', 'DE'], [[1, STR], ['', 'expected a non-empty string']]],
  ['dmPolicy', ['pairing', 'disabled'], [['x', 'expected one of pairing|allowlist|open|disabled, got "x"']]],
  ['allowFrom', [[], ['+15550001111', 15550001111, 'a@b.c']], [['x', 'expected a list']]],
  ['groupAllowFrom', [[], ['chat_id:101', 15550001111]], [[{}, 'expected a list']]],
  ['groupPolicy', ['open', 'allowlist', 'disabled'], [['pairing', 'expected one of open|allowlist|disabled, got "pairing"']]],
  ['groups', [{}, { '*': {} }, { '42': { requireMention: false, tools: { allow: ['a'], deny: ['b'] }, toolsBySender: { '+1555': { alsoAllow: ['c'] } } } }], [['x', 'expected an object']]],
  ['contextVisibility', ['all', 'allowlist', 'allowlist_quote'], [['none', 'expected one of all|allowlist|allowlist_quote, got "none"']]],
  ['historyLimit', [0, 50], [[-1, INT_GE0], [1.5, INT_GE0], ['5', INT_GE0]]],
  ['dmHistoryLimit', [0, 20], [[-3, INT_GE0], [Infinity, INT_GE0]]],
  ['dms', [{}, { '+15550001111': { historyLimit: 5 } }], [[[], 'expected an object']]],
  ['includeAttachments', [true], [[1, BOOL]]],
  ['attachmentRoots', [[], ['/Users/*/Library/Messages/Attachments', '/Volumes/x/']], [['/a', 'expected a list']]],
  ['remoteAttachmentRoots', [['/Users/*/Library/Messages/Attachments']], [[{}, 'expected a list']]],
  ['mediaMaxMb', [1, 16], [[0, INT_GT0], [-1, INT_GT0], [1.5, INT_GT0], ['16', INT_GT0], [null, INT_GT0]]],
  ['textChunkLimit', [1, 4000], [[0, INT_GT0], [NaN, INT_GT0]]],
  ['chunkMode', ['length', 'newline'], [['paragraph', 'expected one of length|newline, got "paragraph"']]],
  ['blockStreaming', [false], [['no', BOOL]]],
  ['blockStreamingCoalesce', [{}, { minChars: 1, maxChars: 10, idleMs: 0 }], [[true, 'expected an object']]],
  ['responsePrefix', ['', 'auto', '[bot]'], [[1, STR]]],
  ['configWrites', [false], [['false', BOOL]]],
  ['defaultTo', ['+15550001111', 'chat_id:5'], [[15550001111, STR]]],
  ['markdown', [{}, { tables: 'bullets' }], [[1, 'expected an object']]],
  ['heartbeat', [{ showOk: true, showAlerts: false, useIndicator: true }], [['on', 'expected an object']]],
  ['healthMonitor', [{ enabled: false }], [[false, 'expected an object']]],
  ['capabilities', [[], ['reactions']], [['reactions', 'expected a list']]],
  ['probeTimeoutMs', [1, 10000], [[0, INT_GT0], [2.5, INT_GT0]]],
  ['unpairedResponse', ['code', 'silent'], [['branded', 'expected one of code|silent, got "branded"']]],
];

describe('channels.imessage keys', () => {
  for (const [key, valids, invalids] of KEY_CASES) {
    for (const value of valids) {
      it(`${key} accepts ${JSON.stringify(value)}`, () => {
        expect(problems(im({ [key]: value }))).toEqual([]);
        expect(problems(im({ accounts: { work: { [key]: value } } }))).toEqual([]);
      });
    }
    for (const [value, message] of invalids) {
      it(`${key} rejects ${JSON.stringify(value)} (channel and account level)`, () => {
        expect(problems(im({ [key]: value }))).toEqual([`channels.imessage.${key}: ${message}`]);
        expect(problems(im({ accounts: { work: { [key]: value } } }))).toEqual([`channels.imessage.accounts.work.${key}: ${message}`]);
      });
    }
  }

  it.each([
    [{ allowFrom: [true] }, 'channels.imessage.allowFrom[0]: expected a string or a number'],
    [{ attachmentRoots: ['relative/dir'] }, `channels.imessage.attachmentRoots[0]: ${ROOT}`],
    [{ attachmentRoots: ['/'] }, `channels.imessage.attachmentRoots[0]: ${ROOT}`],
    [{ attachmentRoots: ['/Users/**/Attachments'] }, `channels.imessage.attachmentRoots[0]: ${ROOT}`],
    [{ attachmentRoots: ['/Users/a*/x'] }, `channels.imessage.attachmentRoots[0]: ${ROOT}`],
    [{ remoteAttachmentRoots: ['/ok', '~/Library'] }, `channels.imessage.remoteAttachmentRoots[1]: ${ROOT}`],
    [{ groups: { '42': { requireMention: 'no' } } }, `channels.imessage.groups.42.requireMention: ${BOOL}`],
    [{ groups: { '42': { bogus: 1 } } }, 'channels.imessage.groups.42.bogus: unknown key'],
    [{ groups: { 'chat_id:42': {} } }, 'channels.imessage.groups.chat_id:42: expected a numeric chat_id or "*" as the group key'],
    [{ groups: { '42': { tools: { allow: ['a'], alsoAllow: ['b'] } } } }, 'channels.imessage.groups.42.tools: tools policy cannot set both allow and alsoAllow in the same scope'],
    [{ groups: { '42': { tools: { permit: [] } } } }, 'channels.imessage.groups.42.tools.permit: unknown key'],
    [{ groups: { '*': { toolsBySender: { '+1': { deny: 'x' } } } } }, 'channels.imessage.groups.*.toolsBySender.+1.deny: expected a list'],
    [{ dms: { '+15550001111': { historyLimit: -1 } } }, `channels.imessage.dms.+15550001111.historyLimit: ${INT_GE0}`],
    [{ dms: { 'a@b.c': { limit: 1 } } }, 'channels.imessage.dms["a@b.c"].limit: unknown key'],
    [{ blockStreamingCoalesce: { minChars: 0 } }, `channels.imessage.blockStreamingCoalesce.minChars: ${INT_GT0}`],
    [{ blockStreamingCoalesce: { idleMs: -1 } }, `channels.imessage.blockStreamingCoalesce.idleMs: ${INT_GE0}`],
    [{ markdown: { tables: 'html' } }, 'channels.imessage.markdown.tables: expected one of off|bullets|code, got "html"'],
    [{ heartbeat: { loud: true } }, 'channels.imessage.heartbeat.loud: unknown key'],
    [{ capabilities: [1] }, `channels.imessage.capabilities[0]: ${STR}`],
    [{ remoteAttachmentRoots: [1] }, `channels.imessage.remoteAttachmentRoots[0]: ${STR}`],
    [{ bogus: 1 }, 'channels.imessage.bogus: unknown key'],
    [{ accounts: { work: { bogus: 1 } } }, 'channels.imessage.accounts.work.bogus: unknown key'],
    [{ accounts: { work: { accounts: {} } } }, 'channels.imessage.accounts.work.accounts: unknown key'],
    [{ accounts: { work: { defaultAccount: 'x' } } }, 'channels.imessage.accounts.work.defaultAccount: unknown key'],
    [{ accounts: { work: 'x' } }, 'channels.imessage.accounts.work: expected an object'],
    [{ accounts: [] }, 'channels.imessage.accounts: expected an object'],
    [{ accounts: { 'my.work': {} } }, 'channels.imessage.accounts["my.work"]: expected an account id of letters, digits, "-" or "_" (at most 64)'],
    [{ accounts: { Work: {}, work: {} } }, 'channels.imessage.accounts.work: duplicate account id: "Work" differs only in case'],
    [{ defaultAccount: 5 }, `channels.imessage.defaultAccount: ${STR}`],
    [{ defaultAccount: 'home', accounts: { work: {} } }, 'channels.imessage.defaultAccount: no account "home" in channels.imessage.accounts (have: work)'],
  ])('%j → %s', (block, line) => {
    expect(problems(im(block))).toEqual([line]);
  });

  it('accepts a block that sets every key, flat and per account', () => {
    const every = Object.fromEntries(KEY_CASES.map(([key, valids]) => [key, valids[valids.length - 1]]));
    expect(problems(im({ ...every, accounts: { work: every, Home_2: {} }, defaultAccount: 'WORK' }))).toEqual([]);
  });

  it('lists every problem of a file at once, cross-field rules included', () => {
    const lines = problems({ wat: 1, channels: { imessage: { dmPolicy: 'open', mediaMaxMb: 0, accounts: { work: { bogus: 1 } } } } });
    expect(lines.sort()).toEqual(
      [
        `channels.imessage.mediaMaxMb: ${INT_GT0}`,
        'channels.imessage.accounts.work.bogus: unknown key',
        'channels.imessage.allowFrom: channels.imessage.dmPolicy="open" requires channels.imessage.allowFrom to include "*"',
        'channels.imessage.accounts.work.allowFrom: channels.imessage.accounts.*.dmPolicy="open" requires channels.imessage.accounts.*.allowFrom (or channels.imessage.allowFrom) to include "*"',
        'wat: unknown key',
      ].sort(),
    );
  });
});

describe('other sections', () => {
  const agent = { id: 'main', name: 'Molly', default: true, groupChat: { mentionPatterns: ['@molly'] }, backend: { type: 'command', argv: ['my-agent', '-x'], env: ['A'] } };
  const binding = { agentId: 'main', comment: 'family', match: { channel: 'imessage', accountId: 'work', peer: { kind: 'group', id: '42' } } };

  it('accepts every supported key', () => {
    const config = {
      agents: { list: [agent, { id: 'other' }] },
      messages: { groupChat: { mentionPatterns: ['bot'], historyLimit: 0 }, responsePrefix: 'auto' },
      session: { dmScope: 'per-account-channel-peer' },
      commands: { config: true, useAccessGroups: false },
      bindings: [binding, { agentId: 'other', match: { peer: { kind: 'direct', id: '+15550001111' } } }, { agentId: 'x', match: {} }],
    };
    expect(problems(config)).toEqual([]);
  });

  it.each(['main', 'per-peer', 'per-channel-peer', 'per-account-channel-peer'])('session.dmScope accepts %s', (dmScope) => {
    expect(problems({ session: { dmScope } })).toEqual([]);
  });

  it.each([
    [[], 'expected an object at the top level of the file'],
    ['text', 'expected an object at the top level of the file'],
    [null, 'expected an object at the top level of the file'],
    [{ wat: 1 }, 'wat: unknown key'],
    [{ channels: { telegram: {} } }, 'this looks like a whole OpenClaw/Clawdbot config (it has channels.telegram); imsg Companion reads only the iMessage part: convert it with `imsg-companion config import --openclaw <file>`'],
    [{ gateway: { port: 18789 }, models: {}, channels: { imessage: {}, whatsapp: {} } }, 'this looks like a whole OpenClaw/Clawdbot config (it has gateway, models, channels.whatsapp); imsg Companion reads only the iMessage part: convert it with `imsg-companion config import --openclaw <file>`'],
    [{ channels: { imessage: 'on' } }, 'channels.imessage: expected an object'],
    [{ agents: { list: [{}] } }, 'agents.list[0].id: required'],
    [{ agents: { list: [{ id: '  ' }] } }, 'agents.list[0].id: expected a non-empty string'],
    [{ agents: { list: [{ id: 'a', groupChat: { mentionPatterns: 'x' } }] } }, 'agents.list[0].groupChat.mentionPatterns: expected a list'],
    [{ agents: { list: [{ id: 'a', groupChat: { historyLimit: 1 } }] } }, 'agents.list[0].groupChat.historyLimit: unknown key'],
    [{ agents: { list: [{ id: 'a', backend: 'cli' }] } }, 'agents.list[0].backend: expected an object'],
    [{ agents: { list: [{ id: 'a', default: 'yes' }] } }, `agents.list[0].default: ${BOOL}`],
    [{ agents: { list: [{ id: 'a', model: 'x' }] } }, 'agents.list[0].model: unknown key'],
    [{ agents: { list: [{ id: 'A' }, { id: 'a' }] } }, 'agents.list[1].id: duplicate agent id "a"'],
    [{ agents: { defaults: { model: 'x' } } }, 'agents.defaults.model: unknown key'],
    [{ agents: { defaults: { replyDeadlineMinutes: -1 } } }, 'agents.defaults.replyDeadlineMinutes: expected a number >= 0'],
    [{ messages: { groupChat: { historyLimit: -1 } } }, `messages.groupChat.historyLimit: ${INT_GE0}`],
    [{ messages: { groupChat: { mentionPatterns: [1] } } }, `messages.groupChat.mentionPatterns[0]: ${STR}`],
    [{ messages: { responsePrefix: 1 } }, `messages.responsePrefix: ${STR}`],
    [{ messages: { ackReaction: 'x' } }, 'messages.ackReaction: unknown key'],
    [{ session: { dmScope: 'per-chat' } }, 'session.dmScope: expected one of main|per-peer|per-channel-peer|per-account-channel-peer, got "per-chat"'],
    [{ session: { mainKey: 'x' } }, 'session.mainKey: unknown key'],
    [{ commands: { config: 'yes' } }, `commands.config: ${BOOL}`],
    [{ commands: { useAccessGroups: 1 } }, `commands.useAccessGroups: ${BOOL}`],
    [{ commands: { bash: true } }, 'commands.bash: unknown key'],
    [{ bindings: {} }, 'bindings: expected a list'],
    [{ bindings: [{ agentId: 'a' }] }, 'bindings[0].match: required'],
    [{ bindings: [{ match: {} }] }, 'bindings[0].agentId: required'],
    [{ bindings: [{ agentId: 'a', match: { channel: 'telegram' } }] }, 'bindings[0].match.channel: expected "imessage", got "telegram"'],
    [{ bindings: [{ agentId: 'a', match: { peer: { kind: 'dm', id: 'x' } } }] }, 'bindings[0].match.peer.kind: expected one of direct|group, got "dm"'],
    [{ bindings: [{ agentId: 'a', match: { peer: { kind: 'group' } } }] }, 'bindings[0].match.peer.id: required'],
    [{ bindings: [{ agentId: 'a', match: { guildId: '1' } }] }, 'bindings[0].match.guildId: unknown key'],
    [{ bindings: [{ agentId: 'a', type: 'bind', match: {} }] }, 'bindings[0].type: expected one of route|acp, got "bind"'],
    [{ agents: { list: [{ id: 'a', runtime: { type: 'acp', acp: { agent: 'codex' } } }] }, bindings: [{ agentId: 'a', type: 'acp', match: {}, acp: { labels: 'x' } }] }, 'bindings[0].acp.labels: unknown key (did you mean "label"?)'],
  ])('%j → %s', (raw, line) => {
    expect(problems(raw)).toEqual([line]);
  });
});
