// Where the process logs are, for `imsg-companion logs`: the running instance says (its snapshot's
// platform.logPath); otherwise the newest of the app's and serve's files.
import { promises as fs } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { APP_LOG_NAME, serveLogPath } from './file-log.js';

/** The menu-bar app's log on macOS (`app.getPath('logs')` of "imsg Companion"). */
export function appLogPath(home: string = homedir()): string {
  return join(home, 'Library', 'Logs', 'imsg Companion', APP_LOG_NAME);
}

/** The log files that may exist for `stateDir`, newest first (only those that exist). */
export async function existingLogs(stateDir: string, opts: { platform?: NodeJS.Platform; home?: string } = {}): Promise<string[]> {
  const candidates = [serveLogPath(stateDir), ...((opts.platform ?? process.platform) === 'darwin' ? [appLogPath(opts.home)] : [])];
  const found = await Promise.all(candidates.map(async (file) => ({ file, mtime: (await fs.stat(file).catch(() => undefined))?.mtimeMs })));
  return found.filter((f) => f.mtime !== undefined).sort((a, b) => (b.mtime as number) - (a.mtime as number)).map((f) => f.file);
}

/** The last `lines` lines of `file` (reads at most the last 1 MiB). */
export async function tailLines(file: string, lines: number): Promise<{ text: string; size: number; ino: number }> {
  const handle = await fs.open(file, 'r');
  try {
    const { size, ino } = await handle.stat();
    const start = Math.max(0, size - 1024 * 1024);
    const buf = Buffer.alloc(size - start);
    await handle.read(buf, 0, buf.length, start);
    const all = buf.toString('utf8').split('\n');
    if (all.at(-1) === '') all.pop();
    // A cut at the 1 MiB mark leaves a partial first line: drop it.
    if (start > 0) all.shift();
    const kept = all.slice(-lines);
    return { text: kept.length > 0 ? `${kept.join('\n')}\n` : '', size, ino };
  } finally {
    await handle.close();
  }
}

/** Where a follower is: the byte offset in the file with inode `ino`. */
export interface FollowPosition {
  readonly size: number;
  readonly ino?: number;
}

/** Bytes of `file` after `at` (or from 0 when it was rotated: another inode, or shorter than before). */
export async function readFrom(file: string, at: FollowPosition): Promise<{ text: string; size: number; ino?: number; rotated: boolean }> {
  const offset = at.size;
  const stat = await fs.stat(file).catch(() => undefined);
  if (!stat) return { text: '', size: 0, rotated: offset > 0 };
  const rotated = stat.size < offset || (at.ino !== undefined && stat.ino !== at.ino);
  const from = rotated ? 0 : offset;
  if (stat.size === from) return { text: '', size: from, ino: stat.ino, rotated };
  const handle = await fs.open(file, 'r');
  try {
    const buf = Buffer.alloc(stat.size - from);
    const { bytesRead } = await handle.read(buf, 0, buf.length, from);
    return { text: buf.subarray(0, bytesRead).toString('utf8'), size: from + bytesRead, ino: stat.ino, rotated };
  } finally {
    await handle.close();
  }
}
