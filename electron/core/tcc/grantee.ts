// Which process macOS asks about (macos-electron §3.1): the app bundle when packaged, the launching
// terminal in dev/headless runs, sshd's helper on the remote Mac for SSH-wrapped imsg.
import { basename } from 'node:path';
import { type Launcher, SSH_GRANTEE } from '../platform/launcher.js';

/** Everything the answer depends on (pure function of these). */
export interface GranteeInput {
  readonly mode: 'app' | 'dev' | 'headless';
  /** `platform.appPath()`: the .app bundle when packaged, else the executable. */
  readonly appPath: string;
  readonly launcher?: Launcher;
  /** Set when the account runs imsg on another Mac over SSH. */
  readonly remoteHost?: string;
}

/** The process that needs the grant. */
export interface Grantee {
  /** `app`: our bundle; `launcher`: a terminal/parent; `ssh`: sshd on this Mac; `remote`: sshd on the remote Mac; `executable`: our own binary. */
  readonly kind: 'app' | 'launcher' | 'ssh' | 'remote' | 'executable';
  /** Short name for steps ("Turn on iTerm"). */
  readonly name: string;
  /** One sentence for the row's "who needs it" line. */
  readonly text: string;
  /** What to drag into the list, when it's a file on this Mac. */
  readonly path?: string;
}

/** The app's display name from its bundle path ("/Applications/imsg Companion.app" → "imsg Companion"). */
export function appName(appPath: string): string {
  const name = basename(appPath).replace(/\.app$/i, '');
  return name || 'imsg Companion';
}

/** Describe who needs the grant. */
export function describeGrantee(input: GranteeInput): Grantee {
  if (input.remoteHost) {
    return {
      kind: 'remote',
      name: `${SSH_GRANTEE} on ${input.remoteHost}`,
      text: `The Mac at ${input.remoteHost}: imsg runs there over SSH, so macOS asks about ${SSH_GRANTEE} (Remote Login's "Allow full disk access for remote users").`,
    };
  }
  if (input.mode === 'app') {
    const name = appName(input.appPath);
    return { kind: 'app', name, text: `${name} (${input.appPath})`, path: input.appPath };
  }
  const launcher = input.launcher;
  const how = input.mode === 'dev' ? 'the development build' : 'imsg Companion';
  if (launcher?.kind === 'ssh') {
    return { kind: 'ssh', name: SSH_GRANTEE, text: `${SSH_GRANTEE}: ${how} was started over SSH, so macOS asks about the SSH login, not an app.` };
  }
  if (launcher) return { kind: 'launcher', name: launcher.name, text: `${launcher.name}, the app that started ${how} (macOS asks about it, not about imsg Companion).` };
  const name = basename(input.appPath) || input.appPath;
  return { kind: 'executable', name, text: `${name} (${input.appPath}), the program running ${how}.`, path: input.appPath };
}
