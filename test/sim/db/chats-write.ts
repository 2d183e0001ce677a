// Handle and chat rows as Messages.app creates them (direct `iMessage;-;<handle>`, group `iMessage;+;chat…`).
import { randomInt } from 'node:crypto';
import type Database from 'better-sqlite3';

/** A chat row's identity. */
export interface ChatRef {
  readonly id: number;
  readonly guid: string;
  readonly isGroup: boolean;
}

/** Messages' service names. */
export type ServiceName = 'iMessage' | 'SMS';

// Apple's chat.style: 45 = direct, 43 = group (imsg ignores it; kept for realism).
const STYLE_DIRECT = 45;
const STYLE_GROUP = 43;

/** The handle row for `id` on `service`, inserted when new. */
export function ensureHandle(db: Database.Database, id: string, service: ServiceName): number {
  const found = db.prepare('SELECT ROWID AS id FROM handle WHERE id = ? AND service = ?').get(id, service) as { id: number } | undefined;
  if (found) return found.id;
  const res = db.prepare('INSERT INTO handle (id, service, uncanonicalized_id) VALUES (?, ?, ?)').run(id, service, id);
  return Number(res.lastInsertRowid);
}

/** Link a handle to a chat (no-op when already linked). */
export function joinChatHandle(db: Database.Database, chatId: number, handleId: number): void {
  db.prepare('INSERT OR IGNORE INTO chat_handle_join (chat_id, handle_id) VALUES (?, ?)').run(chatId, handleId);
}

/** Look a chat up by ROWID or guid. */
export function findChat(db: Database.Database, by: { id?: number; guid?: string }): ChatRef | undefined {
  const row = (by.id !== undefined
    ? db.prepare('SELECT ROWID AS id, guid FROM chat WHERE ROWID = ?').get(by.id)
    : db.prepare('SELECT ROWID AS id, guid FROM chat WHERE guid = ?').get(by.guid)) as { id: number; guid: string } | undefined;
  return row ? { id: row.id, guid: row.guid, isGroup: row.guid.includes(';+;') } : undefined;
}

/** The GUIDs a direct chat with `handle` may have, in the order imsg tries them. */
export function directChatGuids(handle: string, service: ServiceName): string[] {
  const first = service === 'SMS' ? ['SMS', 'any', 'iMessage'] : ['iMessage', 'any', 'SMS'];
  return [...first.map((s) => `${s};-;${handle}`), handle];
}

/** The existing direct chat with `handle`, or a new one, with the handle joined. */
export function ensureDirectChat(db: Database.Database, handle: string, service: ServiceName): ChatRef {
  const handleId = ensureHandle(db, handle, service);
  for (const guid of directChatGuids(handle, service)) {
    const chat = findChat(db, { guid });
    if (chat) return chat;
  }
  const guid = `${service};-;${handle}`;
  const res = db
    .prepare('INSERT INTO chat (guid, style, chat_identifier, service_name, display_name) VALUES (?, ?, ?, ?, ?)')
    .run(guid, STYLE_DIRECT, handle, service, '');
  const id = Number(res.lastInsertRowid);
  joinChatHandle(db, id, handleId);
  return { id, guid, isGroup: false };
}

/** A new group chat `iMessage;+;chat<digits>` named `name` with the given member handles. */
export function createGroupChat(db: Database.Database, name: string, members: readonly string[], service: ServiceName): ChatRef {
  const identifier = `chat${randomInt(1e8, 1e9)}${randomInt(1e8, 1e9)}`;
  const guid = `${service};+;${identifier}`;
  const res = db
    .prepare('INSERT INTO chat (guid, style, chat_identifier, service_name, display_name) VALUES (?, ?, ?, ?, ?)')
    .run(guid, STYLE_GROUP, identifier, service, name);
  const id = Number(res.lastInsertRowid);
  for (const member of members) joinChatHandle(db, id, ensureHandle(db, member, service));
  return { id, guid, isGroup: true };
}

/** The only handle joined to a direct chat (the recipient of outgoing rows), if any. */
export function soleChatHandle(db: Database.Database, chatId: number): number | undefined {
  const rows = db.prepare('SELECT handle_id AS id FROM chat_handle_join WHERE chat_id = ?').all(chatId) as { id: number }[];
  return rows.length === 1 ? rows[0]?.id : undefined;
}
