// Replies to one conversation run in order; different conversations run concurrently (bounded),
// and a full queue is refused explicitly so the caller can record `overloaded`.

/** Tuning for {@link ConversationQueue}. */
export interface ConversationQueueOptions {
  /** Conversations worked on at once (default 4). */
  readonly concurrency?: number;
  /** Jobs waiting or running across all conversations before new ones are refused (default 1000). */
  readonly capacity?: number;
}

/** Per-key FIFO lanes with a shared concurrency limit. */
export class ConversationQueue {
  readonly #lanes = new Map<string, Array<() => Promise<void>>>();
  readonly #ready: string[] = [];
  readonly #concurrency: number;
  readonly #capacity: number;
  #running = 0;
  #size = 0;
  #idle: Array<() => void> = [];

  constructor(opts: ConversationQueueOptions = {}) {
    this.#concurrency = opts.concurrency ?? 4;
    this.#capacity = opts.capacity ?? 1000;
  }

  /** Jobs waiting or running. */
  get size(): number {
    return this.#size;
  }

  /** Queue `job` behind earlier jobs of `key`; false when the queue is full (nothing queued). */
  push(key: string, job: () => Promise<void>): boolean {
    if (this.#size >= this.#capacity) return false;
    this.#size++;
    const lane = this.#lanes.get(key);
    if (lane) {
      lane.push(job);
    } else {
      this.#lanes.set(key, [job]);
      this.#ready.push(key);
    }
    this.#pump();
    return true;
  }

  /** Resolves when nothing is waiting or running. */
  idle(): Promise<void> {
    if (this.#size === 0) return Promise.resolve();
    return new Promise((resolve) => this.#idle.push(resolve));
  }

  #pump(): void {
    while (this.#running < this.#concurrency && this.#ready.length > 0) {
      const key = this.#ready.shift() as string;
      this.#running++;
      void this.#drain(key);
    }
  }

  async #drain(key: string): Promise<void> {
    const lane = this.#lanes.get(key) as Array<() => Promise<void>>;
    while (lane.length > 0) {
      const job = lane[0] as () => Promise<void>;
      try {
        await job();
      } catch {
        // Jobs record their own failures; a throw must not stall the lane.
      }
      lane.shift();
      this.#size--;
    }
    this.#lanes.delete(key);
    this.#running--;
    if (this.#size === 0) {
      const waiters = this.#idle;
      this.#idle = [];
      for (const w of waiters) w();
    }
    this.#pump();
  }
}
