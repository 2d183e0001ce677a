// imsg hands over at most 100 rows per poll, and polls again only on the next file event (after
// its 500 ms debounce) or its 5 s fallback timer (imsg-rpc.md §4.6): a backlog of 1000 rows (a
// Mac waking up, a burst) took 10 triggers. A full batch therefore means "more is waiting": the
// watch session resubscribes from the last row received, which polls at once, and so drains the
// backlog as fast as the queue takes it, never faster (memory stays flat).

/** imsg's rows per poll. */
export const POLL_BATCH = 100;

/** Messages further apart than this were not handed over by one poll. */
export const BATCH_GAP_MS = 250;

/** A drain waits until fewer received messages than this are still undecided. */
export const DRAIN_QUEUE_LIMIT = 100;

/** Counts the messages of one poll's hand-over; says when a full batch came. */
export class BatchCounter {
  #count = 0;
  #last = Number.NEGATIVE_INFINITY;

  constructor(private readonly now: () => number = Date.now) {}

  /** One message arrived; true when it completes a full batch (the count starts again). */
  add(): boolean {
    const t = this.now();
    if (t - this.#last > BATCH_GAP_MS) this.#count = 0;
    this.#last = t;
    this.#count += 1;
    if (this.#count < POLL_BATCH) return false;
    this.#count = 0;
    return true;
  }

  /** A new subscription: its first poll is a batch of its own. */
  reset(): void {
    this.#count = 0;
  }
}

/** Resolve once `size()` is below `limit` (checked every `everyMs`), or `stop()` says the session is over. */
export async function roomFor(size: () => number, stop: () => boolean, limit = DRAIN_QUEUE_LIMIT, everyMs = 10): Promise<void> {
  while (size() >= limit && !stop()) await new Promise((r) => setTimeout(r, everyMs));
}
