// Which remote paths may reach scp's argv (§20 staging): scp hands the path to the remote side,
// where a shell (legacy mode) or sftp's glob (default mode) would interpret special characters.

// §19's list: backslash, quotes, backtick, `$`, `;`, `|`, `&`, `<`, `>`, control characters.
const SPEC_UNSAFE = /[\\'"`$;|&<>\u0000-\u001f\u007f]/;
// Our addition: sftp-mode scp expands globs remotely, so one "path" could fetch many files.
const GLOB = /[*?[\]]/;

/**
 * True when `p` can be fetched as `host:p` without the remote side interpreting it: none of
 * §19's unsafe characters, no glob characters, no leading `-`, no `..` segment.
 */
export function isSafeRemotePath(p: string): boolean {
  if (p.trim() === '' || SPEC_UNSAFE.test(p) || GLOB.test(p)) return false;
  if (p.startsWith('-')) return false;
  return !p.split('/').some((segment) => segment === '..');
}
