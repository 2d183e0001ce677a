// Crash-safe file writes: temp file in the same directory, fsync, rename, fsync the directory.
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** Options for {@link writeFileAtomic}. */
export interface AtomicWriteOptions {
  /** File mode for the new file (default 0o600: state files hold phone numbers). */
  readonly mode?: number;
  /** Copy the previous content to `<path>.bak` before replacing it. */
  readonly backup?: boolean;
}

/**
 * Replace `path` with `data` so that a reader (or a crash) sees either the old or the new
 * content, never a torn one. Parent directories are created (mode 0o700).
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array, opts: AtomicWriteOptions = {}): Promise<void> {
  const dir = dirname(path);
  await fs.mkdir(dir, { recursive: true, mode: 0o700 });
  if (opts.backup) await copyIfExists(path, `${path}.bak`, opts.mode ?? 0o600);
  const tmp = join(dir, `.${basename(path)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  const handle = await fs.open(tmp, 'wx', opts.mode ?? 0o600);
  try {
    await handle.writeFile(data);
    await handle.sync();
  } catch (err) {
    await handle.close().catch(() => undefined);
    await fs.rm(tmp, { force: true });
    throw err;
  }
  await handle.close();
  try {
    await fs.rename(tmp, path);
  } catch (err) {
    await fs.rm(tmp, { force: true });
    throw err;
  }
  await syncDir(dir);
}

/** Copy `from` to `to` atomically when `from` exists; a missing source is not an error. */
async function copyIfExists(from: string, to: string, mode: number): Promise<void> {
  let previous: Buffer;
  try {
    previous = await fs.readFile(from);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw err;
  }
  await writeFileAtomic(to, previous, { mode });
}

/** fsync a directory so the rename itself is durable (ignored where unsupported). */
async function syncDir(dir: string): Promise<void> {
  let handle: fs.FileHandle | undefined;
  try {
    handle = await fs.open(dir, 'r');
    await handle.sync();
  } catch {
    // Some filesystems refuse fsync on directories; the rename is still atomic.
  } finally {
    await handle?.close().catch(() => undefined);
  }
}
