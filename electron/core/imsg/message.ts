// The inbound `message` payload of imsg (channel spec §2): every read field is optional and
// type-checked; a wrong-typed known field makes the whole payload invalid; extra fields pass through.
import { z } from 'zod';
import { fastParseMessage } from './message-fast-path.js';

/** Accept a value of `schema`, or null/absent (imsg omits nil keys; older builds sent null), as absent. */
function optional<T extends z.ZodType>(schema: T) {
  return schema.nullish().transform((value) => value ?? undefined);
}

/** The JSON type of a value, for error messages. */
function describe(value: unknown): string {
  return value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;
}

/** One attachment as the policy and media code read it. */
export const imsgAttachmentSchema = z.looseObject({
  original_path: optional(z.string()),
  mime_type: optional(z.string()),
  missing: optional(z.boolean()),
});

/** The `params.message` object of a `message` notification. */
export const imsgMessageSchema = z.looseObject({
  id: optional(z.number()),
  guid: optional(z.string()),
  chat_id: optional(z.number()),
  sender: optional(z.string()),
  destination_caller_id: optional(z.string()),
  is_from_me: optional(z.boolean()),
  text: optional(z.string()),
  created_at: optional(z.string()),
  reply_to_id: optional(z.union([z.string(), z.number()], { error: (issue) => `expected string or number, received ${describe(issue.input)}` })),
  reply_to_text: optional(z.string()),
  reply_to_sender: optional(z.string()),
  chat_identifier: optional(z.string()),
  chat_guid: optional(z.string()),
  chat_name: optional(z.string()),
  participants: optional(z.array(z.string())),
  is_group: optional(z.boolean()),
  attachments: optional(z.array(imsgAttachmentSchema)),
});

/** A validated inbound message payload. */
export type ImsgMessage = z.output<typeof imsgMessageSchema>;
/** One attachment of an {@link ImsgMessage}. */
export type ImsgAttachment = z.output<typeof imsgAttachmentSchema>;

/** One problem with a payload: the field path (`sender`, `attachments[0].missing`) and what was wrong. */
export interface PayloadIssue {
  readonly path: string;
  readonly message: string;
}

/** Result of {@link parseImsgMessage}. */
export type ParseMessageResult = { readonly ok: true; readonly message: ImsgMessage } | { readonly ok: false; readonly issues: readonly PayloadIssue[]; readonly error: string };

/** Render a zod path as `a.b[0].c`. */
function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) out += typeof key === 'number' ? `[${key}]` : `${out ? '.' : ''}${String(key)}`;
  return out || '(payload)';
}

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Undo a protobuf-style length-delimited wrapper (§2): tag byte 0x0A, a varint length L > 0,
 * then exactly L bytes of UTF-8. Anything else is returned unchanged.
 */
export function unwrapLengthPrefixedText(text: string): string {
  const bytes = Buffer.from(text, 'utf8');
  if (bytes.length < 3 || bytes[0] !== 0x0a) return text;
  let length = 0;
  let offset = 1;
  for (let shift = 0; ; shift += 7) {
    const byte = bytes[offset];
    if (byte === undefined || shift > 28) return text;
    offset++;
    length += (byte & 0x7f) * 2 ** shift;
    if ((byte & 0x80) === 0) break;
  }
  if (length === 0 || offset + length !== bytes.length) return text;
  try {
    return UTF8.decode(bytes.subarray(offset));
  } catch {
    return text;
  }
}

/** Validate a payload; on success `text`/`reply_to_text` are unwrapped (§2). Errors name the field. */
export function parseImsgMessage(raw: unknown): ParseMessageResult {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    const issue = { path: '(payload)', message: `expected a message object, received ${describe(raw)}` };
    return { ok: false, issues: [issue], error: `(payload): ${issue.message}` };
  }
  const fast = fastParseMessage(raw as Record<string, unknown>);
  const parsed = fast ? { success: true as const, data: fast } : imsgMessageSchema.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({ path: formatPath(i.path), message: i.message.replace(/^Invalid input: /, '') }));
    return { ok: false, issues, error: issues.map((i) => `${i.path}: ${i.message}`).join('; ') };
  }
  const message = { ...parsed.data };
  if (message.text !== undefined) message.text = unwrapLengthPrefixedText(message.text);
  if (message.reply_to_text !== undefined) message.reply_to_text = unwrapLengthPrefixedText(message.reply_to_text);
  return { ok: true, message };
}

/** A payload given either bare or as a whole `message` notification (`params.message` is taken). */
export function unwrapMessageNotification(raw: unknown): unknown {
  if (typeof raw !== 'object' || raw === null) return raw;
  const note = raw as { method?: unknown; params?: { message?: unknown } };
  if (note.method === 'message' && typeof note.params === 'object' && note.params !== null) return note.params.message;
  return raw;
}
