// Value predicates the config schema uses for keys that later reach a process spawn or a path check.
import { posix } from 'node:path';

const SHELL_METACHARS = /[;&|`$<>]/;
const QUOTES = /["']/;
const CONTROL = /[\u0000-\u001f\u007f]/;
const BARE_NAME = /^[A-Za-z0-9._+-]+$/;
const SSH_TOKEN = /^[A-Za-z0-9._-]+$/;
const BRACKETED_IPV6 = /^\[[0-9A-Fa-f:.]+\]$/;
const WHITESPACE = /\s/;

/**
 * True for a bare executable name (`imsg`) or a path (`~/bin/imsg`, `/opt/x/imsg wrapper`):
 * no shell metacharacters, quotes or control characters; a bare name cannot look like an option.
 */
export function isSafeExecutableValue(value: string): boolean {
  const trimmed = value.trim();
  if (!trimmed || CONTROL.test(trimmed) || SHELL_METACHARS.test(trimmed) || QUOTES.test(trimmed)) return false;
  if (trimmed.startsWith('.') || trimmed.startsWith('~') || trimmed.includes('/')) return true;
  return !trimmed.startsWith('-') && BARE_NAME.test(trimmed);
}

/** True for `host` or `user@host` (or a bracketed IPv6 host): safe in ssh/scp's host position (§20). */
export function isSafeRemoteHost(value: string): boolean {
  const trimmed = value.trim();
  if (!trimmed || CONTROL.test(trimmed) || WHITESPACE.test(trimmed)) return false;
  if (trimmed.startsWith('-') || trimmed.includes('/') || trimmed.includes('\\')) return false;
  const at = trimmed.indexOf('@');
  let host = trimmed;
  if (at !== -1) {
    if (at !== trimmed.lastIndexOf('@') || at === 0 || at === trimmed.length - 1) return false;
    if (!SSH_TOKEN.test(trimmed.slice(0, at))) return false;
    host = trimmed.slice(at + 1);
  }
  if (host.startsWith('-')) return false;
  return SSH_TOKEN.test(host) || BRACKETED_IPV6.test(host);
}

/**
 * True for an absolute attachment root pattern other than `/`, where `*` may only stand for a
 * whole path segment (`/Users/<star>/Library`), so `**` and `foo*` are invalid.
 */
export function isValidRootPattern(value: string): boolean {
  const trimmed = value.trim();
  if (!trimmed || trimmed.includes('\0')) return false;
  const normalized = posix.normalize(trimmed.replaceAll('\\', '/'));
  if (!normalized.startsWith('/') || normalized === '/') return false;
  const segments = normalized.split('/').filter(Boolean);
  return segments.length > 0 && segments.every((s) => s === '*' || !s.includes('*'));
}

/** True for an account id usable in key paths and state file names: letters, digits, `-`, `_`. */
export function isValidAccountId(value: string): boolean {
  return /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/.test(value);
}

/** True for a `groups` key: a numeric chat_id or the `*` wildcard (keys are matched exactly, §11). */
export function isValidGroupKey(value: string): boolean {
  return value === '*' || /^\d+$/.test(value);
}
