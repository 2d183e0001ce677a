// `chats.list` (RPC) and `imsg chats` (CLI): chats with messages, newest activity first (spec §3.1, §3.8).
import { appleNsToIso } from '../db/apple-time.js';
import { chatInfo } from './chat-info.js';
import { contactName } from './contacts.js';
import type { Store } from './open-store.js';

/** One chat with its last activity. */
export interface ChatSummary {
  readonly id: number;
  readonly lastMessageAt: string;
}

/** Chats that have at least one joined message, ordered by last activity (newest first). */
export function listChats(store: Store, limit: number): ChatSummary[] {
  const last = store.schema.messageDate ? 'MAX(cmj.message_date)' : 'MAX(m.date)';
  const join = store.schema.messageDate ? '' : 'JOIN message m ON m.ROWID = cmj.message_id';
  const rows = store.db
    .prepare(
      `SELECT c.ROWID AS id, ${last} AS last FROM chat c JOIN chat_message_join cmj ON cmj.chat_id = c.ROWID ${join}
       GROUP BY c.ROWID ORDER BY last DESC, c.ROWID DESC LIMIT ?`,
    )
    .safeIntegers(true)
    .all(Math.max(1, limit)) as { id: bigint; last: bigint | null }[];
  return rows.map((r) => ({ id: Number(r.id), lastMessageAt: appleNsToIso(r.last) }));
}

/** The `chats.list` item: the RPC variant has fewer keys than the CLI JSON (no display_name/account_*). */
export function chatRpcPayload(store: Store, chat: ChatSummary): Record<string, unknown> {
  const info = chatInfo(store, chat.id);
  // Only direct chats get a contact_name, and only when Contacts resolves the identifier (§3.1).
  const name = info.isGroup ? undefined : contactName(store.contacts, info.identifier);
  return {
    id: chat.id,
    identifier: info.identifier,
    guid: info.guid,
    name: info.name,
    service: info.service,
    last_message_at: chat.lastMessageAt,
    participants: info.participants,
    is_group: info.isGroup,
    ...(name !== undefined ? { contact_name: name } : {}),
  };
}

/** The `imsg chats --json` line object: the RPC keys plus display_name/account_* (nil keys and an empty guid omitted). */
export function chatCliPayload(store: Store, chat: ChatSummary): Record<string, unknown> {
  const info = chatInfo(store, chat.id);
  const { guid, ...rest } = chatRpcPayload(store, chat);
  return {
    ...rest,
    ...(guid !== '' ? { guid } : {}),
    display_name: info.name,
    ...(info.accountId !== undefined ? { account_id: info.accountId } : {}),
    ...(info.accountLogin !== undefined ? { account_login: info.accountLogin } : {}),
    ...(info.lastAddressedHandle !== undefined ? { last_addressed_handle: info.lastAddressedHandle } : {}),
  };
}
