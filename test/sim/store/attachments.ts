// Attachment objects (spec §3.8: total_bytes/original_path/missing) and audio transcriptions (§4.4).
import { statSync } from 'node:fs';
import { expandHome } from '../../../electron/core/fs/expand-home.js';
import type { Store } from './open-store.js';
import { plistString } from './plist-read.js';

/** Raw attachment row. */
interface AttachmentRow {
  filename: string | null;
  transfer_name: string | null;
  uti: string | null;
  mime_type: string | null;
  total_bytes: number | bigint | null;
  is_sticker: number | bigint | null;
  user_info: Buffer | null;
}

/** Attachment rows of a message in ROWID order. */
function attachmentRows(store: Store, messageId: number): AttachmentRow[] {
  const userInfo = store.schema.userInfo ? 'a.user_info' : 'NULL';
  return store.db
    .prepare(
      `SELECT a.filename, a.transfer_name, a.uti, a.mime_type, a.total_bytes, a.is_sticker, ${userInfo} AS user_info
       FROM message_attachment_join maj JOIN attachment a ON a.ROWID = maj.attachment_id
       WHERE maj.message_id = ? ORDER BY a.ROWID`,
    )
    .all(messageId) as AttachmentRow[];
}

/** True unless `path` is an existing regular file. */
function isMissing(path: string): boolean {
  try {
    return !statSync(path).isFile();
  } catch {
    return true;
  }
}

/** The `attachments` array of a message payload. */
export function attachmentPayloads(store: Store, messageId: number): Record<string, unknown>[] {
  return attachmentRows(store, messageId).map((a) => {
    const filename = a.filename ?? '';
    const originalPath = filename === '' ? '' : expandHome(filename);
    return {
      filename,
      transfer_name: a.transfer_name ?? '',
      uti: a.uti ?? '',
      mime_type: a.mime_type ?? '',
      total_bytes: Number(a.total_bytes ?? 0),
      is_sticker: Number(a.is_sticker ?? 0) !== 0,
      original_path: originalPath,
      missing: originalPath === '' || isMissing(originalPath),
    };
  });
}

/** The first attachment's `audio-transcription` for an audio message, if any. */
export function audioTranscript(store: Store, messageId: number): string | undefined {
  const first = attachmentRows(store, messageId)[0];
  return first?.user_info ? plistString(first.user_info, 'audio-transcription') : undefined;
}
