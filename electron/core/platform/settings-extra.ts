// The parts of the Settings view beyond the default account: every account with the key path its
// fields live under, group lists, mention patterns and every agent (masked), for issue 13's Settings.
import { listAccountIds, resolveAccount } from '../config/accounts.js';
import type { AppConfig } from '../config/schema.js';
import { defaultAgentId } from '../policy/route.js';
import type { SettingsView } from '../../contract/views.js';
import { formatKeyPath } from '../config/key-path.js';

type Extra = Pick<SettingsView, 'accounts' | 'groupAllowFrom' | 'groups' | 'mentionPatterns' | 'agents' | 'quietHours'>;

/** The key path an account's own fields are set under: its `accounts` entry, else (no entry) the channel's keys. */
export function accountKeyBase(config: AppConfig, accountId: string): string {
  const key = Object.keys(config.channels?.imessage?.accounts ?? {}).find((k) => k.trim().toLowerCase() === accountId);
  return key === undefined ? 'channels.imessage' : formatKeyPath(['channels', 'imessage', 'accounts', key]);
}

/** The extra Settings fields of `config`; `mask` hides secret-looking backend values. */
export function settingsExtra(config: AppConfig, mask: (backend: Record<string, unknown>) => Record<string, unknown>): Extra {
  const channel = config.channels?.imessage ?? {};
  const accounts = listAccountIds(config).map((id) => {
    const a = resolveAccount(config, id);
    return { accountId: a.accountId, keyBase: accountKeyBase(config, id), enabled: a.enabled, cliPath: a.cliPath, ...(a.dbPath ? { dbPath: a.dbPath } : {}) };
  });
  const quiet = config.notifications?.quietHours;
  const defaultId = defaultAgentId(config);
  const agents = (config.agents?.list ?? []).map((entry, index) => ({
    index,
    id: entry.id,
    ...(entry.name !== undefined ? { name: entry.name } : {}),
    default: entry.id.trim().toLowerCase() === defaultId,
    ...(entry.backend ? { backend: mask(entry.backend as Record<string, unknown>) } : {}),
  }));
  return {
    accounts,
    groupAllowFrom: [...((channel.groupAllowFrom as string[] | undefined) ?? [])].map(String),
    groups: Object.entries(channel.groups ?? {}).map(([id, g]) => ({ id, ...(g.requireMention !== undefined ? { requireMention: g.requireMention } : {}) })),
    mentionPatterns: [...(config.messages?.groupChat?.mentionPatterns ?? [])],
    agents,
    ...(quiet ? { quietHours: { enabled: quiet.enabled !== false, start: quiet.start, end: quiet.end } } : {}),
  };
}
