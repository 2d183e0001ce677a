// The process log (main process of the app, or `serve`): one line per event in a rotating file,
// because an app launched from Finder has no console anybody reads.
import { join } from 'node:path';
import { BatchedAppender } from '../fs/batched-appender.js';
import { sanitizeLogText } from './log-text.js';

/** A log level. */
export type LogLevel = 'info' | 'warn' | 'error';

/** Where the file is and how big it may grow. */
export interface FileLogOptions {
  readonly file: string;
  /** Per file (default 2 MiB); `keep` rotated files are kept besides (default 3). */
  readonly maxBytes?: number;
  readonly keep?: number;
  readonly now?: () => Date;
}

/** The menu-bar app's log file in Electron's logs folder (`~/Library/Logs/imsg Companion`). */
export const APP_LOG_NAME = 'main.log';
/** `serve`'s log file name under `<state dir>/logs`. */
export const SERVE_LOG_NAME = 'serve.log';

/** `<stateDir>/logs/serve.log`. */
export function serveLogPath(stateDir: string): string {
  return join(stateDir, 'logs', SERVE_LOG_NAME);
}

/** Appends `<ISO time> <level> <message>` lines; never throws (a failing disk shows in `lastError`). */
export class FileLog {
  readonly #out: BatchedAppender;
  readonly #now: () => Date;

  constructor(readonly opts: FileLogOptions) {
    this.#out = new BatchedAppender({ file: opts.file, maxBytes: opts.maxBytes ?? 2 * 1024 * 1024, keep: opts.keep ?? 3 });
    this.#now = opts.now ?? (() => new Date());
  }

  /** The file written to. */
  get file(): string {
    return this.opts.file;
  }

  /** Append one entry (control characters escaped, so one entry is one line). */
  write(level: LogLevel, message: string): Promise<void> {
    return this.#out.append(`${this.#now().toISOString()} ${level.padEnd(5)} ${sanitizeLogText(message)}\n`);
  }

  /** The last write failure, if the most recent write failed. */
  get lastError(): string | undefined {
    return this.#out.lastError;
  }

  /** Write what is queued and close the file. */
  close(): Promise<void> {
    return this.#out.close();
  }
}
