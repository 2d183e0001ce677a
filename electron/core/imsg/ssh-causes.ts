// Causes for accounts whose imsg runs over SSH (another Mac, or a bot user on this one): the fix
// names that host and user, because the grants and the login live there, not in this app.
import type { ImsgCause } from './cause-texts.js';
import type { SshFailure } from './ssh-text.js';

/** Who runs imsg on the other end, in words: "the user bot on this Mac" or "mac-mini". */
export function remoteWho(remoteHost: string): { where: string; user?: string; local: boolean } {
  const at = remoteHost.lastIndexOf('@');
  const user = at > 0 ? remoteHost.slice(0, at) : undefined;
  const host = at >= 0 ? remoteHost.slice(at + 1) : remoteHost;
  const local = /^(localhost|127\.0\.0\.1|::1)$/i.test(host);
  if (local) return { where: user ? `the macOS user ${user} on this Mac` : 'this Mac over SSH', user, local };
  return { where: user ? `${host} (as ${user})` : host, user, local };
}

/** The SSH hop failed: Remote Login, key login and the host key are what to check. */
export function sshCause(failure: SshFailure, remoteHost: string | undefined): ImsgCause {
  const target = remoteHost ?? failure.host ?? 'the remote Mac';
  const who = remoteHost ? remoteWho(remoteHost).where : target;
  const tryIt = `In Terminal, run: ssh ${target} true`;
  const texts: Record<SshFailure['problem'], { summary: string; fix: string }> = {
    'host-key': {
      summary: `SSH to ${who} was refused: the host key is not known or has changed.`,
      fix: `${tryIt} once and accept the host key (if it changed on purpose, remove the old line from ~/.ssh/known_hosts first).`,
    },
    auth: {
      summary: `SSH to ${who} didn't accept the login (no key, or the key isn't authorised there).`,
      fix: `Set up key login (ssh-copy-id ${target}), then check it works without a password prompt: ssh ${target} true`,
    },
    resolve: { summary: `SSH can't find the host ${failure.host ?? target}.`, fix: `Check the host name in the wrapper script (cliPath), then: ssh ${target} true` },
    refused: {
      summary: `SSH to ${who} was refused: Remote Login is probably off there.`,
      fix: `On ${who}, turn on System Settings → General → Sharing → Remote Login; then check: ssh ${target} true`,
    },
    unreachable: { summary: `SSH can't reach ${who} (timed out or no route).`, fix: `Check that ${who} is awake and on the network with Remote Login on; then: ssh ${target} true` },
    'remote-imsg-missing': {
      summary: `SSH to ${who} works, but imsg isn't installed there (or not at the path the wrapper uses).`,
      fix: `Install imsg for that user on that Mac (brew install steipete/tap/imsg) or fix the imsg path in the wrapper script.`,
    },
  };
  return { kind: 'ssh', ...texts[failure.problem], detail: failure.line };
}

/** Full Disk Access or Automation missing on the other end: the grant is made there. */
export function remoteGrantCause(kind: 'full-disk-access' | 'automation', remoteHost: string, detail?: string): ImsgCause {
  const { where, user, local } = remoteWho(remoteHost);
  const on = local ? 'On this Mac' : `On ${where}`;
  const signIn = user ? ` signed in as ${user}` : '';
  if (kind === 'full-disk-access') {
    return {
      kind,
      summary: `imsg running as ${where} can't read the Messages history there: Full Disk Access for remote logins is off.`,
      fix: `${on}, open System Settings → General → Sharing, click ⓘ next to Remote Login and turn on "Allow full disk access for remote users"; Messages must be set up${signIn ? ` for ${user}` : ''} there.`,
      detail,
    };
  }
  return {
    kind,
    summary: `imsg running as ${where} isn't allowed to control Messages there, so replies can't be sent.`,
    fix: `${on}${signIn}, open System Settings → Privacy & Security → Automation and allow sshd-keygen-wrapper to control Messages (send one message with imsg over SSH there to get the prompt).`,
    detail,
  };
}
