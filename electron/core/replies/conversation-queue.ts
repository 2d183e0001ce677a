// Replies to one conversation run in order; different conversations run concurrently (bounded),
// and a full queue is refused explicitly so the caller can record `overloaded`.

/** Tuning for {@link ConversationQueue}. */
export interface ConversationQueueOptions {
  /** Conversations worked on at once (default 4). */
  readonly concurrency?: number;
  /** Jobs waiting or running across all conversations before new ones are refused (default 1000). */
  readonly capacity?: number;
  /**
   * How long {@link ConversationQueue.whenRoom} waits on a full queue that finishes no job (an
   * agent that hangs) before it gives up (default 5000 ms). A busy queue that keeps finishing
   * jobs is waited on: a burst is worked through, not refused.
   */
  readonly stallMs?: number;
}

/** Per-key FIFO lanes with a shared concurrency limit. */
export class ConversationQueue {
  readonly #lanes = new Map<string, Array<() => Promise<void>>>();
  readonly #ready: string[] = [];
  readonly #concurrency: number;
  readonly #capacity: number;
  readonly #stallMs: number;
  #running = 0;
  #size = 0;
  #idle: Array<() => void> = [];
  #roomWaiters: Array<() => void> = [];
  #lastProgress = Date.now();

  constructor(opts: ConversationQueueOptions = {}) {
    this.#concurrency = opts.concurrency ?? 4;
    this.#capacity = opts.capacity ?? 1000;
    this.#stallMs = opts.stallMs ?? 5000;
  }

  /**
   * True once there is room for a job (at once when there is); false when the queue stays full
   * and finishes nothing for `stallMs` — then the caller records `overloaded`.
   */
  async whenRoom(): Promise<boolean> {
    while (this.#size >= this.#capacity) {
      const quietFor = Date.now() - this.#lastProgress;
      if (quietFor >= this.#stallMs) return false;
      let wake: () => void = () => undefined;
      const progressed = new Promise<void>((resolve) => {
        wake = resolve;
        this.#roomWaiters.push(resolve);
      });
      const timer = setTimeout(wake, this.#stallMs - quietFor);
      await progressed;
      clearTimeout(timer);
      this.#roomWaiters = this.#roomWaiters.filter((w) => w !== wake);
    }
    return true;
  }

  /** Jobs waiting or running. */
  get size(): number {
    return this.#size;
  }

  /** Queue `job` behind earlier jobs of `key`; false when the queue is full (nothing queued). */
  push(key: string, job: () => Promise<void>): boolean {
    if (this.#size >= this.#capacity) return false;
    // Work starting after a quiet spell is progress: the stall clock starts now, not at the last job.
    if (this.#size === 0) this.#lastProgress = Date.now();
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
      this.#lastProgress = Date.now();
      const waiters = this.#roomWaiters;
      this.#roomWaiters = [];
      for (const w of waiters) w();
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
