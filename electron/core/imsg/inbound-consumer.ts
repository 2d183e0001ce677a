// What the inbound queue hands messages to, and how a failing consumer is retried.
import type { WatchState } from './cursor-store.js';

/** The minimum every queued message has: its row id (the cursor). */
export interface QueuedMessage {
  readonly id: number;
  readonly guid?: string;
  readonly chat_id?: number;
  readonly [key: string]: unknown;
}

/**
 * What a consumer may return once it has taken its decision: `durable` settles when that decision
 * is on disk. The next message is decided meanwhile; the cursor still moves only past durable ones.
 */
export interface HandledMessage {
  readonly durable?: Promise<unknown>;
}

/** Callbacks and tuning for {@link InboundQueue}. */
export interface InboundQueueOptions {
  readonly initial: WatchState;
  /** Decide on the message; resolves when decided (and durable, unless it returns `durable`). */
  readonly handle: (message: QueuedMessage) => Promise<void | HandledMessage>;
  readonly persist: (state: WatchState) => Promise<void>;
  readonly onHandlerError?: (message: QueuedMessage, err: unknown) => void;
  readonly onPersistError?: (err: unknown) => void;
  /** A state write landed (after a failure: the problem is over). */
  readonly onPersistOk?: () => void;
  /** A handled message's record could not be written (defaults to onHandlerError). */
  readonly onUnrecorded?: (message: QueuedMessage, err: unknown) => void;
  readonly onInvalid?: (payload: unknown, reason: string) => void;
  readonly maxAttempts?: number;
  readonly retryDelayMs?: number;
  readonly seenCapacity?: number;
  /** Decided messages whose decision is not durable yet before deciding waits (default 256). */
  readonly maxInFlight?: number;
  /** Least time between two state writes while messages keep coming (default 0: none). */
  readonly persistIntervalMs?: number;
}

/** Run the consumer on `message`, retrying; after the last attempt the failure is reported and the message passed. */
export async function handleWithRetry(opts: InboundQueueOptions, message: QueuedMessage): Promise<void | HandledMessage> {
  const attempts = opts.maxAttempts ?? 3;
  for (let attempt = 1; ; attempt++) {
    try {
      return await opts.handle(message);
    } catch (err) {
      if (attempt >= attempts) {
        // Recorded, then skipped: one poison message must not block the account forever.
        opts.onHandlerError?.(message, err);
        return undefined;
      }
      await new Promise((resolve) => setTimeout(resolve, (opts.retryDelayMs ?? 200) * attempt));
    }
  }
}
