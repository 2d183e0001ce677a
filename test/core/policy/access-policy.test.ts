import { describe, expect, it } from 'vitest';
import { decideDm, type DmPolicy } from '../../../electron/core/policy/dm-policy.js';
import {
  decideGroupSender,
  isGroupThread,
  resolveChatAllowlist,
  type GroupPolicy,
  type GroupsMap,
} from '../../../electron/core/policy/group-policy.js';
import { resolveGroupTools, resolveRequireMention } from '../../../electron/core/policy/group-settings.js';

const facts = { sender: '+15550001111', chatId: 7 };

describe('DM decision order (§9)', () => {
  it.each<[string, DmPolicy, string[], boolean, string, string | undefined]>([
    ['disabled drops even a listed sender', 'disabled', ['+15550001111'], false, 'drop', 'dmPolicy disabled'],
    ['open admits anyone, allowFrom ignored', 'open', [], false, 'allow', undefined],
    ['open admits even a blocked sender (blocking is about pairing)', 'open', [], true, 'allow', undefined],
    ['pairing: a listed sender is allowed', 'pairing', ['1 555 000 1111'], false, 'allow', undefined],
    ['pairing: an unlisted sender gets a challenge', 'pairing', ['+19999999999'], false, 'pairing', undefined],
    ['§0.3: pairing, blocked sender: silent drop with a reason', 'pairing', [], true, 'drop', 'sender blocked'],
    ['pairing: a listed sender wins over a block', 'pairing', ['+15550001111'], true, 'allow', undefined],
    ['allowlist: listed', 'allowlist', ['+15550001111'], false, 'allow', undefined],
    ['allowlist: "*" admits all', 'allowlist', ['*'], false, 'allow', undefined],
    ['allowlist: unlisted → dmPolicy blocked, no reply', 'allowlist', ['+19999999999'], false, 'drop', 'dmPolicy blocked'],
  ])('%s', (_name, dmPolicy, allowFrom, blocked, outcome, reason) => {
    const d = decideDm({ dmPolicy, allowFrom, facts, blocked });
    expect(d.outcome).toBe(outcome);
    expect(d.outcome === 'drop' ? d.reason : undefined).toBe(reason);
    expect(d.detail).not.toBe('');
  });
});

describe('group sender gate (§11)', () => {
  it.each<[string, GroupPolicy, string[], boolean, string | undefined]>([
    ['disabled blocks', 'disabled', ['*'], false, 'groupPolicy disabled'],
    ['open admits any sender', 'open', [], true, undefined],
    ['allowlist with empty list', 'allowlist', [], false, 'groupPolicy allowlist (empty groupAllowFrom)'],
    ['allowlist, sender listed', 'allowlist', ['+1 555 000 1111'], true, undefined],
    ['allowlist, sender not listed', 'allowlist', ['+19999999999'], false, 'not in groupAllowFrom'],
    ['allowlist, chat_id entry admits everyone in that chat', 'allowlist', ['chat_id:7'], true, undefined],
  ])('%s', (_name, groupPolicy, list, allowed, reason) => {
    const d = decideGroupSender({ groupPolicy, effectiveGroupAllowFrom: list, facts });
    expect(d.allowed).toBe(allowed);
    expect(d.allowed ? undefined : d.reason).toBe(reason);
  });
});

describe('chat allowlist (§11, §0.2)', () => {
  const g = (groups: GroupsMap | undefined, groupPolicy: GroupPolicy = 'allowlist', list: string[] = ['+1'], chatId: number | undefined = 42) =>
    resolveChatAllowlist({ groupPolicy, groups, chatId, effectiveGroupAllowFrom: list });

  it('active when groupPolicy is allowlist or any groups entry exists', () => {
    expect(g(undefined, 'allowlist').active).toBe(true);
    expect(g(undefined, 'open').active).toBe(false);
    expect(g({}, 'open').active).toBe(false);
    expect(g({ '1': {} }, 'open').active).toBe(true);
  });
  it('keys match the numeric chat_id exactly: "chat_id:42" is not chat 42', () => {
    expect(g({ 'chat_id:42': {} }).allowed).toBe(false);
    expect(g({ '42': {} }).allowed).toBe(true);
    expect(g({ '42': {} }).entry).toEqual({});
  });
  it('"*" admits every chat', () => {
    expect(g({ '*': {} }).allowed).toBe(true);
    expect(g({ '*': {} }, 'open').allowed).toBe(true);
  });
  it('open with a groups map only admits listed chats', () => {
    expect(g({ '1': {} }, 'open').allowed).toBe(false);
  });
  it('disabled is never allowed', () => {
    expect(g({ '42': {} }, 'disabled').allowed).toBe(false);
  });
  it('reference quirk we FIX (§0.2): allowlist + no groups + non-empty groupAllowFrom admits the group by sender filtering', () => {
    const r = g(undefined, 'allowlist', ['+1']);
    expect(r).toMatchObject({ active: true, allowed: true, senderFilterBypass: true });
    expect(g({}, 'allowlist', ['+1']).allowed).toBe(true);
  });
  it('no bypass when groupAllowFrom is empty or a groups map exists', () => {
    expect(g(undefined, 'allowlist', []).allowed).toBe(false);
    expect(g({ '1': {} }, 'allowlist', ['+1'])).toMatchObject({ allowed: false, senderFilterBypass: false });
  });
  it('group-ish threads: is_group, or an explicit entry in an active allowlist', () => {
    expect(isGroupThread(true, g(undefined))).toBe(true);
    expect(isGroupThread(false, g({ '42': {} }))).toBe(true);
    expect(isGroupThread(false, g({ '*': {} }))).toBe(false);
    expect(isGroupThread(undefined, g({ '42': {} }, 'open'))).toBe(true);
    const noChatId = resolveChatAllowlist({ groupPolicy: 'allowlist', groups: { '42': {} }, chatId: undefined, effectiveGroupAllowFrom: ['+1'] });
    expect(isGroupThread(false, noChatId)).toBe(false);
  });
});

describe('requireMention and tools (§11)', () => {
  it.each<[string, boolean | undefined, GroupsMap | undefined, boolean, string]>([
    ['default is true', undefined, undefined, true, 'default'],
    ['"*" entry', undefined, { '*': { requireMention: false } }, false, 'groups["*"]'],
    ['own entry beats "*"', undefined, { '*': { requireMention: false }, '5': { requireMention: true } }, true, 'groups["5"]'],
    ['own entry without the key falls to "*"', undefined, { '*': { requireMention: false }, '5': {} }, false, 'groups["*"]'],
    ['monitor override wins', false, { '5': { requireMention: true } }, false, 'monitor option'],
  ])('%s', (_name, override, groups, requireMention, source) => {
    expect(resolveRequireMention({ override, groups, chatId: 5 })).toEqual({ requireMention, source });
  });

  it('tools come from the chat entry, else "*"', () => {
    const groups: GroupsMap = { '*': { tools: { deny: ['exec'] } }, '5': { tools: { allow: ['read'] } } };
    expect(resolveGroupTools(groups, 5).tools).toEqual({ allow: ['read'] });
    expect(resolveGroupTools(groups, 6).tools).toEqual({ deny: ['exec'] });
    expect(resolveGroupTools(undefined, 6)).toEqual({ tools: undefined, toolsBySender: undefined });
  });
});
