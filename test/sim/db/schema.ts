// Apple's chat.db tables (spec §7): only the columns imsg reads plus the constraints Apple declares.

/** DDL for an empty chat.db; idempotent (`IF NOT EXISTS`) so it can run on every open. */
export const CHAT_DB_SCHEMA = `
CREATE TABLE IF NOT EXISTS handle (
  ROWID INTEGER PRIMARY KEY AUTOINCREMENT UNIQUE,
  id TEXT NOT NULL,
  service TEXT NOT NULL,
  country TEXT, uncanonicalized_id TEXT, person_centric_id TEXT,
  UNIQUE (id, service)
);
CREATE TABLE IF NOT EXISTS chat (
  ROWID INTEGER PRIMARY KEY AUTOINCREMENT,
  guid TEXT UNIQUE NOT NULL,
  style INTEGER,
  chat_identifier TEXT,
  service_name TEXT,
  display_name TEXT,
  account_id TEXT, account_login TEXT, last_addressed_handle TEXT,
  room_name TEXT, is_archived INTEGER DEFAULT 0
);
CREATE TABLE IF NOT EXISTS message (
  ROWID INTEGER PRIMARY KEY AUTOINCREMENT,
  guid TEXT UNIQUE NOT NULL,
  text TEXT,
  attributedBody BLOB,
  handle_id INTEGER DEFAULT 0,
  service TEXT,
  date INTEGER,
  is_from_me INTEGER DEFAULT 0,
  is_audio_message INTEGER DEFAULT 0,
  associated_message_guid TEXT,
  associated_message_type INTEGER DEFAULT 0,
  balloon_bundle_id TEXT,
  destination_caller_id TEXT,
  thread_originator_guid TEXT, thread_originator_part TEXT,
  reply_to_guid TEXT,
  date_read INTEGER, date_delivered INTEGER, is_read INTEGER DEFAULT 0,
  is_sent INTEGER DEFAULT 0, is_delivered INTEGER DEFAULT 0, error INTEGER DEFAULT 0,
  cache_has_attachments INTEGER DEFAULT 0, item_type INTEGER DEFAULT 0,
  associated_message_emoji TEXT
);
CREATE TABLE IF NOT EXISTS chat_message_join (
  chat_id INTEGER REFERENCES chat (ROWID) ON DELETE CASCADE,
  message_id INTEGER REFERENCES message (ROWID) ON DELETE CASCADE,
  message_date INTEGER DEFAULT 0,
  PRIMARY KEY (chat_id, message_id)
);
CREATE TABLE IF NOT EXISTS chat_handle_join (
  chat_id INTEGER REFERENCES chat (ROWID) ON DELETE CASCADE,
  handle_id INTEGER REFERENCES handle (ROWID) ON DELETE CASCADE,
  UNIQUE (chat_id, handle_id)
);
CREATE TABLE IF NOT EXISTS attachment (
  ROWID INTEGER PRIMARY KEY AUTOINCREMENT,
  guid TEXT UNIQUE NOT NULL,
  filename TEXT,
  uti TEXT, mime_type TEXT, transfer_name TEXT,
  total_bytes INTEGER DEFAULT 0,
  is_sticker INTEGER DEFAULT 0,
  user_info BLOB,
  created_date INTEGER DEFAULT 0, transfer_state INTEGER DEFAULT 0, is_outgoing INTEGER DEFAULT 0,
  original_guid TEXT UNIQUE NOT NULL
);
CREATE TABLE IF NOT EXISTS message_attachment_join (
  message_id INTEGER REFERENCES message (ROWID) ON DELETE CASCADE,
  attachment_id INTEGER REFERENCES attachment (ROWID) ON DELETE CASCADE,
  UNIQUE (message_id, attachment_id)
);
CREATE INDEX IF NOT EXISTS chat_message_join_idx_message_id ON chat_message_join (message_id);
CREATE INDEX IF NOT EXISTS message_idx_handle ON message (handle_id, date);
`;
