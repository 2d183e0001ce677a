// §19 root matching, plus the symlink-aware variant local files need (the matcher itself is policy's).
import { realpath } from 'node:fs/promises';
import { isUnderRoot } from '../policy/inbound-body.js';

/** True when `path` lies under any of `roots` (lexical §19 match; an empty list denies). */
export function underAnyRoot(path: string, roots: readonly string[]): boolean {
  return roots.some((root) => isUnderRoot(path, root));
}

/**
 * Each root plus, where it differs, the root with its literal prefix (the segments before the
 * first `*`) resolved through symlinks, so a real path still matches a root such as `/var/…`
 * that is itself reached through a link (macOS `/var` → `/private/var`).
 */
export async function withRealRoots(roots: readonly string[]): Promise<string[]> {
  const out = new Set(roots);
  for (const root of roots) {
    const segments = root.split('/');
    const star = segments.indexOf('*');
    const prefix = (star === -1 ? segments : segments.slice(0, star)).join('/');
    if (prefix === '') continue;
    const real = await realpath(prefix).catch(() => undefined);
    if (real !== undefined && real !== prefix) out.add([real, ...(star === -1 ? [] : segments.slice(star))].join('/'));
  }
  return [...out];
}
