// Ordered, de-duplicated hand-off of watch notifications to the consumer, with a durable cursor.
import type { WatchState } from './cursor-store.js';
import { messageKey, SeenSet } from './seen-guids.js';

/** The minimum every queued message has: its row id (the cursor). */
export interface QueuedMessage {
  readonly id: number;
  readonly guid?: string;
  readonly chat_id?: number;
  readonly [key: string]: unknown;
}

/** Callbacks and tuning for {@link InboundQueue}. */
export interface InboundQueueOptions {
  readonly initial: WatchState;
  /** Resolves once the consumer's decision for the message is durable. */
  readonly handle: (message: QueuedMessage) => Promise<void>;
  readonly persist: (state: WatchState) => Promise<void>;
  readonly onHandlerError?: (message: QueuedMessage, err: unknown) => void;
  readonly onPersistError?: (err: unknown) => void;
  readonly onInvalid?: (payload: unknown, reason: string) => void;
  readonly maxAttempts?: number;
  readonly retryDelayMs?: number;
  readonly seenCapacity?: number;
}

/**
 * Messages are handled one at a time in arrival (ROWID) order. A message is marked seen and the
 * cursor advances only after `handle` resolved, so a crash replays rather than loses it.
 */
export class InboundQueue {
  readonly #opts: InboundQueueOptions;
  readonly #seen: SeenSet;
  readonly #queued = new Set<string>();
  readonly #items: QueuedMessage[] = [];
  #cursor: number | null;
  #highWater: number | null;
  #running = false;
  #idleWaiters: Array<() => void> = [];
  #lastPersist: Promise<void> = Promise.resolve();

  constructor(opts: InboundQueueOptions) {
    this.#opts = opts;
    this.#seen = new SeenSet(opts.seenCapacity ?? 4096, opts.initial.seen);
    this.#cursor = opts.initial.cursor;
    this.#highWater = opts.initial.cursor;
  }

  /** Last handled row id (persisted). */
  get cursor(): number | null {
    return this.#cursor;
  }

  /** Highest row id received or handled: where a resubscription must resume. */
  get resumeFrom(): number | null {
    return this.#highWater;
  }

  /** Messages waiting for (or in) the consumer. */
  get size(): number {
    return this.#items.length;
  }

  /** Set the starting position on a first start (no message handled yet) and persist it. */
  async establish(cursor: number): Promise<void> {
    this.#cursor = cursor;
    this.#highWater = Math.max(this.#highWater ?? cursor, cursor);
    await this.#opts.persist(this.#state());
  }

  /** Queue one notification payload; returns false for duplicates and invalid payloads. */
  enqueue(payload: unknown): boolean {
    const message = asQueued(payload);
    if (!message) {
      this.#opts.onInvalid?.(payload, 'message payload without an integer id');
      return false;
    }
    const key = messageKey(message) as string;
    if (this.#seen.has(key) || this.#queued.has(key)) return false;
    this.#queued.add(key);
    this.#items.push(message);
    this.#highWater = Math.max(this.#highWater ?? message.id, message.id);
    void this.#pump();
    return true;
  }

  /** Resolves when every queued message was handled and the latest state persisted. */
  async idle(): Promise<void> {
    if (this.#running || this.#items.length > 0) await new Promise<void>((resolve) => this.#idleWaiters.push(resolve));
    await this.#lastPersist;
  }

  async #pump(): Promise<void> {
    if (this.#running) return;
    this.#running = true;
    try {
      while (this.#items.length > 0) {
        const message = this.#items[0] as QueuedMessage;
        await this.#handleWithRetry(message);
        this.#items.shift();
        const key = messageKey(message) as string;
        this.#queued.delete(key);
        this.#seen.add(key);
        this.#cursor = Math.max(this.#cursor ?? message.id, message.id);
        this.#lastPersist = this.#opts.persist(this.#state()).catch((err: unknown) => this.#opts.onPersistError?.(err));
      }
    } finally {
      this.#running = false;
      const waiters = this.#idleWaiters;
      this.#idleWaiters = [];
      for (const resolve of waiters) resolve();
    }
  }

  async #handleWithRetry(message: QueuedMessage): Promise<void> {
    const attempts = this.#opts.maxAttempts ?? 3;
    for (let attempt = 1; ; attempt++) {
      try {
        await this.#opts.handle(message);
        return;
      } catch (err) {
        if (attempt >= attempts) {
          // Recorded, then skipped: one poison message must not block the account forever.
          this.#opts.onHandlerError?.(message, err);
          return;
        }
        await new Promise((resolve) => setTimeout(resolve, (this.#opts.retryDelayMs ?? 200) * attempt));
      }
    }
  }

  #state(): WatchState {
    return { cursor: this.#cursor, seen: this.#seen.toArray() };
  }
}

function asQueued(payload: unknown): QueuedMessage | undefined {
  if (typeof payload !== 'object' || payload === null) return undefined;
  const id = (payload as { id?: unknown }).id;
  return typeof id === 'number' && Number.isInteger(id) && id > 0 ? (payload as QueuedMessage) : undefined;
}
