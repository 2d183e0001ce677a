// A local attachment (the Mac is this machine): roots checked on the lexical AND the real path.
import { realpath, stat } from 'node:fs/promises';
import type { AttachmentEntry } from './entries.js';
import { underAnyRoot } from './roots.js';
import { tooLargeReason } from './size-text.js';
import type { DroppedAttachment } from './types.js';

/** The checked file, or why it was refused. */
export type LocalCheck = { ok: true; realPath: string } | { ok: false; drop: DroppedAttachment };

const refuse = (originalPath: string, reason: string): LocalCheck => ({ ok: false, drop: { originalPath, reason } });

/**
 * Check one local attachment: under a root lexically, then `realpath` it and match again (a link
 * cannot escape the roots), then a regular file within `maxBytes`. `realRoots` is
 * `withRealRoots(roots)`; the lexical check uses `roots` as configured.
 */
export async function checkLocalAttachment(entry: AttachmentEntry, roots: readonly string[], realRoots: readonly string[], maxBytes: number): Promise<LocalCheck> {
  const path = entry.path;
  if (!underAnyRoot(path, roots)) return refuse(path, 'outside allowed roots');
  let real: string;
  try {
    real = await realpath(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return refuse(path, code === 'ENOENT' || code === 'ENOTDIR' ? 'missing' : `unreadable (${code ?? String(err)})`);
  }
  if (!underAnyRoot(real, realRoots)) return refuse(path, 'outside allowed roots');
  const info = await stat(real).catch(() => undefined);
  if (!info) return refuse(path, 'missing');
  if (!info.isFile()) return refuse(path, 'not a regular file');
  if (info.size > maxBytes) return refuse(path, tooLargeReason(info.size, maxBytes));
  return { ok: true, realPath: real };
}
