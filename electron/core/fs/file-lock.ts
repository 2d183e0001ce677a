// A lock that is exclusive across processes (the CLI and the running app write the same files).
//
// The lock is a directory at `lockPath` holding one `holder-<token>.json` (pid, host, time).
// Taking it: build a private directory with the holder file, then rename it onto `lockPath`;
// rename succeeds only when `lockPath` is absent or an empty directory, so at most one wins.
// Breaking a stale lock unlinks that holder's *token-named* file (only one breaker can succeed,
// and a newer holder's file has another name) and then rmdirs, which fails on a non-empty dir:
// no process can ever remove a lock that someone else has just taken.
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { hostname } from 'node:os';
import { dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/** Options for {@link withFileLock}. */
export interface FileLockOptions {
  /** Give up after this long (default 10 s). */
  readonly timeoutMs?: number;
  /** A holder whose heartbeat is older than this is stale (default 30 s). */
  readonly staleMs?: number;
}

/** Who holds a lock, as read from its holder file. */
interface Holder {
  readonly file: string;
  readonly pid?: number;
  readonly host?: string;
  readonly since?: string;
  readonly ageMs: number;
}

const HOLDER_RE = /^holder-[0-9a-f]+\.json$/;

/**
 * Run `fn` while holding the cross-process lock at `lockPath`; released in `finally`. Not
 * re-entrant: a nested call on the same path waits for itself and times out.
 */
export async function withFileLock<T>(lockPath: string, fn: () => Promise<T>, opts: FileLockOptions = {}): Promise<T> {
  const timeoutMs = opts.timeoutMs ?? 10_000;
  const staleMs = opts.staleMs ?? 30_000;
  const token = randomBytes(8).toString('hex');
  const holderFile = join(lockPath, `holder-${token}.json`);
  await acquire(lockPath, token, timeoutMs, staleMs);
  // Refresh the heartbeat so a long but live holder never looks stale.
  const beat = setInterval(() => {
    const now = new Date();
    fs.utimes(holderFile, now, now).catch(() => undefined);
  }, Math.max(50, Math.floor(staleMs / 3)));
  beat.unref();
  try {
    return await fn();
  } finally {
    clearInterval(beat);
    await release(lockPath, holderFile);
  }
}

async function acquire(lockPath: string, token: string, timeoutMs: number, staleMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  await fs.mkdir(dirname(lockPath), { recursive: true, mode: 0o700 });
  for (let attempt = 0; ; attempt++) {
    if (await tryTake(lockPath, token)) return;
    const holder = await readHolder(lockPath);
    if (holder && isStale(holder, staleMs)) {
      await breakLock(lockPath, holder);
      continue;
    }
    if (Date.now() >= deadline) {
      const who = holder ? ` (held by pid ${holder.pid ?? 'unknown'}${holder.host ? ` on ${holder.host}` : ''}${holder.since ? ` since ${holder.since}` : ''})` : '';
      throw new Error(`Timed out after ${timeoutMs} ms waiting for lock ${lockPath}${who}`);
    }
    // Jittered backoff so contending processes do not retry in lockstep.
    const base = Math.min(100, 5 * 2 ** Math.min(attempt, 5));
    await sleep(Math.round(base * (0.5 + Math.random())));
  }
}

/** One attempt: true when this process now holds the lock. */
async function tryTake(lockPath: string, token: string): Promise<boolean> {
  const staging = `${lockPath}.${token}.tmp`;
  await fs.mkdir(staging, { mode: 0o700 });
  try {
    const info = { pid: process.pid, host: hostname(), since: new Date().toISOString() };
    await fs.writeFile(join(staging, `holder-${token}.json`), JSON.stringify(info), { mode: 0o600 });
    await fs.rename(staging, lockPath);
    return true;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOTEMPTY' || code === 'EEXIST') return false;
    if (code === 'ENOTDIR') throw new Error(`Lock path ${lockPath} exists but is not a lock directory; remove it if no imsg-companion process is running`);
    throw err;
  } finally {
    await fs.rm(staging, { recursive: true, force: true });
  }
}

/** The current holder, or undefined when the lock is free or mid-release. */
async function readHolder(lockPath: string): Promise<Holder | undefined> {
  try {
    const name = (await fs.readdir(lockPath)).find((n) => HOLDER_RE.test(n));
    if (!name) return undefined;
    const file = join(lockPath, name);
    const stat = await fs.stat(file);
    const ageMs = Date.now() - stat.mtimeMs;
    try {
      const info = JSON.parse(await fs.readFile(file, 'utf8')) as { pid?: unknown; host?: unknown; since?: unknown };
      return {
        file,
        ageMs,
        pid: typeof info.pid === 'number' ? info.pid : undefined,
        host: typeof info.host === 'string' ? info.host : undefined,
        since: typeof info.since === 'string' ? info.since : undefined,
      };
    } catch {
      return { file, ageMs };
    }
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
}

function isStale(holder: Holder, staleMs: number): boolean {
  if (holder.ageMs > staleMs) return true;
  if (holder.pid === undefined || holder.host !== hostname()) return false;
  return !isAlive(holder.pid);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: the process exists but belongs to someone else.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Remove exactly the stale holder seen; a no-op when someone else got there first. */
async function breakLock(lockPath: string, holder: Holder): Promise<void> {
  try {
    await fs.unlink(holder.file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw err;
  }
  await removeEmptyDir(lockPath);
}

async function release(lockPath: string, holderFile: string): Promise<void> {
  try {
    await fs.unlink(holderFile);
  } catch (err) {
    // Our lock was broken as stale (we stalled past staleMs); never touch the new holder's.
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw err;
  }
  await removeEmptyDir(lockPath);
}

async function removeEmptyDir(dir: string): Promise<void> {
  try {
    await fs.rmdir(dir);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    // ENOTEMPTY/EEXIST: a new holder renamed its directory in; that is its lock now.
    if (code !== 'ENOENT' && code !== 'ENOTEMPTY' && code !== 'EEXIST') throw err;
  }
}
