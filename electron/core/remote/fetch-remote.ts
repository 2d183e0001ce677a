// Copy one attachment from the remote Mac with scp (§19 remote staging, §20 host rules).
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { join, posix, resolve } from 'node:path';
import { isSafeRemoteHost } from '../config/validators.js';
import { RemoteFileTooLargeError, ScpFailedError, UnsafeRemoteHostError, UnsafeRemotePathError } from './fetch-errors.js';
import { isSafeRemotePath } from './remote-path.js';
import { runScp, scpBinary, type ScpRunner } from './scp-runner.js';

/** Default time one scp may take before it is killed. */
export const DEFAULT_FETCH_TIMEOUT_MS = 60_000;
const STDERR_MAX = 500;

/** What {@link fetchRemoteFile} needs. */
export interface FetchRemoteOptions {
  host: string;
  remotePath: string;
  destDir: string;
  maxBytes: number;
  timeoutMs?: number;
  /** Extra scp/ssh options placed before `--` (e.g. `['-F', cfg]`); real users rely on ~/.ssh/config. */
  sshArgs?: string[];
  /** Test seam: how scp is run (default execa). */
  run?: ScpRunner;
}

/** A local file name for the copy: a hash of host+path (two `IMG_0001.jpeg` never collide) plus a tame basename. */
function localName(host: string, remotePath: string): string {
  const hash = createHash('sha256').update(`${host}:${remotePath}`).digest('hex').slice(0, 12);
  const base = posix.basename(remotePath).replace(/[^A-Za-z0-9._-]/g, '_').replace(/^\.+/, '_').slice(-100);
  return `${hash}-${base || 'attachment'}`;
}

/** The argv after the binary: §19's fixed options, the caller's extra ssh options, then `--`. */
export function scpArgs(host: string, remotePath: string, dest: string, sshArgs: readonly string[] = []): string[] {
  return ['-o', 'BatchMode=yes', '-o', 'StrictHostKeyChecking=yes', ...sshArgs, '--', `${host}:${remotePath}`, dest];
}

/** The end of a long stderr: ssh prints banners first and the actual cause last. */
function tail(text: string): string {
  return text.length <= STDERR_MAX ? text : `…${text.slice(-STDERR_MAX)}`;
}

/** Turn a failed run into the error the user sees. */
function failure(outcome: Awaited<ReturnType<ScpRunner>>, host: string, remotePath: string, timeoutMs: number): ScpFailedError {
  const stderr = tail(outcome.stderr.trim());
  if (outcome.timedOut) return new ScpFailedError(`scp timed out after ${timeoutMs} ms fetching ${host}:${remotePath}`, null, stderr);
  const code = outcome.exitCode ?? outcome.spawnError ?? 'unknown';
  return new ScpFailedError(`scp failed (${code}): ${stderr || `no error output (fetching ${host}:${remotePath})`}`, outcome.exitCode, stderr);
}

/**
 * Copy `host:remotePath` into `destDir` and return the local path. Host and path are validated
 * BEFORE anything is spawned; the copy lands under a temporary name and only becomes visible
 * when it exists and fits `maxBytes` (an oversized copy is deleted).
 */
export async function fetchRemoteFile(opts: FetchRemoteOptions): Promise<string> {
  const { host, remotePath, maxBytes } = opts;
  if (!isSafeRemoteHost(host)) throw new UnsafeRemoteHostError(host);
  if (!isSafeRemotePath(remotePath)) throw new UnsafeRemotePathError(remotePath);
  // Absolute, so scp can never read a `:` in the destination as another remote host.
  const destDir = resolve(opts.destDir);
  await mkdir(destDir, { recursive: true, mode: 0o700 });
  const dest = join(destDir, localName(host, remotePath));
  const partial = `${dest}.part-${randomBytes(6).toString('hex')}`;
  const timeoutMs = opts.timeoutMs ?? DEFAULT_FETCH_TIMEOUT_MS;
  try {
    const outcome = await (opts.run ?? runScp)(scpBinary(), scpArgs(host, remotePath, partial, opts.sshArgs), { timeoutMs });
    if (outcome.timedOut || outcome.exitCode !== 0) throw failure(outcome, host, remotePath, timeoutMs);
    const info = await stat(partial).catch(() => undefined);
    if (!info?.isFile()) throw new ScpFailedError(`scp failed (0): no file was written for ${host}:${remotePath}`, 0, tail(outcome.stderr.trim()));
    if (info.size > maxBytes) throw new RemoteFileTooLargeError(remotePath, info.size, maxBytes);
    await rename(partial, dest);
    return dest;
  } finally {
    // After a successful rename this is a no-op; after any failure it removes the partial copy.
    await rm(partial, { force: true, recursive: true });
  }
}
