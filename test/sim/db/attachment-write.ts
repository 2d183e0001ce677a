// Attachment rows as Messages records them (filename, transfer name, UTI/MIME by extension, size).
import { randomUUID } from 'node:crypto';
import { statSync } from 'node:fs';
import { basename, extname } from 'node:path';
import type Database from 'better-sqlite3';
import { expandHome } from '../../../electron/core/fs/expand-home.js';

const TYPES: Readonly<Record<string, readonly [string, string]>> = {
  '.jpg': ['image/jpeg', 'public.jpeg'],
  '.jpeg': ['image/jpeg', 'public.jpeg'],
  '.png': ['image/png', 'public.png'],
  '.gif': ['image/gif', 'com.compuserve.gif'],
  '.heic': ['image/heic', 'public.heic'],
  '.pdf': ['application/pdf', 'com.adobe.pdf'],
  '.txt': ['text/plain', 'public.plain-text'],
  '.mov': ['video/quicktime', 'com.apple.quicktime-movie'],
  '.mp4': ['video/mp4', 'public.mpeg-4'],
  '.m4a': ['audio/x-m4a', 'com.apple.m4a-audio'],
  '.caf': ['audio/x-caf', 'com.apple.coreaudio-format'],
};

/** Size of the file at `path` (with `~` expanded), or 0 when it is not a readable regular file. */
function fileSize(path: string): number {
  try {
    const st = statSync(expandHome(path));
    return st.isFile() ? st.size : 0;
  } catch {
    return 0;
  }
}

/** Insert an attachment row for `filename` and join it to message `messageId`; returns its ROWID. */
export function insertAttachment(
  db: Database.Database,
  messageId: number,
  filename: string,
  opts: { readonly outgoing: boolean; readonly createdSeconds: number; readonly userInfo?: Buffer },
): number {
  const guid = randomUUID().toUpperCase();
  const [mime, uti] = TYPES[extname(filename).toLowerCase()] ?? ['application/octet-stream', 'public.data'];
  const res = db
    .prepare(
      `INSERT INTO attachment (guid, filename, uti, mime_type, transfer_name, total_bytes, is_sticker, user_info,
         created_date, transfer_state, is_outgoing, original_guid) VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?, 5, ?, ?)`,
    )
    .run(guid, filename, uti, mime, basename(filename), fileSize(filename), opts.userInfo ?? null, opts.createdSeconds, opts.outgoing ? 1 : 0, guid);
  const id = Number(res.lastInsertRowid);
  db.prepare('INSERT INTO message_attachment_join (message_id, attachment_id) VALUES (?, ?)').run(messageId, id);
  return id;
}
