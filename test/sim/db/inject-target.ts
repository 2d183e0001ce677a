// Where an injected message goes: its chat (found or created) and the handle_id Messages would write.
import type Database from 'better-sqlite3';
import type { InjectOptions } from '../db-writer.js';
import { nowAppleNs, unixMsToAppleNs } from './apple-time.js';
import {
  createGroupChat,
  ensureDirectChat,
  ensureHandle,
  findChat,
  joinChatHandle,
  soleChatHandle,
  type ChatRef,
  type ServiceName,
} from './chats-write.js';

/** Find or create the chat the message goes to. */
export function resolveChat(db: Database.Database, opts: InjectOptions, service: ServiceName): ChatRef {
  if (opts.chatId !== undefined || opts.chatGuid !== undefined) {
    const chat = findChat(db, { id: opts.chatId, guid: opts.chatGuid });
    if (!chat) throw new Error(`inject: no chat with ${opts.chatId !== undefined ? `id ${opts.chatId}` : `guid ${opts.chatGuid}`}`);
    return chat;
  }
  if (opts.groupName !== undefined || (opts.participants?.length ?? 0) > 0) {
    const members = new Set(opts.participants ?? []);
    if (opts.from && !opts.fromMe) members.add(opts.from);
    return createGroupChat(db, opts.groupName ?? '', [...members], service);
  }
  if (!opts.from) throw new Error('inject: a sender (--from) is required for a direct chat');
  return ensureDirectChat(db, opts.from, service);
}

/** handle_id as Messages writes it: the sender inbound; the recipient for outgoing direct rows; 0 for outgoing group rows. */
export function resolveHandleId(db: Database.Database, opts: InjectOptions, chat: ChatRef, service: ServiceName): number {
  if (!opts.fromMe) {
    if (!opts.from) throw new Error('inject: a sender (--from) is required for an inbound message');
    const handleId = ensureHandle(db, opts.from, service);
    joinChatHandle(db, chat.id, handleId);
    return handleId;
  }
  if (chat.isGroup) return 0;
  return opts.from ? ensureHandle(db, opts.from, service) : (soleChatHandle(db, chat.id) ?? 0);
}

/** Apple nanoseconds for the requested date. */
export function appleDate(date: Date | bigint | undefined): bigint {
  if (date === undefined) return nowAppleNs();
  return typeof date === 'bigint' ? date : unixMsToAppleNs(date.getTime());
}
