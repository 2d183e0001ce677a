// Writes chat.db the way Messages.app does; used by `imsg-sim init|inject`, RPC `send`, and tests in-process.
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { insertAttachment } from './db/attachment-write.js';
import { appleDate, resolveChat, resolveHandleId } from './db/inject-target.js';
import { CHAT_DB_SCHEMA } from './db/schema.js';
import { encodeAttributedBody } from './db/typedstream.js';
import type { ServiceName } from './db/chats-write.js';

export type { ServiceName } from './db/chats-write.js';

/** What to insert; mirrors the `imsg-sim inject` flags plus a few row fields tests need. */
export interface InjectOptions {
  /** Sender handle (phone/email); with `fromMe` the recipient. Optional for `fromMe` into an existing chat. */
  readonly from?: string;
  readonly text?: string;
  /** Create a new group chat with this display name (with `participants`). */
  readonly groupName?: string;
  readonly participants?: readonly string[];
  /** Insert into this existing chat (ROWID). */
  readonly chatId?: number;
  /** Insert into this existing chat (guid). */
  readonly chatGuid?: string;
  /** Path recorded as the attachment row's `filename`. */
  readonly attachment?: string;
  readonly fromMe?: boolean;
  /** Store the body only in `attributedBody` (text column NULL), as macOS 13+ often does. */
  readonly noTextColumn?: boolean;
  readonly service?: ServiceName;
  /** Message date: a Date or Apple nanoseconds; default now. */
  readonly date?: Date | bigint;
  readonly associatedMessageGuid?: string;
  readonly associatedMessageType?: number;
  readonly threadOriginatorGuid?: string;
  readonly destinationCallerId?: string;
  readonly balloonBundleId?: string;
  readonly isAudioMessage?: boolean;
  /** Attachment `user_info` plist (e.g. an audio transcription). */
  readonly attachmentUserInfo?: Buffer;
  /** Leave out the chat_message_join row (Messages' late-join race: chat_id 0 in watch). */
  readonly unjoined?: boolean;
}

/** The row `injectMessage` wrote, as `imsg-sim inject` prints it. */
export interface InjectResult {
  readonly id: number;
  readonly guid: string;
  readonly chat_id: number;
  readonly chat_guid: string;
}

/** Open (creating when missing) a writable chat.db with Apple's schema in WAL mode. */
export function openChatDb(path: string): Database.Database {
  mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path, { timeout: 5000 });
  try {
    db.pragma('journal_mode = WAL');
    db.exec(CHAT_DB_SCHEMA);
  } catch (err) {
    db.close();
    throw err;
  }
  return db;
}

/** Create an empty chat.db (schema + WAL) at `path`; an existing one keeps its rows. */
export function createChatDb(path: string): void {
  openChatDb(path).close();
}

/** Insert one message (handle, chat, joins, attachment) in a single transaction, as Messages.app would. */
export function injectMessage(db: Database.Database, opts: InjectOptions): InjectResult {
  return db.transaction((): InjectResult => {
    const service = opts.service ?? 'iMessage';
    const chat = resolveChat(db, opts, service);
    const handleId = resolveHandleId(db, opts, chat, service);
    const date = appleDate(opts.date);
    const body = opts.text ?? (opts.attachment !== undefined ? '\uFFFC' : '');
    const guid = randomUUID().toUpperCase();
    const fromMe = opts.fromMe ? 1 : 0;
    const res = db
      .prepare(
        `INSERT INTO message (guid, text, attributedBody, handle_id, service, date, is_from_me, is_sent, is_delivered,
           is_audio_message, associated_message_guid, associated_message_type, balloon_bundle_id, destination_caller_id,
           thread_originator_guid, cache_has_attachments)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        guid,
        opts.noTextColumn ? null : body,
        body === '' ? null : encodeAttributedBody(body),
        handleId,
        service,
        date,
        fromMe,
        fromMe,
        opts.isAudioMessage ? 1 : 0,
        opts.associatedMessageGuid ?? null,
        opts.associatedMessageType ?? 0,
        opts.balloonBundleId ?? null,
        opts.destinationCallerId ?? null,
        opts.threadOriginatorGuid ?? null,
        opts.attachment !== undefined ? 1 : 0,
      );
    const id = Number(res.lastInsertRowid);
    if (!opts.unjoined) {
      db.prepare('INSERT INTO chat_message_join (chat_id, message_id, message_date) VALUES (?, ?, ?)').run(chat.id, id, date);
    }
    if (opts.attachment !== undefined) {
      const createdSeconds = Number(date / 1_000_000_000n);
      insertAttachment(db, id, opts.attachment, { outgoing: fromMe === 1, createdSeconds, userInfo: opts.attachmentUserInfo });
    }
    return { id, guid, chat_id: chat.id, chat_guid: chat.guid };
  }).immediate(); // BEGIN IMMEDIATE: a deferred write lock upgrade races the sim's own send (SQLITE_BUSY)
}
