// Who needs the grant (macos-electron §3.1) and who launched us, as pure functions of their inputs.
import { describe, expect, it } from 'vitest';
import { bundleOf, detectLauncher, headlessLaunchContext } from '../../../electron/core/platform/launcher.js';
import { appName, describeGrantee } from '../../../electron/core/tcc/grantee.js';

const APP = '/Applications/imsg Companion.app';

describe('describeGrantee', () => {
  it.each([
    ['packaged app', { mode: 'app' as const, appPath: APP }, { kind: 'app', name: 'imsg Companion', path: APP }, 'imsg Companion (/Applications/imsg Companion.app)'],
    ['dev from Terminal', { mode: 'dev' as const, appPath: '/repo/node_modules/electron/dist/Electron.app', launcher: detectLauncher({ TERM_PROGRAM: 'Apple_Terminal' }) }, { kind: 'launcher', name: 'Terminal' }, 'Terminal, the app that started the development build'],
    ['dev from iTerm', { mode: 'dev' as const, appPath: '/x/Electron.app', launcher: detectLauncher({ TERM_PROGRAM: 'iTerm.app' }) }, { kind: 'launcher', name: 'iTerm' }, 'iTerm, the app that started'],
    ['headless from VS Code', { mode: 'headless' as const, appPath: '/opt/homebrew/bin/node', launcher: detectLauncher({ TERM_PROGRAM: 'vscode', __CFBundleIdentifier: 'com.microsoft.VSCode' }) }, { kind: 'launcher', name: 'Visual Studio Code' }, 'Visual Studio Code, the app that started imsg Companion'],
    ['headless without a terminal (launchd)', { mode: 'headless' as const, appPath: '/opt/homebrew/bin/node' }, { kind: 'executable', name: 'node', path: '/opt/homebrew/bin/node' }, 'node (/opt/homebrew/bin/node), the program running imsg Companion'],
    ['headless over SSH', { mode: 'headless' as const, appPath: '/usr/local/bin/node', launcher: detectLauncher({ SSH_CONNECTION: '10.0.0.2 50000 10.0.0.3 22' }) }, { kind: 'ssh', name: 'sshd-keygen-wrapper' }, 'started over SSH'],
    ['SSH-wrapped account (remote Mac)', { mode: 'app' as const, appPath: APP, remoteHost: 'bot@mac-mini' }, { kind: 'remote', name: 'sshd-keygen-wrapper on bot@mac-mini' }, 'Allow full disk access for remote users'],
  ])('%s', (_name, input, expected, text) => {
    const grantee = describeGrantee(input);
    expect(grantee).toMatchObject(expected);
    expect(grantee.text).toContain(text);
  });

  it('the remote host wins over a local launcher', () => {
    const grantee = describeGrantee({ mode: 'dev', appPath: '/x', launcher: detectLauncher({ TERM_PROGRAM: 'iTerm.app' }), remoteHost: 'mini' });
    expect(grantee.kind).toBe('remote');
    expect(grantee.path).toBeUndefined();
  });

  it('names the app after its bundle', () => {
    expect(appName('/Applications/Other Name.app')).toBe('Other Name');
    expect(appName('')).toBe('imsg Companion');
  });
});

describe('detectLauncher', () => {
  it.each([
    ['bundle id beats TERM_PROGRAM (tmux inside iTerm)', { __CFBundleIdentifier: 'com.googlecode.iterm2', TERM_PROGRAM: 'tmux' }, undefined, { name: 'iTerm', via: '__CFBundleIdentifier' }],
    ['Cursor reports TERM_PROGRAM=vscode but its own bundle id', { __CFBundleIdentifier: 'com.todesktop.230313mzl4w4u92', TERM_PROGRAM: 'vscode' }, undefined, { name: 'Cursor' }],
    ['unknown bundle id falls back to TERM_PROGRAM', { __CFBundleIdentifier: 'com.example.ours', TERM_PROGRAM: 'WarpTerminal' }, undefined, { name: 'Warp', via: 'TERM_PROGRAM' }],
    ['an unknown TERM_PROGRAM is shown as is', { TERM_PROGRAM: 'Rio' }, undefined, { name: 'Rio', kind: 'terminal' }],
    ['SSH session', { SSH_CLIENT: '10.0.0.2 50000 22' }, undefined, { name: 'sshd-keygen-wrapper', kind: 'ssh' }],
    ['parent process name', {}, 'launchd', { name: 'launchd', kind: 'parent' }],
  ])('%s', (_name, env, parent, expected) => {
    expect(detectLauncher(env, parent)).toMatchObject(expected);
  });

  it('finds nothing in an empty env, and ignores control characters', () => {
    expect(detectLauncher({})).toBeUndefined();
    expect(detectLauncher({ TERM_PROGRAM: 'evil\u0007' }, ' ')).toBeUndefined();
  });
});

describe('launch context and bundle path', () => {
  it('describes headless runs', () => {
    expect(headlessLaunchContext('darwin', detectLauncher({ TERM_PROGRAM: 'iTerm.app' }))).toBe('serve, started from iTerm');
    expect(headlessLaunchContext('darwin', detectLauncher({ SSH_CONNECTION: 'a b c d' }))).toBe('serve, started over SSH');
    expect(headlessLaunchContext('darwin', undefined)).toContain('without a terminal');
    expect(headlessLaunchContext('linux', detectLauncher({ TERM_PROGRAM: 'iTerm.app' }))).toBe('serve on Linux');
  });

  it('finds the .app around an executable', () => {
    expect(bundleOf('/Applications/imsg Companion.app/Contents/MacOS/imsg Companion')).toBe(APP);
    expect(bundleOf('/usr/local/bin/node')).toBe('/usr/local/bin/node');
  });
});
