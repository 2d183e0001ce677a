// Create a file that must not exist yet, atomically: a reader sees no file or the whole file,
// and an existing file (even one created a moment ago by someone else) is never replaced.
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** Thrown when the file is already there; `path` names it. */
export class FileExistsError extends Error {
  constructor(readonly path: string) {
    super(`${path} already exists`);
    this.name = 'FileExistsError';
  }
}

/** Write `data` to a temp file, fsync it, then hard-link it to `path` (fails if `path` exists). */
export async function createNewFile(path: string, data: string, mode = 0o600): Promise<void> {
  const dir = dirname(path);
  await fs.mkdir(dir, { recursive: true, mode: 0o700 });
  const tmp = join(dir, `.${basename(path)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  const handle = await fs.open(tmp, 'wx', mode);
  try {
    await handle.writeFile(data);
    await handle.sync();
    await handle.close();
    await fs.link(tmp, path);
  } catch (err) {
    await handle.close().catch(() => undefined);
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') throw new FileExistsError(path);
    throw err;
  } finally {
    await fs.rm(tmp, { force: true });
  }
}
