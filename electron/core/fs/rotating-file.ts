// An append-only file kept open between writes and rotated byte-accurately at a size limit:
// one open per file instead of one open/write/close per line.
import { promises as fs } from 'node:fs';
import { dirname, extname } from 'node:path';
import { endsMidLine, type WritableHandle, writeFully } from './append-file.js';

/** The part of a FileHandle a {@link RotatingFile} writes through (a seam for tests). */
export interface AppendHandle extends WritableHandle {
  close(): Promise<void>;
}

/** Opens `file` for appending, creating it with mode 0o600. */
export type OpenAppend = (file: string) => Promise<AppendHandle>;

/** Where a {@link RotatingFile} writes and when it rotates. */
export interface RotatingFileOptions {
  readonly file: string;
  /** No file grows past this many bytes, except a fresh file holding one bigger line. */
  readonly maxBytes: number;
  /** Rotated files kept (`name.1.ext` newest … `name.<keep>.ext`). */
  readonly keep: number;
  readonly open?: OpenAppend;
}

const NEWLINE = Buffer.from('\n');

/** Default {@link OpenAppend}: flag 'a' (every write lands at the end), mode 0o600 (entries name people). */
export const openAppend: OpenAppend = (file) => fs.open(file, 'a', 0o600);

/** Appends whole lines; a line that would push a non-empty file past `maxBytes` starts a fresh file. */
export class RotatingFile {
  readonly #opts: RotatingFileOptions;
  #handle: AppendHandle | undefined;
  #size = 0;
  #torn = false;

  constructor(opts: RotatingFileOptions) {
    this.#opts = opts;
  }

  /**
   * Write `lines` (each ending in '\n') in order with one write per file touched; `onWritten(n)`
   * reports lines known to be on disk, so a caller can retry only the rest after a throw.
   */
  async writeLines(lines: readonly Buffer[], onWritten: (count: number) => void): Promise<void> {
    try {
      await this.#open();
      let start = 0;
      let bytes = this.#torn ? 1 : 0;
      for (let i = 0; i < lines.length; i++) {
        const n = (lines[i] as Buffer).length;
        // Same rule as writing lines one by one: fill this file up to the limit, never past it.
        if (this.#size + bytes > 0 && this.#size + bytes + n > this.#opts.maxBytes) {
          if (i > start) await this.#put(lines.slice(start, i), bytes, onWritten);
          await this.#rotate();
          await this.#open();
          start = i;
          bytes = 0;
        }
        bytes += n;
      }
      if (lines.length > start) await this.#put(lines.slice(start), bytes, onWritten);
    } catch (err) {
      // Reopen next time: re-reads the size and repairs a line a short write may have torn.
      await this.close().catch(() => undefined);
      throw err;
    }
  }

  /** Close the handle; the next write reopens the file. */
  async close(): Promise<void> {
    const handle = this.#handle;
    this.#handle = undefined;
    await handle?.close();
  }

  async #open(): Promise<void> {
    if (this.#handle) return;
    const { file } = this.#opts;
    await fs.mkdir(dirname(file), { recursive: true, mode: 0o700 });
    this.#size = await fs.stat(file).then((s) => s.size, () => 0);
    // A crash can leave a torn last line; the next write ends it so the next line starts on its own.
    this.#torn = await endsMidLine(file, this.#size);
    this.#handle = await (this.#opts.open ?? openAppend)(file);
  }

  async #put(lines: readonly Buffer[], bytes: number, onWritten: (count: number) => void): Promise<void> {
    const buf = Buffer.concat(this.#torn ? [NEWLINE, ...lines] : lines, bytes);
    await writeFully(this.#handle as AppendHandle, buf, this.#opts.file);
    this.#size += bytes;
    this.#torn = false;
    onWritten(lines.length);
  }

  async #rotate(): Promise<void> {
    // The handle points at the file being renamed away; the next open creates the fresh one.
    await this.close();
    const { file, keep } = this.#opts;
    const ext = extname(file);
    const base = ext ? file.slice(0, -ext.length) : file;
    for (let i = keep - 1; i >= 1; i--) {
      await fs.rename(`${base}.${i}${ext}`, `${base}.${i + 1}${ext}`).catch(() => undefined);
    }
    await fs.rm(`${base}.${keep + 1}${ext}`, { force: true });
    await fs.rename(file, `${base}.1${ext}`);
  }
}
