// Where remote copies land: `<stateDir>/media/remote-cache/<safe session dir>/` (§19).
import { createHash } from 'node:crypto';
import { join } from 'node:path';

/**
 * A directory name for a session key: unsafe characters become `_` (keys hold `:` and `+`),
 * plus a hash so two keys that sanitize alike never share a directory, and never `.`/`..`.
 */
export function safeSessionDir(sessionKey: string): string {
  const readable = sessionKey.replace(/[^A-Za-z0-9._-]/g, '_').replace(/^\.+/, '_').slice(0, 80);
  const hash = createHash('sha256').update(sessionKey).digest('hex').slice(0, 10);
  return `${readable || 'session'}-${hash}`;
}

/** The remote-cache directory of one session under `stateDir`. */
export function remoteCacheDir(stateDir: string, sessionKey: string): string {
  return join(stateDir, 'media', 'remote-cache', safeSessionDir(sessionKey));
}
