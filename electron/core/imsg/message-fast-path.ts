// The common case of parseImsgMessage without zod: a payload whose known fields all have their
// types is copied as zod would (null → undefined, attachments copied) in a few µs instead of
// ~0.1 ms per message. Anything else returns undefined, and zod decides and words the error.
import type { ImsgMessage } from './message.js';

type Check = (v: unknown) => boolean;

const isString: Check = (v) => typeof v === 'string';
const isNumber: Check = (v) => typeof v === 'number' && Number.isFinite(v);
const isBoolean: Check = (v) => typeof v === 'boolean';
const isStringArray: Check = (v) => Array.isArray(v) && v.every((x) => typeof x === 'string');

/** The known fields of imsgMessageSchema (but attachments) with their checks (message-fast-path.test.ts keeps both in step). */
export const MESSAGE_FIELDS: Readonly<Record<string, Check>> = {
  id: isNumber,
  guid: isString,
  chat_id: isNumber,
  sender: isString,
  destination_caller_id: isString,
  is_from_me: isBoolean,
  text: isString,
  created_at: isString,
  reply_to_id: (v) => isString(v) || isNumber(v),
  reply_to_text: isString,
  reply_to_sender: isString,
  chat_identifier: isString,
  chat_guid: isString,
  chat_name: isString,
  participants: isStringArray,
  is_group: isBoolean,
};
/** The known fields of imsgAttachmentSchema with their checks. */
export const ATTACHMENT_FIELDS: Readonly<Record<string, Check>> = { original_path: isString, mime_type: isString, missing: isBoolean };

/** Copy `raw` with its known fields checked (null/absent → undefined); undefined when one fails. */
function copyChecked(raw: Record<string, unknown>, fields: Readonly<Record<string, Check>>): Record<string, unknown> | undefined {
  const out: Record<string, unknown> = { ...raw };
  for (const key in fields) {
    const value = raw[key];
    if (value === null || value === undefined) {
      if (key in raw) out[key] = undefined;
    } else if (!(fields[key] as Check)(value)) return undefined;
  }
  return out;
}

/** The validated message when every known field has its type, else undefined (let zod decide). */
export function fastParseMessage(raw: Record<string, unknown>): ImsgMessage | undefined {
  const out = copyChecked(raw, MESSAGE_FIELDS);
  if (!out) return undefined;
  const attachments = raw.attachments;
  if (attachments === null || attachments === undefined) {
    if ('attachments' in raw) out.attachments = undefined;
    return out as ImsgMessage;
  }
  if (!Array.isArray(attachments)) return undefined;
  const copied: Record<string, unknown>[] = [];
  for (const a of attachments) {
    if (typeof a !== 'object' || a === null || Array.isArray(a)) return undefined;
    const c = copyChecked(a as Record<string, unknown>, ATTACHMENT_FIELDS);
    if (!c) return undefined;
    copied.push(c);
  }
  out.attachments = copied;
  return out as ImsgMessage;
}
