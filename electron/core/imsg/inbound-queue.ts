// Ordered, de-duplicated hand-off of watch notifications to the consumer, with a durable cursor.
import type { WatchState } from './cursor-store.js';
import { handleWithRetry, type InboundQueueOptions, type QueuedMessage } from './inbound-consumer.js';
import { LatestWriter } from './latest-writer.js';
import { messageKey, SeenSet } from './seen-guids.js';

export type { HandledMessage, InboundQueueOptions, QueuedMessage } from './inbound-consumer.js';

/**
 * Messages are decided one at a time in arrival (ROWID) order; their decisions become durable in
 * the background (a journal's group commit) while later ones are decided. A message is marked
 * seen and the cursor advances only once its decision and every earlier one are durable, so a
 * crash replays rather than loses it.
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
  /** Settles once every decided message is committed (cursor moved), in decision order. */
  #commits: Promise<void> = Promise.resolve();
  #inFlight = 0;
  #roomWaiter: (() => void) | undefined;
  readonly #writer: LatestWriter<WatchState>;

  constructor(opts: InboundQueueOptions) {
    this.#opts = opts;
    this.#seen = new SeenSet(opts.seenCapacity ?? 4096, opts.initial.seen);
    this.#cursor = opts.initial.cursor;
    this.#highWater = opts.initial.cursor;
    // Built only when a write starts: serializing the seen keys per commit was most of a burst's CPU.
    this.#writer = new LatestWriter(() => this.#state(), opts.persist, (err) => opts.onPersistError?.(err), opts.persistIntervalMs, () => opts.onPersistOk?.());
  }

  /** Last handled row id (persisted). */
  get cursor(): number | null {
    return this.#cursor;
  }

  /** Highest row id received or handled: where a resubscription must resume. */
  get resumeFrom(): number | null {
    return this.#highWater;
  }

  /** Messages waiting for the consumer or for their decision to become durable. */
  get size(): number {
    return this.#items.length + this.#inFlight;
  }

  /** Set the starting position on a first start (no message handled yet) and persist it. */
  async establish(cursor: number): Promise<void> {
    this.#cursor = cursor;
    this.#highWater = Math.max(this.#highWater ?? cursor, cursor);
    await this.#opts.persist(this.#state());
  }

  /** Queue one notification payload; returns false for duplicates and invalid payloads. */
  enqueue(payload: unknown): boolean {
    const invalid = invalidReason(payload);
    if (invalid) {
      this.#opts.onInvalid?.(payload, invalid);
      return false;
    }
    const message = payload as QueuedMessage;
    const key = messageKey(message) as string;
    if (this.#seen.has(key) || this.#queued.has(key)) return false;
    this.#queued.add(key);
    this.#items.push(message);
    this.#highWater = Math.max(this.#highWater ?? message.id, message.id);
    void this.#pump();
    return true;
  }

  /** Resolves once the cursor write already asked for is on disk (before sleep; handling goes on). */
  flush(): Promise<void> {
    return this.#writer.settled();
  }

  /** Resolves when every queued message was handled, committed, and the latest state persisted. */
  async idle(): Promise<void> {
    for (;;) {
      if (this.#running || this.#items.length > 0) await new Promise<void>((resolve) => this.#idleWaiters.push(resolve));
      const commits = this.#commits;
      await commits;
      if (commits === this.#commits && !this.#running && this.#items.length === 0) break;
    }
    await this.#writer.settled();
  }

  async #pump(): Promise<void> {
    if (this.#running) return;
    this.#running = true;
    const maxInFlight = this.#opts.maxInFlight ?? 256;
    try {
      while (this.#items.length > 0) {
        const message = this.#items.shift() as QueuedMessage;
        this.#inFlight++;
        // Settled into a value at once: a write that fails (a full disk) while an earlier commit is
        // still waiting must not become an unhandled rejection that ends the process.
        const durable = settle((await handleWithRetry(this.#opts, message))?.durable);
        this.#commits = this.#commits.then(() => this.#commitWhen(message, durable));
        // Bounded: a burst must not run ahead of the disk with thousands of undurable decisions.
        if (this.#inFlight >= maxInFlight) await new Promise<void>((resolve) => (this.#roomWaiter = resolve));
      }
    } finally {
      this.#running = false;
      const waiters = this.#idleWaiters;
      this.#idleWaiters = [];
      for (const resolve of waiters) resolve();
    }
  }

  async #commitWhen(message: QueuedMessage, durable: Promise<{ error: unknown } | undefined>): Promise<void> {
    const failed = await durable;
    // The decision was acted on but could not be recorded (the write itself is retried by its
    // log): reported, then passed like a handler that kept failing, so one bad write cannot
    // wedge the account.
    if (failed) (this.#opts.onUnrecorded ?? this.#opts.onHandlerError)?.(message, failed.error);
    const key = messageKey(message) as string;
    this.#queued.delete(key);
    this.#seen.add(key);
    this.#cursor = Math.max(this.#cursor ?? message.id, message.id);
    this.#writer.request();
    this.#inFlight--;
    if (this.#roomWaiter && this.#inFlight <= (this.#opts.maxInFlight ?? 256) / 2) {
      const resolve = this.#roomWaiter;
      this.#roomWaiter = undefined;
      resolve();
    }
  }

  #state(): WatchState {
    return { cursor: this.#cursor, seen: this.#seen.toArray() };
  }
}

/** A `durable` promise turned into one that never rejects: undefined when it held, else its error. */
function settle(durable: Promise<unknown> | undefined): Promise<{ error: unknown } | undefined> {
  return durable ? durable.then(() => undefined, (error: unknown) => ({ error })) : Promise.resolve(undefined);
}

/** Why a payload cannot be queued (undefined when it can): its id must be a safe positive integer. */
export function invalidReason(payload: unknown): string | undefined {
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) return 'message payload is not an object';
  const id = (payload as { id?: unknown }).id;
  if (id === undefined || id === null) return 'message payload without an id';
  // 1e308 is an "integer" too: saved as the cursor it would make imsg skip every later row.
  if (typeof id !== 'number' || !Number.isSafeInteger(id) || id <= 0) return `message id ${describeId(id)} is not a positive integer`;
  return undefined;
}

function describeId(id: unknown): string {
  const text = typeof id === 'string' ? JSON.stringify(id) : String(id);
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}
