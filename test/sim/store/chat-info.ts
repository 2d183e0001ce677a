// Chat identity and participants for message payloads (spec §4.5), cached like imsg 0.9.0 does.
import type { Store } from './open-store.js';

/** What a message payload says about its chat. */
export interface ChatInfo {
  readonly identifier: string;
  readonly guid: string;
  readonly name: string;
  readonly service: string;
  readonly participants: readonly string[];
  readonly isGroup: boolean;
  readonly accountId?: string;
  readonly accountLogin?: string;
  readonly lastAddressedHandle?: string;
}

/** An unjoined row's chat (chat_id 0): every field empty. */
const UNKNOWN_CHAT: ChatInfo = { identifier: '', guid: '', name: '', service: '', participants: [], isGroup: false };

/** `is_group`: the guid or identifier contains `;+;` (chat.style is not used). */
export function isGroupChat(guid: string, identifier: string): boolean {
  return guid.includes(';+;') || identifier.includes(';+;');
}

/** Handles joined to the chat: sorted, unique, empty ids dropped. */
export function chatParticipants(store: Store, chatId: number): string[] {
  const rows = store.db
    .prepare('SELECT h.id AS id FROM chat_handle_join chj JOIN handle h ON h.ROWID = chj.handle_id WHERE chj.chat_id = ?')
    .all(chatId) as { id: string | null }[];
  const ids = new Set(rows.map((r) => r.id ?? '').filter((id) => id !== ''));
  return [...ids].sort();
}

/** Raw chat row with optional columns read as NULL when absent. */
interface ChatRow {
  identifier: string | null;
  guid: string | null;
  name: string | null;
  service: string | null;
  account_id: string | null;
  account_login: string | null;
  last_addressed_handle: string | null;
}

/** Read one chat row (undefined when missing). */
function readChatRow(store: Store, chatId: number): ChatRow | undefined {
  const s = store.schema;
  const sql = `SELECT chat_identifier AS identifier, guid, IFNULL(display_name, chat_identifier) AS name,
      service_name AS service, ${s.accountId ? 'account_id' : 'NULL'} AS account_id,
      ${s.accountLogin ? 'account_login' : 'NULL'} AS account_login,
      ${s.lastAddressedHandle ? 'last_addressed_handle' : 'NULL'} AS last_addressed_handle
    FROM chat WHERE ROWID = ?`;
  return store.db.prepare(sql).get(chatId) as ChatRow | undefined;
}

/** Chat info for `chatId`, read once per process (renames are not seen until restart, as in 0.9.0). */
export function chatInfo(store: Store, chatId: number): ChatInfo {
  const cached = store.chatCache.get(chatId);
  if (cached) return cached;
  const row = chatId > 0 ? readChatRow(store, chatId) : undefined;
  if (!row) return UNKNOWN_CHAT;
  const identifier = row.identifier ?? '';
  const guid = row.guid ?? '';
  const info: ChatInfo = {
    identifier,
    guid,
    name: row.name ?? '',
    service: row.service ?? '',
    participants: chatParticipants(store, chatId),
    isGroup: isGroupChat(guid, identifier),
    accountId: row.account_id ?? undefined,
    accountLogin: row.account_login ?? undefined,
    lastAddressedHandle: row.last_addressed_handle ?? undefined,
  };
  store.chatCache.set(chatId, info);
  return info;
}
