// A bounded, insertion-ordered set of message keys: de-duplication that survives restarts.

/** Remembers the last `capacity` keys; the oldest is forgotten first. */
export class SeenSet {
  readonly #keys = new Set<string>();

  constructor(readonly capacity: number = 4096, initial: Iterable<string> = []) {
    for (const key of initial) this.add(key);
  }

  /** True when `key` was seen among the last `capacity` keys. */
  has(key: string): boolean {
    return this.#keys.has(key);
  }

  /** Remember `key` (moving it to the newest position). */
  add(key: string): void {
    this.#keys.delete(key);
    this.#keys.add(key);
    if (this.#keys.size > this.capacity) {
      const oldest = this.#keys.values().next().value;
      if (oldest !== undefined) this.#keys.delete(oldest);
    }
  }

  /** Keys from oldest to newest, for persistence. */
  toArray(): string[] {
    return [...this.#keys];
  }

  /** Number of remembered keys. */
  get size(): number {
    return this.#keys.size;
  }
}

/** The de-duplication key of an imsg message: its guid, else row id and chat (imsg without guid columns). */
export function messageKey(message: { guid?: unknown; id?: unknown; chat_id?: unknown }): string | undefined {
  if (typeof message.guid === 'string' && message.guid !== '') return `guid:${message.guid}`;
  if (typeof message.id === 'number') return `row:${message.id}:${typeof message.chat_id === 'number' ? message.chat_id : 0}`;
  return undefined;
}
