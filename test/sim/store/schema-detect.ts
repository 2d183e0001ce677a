// Optional-column detection with PRAGMA table_info, as imsg does (spec §4.1): absent columns read as NULL.
import type Database from 'better-sqlite3';

/** Which optional columns the open chat.db has. */
export interface StoreSchema {
  readonly attributedBody: boolean;
  /** guid + associated_message_guid + associated_message_type: all three are needed. */
  readonly reactions: boolean;
  readonly threadOriginator: boolean;
  readonly destinationCallerId: boolean;
  readonly audio: boolean;
  readonly balloon: boolean;
  readonly userInfo: boolean;
  readonly messageDate: boolean;
  readonly accountId: boolean;
  readonly accountLogin: boolean;
  readonly lastAddressedHandle: boolean;
}

/** Column names of `table` (empty when the table is missing). */
function columns(db: Database.Database, table: string): Set<string> {
  const rows = db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[];
  return new Set(rows.map((r) => r.name));
}

/** Inspect the schema once at open. */
export function detectSchema(db: Database.Database): StoreSchema {
  const message = columns(db, 'message');
  const chat = columns(db, 'chat');
  return {
    attributedBody: message.has('attributedBody'),
    reactions: ['guid', 'associated_message_guid', 'associated_message_type'].every((c) => message.has(c)),
    threadOriginator: message.has('thread_originator_guid'),
    destinationCallerId: message.has('destination_caller_id'),
    audio: message.has('is_audio_message'),
    balloon: message.has('balloon_bundle_id'),
    userInfo: columns(db, 'attachment').has('user_info'),
    messageDate: columns(db, 'chat_message_join').has('message_date'),
    accountId: chat.has('account_id'),
    accountLogin: chat.has('account_login'),
    lastAddressedHandle: chat.has('last_addressed_handle'),
  };
}
