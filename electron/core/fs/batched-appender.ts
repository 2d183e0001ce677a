// Concurrent appends share writes: while one write is in flight, new lines queue and all of them
// go out in the next single write, so a burst costs a few writes instead of one open/write/close per line.
import { RotatingFile, type RotatingFileOptions } from './rotating-file.js';

/** Lines kept for their one retry after a failed write; beyond this the oldest are given up (dead disk, bounded memory). */
export const RETRY_CAP = 10_000;

interface Item {
  readonly line: Buffer;
  readonly done: () => void;
  retried: boolean;
}

/** Batched line appender over a {@link RotatingFile}; never rejects, failures show in `lastError`. */
export class BatchedAppender {
  readonly #file: RotatingFile;
  readonly #name: string;
  #pending: Item[] = [];
  #retry: Item[] = [];
  #closers: (() => void)[] = [];
  #draining = false;
  #last: Promise<void> = Promise.resolve();
  #lastError: string | undefined;
  #lost = 0;

  constructor(opts: RotatingFileOptions) {
    this.#file = new RotatingFile(opts);
    this.#name = opts.file;
  }

  /** Queue `line` (ending in '\n'); resolves after the write meant to hold it, whether or not it failed. */
  append(line: string): Promise<void> {
    this.#last = new Promise<void>((done) => this.#pending.push({ line: Buffer.from(line), done, retried: false }));
    this.#kick();
    return this.#last;
  }

  /** Resolves when every line appended so far has had its write. */
  flush(): Promise<void> {
    return this.#last;
  }

  /** Write what is queued, then close the file; a later append reopens it. */
  close(): Promise<void> {
    const closed = new Promise<void>((resolve) => this.#closers.push(resolve));
    this.#kick();
    return closed;
  }

  /** The last failure (with how many lines wait for a retry or were given up); cleared by a successful write. */
  get lastError(): string | undefined {
    return this.#lastError;
  }

  #kick(): void {
    if (this.#draining) return;
    this.#draining = true;
    void this.#drain();
  }

  async #drain(): Promise<void> {
    // Let the rest of a synchronous burst join the first batch.
    await Promise.resolve();
    for (;;) {
      // Closing is the retry's last chance, so lines held after a failure go out before the handle closes.
      if (this.#pending.length > 0 || (this.#closers.length > 0 && this.#retry.length > 0)) {
        await this.#writeBatch();
      } else if (this.#closers.length > 0) {
        const closers = this.#closers;
        this.#closers = [];
        await this.#file.close().catch((err: unknown) => this.#fail(err));
        for (const resolve of closers) resolve();
      } else {
        // Cleared in the same tick as the emptiness check, so an append can never find a drain that is about to stop.
        this.#draining = false;
        return;
      }
    }
  }

  async #writeBatch(): Promise<void> {
    // Held lines were appended before the pending ones: file order stays append order.
    const batch = this.#retry.length > 0 ? [...this.#retry, ...this.#pending] : this.#pending;
    this.#retry = [];
    this.#pending = [];
    let written = 0;
    try {
      await this.#file.writeLines(
        batch.map((i) => i.line),
        (n) => (written += n),
      );
      this.#lastError = undefined;
      this.#lost = 0;
    } catch (err) {
      const unwritten = batch.slice(written);
      // A line gets one retry, on the next write; after that it is counted and dropped.
      const fresh = unwritten.filter((i) => !i.retried);
      const over = Math.max(0, fresh.length - RETRY_CAP);
      this.#lost += unwritten.length - fresh.length + over;
      this.#retry = fresh.slice(over);
      for (const i of this.#retry) i.retried = true;
      this.#fail(err);
    }
    for (const i of batch) i.done();
  }

  #fail(err: unknown): void {
    let msg = `write failed (${this.#name}): ${(err as Error).message}`;
    if (this.#retry.length > 0) msg += `; ${entries(this.#retry.length)} held for a retry on the next write`;
    if (this.#lost > 0) msg += `; ${entries(this.#lost)} not written`;
    this.#lastError = msg;
  }
}

function entries(n: number): string {
  return `${n} ${n === 1 ? 'entry' : 'entries'}`;
}
