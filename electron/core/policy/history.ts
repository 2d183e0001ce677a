// Pending group history (channel spec §15): group messages dropped for lack of a mention are
// kept per chat so the next answered message carries them as context.

/** Chats kept in memory; the least recently touched one goes first. */
export const MAX_HISTORY_CHATS = 1_000;
/** Header before the pending entries. */
export const HISTORY_HEADER = '[Chat messages since your last reply - for context]';
/** Header before the current message. */
export const CURRENT_MESSAGE_HEADER = '[Current message - respond to this]';

/** One pending message. */
export interface HistoryEntry {
  /** The normalized sender. */
  readonly sender: string;
  readonly body: string;
  /** created_at in ms, when known. */
  readonly timestamp?: number;
  readonly messageId?: string;
}

/** Pending history per chat key, oldest first. */
export class GroupHistory {
  readonly #chats = new Map<string, HistoryEntry[]>();

  /** Append an entry, keeping at most `limit` (oldest dropped); a limit of 0 disables history. */
  record(chatKey: string, entry: HistoryEntry, limit: number): void {
    if (limit <= 0) return;
    const entries = this.#chats.get(chatKey) ?? [];
    this.#chats.delete(chatKey);
    entries.push(entry);
    while (entries.length > limit) entries.shift();
    this.#chats.set(chatKey, entries);
    while (this.#chats.size > MAX_HISTORY_CHATS) {
      const oldest = this.#chats.keys().next().value as string;
      this.#chats.delete(oldest);
    }
  }

  /** The last `limit` entries of a chat, oldest first (a copy). */
  entries(chatKey: string, limit = Number.POSITIVE_INFINITY): HistoryEntry[] {
    if (limit <= 0) return [];
    const all = this.#chats.get(chatKey) ?? [];
    return all.slice(Math.max(0, all.length - limit));
  }

  /** Forget a chat's entries (after each dispatch in it). */
  clear(chatKey: string): void {
    this.#chats.delete(chatKey);
  }

  /** Number of chats with pending entries. */
  chatCount(): number {
    return this.#chats.size;
  }
}

/**
 * The dispatched Body with pending history (§15): the header, one formatted line per entry
 * (the caller formats the envelope and appends ` [id:<messageId>]`), a blank line, the
 * current-message header and the current envelope. No entries → the current envelope alone.
 */
export function buildPendingHistoryBody(entryLines: readonly string[], current: string): string {
  if (entryLines.length === 0) return current;
  return [HISTORY_HEADER, ...entryLines, '', CURRENT_MESSAGE_HEADER, current].join('\n');
}
