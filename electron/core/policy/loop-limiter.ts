// Echo-loop limiter (channel spec §10 "around the decision"): a conversation that produced 5
// echo-type drops within 60 s has its dispatches suppressed until the burst ages out.

/** Sliding window. */
export const LOOP_WINDOW_MS = 60_000;
/** Drops within the window that trip the limiter. */
export const LOOP_MAX_DROPS = 5;
/** Drop reasons that count; `agent echo in self-chat` does not (its string differs, as in the reference). */
export const LOOP_COUNTED_REASONS: ReadonlySet<string> = new Set(['echo', 'self-chat echo', 'reflected assistant content', 'from me']);
/** Reason recorded when a dispatch is suppressed (our string; the reference only logs it verbosely). */
export const LOOP_LIMITED_REASON = 'rate-limited (echo loop detected)';

/** Conversation key: `<acct>:group:<chat_id>` whenever the payload has a chat_id (DMs too), else `<acct>:dm:<sender>`. */
export function loopKey(accountId: string, chatId: number | undefined, sender: string): string {
  return chatId !== undefined ? `${accountId}:group:${chatId}` : `${accountId}:dm:${sender}`;
}

/** Per-conversation drop counter. `isLimited` never mutates. */
export class LoopLimiter {
  readonly #hits = new Map<string, number[]>();

  /** Record one counted drop for a conversation. */
  record(key: string, now: number): void {
    const recent = (this.#hits.get(key) ?? []).filter((at) => now - at <= LOOP_WINDOW_MS);
    recent.push(now);
    this.#hits.set(key, recent);
    this.#prune(now);
  }

  /** Number of counted drops within the window. */
  count(key: string, now: number): number {
    return (this.#hits.get(key) ?? []).filter((at) => now - at <= LOOP_WINDOW_MS).length;
  }

  /** True once {@link LOOP_MAX_DROPS} drops happened within {@link LOOP_WINDOW_MS}. */
  isLimited(key: string, now: number): boolean {
    return this.count(key, now) >= LOOP_MAX_DROPS;
  }

  /** Forget conversations whose newest drop left the window, so the map stays small. */
  #prune(now: number): void {
    for (const [key, hits] of this.#hits) {
      const newest = hits[hits.length - 1];
      if (newest === undefined || now - newest > LOOP_WINDOW_MS) this.#hits.delete(key);
    }
  }
}
