// `~` expansion for user-supplied paths (config values, CLI flags).
import { homedir } from 'node:os';
import { join } from 'node:path';

/** Expand a leading `~` or `~/` to the user's home directory; other paths are returned as is. */
export function expandHome(path: string, home: string = homedir()): string {
  if (path === '~') return home;
  if (path.startsWith('~/')) return join(home, path.slice(2));
  return path;
}
