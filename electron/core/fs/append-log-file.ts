// The file side of an AppendLog: batches written to the open log, and compactions replacing it.
import type { FileHandle } from 'node:fs/promises';
import { type AppendLogIo, openLog } from './append-log-io.js';
import type { AppendLogOptions } from './append-log-options.js';

/** The log file and what is known of it; its one caller, {@link AppendLog}, writes one batch at a time. */
export class AppendLogFile {
  readonly #opts: AppendLogOptions;
  readonly #io: AppendLogIo;
  #handle: FileHandle | undefined;
  #freshLine = false;
  #appended = 0;
  #size = 0;
  #lastSnapshot = 0;
  #compactWanted = false;

  constructor(
    readonly file: string,
    opts: AppendLogOptions,
    io: AppendLogIo,
  ) {
    this.#opts = opts;
    this.#io = io;
  }

  /** The file already holds `lines` lines from earlier runs: they count toward compaction. */
  existing(lines: number): void {
    this.#appended = lines;
  }

  /** Make the next write a compaction. */
  requestCompaction(): void {
    this.#compactWanted = true;
  }

  /** True when a batch of `lines` appends should be a compaction instead. */
  due(lines: number): boolean {
    // Rewriting the L live lines only after max(N, 2L) appends costs at most half a line per
    // append, and keeps the file under about 3L + N lines, so loading it stays quick.
    return this.#compactWanted || this.#appended + lines > Math.max(this.#opts.compactAfter ?? 4096, 2 * this.#lastSnapshot);
  }

  /** Append the lines with one write (not synced yet: see {@link sync}); a failed batch is cut off again. */
  async write(lines: string[]): Promise<void> {
    const handle = await this.#open();
    const data = Buffer.from(`${this.#freshLine ? '\n' : ''}${lines.join('\n')}\n`);
    // Known since the open (one writer): a stat per batch would be one more trip through libuv's pool.
    const size = this.#size;
    try {
      await this.#io.write(handle, data);
    } catch (err) {
      // Cut the torn batch off: it is retried, and an add must never land after its done.
      await this.#io.truncate(handle, size).catch(() => {
        this.#handle = undefined; // reopening checks the tail and starts a fresh line
        void handle.close().catch(() => undefined);
      });
      throw err;
    }
    this.#freshLine = false;
    this.#size = size + data.length;
    this.#appended += lines.length;
  }

  /** fdatasync what was written so far (nothing to do when the file is not open). */
  async sync(): Promise<void> {
    if (this.#handle) await this.#io.sync(this.#handle);
  }

  /** Replace the whole file by `lines` (atomically), then run the `compacted` hook. */
  async compact(lines: string[]): Promise<void> {
    await this.#io.replace(this.file, lines.map((l) => `${l}\n`).join(''));
    this.#compactWanted = false;
    this.#appended = 0;
    this.#lastSnapshot = lines.length;
    const stale = this.#handle; // still open on the replaced file
    this.#handle = undefined;
    await stale?.close().catch(() => undefined);
    await this.#opts.compacted?.();
  }

  /** Close the file if open; the next write reopens it. */
  close(): Promise<void> | undefined {
    const handle = this.#handle;
    this.#handle = undefined;
    // Not async: the caller awaits the close itself, as when it held the handle.
    return handle?.close();
  }

  async #open(): Promise<FileHandle> {
    if (this.#handle) return this.#handle;
    const opened = await openLog(this.file);
    this.#freshLine = opened.freshLine;
    this.#size = opened.size;
    this.#handle = opened.handle;
    return opened.handle;
  }
}
