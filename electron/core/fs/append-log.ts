// An append-only file of JSON lines with group commit: one writer takes everything buffered and
// lands it with one write + one fdatasync, so a burst of N appends costs a few fsyncs, not N.
// The file only grows, so now and then it is replaced atomically by a snapshot of the live state.
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
  #queue: Entry[] = [];
  #busy = false;
  #idle: Promise<void> = Promise.resolve();
  #retry: NodeJS.Timeout | undefined;
  #lastError: string | undefined;

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

  /** Append one line (no newline in it); rejects if the write it went into failed (it is retried). */
  append(line: string): Promise<void> {
    return this.#enqueue(line);
  }

  /** Resolves when everything appended so far is durable; also retries a failed write. */
  flush(): Promise<void> {
    return this.#busy || this.#queue.length > 0 ? this.#enqueue(undefined) : Promise.resolve();
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
    while (this.#busy) await this.#idle;
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

  // The only writer: a batch in flight lets new lines pile up for the next one (group commit).
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
      try {
        await this.#commit(batch);
      } catch (err) {
        this.#failed(batch, err);
        break;
      }
      clearTimeout(this.#retry);
      this.#retry = undefined;
      this.#lastError = undefined;
      for (const entry of batch) entry.resolve();
    }
    this.#busy = false;
  }

  #commit(batch: Entry[]): Promise<void> {
    const lines = batch.flatMap((e) => (e.line === undefined ? [] : [e.line]));
    if (this.#file.due(lines.length)) {
      // Taken in the same tick as the batch, so the snapshot covers exactly its lines.
      return this.#file.compact(this.#opts.snapshot());
    }
    return lines.length > 0 ? this.#file.write(lines) : Promise.resolve();
  }

  #failed(batch: Entry[], err: unknown): void {
    // Back to the front, in order: nothing buffered is ever dropped.
    this.#queue.unshift(...batch.filter((e) => e.line !== undefined));
    this.#lastError = `cannot write ${this.file}: ${err instanceof Error ? err.message : String(err)}`;
    const error = new Error(this.#lastError, { cause: err });
    for (const entry of batch) entry.reject(error);
    this.#retry ??= setTimeout(() => {
      this.#retry = undefined;
      void this.flush().catch(() => undefined);
    }, this.#opts.retryMs ?? 1000).unref();
  }
}
