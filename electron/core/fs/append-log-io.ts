// The file operations under an AppendLog: a seam tests replace, and opening the log for appending.
import { promises as fs } from 'node:fs';
import { dirname } from 'node:path';
import { endsMidLine, writeFully } from './append-file.js';
import { writeFileAtomic } from './atomic-write.js';

/** The file operations {@link AppendLog} uses; tests replace them to count or fail writes. */
export interface AppendLogIo {
  write(handle: fs.FileHandle, data: Buffer): Promise<void>;
  sync(handle: fs.FileHandle): Promise<void>;
  truncate(handle: fs.FileHandle, size: number): Promise<void>;
  replace(file: string, data: string): Promise<void>;
}

/** The real file operations. */
export const fileIo: AppendLogIo = {
  write: (handle, data) => writeFully(handle, data, 'the append log'),
  sync: (handle) => handle.datasync(),
  truncate: (handle, size) => handle.truncate(size),
  replace: (file, data) => writeFileAtomic(file, data),
};

/** A log file opened for appending: its size, and whether its last line lacks a newline. */
export interface OpenedLog {
  readonly handle: fs.FileHandle;
  readonly size: number;
  readonly freshLine: boolean;
}

/** Open (creating it 0600 in a 0700 directory) `file` for appending, and check its tail. */
export async function openLog(file: string): Promise<OpenedLog> {
  const dir = dirname(file);
  await fs.mkdir(dir, { recursive: true, mode: 0o700 });
  let handle: fs.FileHandle;
  try {
    handle = await fs.open(file, 'ax+', 0o600);
    await syncDir(dir); // the new name must survive a crash, once
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    handle = await fs.open(file, 'a+', 0o600);
  }
  try {
    const { size } = await handle.stat();
    // A torn last line (a crash mid-append) must not swallow the next line written.
    return { handle, size, freshLine: await endsMidLine(file, size) };
  } catch (err) {
    await handle.close().catch(() => undefined);
    throw err;
  }
}

/** fsync a directory so a new name in it is durable (ignored where unsupported). */
async function syncDir(dir: string): Promise<void> {
  const handle = await fs.open(dir, 'r').catch(() => undefined);
  await handle?.sync().catch(() => undefined);
  await handle?.close().catch(() => undefined);
}
