// An append-only file of JSON lines in two stages: a writer lands each batch with one write as
// soon as the previous write is done (a crash of the app can no longer lose it), and one
// fdatasync at a time covers every batch written before it started (group commit), so a burst of
// N appends costs a few fsyncs, not N. The file only grows, so now and then it is replaced
// atomically by a snapshot of the live state.
import { AppendLogFile } from './append-log-file.js';
import { fileIo } from './append-log-io.js';
import type { AppendLogOptions } from './append-log-options.js';

export { type AppendLogIo, fileIo } from './append-log-io.js';
export type { AppendLogOptions } from './append-log-options.js';

interface Entry {
  readonly line: string | undefined; // undefined: a flush marker
  resolve(): void;
  reject(err: Error): void;
}

/** Lines appended in order; each `append` resolves once its line (or a snapshot covering it) is durable. */
export class AppendLog {
  readonly #opts: AppendLogOptions;
  readonly #file: AppendLogFile;
  #queue: Entry[] = []; // not written yet
  #unsynced: Entry[] = []; // written, waiting for an fdatasync that starts after their write
  #busy = false;
  #idle: Promise<void> = Promise.resolve();
  #syncing: Promise<void> | undefined;
  #retry: NodeJS.Timeout | undefined;
  #lastError: string | undefined;
  #failures = 0;

  constructor(
    readonly file: string,
    opts: AppendLogOptions,
  ) {
    this.#opts = opts;
    this.#file = new AppendLogFile(file, opts, { ...fileIo, ...opts.io });
  }

  /** The last write failure (undefined again once a write succeeds). */
  get lastError(): string | undefined {
    return this.#lastError;
  }

  /** Append one line (no newline in it); resolves once durable, rejects if its write or sync failed (it is retried). */
  append(line: string): Promise<void> {
    return this.#enqueue(line);
  }

  /** Resolves when everything appended so far is durable; also retries a failed write. */
  flush(): Promise<void> {
    return this.#busy || this.#queue.length > 0 || this.#syncing ? this.#enqueue(undefined) : Promise.resolve();
  }

  /** The file already holds `lines` lines from earlier runs: they count toward compaction. */
  existing(lines: number): void {
    this.#file.existing(lines);
  }

  /** Make the next write a compaction (e.g. the file held bad lines or was migrated). */
  requestCompaction(): void {
    this.#file.requestCompaction();
  }

  /** Flush, stop the retry timer and close the file; a later append reopens it (and retries what failed). */
  async close(): Promise<void> {
    let failure: unknown;
    await this.flush().catch((err: unknown) => (failure = err));
    while (this.#busy || this.#syncing) await Promise.all([this.#idle, this.#syncing]);
    clearTimeout(this.#retry);
    this.#retry = undefined;
    await this.#file.close();
    if (failure) throw failure;
  }

  #enqueue(line: string | undefined): Promise<void> {
    return new Promise((resolve, reject) => {
      this.#queue.push({ line, resolve, reject });
      if (this.#busy) return;
      this.#busy = true;
      this.#idle = this.#drain();
    });
  }

  // The only writer: a batch in flight lets new lines pile up for the next one.
  async #drain(): Promise<void> {
    try {
      await this.#opts.ready?.();
    } catch (err) {
      // Writing before the state is known could compact it away: wait for a retry instead.
      this.#failed(this.#queue.splice(0), err);
      this.#busy = false;
      return;
    }
    while (this.#queue.length > 0) {
      const batch = this.#queue.splice(0);
      const lines = batch.flatMap((e) => (e.line === undefined ? [] : [e.line]));
      let compacted = false;
      try {
        compacted = this.#file.due(lines.length);
        if (compacted) await this.#compact();
        else if (lines.length > 0) await this.#file.write(lines);
      } catch (err) {
        this.#failed(batch, err);
        break;
      }
      this.#succeeded();
      if (compacted) {
        for (const entry of batch) entry.resolve();
        continue;
      }
      this.#unsynced.push(...batch);
      this.#syncing ??= this.#syncLoop();
    }
    this.#busy = false;
  }

  /** The snapshot covers every line appended so far, written or not: all of them are durable after it. */
  async #compact(): Promise<void> {
    await this.#syncing; // no fdatasync in flight on the file about to be replaced
    // Taken in the same tick as the batch, so the snapshot covers exactly its lines.
    await this.#file.compact(this.#opts.snapshot());
    for (const entry of this.#unsynced.splice(0)) entry.resolve();
  }

  async #syncLoop(): Promise<void> {
    while (this.#unsynced.length > 0) {
      const covered = this.#unsynced.splice(0);
      try {
        await this.#file.sync();
      } catch (err) {
        // The lines are in the file but maybe not on disk, and a retried fsync can falsely succeed:
        // a compaction rewrites the whole live state instead (the retry timer starts it).
        this.#file.requestCompaction();
        this.#failed([], err);
        const error = new Error(this.#lastError, { cause: err });
        for (const entry of covered) entry.reject(error);
        continue;
      }
      for (const entry of covered) entry.resolve();
    }
    this.#syncing = undefined;
  }

  #succeeded(): void {
    clearTimeout(this.#retry);
    this.#retry = undefined;
    this.#lastError = undefined;
    this.#failures = 0;
  }

  #failed(batch: Entry[], err: unknown): void {
    // Back to the front, in order: nothing buffered is ever dropped.
    this.#queue.unshift(...batch.filter((e) => e.line !== undefined));
    this.#lastError = `cannot write ${this.file}: ${err instanceof Error ? err.message : String(err)}`;
    const error = new Error(this.#lastError, { cause: err });
    for (const entry of batch) entry.reject(error);
    // A full disk stays full for a while: retry by itself, backing off (doubling, at most 30 s).
    this.#failures++;
    const delay = Math.min(30_000, (this.#opts.retryMs ?? 1000) * 2 ** Math.min(this.#failures - 1, 5));
    this.#retry ??= setTimeout(() => {
      this.#retry = undefined;
      // A marker, even with nothing queued: after a failed fsync it runs the compaction.
      void this.#enqueue(undefined).catch(() => undefined);
    }, delay).unref();
  }
}
