// Read the untrusted `attachments` value of a message into checked entries (bad entries become drops).
import { imsgAttachmentSchema } from '../imsg/message.js';
import type { DroppedAttachment } from './types.js';

/** One attachment entry with the fields resolution reads. */
export interface AttachmentEntry {
  path: string;
  mimeType?: string;
  missing: boolean;
  /** Size the Mac reported, when it is a usable number. */
  totalBytes?: number;
}

/** Entries that parsed, and drops for those that did not. */
export interface ParsedEntries {
  entries: AttachmentEntry[];
  dropped: DroppedAttachment[];
}

/** Name a value's JSON type for a reason text. */
function typeName(value: unknown): string {
  return value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;
}

/** Parse `message.attachments`: absent → none; not an array or a malformed entry → a visible drop. */
export function parseAttachmentEntries(raw: unknown): ParsedEntries {
  if (raw === undefined || raw === null) return { entries: [], dropped: [] };
  if (!Array.isArray(raw)) return { entries: [], dropped: [{ originalPath: '', reason: `malformed attachments (expected array, received ${typeName(raw)})` }] };
  const out: ParsedEntries = { entries: [], dropped: [] };
  raw.forEach((item: unknown, index) => {
    const parsed = imsgAttachmentSchema.safeParse(item);
    if (!parsed.success) {
      const path = typeof (item as { original_path?: unknown } | null)?.original_path === 'string' ? (item as { original_path: string }).original_path : '';
      out.dropped.push({ originalPath: path, reason: `malformed attachment [${index}]: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(entry)'}: ${i.message}`).join('; ')}` });
      return;
    }
    const size = (item as { total_bytes?: unknown }).total_bytes;
    const mime = parsed.data.mime_type?.trim();
    out.entries.push({
      path: parsed.data.original_path ?? '',
      ...(mime ? { mimeType: mime } : {}),
      missing: parsed.data.missing === true,
      ...(typeof size === 'number' && Number.isFinite(size) && size > 0 ? { totalBytes: size } : {}),
    });
  });
  return out;
}
