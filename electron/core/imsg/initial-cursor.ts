// Where a first start begins: the current end of chat.db, so history is never answered (§0.4).
import type { RpcClientPort } from './client-port.js';

interface ChatRow { readonly id?: unknown }
interface MessageRow { readonly id?: unknown }

/**
 * The highest message ROWID among the newest message of the most recent chats, or 0 when there
 * are no chats yet. imsg has no "max rowid" call; chats are ordered by last activity, so the
 * newest few chats hold the newest rows.
 */
export async function currentEndCursor(client: RpcClientPort, timeoutMs: number, chats = 10): Promise<number> {
  const listed = await client.request<{ chats?: ChatRow[] }>('chats.list', { limit: chats }, { timeoutMs });
  let end = 0;
  for (const chat of listed.chats ?? []) {
    if (typeof chat.id !== 'number') continue;
    const history = await client.request<{ messages?: MessageRow[] }>('messages.history', { chat_id: chat.id, limit: 1 }, { timeoutMs });
    for (const message of history.messages ?? []) {
      if (typeof message.id === 'number' && Number.isSafeInteger(message.id) && message.id > end) end = message.id;
    }
  }
  return end;
}

/**
 * The `since_rowid` to subscribe with. A cursor of 0 means "no messages existed at first start",
 * so everything is new: imsg replays all rows for a negative value (0 would mean "current end").
 */
export function sinceRowidFor(resumeFrom: number | null): number | undefined {
  if (resumeFrom === null) return undefined;
  return resumeFrom > 0 ? resumeFrom : -1;
}
