// Methods that need IMCore (spec §3.6, §3.7): on a normal Mac they fail after target validation.
import { READ_ERROR_TEXT, SIP_ERROR_TEXT, TYPING_ERROR_TEXT } from './bridge-errors.js';
import { internalError, invalidParams } from './errors.js';
import type { Method } from './method-context.js';
import { paramInt, paramNonEmpty, paramStringArray, type Params } from './params.js';

/** Bridge-only methods that take a chat target. */
export const CHAT_TARGET_BRIDGE_METHODS = [
  'chats.delete',
  'chats.markUnread',
  'send.rich',
  'send.attachment',
  'tapback',
  'message.edit',
  'message.unsend',
  'message.delete',
  'message.notifyAnyways',
  'group.rename',
  'group.setIcon',
  'group.addParticipant',
  'group.removeParticipant',
  'group.leave',
] as const;

/** True when any of chat_guid / chat_identifier / chat_id is given. */
function hasChatTarget(p: Params): boolean {
  return paramNonEmpty(p, 'chat_guid') !== undefined || paramNonEmpty(p, 'chat_identifier') !== undefined || paramInt(p, 'chat_id') !== undefined;
}

/** A bridge-only method: chat target required, then the SIP refusal. */
export const bridgeOnly: Method = (p) => {
  if (!hasChatTarget(p)) throw invalidParams('chat_guid, chat_identifier, or chat_id is required');
  throw internalError(SIP_ERROR_TEXT);
};

/** `chats.create`: `addresses` required, then the SIP refusal. */
export const chatsCreate: Method = (p) => {
  if ((paramStringArray(p, 'addresses') ?? []).length === 0) throw invalidParams('addresses is required');
  throw internalError(SIP_ERROR_TEXT);
};

/** Target check shared by typing/read: `to` or a chat field. */
function requireAnyTarget(p: Params): void {
  if (paramNonEmpty(p, 'to') === undefined && !hasChatTarget(p)) {
    throw invalidParams('to, chat_id, chat_identifier, or chat_guid is required');
  }
}

/** `typing`: fails as direct IMCore does without entitlements. */
export const typing: Method = (p) => {
  requireAnyTarget(p);
  throw internalError(TYPING_ERROR_TEXT);
};

/** `read`: fails with the un-localised bridge error. */
export const read: Method = (p) => {
  requireAnyTarget(p);
  throw internalError(READ_ERROR_TEXT);
};
