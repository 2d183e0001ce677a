// A fake ReadHead: per-path answers (bytes, an errno, or "never answers"), recording every read.
import type { ReadHead } from '../../../electron/core/tcc/read-head.js';
import { SQLITE_HEADER } from '../../../electron/core/tcc/read-head.js';

/** One path's behaviour. */
export type FakeFile = Buffer | 'EPERM' | 'EACCES' | 'ENOENT' | 'EIO' | 'hang';

/** What a real SQLite file returns for its first 16 bytes. */
export const SQLITE_HEAD = Buffer.from(SQLITE_HEADER);

/** A fs error with `code`, like node's. */
export function fsError(code: string, path: string): NodeJS.ErrnoException {
  const err: NodeJS.ErrnoException = new Error(`${code}: operation failed, open '${path}'`);
  err.code = code;
  return err;
}

/** Build a ReadHead from `files` (paths not listed: ENOENT); `reads` lists the paths read, in order. */
export function fakeReadHead(files: Record<string, FakeFile>): { readHead: ReadHead; reads: string[] } {
  const reads: string[] = [];
  const readHead: ReadHead = async (path, n) => {
    reads.push(path);
    const file = files[path] ?? 'ENOENT';
    if (file === 'hang') return new Promise<Buffer>(() => undefined);
    if (typeof file === 'string') throw fsError(file, path);
    return file.subarray(0, n);
  };
  return { readHead, reads };
}
