// Self-chat cache (channel spec §12): a message you send to yourself shows up twice (is_from_me
// true and false); the first copy is remembered so the second is not answered as new input.
import { createHash } from 'node:crypto';

/** Entries live 10 s. */
export const SELF_CHAT_TTL_MS = 10_000;
/** At most 512 entries; the oldest go first. */
export const SELF_CHAT_MAX_ENTRIES = 512;
/** Expired entries are swept at most once per second. */
export const SELF_CHAT_SWEEP_INTERVAL_MS = 1_000;

/** What identifies one self-chat message. */
export interface SelfChatLookup {
  readonly accountId: string;
  readonly isGroup: boolean;
  readonly chatId?: number;
  readonly sender: string;
  readonly text: string;
  /** `created_at` in ms; without it nothing is cached or found. */
  readonly createdAt?: number;
}

/** Scope (§12): DMs `<acct>:imessage:<sender>`, groups `<acct>:chat_id:<n>:imessage:<sender>`. */
export function selfChatScope(lookup: Pick<SelfChatLookup, 'accountId' | 'isGroup' | 'chatId' | 'sender'>): string {
  if (!lookup.isGroup) return `${lookup.accountId}:imessage:${lookup.sender}`;
  return `${lookup.accountId}:chat_id:${lookup.chatId ?? 'unknown'}:imessage:${lookup.sender}`;
}

/** Cache key: scope + created_at + sha256 of the normalized text; null when uncacheable. */
function keyOf(lookup: SelfChatLookup): string | null {
  const text = lookup.text.replace(/\r\n?/g, '\n').trim();
  if (!text || lookup.createdAt === undefined || !Number.isFinite(lookup.createdAt)) return null;
  const digest = createHash('sha256').update(text).digest('hex');
  return `${selfChatScope(lookup)}:${lookup.createdAt}:${digest}`;
}

/** The self-chat cache. `has` never mutates, so `explain` can use it without side effects. */
export class SelfChatCache {
  readonly #entries = new Map<string, number>();
  #lastSweep = Number.NEGATIVE_INFINITY;

  /** Remember a self-chat message seen at `now`. */
  remember(lookup: SelfChatLookup, now: number): void {
    const key = keyOf(lookup);
    if (!key) return;
    this.#entries.delete(key);
    this.#entries.set(key, now);
    while (this.#entries.size > SELF_CHAT_MAX_ENTRIES) {
      const oldest = this.#entries.keys().next().value as string;
      this.#entries.delete(oldest);
    }
    this.#maybeSweep(now);
  }

  /** True when the same message (scope, created_at, text) was remembered within 10 s. */
  has(lookup: SelfChatLookup, now: number): boolean {
    const key = keyOf(lookup);
    if (!key) return false;
    const at = this.#entries.get(key);
    return at !== undefined && now - at <= SELF_CHAT_TTL_MS;
  }

  /** Number of entries held (expired ones may linger until the next sweep). */
  size(): number {
    return this.#entries.size;
  }

  #maybeSweep(now: number): void {
    if (now - this.#lastSweep < SELF_CHAT_SWEEP_INTERVAL_MS) return;
    this.#lastSweep = now;
    for (const [key, at] of this.#entries) {
      if (now - at <= SELF_CHAT_TTL_MS) break;
      this.#entries.delete(key);
    }
  }
}
