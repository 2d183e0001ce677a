// A remote attachment (the Mac is reached over SSH): validated here, then copied with scp.
import { fetchRemoteFile } from '../remote/fetch-remote.js';
import { RemoteFileTooLargeError, UnsafeRemotePathError } from '../remote/fetch-errors.js';
import { isSafeRemotePath } from '../remote/remote-path.js';
import type { AttachmentEntry } from './entries.js';
import { underAnyRoot } from './roots.js';
import { tooLargeReason } from './size-text.js';
import type { DroppedAttachment } from './types.js';

/** Where and how remote copies are made. */
export interface RemoteContext {
  host: string;
  destDir: string;
  maxBytes: number;
  fetchRemote: typeof fetchRemoteFile;
  sshArgs?: string[];
}

/** The local copy, or why there is none. */
export type RemoteCheck = { ok: true; localPath: string } | { ok: false; drop: DroppedAttachment };

const refuse = (originalPath: string, reason: string): RemoteCheck => ({ ok: false, drop: { originalPath, reason } });

/** Describe a fetch error for a drop reason. */
function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/**
 * Check then copy one remote attachment: an unsafe path is refused first (before the root match,
 * which would normalize `..` away), then the roots, then the reported size, then scp.
 */
export async function fetchRemoteAttachment(entry: AttachmentEntry, roots: readonly string[], ctx: RemoteContext): Promise<RemoteCheck> {
  const path = entry.path;
  if (!isSafeRemotePath(path)) return refuse(path, 'unsafe remote path');
  if (!underAnyRoot(path, roots)) return refuse(path, 'outside allowed roots');
  if (entry.totalBytes !== undefined && entry.totalBytes > ctx.maxBytes) return refuse(path, tooLargeReason(entry.totalBytes, ctx.maxBytes));
  try {
    const localPath = await ctx.fetchRemote({ host: ctx.host, remotePath: path, destDir: ctx.destDir, maxBytes: ctx.maxBytes, ...(ctx.sshArgs ? { sshArgs: ctx.sshArgs } : {}) });
    return { ok: true, localPath };
  } catch (err) {
    if (err instanceof RemoteFileTooLargeError) return refuse(path, tooLargeReason(err.bytes, err.maxBytes));
    if (err instanceof UnsafeRemotePathError) return refuse(path, 'unsafe remote path');
    return refuse(path, `fetch failed: ${errorText(err)}`);
  }
}
