// Account resolution: defaults, inheritance from the channel level, groups replacement, root enabled:false,
// case-insensitive lookup and the account-id fallbacks.
import { describe, expect, it } from 'vitest';
import type { ResolvedAccount } from '../../../electron/core/config/accounts.js';
import {
  DEFAULT_ATTACHMENT_ROOT,
  defaultAccountId,
  listAccountIds,
  pendingHistoryLimit,
  resolveAccount,
  resolveAccounts,
} from '../../../electron/core/config/accounts.js';
import type { AppConfig } from '../../../electron/core/config/schema.js';
import { validateConfig } from '../../../electron/core/config/validate.js';

/** Validate first, so every fixture is a config the loader would actually produce. */
function config(raw: unknown): AppConfig {
  const result = validateConfig(raw, { home: '/home/u' });
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.config;
}
const im = (block: Record<string, unknown>, rest: Record<string, unknown> = {}) => config({ channels: { imessage: block }, ...rest });

const DEFAULTS: ResolvedAccount = {
  accountId: 'default',
  enabled: true,
  cliPath: 'imsg',
  dbPath: undefined,
  remoteHost: undefined,
  service: undefined,
  region: 'US',
  dmPolicy: 'pairing',
  allowFrom: [],
  groupAllowFrom: undefined,
  groupPolicy: 'allowlist',
  groups: undefined,
  contextVisibility: 'all',
  historyLimit: undefined,
  dmHistoryLimit: undefined,
  dms: {},
  includeAttachments: false,
  attachmentRoots: [DEFAULT_ATTACHMENT_ROOT],
  remoteAttachmentRoots: [DEFAULT_ATTACHMENT_ROOT],
  mediaMaxMb: 16,
  textChunkLimit: 4000,
  chunkMode: 'length',
  responsePrefix: undefined,
  configWrites: true,
  probeTimeoutMs: 10_000,
  unpairedResponse: 'code',
  defaultTo: undefined,
  blockStreaming: undefined,
};

describe('resolveAccount', () => {
  it('gives every default for an empty config (a missing file)', () => {
    expect(resolveAccount({})).toEqual(DEFAULTS);
    expect(resolveAccounts({})).toEqual([DEFAULTS]);
    expect(listAccountIds({})).toEqual(['default']);
  });

  it('turns the flat keys into the one "default" account', () => {
    const c = im({ dmPolicy: 'open', allowFrom: ['*', ' +15550001111 ', 15550002222, ''], cliPath: '~/bin/imsg', mediaMaxMb: 5, unpairedResponse: 'silent' });
    expect(resolveAccounts(c)).toEqual([
      { ...DEFAULTS, dmPolicy: 'open', allowFrom: ['*', '+15550001111', '15550002222'], cliPath: '/home/u/bin/imsg', mediaMaxMb: 5, unpairedResponse: 'silent' },
    ]);
  });

  it('lets accounts inherit every unset field from the channel level (not the injected-defaults quirk)', () => {
    const c = im({ dmPolicy: 'open', allowFrom: ['*'], groupPolicy: 'open', textChunkLimit: 900, region: 'DE', accounts: { work: {}, home: { dmPolicy: 'pairing', textChunkLimit: 100 } } });
    const work = resolveAccount(c, 'work');
    expect([work.dmPolicy, work.groupPolicy, work.textChunkLimit, work.region, work.allowFrom]).toEqual(['open', 'open', 900, 'DE', ['*']]);
    const home = resolveAccount(c, 'home');
    expect([home.dmPolicy, home.groupPolicy, home.textChunkLimit, home.region]).toEqual(['pairing', 'open', 100, 'DE']);
  });

  it('replaces channel groups with account groups instead of merging them', () => {
    const c = im({ groups: { '*': { requireMention: false }, '7': {} }, accounts: { work: { groups: { '42': { requireMention: true } } }, home: {} } });
    expect(resolveAccount(c, 'work').groups).toEqual({ '42': { requireMention: true } });
    expect(resolveAccount(c, 'home').groups).toEqual({ '*': { requireMention: false }, '7': {} });
  });

  it('disables every account when the channel says enabled:false', () => {
    const c = im({ enabled: false, accounts: { work: { enabled: true }, home: {} } });
    expect(resolveAccounts(c).map((a) => [a.accountId, a.enabled])).toEqual([['work', false], ['home', false]]);
  });

  it('disables only the account that says enabled:false', () => {
    const c = im({ accounts: { work: { enabled: false }, home: {} } });
    expect(resolveAccounts(c).map((a) => [a.accountId, a.enabled])).toEqual([['work', false], ['home', true]]);
  });

  it('looks accounts up case-insensitively and reports lower-case ids', () => {
    const c = im({ accounts: { Work: { dmPolicy: 'disabled' } } });
    expect(listAccountIds(c)).toEqual(['work']);
    for (const id of ['work', 'WORK', ' Work ']) expect(resolveAccount(c, id)).toMatchObject({ accountId: 'work', dmPolicy: 'disabled' });
  });

  it('picks the account id from the argument, else defaultAccount, else "default"', () => {
    const withDefault = im({ defaultAccount: 'Home', accounts: { home: { region: 'FR' }, work: { region: 'DE' } } });
    expect(defaultAccountId(withDefault)).toBe('home');
    expect(resolveAccount(withDefault)).toMatchObject({ accountId: 'home', region: 'FR' });
    expect(resolveAccount(withDefault, 'work')).toMatchObject({ accountId: 'work', region: 'DE' });
    const without = im({ region: 'IT', accounts: { default: { region: 'ES' }, work: {} } });
    expect(defaultAccountId(without)).toBe('default');
    expect(resolveAccount(without).region).toBe('ES');
  });

  it('resolves an id without an entry from the channel level alone', () => {
    const c = im({ region: 'IT', accounts: { work: { region: 'DE' } } });
    expect(resolveAccount(c, 'other')).toMatchObject({ accountId: 'other', region: 'IT' });
  });

  it('keeps groupAllowFrom undefined when unset and [] when explicitly empty', () => {
    expect(resolveAccount(im({ allowFrom: ['+1'] })).groupAllowFrom).toBeUndefined();
    expect(resolveAccount(im({ groupAllowFrom: [] })).groupAllowFrom).toEqual([]);
    expect(resolveAccount(im({ groupAllowFrom: [' chat_id:5 ', 42] })).groupAllowFrom).toEqual(['chat_id:5', '42']);
  });

  it('adds the default attachment root and puts local roots into the remote list', () => {
    const c = im({ attachmentRoots: ['/Volumes/x'], remoteAttachmentRoots: ['/remote/*/A'], accounts: { work: { attachmentRoots: ['/work'] }, home: {} } });
    expect(resolveAccount(c, 'work')).toMatchObject({
      attachmentRoots: ['/work', DEFAULT_ATTACHMENT_ROOT],
      remoteAttachmentRoots: ['/remote/*/A', '/work', DEFAULT_ATTACHMENT_ROOT],
    });
    expect(resolveAccount(c, 'home').attachmentRoots).toEqual(['/Volumes/x', DEFAULT_ATTACHMENT_ROOT]);
  });

  it('takes responsePrefix from the account, else the channel, else messages.responsePrefix', () => {
    const c = im({ accounts: { work: { responsePrefix: '[work]' }, home: {} } }, { messages: { responsePrefix: 'auto' } });
    expect(resolveAccount(c, 'work').responsePrefix).toBe('[work]');
    expect(resolveAccount(c, 'home').responsePrefix).toBe('auto');
    expect(resolveAccount(im({ responsePrefix: '' }, { messages: { responsePrefix: 'auto' } })).responsePrefix).toBe('');
  });

  it('sizes pending group history from historyLimit, else messages.groupChat, else 50', () => {
    const c = im({ accounts: { work: { historyLimit: 0 }, home: {} } }, { messages: { groupChat: { historyLimit: 8 } } });
    expect(pendingHistoryLimit(c, resolveAccount(c, 'work'))).toBe(0);
    expect(pendingHistoryLimit(c, resolveAccount(c, 'home'))).toBe(8);
    expect(pendingHistoryLimit({}, resolveAccount({}))).toBe(50);
  });
});
