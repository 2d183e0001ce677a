// Send-target grammar (channel spec §7): `chat_id:`/`chat_guid:`/`chat_identifier:` targets,
// service-prefixed handles and bare handles, with the reference's exact error texts.
import { chatPrefixOf, normalizeHandle, servicePrefixAt } from './normalize.js';

/** Which service a handle target asks for. */
export type TargetService = 'imessage' | 'sms' | 'auto';

/** A parsed send target. */
export type ImsgTarget =
  | { readonly kind: 'chat_id'; readonly chatId: number }
  | { readonly kind: 'chat_guid'; readonly chatGuid: string }
  | { readonly kind: 'chat_identifier'; readonly chatIdentifier: string }
  | { readonly kind: 'handle'; readonly to: string; readonly service: TargetService };

/** Parse a chat_* target, or undefined when `text` has no chat prefix. Throws on an empty or bad value. */
export function parseChatTarget(text: string): ImsgTarget | undefined {
  const chat = chatPrefixOf(text);
  if (!chat) return undefined;
  const value = text.slice(chat.spelling.length).trim();
  if (chat.canonical === 'chat_id:') {
    // parseInt on purpose (§7 quirk kept): `chat_id:12abc` is chat 12.
    const chatId = Number.parseInt(value, 10);
    if (!Number.isFinite(chatId)) throw new Error(`Invalid chat_id: ${value}`);
    return { kind: 'chat_id', chatId };
  }
  if (chat.canonical === 'chat_guid:') {
    if (!value) throw new Error('chat_guid is required');
    return { kind: 'chat_guid', chatGuid: value };
  }
  if (!value) throw new Error('chat_identifier is required');
  return { kind: 'chat_identifier', chatIdentifier: value };
}

/** Parse a send target (§7); throws an Error with the reference's text when it is empty or malformed. */
export function parseTarget(raw: string): ImsgTarget {
  const text = raw.trim();
  if (!text) throw new Error('iMessage target is required');
  const chat = parseChatTarget(text);
  if (chat) return chat;
  const service = servicePrefixAt(text);
  if (service) {
    const rest = text.slice(service.length).trim();
    if (!rest) throw new Error(`${service} target is required`);
    // A service prefix in front of a chat target is dropped; only one service prefix is consumed.
    return parseChatTarget(rest) ?? { kind: 'handle', to: rest, service: service.slice(0, -1) as TargetService };
  }
  return { kind: 'handle', to: text, service: 'auto' };
}

/** `chat_id:<n>`, or '' for 0, null, undefined or NaN (§7). */
export function formatChatTarget(chatId: number | null | undefined): string {
  if (chatId === null || chatId === undefined || !Number.isFinite(chatId) || chatId === 0) return '';
  return `chat_id:${chatId}`;
}

/** Chat type a target addresses: handles are direct, every chat_* target is a group (§7). */
export function targetChatType(target: ImsgTarget): 'direct' | 'group' {
  return target.kind === 'handle' ? 'direct' : 'group';
}

/** True when `raw` carries a chat or service prefix ("explicit id", §7). */
export function isExplicitTargetId(raw: string): boolean {
  const text = raw.trim();
  return chatPrefixOf(text) !== undefined || servicePrefixAt(text) !== undefined;
}

/** True when `raw` looks like an id rather than a contact name: explicit prefix, an `@`, or `^\+?\d{3,}$` (§7). */
export function looksLikeTargetId(raw: string): boolean {
  const text = raw.trim();
  if (!text) return false;
  return isExplicitTargetId(text) || text.includes('@') || /^\+?\d{3,}$/.test(text);
}

/**
 * Messaging-target normalizer for explicit `--to` values (§7): keeps the service prefix on
 * handles (`sms:+15552223333`), drops it for chat targets, and lower-cases the chat prefix
 * spelling used instead of canonicalizing it. Undefined for an empty target.
 */
export function normalizeMessagingTarget(raw: string): string | undefined {
  const text = raw.trim();
  if (!text) return undefined;
  const service = servicePrefixAt(text);
  if (service) {
    const handle = normalizeHandle(text.slice(service.length));
    if (!handle) return undefined;
    return chatPrefixOf(handle) ? handle : `${service}${handle}`;
  }
  const chat = chatPrefixOf(text);
  if (chat) return `${chat.spelling}${text.slice(chat.spelling.length).trim()}`;
  return normalizeHandle(text) || undefined;
}
