// The imsg Message object (spec §3.8): nil keys omitted, attachments/reactions always present.
import { appleNsToIso } from '../db/apple-time.js';
import { attachmentPayloads, audioTranscript } from './attachments.js';
import { chatInfo } from './chat-info.js';
import { contactName } from './contacts.js';
import { rowByGuid } from './message-queries.js';
import { rowSender, rowText, type MessageRow } from './message-rows.js';
import type { Store } from './open-store.js';
import { aggregateReactions, isReactionRow, normalizeAssociatedGuid, reactionKind } from './reactions.js';

/** What to compute for a payload. */
export interface PayloadOptions {
  /** Fill `attachments` (else `[]`). */
  readonly attachments: boolean;
  /** Fill `reactions` (else `[]`). */
  readonly reactions: boolean;
  /** Add the reaction-event fields to reaction rows (watch with include_reactions). */
  readonly reactionEvents?: boolean;
}

/** Message text; an audio message's transcription replaces it. */
function messageText(store: Store, row: MessageRow): string {
  const transcript = row.isAudio ? audioTranscript(store, row.id) : undefined;
  return transcript ?? rowText(row);
}

/** reply_to_guid: the normalised associated guid of a non-reaction association. */
function replyToGuid(row: MessageRow): string | undefined {
  if (!row.associatedGuid || isReactionRow(row)) return undefined;
  const guid = normalizeAssociatedGuid(row.associatedGuid);
  return guid === '' ? undefined : guid;
}

/** reply_to_text / reply_to_sender from the parent row (thread originator first), when it exists. */
function replyContext(store: Store, row: MessageRow, replyTo: string | undefined): Record<string, string> {
  const parentGuid = row.threadOriginatorGuid || replyTo;
  const parent = parentGuid ? rowByGuid(store, parentGuid) : undefined;
  return parent ? { reply_to_text: rowText(parent), reply_to_sender: rowSender(parent) } : {};
}

/** Fields only reaction events carry. */
function reactionEventFields(row: MessageRow): Record<string, unknown> {
  const kind = reactionKind(row);
  return {
    is_reaction: true,
    ...(kind.type !== undefined ? { reaction_type: kind.type } : {}),
    ...(kind.emoji !== undefined ? { reaction_emoji: kind.emoji } : {}),
    is_reaction_add: kind.isAdd,
    reacted_to_guid: normalizeAssociatedGuid(row.associatedGuid ?? ''),
  };
}

/** Build the Message payload for one row. */
export function messagePayload(store: Store, row: MessageRow, opts: PayloadOptions): Record<string, unknown> {
  const chat = chatInfo(store, row.chatId);
  const isEvent = opts.reactionEvents === true && isReactionRow(row);
  const replyTo = replyToGuid(row);
  const senderName = row.fromMe ? undefined : contactName(store.contacts, rowSender(row));
  return {
    id: row.id,
    chat_id: row.chatId,
    guid: row.guid,
    ...(replyTo !== undefined ? { reply_to_guid: replyTo } : {}),
    ...(row.threadOriginatorGuid && !isEvent ? { thread_originator_guid: row.threadOriginatorGuid } : {}),
    ...(row.destinationCallerId ? { destination_caller_id: row.destinationCallerId } : {}),
    sender: rowSender(row),
    is_from_me: row.fromMe,
    text: messageText(store, row),
    created_at: appleNsToIso(row.date),
    attachments: opts.attachments ? attachmentPayloads(store, row.id) : [],
    reactions: opts.reactions ? aggregateReactions(store, row.guid) : [],
    chat_identifier: chat.identifier,
    chat_guid: chat.guid,
    chat_name: chat.name,
    participants: chat.participants,
    is_group: chat.isGroup,
    ...(senderName !== undefined ? { sender_name: senderName } : {}),
    ...(isEvent ? {} : replyContext(store, row, replyTo)),
    ...(isEvent ? reactionEventFields(row) : {}),
  };
}
