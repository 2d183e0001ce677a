// Read the first bytes of a protected file and judge them: TCC can allow open() and still block
// (or empty) the read, so only the bytes count (macos-electron §3.2).
import { promises as fs } from 'node:fs';

/** Seam: the first `n` bytes of `path` (fewer when the file is shorter); rejects with the fs error. */
export type ReadHead = (path: string, n: number) => Promise<Buffer>;

/** What reading a SQLite file's header found. */
export type HeadFinding = 'readable' | 'eperm' | 'eacces' | 'missing' | 'empty' | 'bad-header' | 'error' | 'timeout';

/** One header check of one file. */
export interface HeadCheck {
  readonly path: string;
  readonly finding: HeadFinding;
  /** The error code or what was wrong, for the detail line. */
  readonly detail?: string;
}

/** Every SQLite 3 database starts with these 16 bytes. */
export const SQLITE_HEADER: Buffer = Buffer.from('SQLite format 3\0', 'latin1');

/** Default {@link ReadHead}: open read-only and read from offset 0. */
export const readHead: ReadHead = async (path, n) => {
  const handle = await fs.open(path, 'r');
  try {
    const buffer = Buffer.alloc(n);
    const { bytesRead } = await handle.read(buffer, 0, n, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
};

const errorCode = (err: unknown): string | undefined =>
  typeof err === 'object' && err !== null && typeof (err as { code?: unknown }).code === 'string' ? (err as { code: string }).code : undefined;

/** Map a rejection of {@link ReadHead} to a finding: EPERM is TCC, EACCES plain file permissions. */
function fromError(path: string, err: unknown): HeadCheck {
  const code = errorCode(err);
  if (code === 'EPERM') return { path, finding: 'eperm', detail: 'EPERM' };
  if (code === 'EACCES') return { path, finding: 'eacces', detail: 'EACCES' };
  if (code === 'ENOENT' || code === 'ENOTDIR') return { path, finding: 'missing', detail: code };
  const message = err instanceof Error ? err.message : String(err);
  return { path, finding: 'error', detail: code ?? message.slice(0, 200) };
}

/** Read `path`'s first 16 bytes within `timeoutMs` and require the SQLite header; never throws. */
export async function checkSqliteHead(path: string, read: ReadHead, timeoutMs: number): Promise<HeadCheck> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), Math.max(1, timeoutMs));
  });
  try {
    const head = await Promise.race([read(path, SQLITE_HEADER.length), deadline]);
    if (head === 'timeout') return { path, finding: 'timeout', detail: `no answer within ${timeoutMs} ms` };
    if (head.length === 0) return { path, finding: 'empty', detail: 'the read returned no bytes' };
    if (head.length < SQLITE_HEADER.length || !head.equals(SQLITE_HEADER)) return { path, finding: 'bad-header', detail: `got ${head.length} byte(s) that are not a SQLite header` };
    return { path, finding: 'readable' };
  } catch (err) {
    return fromError(path, err);
  } finally {
    clearTimeout(timer);
  }
}
