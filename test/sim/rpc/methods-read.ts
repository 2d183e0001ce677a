// chats.list and messages.history (spec §3.1, §3.2).
import { chatRpcPayload, listChats } from '../store/chats-query.js';
import { messagePayload } from '../store/message-payload.js';
import { historyRows } from '../store/message-queries.js';
import { paramIsoDate } from './date-params.js';
import { invalidParams } from './errors.js';
import type { Method } from './method-context.js';
import { paramBool, paramInt, paramStringArray } from './params.js';

/** `chats.list {limit=20}` → `{chats:[…]}`, newest activity first. */
export const chatsList: Method = (p, { store }) => {
  const limit = Math.max(1, paramInt(p, 'limit') ?? 20);
  return { chats: listChats(store, limit).map((chat) => chatRpcPayload(store, chat)) };
};

/** `messages.history {chat_id, limit=50, participants, start, end, attachments}` → newest first. */
export const messagesHistory: Method = (p, { store }) => {
  const chatId = paramInt(p, 'chat_id');
  if (chatId === undefined) throw invalidParams('chat_id is required');
  const start = paramIsoDate(p, 'start');
  const end = paramIsoDate(p, 'end');
  const rows = historyRows(store, {
    chatId,
    limit: Math.max(1, paramInt(p, 'limit') ?? 50),
    participants: paramStringArray(p, 'participants'),
    start,
    end,
  });
  const attachments = paramBool(p, 'attachments') ?? false;
  return { messages: rows.map((row) => messagePayload(store, row, { attachments, reactions: true })) };
};
