// Per-account view of `channels.imessage`: inheritance from the channel level plus defaults (§0.1, §6).
import { normalizeAllowEntries } from './cross-field.js';
import type { IMessageAccountConfig } from './imessage-schema.js';
import type { AppConfig, GroupEntry } from './schema.js';

/** The account id used when neither the caller nor `defaultAccount` names one. */
export const DEFAULT_ACCOUNT_ID = 'default';
/** Attachment root that is always allowed, whatever the config adds (§19). */
export const DEFAULT_ATTACHMENT_ROOT = '/Users/*/Library/Messages/Attachments';

/** Every §6 key resolved for ONE account (defaults applied, inheritance done). */
export interface ResolvedAccount {
  accountId: string;
  enabled: boolean;
  cliPath: string;
  dbPath?: string;
  remoteHost?: string;
  service?: 'imessage' | 'sms' | 'auto';
  region: string;
  dmPolicy: 'pairing' | 'allowlist' | 'open' | 'disabled';
  /** Entries stringified and trimmed, blanks dropped (§8). */
  allowFrom: string[];
  /** Undefined when unset: the §8 fallback to allowFrom is the policy's job. */
  groupAllowFrom: string[] | undefined;
  /** Account, else channel, else `channels.defaults.groupPolicy` (only with `channels.imessage` present, §6), else allowlist. */
  groupPolicy: 'open' | 'allowlist' | 'disabled';
  /** Account `groups` replace channel `groups`; undefined when neither sets them. */
  groups: Record<string, GroupEntry> | undefined;
  contextVisibility: 'all' | 'allowlist' | 'allowlist_quote';
  historyLimit?: number;
  dmHistoryLimit?: number;
  dms: Record<string, { historyLimit?: number }>;
  includeAttachments: boolean;
  /** Configured local roots plus {@link DEFAULT_ATTACHMENT_ROOT}. */
  attachmentRoots: string[];
  /** Configured remote roots plus the local roots (§19). */
  remoteAttachmentRoots: string[];
  mediaMaxMb: number;
  textChunkLimit: number;
  chunkMode: 'length' | 'newline';
  /** Account, else channel, else `messages.responsePrefix` (§16). */
  responsePrefix?: string;
  configWrites: boolean;
  probeTimeoutMs: number;
  unpairedResponse: 'code' | 'silent';
  defaultTo?: string;
  blockStreaming?: boolean;
}

const normalizeId = (id: string): string => id.trim().toLowerCase();

/** The account used when none is given: `defaultAccount`, else `default` (lower-cased). */
export function defaultAccountId(config: AppConfig): string {
  const configured = config.channels?.imessage?.defaultAccount;
  return configured && configured.trim() !== '' ? normalizeId(configured) : DEFAULT_ACCOUNT_ID;
}

/** Account ids (lower-cased, file order): the `accounts` keys, or just `default` without a map. */
export function listAccountIds(config: AppConfig): string[] {
  const ids = Object.keys(config.channels?.imessage?.accounts ?? {}).map(normalizeId);
  return ids.length > 0 ? [...new Set(ids)] : [DEFAULT_ACCOUNT_ID];
}

/** The `accounts` entry for `id`, matched case-insensitively. */
function findEntry(config: AppConfig, id: string): IMessageAccountConfig | undefined {
  const accounts = config.channels?.imessage?.accounts ?? {};
  const key = Object.keys(accounts).find((k) => normalizeId(k) === id);
  return key === undefined ? undefined : accounts[key];
}

const unique = (list: readonly string[]): string[] => [...new Set(list)];

/** Resolve one account (default: {@link defaultAccountId}); an unknown id gets the channel level. */
export function resolveAccount(config: AppConfig, accountId?: string): ResolvedAccount {
  const id = accountId !== undefined && accountId.trim() !== '' ? normalizeId(accountId) : defaultAccountId(config);
  const { accounts: _accounts, defaultAccount: _default, ...channel } = config.channels?.imessage ?? {};
  const entry = findEntry(config, id) ?? {};
  // Shallow merge: every unset account field inherits the channel's (groups replace, not merge).
  const m: IMessageAccountConfig = { ...channel, ...entry };
  const local = unique([...(m.attachmentRoots ?? []), DEFAULT_ATTACHMENT_ROOT]);
  return {
    accountId: id,
    enabled: channel.enabled !== false && entry.enabled !== false,
    cliPath: m.cliPath ?? 'imsg',
    dbPath: m.dbPath,
    remoteHost: m.remoteHost,
    service: m.service,
    region: m.region ?? 'US',
    dmPolicy: m.dmPolicy ?? 'pairing',
    allowFrom: normalizeAllowEntries(m.allowFrom),
    groupAllowFrom: m.groupAllowFrom === undefined ? undefined : normalizeAllowEntries(m.groupAllowFrom),
    groupPolicy: m.groupPolicy ?? (config.channels?.imessage ? config.channels.defaults?.groupPolicy : undefined) ?? 'allowlist',
    groups: m.groups,
    contextVisibility: m.contextVisibility ?? 'all',
    historyLimit: m.historyLimit,
    dmHistoryLimit: m.dmHistoryLimit,
    dms: m.dms ?? {},
    includeAttachments: m.includeAttachments ?? false,
    attachmentRoots: local,
    remoteAttachmentRoots: unique([...(m.remoteAttachmentRoots ?? []), ...local]),
    mediaMaxMb: m.mediaMaxMb ?? 16,
    textChunkLimit: m.textChunkLimit ?? 4000,
    chunkMode: m.chunkMode ?? 'length',
    responsePrefix: m.responsePrefix ?? config.messages?.responsePrefix,
    configWrites: m.configWrites ?? true,
    probeTimeoutMs: m.probeTimeoutMs ?? 10_000,
    unpairedResponse: m.unpairedResponse ?? 'code',
    defaultTo: m.defaultTo,
    blockStreaming: m.blockStreaming,
  };
}

/** Every configured account, resolved ({@link listAccountIds} order). */
export function resolveAccounts(config: AppConfig): ResolvedAccount[] {
  return listAccountIds(config).map((id) => resolveAccount(config, id));
}

/** Pending group-history size (§15): account/channel historyLimit, else messages.groupChat, else 50. */
export function pendingHistoryLimit(config: AppConfig, account: ResolvedAccount): number {
  return Math.max(0, account.historyLimit ?? config.messages?.groupChat?.historyLimit ?? 50);
}
