// Who launched us (Terminal, iTerm, VS Code, sshd…), from the environment only: in dev and headless
// runs that launcher is the process macOS asks about (macos-electron §3.1).

/** The process that started this one, as far as the environment tells. */
export interface Launcher {
  /** Display name, e.g. "iTerm" or "sshd-keygen-wrapper". */
  readonly name: string;
  /** `terminal`: a terminal or editor app; `ssh`: a remote login session; `parent`: a named parent process. */
  readonly kind: 'terminal' | 'ssh' | 'parent';
  /** Where the answer came from (for logs). */
  readonly via: '__CFBundleIdentifier' | 'TERM_PROGRAM' | 'SSH_CONNECTION' | 'parent';
}

/** Environment variables the detection reads (a subset of `process.env`). */
export type LauncherEnv = Readonly<Record<string, string | undefined>>;

// Bundle ids macOS puts in __CFBundleIdentifier for processes an app started.
const BUNDLE_IDS: Readonly<Record<string, string>> = {
  'com.apple.Terminal': 'Terminal',
  'com.googlecode.iterm2': 'iTerm',
  'com.microsoft.VSCode': 'Visual Studio Code',
  'com.microsoft.VSCodeInsiders': 'Visual Studio Code - Insiders',
  'com.todesktop.230313mzl4w4u92': 'Cursor',
  'dev.warp.Warp-Stable': 'Warp',
  'com.mitchellh.ghostty': 'Ghostty',
  'com.github.wez.wezterm': 'WezTerm',
  'net.kovidgoyal.kitty': 'kitty',
  'co.zeit.hyper': 'Hyper',
  'dev.zed.Zed': 'Zed',
};

const TERM_PROGRAMS: Readonly<Record<string, string>> = {
  Apple_Terminal: 'Terminal',
  'iTerm.app': 'iTerm',
  vscode: 'Visual Studio Code',
  WarpTerminal: 'Warp',
  ghostty: 'Ghostty',
  WezTerm: 'WezTerm',
  Hyper: 'Hyper',
  tmux: 'the terminal that started tmux',
};

/** The name SSH sessions are attributed to on macOS (the "remote users" Full Disk Access switch). */
export const SSH_GRANTEE = 'sshd-keygen-wrapper';

const clean = (value: string | undefined): string | undefined => {
  const v = value?.trim();
  return v && !/[\u0000-\u001f]/.test(v) ? v : undefined;
};

/**
 * Detect the launcher from env: the bundle id first (it survives tmux and shells), then
 * TERM_PROGRAM, then an SSH session, then the parent process name. Pure: same inputs, same answer.
 */
export function detectLauncher(env: LauncherEnv, parentName?: string): Launcher | undefined {
  const bundle = clean(env.__CFBundleIdentifier);
  // Only known launchers count: a packaged app sees its own bundle id here.
  if (bundle && BUNDLE_IDS[bundle]) return { name: BUNDLE_IDS[bundle], kind: 'terminal', via: '__CFBundleIdentifier' };
  const program = clean(env.TERM_PROGRAM);
  if (program) return { name: TERM_PROGRAMS[program] ?? program, kind: 'terminal', via: 'TERM_PROGRAM' };
  if (clean(env.SSH_CONNECTION) ?? clean(env.SSH_CLIENT)) return { name: SSH_GRANTEE, kind: 'ssh', via: 'SSH_CONNECTION' };
  const parent = clean(parentName);
  return parent ? { name: parent, kind: 'parent', via: 'parent' } : undefined;
}

/** "macOS", "Linux", "Windows" or the raw platform name. */
export function osName(platform: NodeJS.Platform): string {
  if (platform === 'darwin') return 'macOS';
  if (platform === 'linux') return 'Linux';
  if (platform === 'win32') return 'Windows';
  return platform;
}

/** Human launch context for the headless `serve`, e.g. "serve, started from iTerm" or "serve on Linux". */
export function headlessLaunchContext(platform: NodeJS.Platform, launcher: Launcher | undefined): string {
  if (platform !== 'darwin') return `serve on ${osName(platform)}`;
  if (!launcher) return 'serve, started without a terminal (launchd or a script)';
  if (launcher.kind === 'ssh') return 'serve, started over SSH';
  return `serve, started from ${launcher.name}`;
}

/** The .app bundle that contains `execPath` (Electron and helpers live in `X.app/Contents/MacOS/`), else `execPath`. */
export function bundleOf(execPath: string): string {
  const at = execPath.indexOf('.app/Contents/');
  return at > 0 ? execPath.slice(0, at + 4) : execPath;
}
