// remoteHost auto-detection from an SSH wrapper script used as cliPath (§20).
import { readFile as fsReadFile } from 'node:fs/promises';
import { expandHome } from '../fs/expand-home.js';
import { isSafeRemoteHost } from '../config/validators.js';

// Rule 1: the first `user@host` token after the word `ssh` on the same line (`user@host:22` → `user@host`).
const USER_AT_HOST = /\bssh\b[^\n]*?[ \t]([A-Za-z0-9._-]+@[A-Za-z0-9._-]+)/;
// Rule 2: a bare host token followed by a token ending in `imsg`. The lazy scan keeps the
// reference's quirk: `ssh mac-mini sudo -u bot imsg` yields `bot`.
const HOST_BEFORE_IMSG = /\bssh\b[^\n]*?[ \t]([A-Za-z0-9._-]+)[ \t]+\S*imsg(?=\s|$)/m;

/** The raw host §20's two rules find in a wrapper script's text (not yet validated), if any. */
export function findRemoteHostInScript(text: string): string | undefined {
  return USER_AT_HOST.exec(text)?.[1] ?? HOST_BEFORE_IMSG.exec(text)?.[1];
}

/**
 * Read the `cliPath` script (`~` expanded) and detect its SSH host (§20). `host` is a value
 * that passed host validation; `ignored` is a detected value that did not. Unreadable → `{}`.
 */
export async function detectRemoteHost(
  cliPath: string,
  readFile: (p: string) => Promise<string> = (p) => fsReadFile(p, 'utf8'),
): Promise<{ host?: string; ignored?: string }> {
  let text: string;
  try {
    text = await readFile(expandHome(cliPath.trim()));
  } catch {
    return {};
  }
  const found = findRemoteHostInScript(text);
  if (found === undefined) return {};
  return isSafeRemoteHost(found) ? { host: found } : { ignored: found };
}
